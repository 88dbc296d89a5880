"""The Whoosh index on disk: opening (or creating, or rebuilding) it in a directory
we created, its one writer, and the current searcher."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import whoosh
import whoosh.index as windex
from whoosh.filedb.filestore import FileStorage
from whoosh.util.filelock import try_for
from whoosh.writing import NO_MERGE, LockError

from briefreader.core.errors import BriefreaderError, IndexBusy
from briefreader.core.search.schema import make_schema
from briefreader.core.search.writers import PROC_LIMITMB, ParallelWriter, merge_policy

if whoosh.__version__ < (2, 7, 5):  # pragma: no cover - guards against the unmaintained "Whoosh"
    raise ImportError(f"briefreader needs whoosh-reloaded 2.7.5, found {whoosh.__version__}")

# 3: quotes of kind "indirect"; 4: a quote's context (fields "around", "topic")
INDEX_FORMAT = "briefreader-passages-4"
_WRITELOCK = f"{windex._DEF_INDEX_NAME}_WRITELOCK"


def _storage(directory: Path) -> FileStorage:
    """The index's files, read without mmap: whoosh-reloaded opens a segment of a
    mapped storage by copying its postings and term files out of the map into a
    BytesIO, for every reader -- 280 MB and 0.2 s per searcher for 1,154 briefings,
    2.7 GB and 1-2 s for the 10x corpus (each delete_by_term, doc_count and search in
    a new process paid it). Unmapped, a segment file is read where needed."""
    return FileStorage(str(directory), supports_mmap=False)


def _give_up(writer: Any) -> None:
    """Cancel a writer whose documents or commit failed; a commit that failed half-way
    may have closed it already, or may fail to cancel: its lock is released anyway."""
    try:
        writer.cancel()
    except Exception:  # noqa: BLE001 - the write's own error is what the caller sees
        lock = getattr(writer, "writelock", None)
        if lock is not None:
            try:
                lock.release()
            except Exception:  # noqa: BLE001
                pass
        tempstorage = getattr(writer, "_tempstorage", None)
        if tempstorage is not None:
            try:
                tempstorage.destroy()
            except Exception:  # noqa: BLE001
                pass


class IndexStore:
    """A Whoosh index in a directory we created (never one from elsewhere)."""

    def __init__(self, directory: Path, lock_timeout: float = 10.0) -> None:
        self.dir = directory
        self.lock_timeout = lock_timeout
        self.schema = make_schema()
        self.rebuilt_reason: str | None = None
        self._ix = self._open()
        self._searcher: Any = None
        self._searcher_gen: int | None = None

    # -- opening -----------------------------------------------------------------
    # Whoosh's table of contents holds pickles, so a directory is opened only when it
    # carries our FORMAT marker (we write it in our own state home, never elsewhere).
    # A directory that is empty is created, one that is foreign or unreadable is
    # rebuilt; both only while holding the write lock, so a directory another process
    # is writing (or rebuilding) is never deleted under its feet.
    _OPEN_TRIES = 4

    def _open(self) -> Any:
        self.dir.mkdir(parents=True, exist_ok=True)
        ix, problem = self._try_open()
        for attempt in range(1, self._OPEN_TRIES):
            if ix is not None or problem is None:
                break
            time.sleep(0.1 * attempt)  # another process may be committing: look again
            ix, problem = self._try_open()
        if ix is not None:
            return ix
        lock = FileStorage(str(self.dir)).lock(_WRITELOCK)  # the lock Whoosh's writers take
        if not try_for(lock.acquire, timeout=self.lock_timeout, delay=0.1):
            raise IndexBusy(f"index busy: another briefreader is writing {self.dir} "
                            f"(waited {self.lock_timeout:.0f} s)")
        try:
            ix, again = self._try_open()  # it may have been created or rebuilt meanwhile
            if ix is not None:
                return ix
            problem = problem or again
            for entry in self.dir.iterdir():
                if entry.name == _WRITELOCK:
                    continue
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry, ignore_errors=True)
                else:
                    entry.unlink(missing_ok=True)
            ix = windex.FileIndex.create(_storage(self.dir), self.schema)
            tmp = self.dir / "FORMAT.tmp"
            tmp.write_text(INDEX_FORMAT + "\n")
            tmp.replace(self.dir / "FORMAT")
            if problem:
                self.rebuilt_reason = f"index at {self.dir} {problem}; rebuilt"
            return ix
        finally:
            lock.release()

    def _try_open(self) -> tuple[Any, str | None]:
        """(index, None) when readable; (None, None) when there is no index at all;
        (None, why) when the directory holds something we must not or cannot read."""
        names = {p.name for p in self.dir.iterdir()} - {_WRITELOCK}
        if not names:
            return None, None
        try:
            marker = (self.dir / "FORMAT").read_text(encoding="utf-8", errors="replace").strip()
        except OSError:
            return None, "is not a briefreader index (no FORMAT marker)"
        if marker != INDEX_FORMAT:
            return None, f"has another format ({marker[:40]!r}, expected {INDEX_FORMAT!r})"
        try:
            ix = _storage(self.dir).open_index(schema=self.schema)
            with ix.searcher() as s:  # touch the TOC and every segment's files
                s.doc_count_all()
                list(s.lexicon("kind"))
            return ix, None
        except OSError as exc:
            if isinstance(exc, FileNotFoundError):  # a segment the table of contents names is gone
                return None, f"was unreadable ({type(exc).__name__})"
            raise BriefreaderError(f"cannot read the index at {self.dir}: {exc.strerror or exc}") from None
        except Exception as exc:  # corrupt, truncated or half-written
            return None, f"was unreadable ({type(exc).__name__})"

    @property
    def created_fresh(self) -> bool:
        return self.doc_count() == 0

    def doc_count(self) -> int:
        return int(self._ix.doc_count())

    # -- writing -----------------------------------------------------------------
    @contextmanager
    def writer(self, procs: int = 1, merge: bool = True) -> Iterator[Any]:
        """The index's one writer. With ``procs > 1`` the documents are indexed by that
        many processes, each adding its own segment (a large sync uses both cores)."""
        try:
            if procs > 1:
                w = ParallelWriter(self._ix, procs, timeout=self.lock_timeout, limitmb=PROC_LIMITMB)
            else:
                w = self._ix.writer(timeout=self.lock_timeout, limitmb=256)
        except LockError:
            raise IndexBusy(
                f"index busy: another briefreader is writing {self.dir} (waited {self.lock_timeout:.0f} s)"
            ) from None
        try:
            yield w
            w.commit(mergetype=merge_policy if merge else NO_MERGE)
        except BaseException:
            _give_up(w)
            self._remove_unused_files()
            raise
        else:
            self._drop_searcher()

    def _remove_unused_files(self) -> None:
        """After a failed write (a full disk): remove the files no committed table of
        contents names -- the half-written segment, Whoosh's ``*.tmp`` folders of
        ``*.ctmp`` files -- so that they do not pile up with each try and keep the
        disk full. Only while holding the write lock (another process's segment in
        the making is unnamed too); when it is busy, the next failure or commit cleans."""
        storage = FileStorage(str(self.dir))
        lock = storage.lock(_WRITELOCK)
        try:
            if not lock.acquire(blocking=False):
                return
        except OSError:
            return
        try:
            gen = windex.TOC._latest_generation(storage, windex._DEF_INDEX_NAME)
            segments = windex.TOC.read(storage, windex._DEF_INDEX_NAME, gen).segments if gen >= 0 else []
            windex.clean_files(storage, windex._DEF_INDEX_NAME, gen, segments)
            for entry in self.dir.iterdir():
                if entry.suffix == ".tmp" and entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry, ignore_errors=True)
        except Exception:  # noqa: BLE001 - cleaning is best effort: the write's own error is raised
            pass
        finally:
            lock.release()

    # -- reading -----------------------------------------------------------------
    def _drop_searcher(self) -> None:
        # Not closed here: another thread (the reader searching while a sync commits)
        # may still be reading with it; its files close when it is collected.
        self._searcher = None

    def searcher(self) -> Any:
        # whoosh-reloaded's searcher.refresh() can return stale documents: a new
        # searcher is opened whenever the index generation changed.
        gen = self._ix.latest_generation()
        if self._searcher is None or gen != self._searcher_gen:
            self._drop_searcher()
            self._ix = _storage(self.dir).open_index(schema=self.schema)
            self._searcher = self._ix.searcher()
            self._searcher_gen = gen
        return self._searcher

    def close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
        self._searcher = None
