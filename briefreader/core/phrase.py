"""Faster phrase matching for Whoosh queries.

Whoosh matches a phrase with ``SpanNear2``: for every document that has all the
words it builds a ``Span`` object per position of every word and compares them pair
by pair in Python. That is most of the time of a phrase search on common words
("white house": both words in thousands of passages, several times each).

``FastPhrase`` keeps Whoosh's semantics and scores exactly -- a document matches
when the phrase's analysed words occur at consecutive positions (``slop=1``; the
positions are counted after stop words are removed, as the index counts them), and
its score is the score of the conjunction of the words, as ``SpanNear2``'s is -- but
is a cheap conjunctive pre-filter (the words' posting lists intersected, which
skips through postings) followed by a check of the candidates' position lists with
integer sets. It is used from ``PassageIndex.search`` through ``fast_phrases(q)``.

The matcher does not offer block-quality skipping, so Whoosh's top-N collector
scores every match and counts the total in the same pass: the total of a phrase
query costs no second pass over the candidates.
"""

from __future__ import annotations

from typing import Any

from whoosh import matching, query
from whoosh.matching import wrappers
from whoosh.query import positional

__all__ = ["FastPhrase", "PhraseMatcher", "fast_phrases"]


class PhraseMatcher(wrappers.WrappingMatcher):
    """The intersection of the words' matchers, restricted to the documents where
    the words occur at consecutive positions."""

    def __init__(self, leaves: list[Any], boost: float = 1.0) -> None:
        self.leaves = leaves
        isect = leaves[0]
        for m in leaves[1:]:
            isect = matching.IntersectionMatcher(isect, m)
        super().__init__(isect, boost=boost)
        self._find_next()

    def _verified(self) -> bool:
        leaves = self.leaves
        if len(leaves) == 1:
            return True
        starts = set(leaves[0].value_as("positions"))
        for k in range(1, len(leaves)):
            if not starts:
                return False
            following = leaves[k].value_as("positions")
            starts = starts.intersection([p - k for p in following])
        return bool(starts)

    def _find_next(self) -> bool:
        child = self.child
        moved = False
        while child.is_active() and not self._verified():
            moved = child.next() or moved
        return moved

    # -- the Matcher interface ---------------------------------------------------
    def copy(self) -> PhraseMatcher:
        return PhraseMatcher([m.copy() for m in self.leaves], self.boost)

    def _replacement(self, newchild: Any) -> Any:  # pragma: no cover - replace() is overridden
        raise NotImplementedError

    def replace(self, minquality: float = 0) -> Any:
        return self if self.is_active() else matching.NullMatcher()

    def next(self) -> bool:
        moved = self.child.next()
        return self._find_next() or moved

    def skip_to(self, id: int) -> bool:  # noqa: A002 - Whoosh's signature
        moved = self.child.skip_to(id)
        return self._find_next() or moved

    def all_ids(self) -> Any:
        while self.is_active():
            yield self.id()
            self.next()

    def supports_block_quality(self) -> bool:
        return False

    def spans(self) -> Any:  # pragma: no cover - not used by briefreader
        raise NotImplementedError("FastPhrase has no spans")


class FastPhrase(positional.Phrase):
    """``query.Phrase`` with a faster matcher (same matches, same scores)."""

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        if self.slop != 1:
            return super().matcher(searcher, context)
        fieldname = self.fieldname
        if fieldname not in searcher.schema:
            return matching.NullMatcher()
        field = searcher.schema[fieldname]
        if not field.format or not field.format.supports("positions"):
            raise query.QueryError(f"Phrase search: {fieldname!r} field has no positions")
        reader = searcher.reader()
        leaves = []
        for word in self.words:
            try:
                btext = field.to_bytes(word)
            except ValueError:
                return matching.NullMatcher()
            if (fieldname, btext) not in reader:
                return matching.NullMatcher()
            leaves.append(query.Term(fieldname, btext).matcher(searcher, context))
        m = PhraseMatcher(leaves, boost=self.boost)
        return m if m.is_active() else matching.NullMatcher()


def fast_phrases(q: Any) -> Any:
    """``q`` with every ``Phrase`` (slop 1) replaced by a ``FastPhrase``."""
    if type(q) is positional.Phrase:
        if q.slop != 1:
            return q
        return FastPhrase(q.fieldname, q.words, slop=q.slop, boost=q.boost, char_ranges=q.char_ranges)
    if q.is_leaf():
        return q
    return q.apply(fast_phrases)


def has_phrase(q: Any) -> bool:
    if isinstance(q, positional.Phrase):
        return True
    return not q.is_leaf() and any(has_phrase(c) for c in q.children())
