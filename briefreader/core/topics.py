"""Topic segmentation, labels and extractive summaries of one briefing, and topics
that run across briefings.

``segment_briefing`` cuts a briefing into subjects on block boundaries:

- every format: headings (and short stand-alone header lines, such as bold lines
  after Markdown rendering) open a subject;
- reports and notes: cue phrases that open a subject ("Regarding …", "As for …",
  "Finally, …") and dips in lexical cohesion between neighbouring blocks (a
  TextTiling depth score over stemmed, stop-worded, idf-weighted term vectors,
  relative to the text's own depth scores); a paragraph that goes on quoting
  ("“…,” he said") or opens with anaphora ("He also…") stays with the one before;
- transcripts: a reporter's question opens a subject unless it follows up: a
  question that names the subject under way ("On the sanctions, …"), or shares
  enough of its key terms (a long question needs more, a follow-up cue less); a
  switch cue ("Switching topics", "separately") always opens one, and lead-ins with
  no content ("Just one more.") or the rest of an interrupted question never do. The
  briefer's statements are split per announcement (paragraph cues such as "Also,",
  "Tomorrow,", "I also want to…", a new official taking the floor, low cohesion); an
  answer splits where it takes up the second part of a question.
- segments too small to be a subject are merged into a neighbour.

Each segment gets a label (2–5 surface words: the subject its opening names, else its
best key phrases), keywords (5–8 surface words) and a summary of 1–2 whole sentences
chosen by centrality (degree centrality of the sentence similarity graph, as in
LexRank, computed through the segment centroid) with a position prior; never a
question, a greeting or turn-taking. Key terms are tf × idf over the briefing's
segments, weighted down for words most briefings use and words mostly used as verbs
(``topics_background``); names of speakers and of reporters addressed ("Go ahead,
Peter.") never name a subject.

``corpus_topics`` groups segments of different briefings by the cosine of their
tf-idf key-term vectors (single-pass centroid clustering over an inverted index).

Pure Python, offline, and fast: one tokenisation pass per briefing, cached stems.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from briefreader.core.model import REPORTER, Block, Briefing, CorpusTopic, Segment
from briefreader.core.topics_background import DOC_PERCENT, VERB_LIKE
from briefreader.core.topics_text import (
    BOILERPLATE_START,
    FIRST_NAMES,
    TITLE_STEMS,
    VOCATIVE_CONTEXT,
    query_stems,
    stem_word,
    surface_key,
    terms,
)

__all__ = ["segment_briefing", "corpus_topics", "depth_scores"]

# ---------------------------------------------------------------------------
# Cues
# ---------------------------------------------------------------------------

_LEAD = r"^\W*(?:(?:and|but|now|so|then|also|okay|ok|well)\b,?\s+){0,3}"

_NOT_TOPIC = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march"
    r"|april|may|june|july|august|september|october|november|december|the\s+\d|\d|this|that"
    r"|these|those|top|behalf|background|record|board|average|balance|one|it|which|whether"
    r"|and|the\s+one\s+hand|the\s+other\s+hand|a\s+daily|an?\s+\w+\s+basis|your|my|our|their|his|her)"
)

# A paragraph (of a report, or of a briefer's statement) that opens a new subject.
_TOPIC_CUE = re.compile(
    _LEAD + r"(?:"
    r"regarding|concerning|as\s+(?:for|to|regards)\b|with\s+(?:regard|respect|reference)\s+to"
    r"|in\s+(?:regard|relation|reference)\s+to|turning\s+(?:now\s+)?to|moving\s+(?:on\s+)?to"
    r"|to\s+turn\s+to|switching\s+(?:gears|topics)|speaking\s+(?:about|of|on)|talking\s+about"
    r"|commenting\s+on|asked\s+(?:about|whether|if|to|for|what|how|why)|when\s+asked"
    r"|responding\s+to|in\s+response\s+to|answering\s+(?:a\s+)?question|touching\s+(?:on|upon)"
    r"|addressing\s+(?:the|a|an|questions?|reports?|concerns?)|separately|elsewhere|in\s+other\s+news"
    r"|on\s+the\s+(?:subject|issue|question|topic|matter)\s+of|on\s+another\s+(?:note|topic|subject|issue)"
    r"|on\s+a\s+(?:different|separate|related)\s+(?:note|topic|subject|issue)"
    r"|finally|lastly|last(?:ly)?\s+but\s+not\s+least|one\s+(?:last|final|more)\s+(?:thing|item|note|update)"
    r"|in\s+addition|additionally|also(?=,)|next\b|another\s+(?:item|thing|announcement|update|topic)"
    r"|(?:second|third|fourth|fifth)(?:ly)?(?=,)|some\s+(?:additional|other|more)\s+news"
    r"|i\s+(?:also\s+)?(?:want(?:ed)?|would\s+like|(?:'|’)d\s+like)\s+to\s+(?:also\s+)?(?:note|highlight|announce"
    r"|give|provide|share|update|flag|mention|touch|raise|take\s+a\s+(?:moment|minute|second)|turn|welcome"
    r"|acknowledge|talk|address|speak|say\s+a\s+(?:few|couple)|(?:briefly\s+)?(?:discuss|review|preview))"
    r"|i\s+also\s+(?:have|want|wanted|wanna)|we\s+also\s+(?:have|want|wanted)"
    r"|(?:a|one|two|three|a\s+few|a\s+couple(?:\s+of)?)\s+(?:other\s+|more\s+|additional\s+|quick\s+)*"
    r"(?:items?|things?|updates?|announcements?|notes?)\s+(?:at\s+the\s+top|for\s+you|to\s+(?:share|note|flag))"
    r"|let(?:'|’)s\s+(?:now\s+)?(?:take\s+a\s+(?:quick\s+)?look|turn|move|look)\s+(?:at|to)"
    r"|let\s+me\s+(?:now\s+|also\s+)?(?:turn|move|say\s+a\s+(?:few|word)|give\s+(?:you\s+)?an?\s+update)"
    r"|to\s+(?:review|recap|summarize)\b"
    r")\b",
    re.IGNORECASE,
)

# "On the tariffs, …" / "On Iran, …" / "On the week ahead." (not "On Friday, …").
_ON_CUE = re.compile(
    _LEAD + r"on\s+(?!" + _NOT_TOPIC + r"\b)((?:the\s+)?[^,.;:?!—–]{2,60}?)\s*[,.—–:]",
    re.IGNORECASE,
)

# "Hi there. Just on the Hezbollah strike, …": a subject named near the start.
_ON_ANY = re.compile(
    r"(?:^|[.?!—]\s+|\b(?:just|and|also|now|quickly|first|second)\s+)on\s+(?!" + _NOT_TOPIC + r"\b)"
    r"((?:the\s+)?[^,.;:?!—–]{2,60}?)\s*[,.—–:?]",
    re.IGNORECASE,
)

# "Vaccinations: We've had…" — a subject named, then a colon.
_LABEL_CUE = re.compile(
    r"^(?!(?:look|listen|again|so|now|well|here|note|bottom\s+line|remember|first|second|third"
    r"|also|and|but|yes|no|okay|one|two|three|quote|end\s+quote|q|a|question|answer|i|we)\b)"
    r"[A-Z][\w’'&/-]*(?:\s+[\w’'&/-]+){0,3}:\s+[A-Z“\"]",
    re.IGNORECASE,
)

# An announcement of the schedule, which in a statement often opens an item.
_SCHEDULE_CUE = re.compile(
    _LEAD + r"(?:tomorrow|tonight|later\s+(?:today|this\s+week)|this\s+(?:coming\s+)?(?:week|weekend)"
    r"|next\s+(?:week|month)|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|today,?\s+(?:we|the\s+president|president)\s+(?:are|is|will)\s+(?:announc|releas|launch|sign|host|travel))",
    re.IGNORECASE,
)

# "also" early in the paragraph: "The President has also made clear…"
_ALSO_CUE = re.compile(r"^\W*(?:[\w’'-]+\s+){0,5}?(?:also|added|further)\b", re.IGNORECASE)

# A paragraph that goes on with the one before: a quotation continuing reported
# speech, or anaphora.
_CONTINUE_CUE = re.compile(
    r"^\W*(?:[“\"‘]|(?:he|she|they|it|this|that|these|those|however|but|still|yet|moreover"
    r"|furthermore|at\s+the\s+same\s+time|in\s+particular|for\s+example|for\s+instance"
    r"|according\s+to\s+(?:him|her)|in\s+fact|indeed|instead|otherwise|therefore|thus"
    r"|that\s+said|even\s+so|as\s+a\s+result|because|to\s+that\s+end)\b)",
    re.IGNORECASE,
)

# An answer taking up another part of a question.
_ANSWER_PART = re.compile(
    r"^.{0,60}?\b(?:your|the)\s+(?:second|other|last|next|third|follow-up)\s+(?:question|part|point)\b"
    r"|" + _LEAD + r"(?:with\s+(?:regard|respect)\s+to|regarding|as\s+(?:for|to)|on|to)\s+your\s+"
    r"(?:question|point)\s+(?:about|on|regarding|of)\b",
    re.IGNORECASE,
)

# Closing announcements at the end of a briefing.
_CLOSING_CUE = re.compile(
    _LEAD + r"(?:before\s+(?:we|i)\s+(?:close|wrap|go|end|leave|conclude|let\s+you\s+go)"
    r"|i\s+(?:also\s+)?(?:want(?:ed)?|would\s+like)\s+to\s+(?:also\s+)?announce"
    r"|one\s+(?:last|final)\s+(?:announcement|note|item|update))\b",
    re.IGNORECASE,
)

# Reporter follow-ups that stay in the current subject.
_FOLLOW_UP = re.compile(
    r"\b(?:follow(?:[\s-]?up|ing\s+up|\s+on)|followup|on\s+that\b|to\s+that\s+(?:point|end)"
    r"|along\s+those\s+lines|related(?:\s+to\s+that)?|on\s+the\s+same|same\s+(?:topic|subject|issue|thing|vein)"
    r"|staying\s+on|stay(?:ing)?\s+with|sticking\s+with|on\s+this\b|piggyback|building\s+on|just\s+to\s+clarify"
    r"|to\s+clarify|clarif(?:y|ication)|you\s+(?:just\s+)?(?:said|mentioned|noted|talked|referenced)"
    r"|you\s+were\s+(?:saying|asked)|(?:one\s+)?more\s+on\s+(?:that|this|it)|also\s+on\s+(?:that|this)"
    r"|just\s+to\s+be\s+clear|to\s+be\s+clear|in\s+that\s+vein|speaking\s+of\s+which|relatedly|similarly"
    r"|likewise|as\s+well\s+on)\b",
    re.IGNORECASE,
)

# Reporter questions that announce a change of subject.
_SWITCH = re.compile(
    r"\b(?:switch(?:ing)?\s+(?:topics?|subjects?|gears)|change\s+(?:of\s+)?(?:topics?|subjects?|gears)"
    r"|chang(?:e|ing)\s+(?:topics?|subjects?|gears)|shift(?:ing)?\s+(?:gears|topics?)"
    r"|(?:different|separate|unrelated|another|new|other)\s+(?:topic|subject|issue|matter)"
    r"|on\s+another\b|unrelated|separately|turning\s+to|moving\s+(?:on\s+)?to|pivot(?:ing)?\s+to"
    r"|(?:two|a\s+couple\s+of?|a\s+few)\s+(?:different\s+)?(?:topics|subjects))\b",
    re.IGNORECASE,
)

# "I want to ask about X", "a question on X": the subject a question names.
_ABOUT_CUE = re.compile(
    r"^.{0,50}?\b(?:ask(?:\s+you)?|question|questions)\s+(?:about|on|regarding)\s+"
    r"(?!" + _NOT_TOPIC + r"\b)((?:the\s+)?[^,.;:?!—–]{2,50}?)\s*(?:[,.;:?!—–]|$)",
    re.IGNORECASE,
)

_GREETING = re.compile(
    r"^\W*(?:(?i:thanks?|thank\s+you|great|okay|ok|alright|all\s+right|yeah|yes|hi|hey|hello"
    r"|good\s+(?:morning|afternoon|evening)|sure|sorry|oh|so|well|happy\s+\w+day)"
    r"(?:,?\s+(?:(?i:so\s+much|very\s+much|a\s+lot|everybody|everyone|all|guys|both|again|there"
    r"|for\s+(?:this|doing\s+this|taking\s+(?:my|the|our)\s+questions?))|[A-Z][\w’'.-]*)){0,3}"
    r"\s*[.!,:;—–-]+\s*)+"
)

_HOSTS = re.compile(r"\b(?:moderator|operator|aide|staff|announcer|host)\b", re.IGNORECASE)
_NEXT_REPORTER = re.compile(r"\b(?:go(?:ing)?\s+to|next|question|line\s+of|turn\s+to)\b", re.IGNORECASE)
# a reporter introducing themselves and their outlet ("This is Katie Lobosco at CNN.",
# "Orion Donovan Smith with the Spokesman-Review."): names, never a subject
_NAME_RUN = r"((?:[A-Z][\w'’\-]+\s+){0,3}[A-Z][\w'’\-]+)"
_SELF_INTRO = re.compile(
    r"(?:\b(?:[Tt]his\s+is|[Ii]t['’]s|I['’]m|[Mm]y\s+name\s+is)\s+" + _NAME_RUN
    + r"|(?:^|(?:[Hh]i|[Hh]ey|[Hh]ello|[Yy]es|[Tt]hanks|[Tt]hank\s+you)\b[^.!?]{0,20}[.!,]\s+)" + _NAME_RUN
    + r"(?=\s+(?:here\s+)?(?:with|from|at)\s+(?:the\s+)?[A-Z]))"
    r"(?:\s+(?:here\s+)?(?:with|from|at)\s+(?:the\s+)?" + _NAME_RUN + r")?"
)
_INTERRUPTED = re.compile(r"^\s*(?:[—–…-]|\.\.\.|[a-z])")

_HEADER_END = re.compile(r"[.!?;:,“”\"’]\s*$")

# ---------------------------------------------------------------------------
# Parameters (one place; meant to generalise, not fitted to one document)
# ---------------------------------------------------------------------------

WINDOW = 2  # blocks on each side of a gap for the cohesion score
DEPTH_FLOOR = 0.25  # a cohesion dip below this never opens a subject on its own
DEPTH_SD = 1.0  # … nor one less than mean + DEPTH_SD × sd of the text's depth scores
STATEMENT_MIN_CONTENT = 8  # content words a statement paragraph needs to open a subject
SPEAKER_MIN_CONTENT = 25  # … and an official taking the floor, over their turn
QUESTION_MIN_CONTENT = 4  # a question with fewer content words is a lead-in
QUESTION_SIM = 0.08  # a question this close to the current subject follows up
FOLLOW_FACTOR = 0.5  # … or this times as close, with a follow-up cue
ANSWER_WEIGHT = 0.5  # weight of the answer's first paragraph in a question's terms
LONG_QUESTION = 10  # content words that make a long question
LONG_FACTOR = 2.0  # … which needs this times QUESTION_SIM to follow up
MIN_CONTENT_TERMS = 6  # a report segment with fewer content words is merged
TRANSCRIPT_MIN_CONTENT = 10  # … a transcript segment
CUED_BLOCK_CONTENT = 8  # a one-paragraph segment stands if cued and this long
SUMMARY_MAX_WORDS = 70
SUMMARY_CANDIDATES = 40  # sentences of a segment weighed for its summary
SCAN_UNITS = 24  # sentences of a segment read for its label's phrases and word forms
KEY_CANDIDATES = 30  # terms considered for a label and keywords
OPENER_BONUS = 1.5  # label weight of the words of a segment's opening question


# ---------------------------------------------------------------------------
# The analysed briefing
# ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Unit:
    """A sentence (or a block without sentences) with its tokens."""

    start: int
    end: int
    block: int
    toks: list[str]
    stems: list[str]
    candidate: bool  # may be a summary sentence


@dataclass(slots=True)
class _Doc:
    b: Briefing
    units: list[_Unit]
    block_units: list[list[int]]
    block_vec: list[Counter[str]]
    idf: dict[str, float]
    names: set[str]  # lowercased words that never name a topic (vocatives, speaker names)
    content: list[int] = field(default_factory=list)  # content-word count per block


_SENT_FALLBACK = re.compile(r"[^.!?]+(?:[.!?]+[”’\"')\]]*|$)")


def _analyse(b: Briefing) -> _Doc:
    blocks = b.blocks
    text = b.text
    n = len(blocks)
    spans: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for s in b.sentences:
        if 0 <= s.block < n:
            spans[s.block].append((s.start, s.end))
    units: list[_Unit] = []
    block_units: list[list[int]] = [[] for _ in range(n)]
    names: set[str] = set()
    speakers = set(b.speakers.values()) | set(b.speakers)
    speakers.update(x for blk in blocks for x in (blk.speaker_label, blk.speaker) if x)
    speakers.discard(REPORTER)
    for name in speakers:
        names.update(_name_words(name))
    for bi, blk in enumerate(blocks):
        cstart = blk.content_start if blk.content_start >= blk.start else blk.start
        sp = spans[bi]
        if not sp:
            # No sentences from ingest: split crudely (never used as a summary if a
            # heading or stage direction).
            sp = []
            for m in _SENT_FALLBACK.finditer(text, cstart, blk.end):
                s, e = m.start(), m.end()
                seg = text[s:e]
                ls = len(seg) - len(seg.lstrip())
                rs = len(seg.rstrip())
                if rs > ls:
                    sp.append((s + ls, s + rs))
        allowed = blk.kind not in ("heading", "stage") and not blk.is_question
        host = bool(blk.speaker_label and _HOSTS.search(blk.speaker_label))
        if not allowed and sp:
            # never a summary: one unit for the whole block is enough
            sp = [(sp[0][0], sp[-1][1])]
        for s, e in sp:
            if s < cstart < e:  # never let a speaker label into a summary
                s = cstart
                while s < e and text[s].isspace():
                    s += 1
            if e <= s:
                continue
            stext = text[s:e]
            toks, stems = terms(stext)
            cand = allowed and _summary_ok(stext, toks)
            block_units[bi].append(len(units))
            units.append(_Unit(s, e, bi, toks, stems, cand))
            if host and _NEXT_REPORTER.search(stext):  # "Next, we'll go to Asma Khalid at NPR."
                names.update(t.lower() for i, t in enumerate(toks) if i and t[:1].isupper())
            elif blk.is_question:  # (a question is one unit: its opening words)
                for m in _SELF_INTRO.finditer(stext[:160]):
                    for g in m.groups():
                        if g:
                            names.update(w.lower() for w in re.findall(r"[\w'’\-]+", g))
            elif blk.kind != "heading" and ("," in stext or len(toks) <= 4):
                _vocatives(stext, len(toks), names)  # ("Gaza" as a heading is a subject)
    names = {stem_word(w) or w for w in names}
    block_vec: list[Counter[str]] = []
    df: Counter[str] = Counter()
    content: list[int] = []
    for bi in range(n):
        c: Counter[str] = Counter()
        if blocks[bi].kind != "stage":  # "(Laughter.)", "12:02 P.M. EDT"
            for ui in block_units[bi]:
                c.update(units[ui].stems)
        c.pop("", None)
        for nm in names & c.keys():
            del c[nm]
        block_vec.append(c)
        df.update(c.keys())
        content.append(sum(c.values()))
    nb = max(n, 1)
    idf = {t: math.log((nb + 1) / d) for t, d in df.items()}
    return _Doc(b, units, block_units, block_vec, idf, names, content)


def _name_words(name: str) -> set[str]:
    words = {w.lower() for w in re.findall(r"[^\W\d_]+", name)}
    words.update(t.lower() for t in terms(name)[0] if t[0].isalpha())
    return words


# A capitalised word set off by commas or dashes at a sentence's edge: "Go ahead,
# Peter." "Thanks, Jen." "Alex, way back there." "you know this, Jeff;"
_VOCATIVE = re.compile(r"[,—–] ([A-Z][a-z]+)(?=[,.;:?!—–]|$)")
_VOCATIVE_FIRST = re.compile(r"([A-Z][a-z]+)(?=[,.;:?!—–]|$)")


def _vocatives(stext: str, nwords: int, names: set[str]) -> None:
    """Collect names addressed in turn-taking or in passing: they never name a
    subject. A first name, or any word so placed in a short turn-taking sentence."""
    first = _VOCATIVE_FIRST.match(stext)
    found = [m.group(1) for m in _VOCATIVE.finditer(stext)]
    if first:
        found.append(first.group(1))
    for word in found:
        w = word.lower()
        if w in VOCATIVE_CONTEXT or w in names:
            continue
        if w in FIRST_NAMES or nwords <= 2 or (nwords <= 6 and any(
                x in VOCATIVE_CONTEXT for x in re.findall(r"[a-z]+", stext.lower()))):
            names.add(w)


def _summary_ok(stext: str, toks: list[str]) -> bool:
    """Whether a sentence may summarise: a statement of 5–70 words, no question, no
    greeting, thanks or turn-taking."""
    if stext.rstrip(" ”’\"')]").endswith("?") or _INTERRUPTED.match(stext):
        return False  # a question, or the rest of an interrupted sentence
    words = len(stext.split())
    if BOILERPLATE_START.match(stext):
        # "Okay, so today the President…" is fine if long; "Thank you." is not.
        if words < 12 or _THANKS.match(stext):
            return False
    return 5 <= words <= SUMMARY_MAX_WORDS


_THANKS = re.compile(r"^\W*(?:thank|good (?:morning|afternoon|evening)|go ahead|next question)", re.I)


# ---------------------------------------------------------------------------
# Vectors
# ---------------------------------------------------------------------------


def _weighted(doc: _Doc, c: Counter[str] | dict[str, float]) -> dict[str, float]:
    idf = doc.idf
    return {t: v * idf.get(t, 1.0) for t, v in c.items()}


def _cos(a: dict[str, float], b: dict[str, float]) -> float:
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    dot = 0.0
    for t, v in a.items():
        w = b.get(t)
        if w:
            dot += v * w
    if dot == 0.0:
        return 0.0
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb)


def _sum_vecs(doc: _Doc, lo: int, hi: int) -> dict[str, float]:
    out: dict[str, float] = defaultdict(float)
    idf = doc.idf
    for bi in range(max(lo, 0), min(hi, len(doc.block_vec))):
        for t, v in doc.block_vec[bi].items():
            out[t] += v * idf[t]
    return out


def depth_scores(vecs: Sequence[dict[str, float]], window: int = WINDOW) -> list[float]:
    """TextTiling depth score at each gap: ``out[i]`` is the depth of the gap before
    unit ``i`` (``out[0] == 0``). Similarity is the cosine of the summed vectors of
    ``window`` units on each side; depth is how far the similarity dips below the
    nearest peaks on its left and right (0..2)."""
    n = len(vecs)
    sims = [0.0] * n
    for i in range(1, n):
        left: dict[str, float] = defaultdict(float)
        for j in range(max(0, i - window), i):
            for t, v in vecs[j].items():
                left[t] += v
        right: dict[str, float] = defaultdict(float)
        for j in range(i, min(n, i + window)):
            for t, v in vecs[j].items():
                right[t] += v
        sims[i] = _cos(left, right)
    depth = [0.0] * n
    for i in range(1, n):
        s = sims[i]
        lp = s
        j = i - 1
        while j >= 1 and sims[j] >= lp:
            lp = sims[j]
            j -= 1
        rp = s
        j = i + 1
        while j < n and sims[j] >= rp:
            rp = sims[j]
            j += 1
        depth[i] = (lp - s) + (rp - s)
    return depth


# ---------------------------------------------------------------------------
# Segmentation
# ---------------------------------------------------------------------------


def _block_body(doc: _Doc, bi: int) -> str:
    blk = doc.b.blocks[bi]
    cs = blk.content_start if blk.content_start >= blk.start else blk.start
    return doc.b.text[cs:blk.end]


def _is_header(blk: Block, body: str) -> bool:
    """A heading, or a short stand-alone line that reads like one (a bold-line
    header after Markdown rendering): no sentence punctuation at its end."""
    if blk.kind == "heading":
        return True
    if blk.kind != "paragraph" or blk.speaker_label:
        return False
    words = body.split()
    return 0 < len(words) <= 20 and not _HEADER_END.search(body) and body[:1].isupper()


def _cue_strength(body: str) -> float:
    """How strongly a paragraph's opening announces a new subject (negative: it goes
    on with the one before)."""
    head = body[:200]
    if _TOPIC_CUE.match(head):
        return 1.0
    if _ON_CUE.match(head):
        return 0.8
    if _LABEL_CUE.match(head):
        return 0.8  # "Vaccinations: We've had…"
    if _CONTINUE_CUE.match(head):
        return -0.6
    if _SCHEDULE_CUE.match(head) or _ALSO_CUE.match(head):
        return 0.4
    return 0.0


def _prose_starts(doc: _Doc, lo: int, hi: int, statement: bool) -> list[int]:
    """Subject starts among blocks ``[lo, hi)`` of prose (a report, or a briefer's
    statement): cue phrases and dips in lexical cohesion. Always includes ``lo``."""
    starts = [lo]
    if hi - lo < 2:
        return starts
    vecs = [_weighted(doc, doc.block_vec[bi]) for bi in range(lo, hi)]
    depth = depth_scores(vecs)
    gaps = depth[1:]
    mean = sum(gaps) / len(gaps)
    sd = math.sqrt(sum((g - mean) ** 2 for g in gaps) / len(gaps))
    # The cohesion dip that alone opens a subject: relative to this text's own
    # depth scores, never below an absolute floor.
    alone = max(DEPTH_FLOOR, mean + DEPTH_SD * sd)
    min_content = STATEMENT_MIN_CONTENT if statement else 1
    for k in range(1, hi - lo):
        bi = lo + k
        blk = doc.b.blocks[bi]
        if blk.kind == "stage" or doc.content[bi] < min_content:
            continue
        cue = _cue_strength(_block_body(doc, bi))
        d = depth[k]
        if cue >= 1.0:
            ok = True
        elif cue > 0:
            ok = d >= alone * (1.0 - cue)
        elif cue < 0:
            ok = False
        else:
            ok = d >= alone
        if ok:
            starts.append(bi)
    return starts


def _turn_heads(blocks: Sequence[Block]) -> list[bool]:
    heads = []
    prev_turn = None
    for blk in blocks:
        head = blk.kind == "turn" and (blk.label_start >= 0 or blk.turn != prev_turn)
        heads.append(head)
        if blk.kind == "turn":
            prev_turn = blk.turn
    return heads




def _statement_starts(doc: _Doc, lo: int, hi: int, heads: list[bool]) -> list[int]:
    """Announcements within a briefer's statement ``[lo, hi)``: each new official who
    takes the floor with remarks of their own, then cues and cohesion dips in each
    official's remarks."""
    blocks = doc.b.blocks
    parts = [lo]
    for bi in range(lo + 1, hi):
        blk = blocks[bi]
        if not heads[bi] or _HOSTS.search(blk.speaker_label or ""):
            continue
        # the speaker's whole turn
        e = bi + 1
        while e < hi and not heads[e]:
            e += 1
        if sum(doc.content[bi:e]) >= SPEAKER_MIN_CONTENT and blk.speaker != blocks[parts[-1]].speaker:
            parts.append(bi)
    starts: list[int] = []
    for a, z in zip(parts, parts[1:] + [hi], strict=True):
        starts.extend(_prose_starts(doc, a, z, statement=True))
    return starts


