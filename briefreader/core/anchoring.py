"""Anchoring: find a note's passage in a text that may have changed since.

A note remembers its passage by W3C selectors: the exact quote, up to
``CONTEXT`` characters of prefix and suffix, and the old start offset.
:func:`anchor` places it again, in this order:

1. ``kept``  -- the exact quote is still at the old offset;
2. ``moved`` -- the quote occurs elsewhere (comparing with whitespace runs
   collapsed and curly quotes/dashes made straight): the occurrence whose
   prefix/suffix context matches, nearest the old offset; a lone occurrence
   without matching context only when the quote is known to be distinctive;
3. ``fuzzy`` -- an approximate match of the quote (rapidfuzz), found in windows
   located by n-gram seeds of the quote and its context, then by one global
   scan; accepted only when the quote is very similar *and* the context on at
   least one side matches, and no other place matches nearly as well.

Anything else returns ``None``: the caller keeps the note, unplaced, with its
old text. Returned offsets are always exact offsets into the given text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Literal, NamedTuple

from rapidfuzz import fuzz

CONTEXT = 32  # characters of prefix and suffix kept with a note

Outcome = Literal["kept", "moved", "fuzzy"]

# Calibrated on tests/test_anchoring.py (see the table there): the lowest
# fuzzy quote score of a correct placement is far above FUZZY_QUOTE_MIN, the
# highest score of a wrong candidate (deleted passages, near-duplicates) with
# matching context is below it.
CONTEXT_GOOD = 80.0  # a context side "matches" at this rapidfuzz ratio or above
FUZZY_QUOTE_MIN = 90.0  # fuzzy: minimum ratio between the quote and the new span
FUZZY_MIN_LEN = 20  # shorter quotes are only ever placed exactly
AMBIGUITY_MARGIN = 3.0  # a second place scoring this close makes a fuzzy match ambiguous
DISTINCTIVE_LEN = 24  # a quote of unknown uniqueness this long is taken as distinctive
SEED_LEN = 10
SEED_MAX_HITS = 8  # a seed found more often than this says nothing about where
MAX_WINDOWS = 6
GLOBAL_SCAN_MAX = 4_000_000  # characters; above this no global fuzzy scan


class Placement(NamedTuple):
    start: int
    end: int
    outcome: Outcome


_OTHER_SPACE = re.compile(r"[^\S ]")  # any whitespace but the plain space
_SPACE_RUN = re.compile(r" {2,}")
_SINGLE_QUOTES = re.compile("[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]")
_DOUBLE_QUOTES = re.compile("[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]")
_DASHES = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]")


def _fold(text: str) -> str:
    """Same-length normalisation: every whitespace char a space, quotes and dashes straight."""
    text = _OTHER_SPACE.sub(" ", text)
    text = _SINGLE_QUOTES.sub("'", text)
    text = _DOUBLE_QUOTES.sub('"', text)
    return _DASHES.sub("-", text)


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
        norm, src = [0], [0]
        removed = 0
        for m in _SPACE_RUN.finditer(folded):
            removed += m.end() - m.start() - 1
            norm.append(m.end() - removed)
            src.append(m.end())
        self.source = source
        self.text = _SPACE_RUN.sub(" ", folded)
        self._norm = norm
        self._src = src
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


def _find_all(haystack: str, needle: str) -> list[int]:
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
    return [nt.span_to_source(a, a + len(q)) for a in _find_all(hay, q)]


def count_occurrences(text: str | NormalizedText, quote: str) -> int:
    """How many times ``quote`` occurs in ``text`` (normalised comparison)."""
    nt = text if isinstance(text, NormalizedText) else NormalizedText(text)
    q = normalize(quote).strip()
    return len(_find_all(nt.text, q)) if q else 0


def context_of(text: str, start: int, end: int) -> tuple[str, str]:
    """The W3C TextQuoteSelector prefix and suffix of ``text[start:end]``."""
    return text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]


class _Query:
    """A note's selectors, normalised once."""

    __slots__ = ("quote", "prefix", "suffix")

    def __init__(self, exact: str, prefix: str, suffix: str) -> None:
        core = exact.strip()
        lead = exact[: len(exact) - len(exact.lstrip())]
        trail = exact[len(exact.rstrip()) :]
        self.quote = normalize(core).strip() if core else ""
        # whitespace trimmed off the quote belongs to its context
        self.prefix = normalize(prefix + lead)
        self.suffix = normalize(trail + suffix)

    def context(self, n: str, a: int, b: int) -> tuple[float, float]:
        """How well the context around the normalised span ``[a, b)`` matches (0-100)."""
        p, s = self.prefix, self.suffix
        before = n[max(0, a - len(p)) : a]
        after = n[b : b + len(s)]
        return fuzz.ratio(p, before), fuzz.ratio(s, after)


