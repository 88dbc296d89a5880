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
integer sets. It is used from ``QueryRunner.run`` through ``fast_phrases(q, cache)``.
With the searcher's cache the words' whole posting lists are read (and the largest
kept, see ``postings``) and intersected as sets, and the words' matchers visit only
those candidates (``CandidatePhraseMatcher``): a cold phrase search on two common
words in 11,540 briefings took 1.4-1.8 s by leapfrogging, 0.37-0.45 s so.

The matcher does not offer block-quality skipping, so Whoosh's top-N collector
scores every match and counts the total in the same pass: the total of a phrase
query costs no second pass over the candidates.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import Any

from whoosh import matching, query
from whoosh.matching import wrappers
from whoosh.query import positional

from briefreader.core.search.postings import cached_postings

__all__ = ["CandidatePhraseMatcher", "FastPhrase", "PhraseMatcher", "fast_phrases"]


class _PhraseMatching:
    """What both phrase matchers share: the words' matchers (``leaves``), positioned
    on one document, and Whoosh's matcher methods that follow from ``is_active``."""

    leaves: list[Any]

    def _consecutive(self) -> bool:
        """Whether the words occur at consecutive positions in the current document."""
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

    def replace(self, minquality: float = 0) -> Any:
        return self if self.is_active() else matching.NullMatcher()  # type: ignore[attr-defined]

    def all_ids(self) -> Any:
        while self.is_active():  # type: ignore[attr-defined]
            yield self.id()  # type: ignore[attr-defined]
            self.next()  # type: ignore[attr-defined]

    def supports_block_quality(self) -> bool:
        return False


class PhraseMatcher(_PhraseMatching, wrappers.WrappingMatcher):
    """The intersection of the words' matchers, restricted to the documents where
    the words occur at consecutive positions."""

    def __init__(self, leaves: list[Any], boost: float = 1.0) -> None:
        self.leaves = leaves
        isect = leaves[0]
        for m in leaves[1:]:
            isect = matching.IntersectionMatcher(isect, m)
        super().__init__(isect, boost=boost)
        self._find_next()

    def _find_next(self) -> bool:
        child = self.child
        moved = False
        while child.is_active() and not self._consecutive():
            moved = child.next() or moved
        return moved

    # -- the Matcher interface ---------------------------------------------------
    def copy(self) -> PhraseMatcher:
        return PhraseMatcher([m.copy() for m in self.leaves], self.boost)

    def _replacement(self, newchild: Any) -> Any:  # pragma: no cover - replace() is overridden
        raise NotImplementedError

    def next(self) -> bool:
        moved = self.child.next()
        return self._find_next() or moved

    def skip_to(self, id: int) -> bool:  # noqa: A002 - Whoosh's signature
        moved = self.child.skip_to(id)
        return self._find_next() or moved

    def spans(self) -> Any:  # pragma: no cover - not used by briefreader
        raise NotImplementedError("FastPhrase has no spans")


class CandidatePhraseMatcher(_PhraseMatching, matching.Matcher):
    """``PhraseMatcher`` over a sorted list of candidate documents (those holding every
    word, from the words' posting lists intersected as sets): each word's matcher
    only visits the candidates, instead of leapfrogging through every posting."""

    def __init__(self, leaves: list[Any], candidates: Sequence[int], boost: float = 1.0, i: int = 0) -> None:
        self.leaves = leaves
        self.cands = candidates
        self.boost = boost
        self.i = i
        self._find_next()

    def _verified(self) -> bool:
        d = self.cands[self.i]
        for m in self.leaves:
            if m.is_active() and m.id() < d:
                m.skip_to(d)
            if not m.is_active() or m.id() != d:
                return False  # a deleted document (the posting lists hold them)
        return self._consecutive()

    def _find_next(self) -> None:
        while self.i < len(self.cands) and not self._verified():
            self.i += 1

    def is_active(self) -> bool:
        return self.i < len(self.cands)

    def id(self) -> int:
        return self.cands[self.i]

    def next(self) -> bool:
        self.i += 1
        self._find_next()
        return True

    def skip_to(self, id: int) -> bool:  # noqa: A002 - Whoosh's signature
        if self.is_active() and self.cands[self.i] < id:
            self.i = bisect_left(self.cands, id, self.i)
            self._find_next()
        return True

    def copy(self) -> CandidatePhraseMatcher:
        return CandidatePhraseMatcher([m.copy() for m in self.leaves], self.cands, self.boost, self.i)

    def supports(self, astype: str) -> bool:
        return False

    def weight(self) -> float:
        return sum(m.weight() for m in self.leaves) * self.boost

    def score(self) -> float:
        # as Whoosh's IntersectionMatcher adds them (left to right), then the boost
        return sum(m.score() for m in self.leaves) * self.boost


class FastPhrase(positional.Phrase):
    """``query.Phrase`` with a faster matcher (same matches, same scores)."""

    cache: dict[Any, Any] | None = None  # the searcher's cache of posting lists (fast_phrases)

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
        cands = self._candidates(reader, fieldname, field) if len(leaves) > 1 else None
        m: Any = PhraseMatcher(leaves, boost=self.boost) if cands is None else \
            CandidatePhraseMatcher(leaves, cands, boost=self.boost)
        return m if m.is_active() else matching.NullMatcher()

    def _candidates(self, reader: Any, fieldname: str, field: Any) -> list[int] | None:
        """The documents holding every word, when the words' posting lists can be read
        whole (None: leapfrog with Whoosh's intersection)."""
        if self.cache is None:
            return None
        lists = []
        for word in dict.fromkeys(self.words):
            got = cached_postings(self.cache, reader, fieldname, field.to_bytes(word))
            if got is None:
                return None
            lists.append(got[0])
        lists.sort(key=len)
        common = set(lists[0])
        for ids in lists[1:]:
            common.intersection_update(ids)
            if not common:
                break
        return sorted(common)


def fast_phrases(q: Any, cache: dict[Any, Any] | None = None) -> Any:
    """``q`` with every ``Phrase`` (slop 1) replaced by a ``FastPhrase`` (which reads
    posting lists through ``cache``, a searcher's, when given)."""
    if type(q) is positional.Phrase:
        if q.slop != 1:
            return q
        fp = FastPhrase(q.fieldname, q.words, slop=q.slop, boost=q.boost, char_ranges=q.char_ranges)
        fp.cache = cache
        return fp
    if q.is_leaf():
        return q
    return q.apply(lambda sub: fast_phrases(sub, cache))


def has_phrase(q: Any) -> bool:
    if isinstance(q, positional.Phrase):
        return True
    return not q.is_leaf() and any(has_phrase(c) for c in q.children())