def _answer_starts(doc: _Doc, lo: int, hi: int) -> list[int]:
    """Where an answer takes up another part of a two-part question ("On your second
    question, …"), and closing announcements ("Before we close, …"), which go on as a
    statement."""
    out = []
    for bi in range(lo + 1, hi):
        if doc.content[bi] < STATEMENT_MIN_CONTENT:
            continue
        head = _block_body(doc, bi)[:160]
        if _CLOSING_CUE.match(head):
            out.extend(_prose_starts(doc, bi, hi, statement=True))
            break
        if _ANSWER_PART.match(head) or _LABEL_CUE.match(head):
            out.append(bi)
    return out


def _strip_greeting(s: str) -> str:
    m = _GREETING.match(s)
    return s[m.end():] if m else s


@dataclass(slots=True)
class _Subject:
    """The subject under way in a transcript: its weighted terms, and those of the
    latest exchange."""

    all: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    recent: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    def reset(self) -> None:
        self.all = defaultdict(float)
        self.recent = defaultdict(float)

    def add(self, doc: _Doc, lo: int, hi: int, recent: bool = True) -> None:
        idf = doc.idf
        if recent:
            self.recent = defaultdict(float)
        for bi in range(lo, hi):
            for t, v in doc.block_vec[bi].items():
                w = v * idf[t]
                self.all[t] += w
                self.recent[t] += w


