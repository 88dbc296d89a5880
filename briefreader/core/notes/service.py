"""The notes of one corpus: what the library, the CLI and the UI ask of notes.

One notes database (:class:`NoteStore`) serves every corpus of a state home. A
:class:`NotesService` shows the notes made on its corpus's briefings, with the
corpus's document ids; adds, changes and deletes them; exports and imports them;
and after a sync places again the notes whose briefing changed.

It knows the corpus through :class:`Corpus` and keeps the search index's note
entries current through :class:`NoteIndexer`: callables the library gives, so that
notes depend on neither the catalog nor the search engine.
"""

from __future__ import annotations

import builtins
import json
import os
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from types import EllipsisType
from typing import Any

from briefreader.core.errors import BriefreaderError
from briefreader.core.model import Briefing, DocumentInfo, Note, Quote
from briefreader.core.notes.citation import Citation, citation_of
from briefreader.core.notes.documents import Documents
from briefreader.core.notes.markdown_export import export_markdown
from briefreader.core.notes.store import ImportResult, NoteStore, find_quote
from briefreader.core.notes.webannotation import export_collection
from briefreader.core.sanitize import clean


def _clean_tags(tags: Sequence[str]) -> tuple[str, ...]:
    """A note's text as typed or given (a lone surrogate, an escape sequence): cleaned
    where it enters, as a briefing's text is (core/sanitize.py)."""
    return tuple(clean(t) for t in tags)


@dataclass(frozen=True, slots=True)
class Corpus:
    """What the notes of a corpus need to know of it."""

    documents: Callable[[], Mapping[str, DocumentInfo]]  # the corpus's briefings, by id
    content_hash: Callable[[str], str | None]  # a briefing's indexed content hash; None: not indexed
    briefing: Callable[[str], Briefing]  # a briefing as it is now (its current text)
    quotes: Callable[[str], Sequence[Quote]] | None = None  # its quotes: whom a note's passage cites


@dataclass(frozen=True, slots=True)
class NoteIndexer:
    """How the notes' entries in the search index are kept current."""

    write: Callable[[str | None], None]  # (re)write the entries of the notes (all, or one briefing's)
    remove: Callable[[str], None]  # remove the entry of one (deleted) note, by id


