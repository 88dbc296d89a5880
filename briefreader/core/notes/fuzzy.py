"""Re-anchoring's third phase: an approximate match of a note's passage, with context.

Windows are located by n-gram seeds of the quote and its context (:func:`_seeds`),
then by one global scan; in each, the best approximate match of the quote
(:func:`_candidate`) has its ends moved to where the quote and the context fit best
(:func:`_refine`). A candidate is accepted only when the quote is very similar and
the context on one side matches (or, for a passage edited in place, both sides
match well), and no other place matches nearly as well (:func:`_choose`).
"""

from __future__ import annotations

from typing import NamedTuple

from rapidfuzz import fuzz

from briefreader.core.notes.normalize import find_offsets
from briefreader.core.notes.selectors import Query, Sides
from briefreader.core.notes.thresholds import (
    AMBIGUITY_MARGIN,
    CONTEXT_GOOD,
    CONTEXT_IN_PLACE,
    FUZZY_QUOTE_FLOOR,
    FUZZY_QUOTE_MIN,
    GLOBAL_SCAN_MAX,
    MAX_WINDOWS,
    SEED_LEN,
    SEED_MAX_HITS,
    SNAP_LEN,
)


class Candidate(NamedTuple):
    """An approximate match of the quote, with how well it and its context fit."""

    score: float
    quote: float  # ratio of the quote and the span
    prefix: float  # ratio of the prefix and the text before the span
    suffix: float
    start: int  # normalised offsets
    end: int

    @property
    def eligible(self) -> bool:
        return self.quote >= FUZZY_QUOTE_FLOOR and max(self.prefix, self.suffix) >= CONTEXT_GOOD


class Refined(NamedTuple):
    """A span with its ends moved to where the quote fits best (normalised offsets)."""

    quote: float  # ratio of the quote and the span
    start: int
    end: int


