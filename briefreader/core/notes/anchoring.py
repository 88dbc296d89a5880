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

The phases' parts live beside this module: the normalised text and exact matching
in ``normalize.py``, the selectors and their context in ``selectors.py``, the
approximate match in ``fuzzy.py``, the thresholds in ``thresholds.py``.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from briefreader.core.notes.fuzzy import fuzzy_match
from briefreader.core.notes.normalize import NormalizedText, find_offsets, normalize
from briefreader.core.notes.selectors import Query
from briefreader.core.notes.thresholds import CONTEXT_GOOD, DISTINCTIVE_LEN, FUZZY_MIN_LEN

Outcome = Literal["kept", "moved", "fuzzy"]


class Placement(NamedTuple):
    start: int
    end: int
    outcome: Outcome


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
    query = Query(exact, prefix, suffix, nt.text)
    if kept:
        a = nt.from_source(old_start + len(exact) - len(exact.lstrip()))
        if query.supported(a, a + len(q)):
            return Placement(old_start, old_start + len(exact), "kept")
    n = nt.text
    old_n = nt.from_source(old_start)

    # 2. the exact (normalised) quote elsewhere
    starts = find_offsets(n, q)
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
    best = fuzzy_match(query, old_n)
    if best is None:
        return None
    s, e = nt.span_to_source(best.start, best.end)
    return Placement(s, e, "fuzzy")