def question_features(doc: _Doc, i: int, j: int, k: int, cur: _Subject) -> dict[str, float]:
    """What decides whether the question at blocks ``[i, j)`` (answered by
    ``[j, k)``) opens a subject: cue phrases and how much it shares with the
    subject under way."""
    raw = " ".join(_block_body(doc, bi) for bi in range(i, j)).strip()
    q = _strip_greeting(raw)
    qvec: dict[str, float] = defaultdict(float)
    for bi in range(i, j):
        for t, v in doc.block_vec[bi].items():
            qvec[t] += v * doc.idf[t]
    # the question, and half the first paragraph of its answer
    for t, v in _sum_vecs(doc, j, min(k, j + 1)).items():
        qvec[t] += ANSWER_WEIGHT * v
    f = {
        "switch": 1.0 if (_SWITCH.search(q[:150]) or _SWITCH.search(raw[:60])) else 0.0,
        "follow": 1.0 if _FOLLOW_UP.search(q[:100]) else 0.0,
        "qterms": float(sum(1 for bi in range(i, j) for _ in doc.block_vec[bi])),
        "sim": max(_cos(qvec, cur.all), _cos(qvec, cur.recent)),
        "on": -1.0,
    }
    m = _ON_CUE.match(q) or _ABOUT_CUE.match(q)
    if m:
        stems = [s for s in terms(m.group(1))[1] if s and s not in doc.names]
        if stems:
            # named: one of the subject's leading terms, or used twice in it
            top = set(sorted(cur.all, key=cur.all.__getitem__, reverse=True)[:15])
            f["on"] = 1.0 if any(s in top or cur.all.get(s, 0.0) >= 2 * doc.idf.get(s, 9.0)
                                 for s in stems) else 0.0
    return f