class NotesService:
    """The notes made on one corpus's briefings."""

    def __init__(self, store: NoteStore, corpus: Corpus, index: NoteIndexer) -> None:
        self.store = store
        self._corpus = corpus
        self._index = index

    def close(self) -> None:
        self.store.close()

    def list(self, document: str | None = None, tag: str | None = None,
             state: str | None = None, everywhere: bool = False) -> builtins.list[Note]:
        """The notes made on this corpus's briefings (one notes database serves every
        corpus of a state home): matched by file path and shown with this corpus's
        ids; a note whose file is gone (an older note, an import from another machine)
        is matched by its document id. ``everywhere``: every note of the store, those
        of other corpora too (with their own document ids)."""
        docs = self._corpus.documents()
        by_path = {d.path: d.id for d in docs.values()}
        out = []
        for n in self.store.list(tag=tag, state=state):
            if n.path in by_path:
                n = replace(n, document=by_path[n.path])
            elif n.document not in docs or (n.path and os.path.exists(n.path)):
                if everywhere and document is None:
                    out.append(n)
                continue  # another corpus's note
            elif n.path:  # its file is gone: it is this briefing's note now
                n = self.store.adopt(n.id, docs[n.document].path)
            if document is None or n.document == document:
                out.append(n)
        out.sort(key=lambda n: (n.document, n.start))
        return out

    def find_quote(self, doc_id: str, quote: str) -> builtins.list[tuple[int, int]]:
        """Every span of the briefing ``doc_id`` that :meth:`add_by_quote` would match."""
        return find_quote(self._corpus.briefing(doc_id), quote)

    def add(self, doc_id: str, start: int, end: int, body: str = "",
            tags: Sequence[str] = (), color: str | None = None) -> Note:
        note = self.store.add(self._corpus.briefing(doc_id), start, end, clean(body), _clean_tags(tags), color,
                              quotes=self._quotes(doc_id))
        self._index.write(doc_id)
        return note

    def add_by_quote(self, doc_id: str, quote: str, body: str = "", tags: Sequence[str] = (),
                     color: str | None = None, occurrence: int = 0) -> Note:
        note = self.store.add_by_quote(self._corpus.briefing(doc_id), quote, clean(body), _clean_tags(tags),
                                       color, occurrence=occurrence, quotes=self._quotes(doc_id))
        self._index.write(doc_id)
        return note

    def _quotes(self, doc_id: str) -> Sequence[Quote]:
        """The briefing's quotes: whom a note's passage cites."""
        return self._corpus.quotes(doc_id) if self._corpus.quotes is not None else ()

    def _cite_of(self, note: Note) -> Citation:
        return citation_of(self._corpus.briefing(note.document), note.start, note.end, self._quotes(note.document))

    def update(self, note_id: str, *, body: str | None = None, tags: Sequence[str] | None = None,
               color: str | None | EllipsisType = ...) -> Note:
        note = self.store.update(note_id, body=None if body is None else clean(body),
                                 tags=None if tags is None else _clean_tags(tags), color=color)
        self._index.write(note.document)
        return note

    def delete(self, note_id: str) -> Note:
        note = self.store.delete(note_id)
        self._index.remove(note.id)
        return note

    def restore(self, note: Note) -> Note:
        restored = self.store.restore(note)
        self._index.write(restored.document)
        return restored

    def export(self, fmt: str = "md", tag: str | None = None, everywhere: bool = False) -> str:
        """The notes (with ``tag``) as Markdown citations (``md``) or a W3C Web
        Annotation collection (``json``, JSON-LD)."""
        notes = self.list(tag=tag, everywhere=everywhere)
        if fmt == "json":
            return json.dumps(export_collection(notes, self._documents()), ensure_ascii=False, indent=1)
        if fmt == "md":
            return export_markdown(notes, self._documents(), self.store.citations())
        raise BriefreaderError(f"unknown export format '{fmt}' (md, json)")

    def import_collection(self, data: dict[str, Any]) -> ImportResult:
        """Import a W3C annotation collection; the new notes are placed in their briefings."""
        result = self.store.import_json(data)
        if result.added:
            # an imported placement is a claim, even with the briefing's content hash:
            # every briefing with notes is placed again (a note already placed costs a
            # string comparison), so an imported note is placed only where
            # text[start:end] == exact, else re-anchored or left unplaced
            self.sync({n.document for n in self.list()})
        return result

    def sync(self, reanalysed: Collection[str]) -> None:
        """Re-place notes whose briefing was analysed again (``reanalysed``) or changed
        since the note was placed, then rewrite the notes' index entries."""
        notes = self.list()
        hashes = {d: self._corpus.content_hash(d) for d in {n.document for n in notes}}
        for doc_id in {n.document for n in notes}:
            content_hash = hashes.get(doc_id)
            if content_hash is None:
                continue
            if doc_id in reanalysed or any(n.content_hash != content_hash for n in notes if n.document == doc_id):
                self.store.reanchor(self._corpus.briefing(doc_id))
        self._fill_citations(notes)
        self._index.write(None)

    def citation(self, note: Note) -> Citation:
        """What a citation of ``note`` says (stored with it; its briefing's, failing that)."""
        stored = self.store.citations().get(note.id)
        if stored is not None and not stored.empty:
            return stored
        try:
            return self._cite_of(note)
        except Exception:  # noqa: BLE001 - not in this corpus: what is known of it
            return stored or Citation()

    def _fill_citations(self, notes: builtins.list[Note]) -> None:
        """Notes made before citations were stored (schema v2) get them from their briefing."""
        cites = self.store.citations()
        docs = self._corpus.documents()
        for n in notes:
            c = cites.get(n.id)
            if (c is None or c.empty) and n.document in docs:
                try:
                    self.store.set_citation(n.id, self._cite_of(n))
                except Exception:  # noqa: BLE001, S112 - a briefing that cannot be read: next time
                    continue

    def _documents(self) -> Documents:
        return {d.id: {"title": d.title, "date": d.date, "source_url": d.source_url, "path": d.path}
                for d in self._corpus.documents().values()}
