"""Anchoring: find a note's passage in a text that may have changed since.

A note remembers its passage by W3C selectors: the exact quote, up to
``CONTEXT`` characters of prefix and suffix, and the old start offset.
:func:`anchor` places it again, in this order:

1. ``kept``  -- the exact quote is still at the old offset;
2. ``moved`` -- the quote occurs elsewhere (comparing with whitespace runs
   collapsed and curly quotes/dashes made straight): the occurrence whose
   prefix/suffix context matches, nearest the old offset; an occurrence
   without matching context only when the quote was unique in the old text;
3. ``fuzzy`` -- an approximate match of the quote (rapidfuzz), found in windows
   located by n-gram seeds of the quote and its context, then by one global
   scan; accepted only when the quote is very similar and the context on one
   side matches (or, for a passage edited in place, both sides match well),
   and no other place matches nearly as well.

Context counts as evidence only where it points to one place: a prefix or
suffix that matches elsewhere about as well (a speaker label such as
"MS. PSAKI:", boilerplate such as "Q  Thank you.") is ignored. A quote that was
not unique in the old text is placed only where such context confirms it.

Anything else returns ``None``: the caller keeps the note, unplaced, with its
old text. Returned offsets are always exact offsets into the given text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from typing import Literal, NamedTuple

from rapidfuzz import fuzz

CONTEXT = 32  # characters of prefix and suffix kept with a note

Outcome = Literal["kept", "moved", "fuzzy"]

# Thresholds (rapidfuzz ratios, 0-100), calibrated with tests/test_anchoring.py
# so that nothing is placed wrongly; see the table there.
CONTEXT_GOOD = 80.0  # a context side matches at this ratio or above ...
CONTEXT_MARGIN = 5.0  # ... and is evidence only if it matches everywhere else this much worse
FUZZY_QUOTE_MIN = 93.0  # fuzzy: the quote and the new span this similar, one side matching
CONTEXT_IN_PLACE = 90.0  # or both sides matching this well (the passage edited in place) ...
FUZZY_QUOTE_FLOOR = 85.0  # ... and the quote at least this similar
FUZZY_MIN_LEN = 20  # shorter quotes are only ever placed exactly
AMBIGUITY_MARGIN = 3.0  # a second place scoring this close makes a fuzzy match ambiguous
DISTINCTIVE_LEN = 24  # a quote of unknown uniqueness this long is taken as unique
SEED_LEN = 10
SNAP_LEN = 12  # context characters that, found next to a fuzzy match, fix its end
SEED_MAX_HITS = 8  # an n-gram found more often than this says nothing about where
MAX_WINDOWS = 6
GLOBAL_SCAN_MAX = 4_000_000  # characters; above this no global fuzzy scan


class Placement(NamedTuple):
    start: int
    end: int
    outcome: Outcome


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

    def sides(self, a: int, b: int) -> tuple[float, float]:
        """How well the prefix and suffix match around the normalised span ``[a, b)`` (0-100)."""
        p, s, n = self.prefix, self.suffix, self.n
        before = n[max(0, a - len(p) - self._edge[0]) : a]
        after = n[b : b + len(s) + self._edge[1]]
        return fuzz.ratio(p, before), fuzz.ratio(s, after)

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

    def supported(self, a: int, b: int, sides: tuple[float, float] | None = None) -> bool:
        """Whether a context side matches at ``[a, b)``, and nowhere else."""
        pre, suf = sides or self.sides(a, b)
        return (pre >= CONTEXT_GOOD and self.unique_side(self.prefix, pre, a, b)) or (
            suf >= CONTEXT_GOOD and self.unique_side(self.suffix, suf, a, b)
        )


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
    where its context matches, and that context matches nowhere else.
    ``normalized`` may pass ``NormalizedText(text)`` when placing several
    notes in one text.
    """
    q = normalize(exact).strip()
    if not q:
        return None
    distinctive = occurrences == 1 or (occurrences is None and len(q) >= DISTINCTIVE_LEN)
    kept = 0 <= old_start and text.startswith(exact, old_start)
    # 1. still where it was
    if kept and distinctive:
        return Placement(old_start, old_start + len(exact), "kept")
    nt = normalized or NormalizedText(text)
    query = _Query(exact, prefix, suffix, nt.text)
    if kept:
        a = nt.from_source(old_start + len(exact) - len(exact.lstrip()))
        if query.supported(a, a + len(q)):
            return Placement(old_start, old_start + len(exact), "kept")
    n = nt.text
    old_n = nt.from_source(old_start)

    # 2. the exact (normalised) quote elsewhere
    starts = _find_all(n, q)
    if starts:
        sides = {a: query.sides(a, a + len(q)) for a in starts}
        good = sorted(
            (a for a in starts if max(sides[a]) >= CONTEXT_GOOD),
            key=lambda a: (abs(a - old_n), -sum(sides[a])),
        )
        pick: int | None = None
        if good and (occurrences == 1 or query.supported(good[0], good[0] + len(q), sides[good[0]])):
            pick = good[0]
        elif occurrences == 1 or (distinctive and len(starts) == 1):
            pick = min(starts, key=lambda a: abs(a - old_n))
        if pick is not None:
            s, e = nt.span_to_source(pick, pick + len(q))
            return Placement(s, e, "moved")

    # 3. an approximate match, with context
    if len(q) < FUZZY_MIN_LEN or len(n) < len(q):
        return None
    best = _fuzzy(query, old_n)
    if best is None:
        return None
    s, e = nt.span_to_source(best.start, best.end)
    return Placement(s, e, "fuzzy")