def _question_opens(f: dict[str, float]) -> bool:
    if f["switch"]:
        return True
    if f["on"] == 0.0:
        return True
    if f["on"] == 1.0:
        return False
    # A long question brings in new matter: it needs more in common with the
    # subject under way to count as a follow-up.
    th = QUESTION_SIM * (LONG_FACTOR if f["qterms"] >= LONG_QUESTION else 1.0)
    if f["follow"]:
        th *= FOLLOW_FACTOR
    return f["sim"] < th


def _transcript_starts(doc: _Doc, lo: int, hi: int) -> list[int]:
    """Subject starts of the transcript blocks ``[lo, hi)``."""
    blocks = doc.b.blocks
    heads = _turn_heads(blocks)
    starts = [lo]
    cur = _Subject()
    # Runs: a reporter's question (one or more reporter blocks), then the blocks up to
    # the next question (answers, stage directions, other officials).
    runs: list[tuple[bool, int, int]] = []
    i = lo
    while i < hi:
        q = blocks[i].is_question
        j = i + 1
        while j < hi and blocks[j].is_question == q:
            j += 1
        runs.append((q, i, j))
        i = j
    substantive_q = False  # a real question has been asked in this range
    for r, (is_q, a, z) in enumerate(runs):
        if is_q:
            content = sum(doc.content[a:z])
            if content < QUESTION_MIN_CONTENT or _INTERRUPTED.match(_block_body(doc, a)):
                # "Good afternoon." "Just one last one." "(Inaudible.)", or the rest
                # of a question cut off by an answer ("Q — which the President…")
                cur.add(doc, a, z, recent=False)
                continue
            k = runs[r + 1][2] if r + 1 < len(runs) else z
            if not cur.all:
                opens = a > lo
            else:
                opens = _question_opens(question_features(doc, a, z, k, cur))
            if opens:
                starts.append(a)
                cur.reset()
            cur.add(doc, a, z)
            substantive_q = True
            continue
        if not substantive_q and sum(doc.content[a:z]) >= STATEMENT_MIN_CONTENT:
            parts = _statement_starts(doc, a, z, heads)
            for s in parts:
                if s > lo:
                    starts.append(s)
            last = parts[-1] if parts else a
            if last > a:
                cur.reset()
            cur.add(doc, last, z)
        else:
            parts = _answer_starts(doc, a, z)
            if parts:
                starts.extend(parts)
                cur.reset()
                cur.add(doc, parts[-1], z)
            else:
                cur.add(doc, a, z, recent=False)
    return sorted(set(starts))