def anchor(
    text: str,
    exact: str,
    prefix: str,
    suffix: str,
    old_start: int,
    *,
    occurrences: int | None = None,
    normalized: NormalizedText | None = None,
) -> Placement | None:
    """Place the passage ``exact`` (with its ``prefix``/``suffix`` context,
    formerly at ``old_start``) in ``text``; ``None`` if it cannot be placed
    with confidence.

    ``occurrences`` is how many times the quote occurred in the text it was
    taken from (``None``: unknown); a quote that was not unique is only placed
    where its context matches. ``normalized`` may pass ``NormalizedText(text)``
    when placing several notes in one text.
    """
    if not exact.strip():
        return None
    nt: NormalizedText | None = normalized
    query: _Query | None = None
    # 1. still where it was
    if 0 <= old_start and text.startswith(exact, old_start):
        if occurrences == 1:
            return Placement(old_start, old_start + len(exact), "kept")
        nt = nt or NormalizedText(text)
        query = _Query(exact, prefix, suffix)
        a = nt.from_source(old_start + len(exact) - len(exact.lstrip()))
        if occurrences is None and len(query.quote) >= DISTINCTIVE_LEN:
            return Placement(old_start, old_start + len(exact), "kept")
        if max(query.context(nt.text, a, a + len(query.quote))) >= CONTEXT_GOOD:
            return Placement(old_start, old_start + len(exact), "kept")
    nt = nt or NormalizedText(text)
    query = query or _Query(exact, prefix, suffix)
    q = query.quote
    n = nt.text
    old_n = nt.from_source(old_start)

    # 2. the exact (normalised) quote elsewhere
    starts = _find_all(n, q)
    if starts:
        ctx = {a: query.context(n, a, a + len(q)) for a in starts}
        good = [a for a in starts if max(ctx[a]) >= CONTEXT_GOOD]
        distinctive = occurrences == 1 or (
            occurrences is None and len(q) >= DISTINCTIVE_LEN and len(starts) == 1
        )
        pick: int | None = None
        if good:
            pick = min(good, key=lambda a: (abs(a - old_n), -sum(ctx[a])))
        elif distinctive:
            pick = min(starts, key=lambda a: abs(a - old_n))
        if pick is not None:
            s, e = nt.span_to_source(pick, pick + len(q))
            return Placement(s, e, "moved")

    # 3. an approximate match, with context
    if len(q) < FUZZY_MIN_LEN:
        return None
    return _fuzzy(nt, query, old_n)


class _Candidate(NamedTuple):
    score: float
    quote_score: float
    start: int  # normalised offsets
    end: int