class _Candidate(NamedTuple):
    score: float
    quote: float  # ratio of the quote and the span
    prefix: float  # ratio of the prefix and the text before the span
    suffix: float
    start: int  # normalised offsets
    end: int

    @property
    def eligible(self) -> bool:
        return self.quote >= FUZZY_QUOTE_FLOOR and max(self.prefix, self.suffix) >= CONTEXT_GOOD


def _fuzzy(query: _Query, old_n: int) -> _Candidate | None:
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
    if best.quote >= FUZZY_QUOTE_MIN and query.supported(best.start, best.end, (best.prefix, best.suffix)):
        return best
    # edited in place: both sides match, each pointing here only
    if (
        min(best.prefix, best.suffix) >= CONTEXT_IN_PLACE
        and query.unique_side(query.prefix, best.prefix, best.start, best.end)
        and query.unique_side(query.suffix, best.suffix, best.start, best.end)
    ):
        return best
    return None


def _choose(found: list[_Candidate | None]) -> _Candidate | None:
    """The best eligible candidate, unless another place is nearly as good."""
    distinct: list[_Candidate] = []
    for c in sorted((c for c in found if c is not None and c.eligible), key=lambda c: -c.score):
        if all(c.end <= d.start or c.start >= d.end for d in distinct):
            distinct.append(c)
    if not distinct:
        return None
    if len(distinct) > 1 and distinct[1].score >= distinct[0].score - AMBIGUITY_MARGIN:
        return None
    return distinct[0]


def _seeds(query: _Query, old_n: int) -> list[int]:
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


def _candidate(query: _Query, lo: int, hi: int) -> _Candidate | None:
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
    return _Candidate(0.6 * qs + 0.2 * pre + 0.2 * suf, qs, pre, suf, a, b)


def _refine(query: _Query, a: int, b: int) -> tuple[float, int, int]:
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
        ends = [lo + i + len(tail) for i in _find_all(n[lo : min(b - 1, a + k)], tail)]
        if ends:
            a = min(ends, key=lambda s: abs(s - a))
    head = query.suffix[:SNAP_LEN]
    if len(head.strip()) >= SNAP_LEN // 2:
        lo = max(a + 1, b - k)
        starts = [lo + i for i in _find_all(n[lo : b + k + len(head)], head)]
        if starts:
            b = min(starts, key=lambda e: abs(e - b))
    while a < b and n[a] == " ":
        a += 1
    while b > a and n[b - 1] == " ":
        b -= 1
    return fuzz.ratio(q, n[a:b]), a, b