def _starts(doc: _Doc) -> list[int]:
    b = doc.b
    n = len(b.blocks)
    if n == 0:
        return []
    # Headings cut the briefing into sections, segmented separately.
    header = [_is_header(b.blocks[bi], _block_body(doc, bi)) for bi in range(n)]
    hard = [0]
    for bi in range(1, n):
        if header[bi] and not header[bi - 1]:  # a heading and its sub-heading open one section
            hard.append(bi)
        elif header[bi] and header[bi - 1] and _body_end(doc, bi - 1) == ":":
            # a lead-in line ("Here's what you missed:") introduces the sections
            # after it and belongs to what came before; the next heading opens one
            if hard and hard[-1] == bi - 1:
                hard[-1] = bi
            else:
                hard.append(bi)
    transcript = b.format == "transcript" or any(blk.kind == "turn" for blk in b.blocks)
    starts: list[int] = []
    bounds = hard + [n]
    for a, z in zip(bounds, bounds[1:], strict=False):
        if transcript:
            starts.extend(_transcript_starts(doc, a, z))
        else:
            first = a
            while first < z and header[first]:
                first += 1
            starts.append(a)
            starts.extend(s for s in _prose_starts(doc, first, z, statement=False) if s > first)
    return _merge_small(doc, sorted(set(starts)), header, transcript)


def _body_end(doc: _Doc, bi: int) -> str:
    body = _block_body(doc, bi).rstrip()
    return body[-1:] if body else ""


def _merge_small(doc: _Doc, starts: list[int], header: list[bool], transcript: bool) -> list[int]:
    """Merge segments too small to be a subject into a neighbour: a single block
    (unless heading-led, or a full paragraph opened by a cue), or too few content
    words. A heading-led segment never loses its heading."""
    n = len(doc.b.blocks)
    min_content = TRANSCRIPT_MIN_CONTENT if transcript else MIN_CONTENT_TERMS
    blocks = doc.b.blocks

    def small(idx: int) -> bool:
        s = starts[idx]
        e = starts[idx + 1] if idx + 1 < len(starts) else n
        if header[s]:
            body = s
            while body < e and header[body]:
                body += 1
            return sum(doc.content[body:e]) < min_content
        content = sum(doc.content[s:e])
        if content < min_content:
            return True
        if e - s == 1:
            return not (content >= CUED_BLOCK_CONTENT and _cue_strength(_block_body(doc, s)) > 0)
        return False

    idx = 0
    while idx < len(starts) and len(starts) > 1:
        if not small(idx):
            idx += 1
            continue
        s = starts[idx]
        e = starts[idx + 1] if idx + 1 < len(starts) else n
        nxt_header = e < n and header[e]
        if header[s] or idx == 0:
            # a heading without content, or a preamble, takes in what follows
            if e >= n or nxt_header:
                idx += 1
                continue
            del starts[idx + 1]
            continue
        into_next = False
        if idx + 1 < len(starts) and not nxt_header:
            pv = _sum_vecs(doc, starts[idx - 1], s)
            nv = _sum_vecs(doc, e, starts[idx + 2] if idx + 2 < len(starts) else n)
            v = _sum_vecs(doc, s, e)
            into_next = _cos(v, nv) > _cos(v, pv) and not blocks[e].is_question
        if into_next:
            del starts[idx + 1]
        else:
            del starts[idx]
            idx = max(idx - 1, 0)
    return starts


# ---------------------------------------------------------------------------
# Labels, keywords, summaries
# ---------------------------------------------------------------------------


def _first_form(doc: _Doc, unit_ids: Sequence[int], stem: str) -> str | None:
    """The first surface word of ``stem`` in these sentences (lowercase unless a
    capitalised word inside a sentence)."""
    for ui in unit_ids:
        u = doc.units[ui]
        if stem in u.stems:
            i = u.stems.index(stem)
            w = surface_key(u.toks[i])
            return w if i and w[:1].isupper() else w.lower()
    return None


def _segment_tf(doc: _Doc, s: int, e: int) -> Counter[str]:
    """Term frequencies of blocks ``[s, e)``; a question's words count less than
    the answer's."""
    tf: Counter[str] = Counter()
    for bi in range(s, e):
        w = 0.6 if doc.b.blocks[bi].is_question else 1.0
        for t, v in doc.block_vec[bi].items():
            tf[t] += v * w
    return tf


_BG_LOG = math.log(100 / 4)


def _key_weight(stem: str) -> float:
    """How well a term can name a subject: words most briefings use weigh less (a
    background table), and so do words mostly used as verbs, adjectives or adverbs."""
    w = _key_weights.get(stem)
    if w is None:
        w = _key_weights[stem] = _compute_key_weight(stem) if len(_key_weights) < 200_000 else 1.0
    return w


_key_weights: dict[str, float] = {}


def _compute_key_weight(stem: str) -> float:
    p = DOC_PERCENT.get(stem)
    w = 1.0 if p is None else 0.35 + 0.65 * min(1.0, math.log(100 / max(p, 1)) / _BG_LOG)
    v = VERB_LIKE.get(stem)
    if v is not None:
        w *= 0.25 + 0.75 * v / 30
    if stem in TITLE_STEMS:
        w *= 0.4
    return w


def _form_weight(form: str | None, stem: str) -> float:
    """Names weigh more (and are no verbs); adverbs weigh less."""
    if not form:
        return 1.0
    if form[0].isupper():
        v = VERB_LIKE.get(stem)
        return 1.3 / (0.25 + 0.75 * v / 30) if v is not None else 1.3
    if form.endswith("ly"):
        return 0.3
    if form.endswith("ed") and stem not in DOC_PERCENT:
        return 0.5
    return 1.0


def _verbish(stem: str, word: str, limit: int = 20) -> bool:
    if word[:1].isupper():
        return False
    if word.endswith(("ly", "ed")) and len(word) > 5:
        return True
    v = VERB_LIKE.get(stem)
    return v is not None and v < limit


_SENTENCE_OPEN = frozenset(".!?:“\"—–(")


@dataclass(slots=True)
class _Scan:
    """One pass over a segment's tokens: surface forms of its key terms and the runs
    of key terms that may name it."""

    forms: dict[str, str]
    occ: Counter[tuple[str, ...]]
    surf: dict[tuple[str, ...], list[str]]


