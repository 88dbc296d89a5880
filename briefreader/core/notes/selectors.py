"""A note's W3C TextQuoteSelector: its context, and the selectors normalised for matching.

:class:`Query` holds a note's quote, prefix and suffix normalised once, with the
normalised text they are sought in, and says how well the context matches around a
place -- and whether it matches there only (context is evidence only where it
points to one place).
"""

from __future__ import annotations

from typing import NamedTuple

from rapidfuzz import fuzz

from briefreader.core.notes.normalize import normalize
from briefreader.core.notes.thresholds import CONTEXT_GOOD, CONTEXT_MARGIN

CONTEXT = 32  # characters of prefix and suffix kept with a note


class Context(NamedTuple):
    """A TextQuoteSelector's prefix and suffix."""

    prefix: str
    suffix: str


class Sides(NamedTuple):
    """How well a note's prefix and suffix match around a place (rapidfuzz ratios, 0-100)."""

    prefix: float
    suffix: float


def context_of(text: str, start: int, end: int) -> Context:
    """The W3C TextQuoteSelector prefix and suffix of ``text[start:end]``."""
    return Context(text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT])


class Query:
    """A note's selectors normalised once, and the normalised text they are sought in."""

    __slots__ = ("n", "quote", "prefix", "suffix", "_edge")

    def __init__(self, exact: str, prefix: str, suffix: str, n: str) -> None:
        lead = exact[: len(exact) - len(exact.lstrip())]
        trail = exact[len(exact.rstrip()) :]
        self.n = n
        self.quote = normalize(exact).strip()
        # whitespace trimmed off the quote belongs to its context
        self.prefix = normalize(prefix + lead)
        self.suffix = normalize(trail + suffix)
        # a context shorter than CONTEXT reached the start/end of the old text:
        # compare one character more, so that only the same edge matches fully
        self._edge = (int(len(prefix) < CONTEXT), int(len(suffix) < CONTEXT))

    def sides(self, a: int, b: int) -> Sides:
        """How well the prefix and suffix match around the normalised span ``[a, b)`` (0-100)."""
        p, s, n = self.prefix, self.suffix, self.n
        before = n[max(0, a - len(p) - self._edge[0]) : a]
        after = n[b : b + len(s) + self._edge[1]]
        return Sides(fuzz.ratio(p, before), fuzz.ratio(s, after))

    def unique_side(self, side: str, score: float, a: int, b: int) -> bool:
        """Whether ``side``, matching with ``score`` around ``[a, b)``, matches
        everywhere else in the text clearly worse: context is evidence only if
        it points to one place (a speaker label such as "MS. PSAKI:" points to
        many)."""
        if not side.strip():
            return True  # the very start or end of the text
        n = self.n
        hay = n[: max(0, a - len(side) - 8)] + "\0" + n[b + len(side) + 8 :]
        if len(hay) < len(side):
            return True
        cutoff = score - CONTEXT_MARGIN
        return fuzz.partial_ratio_alignment(side, hay, score_cutoff=cutoff) is None

    def supported(self, a: int, b: int, sides: Sides | None = None) -> bool:
        """Whether a context side matches at ``[a, b)``, and nowhere else."""
        pre, suf = sides or self.sides(a, b)
        return (pre >= CONTEXT_GOOD and self.unique_side(self.prefix, pre, a, b)) or (
            suf >= CONTEXT_GOOD and self.unique_side(self.suffix, suf, a, b)
        )
