"""The embedded search engine: ``SearchEngine`` on a Whoosh index.

Nothing outside this package sees a Whoosh type: callers get ``IndexHit`` records
(stored fields plus absolute highlight offsets) and ``QueryError``/``IndexBusy``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from briefreader.core.search.engine import IndexEntry, IndexResults, NoteEntry, Order
from briefreader.core.search.entries import note_entry, note_uid
from briefreader.core.search.filters import SearchFilter
from briefreader.core.search.query import every, filter_query, parse_query
from briefreader.core.search.searching import QueryRunner
from briefreader.core.search.store import IndexStore


class WhooshWriting:
    """``IndexWriting`` on one Whoosh writer."""

    def __init__(self, writer: Any) -> None:
        self.writer = writer

    def remove_briefing(self, doc_id: str) -> None:
        self.writer.delete_by_term("doc", doc_id)
        self.writer.delete_by_term("bdoc", doc_id)

    def add_entries(self, entries: Iterable[IndexEntry]) -> None:
        for entry in entries:
            self.writer.add_document(**entry)


class WhooshEngine:
    """``SearchEngine`` on a Whoosh index in ``directory`` (created, or rebuilt when
    it is unreadable or not ours)."""

    def __init__(self, directory: Path, lock_timeout: float = 10.0) -> None:
        self.store = IndexStore(directory, lock_timeout)
        self.runner = QueryRunner(self.store)
        self.rebuilt_reason = self.store.rebuilt_reason

    @property
    def dir(self) -> Path:
        return self.store.dir

    @property
    def schema(self) -> Any:
        return self.store.schema

    def entry_count(self) -> int:
        return self.store.doc_count()

    def close(self) -> None:
        self.store.close()

    # -- writing -----------------------------------------------------------------
    @contextmanager
    def writing(self, procs: int = 1, merge: bool = True) -> Iterator[WhooshWriting]:
        with self.store.writer(procs=procs, merge=merge) as w:
            yield WhooshWriting(w)

    def replace_notes(self, notes: Sequence[NoteEntry], *, all_notes: bool) -> None:
        with self.store.writer() as w:
            if all_notes:
                w.delete_by_term("kind", "note")
            else:
                for entry in notes:
                    w.delete_by_term("uid", note_uid(entry.note.id))
            for entry in notes:
                w.add_document(**note_entry(entry.note, entry.date))

    def delete_note(self, note_id: str) -> None:
        with self.store.writer() as w:
            w.delete_by_term("uid", note_uid(note_id))

    # -- searching ---------------------------------------------------------------
    def searcher(self) -> Any:
        """The current Whoosh searcher (tests and benchmarks look inside with it)."""
        return self.store.searcher()

    def parse(self, text: str) -> Any:
        """``text`` as a Whoosh query (QueryError, one line, when it is bad)."""
        return parse_query(text, self.store.schema)

    def search(self, text: str | None, flt: SearchFilter | None = None, limit: int | None = 20,
               order: Order = "relevance", highlight: bool = True, context: bool = False) -> IndexResults:
        if text is None:
            q = every()
        else:
            q = parse_query(text, self.store.schema, context=True) if context else self.parse(text)
        filter_q = filter_query(flt) if flt is not None else None
        return self.runner.run(q, limit, filter_q, sort_by_date=order == "newest", highlight=highlight)

    def search_query(self, q: Any, limit: int | None, filter_q: Any = None,
                     sort_by_date: bool = False, highlight: bool = True) -> IndexResults:
        """A search with Whoosh queries (tests compare it with Whoosh's own)."""
        return self.runner.run(q, limit, filter_q, sort_by_date, highlight)
