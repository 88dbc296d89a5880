"""The one facade the CLI and the UI use: sync, documents, search, quotes, topics, notes."""

from __future__ import annotations

import itertools
import json
import multiprocessing
import os
import pickle
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from briefreader.core.analysis import analysis_version, analyze
from briefreader.core.catalog import Catalog
from briefreader.core.errors import BriefreaderError, IngestError
from briefreader.core.ingest import briefing_hash, read_bytes
from briefreader.core.model import (
    REPORTER,
    Analysis,
    CorpusTopic,
    DocumentInfo,
    Note,
    Quote,
    SearchResult,
    Segment,
    SyncReport,
)
from briefreader.core.scan import Found, scan
from briefreader.core.search import (
    NoteEntry,
    SearchEngine,
    SearchFilter,
    briefing_entries,
    hit_quotes,
    open_engine,
    search_hit,
)
from briefreader.core.state import data_dir, home_dir, index_dir

if TYPE_CHECKING:
    from briefreader.core.notes import ImportResult, NotesService

Progress = Callable[[int, int, str], None]
_POOL_MIN = 12  # fewer files than this are analysed in-process


def bundled_seeds() -> Path:
    """The sample briefings shipped with the package (or the repository's seeds/)."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "seeds", here.parent / "seeds"):
        if candidate.is_dir():
            return candidate
    raise BriefreaderError("the bundled seeds/ folder is missing from this installation")


class _PrePickled:
    """An Analysis pickled where it was made (a pool worker): pickling this for the
    catalog is a copy of bytes, and unpickling it gives the Analysis (the catalog's
    blob reads back as before). Unpickling and re-pickling the dataclasses cost ~10 ms
    per briefing in the process that writes the index, which both cores wait for."""

    __slots__ = ("raw",)

    def __init__(self, raw: bytes) -> None:
        self.raw = raw

    def __reduce__(self) -> tuple[Any, tuple[bytes]]:
        return pickle.loads, (self.raw,)


class _Prepared(NamedTuple):
    """What the writing process needs of one analysed briefing, in types that pickle
    fast: its index documents, catalog fields, segments, and the analysis pre-pickled."""

    docs: list[dict[str, Any]]
    info: tuple[Any, ...]  # DocumentInfo fields after id and path
    content_hash: str
    segments: tuple[Segment, ...]
    analysis: bytes  # the Analysis, pickled


def _pickled(a: Analysis) -> bytes:
    return pickle.dumps(a, protocol=pickle.HIGHEST_PROTOCOL)


def _prepare(a: Analysis) -> _Prepared:
    b = a.briefing
    return _Prepared(list(briefing_entries(a)), (b.title, b.date, b.format, b.source_url, len(b.text.split())),
                     b.content_hash, a.segments, _pickled(a))


def _job(args: tuple[str, str]) -> tuple[str, str, _Prepared | None, str | None]:
    path, doc_id = args
    try:
        return path, doc_id, _prepare(analyze(path, doc_id)), None
    except IngestError as exc:
        return path, doc_id, None, str(exc)
    except RecursionError:
        return path, doc_id, None, "too deeply nested to parse"
    except Exception as exc:  # a parser bug must not stop the sync: report it
        return path, doc_id, None, f"cannot parse: {type(exc).__name__}: {exc}"


_PARALLEL_WRITE_MIN = 100  # from this many changed files on, two processes write the index
_WRITE_PROCS = 2
_BATCH = 4  # files per pool task
_WINDOW = 3  # tasks in flight per worker


def _jobs(batch: list[tuple[str, str]]) -> list[tuple[str, str, _Prepared | None, str | None]]:
    return [_job(args) for args in batch]


def _streamed(pool: ProcessPoolExecutor, args: list[tuple[str, str]], n: int):
    """``_job`` over ``args``, in order, with at most ``n * _WINDOW`` tasks in flight.

    ``pool.map`` submits every task at once: the finished analyses then pile up in
    memory while the single writer catches up (over 1 GB for 1,154 briefings). Here
    the workers stay a few tasks ahead of the writer, which indexes each result as
    soon as it comes, and a cancelled sync leaves little work to wait for.
    """
    batches = iter([args[i:i + _BATCH] for i in range(0, len(args), _BATCH)])
    pending: deque[Any] = deque(pool.submit(_jobs, b) for b in itertools.islice(batches, n * _WINDOW))
    try:
        while pending:
            done = pending.popleft().result()
            for b in itertools.islice(batches, 1):
                pending.append(pool.submit(_jobs, b))
            yield from done
    finally:
        for fut in pending:
            fut.cancel()


def _exit_with_parent(parent: int) -> None:
    """Pool initializer: a worker whose parent died (kill -9, a crash) exits instead of
    waiting forever on its task queue; the forkserver then exits too."""
    import threading

    def watch() -> None:
        while True:
            time.sleep(1.0)
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                os._exit(1)
            except OSError:
                pass

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


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
        self._notes: NotesService | None = None

    def close(self) -> None:
        self.index.close()
        self.catalog.close()
        if self._notes is not None:
            self._notes.close()

    # -- sync --------------------------------------------------------------------
    def sync(self, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
             workers: int | None = None) -> SyncReport:
        t0 = time.perf_counter()
        report = SyncReport()
        failures: list[tuple[str, str]] = []
        found = list(scan(self.roots, failures))
        states = self.catalog.file_states()
        version = analysis_version()
        # the analysing code changed: every briefing is analysed again
        stale = self.catalog.get_meta("analysis_version") != version
        if stale:
            states = {p: replace(st, size=-1) for p, st in states.items()}
        known_failed = {} if stale else self._failed_stats()
        todo: list[Found] = []
        for f in found:
            old = states.get(f.path)
            if old and old.size == f.size and old.mtime_ns == f.mtime_ns and old.id == f.doc_id:
                report.unchanged += 1
            elif old is None and known_failed.get(f.path, [None])[:2] == [f.size, f.mtime_ns]:
                failures.append((f.path, known_failed[f.path][2]))  # failed before, unchanged since
            else:
                todo.append(f)
        self._stats = {f.path: (f.size, f.mtime_ns) for f in found}
        present = {f.path for f in found}
        removed = [s for p, s in states.items() if p not in present]
        if not todo and not removed:
            if self.catalog.get_meta("notes_dirty"):
                self._sync_notes(set())
            self._finish(report, failures, t0)
            return report
        try:
            return self._sync_changes(report, failures, t0, todo, present, version, stale,
                                      progress, cancelled, workers)
        except BaseException:
            self.catalog.rollback()  # a failed index commit must not leave it open
            raise

    def _sync_changes(self, report: SyncReport, failures: list[tuple[str, str]], t0: float,
                      todo: list[Found], present: set[str], version: str, stale: bool,
                      progress: Progress | None, cancelled: Callable[[], bool] | None,
                      workers: int | None) -> SyncReport:
        reanalysed: set[str] = set()
        n = workers if workers is not None else (os.cpu_count() or 1)
        procs = _WRITE_PROCS if n > 1 and len(todo) >= _PARALLEL_WRITE_MIN else 1
        with self.index.writing(procs=procs) as w:
            self.catalog.begin()
            # another process may have synced while we waited for the locks: plan again
            states = self.catalog.file_states()
            removed = [s for p, s in states.items() if p not in present]
            fresh = self.index.entry_count() == 0
            stale = self.catalog.get_meta("analysis_version") != version
            try:
                for s in removed:
                    w.remove_briefing(s.id)
                    self.catalog.remove_document(s.id)
                    report.removed += 1
                ready: list[tuple[Found, _Prepared, bool]] = []
                jobs: list[tuple[Found, bool]] = []
                for f in todo:
                    old = states.get(f.path)
                    try:
                        data = read_bytes(Path(f.path))
                    except IngestError as exc:
                        failures.append((f.path, str(exc)))
                        continue
                    h = briefing_hash(Path(f.path), data)
                    if old and old.hash == h and old.id == f.doc_id and not stale:
                        self.catalog.touch(f.path, f.size, f.mtime_ns)
                        report.unchanged += 1
                        continue
                    cached = self.catalog.get_analysis(h, version)
                    if cached is not None and Path(cached.briefing.path).name == Path(f.path).name:
                        # identical bytes under the same name (a copy or a move): the
                        # title, date and format read from the name are the same too
                        cached = _rebrand(cached, f.doc_id, f.path)
                        ready.append((f, _prepare(cached), old is not None))
                    else:
                        jobs.append((f, old is not None))
                total = len(ready) + len(jobs)
                done = 0
                # streamed: the writer indexes each briefing as soon as a worker has it
                for f, a, existed in itertools.chain(ready, self._analyse(jobs, workers, failures)):
                    if cancelled is not None and cancelled():
                        break
                    if not fresh:
                        w.remove_briefing(f.doc_id)
                    w.add_entries(a.docs)  # briefing_entries(), made by the worker
                    info = DocumentInfo(f.doc_id, f.path, *a.info)
                    self.catalog.put_document(info, f.size, f.mtime_ns, a.content_hash)
                    self.catalog.put_analysis(a.content_hash, version, _PrePickled(a.analysis))  # type: ignore[arg-type]
                    self.catalog.put_segments(f.doc_id, a.segments)
                    reanalysed.add(f.doc_id)
                    if existed:
                        report.updated += 1
                    else:
                        report.added += 1
                    done += 1
                    if progress is not None:
                        progress(done, total, f.path)
            except BaseException:
                self.catalog.rollback()
                raise
        self.catalog.prune_analyses()
        self.catalog.set_meta("analysis_version", version)
        self.catalog.commit()
        self._docs = None
        self._cache.clear()
        # a briefing's (re)indexing deletes its entries, notes included: place them again
        # and write them again (an "added" briefing may have been in the index already:
        # a crash, a lost catalog)
        if report.updated or report.added or fresh or self.catalog.get_meta("notes_dirty"):
            self._sync_notes(reanalysed)
        self._finish(report, failures, t0)
        return report

    def _analyse(self, jobs: list[tuple[Found, bool]], workers: int | None,
                 failures: list[tuple[str, str]]):
        args = [(f.path, f.doc_id) for f, _ in jobs]
        by_path = {f.path: (f, existed) for f, existed in jobs}
        n = workers if workers is not None else (os.cpu_count() or 1)
        if n > 1 and len(jobs) >= _POOL_MIN:
            ctx = multiprocessing.get_context("forkserver")
            with ProcessPoolExecutor(max_workers=n, mp_context=ctx, initializer=_exit_with_parent,
                                     initargs=(os.getpid(),)) as pool:
                yield from self._collect(_streamed(pool, args, n), by_path, failures)
        else:
            yield from self._collect(map(_job, args), by_path, failures)

    @staticmethod
    def _collect(results, by_path, failures):
        for path, _doc_id, analysis, error in results:
            if analysis is None:
                failures.append((path, error or "unknown error"))
                continue
            f, existed = by_path[path]
            yield f, analysis, existed

    def _finish(self, report: SyncReport, failures: list[tuple[str, str]], t0: float) -> None:
        report.failed = failures
        stats = getattr(self, "_stats", {})
        remembered = {p: [*stats[p], reason] for p, reason in failures if p in stats}
        if sorted(failures) != self.catalog.failures() or remembered != self._failed_stats():
            self.catalog.set_failures(failures)
            self.catalog.set_meta("failed_stats", json.dumps(remembered))
        report.seconds = time.perf_counter() - t0

    def _failed_stats(self) -> dict[str, list[Any]]:
        """Files that failed, with the size and mtime they had: not read again until
        they change."""
        raw = self.catalog.get_meta("failed_stats")
        try:
            data = json.loads(raw) if raw else {}
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}

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
        a = _rebrand(a, doc_id, info.path)
        self._cache[doc_id] = a
        if len(self._cache) > 16:
            self._cache.popitem(last=False)
        return a

    # -- search ------------------------------------------------------------------
    def search(self, query: str, limit: int | None = 20, kind: str | None = None,
               document: str | None = None, speaker: str | None = None) -> SearchResult:
        """Passages, quotes and notes matching ``query`` (Whoosh syntax)."""
        flt = SearchFilter(kind=kind or None, speaker=speaker or None, documents=(document,) if document else ())
        total, raw = self.index.search(query, flt, limit)
        docs = self._documents()
        hits = tuple(search_hit(h, docs.get(h.document), kind == "quote") for h in raw)
        return SearchResult(query, total, hits)

    # -- quotes ------------------------------------------------------------------
    def quotes(self, query: str | None = None, speaker: str | None = None, kind: str | None = None,
               limit: int | None = 50, document: str | None = None) -> list[Quote]:
        """Quotes matching ``query`` and filters, newest briefing first."""
        if kind is None and speaker and speaker.strip().lower() in ("reporter", "reporters", "q"):
            kind = "question"
        flt = SearchFilter(kind="quote", quote_kind=kind,
                           speaker=(REPORTER if kind == "question" else speaker) if speaker else None,
                           documents=(document,) if document else ())
        _, raw = self.index.search(query or None, flt, limit, order="newest", highlight=bool(query))
        return [self._with_segment(q_) for q_ in hit_quotes(raw, limit)]

    def _with_segment(self, q: Quote) -> Quote:
        if q.segment is not None:
            return q
        for i, seg in enumerate(self._segments_of(q.document)):
            if seg.start <= q.start < seg.end:
                return replace(q, segment=i)
        return q

    def _segments_of(self, doc_id: str) -> list[Segment]:
        cached = self._cache.get(doc_id)
        if cached is not None:
            return list(cached.segments)
        rows = self.catalog.db.execute(
            'SELECT start, "end" FROM segments WHERE document=? ORDER BY idx', (doc_id,)
        ).fetchall()
        return [Segment(s, e, "", (), "", ()) for s, e in rows]

    # -- topics ------------------------------------------------------------------
    def topics(self, document: str | None = None) -> list[tuple[DocumentInfo, tuple[Segment, ...]]]:
        docs = self._documents()
        if document:
            return [(self.document(document), self.analysis(document).segments)]
        return [(docs[d], tuple(segs)) for d, _date, segs in self.catalog.all_segments() if d in docs]

    def corpus_topics(self, query: str | None = None, limit: int = 50) -> list[CorpusTopic]:
        from briefreader.core.topics import corpus_topics

        return corpus_topics(self.catalog.all_segments(), query=query, limit=limit)

    # -- notes (see core/notes/) --------------------------------------------------
    @property
    def notes(self) -> NotesService:
        """The notes made on this library's briefings (the notes database opens on first use)."""
        if self._notes is None:
            from briefreader.core.notes import Corpus, NoteIndexer, NotesService, NoteStore

            self._notes = NotesService(
                NoteStore(data_dir(self.home) / "notes.sqlite"),
                Corpus(self._documents, self._content_hash, lambda doc_id: self.analysis(doc_id).briefing),
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
                   state: str | None = None) -> list[Note]:
        return self.notes.list(document=document, tag=tag, state=state)

    def export_notes(self, fmt: str = "md", tag: str | None = None) -> str:
        return self.notes.export(fmt, tag=tag)

    def import_notes(self, data: dict[str, Any]) -> ImportResult:
        return self.notes.import_collection(data)


def _rebrand(a: Analysis, doc_id: str, path: str) -> Analysis:
    """An analysis cached for identical content under another name, given this name."""
    b = a.briefing
    if b.id == doc_id and b.path == path:
        return a
    return Analysis(replace(b, id=doc_id, path=path),
                    tuple(replace(q, document=doc_id) for q in a.quotes), a.segments)
