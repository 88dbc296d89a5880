"""Incremental sync of a corpus into the catalog and the search index.

Unchanged files (size and mtime, then content hash) cost no parsing; changed files are
analysed again (in a process pool when there are many) and replaced; deleted files are
removed; files that failed are not read again until they change.
"""

from __future__ import annotations

import itertools
import json
import multiprocessing
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import AbstractContextManager, contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from briefreader.core.catalog import Catalog
from briefreader.core.errors import IndexBusy, IngestError
from briefreader.core.ingest import briefing_hash, read_bytes
from briefreader.core.model import Analysis, DocumentInfo, SyncReport
from briefreader.core.processes import exit_with_parent
from briefreader.core.scan import Found, scan
from briefreader.core.search import SearchEngine
from briefreader.core.sync.pool import Prepared, PrePickled, job, prepare, streamed
from briefreader.core.sync.version import current_version

Progress = Callable[[int, int, str], None]
Published = Callable[[int, int], None]  # (briefings analysed and committed, of total)
Stage = Callable[[str], None]  # what the sync does now, in words
_POOL_MIN = 12  # fewer files than this are analysed in-process
_PARALLEL_WRITE_MIN = 100  # from this many changed files on, two processes write the index
_PARALLEL_WRITE_BYTES = 8_000_000  # ... or from this many bytes (one huge briefing: its
# passages are shared out too, and each process's buffer is smaller than one writer's)
_WRITE_PROCS = 2
_PREVIEW_MIN = 50  # new files from this many on are listed before they are analysed
_PROGRESSIVE_MIN = 50  # a sync of this many briefings commits as it goes
_FIRST_COMMIT = 2.5  # s after the first analysed briefing: the first ones become searchable
_COMMIT_GROWTH = 3.0  # each next commit waits this much longer: a commit stalls the
_COMMIT_MAX = 120.0  # writer (10-15 s with two writing processes under load): few of them
_SMALL_WRITER = 20.0  # while commits come sooner than this, one process writes (quick to commit)


