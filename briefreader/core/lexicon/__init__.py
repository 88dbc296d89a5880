"""Words every part of the analysis shares: months, weekdays, titles and abbreviations.

The lists are data files beside this module (one lower-case entry a line, ``#`` comments);
the analysing code builds its own sets from them, so a word is added in one place.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

__all__ = [
    "ABBREVIATIONS",
    "ACRONYMS",
    "HONORIFICS",
    "MONTH_ABBREVIATIONS",
    "MONTH_NUMBERS",
    "MONTHS",
    "TITLE_ABBREVIATIONS",
    "WEEKDAYS",
    "words",
]


@cache
def words(name: str) -> tuple[str, ...]:
    """The entries of ``NAME.txt`` beside this module, in file order."""
    text = (files(__package__) / f"{name}.txt").read_text(encoding="utf-8")
    return tuple(w for line in text.splitlines() if (w := line.strip()) and not w.startswith("#"))


MONTHS: tuple[str, ...] = words("months")
WEEKDAYS: tuple[str, ...] = words("weekdays")
MONTH_ABBREVIATIONS: frozenset[str] = frozenset(words("month_abbreviations"))
HONORIFICS: frozenset[str] = frozenset(words("honorifics"))
TITLE_ABBREVIATIONS: frozenset[str] = frozenset(words("title_abbreviations"))
ABBREVIATIONS: frozenset[str] = frozenset(words("abbreviations"))
ACRONYMS: frozenset[str] = frozenset(words("acronyms"))

# "january" -> 1, "jan" -> 1, "sept" -> 9
MONTH_NUMBERS: dict[str, int] = {m: i for i, m in enumerate(MONTHS, 1)}
MONTH_NUMBERS.update({m[:3]: i for i, m in enumerate(MONTHS, 1)})
MONTH_NUMBERS.update({a: MONTH_NUMBERS[a[:3]] for a in MONTH_ABBREVIATIONS})


def alternation(names: tuple[str, ...] | frozenset[str], capitalise: bool = False) -> str:
    """A regex alternation of the names, longest first (so "sept" is tried before "sep")."""
    ordered = sorted(names, key=lambda w: (-len(w), w))
    return "|".join(w.capitalize() if capitalise else w for w in ordered)
