"""Fast top-N paths of the passage index: one word, or two words that must both
occur, scored in tight loops over the posting blocks (exactly Whoosh's BM25F scores
and order), and a term's total from its document frequency."""

from __future__ import annotations

import heapq
from typing import Any, NamedTuple

from whoosh import query, scoring
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.codec.whoosh3 import W3LeafMatcher as _W3LeafMatcher
from whoosh.util.numeric import byte_to_length

from briefreader.core.search.postings import cached_postings


class TopN(NamedTuple):
    top: list[tuple[int, float]]  # (document number, score), best first
    total: int  # every match


def term_total(s: Any, q: Any) -> int | None:
    """The number of documents holding one term, from the term's document frequency
    where a segment has no deletions: Whoosh's count runs the query a second time
    over every posting (10 ms per 100,000). None: let Whoosh count."""
    if type(q) is not query.Term:
        return None
    field = s.schema[q.fieldname] if q.fieldname in s.schema else None
    if field is None:
        return None
    try:
        btext = field.to_bytes(q.text)
    except ValueError:
        return None
    total = 0
    for sub, _offset in s.leaf_searchers():
        r = sub.reader()
        if (q.fieldname, btext) not in r:
            continue
        total += r.doc_frequency(q.fieldname, btext)
        if r.has_deletions():  # the frequency counts deleted documents: take them off
            m = r.postings(q.fieldname, btext)
            m = getattr(m, "child", m)  # the postings themselves, deleted documents included
            m.reset()  # (the deletion filter has already stepped over the first deleted ones)
            for d in sorted(r.deleted_docs_set):  # a cached property of SegmentReader
                if not m.is_active():
                    break
                if m.id() < d:
                    m.skip_to(d)
                if m.is_active() and m.id() == d:
                    total -= 1
    return total


def term_top(cache: dict[Any, Any], s: Any, q: Any, limit: int) -> TopN | None:
    """The top ``limit`` (document number, score) of a one-word query and the total: exactly what
    Whoosh's TopCollector gives (same BM25F scores, same order, ties to the lower
    document number), but scored in a tight loop over the posting blocks, with
    the field lengths read once per segment and a score per (frequency, length)
    pair computed once. Whoosh's block-quality skipping barely skips anything on
    a common word (some short passage in every block can score high), so it
    scores every posting through several layers of matcher objects: 0.4-0.6 s for
    a word in 50,000 passages of the 10x corpus. None: let Whoosh do it (another
    weighting, a boost, another codec)."""
    w = s.weighting
    if type(q) is not query.Term or type(w) is not scoring.BM25F or q.boost != 1.0 or \
            q.fieldname not in s.schema:
        return None
    try:
        btext = s.schema[q.fieldname].to_bytes(q.text)
    except ValueError:
        return None
    heap: list[tuple[float, int]] = []
    for sub, offset in s.leaf_searchers():
        r = sub.reader()
        if (q.fieldname, btext) not in r or not r.doc_count():
            continue
        m = r.postings(q.fieldname, btext)
        m = getattr(m, "child", m)  # under the deletion filter (skipped below)
        lengths = _field_lengths(cache, r, q.fieldname)
        if type(m) is not _W3LeafMatcher or lengths is None:
            return None
        m.reset()
        deleted = r.deleted_docs_set if r.has_deletions() else ()
        scorer = w.scorer(sub, q.fieldname, btext)
        if type(scorer) is not scoring.BM25FScorer:
            return None  # a field without lengths (an ID): Whoosh scores it
        score = scorer._score
        scores: dict[tuple[float, int], float] = {}
        nlen = len(lengths)
        while m.is_active():
            m._read_ids()
            m._read_weights()
            for docnum, weight in zip(m._ids, m._weights, strict=False):
                if docnum in deleted:
                    continue
                lb = lengths[docnum] if docnum < nlen else 0
                sc = scores.get((weight, lb))
                if sc is None:
                    if not lb:
                        return None  # Whoosh's length lookup would give None here
                    sc = scores[(weight, lb)] = score(weight, byte_to_length(lb))
                if len(heap) < limit:
                    heapq.heappush(heap, (sc, -(docnum + offset)))
                elif sc > heap[0][0]:
                    heapq.heapreplace(heap, (sc, -(docnum + offset)))
            if m._lastblock:
                break
            m._next_block()
    heap.sort(reverse=True)
    total = term_total(s, q)
    return TopN([(-negdoc, sc) for sc, negdoc in heap], total) if total is not None else None


