"""Topic segmentation, labels and extractive summaries of one briefing, and topics
that run across briefings.

``segment_briefing`` cuts a briefing into subjects on block boundaries:

- every format: headings (and short bold-line style headers) open a subject;
- reports and notes: cue phrases that open a subject ("Regarding …", "As for …",
  "Finally, …") and a drop in lexical cohesion between neighbouring blocks (a
  TextTiling depth score over stemmed, stop-worded, idf-weighted term vectors);
  a paragraph that goes on quoting ("“…,” he said") stays with the one before;
- transcripts: a reporter's question opens a subject unless it follows up (a
  follow-up cue, or key terms shared with the subject under way); the briefer's
  opening statement (and any long statement) is split per announcement by
  paragraph cues ("Also,", "Next,", "Finally,") and low cohesion.

Each segment gets a label (2–5 surface words from its key phrases), keywords and a
summary of 1–2 whole sentences chosen by centrality (degree centrality of the
sentence similarity graph, as in LexRank, computed through the segment centroid) with
a position prior, never a question or a greeting.

``corpus_topics`` groups segments of different briefings by the cosine of their
tf-idf key-term vectors (single-pass centroid clustering over an inverted index).

Pure Python, offline, and fast: one tokenisation pass per briefing, cached stems.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from briefreader.core.model import Block, Briefing, CorpusTopic, Segment
from briefreader.core.topics_text import (
    BOILERPLATE_START,
    VOCATIVE_CONTEXT,
    query_stems,
    surface_key,
    terms,
)

__all__ = ["segment_briefing", "corpus_topics"]

# ---------------------------------------------------------------------------
# Cues
# ---------------------------------------------------------------------------

_MONTHS_DAYS = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march"
    r"|april|may|june|july|august|september|october|november|december|the \d|\d|this|that"
    r"|these|those|top|behalf|background|record|board|average|balance|top of that)"
)

# A paragraph (or a statement's paragraph) that opens a new subject.
_TOPIC_CUE = re.compile(
    r"^\W*(?:and\s+|but\s+|now,?\s+|so,?\s+|also,?\s+)?(?:"
    r"regarding|concerning|as\s+(?:for|to|regards)\b|with\s+(?:regard|respect|reference)\s+to"
    r"|in\s+(?:regard|relation|reference)\s+to|turning\s+(?:now\s+)?to|moving\s+(?:on\s+)?to"
    r"|to\s+turn\s+to|switching\s+(?:gears|topics)|speaking\s+(?:about|of|on)|talking\s+about"
    r"|commenting\s+on|asked\s+(?:about|whether|if|to|for|what|how|why)|when\s+asked"
    r"|responding\s+to|in\s+response\s+to|answering\s+(?:a\s+)?question|touching\s+(?:on|upon)"
    r"|addressing\s+(?:the|a|an|questions?|reports?|concerns?)|separately|elsewhere|in\s+other\s+news"
    r"|on\s+the\s+(?:subject|issue|question|topic|matter)\s+of|on\s+another\s+(?:note|topic|subject|issue)"
    r"|on\s+a\s+(?:different|separate|related)\s+(?:note|topic|subject|issue)"
    r"|finally|lastly|last(?:ly)?\s+but\s+not\s+least|one\s+last|one\s+more|in\s+addition"
    r"|additionally|next\b|another\s+(?:item|thing|announcement|update|topic)"
    r"|(?:second|third|fourth|fifth)(?:ly)?,|i\s+(?:also\s+)?(?:want(?:ed)?|would\s+like)\s+to\s+"
    r"(?:also\s+)?(?:note|highlight|announce|give|provide|share|update|flag|mention|touch|raise|"
    r"take\s+a\s+moment|turn|welcome|acknowledge|start|begin|talk|address|speak)"
    r"|i\s+also\s+(?:have|want|wanted|wanna)|we\s+also\s+(?:have|want|wanted)"
    r"|(?:a|one|two|a\s+few|a\s+couple\s+of)\s+(?:other|more|additional)\s+(?:items?|things?|updates?|notes?)"
    r")\b",
    re.IGNORECASE,
)

# "On the tariffs, …" / "On Iran, …" (not "On Friday, …").
_ON_CUE = re.compile(
    r"^\W*(?:and\s+|but\s+|now,?\s+|so,?\s+|also,?\s+)?on\s+(?!" + _MONTHS_DAYS + r"\b)"
    r"((?:the\s+)?[^,.;:?!—–]{2,60}?)\s*[,—–:]",
    re.IGNORECASE,
)

# Weak cue: the spokesman "added"/"also said" something: often a new point in a news report.
_ALSO_CUE = re.compile(
    r"^\W*(?:[A-Z][\w’'-]*\s+){1,4}(?:also\s+\w+|added|went\s+on|further\s+\w+|then\s+\w+)\b"
)

# A paragraph that goes on with the one before: a quotation continuing reported speech,
# or anaphora.
_CONTINUE_CUE = re.compile(
    r"^\W*(?:[“\"‘]|(?:he|she|they|it|this|that|these|those|however|but|still|yet|moreover"
    r"|furthermore|at\s+the\s+same\s+time|in\s+particular|for\s+example|for\s+instance"
    r"|according\s+to\s+(?:him|her)|in\s+fact|indeed|instead|otherwise|therefore|thus|again"
    r"|that\s+said|even\s+so|as\s+a\s+result|because)\b)",
    re.IGNORECASE,
)

# Reporter follow-ups that stay in the current subject.
_FOLLOW_UP = re.compile(
    r"\b(?:follow(?:[\s-]?up|ing\s+up|\s+on)|followup|on\s+that\b|to\s+that\s+(?:point|end)"
    r"|along\s+those\s+lines|related(?:\s+to\s+that)?|on\s+the\s+same|same\s+(?:topic|subject|issue|thing|vein)"
    r"|staying\s+on|stay(?:ing)?\s+with|sticking\s+with|on\s+this\b|piggyback|building\s+on|just\s+to\s+clarify"
    r"|to\s+clarify|clarif(?:y|ication)|you\s+(?:just\s+)?(?:said|mentioned|noted|talked|referenced)"
    r"|you\s+were\s+(?:saying|asked)|(?:one\s+)?more\s+on\s+(?:that|this|it)|also\s+on\s+(?:that|this)"
    r"|on\s+(?:that|this|the\s+same)\s+(?:topic|subject|issue|point|note)|just\s+quickly\s+on\s+that"
    r"|(?:a|one)\s+quick\s+(?:follow|one\s+on\s+that)|in\s+that\s+vein|speaking\s+of\s+which|and\s+just\s+to"
    r"|relatedly|similarly|likewise|as\s+well\s+on)\b",
    re.IGNORECASE,
)

# Reporter questions that announce a change of subject.
_SWITCH = re.compile(
    r"\b(?:switch(?:ing)?\s+(?:topics?|subjects?|gears)|change\s+(?:of\s+)?(?:topics?|subjects?|gears)"
    r"|chang(?:e|ing)\s+(?:topics?|subjects?|gears)|shift(?:ing)?\s+(?:gears|topics?)"
    r"|(?:a\s+|on\s+a\s+)?(?:different|separate|unrelated|another|new)\s+(?:topic|subject|issue|question|matter)"
    r"|on\s+another\b|unrelated|separately|turning\s+to|moving\s+(?:on\s+)?to|pivot(?:ing)?\s+to"
    r"|going\s+back\s+to|back\s+to\s+(?:the\s+)?\w+|if\s+i\s+could\s+(?:ask\s+)?(?:about|on)"
    r"|i\s+want(?:ed)?\s+to\s+ask\s+(?:you\s+)?(?:about|on)|(?:two|a\s+couple\s+of?|a\s+few)\s+(?:different\s+)?(?:topics|subjects))\b",
    re.IGNORECASE,
)

_GREETING = re.compile(
    r"^\W*(?:(?:thanks?|thank\s+you|great|okay|ok|alright|all\s+right|yeah|yes|hi|hey|hello"
    r"|good\s+(?:morning|afternoon|evening)|sure|so|well|sorry|and|question|a\s+couple|"
    r"two\s+questions|one\s+question|just\s+a\s+couple)"
    r"(?:,?\s+(?:[A-Z][\w’'-]*|everybody|everyone|all|so\s+much|very\s+much|guys)){0,2}\s*[.!,:;—–-]+\s*)+",
    re.IGNORECASE,
)

_HEADER_END = re.compile(r"[.!?;,“”\"’)]\s*$")

# ---------------------------------------------------------------------------
# Parameters (one place; tuned on the hand-labelled set, meant to generalise)
# ---------------------------------------------------------------------------

WINDOW = 2  # blocks on each side of a gap for the cohesion score
REPORT_DEPTH = 0.55  # depth (0..2) that alone opens a subject in a report
REPORT_DEPTH_WITH_WEAK_CUE = 0.35
STATEMENT_DEPTH = 0.75  # depth that alone splits a briefer's statement
STATEMENT_DEPTH_WITH_CUE = 0.15
QUESTION_SIM = 0.10  # a question this close to the current subject follows up
MIN_CONTENT_TERMS = 6  # a segment with fewer content words is merged into a neighbour
SUMMARY_MAX_WORDS = 70


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
    for name in b.speakers.values():
        names.update(w.lower() for w in re.findall(r"[^\W\d_]+", name))
    for bi, blk in enumerate(blocks):
        if blk.speaker_label:
            names.update(w.lower() for w in re.findall(r"[^\W\d_]+", blk.speaker_label))
        if blk.speaker and blk.speaker != "Reporter":
            names.update(w.lower() for w in re.findall(r"[^\W\d_]+", blk.speaker))
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
            if len(toks) <= 7:
                _vocatives(toks, names)
    block_vec: list[Counter[str]] = []
    df: Counter[str] = Counter()
    content: list[int] = []
    for bi in range(n):
        c: Counter[str] = Counter()
        for ui in block_units[bi]:
            c.update(s for s in units[ui].stems if s)
        for nm in names:
            c.pop(nm, None)
        block_vec.append(c)
        df.update(c.keys())
        content.append(sum(c.values()))
    nb = max(n, 1)
    idf = {t: math.log((nb + 1) / d) for t, d in df.items()}
    return _Doc(b, units, block_units, block_vec, idf, names, content)


def _vocatives(toks: list[str], names: set[str]) -> None:
    """Collect names addressed in short turn-taking sentences ("Go ahead, Peter.")."""
    words = [t for t in toks if t[0].isalpha()]
    if not words:
        return
    ctx = sum(1 for w in words if w.lower() in VOCATIVE_CONTEXT)
    if ctx == 0 and len(words) > 2:
        return
    for i, w in enumerate(toks):
        if w[0].isupper() and w.lower() not in VOCATIVE_CONTEXT:
            prev = toks[i - 1] if i else ""
            nxt = toks[i + 1] if i + 1 < len(toks) else "."
            if (prev in (",", "") or prev.lower() in VOCATIVE_CONTEXT) and not nxt[0].isalpha():
                names.add(w.lower())


def _summary_ok(stext: str, toks: list[str]) -> bool:
    if stext.rstrip(" ”’\"')]").endswith("?"):
        return False
    if BOILERPLATE_START.match(stext):
        # "Okay, so today the President…" is fine if long; "Thank you." is not.
        if sum(1 for t in toks if t[0].isalpha()) < 12:
            return False
        if re.match(r"^\W*(?:thank|good (?:morning|afternoon|evening)|go ahead|next question)", stext, re.I):
            return False
    words = sum(1 for t in toks if t[0].isalpha())
    return 5 <= words <= SUMMARY_MAX_WORDS


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
    if blk.kind == "heading":
        return True
    if blk.kind not in ("paragraph",) or blk.speaker_label:
        return False
    words = body.split()
    return 0 < len(words) <= 10 and not _HEADER_END.search(body) and body[:1].isupper()


def _cue_strength(body: str) -> float:
    """How strongly a paragraph's opening announces a new subject (negative: goes on)."""
    head = body[:160]
    if _TOPIC_CUE.match(head):
        return 1.0
    if _ON_CUE.match(head):
        return 0.8
    if re.match(r"^\W*[A-Z][\w’'&/ -]{2,40}:\s+\S", head) and not head.startswith(("“", '"')):
        return 0.8  # "Vaccinations: We've had…"
    if _CONTINUE_CUE.match(head):
        return -0.6
    if _ALSO_CUE.match(head):
        return 0.25
    return 0.0