def _seeds(n: str, query: _Query, old_n: int) -> list[int]:
    """Estimated normalised start offsets of the quote, most supported first."""
    q, p, s = query.quote, query.prefix, query.suffix
    k = min(SEED_LEN, len(q))
    estimates: list[int] = [old_n]
    steps = max(1, (len(q) - k) // 7)
    for off in range(0, len(q) - k + 1, steps):
        hits = _find_all_capped(n, q[off : off + k])
        estimates.extend(h - off for h in hits)
    tail = p[-k:]
    if len(tail.strip()) >= 4:
        estimates.extend(h + len(tail) for h in _find_all_capped(n, tail))
    head = s[:k]
    if len(head.strip()) >= 4:
        estimates.extend(h - len(q) for h in _find_all_capped(n, head))
    estimates.sort()
    radius = max(16, len(q) // 4)
    clusters: list[list[int]] = []
    for e in estimates:
        if clusters and e - clusters[-1][0] <= radius:
            clusters[-1].append(e)
        else:
            clusters.append([e])
    clusters.sort(key=len, reverse=True)
    return [c[len(c) // 2] for c in clusters[:MAX_WINDOWS]]


def _find_all_capped(n: str, seed: str) -> list[int]:
    out = []
    i = n.find(seed)
    while i >= 0:
        out.append(i)
        if len(out) > SEED_MAX_HITS:
            return []
        i = n.find(seed, i + 1)
    return out


def _refine(n: str, q: str, a: int, b: int) -> tuple[float, int, int]:
    """Move the span's ends to where the quote matches best (highest ratio)."""
    k = max(8, len(q) // 8)
    best = fuzz.ratio(q, n[a:b])
    for _ in range(3):
        moved = False
        for s in range(max(0, a - k), min(b - 1, a + k) + 1):
            r = fuzz.ratio(q, n[s:b])
            if r > best:
                best, a, moved = r, s, True
        for e in range(max(a + 1, b - k), min(len(n), b + k) + 1):
            r = fuzz.ratio(q, n[a:e])
            if r > best:
                best, b, moved = r, e, True
        if not moved:
            break
    while a < b and n[a] == " ":
        a += 1
    while b > a and n[b - 1] == " ":
        b -= 1
    return fuzz.ratio(q, n[a:b]), a, b


def _candidate(n: str, query: _Query, lo: int, hi: int) -> _Candidate | None:
    q = query.quote
    lo, hi = max(0, lo), min(len(n), hi)
    if hi - lo < len(q):
        lo, hi = max(0, hi - len(q)), min(len(n), lo + len(q))
        if hi - lo < len(q):
            return None
    al = fuzz.partial_ratio_alignment(q, n[lo:hi])
    if al is None or al.score < FUZZY_QUOTE_MIN - 15:
        return None
    qs, a, b = _refine(n, q, lo + al.dest_start, lo + al.dest_end)
    if a >= b:
        return None
    pre, suf = query.context(n, a, b)
    return _Candidate(0.6 * qs + 0.2 * pre + 0.2 * suf, qs, a, b) if max(pre, suf) >= CONTEXT_GOOD else _Candidate(-1.0, qs, a, b)


def _fuzzy(nt: NormalizedText, query: _Query, old_n: int) -> Placement | None:
    n, q = nt.text, query.quote
    if len(n) < len(q):
        return None
    margin = max(16, len(q) // 4) + 16
    found: list[_Candidate] = []
    for c in _seeds(n, query, old_n):
        cand = _candidate(n, query, c - margin, c + len(q) + margin)
        if cand is not None:
            found.append(cand)
    if not any(_acceptable(c) for c in found) and len(n) <= GLOBAL_SCAN_MAX:
        al = fuzz.partial_ratio_alignment(q, n, score_cutoff=FUZZY_QUOTE_MIN - 10)
        if al is not None:
            cand = _candidate(n, query, al.dest_start - margin, al.dest_end + margin)
            if cand is not None:
                found.append(cand)
    best = _choose(found)
    if best is None:
        return None
    s, e = nt.span_to_source(best.start, best.end)
    return Placement(s, e, "fuzzy")


def _acceptable(c: _Candidate) -> bool:
    return c.score >= 0 and c.quote_score >= FUZZY_QUOTE_MIN


def _choose(found: list[_Candidate]) -> _Candidate | None:
    """The best acceptable candidate, unless another place is nearly as good."""
    distinct: list[_Candidate] = []
    for c in sorted(found, key=lambda c: -c.score):
        if all(c.end <= d.start or c.start >= d.end for d in distinct):
            distinct.append(c)
    if not distinct or not _acceptable(distinct[0]):
        return None
    best = distinct[0]
    for other in distinct[1:]:
        if other.quote_score >= FUZZY_QUOTE_MIN - AMBIGUITY_MARGIN and (
            other.score >= best.score - AMBIGUITY_MARGIN
        ):
            return None
    return best
