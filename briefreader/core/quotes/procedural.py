"""Procedural turn sentences: "Go ahead.", "Thank you, Karine.", "Okay.", "Next
question." run a briefing but say nothing; such turn quotes get
``procedural=True`` so that readers and the CLI can leave them out. Fillers
("Yeah.", "Sure.") are procedural by this test only when the same turn goes on; a
stage note in parentheses ("(Laughter.)") is procedural too. (The turn quotes of a
transcript also flag a filler that is the whole turn, and a name alone calling on a
reporter: ``quotes.turns``.) One regular expression per
list, matched in place (turn sentences are many)."""

from __future__ import annotations

import re

from briefreader.core.quotes.lexicon import phrase_alternatives

PROCEDURAL: frozenset[str] = frozenset(phrase_alternatives("procedural_turns.txt"))
FILLERS: frozenset[str] = frozenset(phrase_alternatives("filler_turns.txt"))

# a vocative after the phrase: "Thank you, Karine", "Thanks, everybody", "Go ahead, Peter"
_VOCATIVE = (r"(?:,?\s+(?:everybody|everyone|all|guys|folks|sir|ma’am|ma'am|again|both|so\s+much|"
             r"very\s+much)|,\s*(?:[A-Z][\w’'.\-]*\s*){1,3})*")


def _one(phrases: frozenset[str] | set[str]) -> str:
    alt = "|".join(r"\s+".join(re.escape(w) for w in p.split())
                   for p in sorted(phrases, key=len, reverse=True))
    return r"(?i:" + alt + r")(?![\w’'])" + _VOCATIVE + r"[\s.!…,]*"


_WORD_RE = re.compile(r"[A-Za-z][A-Za-z’'\-]*")
# every lower-case word of a procedural sentence is a word of the phrases or of a
# vocative ("everybody", "so much"): a sentence with any other one is not tried
_VOCABULARY = frozenset(
    w.lower() for p in PROCEDURAL | FILLERS for w in _WORD_RE.findall(p)) | frozenset(
    "everybody everyone all guys folks sir ma’am ma'am again both so much very".split())
# the words that start in lower case (the same words as _WORD_RE finds)
_LOWER_WORD_RE = re.compile(r"(?<![A-Za-z’'\-])[a-z][A-Za-z’'\-]*")
_ONE_PROC = _one(PROCEDURAL)
_ONE_ALL = _one(PROCEDURAL | FILLERS)
_STAGE_RE = re.compile(r"\s*\([^()]*\)[.!]?\s*")
_FIRST_RE = re.compile(r"\s*([A-Za-z][A-Za-z’'\-]*)")
_FIRST_WORDS = frozenset(p.split()[0].lower() for p in PROCEDURAL | FILLERS)
# by the sentence's first word: the phrases that may open it, then any phrases (the
# whole list tried at every sentence cost more than the rest of the turn's reading)
_BY_FIRST: dict[str, tuple[re.Pattern[str] | None, re.Pattern[str]]] = {}


def _patterns(first: str) -> tuple[re.Pattern[str] | None, re.Pattern[str]]:
    got = _BY_FIRST.get(first)
    if got is None:
        proc = {p for p in PROCEDURAL if p.split()[0].lower() == first}
        both = proc | {p for p in FILLERS if p.split()[0].lower() == first}
        got = _BY_FIRST[first] = (
            re.compile(r"\s*(?:" + _one(proc) + r")(?:" + _ONE_PROC + r")*") if proc else None,
            re.compile(r"\s*(?:" + _one(both) + r")(?:" + _ONE_ALL + r")*"))
    return got


def is_procedural(text: str, more_in_turn: bool = False) -> bool:
    """Whether a turn sentence (of at most 48 characters: the phrases with a
    vocative are shorter) only runs the briefing ("Go ahead, Peter."); a
    filler ("Yeah.") counts when ``more_in_turn`` (the turn goes on after it).
    A question ("Okay?") is never procedural."""
    k = procedural_kind(text, 0, len(text))
    return k == 1 or (k == 2 and more_in_turn)


def procedural_kind(text: str, s: int, e: int) -> int:
    """0: ``text[s:e]`` says something; 1: it only runs the briefing; 2: it is a
    filler ("Yeah."), procedural when the turn goes on."""
    if e - s > 48 or e <= s or text[e - 1] == "?":
        return 0
    if text[s] == "(":
        return 1 if _STAGE_RE.fullmatch(text, s, e) is not None else 0
    w = _FIRST_RE.match(text, s, e)
    first = w.group(1).lower() if w is not None else ""
    if first not in _FIRST_WORDS:
        return 0  # a quick test before the phrase lists
    if any(w.lower() not in _VOCABULARY for w in _LOWER_WORD_RE.findall(text, s, e)):
        return 0
    proc, both = _patterns(first)
    if both.fullmatch(text, s, e) is None:
        return 0  # neither a procedural phrase nor a filler
    if proc is not None and proc.fullmatch(text, s, e) is not None:
        return 1
    return 2


_KIND_CACHE: dict[str, int] = {}


def procedural_kind_of(sentence: str) -> int:
    """:func:`procedural_kind` of a whole short sentence, remembered (a briefing
    says "Thank you." and "Go ahead." many times)."""
    k = _KIND_CACHE.get(sentence)
    if k is None:
        if len(_KIND_CACHE) > 50000:
            _KIND_CACHE.clear()
        k = _KIND_CACHE[sentence] = procedural_kind(sentence, 0, len(sentence))
    return k