def _segment_prose(doc: _Doc, lo: int, hi: int, depth_alone: float, depth_cued: float,
                   weak_cue: float) -> list[int]:
    """Subject starts among blocks ``[lo, hi)`` of prose (a report, or one speaker's
    statement): cues plus a cohesion dip. Always includes ``lo``."""
    starts = [lo]
    if hi - lo < 2:
        return starts
    vecs = [_weighted(doc, doc.block_vec[bi]) for bi in range(lo, hi)]
    depth = depth_scores(vecs)
    for k in range(1, hi - lo):
        bi = lo + k
        blk = doc.b.blocks[bi]
        if blk.kind == "stage" or doc.content[bi] == 0:
            continue
        body = _block_body(doc, bi)
        cue = _cue_strength(body)
        d = depth[k]
        if cue >= 0.8:
            ok = d >= depth_cued or cue >= 1.0
        elif cue > 0:
            ok = d >= weak_cue
        elif cue < 0:
            ok = d >= depth_alone * 2.0
        else:
            ok = d >= depth_alone
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


def _segment_transcript(doc: _Doc) -> list[int]:
    blocks = doc.b.blocks
    n = len(blocks)
    heads = _turn_heads(blocks)
    starts: list[int] = [0]
    cur: dict[str, float] = defaultdict(float)  # the current subject's weighted terms
    idf = doc.idf

    def add(bi: int) -> None:
        for t, v in doc.block_vec[bi].items():
            cur[t] += v * idf[t]

    # Runs of blocks: a reporter's question (one or more Q turns) and the answers
    # after it; and statements (non-reporter runs of several paragraphs before any
    # question, or after another official's statement).
    i = 0
    last_answer_words = 99
    seen_question = False
    while i < n:
        blk = blocks[i]
        if blk.is_question and heads[i]:
            # The question turn and any answer up to the next question.
            j = i + 1
            while j < n and blocks[j].is_question and not heads[j]:
                j += 1
            k = j
            while k < n and not (blocks[k].is_question and heads[k]):
                k += 1
            new = False
            if seen_question or i > 0:
                new = _question_opens(doc, i, j, k, cur, last_answer_words)
            if new and i > 0:
                starts.append(i)
                cur.clear()
            for bi in range(i, k):
                add(bi)
            last_answer_words = sum(doc.content[bi] for bi in range(j, k))
            seen_question = True
            # A long answer that makes several announcements (e.g. a guest's
            # statement after a question) is split like a statement.
            if k - j >= 4 and not seen_question:
                pass
            i = k
            continue
        # A statement: a run of non-question blocks.
        k = i
        while k < n and not (blocks[k].is_question and heads[k]):
            k += 1
        sub = _segment_statement(doc, i, k)
        if i > 0 and sub[0] == i and not _continues(doc, i, cur):
            starts.append(i)
            cur.clear()
        for s in sub[1:]:
            starts.append(s)
        # the current subject is the last part of the statement
        cur.clear()
        for bi in range(sub[-1], k):
            add(bi)
        last_answer_words = sum(doc.content[bi] for bi in range(i, k))
        i = k
    return sorted(set(starts))


