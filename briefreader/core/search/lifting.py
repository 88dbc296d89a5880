"""Parts of a query on a briefing's own fields (``title:``, ``date:``), which only the
briefings' "briefing" entries hold, lifted to every passage, quote and note of the
briefings they match."""

from __future__ import annotations

import weakref
from typing import Any

from whoosh import matching, query

from briefreader.core.search.schema import BRIEFING_FIELDS

LIFT_CACHE = 64  # lifted parts kept per searcher


def lift(s: Any, q: Any, cache: dict[Any, Any]) -> Any:
    """``q`` with each part on a briefing field (``title:``, ``date:``, ``NOT
    title:x``...) replaced by the entries of the briefings that part matches
    (found among the "briefing" entries, which alone hold those fields); ``cache``
    lives as long as the searcher ``s`` is current."""
    try:
        f = q.field()
    except AttributeError:
        f = None
    if f in BRIEFING_FIELDS:
        lifted = cache.setdefault("lifted", {})
        got = lifted.get(q)
        if got is None:
            nums = s.docs_for_query(query.And([q, query.Term("kind", "briefing")]))
            if len(lifted) >= LIFT_CACHE:
                lifted.clear()
            got = lifted[q] = InBriefings(frozenset(s.stored_fields(n)["bdoc"] for n in nums), q,
                                          getattr(q, "boost", 1.0))
        return got
    if q.is_leaf():
        return q
    return q.apply(lambda sub: lift(s, sub, cache))


class InBriefings(query.Query):
    """Every passage, quote and note of some briefings: what a part of a query on a
    briefing field becomes (lift). Unscored (a constant weight)."""

    def __init__(self, briefings: frozenset[str], source: Any, boost: float = 1.0) -> None:
        self.briefings = briefings  # (not "docs": Query.docs() lists the matches)
        self.source = source  # the part of the query it stands for
        self.boost = boost

    def __eq__(self, other: object) -> bool:
        return type(other) is InBriefings and other.briefings == self.briefings and other.boost == self.boost

    def __hash__(self) -> int:
        return hash((self.briefings, self.boost))

    def __repr__(self) -> str:
        return f"InBriefings({self.source!r}: {len(self.briefings)} briefings)"

    def is_leaf(self) -> bool:
        return True

    def field(self) -> str:
        return "doc"

    def estimate_size(self, ixreader: Any) -> int:
        return min(int(ixreader.doc_count()), 200 * len(self.briefings))

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        ids = entries_of(searcher.reader(), self.briefings)
        return matching.ListMatcher(ids, all_weights=self.boost) if ids else matching.NullMatcher()


# per segment reader: the sorted document numbers of a set of briefings' entries
_ENTRIES: weakref.WeakKeyDictionary[Any, dict[frozenset[str], list[int]]] = weakref.WeakKeyDictionary()


def entries_of(r: Any, docs: frozenset[str]) -> list[int]:
    per = _ENTRIES.setdefault(r, {})
    got = per.get(docs)
    if got is None:
        ids: set[int] = set()
        for d in docs:
            if ("doc", d) in r:
                ids.update(r.postings("doc", d).all_ids())  # deleted entries are skipped
        if len(per) >= 32:
            per.clear()
        got = per[docs] = sorted(ids)
    return got


def may_match_briefings(q: Any) -> bool:
    """Whether ``q`` can match a "briefing" entry: a negation, everything, or a
    word of a field those entries hold."""
    if isinstance(q, (query.Not, query.Every)):
        return True
    if isinstance(q, InBriefings):
        return False  # the entries of briefings, never their "briefing" entry (no doc field)
    if q.is_leaf():
        return getattr(q, "fieldname", None) in ("kind", "bdoc", "uid", *BRIEFING_FIELDS)
    return any(may_match_briefings(c) for c in q.children())
