"""How well a sentence can stand for what a segment says: a sentence that reads
cleanly (few broken-off words, repeats and dashes of speech), says something
(content words, numbers, names rather than hedges) and speaks of the segment's
subject (the label's terms) weighs more."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from importlib.resources import files


def _regex_lines(name: str) -> list[str]:
    text = files(__package__ or __name__).joinpath(name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


HEDGE = re.compile("|".join(f"(?:{x})" for x in _regex_lines("hedges.txt")), re.IGNORECASE)
_DASH = re.compile(r"[—–]|\s-\s|\.\.\.|…")
# a broken-off word, a correction, a gap in the recording
BROKEN = re.compile(r"\w-\s*[—–]|[—–]\s*(?:no|oh|sorry|pardon|excuse me|I mean)\b"
                     r"|\(\s*(?:audio drops|inaudible|crosstalk)[^)]*\)", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_EMPHASIS = frozenset({"very", "that", "had", "really", "much", "so"})  # "very, very", "had had"
_NUMBER = re.compile(r"\d")
# a sentence that leans on the one before ("That is very much different than …")
LEANING = re.compile(r"^\W*(?:that|this|these|those|it)(?:(?:'|’)s|\s+(?:is|was|are|were|would be|will be))\b",
                     re.IGNORECASE)
_NAME = re.compile(r"(?<=[\w,;:)’'\"”]\s)[A-Z][\w’'.\-]*")


def disfluency(stext: str) -> int:
    """Breaks of speech in a sentence: dashes, broken-off words, words said twice
    ("the — the", "have — have", "the farms — the farms")."""
    ws = _WORD.findall(stext.lower())
    repeats = 0
    for i in range(len(ws) - 1):
        if ws[i] == ws[i + 1] and ws[i] not in _EMPHASIS:
            repeats += 1
        elif i + 3 < len(ws) and ws[i] == ws[i + 2] and ws[i + 1] == ws[i + 3]:
            repeats += 1
    return len(_DASH.findall(stext)) + 2 * len(BROKEN.findall(stext)) + repeats


QUALITY_MAX = 1.4 * 1.15 * 1.1 * 1.4  # the largest factor ``quality`` gives


def quality(stext: str, stems: Sequence[str], subject: Collection[str]) -> float:
    """A factor (about 0.1–2) for a sentence as a summary: clean, dense in content,
    on the ``subject`` (the stems of the segment's label)."""
    words = len(stext.split())
    q = 1.0 / (1.0 + 0.2 * disfluency(stext))
    if BROKEN.search(stext):
        q *= 0.5  # a word broken off or taken back: garbled as a summary
    hedges = len(HEDGE.findall(stext))
    q *= 0.7 ** min(hedges, 3)
    if words < 8:
        q *= 0.5
    if words < 16 and LEANING.match(stext):
        q *= 0.6
    elif words > 45:
        q *= 0.85
    content = sum(1 for st in stems if st)
    q *= 0.6 + 0.8 * min(1.0, content / max(words, 1) / 0.45)  # content words per word
    if _NUMBER.search(stext):
        q *= 1.15  # a figure, a date
    if _NAME.search(stext):
        q *= 1.1  # a name inside the sentence
    if subject:
        have = len(set(stems) & set(subject))
        q *= 1.0 + 0.4 * have / len(subject) if have else 0.8
    return q
