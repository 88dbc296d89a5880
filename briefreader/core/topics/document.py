"""The analysed briefing every phase reads: its sentences (units) with their tokens
and stems, the term vector of each block, the terms' idf over the blocks, and the
words that never name a subject (speakers' names, reporters addressed or introducing
themselves)."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from briefreader.core.model import REPORTER, Briefing
from briefreader.core.topics.cues import (
    BOILERPLATE_START,
    DEFLECTION,
    HOSTS,
    INTERRUPTED,
    NEXT_REPORTER,
    SELF_INTRO,
    THANKS,
    strip_greeting,
)
from briefreader.core.topics.openings import PATRONYMIC, headline_end, is_headline, title_end
from briefreader.core.topics.params import SUMMARY_MAX_WORDS
from briefreader.core.topics.tokens import stem_word, terms
from briefreader.core.topics.wordlists import FIRST_NAMES, VOCATIVE_CONTEXT


@dataclass(slots=True)
class Unit:
    """A sentence (or a block without sentences) with its tokens."""

    start: int
    end: int
    block: int
    toks: list[str]
    stems: list[str]
    candidate: bool  # may be a summary sentence
    headline: bool = False  # a headline, byline or dateline line: never names a subject


@dataclass(slots=True)
class Doc:
    """A briefing analysed for topics."""

    briefing: Briefing
    units: list[Unit]
    block_units: list[list[int]]  # the units of each block
    block_vec: list[Counter[str]]  # content stems of each block, with their counts
    idf: dict[str, float]  # of each stem over the blocks
    names: set[str]  # stems of words that never name a topic (vocatives, speaker names)
    content: list[int] = field(default_factory=list)  # content-word count per block
    # capitalised words → the share of their uses followed by another capitalised
    # word ("Donald" of "Donald J. Trump"); filled when first needed
    name_part: dict[str, float] = field(default_factory=dict)


class Span(NamedTuple):
    """A sentence's ``[start, end)`` in the canonical text."""

    start: int
    end: int


# turn-taking that names the reporter called on and their outlet
_GO_TO = re.compile(r"\b(?:go(?:ing)?\s+to|turn\s+to|call\s+on)\s+((?:[A-Z][\w’'\-]+\s+){0,2}[A-Z][\w’'\-]+)"
                    r"\s+(?:with|at|from|of)\s+(?:the\s+)?[A-Z]")
_HEAD_BLOCKS = 3  # the blocks that may open with a title, headline or dateline

_SENT_FALLBACK = re.compile(r"[^.!?]+(?:[.!?]+[”’\"')\]]*|$)")


def block_body(doc: Doc, bi: int) -> str:
    """The text of block ``bi`` after its speaker label."""
    blk = doc.briefing.blocks[bi]
    cs = blk.content_start if blk.content_start >= blk.start else blk.start
    return doc.briefing.text[cs:blk.end]


def analyse(b: Briefing) -> Doc:
    """Tokenise a briefing once, sentence by sentence, for every later phase."""
    blocks = b.blocks
    text = b.text
    n = len(blocks)
    spans: list[list[Span]] = [[] for _ in range(n)]
    for sent in b.sentences:
        if 0 <= sent.block < n:
            spans[sent.block].append(Span(sent.start, sent.end))
    units: list[Unit] = []
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
                    sp.append(Span(s + ls, s + rs))
        allowed = blk.kind not in ("heading", "stage") and not blk.is_question
        host = bool(blk.speaker_label and HOSTS.search(blk.speaker_label))
        if not allowed and sp:
            # never a summary: one unit for the whole block is enough
            sp = [Span(sp[0].start, sp[-1].end)]
        for span in sp:
            s, e = span.start, span.end
            if s < cstart < e:  # never let a speaker label into a summary
                s = cstart
                while s < e and text[s].isspace():
                    s += 1
            if bi < _HEAD_BLOCKS and not blk.is_question:
                # a title, headline or dateline is never part of a summary
                s = title_end(text, headline_end(text, s, e, b.title) if span is sp[0] else s, e, b.title)
            if e <= s:
                continue
            stext = text[s:e]
            toks, stems = terms(stext)
            cand = allowed and _summary_ok(stext)
            block_units[bi].append(len(units))
            units.append(Unit(s, e, bi, toks, stems, cand, blk.kind != "heading" and is_headline(stext)))
            for m in _GO_TO.finditer(stext):
                # "Our next question will go to Serena Marshall with NowThis."
                names.update(w.lower() for w in m.group(1).split())
            if host and NEXT_REPORTER.search(stext):  # "Next, we'll go to Asma Khalid at NPR."
                names.update(t.lower() for i, t in enumerate(toks) if i and t[:1].isupper())
            elif blk.is_question:  # (a question is one unit: its opening words)
                for m in SELF_INTRO.finditer(stext[:160]):
                    for g in m.groups():
                        if g:
                            names.update(w.lower() for w in re.findall(r"[\w'’\-]+", g))
                body = strip_greeting(stext.strip())
                _question_vocative(body, names)
                greeting = stext.strip()[:len(stext.strip()) - len(body)]
                if greeting:  # "Thanks so much, Sam. Hi, John."
                    for part in re.split(r"(?<=[.!?])\s+", greeting):
                        _vocatives(part, len(part.split()), names)
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
    return Doc(b, units, block_units, block_vec, idf, names, content)