def _scan(doc: _Doc, unit_ids: Sequence[int], wanted: set[str]) -> _Scan:
    """Surface forms: the form a reader would recognise for each stem (the most
    frequent word, lowercase unless always capitalised inside sentences). Phrases:
    runs of 1–3 wanted terms (no stop word or punctuation inside; a possessive ends a
    run: "Dmitriev’s | two-day visit"), with their counts and first surface words."""
    lower: dict[str, dict[str, int]] = {}
    cased: dict[str, dict[str, int]] = {}  # capitalised inside a sentence, or all caps
    inner_lower: set[str] = set()
    occ: Counter[tuple[str, ...]] = Counter()
    surf: dict[tuple[str, ...], list[str]] = {}
    units = doc.units
    opening = _SENTENCE_OPEN

    def flush(run: list[int], toks: list[str], stems: list[str]) -> None:
        n = len(run)
        if n == 1:
            key1 = (stems[run[0]],)
            occ[key1] += 1
            if key1 not in surf:
                surf[key1] = [surface_key(toks[run[0]])]
            return
        for a in range(n):
            for ln in (1, 2, 3):
                if a + ln > n:
                    break
                key = tuple(stems[x] for x in run[a:a + ln])
                if ln > 1 and len(set(key)) < ln:
                    continue
                occ[key] += 1
                if key not in surf:
                    surf[key] = [surface_key(toks[x]) for x in run[a:a + ln]]

    for ui in unit_ids:
        u = units[ui]
        toks, stems = u.toks, u.stems
        run: list[int] = []
        for i, st in enumerate(stems):
            if st not in wanted:
                if run:
                    if len(run) == 1:
                        key1 = (stems[run[0]],)
                        occ[key1] += 1
                        if key1 not in surf:
                            surf[key1] = [surface_key(toks[run[0]])]
                    else:
                        flush(run, toks, stems)
                    run = []
                continue
            tok = toks[i]
            w = tok[:-2] if tok.endswith(("’s", "'s")) else tok
            lw = w.lower()
            d = lower.get(st)
            if d is None:
                d = lower[st] = {}
            d[lw] = d.get(lw, 0) + 1
            if w[0].isupper():
                if w.isupper() or (i and toks[i - 1] not in opening):
                    d = cased.get(st)
                    if d is None:
                        d = cased[st] = {}
                    d[w] = d.get(w, 0) + 1
            elif i and toks[i - 1] not in opening:
                inner_lower.add(st)
            run.append(i)
            if w is not tok:  # a possessive ends the run
                flush(run, toks, stems)
                run = []
        if run:
            flush(run, toks, stems)
    forms = {}
    for st, d in lower.items():
        low = max(d, key=lambda k: (d[k], -len(k)))
        c = cased.get(st)
        if st in inner_lower or not c:
            forms[st] = low
            continue
        same = [k for k in c if k.lower() == low]
        forms[st] = max(same, key=c.__getitem__) if same else low
    return _Scan(forms, occ, surf)


def _phrases(scan: _Scan, score: dict[str, float], opener: set[str]
             ) -> list[tuple[float, tuple[str, ...], list[str], int]]:
    """Candidate label phrases scored by their terms and how often they occur."""
    occ, surf = scan.occ, scan.surf
    out = []
    for key, c in occ.items():
        words = surf[key]
        if len(key) > 1:
            if c < 2 and not all(w[:1].isupper() for w in words) and not all(t in opener for t in key):
                continue  # a one-off run of words is no name for a subject (unless a name,
                # or the words of the opening question)
            if _verbish(key[-1], words[-1]):
                continue  # "Putin announced": no name for a subject
            if words[-2][:1].isupper() and words[-1][:1].islower() \
                    and words[-1].endswith("s") and not words[-1].endswith("ss"):
                continue  # "Putin supports": a name and its verb
        if _verbish(key[0], words[0], 10):
            continue  # "recently approved"
        if len(key) == 1 and (_not_a_subject(words[0]) or words[0][:1].isupper() and words[0].lower() in FIRST_NAMES
                              and any(len(k) > 1 and k[0] == key[0] for k in occ)):
            continue  # "fair", "optimistic"; "Mitch" of "Mitch McConnell" (but "Jordan" the country)
        base = sum(score[t] for t in key) / (len(key) ** 0.5)
        if len(key) == 1 and c < 2 and not words[0][:1].isupper():
            base *= 0.6
        out.append((base * (1.0 + 0.3 * math.log(c)), key, words, c))
    out.sort(key=lambda x: (-x[0], x[1]))
    return out


# words that describe or qualify, never a subject on their own
_QUALIFIERS = frozenset("""
fair honest incredible important clear good great bad big real sure average principal maximum minimum
side quote clarification formation smooth eastern western northern southern stronger strong weak
optimistic pessimistic confident concerned happy glad able likely unlikely possible impossible
different similar specific particular general certain whole entire full final initial previous
extra other several various additional significant major minor huge massive tremendous terrible
appropriate necessary critical crucial serious simple difficult easy hard tough high low
""".split())


def _not_a_subject(word: str) -> bool:
    """A lower-case word that qualifies rather than names: an adjective or adverb by
    its ending, or a common qualifier."""
    w = word.lower()
    if not word[:1].islower():
        return False
    return w in _QUALIFIERS or (len(w) > 6 and w.endswith(("ous", "ful", "ible", "able", "istic")))


def _fix_case(words: Sequence[str], keys: Sequence[str], forms: dict[str, str]) -> list[str]:
    """Lowercase a word capitalised only because it began a sentence."""
    out = []
    for i, (w, st) in enumerate(zip(words, keys, strict=True)):
        f = forms.get(st)
        # a neighbour in capitals makes it part of a name ("World Food Programme")
        named = any(0 <= j < len(words) and words[j][:1].isupper() and words[j].lower() not in _SMALL_WORDS
                    for j in (i - 1, i + 1))
        if f is not None and w[:1].isupper() and f[:1].islower() and not w.isupper() and not named:
            w = w.lower()
        out.append(w)
    return out


_SMALL_WORDS = frozenset("a an the of for and to in on at by with".split())


# headings that name a part of the briefing, not a subject
_GENERIC_HEADING = re.compile(
    r"(?i:(?:questions?\s+(?:and|&)\s+answers?|q\s*&\s*a|q\s+and\s+a|transcript|remarks|statement|"
    r"opening\s+(?:remarks|statement)|readout|background|summary|introduction|briefing|press\s+briefing|"
    r"announcements?|updates?|other\s+(?:news|business|items)|miscellaneous|note|notes|"
    r"(?:guest|daily)\s+.*|end|closing\s+remarks|watch|read\s+more|related))"
)


def _heading_label(doc: _Doc, s: int) -> str | None:
    """The heading a segment opens with, when it names a subject ("Sudan", "Trade
    with China") rather than a person (round-ups head each list of quotes with its
    speaker) or a part of the briefing ("Questions and Answers")."""
    blk = doc.b.blocks[s]
    if blk.kind != "heading":
        return None
    text = re.sub(r"^(?:\d{1,2}|[IVX]{1,4}|[A-Z])[.)]\s+", "", " ".join(blk.text.split()))
    text = text.strip(" :.;-–—#*_")
    words = text.split()
    if not 1 <= len(words) <= 6 or _GENERIC_HEADING.fullmatch(text) or not re.search(r"[^\W\d_]", text):
        return None
    toks, stems = terms(text)
    if any(st in doc.names for st in stems if st):
        return None
    caps = [t for t in toks if t[:1].isupper()]
    if len(words) <= 4 and toks and toks[0].lower() in FIRST_NAMES and len(caps) == len(toks):
        return None  # "Steve Witkoff"
    return text


# The subject a cue names: "Regarding X," "As for X," "addressed X," "On X," "about X".
_NAMES_SUBJECT = re.compile(
    r"(?:^|[\s,;—–(])(?i:regarding|concerning|as\s+(?:for|to|regards)|with\s+(?:regard|respect|reference)\s+to"
    r"|in\s+(?:regard|relation|reference)\s+to|turning\s+(?:now\s+)?to|moving\s+(?:on\s+)?to"
    r"|speaking\s+(?:about|of|on)|commenting\s+on|asked\s+about|touching\s+(?:on|upon)"
    r"|(?<!be\s)(?<!been\s)(?:addressed|discussed)(?=\s+(?:the\s|[A-Z]))"
    r"|on\s+the\s+(?:subject|issue|question|topic|matter)\s+of)\s+"
    r"((?:[\w’'.-]+\s+){0,7}?[\w’'.-]+)\s*(?=[,.;:?!—–(]|\s+(?i:peskov|he|she|they|the\s+\w+\s+said|said)\b)"
)