def _continues(doc: _Doc, i: int, cur: dict[str, float]) -> bool:
    """Whether a statement starting at block ``i`` (not after a question) goes on
    with the subject before it."""
    if not cur:
        return True
    v = _weighted(doc, doc.block_vec[i])
    return _cos(v, cur) >= QUESTION_SIM * 2


def _segment_statement(doc: _Doc, lo: int, hi: int) -> list[int]:
    """Announcements within a briefer's statement ``[lo, hi)``."""
    blocks = doc.b.blocks
    starts = _segment_prose(doc, lo, hi, STATEMENT_DEPTH, STATEMENT_DEPTH_WITH_CUE,
                            STATEMENT_DEPTH)
    # A new official speaker taking the floor (a guest after the press secretary's
    # introduction) opens a subject of their own only with a cue; otherwise the
    # introduction and the guest's remarks are one subject.
    heads = _turn_heads(blocks)
    out = []
    for s in starts:
        if s == lo or not heads[s]:
            out.append(s)
        elif _cue_strength(_block_body(doc, s)) > 0:
            out.append(s)
    return out


def _strip_greeting(s: str) -> str:
    m = _GREETING.match(s)
    return s[m.end():] if m else s


def _question_opens(doc: _Doc, i: int, j: int, k: int, cur: dict[str, float],
                    last_answer_words: int) -> bool:
    """Whether the question at blocks ``[i, j)`` (answered by ``[j, k)``) opens a new
    subject rather than following up on the current one."""
    q = " ".join(_block_body(doc, bi) for bi in range(i, j))
    q = _strip_greeting(q.strip())
    head = q[:200]
    qvec: dict[str, float] = defaultdict(float)
    for bi in range(i, j):
        for t, v in doc.block_vec[bi].items():
            qvec[t] += v * doc.idf[t]
    if not cur:
        return True
    if _SWITCH.search(head[:120]):
        return True
    if _FOLLOW_UP.search(head[:90]):
        return False
    qterms = sum(1 for v in qvec if v)
    if qterms <= 2:
        return False  # "Q Thank you." / "Q And?"
    if last_answer_words <= 3 and qterms < 8:
        return False  # the question goes on after a "Yeah."
    m = _ON_CUE.match(head)
    if m:
        _, stems = terms(m.group(1))
        stems = [s for s in stems if s and s not in doc.names]
        if stems:
            top = sorted(cur, key=cur.__getitem__, reverse=True)[:12]
            return not any(s in top for s in stems)
    sim = _cos(qvec, cur)
    if j < k:
        avec = _sum_vecs(doc, j, min(k, j + 1))
        sim = max(sim, 0.8 * _cos(avec, cur))
    return sim < QUESTION_SIM