def fuzzy_match(query: Query, old_n: int) -> Candidate | None:
    """The one place where the passage, slightly changed, is now (normalised offsets), or None."""
    n, q = query.n, query.quote
    margin = max(16, len(q) // 4) + 16
    found = [_candidate(query, c - margin, c + len(q) + margin) for c in _seeds(query, old_n)]
    best = _choose(found)
    if best is None and len(n) <= GLOBAL_SCAN_MAX:
        al = fuzz.partial_ratio_alignment(q, n, score_cutoff=FUZZY_QUOTE_FLOOR - 10)
        if al is not None:
            found.append(_candidate(query, al.dest_start - margin, al.dest_end + margin))
            best = _choose(found)
    if best is None:
        return None
    if best.quote >= FUZZY_QUOTE_MIN and query.supported(best.start, best.end, Sides(best.prefix, best.suffix)):
        return best
    # edited in place: both sides match, each pointing here only
    if (
        min(best.prefix, best.suffix) >= CONTEXT_IN_PLACE
        and query.unique_side(query.prefix, best.prefix, best.start, best.end)
        and query.unique_side(query.suffix, best.suffix, best.start, best.end)
    ):
        return best
    return None


def _choose(found: list[Candidate | None]) -> Candidate | None:
    """The best eligible candidate, unless another place is nearly as good."""
    distinct: list[Candidate] = []
    for c in sorted((c for c in found if c is not None and c.eligible), key=lambda c: -c.score):
        if all(c.end <= d.start or c.start >= d.end for d in distinct):
            distinct.append(c)
    if not distinct:
        return None
    if len(distinct) > 1 and distinct[1].score >= distinct[0].score - AMBIGUITY_MARGIN:
        return None
    return distinct[0]


def _seeds(query: Query, old_n: int) -> list[int]:
    """Likely normalised start offsets of the quote, most supported first: the
    old offset, and where n-grams of the quote, the end of the prefix and the
    start of the suffix are found."""
    n, q, p, s = query.n, query.quote, query.prefix, query.suffix
    k = min(SEED_LEN, len(q))
    estimates: list[int] = [old_n]
    step = max(1, (len(q) - k) // 7)
    for off in range(0, len(q) - k + 1, step):
        estimates.extend(h - off for h in _find_few(n, q[off : off + k]))
    tail = p[-k:]
    if len(tail.strip()) >= 4:
        estimates.extend(h + len(tail) for h in _find_few(n, tail))
    head = s[:k]
    if len(head.strip()) >= 4:
        estimates.extend(h - len(q) for h in _find_few(n, head))
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


def _find_few(n: str, seed: str) -> list[int]:
    """Where ``seed`` occurs, or nothing if it occurs too often to say where."""
    out: list[int] = []
    i = n.find(seed)
    while i >= 0:
        if len(out) == SEED_MAX_HITS:
            return []
        out.append(i)
        i = n.find(seed, i + 1)
    return out


def _candidate(query: Query, lo: int, hi: int) -> Candidate | None:
    """The best approximate match of the quote in the window ``[lo, hi)``."""
    n, q = query.n, query.quote
    lo, hi = max(0, lo), min(len(n), hi)
    if hi - lo < len(q):
        lo, hi = max(0, hi - len(q)), min(len(n), lo + len(q))
    al = fuzz.partial_ratio_alignment(q, n[lo:hi], score_cutoff=FUZZY_QUOTE_FLOOR - 10)
    if al is None:
        return None
    qs, a, b = _refine(query, lo + al.dest_start, lo + al.dest_end)
    if a >= b:
        return None
    pre, suf = query.sides(a, b)
    return Candidate(0.6 * qs + 0.2 * pre + 0.2 * suf, qs, pre, suf, a, b)


def _refine(query: Query, a: int, b: int) -> Refined:
    """Move the span's ends to where the quote matches best (highest ratio), then
    to where the context's first/last characters are found right next to them.

    The context fixes an end even when the passage's first or last word changed.
    A quote that starts (ends) with a letter or digit gets a span that starts
    (ends) on a word boundary.
    """
    n, q = query.n, query.quote
    k = max(8, len(q) // 8)
    word_start = q[0].isalnum()
    word_end = q[-1].isalnum()

    def start_ok(s: int) -> bool:
        return not word_start or s == 0 or not n[s - 1].isalnum()

    def end_ok(e: int) -> bool:
        return not word_end or e == len(n) or not n[e].isalnum()

    a = min((s for s in range(max(0, a - k), min(len(n), a + k + 1)) if start_ok(s)),
            key=lambda s: abs(s - a), default=a)
    b = min((e for e in range(max(a + 1, b - k), min(len(n), b + k) + 1) if end_ok(e)),
            key=lambda e: abs(e - b), default=b)
    best = fuzz.ratio(q, n[a:b])
    for _ in range(3):
        moved = False
        for s in range(max(0, a - k), min(b - 1, a + k) + 1):
            if start_ok(s) and (r := fuzz.ratio(q, n[s:b])) > best:
                best, a, moved = r, s, True
        for e in range(max(a + 1, b - k), min(len(n), b + k) + 1):
            if end_ok(e) and (r := fuzz.ratio(q, n[a:e])) > best:
                best, b, moved = r, e, True
        if not moved:
            break
    k = max(24, len(q) // 4)  # an edited first or last word may have moved an end this far
    tail = query.prefix[-SNAP_LEN:]
    if len(tail.strip()) >= SNAP_LEN // 2:
        lo = max(0, a - k - len(tail))
        ends = [lo + i + len(tail) for i in find_offsets(n[lo : min(b - 1, a + k)], tail)]
        if ends:
            a = min(ends, key=lambda s: abs(s - a))
    head = query.suffix[:SNAP_LEN]
    if len(head.strip()) >= SNAP_LEN // 2:
        lo = max(a + 1, b - k)
        starts = [lo + i for i in find_offsets(n[lo : b + k + len(head)], head)]
        if starts:
            b = min(starts, key=lambda e: abs(e - b))
    while a < b and n[a] == " ":
        a += 1
    while b > a and n[b - 1] == " ":
        b -= 1
    return Refined(fuzz.ratio(q, n[a:b]), a, b)
