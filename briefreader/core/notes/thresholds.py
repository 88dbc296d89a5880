"""Re-anchoring's thresholds and sizes, calibrated together.

Thresholds are rapidfuzz ratios (0-100), calibrated with tests/test_anchoring.py
so that nothing is placed wrongly; see the table there.
"""

from __future__ import annotations

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