def _name_words(name: str) -> set[str]:
    words = {w.lower() for w in re.findall(r"[^\W\d_]+", name)}
    words.update(t.lower() for t in terms(name)[0] if t[0].isalpha())
    return words


# One or two capitalised words set off by commas or dashes at a sentence's edge: "Go
# ahead, Peter." "Thanks, Jen." "Yes, Seung Min." "Alex, way back there." "you know
# this, Jeff;"
_VOCATIVE = re.compile(r"[,—–] ([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?=[,.;:?!—–]|$)")
_VOCATIVE_FIRST = re.compile(r"([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?=[,.;:?!—–]|$)")
# A question that opens by addressing the briefer: "Dmitry Sergeyevich, there are
# reports …", "Karine, on the border …"
_QUESTION_VOCATIVE = re.compile(r"([A-Z][a-z’'\-]+(?: [A-Z][a-z’'\-]+)?),\s")


def _question_vocative(q: str, names: set[str]) -> None:
    m = _QUESTION_VOCATIVE.match(q)
    if not m:
        return
    words = m.group(1).split()
    if any(w.lower() in FIRST_NAMES or PATRONYMIC.match(w) for w in words):
        names.update(w.lower() for w in words)


def _vocatives(stext: str, nwords: int, names: set[str]) -> None:
    """Collect names addressed in turn-taking or in passing: they never name a
    subject. A first name, or any word so placed in a short turn-taking sentence."""
    first = _VOCATIVE_FIRST.match(stext)
    found = [m.group(1) for m in _VOCATIVE.finditer(stext)]
    if first:
        found.append(first.group(1))
    for word in found:
        ws = word.lower().split()
        w = ws[0]
        if w in VOCATIVE_CONTEXT or (w in names and len(ws) == 1):
            continue
        if w in FIRST_NAMES or any(PATRONYMIC.match(x) for x in word.split()) or nwords <= len(ws) + 1 or (
                nwords <= 6 and any(x in VOCATIVE_CONTEXT for x in re.findall(r"[a-z]+", stext.lower()))):
            names.update(x for x in ws if x not in VOCATIVE_CONTEXT)


def _summary_ok(stext: str) -> bool:
    """Whether a sentence may summarise: a statement of 5–70 words, no question, no
    greeting, thanks or turn-taking."""
    if stext.rstrip(" ”’\"')]").endswith("?") or INTERRUPTED.match(stext):
        return False  # a question, or the rest of an interrupted sentence
    words = len(stext.split())
    if is_headline(stext):
        return False  # a headline or byline: "U.S. Senator Roger Marshall (R-KS)"
    if DEFLECTION.search(stext):
        return False  # "I cannot confirm that." "State Department is a better place to go for that."
    if BOILERPLATE_START.match(stext):
        # "Okay, so today the President…" is fine if long; "Thank you." is not.
        if words < 12 or THANKS.match(stext):
            return False
    return 5 <= words <= SUMMARY_MAX_WORDS