def _starts(doc: _Doc) -> list[int]:
    b = doc.b
    n = len(b.blocks)
    if n == 0:
        return []
    # Headings cut the briefing into sections, segmented separately.
    hard = [0]
    for bi in range(1, n):
        if _is_header(b.blocks[bi], _block_body(doc, bi)):
            # a run of headers (a heading and its sub-heading) opens one section
            if hard[-1] == bi - 1 and _is_header(b.blocks[bi - 1], _block_body(doc, bi - 1)):
                continue
            hard.append(bi)
    transcript = b.format == "transcript" or any(blk.kind == "turn" for blk in b.blocks)
    starts: list[int] = []
    bounds = hard + [n]
    for a, z in zip(bounds, bounds[1:]):
        if transcript:
            sub = _Doc(b, doc.units, doc.block_units, doc.block_vec, doc.idf, doc.names, doc.content)
            part = [a + s for s in _segment_transcript_range(sub, a, z)]
        else:
            first = a + 1 if _is_header(b.blocks[a], _block_body(doc, a)) else a
            part = [a] + [s for s in _segment_prose(doc, first, z, REPORT_DEPTH, 0.0,
                                                   REPORT_DEPTH_WITH_WEAK_CUE) if s > first]
        starts.extend(part)
    return _merge_small(doc, sorted(set(starts)), set(hard))