def _cue_label(doc: _Doc, s: int, e: int, forms: dict[str, str], score: dict[str, float]
               ) -> tuple[list[str], list[str]] | None:
    """The subject a segment's opening names ("Regarding possible security guarantees
    for Ukraine, …" → "security guarantees for Ukraine"), as words and their stems."""
    blocks = doc.b.blocks
    bi = s
    while bi < e and (_is_header(blocks[bi], _block_body(doc, bi)) or doc.content[bi] == 0):
        bi += 1
    if bi >= e:
        return None
    body = _strip_greeting(_block_body(doc, bi).strip())[:240]
    m = _ON_CUE.match(body) or _ABOUT_CUE.match(body) or _ON_ANY.search(body[:120])
    phrase = m.group(1) if m else None
    if phrase is None:
        m = _NAMES_SUBJECT.search(body[:120])
        phrase = m.group(1) if m else None
    if not phrase:
        return None
    toks, stems = terms(phrase)
    # trim: stop words at either end, and a trailing participle clause
    # ("the US tariffs announced on Wednesday" → "US tariffs")
    words = [(t, st) for t, st in zip(toks, stems, strict=True) if t[0].isalpha() or t in "-’'"]
    for i, (t, st) in enumerate(words):
        if i >= 2 and st and t.islower() and t.endswith("ed"):
            words = words[:i]
            break
    for i, (t, _) in enumerate(words):
        if i >= 2 and t.lower() == "and":  # "Hezbollah strike and the situation"
            words = words[:i]
            break
    while words and (not words[0][1] or words[0][0].lower() in _LEADING_DROP):
        words = words[1:]
    while words and not words[-1][1]:
        words = words[:-1]
    if not words or len(words) > 5 or sum(1 for _, st in words if st) == 0:
        return None
    if any(st in doc.names for _, st in words if st):
        return None
    ws = [surface_key(t) if i == len(words) - 1 else t for i, (t, _) in enumerate(words)]
    return _fix_case(ws, [st for _, st in words], forms), [st for _, st in words]


_LEADING_DROP = frozenset("possible potential so-called current recent latest new further ongoing".split())


def _label(doc: _Doc, s: int, e: int, scan: _Scan, score: dict[str, float],
           opener: set[str]) -> str:
    """2–5 words naming the segment's subject: the subject its opening names, else
    (or in addition, when that is one word) its best key phrases."""
    forms = scan.forms
    head = _heading_label(doc, s)
    if head is not None:
        return head
    parts: list[str] = []
    used: set[str] = set()
    words = 0
    cue = _cue_label(doc, s, e, forms, score)
    if cue is not None:
        ws, stems = cue
        parts.append(" ".join(ws))
        used.update(st for st in stems if st)
        words = len(ws)
        if words >= 2:
            return parts[0]
    phrases = _phrases(scan, score, opener)
    if not phrases:
        return parts[0] if parts else ""
    top = phrases[0][0]
    for n, (sc, key, surf, _) in enumerate(phrases[:40]):
        if used & set(key):
            continue
        if parts and (words + len(key) > 5 or (sc < 0.4 * top and words >= 2)):
            continue
        # a longer phrase holding this one, nearly as strong ("banks" → "regional banks")
        longer = [p for p in phrases[n + 1:40] if len(p[1]) > len(key) and set(key) <= set(p[1])
                  and p[0] >= 0.55 * sc and p[3] >= 2 and not used & set(p[1]) and words + len(p[1]) <= 5]
        if longer:
            sc, key, surf, _ = max(longer, key=lambda p: p[0])
        parts.append(" ".join(_fix_case(surf, key, forms)))
        used.update(key)
        words += len(key)
        if words >= 3 or len(parts) == 2:
            break
    return ", ".join(parts)


def _summary(doc: _Doc, unit_ids: Sequence[int], score: dict[str, float]
             ) -> tuple[str, tuple[tuple[int, int], ...]]:
    cands = [ui for ui in unit_ids if doc.units[ui].candidate]
    if not cands:
        # fall back to any non-question sentence, then to anything
        cands = [ui for ui in unit_ids if not doc.b.blocks[doc.units[ui].block].is_question
                 and not doc.b.text[doc.units[ui].start:doc.units[ui].end].rstrip(
                     " ”’\"')]").endswith("?")
                 and doc.b.blocks[doc.units[ui].block].kind != "stage"]
        if not cands:
            return "", ()
        best = max(cands, key=lambda ui: doc.units[ui].end - doc.units[ui].start)
        u = doc.units[best]
        return doc.b.text[u.start:u.end], ((u.start, u.end),)
    # Degree centrality over the sentence similarity graph, through the centroid:
    # sum_j sim(i, j) = v_i · (sum_j v_j) - v_i · v_i for (unnormalised) vectors.
    # (Later sentences rarely win against the position prior: weigh the first ones.)
    cands = cands[:SUMMARY_CANDIDATES]
    vecs = []
    centroid: dict[str, float] = defaultdict(float)
    for ui in cands:
        v = {t: c * score[t] for t, c in Counter(doc.units[ui].stems).items() if t in score}
        nv = math.sqrt(sum(x * x for x in v.values())) or 1.0
        v = {t: x / nv for t, x in v.items()}
        vecs.append(v)
        for t, x in v.items():
            centroid[t] += x
    scored = []
    for rank, (ui, v) in enumerate(zip(cands, vecs, strict=True)):
        cent = sum(x * centroid[t] for t, x in v.items()) - (1.0 if v else 0.0)
        cent = cent / max(len(cands) - 1, 1) if len(cands) > 1 else 1.0
        key = sum(score[t] for t in v) / (len(doc.units[ui].stems) ** 0.5 + 1)
        prior = 1.0 + 0.6 / (1.0 + rank)
        scored.append(((cent + 0.05 * key) * prior, ui))
    scored.sort(key=lambda x: -x[0])
    best = scored[0][1]
    pick = [best]
    words = len(doc.b.text[doc.units[best].start:doc.units[best].end].split())
    if words < 18 and len(scored) > 1:
        for sc, ui in scored[1:4]:
            w2 = len(doc.b.text[doc.units[ui].start:doc.units[ui].end].split())
            if sc >= 0.6 * scored[0][0] and words + w2 <= SUMMARY_MAX_WORDS:
                pick.append(ui)
                break
    pick.sort()
    spans = tuple((doc.units[ui].start, doc.units[ui].end) for ui in pick)
    text = " ".join(doc.b.text[a:z] for a, z in spans)
    return text, spans


def _describe(doc: _Doc, s: int, e: int, tf: Counter[str], weights: dict[str, float]) -> Segment:
    """Label, keywords and summary of blocks ``[s, e)``. ``weights`` are the idf of
    each term over the briefing's segments times its ``_key_weight``."""
    b = doc.b
    unit_ids = [ui for bi in range(s, e) for ui in doc.block_units[bi]]
    pre = {t: v * weights[t] for t, v in tf.items() if t in weights}
    cands = heapq.nlargest(KEY_CANDIDATES, pre, key=pre.__getitem__)
    # The subject is named early: read the first sentences for phrases and forms.
    scan = _scan(doc, unit_ids[:SCAN_UNITS], set(cands))
    forms = scan.forms
    score = {t: pre[t] * _form_weight(forms.get(t), t) for t in cands}
    # the words of the question that opens the segment name its subject
    opener = set(doc.block_vec[s]) if b.blocks[s].is_question else set()
    for t in opener:
        if t in score:
            score[t] *= OPENER_BONUS
    ranked = sorted(score, key=lambda t: (-score[t], t))
    top = [t for t in ranked[:8] if score[t] >= 0.25 * score[ranked[0]]] if ranked else []
    if len(top) < 5:
        top = ranked[:5]
    for t in top:
        if t not in forms:
            form = _first_form(doc, unit_ids[SCAN_UNITS:], t)
            if form:
                forms[t] = form
    keywords = tuple(dict.fromkeys(forms[t] for t in top if t in forms))
    label = _label(doc, s, e, scan, score, opener)
    summary, spans = _summary(doc, unit_ids, pre)
    return Segment(
        start=b.blocks[s].start,
        end=b.blocks[e - 1].end,
        label=label,
        keywords=keywords,
        summary=summary,
        summary_spans=spans,
        first_block=s,
        last_block=e - 1,
    )


