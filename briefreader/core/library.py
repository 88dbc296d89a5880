"""The one facade the CLI and the UI use: sync, documents, search, quotes, topics, notes."""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefreader.core.analysis import analysis_version, analyze
from briefreader.core.catalog import Catalog
from briefreader.core.errors import BriefreaderError
from briefreader.core.model import (
    REPORTER,
    Analysis,
    CorpusTopic,
    DocumentInfo,
    Note,
    Quote,
    SearchResult,
    SyncReport,
    TopicSegment,
)
from briefreader.core.search import (
    NoteEntry,
    SearchEngine,
    SearchFilter,
    hit_quotes,
    open_engine,
    search_hit,
)
from briefreader.core.state import data_dir, home_dir, index_dir
from briefreader.core.sync import Progress, Published, Stage, Syncer, rebrand

if TYPE_CHECKING:
    from briefreader.core.notes import ImportResult, NotesService
    from briefreader.core.notes.citation import Citation



def bundled_seeds() -> Path:
    """The sample briefings shipped with the package (or the repository's seeds/)."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "seeds", here.parent / "seeds"):
        if candidate.is_dir():
            return candidate
    raise BriefreaderError("the bundled seeds/ folder is missing from this installation")


class Library:
    def __init__(self, paths: Sequence[str | os.PathLike[str]] | None = None,
                 home: str | os.PathLike[str] | None = None, lock_timeout: float = 10.0) -> None:
        roots = [Path(p).expanduser() for p in paths] if paths else [bundled_seeds()]
        for r in roots:
            if not r.exists():
                raise BriefreaderError(f"no such file or folder: {r}")
            if r.is_file() and r.suffix.lower() not in (".txt", ".md", ".markdown", ".html", ".htm"):
                raise BriefreaderError(f"not a briefing file (.txt .md .markdown .html .htm): {r}")
        self.roots = [r.resolve() for r in roots]
        self.default_corpus = not paths  # opened without a path: notes lists cover the whole store
        self.home = home_dir(home)
        self.index_dir = index_dir(self.home, self.roots)
        self.messages: list[str] = []
        self.catalog = Catalog(self.index_dir / "catalog.sqlite")
        if self.catalog.rebuilt_reason:
            self.messages.append(self.catalog.rebuilt_reason)
        self.index: SearchEngine = open_engine(self.index_dir, lock_timeout)
        if self.index.rebuilt_reason or self.index.entry_count() == 0 and self.catalog.count():
            # the catalog describes an index that is gone: forget it so all is re-indexed
            if self.index.rebuilt_reason:
                self.messages.append(self.index.rebuilt_reason)
            self.catalog.begin()
            self.catalog.db.execute("DELETE FROM documents")
            self.catalog.db.execute("DELETE FROM segments")
            self.catalog.commit()
        self._docs: dict[str, DocumentInfo] | None = None
        self._cache: OrderedDict[str, Analysis] = OrderedDict()
        self._groups: list[CorpusTopic] | None = None
        self._notes: NotesService | None = None
        self._syncer = Syncer(self.roots, self.catalog, self.index, self._changed, self._sync_notes)
        self._syncer.lock_timeout = lock_timeout

    def close(self) -> None:
        self.index.close()
        self.catalog.close()
        if self._notes is not None:
            self._notes.close()

    # -- sync --------------------------------------------------------------------
    def sync(self, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
             workers: int | None = None, published: Published | None = None,
             stage: Stage | None = None) -> SyncReport:
        """Bring the catalog and the index up to date with the files (incremental).
        A large first sync lists the new files at once and commits as it goes:
        ``published(done, total)`` says when more can be listed, opened and searched."""
        return self._syncer.sync(progress, cancelled, workers, published, stage)

    def _changed(self) -> None:
        self._docs = None
        self._groups = None
        self._cache.clear()

    def failed(self) -> list[tuple[str, str]]:
        return self.catalog.failures()

    # -- documents ---------------------------------------------------------------
    def documents(self) -> list[DocumentInfo]:
        """Every indexed briefing, newest first (from the catalog: no parsing)."""
        return list(self._documents().values())

    def _documents(self) -> dict[str, DocumentInfo]:
        if self._docs is None:
            self._docs = {d.id: d for d in self.catalog.documents()}
        return self._docs

    def document(self, doc_id: str) -> DocumentInfo:
        try:
            return self._documents()[doc_id]
        except KeyError:
            raise BriefreaderError(f"no such briefing: {doc_id}") from None

    def find_document(self, path_or_id: str) -> DocumentInfo:
        """A briefing by id, or by a path to its file."""
        docs = self._documents()
        if path_or_id in docs:
            return docs[path_or_id]
        p = str(Path(path_or_id).expanduser().resolve())
        for d in docs.values():
            if d.path == p:
                return d
        raise BriefreaderError(f"not an indexed briefing: {path_or_id}")

    def analysis(self, doc_id: str) -> Analysis:
        """The briefing with its quotes and segments (cached per content hash)."""
        if doc_id in self._cache:
            self._cache.move_to_end(doc_id)
            return self._cache[doc_id]
        row = self.catalog.document(doc_id)
        if row is None:
            raise BriefreaderError(f"no such briefing: {doc_id}")
        info, h = row
        a = self.catalog.get_analysis(h, analysis_version())
        if a is None:
            a = analyze(info.path, doc_id)
        a = rebrand(a, doc_id, info.path)
        self._cache[doc_id] = a
        if len(self._cache) > 16:
            self._cache.popitem(last=False)
        return a

    # -- search ------------------------------------------------------------------
    def search(self, query: str, limit: int | None = 20, kind: str | None = None,
               document: str | None = None, speaker: str | None = None,
               newest_first: bool = False) -> SearchResult:
        """Passages, quotes and notes matching ``query`` (Whoosh syntax); best first,
        or the newest briefings' first."""
        flt = SearchFilter(kind=kind or None, speaker=speaker or None, documents=(document,) if document else ())
        total, raw = self.index.search(query, flt, limit, order="newest" if newest_first else "relevance")
        docs = self._documents()
        hits = tuple(search_hit(h, docs.get(h.document), kind == "quote") for h in raw)
        return SearchResult(query, total, hits)

    # -- quotes ------------------------------------------------------------------
    def quotes(self, query: str | None = None, speaker: str | None = None, kind: str | None = None,
               limit: int | None = 50, document: str | None = None,
               include_procedural: bool = False) -> list[Quote]:
        """Quotes matching ``query`` and filters, newest briefing first, then those
        that match it only by their context (best first); the turn
        sentences that only run the briefing ("Go ahead.", ``procedural``) only
        with ``include_procedural``."""
        if kind is None and speaker and speaker.strip().lower() in ("reporter", "reporters", "q"):
            kind = "question"
        flt = SearchFilter(kind="quote", quote_kind=kind,
                           speaker=(REPORTER if kind == "question" else speaker) if speaker else None,
                           documents=(document,) if document else ())
        _, raw = self.index.search(query or None, flt, limit, order="newest", highlight=bool(query))
        found = hit_quotes(raw, limit, include_procedural)
        if query and (limit is None or len(found) < limit):
            # then the quotes found by their context (the sentence attributing them, their
            # topic segment), best first, below every quote whose own words match
            seen = {(q_.document, q_.start, q_.end) for q_ in found}
            _, more = self.index.search(query, flt, None if limit is None else limit + len(seen),
                                        highlight=False, context=True)
            extra = [q_ for q_ in hit_quotes(more, None, include_procedural)
                     if (q_.document, q_.start, q_.end) not in seen]
            found += extra if limit is None else extra[: limit - len(found)]
        return [self._with_segment(q_) for q_ in found]

    def _with_segment(self, q: Quote) -> Quote:
        if q.segment is not None:
            return q
        for i, seg in enumerate(self._segments_of(q.document)):
            if seg.start <= q.start < seg.end:
                return replace(q, segment=i)
        return q

    def _segments_of(self, doc_id: str) -> list[TopicSegment]:
        cached = self._cache.get(doc_id)
        if cached is not None:
            return list(cached.segments)
        rows = self.catalog.db.execute(
            'SELECT start, "end" FROM segments WHERE document=? ORDER BY idx', (doc_id,)
        ).fetchall()
        return [TopicSegment(s, e, "", (), "", ()) for s, e in rows]

    # -- topics ------------------------------------------------------------------
    def topics(self, document: str | None = None) -> list[tuple[DocumentInfo, tuple[TopicSegment, ...]]]:
        docs = self._documents()
        if document:
            return [(self.document(document), self.analysis(document).segments)]
        return [(docs[d], tuple(segs)) for d, _date, segs in self.catalog.all_segments() if d in docs]

    def corpus_topics(self, query: str | None = None, limit: int = 50) -> list[CorpusTopic]:
        from briefreader.core.topics import corpus_topics

        return corpus_topics(self.catalog.all_segments(), query=query, limit=limit)

    def topic_across(self, doc_id: str | None = None, segment: int | None = None,
                     query: str | None = None) -> tuple[str, list[tuple[DocumentInfo, int, TopicSegment]]]:
        """The same subject in other briefings, in date order: the cross-briefing topic
        that holds segment ``segment`` of ``doc_id`` (else the largest one matching
        ``query``, else the one of the segment's label); (its label, its members)."""
        from briefreader.core.topics import corpus_topics

        items = list(self.catalog.all_segments())
        segs = {d: s for d, _date, s in items}
        if self._groups is None:  # every group, until the catalog changes
            self._groups = corpus_topics(items, limit=100_000)
        groups = self._groups
        group = None
        if doc_id is not None and segment is not None:
            group = next((g for g in groups if (doc_id, segment) in g.members), None)
            if group is None and query is None and doc_id in segs and segment < len(segs[doc_id]):
                label = segs[doc_id][segment].label
                found = corpus_topics(items, query=label.split(",")[0], limit=1)
                group = found[0] if found else None
        if group is None and query:
            found = corpus_topics(items, query=query, limit=1)
            group = found[0] if found else None
        if group is None:
            return "", []
        docs = self._documents()
        return group.label, [(docs[d], i, segs[d][i]) for d, i in group.members
                             if d in docs and i < len(segs.get(d, ()))]

    # -- notes (see core/notes/) --------------------------------------------------
    @property
    def notes(self) -> NotesService:
        """The notes made on this library's briefings (the notes database opens on first use)."""
        if self._notes is None:
            from briefreader.core.notes import Corpus, NoteIndexer, NotesService, NoteStore

            self._notes = NotesService(
                NoteStore(data_dir(self.home) / "notes.sqlite"),
                Corpus(self._documents, self._content_hash, lambda doc_id: self.analysis(doc_id).briefing,
                       lambda doc_id: self.analysis(doc_id).quotes),
                NoteIndexer(self._index_notes, self._unindex_note),
            )
        return self._notes

    def _content_hash(self, doc_id: str) -> str | None:
        row = self.catalog.document(doc_id)
        return row[1] if row else None

    def _sync_notes(self, reanalysed: set[str]) -> None:
        """Re-place notes whose briefing was analysed again or changed since the note
        was placed, then rewrite the notes' index entries."""
        try:
            notes = self.notes
        except ImportError:  # pragma: no cover
            return
        notes.sync(reanalysed)

    def _index_notes(self, document: str | None = None) -> None:
        """(Re)write the index entries of this library's notes (all, or one briefing's).
        If the index is busy, it is done at the next sync (a flag in the catalog)."""
        was_dirty = self.catalog.get_meta("notes_dirty")
        self.catalog.set_meta("notes_dirty", "1")  # cleared once written: a crash or a busy
        notes = self.notes.list(document=document)  # index leaves it for the next sync
        docs = self._documents()
        self.index.replace_notes([NoteEntry(n, docs[n.document].date if n.document in docs else None)
                                  for n in notes], all_notes=document is None)
        if document is None or not was_dirty:
            self.catalog.db.execute("DELETE FROM meta WHERE key='notes_dirty'")

    def _unindex_note(self, note_id: str) -> None:
        """Remove a deleted note's index entry."""
        self.catalog.set_meta("notes_dirty", "1")
        self.index.delete_note(note_id)
        self.catalog.db.execute("DELETE FROM meta WHERE key='notes_dirty'")

    def add_note(self, doc_id: str, start: int, end: int, body: str = "",
                 tags: Sequence[str] = (), color: str | None = None) -> Note:
        return self.notes.add(doc_id, start, end, body, tags, color)

    def add_note_by_quote(self, doc_id: str, quote: str, body: str = "", tags: Sequence[str] = (),
                          color: str | None = None, occurrence: int = 0) -> Note:
        return self.notes.add_by_quote(doc_id, quote, body, tags, color, occurrence)

    def update_note(self, note_id: str, **changes: Any) -> Note:
        return self.notes.update(note_id, **changes)

    def delete_note(self, note_id: str) -> Note:
        return self.notes.delete(note_id)

    def restore_note(self, note: Note) -> Note:
        return self.notes.restore(note)

    def list_notes(self, document: str | None = None, tag: str | None = None,
                   state: str | None = None, everywhere: bool | None = None) -> list[Note]:
        """Notes of this corpus; ``everywhere`` (by default when the library was opened
        without a path, as ``briefreader notes list`` is): every note of the store."""
        if everywhere is None:
            everywhere = self.default_corpus
        return self.notes.list(document=document, tag=tag, state=state, everywhere=everywhere)

    def export_notes(self, fmt: str = "md", tag: str | None = None, everywhere: bool | None = None) -> str:
        if everywhere is None:
            everywhere = self.default_corpus
        return self.notes.export(fmt, tag=tag, everywhere=everywhere)

    def citation(self, note: Note) -> Citation:
        return self.notes.citation(note)

    def notes_with_citations(self) -> list[tuple[Note, Citation]]:
        """Every note of the store with what a citation of it says (the briefing as
        indexed here, else what was stored with the note)."""
        from briefreader.core.notes.citation import Citation

        stored = self.notes.store.citations()
        docs = self._documents()
        out = []
        for n in self.notes.list(everywhere=True):
            c = stored.get(n.id) or Citation()
            d = docs.get(n.document)
            if d is not None and (not n.path or n.path == d.path):
                c = Citation(d.title, d.date or c.date, d.source_url or c.source_url, c.speaker)
            out.append((n, c))
        return out

    def import_notes(self, data: dict[str, Any]) -> ImportResult:
        return self.notes.import_collection(data)