def _segment_transcript_range(doc: _Doc, a: int, z: int) -> list[int]:
    """Transcript segmentation of blocks ``[a, z)``, as offsets from ``a``."""
    if a == 0 and z == len(doc.b.blocks):
        return _segment_transcript(doc)
    sub_b = _SubBriefing(doc.b, a, z)
    sub = _Doc(sub_b, doc.units, doc.block_units[a:z], doc.block_vec[a:z], doc.idf, doc.names,
               doc.content[a:z])
    return _segment_transcript(sub)


class _SubBriefing:
    """A window of a briefing's blocks (only what the transcript segmenter reads)."""

    __slots__ = ("blocks", "text", "format")

    def __init__(self, b: Briefing, a: int, z: int) -> None:
        self.blocks = b.blocks[a:z]
        self.text = b.text
        self.format = b.format


def _merge_small(doc: _Doc, starts: list[int], hard: set[int]) -> list[int]:
    """Merge one-block segments (unless heading-led) and segments with almost no
    content into a neighbour."""
    n = len(doc.b.blocks)
    changed = True
    while changed and len(starts) > 1:
        changed = False
        for idx, s in enumerate(starts):
            e = starts[idx + 1] if idx + 1 < len(starts) else n
            size = e - s
            content = sum(doc.content[s:e])
            heading_led = s in hard and _is_header(doc.b.blocks[s], _block_body(doc, s))
            small = (size == 1 and not heading_led) or content < MIN_CONTENT_TERMS
            if heading_led and size > 1:
                small = sum(doc.content[s + 1:e]) < MIN_CONTENT_TERMS and e < n and content < 3
            if not small:
                continue
            if idx == 0:
                # merge into the next: drop the next start
                if e in hard and _is_header(doc.b.blocks[e], _block_body(doc, e)):
                    continue
                del starts[idx + 1]
            elif idx + 1 == len(starts):
                if s in hard and heading_led:
                    continue
                del starts[idx]
            else:
                nxt_hard = e in hard and _is_header(doc.b.blocks[e], _block_body(doc, e))
                if heading_led or nxt_hard:
                    if heading_led:
                        continue
                    del starts[idx]
                else:
                    v = _sum_vecs(doc, s, e)
                    pv = _sum_vecs(doc, starts[idx - 1], s)
                    nv = _sum_vecs(doc, e, starts[idx + 2] if idx + 2 < len(starts) else n)
                    if _cos(v, nv) > _cos(v, pv) and not doc.b.blocks[e].is_question:
                        del starts[idx + 1]
                    else:
                        del starts[idx]
            changed = True
            break
    return starts


