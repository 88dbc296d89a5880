"""Normalised text: quotes compared with whitespace runs collapsed and curly quotes
and dashes made straight, with every match mapped back to exact source offsets.

:class:`NormalizedText` is built once per text and shared by every note placed in
it; :func:`find_all` and :func:`count_occurrences` find a passage in it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

# Same-length normalisation: every whitespace character a space, curly quotes
# and dashes straight. The common characters go through str.replace (fast);
# the rare ones through one regular expression.
_COMMON = (
    ("\n", " "),
    ("\u00a0", " "),
    ("\u2019", "'"),
    ("\u2018", "'"),
    ("\u201c", '"'),
    ("\u201d", '"'),
    ("\u2014", "-"),
    ("\u2013", "-"),
)
_RARE_TABLE = {ord(c): " " for c in map(chr, range(0x3001)) if c.isspace() and c != " "}
_RARE_TABLE.update({ord(c): "'" for c in "\u201a\u201b\u2032"})
_RARE_TABLE.update({ord(c): '"' for c in "\u201e\u201f\u2033\u00ab\u00bb"})
_RARE_TABLE.update({ord(c): "-" for c in "\u2010\u2011\u2012\u2015\u2212"})
_RARE = re.compile("[" + re.escape("".join(map(chr, _RARE_TABLE))) + "]")
_SPACE_RUN = re.compile(r" {2,}")


def _fold(text: str) -> str:
    """Whitespace characters made spaces, curly quotes and dashes straight (same length)."""
    for a, b in _COMMON:
        text = text.replace(a, b)
    return _RARE.sub(_rare, text)


def _rare(m: re.Match[str]) -> str:
    return _RARE_TABLE[ord(m.group())]


def normalize(text: str) -> str:
    """Whitespace runs as one space, curly quotes and dashes straight."""
    return _SPACE_RUN.sub(" ", _fold(text))


class NormalizedText:
    """A text normalised like :func:`normalize`, with the map back to source offsets.

    Normalisation only collapses runs of spaces, so the map is a short list of
    break points: from ``_norm[k]`` on, normalised offset ``n`` is source offset
    ``n + _src[k] - _norm[k]``.
    """

    __slots__ = ("source", "text", "_norm", "_src", "_lower")

    def __init__(self, source: str) -> None:
        folded = _fold(source)
        runs = [m.span() for m in _SPACE_RUN.finditer(folded)]
        removed = accumulate(e - s - 1 for s, e in runs)
        self.source = source
        self.text = _SPACE_RUN.sub(" ", folded)
        self._norm = [0, *(e - r for (_, e), r in zip(runs, removed, strict=True))]
        self._src = [0, *(e for _, e in runs)]
        self._lower: str | None = None

    def to_source(self, n: int) -> int:
        k = bisect_right(self._norm, n) - 1
        return n + self._src[k] - self._norm[k]

    def span_to_source(self, a: int, b: int) -> tuple[int, int]:
        """Source span of the normalised span ``[a, b)`` (``a < b``)."""
        return self.to_source(a), self.to_source(b - 1) + 1

    def from_source(self, p: int) -> int:
        p = max(0, min(p, len(self.source)))
        k = bisect_right(self._src, p) - 1
        n = p - self._src[k] + self._norm[k]
        if k + 1 < len(self._norm):
            n = min(n, self._norm[k + 1] - 1)
        return n

    def lower(self) -> str | None:
        """The normalised text lower-cased, if that keeps every offset."""
        if self._lower is None:
            low = self.text.lower()
            self._lower = low if len(low) == len(self.text) else ""
        return self._lower or None


def find_offsets(haystack: str, needle: str) -> list[int]:
    """Every offset of ``needle`` in ``haystack`` (overlapping occurrences too)."""
    out = []
    i = haystack.find(needle)
    while i >= 0:
        out.append(i)
        i = haystack.find(needle, i + 1)
    return out


def find_all(
    text: str | NormalizedText, quote: str, *, fold_case: bool = False
) -> list[tuple[int, int]]:
    """Every source span whose text equals ``quote`` modulo whitespace, quote
    style and dashes (and letter case with ``fold_case``), in text order."""
    nt = text if isinstance(text, NormalizedText) else NormalizedText(text)
    q = normalize(quote).strip()
    if not q:
        return []
    hay = nt.text
    if fold_case:
        low = nt.lower()
        if low is None or len(q.lower()) != len(q):
            return []
        hay, q = low, q.lower()
    return [nt.span_to_source(a, a + len(q)) for a in find_offsets(hay, q)]


def count_occurrences(text: str | NormalizedText, quote: str) -> int:
    """How many times ``quote`` occurs in ``text`` (normalised comparison)."""
    nt = text if isinstance(text, NormalizedText) else NormalizedText(text)
    q = normalize(quote).strip()
    return len(find_offsets(nt.text, q)) if q else 0