def and2_top(cache: dict[Any, Any], s: Any, q: Any, limit: int) -> TopN | None:
    """``term_top`` for two words that must both occur ("tariffs AND china"): the
    posting lists intersected as sets, the score of a match the sum of the two
    words' BM25F scores (as Whoosh's IntersectionMatcher adds them; with two terms
    the order of the addition cannot change the float), the total counted on the
    way. Whoosh leapfrogs the two lists posting by posting in Python: 50-75 ms for a
    word AND "president" in 1,154 briefings. None: let Whoosh do it."""
    w = s.weighting
    if type(q) is not query.And or q.boost != 1.0 or len(q.subqueries) != 2 or type(w) is not scoring.BM25F:
        return None
    terms = q.subqueries
    if any(type(t) is not query.Term or t.boost != 1.0 or t.fieldname not in s.schema for t in terms) or \
            terms[0] == terms[1]:
        return None
    try:
        keys = [(t.fieldname, s.schema[t.fieldname].to_bytes(t.text)) for t in terms]
    except ValueError:
        return None
    heap: list[tuple[float, int]] = []
    total = 0
    for sub, offset in s.leaf_searchers():
        r = sub.reader()
        if any(k not in r for k in keys) or not r.doc_count():
            continue
        sides = []
        for fieldname, btext in keys:
            postings = cached_postings(cache, r, fieldname, btext)
            lengths = _field_lengths(cache, r, fieldname)
            scorer = w.scorer(sub, fieldname, btext)
            if postings is None or lengths is None or type(scorer) is not scoring.BM25FScorer:
                return None
            sides.append((postings, lengths, scorer._score))
        (ids_a, ws_a), (ids_b, ws_b) = sides[0][0], sides[1][0]
        small = (dict(zip(ids_a, ws_a, strict=False)) if len(ids_a) <= len(ids_b)
                 else dict(zip(ids_b, ws_b, strict=False)))
        big_ids, big_ws = (ids_b, ws_b) if len(ids_a) <= len(ids_b) else (ids_a, ws_a)
        weights_a_first = len(ids_a) <= len(ids_b)
        deleted = r.deleted_docs_set if r.has_deletions() else ()
        cache_a: dict[tuple[float, int], float] = {}
        cache_b: dict[tuple[float, int], float] = {}
        (_, len_a, score_a), (_, len_b, score_b) = sides
        for docnum, big_w in zip(big_ids, big_ws, strict=False):  # ascending document numbers
            small_w = small.get(docnum)
            if small_w is None or docnum in deleted:
                continue
            wa, wb = (small_w, big_w) if weights_a_first else (big_w, small_w)
            sa = _cached_score(cache_a, score_a, wa, len_a, docnum)
            sb = _cached_score(cache_b, score_b, wb, len_b, docnum)
            if sa is None or sb is None:
                return None
            sc = sa + sb
            total += 1
            if len(heap) < limit:
                heapq.heappush(heap, (sc, -(docnum + offset)))
            elif sc > heap[0][0]:
                heapq.heapreplace(heap, (sc, -(docnum + offset)))
    heap.sort(reverse=True)
    return TopN([(-negdoc, sc) for sc, negdoc in heap], total)


def _cached_score(cache: dict[tuple[float, int], float], score: Any, weight: float, lengths: bytes,
                  docnum: int) -> float | None:
    lb = lengths[docnum] if docnum < len(lengths) else 0
    sc = cache.get((weight, lb))
    if sc is None:
        if not lb:
            return None
        sc = cache[(weight, lb)] = score(weight, byte_to_length(lb))
    return sc


def _field_lengths(cache: dict[Any, Any], r: Any, fieldname: str) -> bytes | None:
    """The length bytes of ``fieldname`` for every document of segment reader ``r``
    (Whoosh's one-byte column), read at once and kept with the searcher."""
    key = ("lengths", id(r), fieldname)
    if key not in cache:
        try:
            col = r._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
            cache[key] = None if col is None or col._fixedlen != 1 else bytes(col._dbfile.get(col._basepos, col._count))
        except AttributeError:  # another codec or column layout
            cache[key] = None
    return cache[key]