# ---------------------------------------------------------------------------
# Labels, keywords, summaries
# ---------------------------------------------------------------------------


def _term_scores(doc: _Doc, s: int, e: int) -> dict[str, float]:
    """Key-term scores of blocks ``[s, e)``: tf × idf × concentration in the segment."""
    tf: Counter[str] = Counter()
    for bi in range(s, e):
        w = 0.6 if doc.b.blocks[bi].is_question else 1.0
        for t, v in doc.block_vec[bi].items():
            tf[t] += v * w
    out = {}
    idf = doc.idf
    for t, v in tf.items():
        if t in doc.names:
            continue
        out[t] = (1.0 + math.log(v)) * (idf[t] + 0.1) if v >= 1 else v * (idf[t] + 0.1)
    return out


def _surface_forms(doc: _Doc, unit_ids: Sequence[int], wanted: set[str]) -> dict[str, str]:
    """The form a reader would recognise for each stem: the most frequent surface
    word, lowercase unless always capitalised inside sentences."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    inner_lower: set[str] = set()
    for ui in unit_ids:
        u = doc.units[ui]
        first = True
        for tok, st in zip(u.toks, u.stems):
            if not tok[0].isalpha():
                first = tok in ".!?:"  # after a stop, the next word is sentence-initial
                continue
            if st in wanted:
                w = surface_key(tok)
                forms[st][w.lower()] += 1
                if not first and w[0].islower():
                    inner_lower.add(st)
                if not first or w.isupper():
                    forms[st]["\0" + w] += 1
            first = False
    out = {}
    for st in wanted:
        c = forms.get(st)
        if not c:
            continue
        low = max((k for k in c if not k.startswith("\0")), key=lambda k: (c[k], -len(k)))
        if st in inner_lower:
            out[st] = low
            continue
        cased = [k[1:] for k in c if k.startswith("\0") and k[1:].lower() == low]
        out[st] = max(cased, key=lambda k: c["\0" + k]) if cased else low
    return out


def _phrases(doc: _Doc, unit_ids: Sequence[int], score: dict[str, float]
             ) -> list[tuple[float, tuple[str, ...], list[str]]]:
    """Candidate label phrases: runs of 1–3 content words (no stop word or punctuation
    inside), scored by their terms and how often the phrase occurs."""
    occ: Counter[tuple[str, ...]] = Counter()
    surf: dict[tuple[str, ...], list[str]] = {}
    names = doc.names
    for ui in unit_ids:
        u = doc.units[ui]
        run: list[int] = []
        toks, stems = u.toks, u.stems
        for idx in range(len(toks) + 1):
            st = stems[idx] if idx < len(toks) else ""
            if st and st not in names and st in score:
                run.append(idx)
                continue
            if run:
                for a in range(len(run)):
                    for ln in (1, 2, 3):
                        if a + ln > len(run):
                            break
                        key = tuple(stems[x] for x in run[a:a + ln])
                        if len(set(key)) < ln:
                            continue
                        occ[key] += 1
                        if key not in surf:
                            surf[key] = [surface_key(toks[x]) for x in run[a:a + ln]]
                run = []
    out = []
    for key, c in occ.items():
        base = sum(score[t] for t in key) / (len(key) ** 0.5)
        if len(key) > 1 and c < 2:
            base *= 0.75
        out.append((base * (1.0 + 0.35 * math.log(c)), key, surf[key]))
    out.sort(key=lambda x: (-x[0], x[1]))
    return out


def _label(doc: _Doc, s: int, e: int, unit_ids: Sequence[int], score: dict[str, float],
           forms: dict[str, str]) -> str:
    phrases = _phrases(doc, unit_ids, score)
    if not phrases:
        return ""
    chosen: list[tuple[tuple[str, ...], list[str]]] = []
    used: set[str] = set()
    words = 0
    top = phrases[0][0]
    for sc, key, surf in phrases[:40]:
        if used & set(key):
            continue
        if chosen and (sc < 0.45 * top or words + len(key) > 5):
            continue
        chosen.append((key, surf))
        used.update(key)
        words += len(key)
        if words >= 3 or len(chosen) == 2:
            break
    parts = []
    for key, surf in chosen:
        ws = []
        for st, w in zip(key, surf):
            f = forms.get(st)
            # keep the occurrence's inflection, fix only its case
            if f is not None and f.lower() == w.lower():
                ws.append(f)
            elif f is not None and f[:1].islower():
                ws.append(w.lower() if not w.isupper() else w)
            else:
                ws.append(w)
        parts.append(" ".join(ws))
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
    # Degree centrality over the sentence similarity graph, through the centroid:
    # sum_j sim(i, j) = v_i · (sum_j v_j) - v_i · v_i for (unnormalised) vectors.
    vecs = []
    centroid: dict[str, float] = defaultdict(float)
    for ui in cands:
        v: dict[str, float] = defaultdict(float)
        for st in doc.units[ui].stems:
            if st and st in score:
                v[st] += score[st]
        nv = math.sqrt(sum(x * x for x in v.values())) or 1.0
        v = {t: x / nv for t, x in v.items()}
        vecs.append(v)
        for t, x in v.items():
            centroid[t] += x
    scored = []
    for rank, (ui, v) in enumerate(zip(cands, vecs)):
        cent = sum(x * centroid[t] for t, x in v.items()) - sum(x * x for x in v.values())
        cent = cent / max(len(cands) - 1, 1) if len(cands) > 1 else 1.0
        key = sum(score.get(t, 0.0) for t in v) / (len(doc.units[ui].stems) ** 0.5 + 1)
        prior = 1.0 + 0.6 / (1.0 + rank)
        scored.append(((cent + 0.05 * key) * prior, ui))
    scored.sort(key=lambda x: -x[0])
    best = scored[0][1]
    pick = [best]
    words = sum(1 for t in doc.units[best].toks if t[0].isalpha())
    if words < 18 and len(scored) > 1:
        for sc, ui in scored[1:4]:
            w2 = sum(1 for t in doc.units[ui].toks if t[0].isalpha())
            if sc >= 0.6 * scored[0][0] and words + w2 <= SUMMARY_MAX_WORDS:
                pick.append(ui)
                break
    pick.sort()
    spans = tuple((doc.units[ui].start, doc.units[ui].end) for ui in pick)
    text = " ".join(doc.b.text[a:z] for a, z in spans)
    return text, spans


def _describe(doc: _Doc, s: int, e: int) -> Segment:
    b = doc.b
    unit_ids = [ui for bi in range(s, e) for ui in doc.block_units[bi]]
    score = _term_scores(doc, s, e)
    top = sorted(score, key=lambda t: (-score[t], t))[:8]
    if top:
        top = [t for t in top if score[t] >= 0.25 * score[top[0]]] or top[:1]
        if len(top) < 5:
            top = sorted(score, key=lambda t: (-score[t], t))[:5]
    forms = _surface_forms(doc, unit_ids, set(top) | {t for t in score})
    keywords = tuple(dict.fromkeys(forms[t] for t in top if t in forms))
    label = _label(doc, s, e, unit_ids, score, forms)
    summary, spans = _summary(doc, unit_ids, score)
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
    ends = starts[1:] + [n]
    return tuple(_describe(doc, s, e) for s, e in zip(starts, ends))


# ---------------------------------------------------------------------------
# Topics across briefings
# ---------------------------------------------------------------------------


def _segment_terms(seg: Segment) -> tuple[Counter[str], dict[str, Counter[str]]]:
    """Weighted stems of a segment's label, keywords and summary, and the surface
    words seen for each stem."""
    c: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for weight, text in ((2.0, seg.label), (0.4, seg.summary)):
        toks, stems = terms(text)
        for tok, st in zip(toks, stems):
            if st:
                c[st] += weight
                forms[st][surface_key(tok)] += 1
    for rank, kw in enumerate(seg.keywords):
        toks, stems = terms(kw)
        for tok, st in zip(toks, stems):
            if st:
                c[st] += 1.5 - 0.1 * rank
                forms[st][surface_key(tok)] += 2
    return c, forms


def corpus_topics(
    items: Iterable[tuple[str, str | None, Sequence[Segment]]],
    query: str | None = None,
    limit: int = 50,
) -> list[CorpusTopic]:
    """Group segments of different briefings that speak of the same subject.

    ``items`` holds (document id, date or None, that briefing's segments). A group is
    kept when it spans at least two briefings; its members are in date order. With
    ``query``, only groups whose label, keywords or member summaries contain every
    query word (stemmed) are returned. Groups come largest first (by briefings)."""
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
    # Terms in more than a tenth of all segments are too broad to define a subject.
    broad = {t for t, d in df.items() if d > max(20, n // 10)} if n > 200 else set()
    vecs: list[dict[str, float]] = []
    for c, _ in raw:
        v = {t: x * idf[t] for t, x in c.items() if t not in broad}
        top = sorted(v.items(), key=lambda kv: -kv[1])[:10]
        norm = math.sqrt(sum(x * x for _, x in top)) or 1.0
        vecs.append({t: x / norm for t, x in top})

    # Single pass, date order: join the closest cluster whose centroid shares a
    # leading term, if close enough; else start a cluster.
    threshold = 0.42
    cent: list[dict[str, float]] = []
    cnorm: list[float] = []
    members: list[list[int]] = []
    postings: dict[str, set[int]] = defaultdict(set)
    ctop: list[set[str]] = []
    for i, v in enumerate(vecs):
        if not v:
            continue
        lead = sorted(v, key=lambda t: -v[t])[:4]
        cands: set[int] = set()
        for t in lead:
            cands |= postings.get(t, set())
        best, best_sim = -1, threshold
        for ci in cands:
            c = cent[ci]
            dot = sum(x * c.get(t, 0.0) for t, x in v.items())
            sim = dot / cnorm[ci]
            if sim > best_sim:
                best, best_sim = ci, sim
        if best < 0:
            best = len(cent)
            cent.append(dict(v))
            members.append([i])
            ctop.append(set())
        else:
            c = cent[best]
            m = len(members[best])
            for t in c:
                c[t] *= m / (m + 1)
            for t, x in v.items():
                c[t] = c.get(t, 0.0) + x / (m + 1)
            members[best].append(i)
            if len(c) > 40:
                keep = sorted(c.items(), key=lambda kv: -kv[1])[:40]
                cent[best] = c = dict(keep)
        c = cent[best]
        if len(cnorm) <= best:
            cnorm.append(0.0)
        cnorm[best] = math.sqrt(sum(x * x for x in c.values())) or 1.0
        new_top = set(sorted(c, key=lambda t: -c[t])[:5])
        for t in ctop[best] - new_top:
            postings[t].discard(best)
        for t in new_top - ctop[best]:
            postings[t].add(best)
        ctop[best] = new_top

    qstems = query_stems(query) if query else []
    topics: list[tuple[int, int, CorpusTopic]] = []
    for ci, mem in enumerate(members):
        docs = {entries[i][1] for i in mem}
        if len(docs) < 2:
            continue
        c = cent[ci]
        top = sorted(c, key=lambda t: (-c[t], t))[:8]
        forms: Counter[tuple[str, str]] = Counter()
        for i in mem:
            for st, fc in raw[i][1].items():
                if st in c:
                    for f, k in fc.items():
                        forms[(st, f)] += k
        surface: dict[str, str] = {}
        for (st, f), k in sorted(forms.items(), key=lambda kv: -kv[1]):
            if st not in surface:
                surface[st] = f if not f[:1].isupper() or all(
                    forms.get((st, f.lower()), 0) < k for _ in (0,)) else f.lower()
        keywords = tuple(dict.fromkeys(surface.get(t, t) for t in top))
        label = _topic_label(entries, mem, top, surface)
        if qstems:
            have = set(top)
            for i in mem:
                have.update(raw[i][0].keys())
            if not all(q in have for q in qstems):
                continue
        ordered = tuple((entries[i][1], entries[i][2]) for i in mem)
        topics.append((len(docs), len(mem), CorpusTopic(label, keywords, ordered)))
    topics.sort(key=lambda x: (-x[0], -x[1], x[2].label))
    return [t for _, _, t in topics[:limit]]


def _topic_label(entries: list[tuple[str, str, int, Segment]], mem: list[int], top: list[str],
                 surface: dict[str, str]) -> str:
    """A group's label: the members' most common label if shared, else its top terms."""
    labels = Counter(entries[i][3].label.lower() for i in mem if entries[i][3].label)
    if labels:
        lab, k = labels.most_common(1)[0]
        if k >= 2 and k >= len(mem) / 4:
            for i in mem:
                if entries[i][3].label.lower() == lab:
                    return entries[i][3].label
    return ", ".join(surface.get(t, t) for t in top[:3])