def segment_briefing(briefing: Briefing) -> tuple[Segment, ...]:
    """The subjects of a briefing, in order, covering all its blocks on block
    boundaries, each with a label, keywords and a 1–2 sentence summary."""
    if not briefing.blocks:
        return ()
    doc = _analyse(briefing)
    starts = _starts(doc)
    n = len(briefing.blocks)
    bounds = list(zip(starts, starts[1:] + [n], strict=True))
    tfs = [_segment_tf(doc, s, e) for s, e in bounds]
    seg_df: Counter[str] = Counter()
    for tf in tfs:
        seg_df.update(tf.keys())
    # tf × idf over the briefing's segments (what sets a segment apart), times how
    # well the term can name a subject
    k = len(bounds) + 1
    weights = {t: (math.log(k / d) + 0.2) * _key_weight(t) for t, d in seg_df.items()
               if t not in doc.names}
    return tuple(_describe(doc, s, e, tf, weights) for (s, e), tf in zip(bounds, tfs, strict=True))


# ---------------------------------------------------------------------------
# Topics across briefings
# ---------------------------------------------------------------------------

TOPIC_SIM = 0.42  # cosine to a group's centroid that lets a segment join it
TOPIC_CANDIDATES = 12  # groups compared with each segment (those sharing most lead terms)
TOPIC_LEAD = 3  # a segment's leading terms, looked up among the groups' leading terms
GROUP_LEAD = 5


def _segment_terms(seg: Segment) -> tuple[dict[str, float], dict[str, str]]:
    """Weighted stems of a segment's label and keywords (its key terms), and the
    surface word seen for each stem."""
    c: dict[str, float] = defaultdict(float)
    forms: dict[str, str] = {}
    toks, stems = terms(seg.label)
    for tok, st in zip(toks, stems, strict=True):
        if st:
            c[st] += 2.0
            forms.setdefault(st, surface_key(tok))
    for rank, kw in enumerate(seg.keywords):
        toks, stems = terms(kw)
        for tok, st in zip(toks, stems, strict=True):
            if st:
                c[st] += 1.5 - 0.1 * rank
                forms.setdefault(st, surface_key(tok))
    return c, forms


@dataclass(slots=True)
class _Group:
    centroid: dict[str, float]
    norm: float
    members: list[int]
    lead: set[str]


def corpus_topics(
    items: Iterable[tuple[str, str | None, Sequence[Segment]]],
    query: str | None = None,
    limit: int = 50,
) -> list[CorpusTopic]:
    """Group segments of different briefings that speak of the same subject.

    ``items`` holds (document id, date or None, that briefing's segments). Segments are
    compared by the cosine of tf-idf vectors of their key terms (label and keywords),
    grouped in one pass in date order (a segment joins the closest group whose
    centroid shares a leading term, if close enough), and a group is kept when it spans
    two briefings or more; its members are in date order. With ``query``, only groups
    whose label, keywords or member summaries hold every query word (stemmed) are
    returned. Groups come largest first (by briefings)."""
    entries: list[tuple[str, str, int, Segment]] = []
    for doc_id, date, segs in items:
        for si, seg in enumerate(segs):
            entries.append((date or "9999-99-99", doc_id, si, seg))
    if not entries:
        return []
    entries.sort(key=lambda x: (x[0], x[1], x[2]))
    raw = [_segment_terms(e[3]) for e in entries]
    n = len(entries)
    df: Counter[str] = Counter()
    for c, _ in raw:
        df.update(c.keys())
    idf = {t: math.log((n + 1) / d) for t, d in df.items()}
    vecs: list[dict[str, float]] = []
    for c, _ in raw:
        top = sorted(((t, x * idf[t]) for t, x in c.items()), key=lambda kv: -kv[1])[:10]
        norm = math.sqrt(sum(x * x for _, x in top)) or 1.0
        vecs.append({t: x / norm for t, x in top})

    groups: list[_Group] = []
    postings: dict[str, set[int]] = defaultdict(set)
    for i, v in enumerate(vecs):
        if not v:
            continue
        shared: Counter[int] = Counter()
        for t in list(v)[:TOPIC_LEAD]:
            shared.update(postings.get(t, ()))
        best, best_sim = -1, TOPIC_SIM
        for gi, _ in shared.most_common(TOPIC_CANDIDATES):
            g = groups[gi]
            c = g.centroid
            sim = sum(x * c.get(t, 0.0) for t, x in v.items()) / g.norm
            if sim > best_sim:
                best, best_sim = gi, sim
        if best < 0:
            groups.append(_Group(dict(v), 1.0, [i], set()))
            best = len(groups) - 1
        else:
            g = groups[best]
            m = len(g.members)
            c = {t: x * m / (m + 1) for t, x in g.centroid.items()}
            for t, x in v.items():
                c[t] = c.get(t, 0.0) + x / (m + 1)
            if len(c) > 40:
                c = dict(sorted(c.items(), key=lambda kv: -kv[1])[:40])
            g.centroid = c
            g.norm = math.sqrt(sum(x * x for x in c.values())) or 1.0
            g.members.append(i)
        g = groups[best]
        lead = set(sorted(g.centroid, key=g.centroid.__getitem__, reverse=True)[:GROUP_LEAD])
        for t in g.lead - lead:
            postings[t].discard(best)
        for t in lead - g.lead:
            postings[t].add(best)
        g.lead = lead

    qstems = query_stems(query) if query else []
    topics: list[tuple[int, int, CorpusTopic]] = []
    for g in groups:
        mem = g.members
        docs = {entries[i][1] for i in mem}
        if len(docs) < 2:
            continue
        c = g.centroid
        top = sorted(c, key=lambda t: (-c[t], t))[:8]
        surface: dict[str, str] = {}
        for t in top:
            seen = Counter(raw[i][1][t] for i in mem if t in raw[i][1])
            surface[t] = seen.most_common(1)[0][0] if seen else t
        keywords = tuple(dict.fromkeys(surface[t] for t in top))
        label = _topic_label(entries, mem, c, surface, top)
        level = _topic_matches(qstems, label, keywords, entries, mem) if qstems else 0
        if level < 0:
            continue
        ordered = tuple((entries[i][1], entries[i][2]) for i in mem)
        topics.append((level, len(docs), len(mem), CorpusTopic(label, keywords, ordered)))
    # groups named by the query first, then by size
    topics.sort(key=lambda x: (-x[0], -x[1], -x[2], x[3].label))
    return [t[3] for t in topics[:limit]]


def _topic_label(entries: list[tuple[str, str, int, Segment]], mem: list[int], centroid: dict[str, float],
                 surface: dict[str, str], top: list[str]) -> str:
    """A group's label: the label phrase its members share most (weighted by the
    group's key terms), else its top terms."""
    phrases: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for i in mem:
        for part in entries[i][3].label.split(", "):
            key = part.lower()
            if key:
                phrases[key] += 1
                shown.setdefault(key, part)
    best, best_score = "", 0.0
    for key, k in phrases.items():
        if k < 2:
            continue
        stems = [s for s in terms(key)[1] if s]
        weight = sum(centroid.get(s, 0.0) for s in stems)
        if weight <= 0:
            continue
        score = k * weight
        if score > best_score:
            best, best_score = shown[key], score
    return best or ", ".join(surface[t] for t in top[:3])


def _topic_matches(qstems: list[str], label: str, keywords: tuple[str, ...],
                   entries: list[tuple[str, str, int, Segment]], mem: list[int]) -> int:
    """1 when every query stem is in the group's label or keywords; 0 when the rest
    are in the label, keywords or summary of its members; -1 when not."""
    have = {s for s in terms(" ".join((label,) + keywords))[1] if s}
    need = [q for q in qstems if q not in have]
    if not need:
        return 1
    for i in mem:
        seg = entries[i][3]
        stems = set(terms(" ".join((seg.label, seg.summary) + seg.keywords))[1])
        need = [q for q in need if q not in stems]
        if not need:
            return 0
    return -1
