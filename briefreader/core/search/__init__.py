"""Search: the index of passages, quotes and notes, behind an interface in the
domain's words.

- ``SearchFilter`` (filters.py): what a search may return (kinds, quote kinds, a
  speaker, briefings, dates).
- ``SearchEngine`` / ``IndexWriting`` (engine.py): the operations the facade needs;
  ``IndexHit`` / ``IndexResults``: what a search returns.
- ``briefing_entries`` (entries.py): an analysed briefing's index entries.
- ``search_hit`` / ``hit_quotes`` (results.py): hits as the facade's records.
- ``open_engine``: the embedded engine, Whoosh (whoosh_engine.py and the modules
  under it: schema, store, writers, query, lifting, searching, topn, phrase,
  postings, highlights).
"""

from __future__ import annotations

from pathlib import Path

from briefreader.core.search.engine import (
    IndexEntry,
    IndexHit,
    IndexResults,
    IndexWriting,
    NoteEntry,
    Order,
    SearchEngine,
)
from briefreader.core.search.entries import briefing_entries
from briefreader.core.search.filters import ENTRY_KINDS, QUOTE_KINDS, SearchFilter
from briefreader.core.search.results import SNIPPET_CHARS, hit_quotes, search_hit
from briefreader.core.search.whoosh_engine import WhooshEngine

__all__ = [
    "ENTRY_KINDS", "QUOTE_KINDS", "SNIPPET_CHARS", "IndexEntry", "IndexHit", "IndexResults", "IndexWriting",
    "NoteEntry", "Order", "SearchEngine", "SearchFilter", "briefing_entries", "hit_quotes", "open_engine",
    "search_hit",
]


def open_engine(state_dir: Path, lock_timeout: float = 10.0) -> SearchEngine:
    """The embedded search engine, its index in a folder of ``state_dir`` (created when
    there is none; rebuilt, with ``rebuilt_reason`` set, when it is unreadable or not ours)."""
    return WhooshEngine(state_dir / "whoosh", lock_timeout)

