"""Running a Whoosh query on the passage index: filters as cached sets of document
numbers, the collector that fits (top N, sorted by date, unlimited), the fast top-N
paths, and the hits read back as ``IndexHit`` records with highlight offsets."""

from __future__ import annotations

import json
from typing import Any, cast

from whoosh import collectors, query

from briefreader.core.model import HitKind
from briefreader.core.search.budget import check_expansions
from briefreader.core.search.engine import IndexHit, IndexResults
from briefreader.core.search.highlights import highlight_terms, token_spans
from briefreader.core.search.lifting import lift, may_match_briefings
from briefreader.core.search.phrase import fast_phrases
from briefreader.core.search.query import fields_sort
from briefreader.core.search.store import IndexStore
from briefreader.core.search.topn import TopN, and2_top, term_top, term_total


class QueryRunner:
    """Searches of one index store, with a cache per current searcher (filters,
    lifted query parts, posting lists, field lengths)."""

    def __init__(self, store: IndexStore) -> None:
        self.store = store
        self._filters_of: Any = None
        self._filters: dict[Any, Any] = {}

    def run(self, q: Any, limit: int | None, filter_q: Any = None,
            sort_by_date: bool = False, highlight: bool = True) -> IndexResults:
        """The best ``limit`` entries (None: all) matching Whoosh query ``q`` and filter
        query ``filter_q`` (by score, or newest briefing first), and the total."""
        s = self.store.searcher()
        # fast_phrases: Whoosh's matches and scores, faster
        q = fast_phrases(lift(s, q, self._per_searcher(s)), self._per_searcher(s))
        check_expansions(q, s.reader())
        allow = self._filter_docs(s, filter_q) if filter_q is not None else None
        if allow is not None and not allow:
            return IndexResults(0, [])  # Whoosh reads an empty allow-set as "no filter"
        if sort_by_date:
            c: Any = collectors.SortingCollector(fields_sort("day", reverse=True), limit=limit)
        elif not limit or limit >= s.doc_count():
            c = collectors.UnlimitedCollector()
        elif allow is None and type(q) is query.Term:
            # one word: scored in a tight loop (term_top), else by Whoosh, which skips
            # the blocks that cannot reach the top N; the total is the word's document
            # frequency (see term_total)
            c = collectors.TopCollector(limit)
        else:
            # Whoosh's top-N search skips what cannot reach the top, then counts the
            # total in a second pass over every match (as long again, or longer: the
            # second pass does not skip). Scoring every match in one pass and
            # counting as it goes is cheaper. No matcher replacement: a union swapped
            # for a cheaper matcher drops documents from the count.
            c = collectors.TopCollector(limit, usequality=False, replace=0)
        if allow is not None:  # the filters (kind, briefing, speaker) never allow a briefing entry
            c = collectors.FilterCollector(c, allow=allow)
        elif may_match_briefings(q):
            c = collectors.FilterCollector(c, restrict=self._briefing_entries(s))
        filtered = type(c) is collectors.FilterCollector
        fast: TopN | None = None
        if type(c) is collectors.TopCollector and limit:  # no filter, no sort, a limit
            fast = term_top(self._per_searcher(s), s, q, limit) or and2_top(self._per_searcher(s), s, q, limit)
        if fast is not None:
            top, total = fast
        else:
            s.search_with_collector(q, c)
            results = c.results()
            top = [(hit.docnum, hit.score) for hit in results]
            total = (None if filtered else term_total(s, q)) or len(results)
        terms = highlight_terms(q, s.reader()) if highlight else set()
        analyzer = self.store.schema["body"].analyzer
        return IndexResults(total, [_hit(s.stored_fields(docnum), score, analyzer, terms) for docnum, score in top])

    def _per_searcher(self, s: Any) -> dict[Any, Any]:
        """A cache that lives as long as the searcher ``s`` is current."""
        if self._filters_of is not s:
            self._filters_of, self._filters = s, {}
        return self._filters

    def _briefing_entries(self, s: Any) -> set[int]:
        cache = self._per_searcher(s)
        got = cache.get("briefing entries")
        if got is None:
            got = cache["briefing entries"] = set(s.docs_for_query(query.Term("kind", "briefing")))
        return got

    # Filters (kind, speaker, document...) are the same for many searches, and Whoosh
    # computes one by running it as a query over the whole index on every search
    # (seconds for "quotes of Psaki" in 1,154 briefings): here a filter is a set of
    # document numbers, made from posting lists with set operations, cached with
    # each of its parts for as long as the searcher is current.
    _FILTER_CACHE = 64

    def _filter_docs(self, s: Any, fq: Any) -> set[int]:
        """The documents matching filter query ``fq`` (a set Whoosh's collector takes
        as is; shared by the cache: never changed). A part on a briefing's own field
        (a date range) means the entries of the briefings it matches."""
        cache: dict[Any, Any] = self._per_searcher(s)
        got = cache.get(fq)
        if got is None:
            if isinstance(fq, query.And):
                parts = sorted((self._filter_docs(s, sub) for sub in fq.subqueries), key=len)
                got = parts[0].intersection(*parts[1:]) if parts else set(range(s.doc_count_all()))
            elif isinstance(fq, query.Or) and (fq.minmatch or 0) <= 1:
                got = set().union(*(self._filter_docs(s, sub) for sub in fq.subqueries))
            else:
                got = set(s.docs_for_query(lift(s, fq, cache)))
            if len(cache) >= self._FILTER_CACHE:
                for key in [k for k in cache if not isinstance(k, tuple)]:
                    del cache[key]
            cache[fq] = got
        return got


def _hit(f: dict[str, Any], score: float | None, analyzer: Any, terms: set[str]) -> IndexHit:
    """The hit of an entry's stored fields ``f``, its highlights offsets into the
    canonical text (a note's: into its passage, after its body)."""
    body = f.get("body", "")
    start = int(f.get("start", 0))
    extra = json.loads(f.get("extra") or "{}")
    shift = int(extra.get("offset", 0))
    spans = tuple((start + a - shift, start + b - shift) for a, b in token_spans(analyzer, body, terms)
                  if a >= shift) if terms else ()
    return IndexHit(
        document=f["doc"], kind=cast(HitKind, f.get("kind", "passage")), quote_kind=f.get("qkind", ""),
        start=start, end=int(f.get("end", start + len(body))), text=body,
        speaker=f.get("speaker", ""), score=float(score or 0.0), highlights=spans,
        speaker_mention=extra.get("speaker_mention"), cue=extra.get("cue"), segment=extra.get("segment"),
        label=extra.get("label"),
    )
