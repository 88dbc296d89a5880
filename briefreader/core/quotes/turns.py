"""Turn quotes: in a transcript, each sentence a labelled speaker said,
clipped to the turn's content; a reporter's ``Q`` turn is a question. A label
gets the full name the document gives ("MR. ZIENTS" -> "Jeff Zients")."""

from __future__ import annotations

import re
from typing import NamedTuple

from briefreader.core.model import REPORTER, Quote
from briefreader.core.quotes.context import Doc
from briefreader.core.quotes.names import is_title_word, parse_name_tokens, person_name
from briefreader.core.quotes.patterns import LETTER_RE
from briefreader.core.quotes.procedural import procedural_kind_of
from briefreader.core.sentences import split_spans


class _Turn(NamedTuple):
    """A turn block's content and speaker."""

    lo: int
    hi: int
    speaker: str
    label: str | None
    question: bool


def turn_quotes(doc: Doc) -> list[Quote]:
    """The turn quotes of a transcript: its sentences (or, for a turn without
    ``briefing.sentences``, its own sentence split), in order of turns."""
    text = doc.text
    docid = doc.briefing.id
    names: dict[str, str] = {}
    turns: dict[int, _Turn] = {}
    for bi, bl in enumerate(doc.blocks):
        if bl.kind != "turn" or not bl.speaker:
            continue
        speaker = names.get(bl.speaker)
        if speaker is None:
            speaker = names[bl.speaker] = turn_speaker(doc, bl.speaker)
        lo = max(bl.start, bl.content_start) if bl.content_start >= 0 else bl.start
        q = bl.speaker == REPORTER
        turns[bi] = _Turn(lo, bl.end, speaker, bl.speaker_label or ("Q" if q else None), q)
    out: list[Quote] = []
    seen: set[int] = set()
    letter = LETTER_RE.search
    for sent in doc.briefing.sentences:
        bi = sent.block
        t = turns.get(bi)
        if t is None:
            continue
        seen.add(bi)
        s, e = sent.start, sent.end
        if s < t.lo or e > t.hi or text[s:s + 1].isspace() or text[e - 1:e].isspace():
            s, e = _clip(text, max(s, t.lo), min(e, t.hi))
        if e <= s or not letter(text, s, e):
            continue
        body = text[s:e]
        out.append(Quote(docid, s, e, body, t.speaker, t.label, t.label, "turn",
                         ((s, e),), None, t.question,
                         e - s <= 48 and _procedural(body, text, e, t.lo, t.hi)))
    for bi, t in turns.items():
        if bi in seen:
            continue
        for s, e in split_spans(text, t.lo, t.hi):
            s, e = _clip(text, s, e)
            if e <= s or not letter(text, s, e):
                continue
            body = text[s:e]
            out.append(Quote(docid, s, e, body, t.speaker, t.label, t.label, "turn",
                             ((s, e),), None, t.question,
                             e - s <= 48 and _procedural(body, text, e, t.lo, t.hi)))
    return out


def turn_speaker(doc: Doc, speaker: str) -> str:
    """The canonical name of a turn's speaker. A surname-only label ("MR.
    ZIENTS" -> "Zients") gets the full name the document (or the list of
    well-known people) gives; "The President" the president the title or the
    text names ("Remarks by President Biden")."""
    if speaker == REPORTER:
        return speaker
    words = speaker.split()
    if len(words) >= 2 and all(is_title_word(w) for w in words):
        role = words[-1].lower()
        mods = tuple(w.lower() for w in words[1:-1])
        tm = re.search(r"\b" + r"\s+".join(w.capitalize() for w in words[1:])
                       + r"\s+((?:[A-Z][\w’'\-.]*\s+){0,2}[A-Z][\w’'\-]+)", doc.briefing.title)
        if tm:
            nm = person_name(parse_name_tokens(["Mr.", *tm.group(1).split()]))
            if nm:
                p = doc.people.surname(nm) if " " not in nm else None
                p = p or doc.people.person(nm)
                return p.display if p is not None else nm
        p = doc.people.resolve_role(role, mods, len(doc.text))
        return p.display if p is not None else speaker
    if len(words) != 1:
        return speaker
    nm = person_name(parse_name_tokens(["Mr.", speaker]))
    if nm is None:
        return speaker
    p = doc.people.surname(speaker)
    if p is None:
        p = doc.people.person(speaker)
    return p.display if p is not None else speaker


# a turn that is only a name: the floor given to a reporter ("Kelly O.", "Peter.")
_NAME_CALL_RE = re.compile(r"[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*\.?){0,2}\.?")


def _procedural(body: str, text: str, e: int, lo: int, hi: int) -> bool:
    """Whether the turn sentence ``body`` (ending at ``e``, in the turn ``lo``–``hi``)
    only runs the briefing: a procedural phrase, a filler ("Yeah.": alone, an answer
    that needs the question to mean anything), or a name alone as the whole turn
    (calling on a reporter)."""
    if procedural_kind_of(body):
        return True
    return (len(body) <= 24 and _NAME_CALL_RE.fullmatch(body) is not None
            and LETTER_RE.search(text, e, hi) is None and LETTER_RE.search(text, lo, e - len(body)) is None)
    # (``body`` is ``text[e - len(body):e]``: nothing of the turn before it or after it)


def _clip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e
