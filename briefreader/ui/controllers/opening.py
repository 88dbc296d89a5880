"""Opening briefings: the analysis loaded in a worker (and, ahead of time, the one
under the list cursor), shown in the panes where the briefing was left (or at the
requested passage), with its notes and the hits of the query that opened it."""

from __future__ import annotations

import time

from textual import on, work
from textual.timer import Timer
from textual.worker import get_current_worker

from briefreader.core.errors import BriefreaderError
from briefreader.core.model import Analysis, SyncReport
from briefreader.ui.controllers.base import Controller
from briefreader.ui.controllers.notes import NotesController
from briefreader.ui.controllers.search import SearchController
from briefreader.ui.controllers.sync import SyncController
from briefreader.ui.host import OpenerHost
from briefreader.ui.messages import AnalysisLoaded, Target
from briefreader.ui.reading_positions import ReadingPositions

PREFETCH_DELAY = 0.2  # s the list cursor rests on a briefing before it is loaded ahead


class BriefingOpener(Controller):
    """``analysis`` is the open briefing's."""

    def __init__(self, host: OpenerHost, positions: ReadingPositions, *, notes: NotesController,
                 search: SearchController, sync: SyncController) -> None:
        super().__init__()
        self.host = host
        self.positions = positions
        self.notes, self.search, self.sync = notes, search, sync
        self.analysis: Analysis | None = None
        self._prefetch_timer: Timer | None = None

    def open(self, target: Target) -> None:
        if not target.requested:
            target.requested = time.perf_counter()
        self.remember_position()
        self.positions.save()
        current = self.analysis
        if current is not None and current.briefing.id == target.doc_id:
            self._show(target, current)
            return
        self._load(target)

    def remember_position(self) -> None:
        if self.analysis is not None:
            self.positions.set(self.analysis.briefing.id, self.host.reader.top_offset())

    def follow_index(self, report: SyncReport, ids: set[str]) -> bool:
        """After a sync changed the index: reload the open briefing if it was updated.
        True if it is gone (or none was open)."""
        current = self.analysis.briefing.id if self.analysis else None
        if current is None or current not in ids:
            self.analysis = None
            if current is not None:
                self.host.reader.set_analysis(None)
                self.host.side.set_analysis(None)
            return True
        if report.updated:
            self.remember_position()
            self.analysis = None  # reload: its text may have changed
            self.open(Target(current, self.positions.get(current), exact=True))
        return False

    # -- loading ------------------------------------------------------------------------
    def prefetch_later(self, doc_id: str) -> None:
        """Warm the facade's cache for the briefing under the list cursor (after a pause)."""
        if self._prefetch_timer is not None:
            self._prefetch_timer.stop()
        self._prefetch_timer = self.set_timer(PREFETCH_DELAY, lambda: self._prefetch(doc_id))

    @work(thread=True, exclusive=True, exit_on_error=False, group="prefetch")
    def _prefetch(self, doc_id: str) -> None:
        if self.analysis is not None and self.analysis.briefing.id == doc_id:
            return
        try:
            with self.host.lib_lock:
                if not get_current_worker().is_cancelled:
                    self.host.library.analysis(doc_id)
        except Exception:  # noqa: S110 - a prefetch is only a hint; opening reports errors
            pass

    @work(thread=True, exclusive=True, exit_on_error=False, group="analysis")
    def _load(self, target: Target) -> None:
        t0 = time.perf_counter()
        try:
            with self.host.lib_lock:
                analysis = self.host.library.analysis(target.doc_id)
        except BriefreaderError as exc:
            self.post_message(AnalysisLoaded(target, None, 0.0, str(exc)))
            return
        except Exception as exc:  # a core bug: say so, keep the reader alive
            self.post_message(AnalysisLoaded(target, None, 0.0, f"{type(exc).__name__}: {exc}"))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(AnalysisLoaded(target, analysis, time.perf_counter() - t0))

    @on(AnalysisLoaded)
    def _on_loaded(self, event: AnalysisLoaded) -> None:
        event.stop()
        if event.analysis is None:
            self.sync.start_pending()
            self.notify(event.error or "cannot open this briefing", title="Cannot open", severity="error")
            return
        self.host.metrics["analysis_load"] = event.seconds
        self._show(event.target, event.analysis)

    # -- showing ------------------------------------------------------------------------
    def _show(self, target: Target, analysis: Analysis) -> None:
        host = self.host
        same = self.analysis is not None and self.analysis.briefing.id == analysis.briefing.id
        self.analysis = analysis
        b = analysis.briefing
        reader = host.reader
        if not same:
            offset, exact = target.offset, target.exact
            if offset is None:
                remembered = self.positions.get(b.id)
                if remembered is not None:
                    offset, exact = remembered, True
            mark = (target.offset, target.end) if target.offset is not None and target.end else None
            reader.set_analysis(analysis, offset, mark, exact)
            host.side.set_analysis(analysis)
            host.blist.mark_current(b.id)
            self.notes.load(b.id)
            host.show_header(b)
        elif target.offset is not None:
            reader.jump_to(target.offset, target.end)
        if target.query:
            self.search.load_document_hits(b.id, target.query)
        elif not same:
            host.update_topic_bar()
        self.positions.set(b.id, reader.top_offset() if target.offset is None else target.offset)
        t0 = target.requested

        def painted() -> None:
            if t0:
                host.metrics["open"] = time.perf_counter() - t0
            self.sync.start_pending()  # the first briefing is on screen: now sync

        self.call_after_refresh(painted)
