"""Whole posting lists of one term in one segment, decoded at once (the two-word and
phrase searches intersect them as sets), and a bounded cache of the largest ones."""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from whoosh.codec.whoosh3 import W3LeafMatcher as _W3LeafMatcher

# Decoding a common word's postings is most of a two-word search in a large archive
# (0.4 s of 0.6 for "X AND president" in 11,540 briefings), and the common words come
# back query after query: the largest posting lists are kept decoded, as compact
# arrays, up to a budget of postings per searcher (~12 bytes each).
_KEEP_POSTINGS_FROM = 20_000
_POSTINGS_BUDGET = 4_000_000


def cached_postings(cache: dict[Any, Any], r: Any, fieldname: str,
                     btext: bytes) -> tuple[Sequence[int], Sequence[float]] | None:
    kept: OrderedDict[tuple[int, str, bytes], tuple[array, array]] = cache.setdefault("postings", OrderedDict())
    key = (id(r), fieldname, btext)
    got = kept.get(key)
    if got is not None:
        kept.move_to_end(key)
        return got
    fresh = postings(r, fieldname, btext)
    if fresh is None or len(fresh[0]) < _KEEP_POSTINGS_FROM:
        return fresh
    ids, weights = array("I", fresh[0]), array("d", fresh[1])
    kept[key] = (ids, weights)
    size = cache.get("postings size", 0) + len(ids)
    while size > _POSTINGS_BUDGET and len(kept) > 1:
        _, (old_ids, _old_w) = kept.popitem(last=False)
        size -= len(old_ids)
    cache["postings size"] = size
    return ids, weights


def postings(r: Any, fieldname: str, btext: bytes) -> tuple[list[int], list[float]] | None:
    """Every (document number, weight) of a term in segment reader ``r``, deleted
    documents included, read block by block."""
    m = r.postings(fieldname, btext)
    m = getattr(m, "child", m)
    if type(m) is not _W3LeafMatcher:
        return None
    m.reset()
    ids: list[int] = []
    weights: list[float] = []
    while m.is_active():
        m._read_ids()
        m._read_weights()
        ids.extend(m._ids)
        weights.extend(m._weights)
        if m._lastblock:
            break
        m._next_block()
    return ids, weights
