"""Whoosh writers of the passage index: the merge policy of every commit, and the
parallel writer of a large sync (one segment per indexing process)."""

from __future__ import annotations

import multiprocessing
import os
import queue as _queue
from typing import Any

from whoosh import multiproc as _multiproc
from whoosh.writing import MERGE_SMALL, SegmentWriter

from briefreader.core.errors import BriefreaderError
from briefreader.core.processes import exit_with_parent

PROC_LIMITMB = 64  # per indexing process: Whoosh's estimate; the real memory is about twice


def merge_policy(writer: Any, segments: list[Any]) -> list[Any]:
    """Whoosh's MERGE_SMALL, after dropping the segments whose documents were all
    deleted (a sync that re-analyses everything -- a new version of the analysing
    code -- leaves the old segments empty; searching them still scans all their
    postings: word searches were 3-7x slower until they were merged, which Whoosh
    does not do for large segments)."""
    return MERGE_SMALL(writer, [seg for seg in segments if seg.doc_count() > 0])


class _SubWriter(_multiproc.SubWriterTask):
    """Whoosh's indexing subprocess, started by the forkserver (forking a process with
    threads, such as the reader's, is unsafe) and exiting if its parent dies."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.daemon = True
        self.parent = os.getpid()

    @staticmethod
    def _Popen(process_obj: Any) -> Any:  # noqa: N802 - multiprocessing's name
        from multiprocessing.popen_forkserver import Popen

        return Popen(process_obj)

    def run(self) -> None:
        exit_with_parent(self.parent)
        super().run()


class ParallelWriter(_multiproc.MpWriter):
    """Whoosh's MpWriter with one segment per process (``multisegment``: no merge at
    commit), forkserver processes, a cancel that stops them, and a commit that fails
    rather than lose the documents of a process that died."""

    def __init__(self, ix: Any, procs: int, **kwargs: Any) -> None:
        super().__init__(ix, procs=procs, multisegment=True, **kwargs)
        ctx = multiprocessing.get_context("forkserver")
        self.jobqueue = ctx.Queue(self.procs * 4)
        self.resultqueue = ctx.Queue()

    def _new_task(self) -> Any:
        task = _SubWriter(self.storage, self.indexname, self.jobqueue, self.resultqueue,
                          self.subargs, self.multisegment)
        self.tasks.append(task)
        task.start()
        return task

    def cancel(self) -> None:
        for task in self.tasks:
            task.terminate()
        for task in self.tasks:
            task.join()
        SegmentWriter.cancel(self)

    def _commit(self, mergetype: Any, optimize: Any, merge: Any) -> None:
        if self.docbuffer:
            self._enqueue()
        for _task in self.tasks:
            self.jobqueue.put(None)
        finalsegments = self._merge_segments(mergetype, optimize, merge)
        results: list[Any] = []
        failed = False
        while len(results) < len(self.tasks) and not failed:  # read before joining
            try:
                results.append(self.resultqueue.get(timeout=0.5))
            except _queue.Empty:
                failed = any(t.exitcode not in (None, 0) for t in self.tasks) or all(
                    t.exitcode is not None for t in self.tasks)
        for task in self.tasks:
            task.join()
        if failed or any(task.exitcode != 0 for task in self.tasks):
            self.cancel()
            raise BriefreaderError("an indexing process failed; nothing was written")
        finalsegments += [seg for _run, _names, seg in results]
        if self._added:
            finalsegments.append(self._finalize_segment())
        else:
            self._close_segment()
        self._commit_toc(finalsegments)
        self._finish()
