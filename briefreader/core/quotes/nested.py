"""Nested quotations: a quote inside a quote belongs to the person quoted
inside ("“My coach told me ‘never give up,’ and I didn’t,” said Omar Tate" —
"never give up" is the coach's, not Omar Tate's).

Only an inner quote introduced by a cue verb inside the outer quote ("told me",
"said", "asked") is a quote; other inner quotation marks are titles, terms or
scare quotes and stay part of the outer quote. The inner speaker is the cue's
subject: a name, a pronoun of the first person (the outer speaker himself), or
an unresolved description (None) — never the outer speaker by default.
"""

from __future__ import annotations

import re

from briefreader.core.quotes.candidates import quoted_words
from briefreader.core.quotes.context import Doc
from briefreader.core.quotes.lexicon import STOP_CAPS
from briefreader.core.quotes.marks import pair_marks
from briefreader.core.quotes.patterns import CUE_RE
from briefreader.core.quotes.records import Candidate
from briefreader.core.quotes.subjects import Subjects

_FIRST_PERSON = frozenset({"i", "we", "me"})
_CLAUSE_START = re.compile(r"[.!?;:,]\s|\b(?:and|but|that|because|so)\s", re.IGNORECASE)


def inner_quotes(doc: Doc, cands: list[Candidate], subjects: Subjects) -> list[Candidate]:
    """The attributed inner quotes of the kept candidates of ``cands``."""
    text = doc.text
    out: list[Candidate] = []
    for c in cands:
        if c.drop or c.close < 0 or c.kind == "partial" and c.end - c.start < 20:
            continue
        if not any(ch in text[c.start:c.end] for ch in "“‘\"'«"):
            continue
        closed, _ = pair_marks(text, c.start, c.end)
        for r in closed:
            if r.depth != 0 or r.open <= c.start - 1:
                continue
            span = quoted_words(text, r.open + 1, r.close)
            if span is None:
                continue
            s, e = span
            inner = _attribute(doc, c, r.open, s, e, subjects)
            if inner is not None:
                out.append(inner)
    return out


def _attribute(doc: Doc, outer: Candidate, mark: int, s: int, e: int,
               subjects: Subjects) -> Candidate | None:
    """The inner quote at ``mark`` with the speaker of the cue before it inside
    the outer quote, or None when no cue introduces it."""
    text = doc.text
    lo = outer.start
    window = text[max(lo, mark - 120):mark]
    base = max(lo, mark - 120)
    cues = [m for m in CUE_RE.finditer(window) if m.group(1) or m.group(2)]
    if not cues:
        return None
    cm = cues[-1]
    between = window[cm.end():]
    if len(between) > 25 or re.search(r"[.!?]", between):
        return None  # "told me" right before the mark, not a cue far away
    head = window[:cm.start()]
    cut = 0
    for b in _CLAUSE_START.finditer(head):
        cut = b.end()
    phrase = head[cut:].strip()
    words = phrase.split()
    while len(words) > 1 and words[0].lower() in STOP_CAPS:
        cut = head.index(words[1], cut)  # "Then Lena Park said"
        phrase = head[cut:].strip()
        words = words[1:]
    cand = Candidate(s, e, mark, e, outer.block)
    cand.kind = "direct" if text[s].isupper() else "partial"
    cand.cue = cm.group(1) or cm.group(2)
    cand.turn = outer.turn
    if not words:
        return cand
    last = words[-1].lower().strip(",")
    if last in _FIRST_PERSON:
        cand.speaker, cand.person, cand.mention = outer.speaker, outer.person, words[-1]
        cand.how = outer.how
        return cand
    res = subjects.who(phrase, base + cut, outer.turn)
    if res is not None and res.how == "explicit":
        cand.person = res.person
        cand.speaker = res.person.display if res.person is not None else res.name
        cand.mention = res.mention
        cand.how = "explicit"
    return cand