class _Checkpoints:
    """When a progressive sync commits: soon after it starts, then at growing intervals."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.interval = _FIRST_COMMIT
        self.next = time.monotonic() + self.interval

    def due(self) -> bool:
        if not self.enabled or time.monotonic() < self.next:
            return False
        self.interval = min(self.interval * _COMMIT_GROWTH, _COMMIT_MAX)
        self.next = time.monotonic() + self.interval
        return True


class Syncer:
    """Brings one corpus's catalog and index up to date with its files.

    ``changed`` is called once the catalog has changed (the caller drops what it cached);
    ``notes_sync`` with the ids of the briefings analysed again (their notes are placed
    again and their index entries rewritten).
    """

    def __init__(self, roots: list[Path], catalog: Catalog, index: SearchEngine,
                 changed: Callable[[], None], notes_sync: Callable[[set[str]], None]) -> None:
        self.roots = roots
        self.catalog = catalog
        self.index = index
        self._changed = changed
        self._notes_sync = notes_sync
        self._found: list[Found] = []
        self.lock_timeout = 10.0
        self._on_published: Published | None = None
        self._on_stage: Stage | None = None

    def _published(self, done: int, total: int) -> None:
        if self._on_published is not None:
            self._on_published(done, total)

    def _stage(self, text: str) -> None:
        if self._on_stage is not None:
            self._on_stage(text)

    def sync(self, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
             workers: int | None = None, published: Published | None = None,
             stage: Stage | None = None) -> SyncReport:
        """``published(done, total)`` is called each time a large sync has committed what
        it has so far (first the new files' rows, then the analysed briefings):
        the list, opening and searching see them; ``stage`` says what it does now."""
        self._on_published, self._on_stage = published, stage
        t0 = time.perf_counter()
        report = SyncReport()
        failures: list[tuple[str, str]] = []
        found = list(scan(self.roots, failures))
        version = current_version(self.catalog.path.parent)
        # the analysing code changed: every briefing is analysed again
        stale = self.catalog.get_meta("analysis_version") != version
        stamps = self.catalog.file_stamps()
        known_failed = {} if stale else self._failed_stats()
        todo: list[Found] = []
        known = 0  # found files the catalog has a row for
        for f in found:
            old = stamps.get(f.path)
            if old is not None:
                known += 1
                if not stale and old == f[1:]:  # (id, size, mtime_ns)
                    report.unchanged += 1
                    continue
            elif known_failed and known_failed.get(f.path, [None])[:2] == [f.size, f.mtime_ns]:
                failures.append((f.path, known_failed[f.path][2]))  # failed before, unchanged since
                continue
            todo.append(f)
        self._found = found
        removed = known < len(stamps)  # a row whose file is gone
        if not todo and not removed:
            if self.catalog.get_meta("notes_dirty"):
                self._notes_sync(set())
            self._finish(report, failures, t0)
            return report
        with _sync_lock(self.catalog.path.parent / "sync.lock", self.lock_timeout):
            try:
                return self._sync_changes(report, failures, t0, todo, {f.path for f in found}, version, stale,
                                          progress, cancelled, workers)
            except BaseException:
                self.catalog.rollback()  # a failed index commit must not leave it open
                raise

    def _list_new(self, todo: list[Found], states: dict[str, Any]) -> dict[str, str]:
        """Before a large first sync: the new files' rows, read cheaply and committed, so
        the list shows them while they are analysed (provisional rows: size -1, no hash)."""
        new = [f for f in todo if f.path not in states]
        if len(new) < _PREVIEW_MIN:
            return {}
        from briefreader.core.sync.preview import preview  # the lexicon's imports: only here
        dates: dict[str, str] = {}
        self.catalog.begin()
        try:
            # another process may have listed (or synced) them since ``states`` was read:
            # its rows are never overwritten by provisional ones
            known = self.catalog.file_states()
            for f in new:
                if f.path in known:
                    continue
                info = preview(f.path, f.doc_id)
                dates[f.path] = info.date or ""
                self.catalog.put_document(info, -1, 0, "")
        except BaseException:
            self.catalog.rollback()
            raise
        self.catalog.commit()
        self._changed()
        self._published(0, len(new))
        return dates

    def _sync_changes(self, report: SyncReport, failures: list[tuple[str, str]], t0: float,
                      todo: list[Found], present: set[str], version: str, stale: bool,
                      progress: Progress | None, cancelled: Callable[[], bool] | None,
                      workers: int | None) -> SyncReport:
        reanalysed: set[str] = set()
        previewed = self._list_new(todo, self.catalog.file_states())
        n = workers if workers is not None else (os.cpu_count() or 1)
        procs = _WRITE_PROCS if n > 1 and (len(todo) >= _PARALLEL_WRITE_MIN or
                                           sum(f.size for f in todo) >= _PARALLEL_WRITE_BYTES) else 1
        if previewed:  # newest first, as listed: the briefings read first are ready first
            todo = sorted(todo, key=lambda f: (previewed.get(f.path, ""), f.path), reverse=True)
        # until the first commit one process writes: the first briefings are searchable sooner
        progressive = len(todo) >= _PROGRESSIVE_MIN
        first = self.index.writing(procs=1 if progressive else procs, merge=not progressive)
        w = first.__enter__()
        writing: AbstractContextManager[Any] | None = first
        try:
            self.catalog.begin()
            # another process may have synced while we waited for the locks: plan again
            states = self.catalog.file_states()
            removed = [s for p, s in states.items() if p not in present]
            fresh = self.index.entry_count() == 0
            stale = self.catalog.get_meta("analysis_version") != version
            for s in removed:
                w.remove_briefing(s.id)
                self.catalog.remove_document(s.id)
                report.removed += 1
            ready: list[tuple[Found, Prepared, bool]] = []
            jobs: list[tuple[Found, bool]] = []
            for f in todo:
                old = states.get(f.path)
                try:
                    data = read_bytes(Path(f.path))
                except IngestError as exc:
                    failures.append((f.path, str(exc)))
                    if f.path in previewed:
                        self.catalog.remove_document(f.doc_id)
                    continue
                h = briefing_hash(Path(f.path), data)
                if old and old.hash == h and old.id == f.doc_id and not stale:
                    self.catalog.touch(f.path, f.size, f.mtime_ns)
                    report.unchanged += 1
                    continue
                existed = old is not None and f.path not in previewed
                cached = self.catalog.get_analysis(h, version)
                if cached is not None and Path(cached.briefing.path).name == Path(f.path).name:
                    # identical bytes under the same name (a copy or a move): the
                    # title, date and format read from the name are the same too
                    cached = rebrand(cached, f.doc_id, f.path)
                    ready.append((f, prepare(cached), existed))
                else:
                    jobs.append((f, existed))
            total = len(ready) + len(jobs)
            done = 0
            # a first sync of many files commits as it goes (the list, opening and
            # searching use what is committed); a small one commits once
            checkpoint = _Checkpoints(total >= _PROGRESSIVE_MIN)
            # streamed: the writer indexes each briefing as soon as a worker has it
            for f, a, existed in itertools.chain(ready, self._analyse(jobs, workers, failures)):
                if cancelled is not None and cancelled():
                    break
                if not fresh:
                    w.remove_briefing(f.doc_id)
                w.add_entries(a.docs)  # briefing_entries(), made by the worker
                info = DocumentInfo(f.doc_id, f.path, *a.info)
                self.catalog.put_document(info, f.size, f.mtime_ns, a.content_hash)
                self.catalog.put_analysis(a.content_hash, version, PrePickled(a.analysis))  # type: ignore[arg-type]
                self.catalog.put_segments(f.doc_id, a.segments)
                reanalysed.add(f.doc_id)
                if existed:
                    report.updated += 1
                else:
                    report.added += 1
                done += 1
                if progress is not None:
                    progress(done, total, f.path)
                if done < total and checkpoint.due():
                    self._stage(f"Saving the first {done} of {total} briefings (searchable next)…")
                    committing, writing = writing, None
                    assert committing is not None
                    committing.__exit__(None, None, None)  # commits the index (no merge: the last commit merges)
                    self.catalog.commit()
                    self._changed()
                    self._published(done, total)
                    soon = checkpoint.interval < _SMALL_WRITER
                    writing = self.index.writing(procs=1 if soon else procs, merge=False)
                    w = writing.__enter__()
                    self.catalog.begin()
            for f in todo:  # cancelled, or failed: its provisional row goes
                if f.path in previewed and f.doc_id not in reanalysed:
                    self.catalog.remove_document(f.doc_id)
            self._stage(f"Saving the index of {total} briefings…")
        except BaseException as exc:
            self.catalog.rollback()
            if writing is not None:
                writing.__exit__(type(exc), exc, exc.__traceback__)
            raise
        try:
            assert writing is not None
            writing.__exit__(None, None, None)
            if progressive:  # the commits so far added segments: merge the small ones
                self._stage(f"Merging the index of {total} briefings…")
                with self.index.writing(procs=1):
                    pass
        except BaseException:
            self.catalog.rollback()
            raise
        self._stage("Saving the catalog…")
        self.catalog.prune_analyses()
        self.catalog.set_meta("analysis_version", version)
        self.catalog.commit()
        self._changed()
        # a briefing's (re)indexing deletes its entries, notes included: place them again
        # and write them again (an "added" briefing may have been in the index already:
        # a crash, a lost catalog)
        if report.updated or report.added or fresh or self.catalog.get_meta("notes_dirty"):
            self._stage("Placing notes…")
            self._notes_sync(reanalysed)
        self._finish(report, failures, t0)
        return report

    def _analyse(self, jobs: list[tuple[Found, bool]], workers: int | None,
                 failures: list[tuple[str, str]]):
        args = [(f.path, f.doc_id) for f, _ in jobs]
        by_path = {f.path: (f, existed) for f, existed in jobs}
        n = workers if workers is not None else (os.cpu_count() or 1)
        if n > 1 and len(jobs) >= _POOL_MIN:
            ctx = multiprocessing.get_context("forkserver")
            with ProcessPoolExecutor(max_workers=n, mp_context=ctx, initializer=exit_with_parent,
                                     initargs=(os.getpid(),)) as pool:
                yield from self._collect(streamed(pool, args, n), by_path, failures)
        else:
            yield from self._collect(map(job, args), by_path, failures)

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
        stats = {f.path: (f.size, f.mtime_ns) for f in self._found} if failures else {}
        remembered = {p: [*stats[p], reason] for p, reason in failures if p in stats}
        if sorted(failures) != self.catalog.failures() or remembered != self._failed_stats():
            self.catalog.set_failures(failures)
            self.catalog.set_meta("failed_stats", json.dumps(remembered))
        self._found = []
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


def rebrand(a: Analysis, doc_id: str, path: str) -> Analysis:
    """An analysis cached for identical content under another name, given this name."""
    b = a.briefing
    if b.id == doc_id and b.path == path:
        return a
    return Analysis(replace(b, id=doc_id, path=path),
                    tuple(replace(q, document=doc_id) for q in a.quotes), a.segments)


@contextmanager
def _sync_lock(path: Path, timeout: float) -> Iterator[None]:
    """One writing sync per index at a time, for the whole sync: a progressive sync commits
    (and so lets go of the index's own write lock) several times, and another process must
    not plan its work from a half-done catalog in between."""
    import fcntl

    with open(path, "a+b") as fh:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise IndexBusy(f"index busy: another briefreader is syncing {path.parent} "
                                    f"(waited {timeout:.0f} s)") from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
