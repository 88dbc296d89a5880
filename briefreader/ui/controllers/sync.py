"""The index sync: started once the first briefing is on screen (or on r), run in a
thread worker, its progress and outcome shown in the sync bar and notifications;
the files that failed (f)."""

from __future__ import annotations

import threading
import time

from textual import on, work
from textual.timer import Timer
from textual.worker import get_current_worker

from briefreader.core.errors import BriefreaderError, IndexBusy
from briefreader.ui.controllers.base import Controller
from briefreader.ui.controllers.sync_pool import nice_pool_workers
from briefreader.ui.host import SyncHost
from briefreader.ui.messages import IndexGrew, SyncFinished, SyncProgress, SyncStage


class SyncController(Controller):
    def __init__(self, host: SyncHost) -> None:
        super().__init__()
        self.host = host
        self.syncing = False
        self.pending = False  # to start once the first briefing is on screen
        self.idle = threading.Event()  # no sync thread is running
        self.idle.set()
        self._started = 0.0
        self._seen_progress = False
        self._niced: set[int] = set()
        self._ticker: Timer | None = None
        self.searchable: tuple[int, int] | None = None  # (analysed, of total) while a sync runs

    def start_pending(self) -> None:
        if self.pending:
            self.pending = False
            self.start()

    def start(self) -> None:
        self.syncing = True
        self._started = time.monotonic()
        self._seen_progress = False
        self.searchable = None
        self.host.sync_bar.checking()
        self._sync()
        self._ticker = self.set_interval(1.0, self._tick)

    def resync(self) -> None:
        if self.syncing:
            self.notify("Indexing is already running", timeout=3)
            return
        self.start()

    def _tick(self) -> None:
        """Until the first file is indexed the core gives no progress: show it is alive.
        Also lower the priority of the sync's analysing processes: the reader comes first."""
        if not self.syncing:
            if self._ticker is not None:
                self._ticker.stop()
            return
        nice_pool_workers(self._niced)
        if not self._seen_progress:
            elapsed = int(time.monotonic() - self._started)
            if elapsed >= 2:
                self.host.sync_bar.say(
                    f"Analysing new or changed briefings… {elapsed} s "
                    "(the reader works meanwhile; briefings become searchable as they are saved)")

    @work(thread=True, exclusive=True, exit_on_error=False, group="sync")
    def _sync(self) -> None:
        self.idle.clear()
        try:
            self._sync_body()
        finally:
            self.idle.set()

    def _sync_body(self) -> None:
        worker = get_current_worker()
        last = [0.0]

        def progress(done: int, total: int, path: str) -> None:
            now = time.monotonic()
            if done == total or now - last[0] > 0.1:
                last[0] = now
                self.post_message(SyncProgress(done, total, path))

        def published(done: int, total: int) -> None:
            self.post_message(IndexGrew(done, total))

        def stage(text: str) -> None:
            self.post_message(SyncStage(text))

        try:
            report = self.host.library.sync(progress=progress, cancelled=lambda: worker.is_cancelled,
                                            published=published, stage=stage)
        except IndexBusy as exc:
            self.post_message(SyncFinished(None, str(exc), busy=True))
        except Exception as exc:
            self.post_message(SyncFinished(None, f"{type(exc).__name__}: {exc}"))
        else:
            self.post_message(SyncFinished(report))

    @on(SyncProgress)
    def _on_progress(self, event: SyncProgress) -> None:
        event.stop()
        self._seen_progress = True
        self.host.sync_bar.progress(event.done, event.total, event.path)

    @on(IndexGrew)
    def _on_grew(self, event: IndexGrew) -> None:
        event.stop()
        self.searchable = (event.done, event.total)
        self.host.index_grew()

    @on(SyncStage)
    def _on_stage(self, event: SyncStage) -> None:
        event.stop()
        self._seen_progress = True
        self.host.sync_bar.say(event.text)

    @on(SyncFinished)
    def _on_finished(self, event: SyncFinished) -> None:
        event.stop()
        self.syncing = False
        self.searchable = None
        self.host.sync_bar.display = False
        if event.report is None:
            if event.busy:
                self.notify(event.error or "index busy", title="Index busy", severity="warning", timeout=8)
            else:
                self.notify(event.error or "indexing failed", title="Indexing failed", severity="error",
                            timeout=10)
            return
        r = event.report
        changed = r.added + r.updated + r.removed
        if changed or r.failed:
            msg = f"{r.added} added, {r.updated} updated, {r.removed} removed"
            if r.failed:
                msg += f", {len(r.failed)} failed (press f)"
            self.notify(msg, title="Index updated", severity="warning" if r.failed else "information")
        if changed:
            self.host.index_changed(r)
        elif r.failed:
            self.host.index_grew()  # rows listed before their analysis failed are gone

    def show_failed(self) -> None:
        """The files that could not be indexed, and why."""
        library = self.host.library
        try:
            failed = library.failed()
        except BriefreaderError as exc:
            self.notify(str(exc), severity="error")
            return
        from briefreader.ui.screens.failed import FailedScreen  # on demand (DataTable)

        self.app.push_screen(FailedScreen(failed, [str(r) for r in library.roots]))
