"""The search engine interface, in the domain's words.

``Library`` sees an engine only through ``SearchEngine``: it writes briefings' and
notes' entries and searches them with a query text and a ``SearchFilter``, and gets
``IndexHit`` records back (character offsets into the canonical text). Whoosh is the
embedded default (``whoosh_engine.WhooshEngine``); a shared archive could put an
OpenSearch/Elasticsearch client behind the same interface.

An index entry is a passage (a block of a briefing), a quote, a note, or a briefing's
own entry (title, date); ``entries.briefing_entries`` and ``entries.note_entry`` make
them from the analysis and the notes, as plain field values.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple, Protocol

from briefreader.core.model import HitKind, Note
from briefreader.core.search.filters import SearchFilter

IndexEntry = Mapping[str, Any]  # one index entry's field values (entries.py)
Order = Literal["relevance", "newest"]  # best score first, or newest briefing first


@dataclass(frozen=True, slots=True)
class IndexHit:
    """One entry a search found: a passage, a quote or a note."""

    document: str  # the briefing's id
    kind: HitKind
    quote_kind: str  # turn | question | direct | partial | "" (a plain passage, a note)
    start: int  # absolute offset of the entry in the canonical text
    end: int
    text: str  # the entry's text (a passage's or quote's == text[start:end]; a note's body and passage)
    speaker: str
    score: float
    highlights: tuple[tuple[int, int], ...]  # absolute offsets
    speaker_mention: str | None = None  # quotes: the words that named the speaker
    cue: str | None = None  # quotes: the verb or label that introduced it
    segment: int | None = None  # quotes: the topic segment it is in
    label: str | None = None  # turn passages: the speaker's label in the text


class IndexResults(NamedTuple):
    total: int  # every match, beyond the ``limit`` returned
    hits: list[IndexHit]


class NoteEntry(NamedTuple):
    """A note to index, with the date of its briefing (notes sort with their briefing)."""

    note: Note
    date: str | None


class IndexWriting(Protocol):
    """One batch of changes, committed together when the ``writing()`` block ends."""

    def remove_briefing(self, doc_id: str) -> None:
        """Every entry of a briefing: passages, quotes, notes, its own entry."""

    def add_entries(self, entries: Iterable[IndexEntry]) -> None:
        """Entries made by ``briefing_entries`` (in a worker process, say)."""


class SearchEngine(Protocol):
    rebuilt_reason: str | None  # set when an unreadable or foreign index was rebuilt (a message)

    def entry_count(self) -> int:
        """The number of entries (0: a new or emptied index)."""

    def writing(self, procs: int = 1, merge: bool = True) -> AbstractContextManager[IndexWriting]:
        """The index's one writer (``IndexBusy`` when another process holds it beyond
        the lock timeout); with ``procs > 1`` that many processes index the entries;
        ``merge=False``: the commit adds its entries without merging what is there
        (a sync's intermediate commits; its last one merges)."""

    def replace_notes(self, notes: Sequence[NoteEntry], *, all_notes: bool) -> None:
        """Write the entries of ``notes``, replacing theirs (or, with ``all_notes``,
        every note's entry)."""

    def delete_note(self, note_id: str) -> None: ...

    def search(self, text: str | None, flt: SearchFilter | None = None, limit: int | None = 20,
               order: Order = "relevance", highlight: bool = True, context: bool = False) -> IndexResults:
        """Entries matching ``text`` (the query language; None: every entry) and ``flt``:
        the best ``limit`` (None: all) and the total. ``QueryError`` for a bad query.
        With ``context`` the query's bare words search a quote's context (its
        attributing sentence, its topic segment) instead of its own words."""

    def close(self) -> None: ...
