"""The reader app: wires the panes, the controllers and the core facade (Library).

``BriefreaderApp(library)`` is the factory (tests inject a Library on a temp home);
``run_app(library)`` is what ``briefreader [PATH...]`` calls.

Opening briefings, the index sync, searching and note taking are controllers
(``ui/controllers/``) that see the app through the Protocols of ``ui/host.py``; the
panes' layout is ``widgets/panes.py``. The app composes them, starts up, and routes
the keys and the panes' messages to them.
"""

from __future__ import annotations

import asyncio
import os
import sys
import threading
import time
from typing import Any, ClassVar

from textual import on
from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.events import Resize
from textual.notifications import SeverityLevel
from textual.widgets import Footer

from briefreader.core.model import Analysis, Briefing, DocumentInfo, SyncReport
from briefreader.core.sanitize import clean, one_line
from briefreader.core.state import config_dir, data_dir
from briefreader.ui.app_actions import ArchiveActions
from briefreader.ui.app_panes import PaneAccess
from briefreader.ui.commands import PROVIDERS
from briefreader.ui.controllers.notes import NotesController
from briefreader.ui.controllers.opening import BriefingOpener
from briefreader.ui.controllers.search import SearchController
from briefreader.ui.controllers.sync import SyncController
from briefreader.ui.controllers.sync_pool import start_resource_tracker, stop_pool_workers
from briefreader.ui.host import PaletteHost
from briefreader.ui.keys import APP_BINDINGS, load_keymap
from briefreader.ui.messages import JumpTo, OpenBriefing, PositionChanged, Target
from briefreader.ui.reading_positions import ReadingPositions
from briefreader.ui.widgets.briefing_list import BriefingList, BriefingRows
from briefreader.ui.widgets.header import BriefHeader, source_label
from briefreader.ui.widgets.panes import Panes
from briefreader.ui.widgets.reader import Reader
from briefreader.ui.widgets.search_bar import QUOTES, SearchBar
from briefreader.ui.widgets.search_results import SearchResults
from briefreader.ui.widgets.side_panel import SidePanel
from briefreader.ui.widgets.sync_bar import SyncBar
from briefreader.ui.widgets.topic_bar import TopicBar

SYNC_AT_THE_LATEST = 1.5  # s after the first paint, even if the first briefing is still loading


class BriefreaderApp(PaneAccess, ArchiveActions, App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "briefreader"
    BINDINGS: ClassVar[list[BindingType]] = [*APP_BINDINGS]
    COMMANDS = App.COMMANDS | PROVIDERS

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Every notification as plain text: messages carry file names, titles and
        errors from data, never markup (STYLE.md)."""
        super().notify(clean(message), title=clean(title), severity=severity, timeout=timeout,
                       markup=False)

    def __init__(self, library: Any, *, sync_on_start: bool = True, debounce: float = 0.25,
                 restore: bool = True) -> None:
        super().__init__()
        self.library = library
        self.sync_on_start = sync_on_start
        self.debounce = debounce
        self.restore = restore
        self.documents: list[DocumentInfo] = []
        self.positions = ReadingPositions(data_dir(library.home) / "positions.json")
        self.keymap_path = config_dir(library.home) / "keys.toml"
        self.keymap, self.keymap_problems = load_keymap(self.keymap_path)
        self.lib_lock = threading.Lock()  # one reader of the library at a time (sync writes apart)
        self.metrics: dict[str, float] = {}
        self._t_start = time.perf_counter()
        self.sync = SyncController(self)
        self.search = SearchController(self)
        self.notes = NotesController(self)
        self.opener = BriefingOpener(self, self.positions, notes=self.notes, search=self.search, sync=self.sync)

    # -- layout ---------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield BriefHeader()
        with Panes(id="main"):
            yield BriefingList(id="list")
            with Vertical(id="center"):
                yield SearchBar(self.debounce, id="search-bar")
                yield SearchResults(id="results")
                yield TopicBar("", id="topic-bar")
                yield Reader(id="reader")
            yield SidePanel(id="side")
        yield SyncBar(id="sync")
        yield Footer()
        yield from (self.opener, self.sync, self.search, self.notes)

    @property
    def syncing(self) -> bool:
        return self.sync.syncing

    @property
    def searchable(self) -> tuple[int, int] | None:
        return self.sync.searchable

    def on_mount(self) -> None:
        if self.restore and self.positions.theme in self.available_themes:
            self.theme = self.positions.theme  # as it was left
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self.keymap:
            self.set_keymap(self.keymap)
        for problem in self.keymap_problems:
            self.notify(problem, title="Key map", severity="warning", timeout=8)
        for message in getattr(self.library, "messages", []):
            self.notify(message, title="Index", severity="warning", markup=False)
        self.main.apply_width(self.size.width)
        self.documents = self.library.documents()
        self.blist.set_documents(self.documents)
        self.side.set_analysis(None)
        self.side.set_notes(None)
        self.sync_bar.display = self.sync_on_start
        self.call_after_refresh(self._first_paint)

    def _first_paint(self) -> None:
        """The first screen is up: now load the briefing, then sync (their threads would
        otherwise compete with the first paint, and each other, for the interpreter)."""
        self.metrics["first_paint"] = time.perf_counter() - self._t_start
        self.sync.pending = self.sync_on_start
        self._open_initial()
        if self.analysis is None and self.workers_in("analysis") == 0:
            self.sync.start_pending()
        elif self.sync.pending:
            self.set_timer(SYNC_AT_THE_LATEST, self.sync.start_pending)

    def workers_in(self, group: str) -> int:
        return sum(1 for w in self.workers if w.group == group and not w.is_finished)

    def _open_initial(self) -> None:
        """Reopen the briefing last read (where it was left), else the newest one."""
        if not self.documents:
            self.reader.focus()  # its hint says: l for the list, / to search
            return
        ids = {d.id for d in self.documents}
        last = self.positions.last if self.restore else None
        doc_id = last if last in ids else self.documents[0].id
        self.open_target(Target(doc_id))
        self.reader.focus()

    def on_resize(self, event: Resize) -> None:
        self.main.apply_width(event.size.width)

    # -- panes ----------------------------------------------------------------------
    @property
    def narrow(self) -> bool:
        return self.main.narrow

    def list_shown(self) -> bool:
        return self.main.list_shown()

    def side_shown(self) -> bool:
        return self.main.side_shown()

    def action_toggle_list(self) -> None:
        self.main.toggle_list()

    def action_toggle_side(self) -> None:
        self.main.toggle_side()

    def action_side_tab(self, tab: str) -> None:
        self.main.show_side_tab(tab)

    def action_close(self) -> None:
        focused = self.focused
        main = self.main
        if main.searching:
            self.main.close_search()
            self.reader.focus()
            return
        if focused is not None and focused.id == "filter":
            if not self.blist.clear_filter():
                if main.narrow:
                    main.remove_class("-list-open")
                self.reader.focus()
            return
        if main.narrow and (main.has_class("-list-open") or main.has_class("-side-open")):
            self.main.back_to_reader()
            return
        if focused is not self.reader:
            self.reader.focus()
            return
        if self.reader.clear_selection():
            return
        if self.reader.hits:
            self.reader.set_hits([], None)
            self.update_topic_bar()

    def action_help(self) -> None:
        from briefreader.ui.screens.help import HelpScreen, display_path  # on demand: keeps the start fast

        self.push_screen(HelpScreen(self.keymap, display_path(self.keymap_path, self.library.home)))

    def set_theme(self, name: str) -> None:
        self.theme = name

    def _theme_changed(self, theme: Any) -> None:
        """Any change of theme (ours or Textual's own command) is kept for next time."""
        self.positions.set_theme(theme.name)
        self.positions.save()

    # -- opening briefings -------------------------------------------------------------
    @property
    def analysis(self) -> Analysis | None:
        """The open briefing's analysis."""
        return self.opener.analysis

    @analysis.setter
    def analysis(self, analysis: Analysis | None) -> None:
        self.opener.analysis = analysis

    def open_target(self, target: Target) -> None:
        self.opener.open(target)

    @on(OpenBriefing)
    def _on_open(self, event: OpenBriefing) -> None:
        event.stop()
        self.open_target(event.target)
        self.main.back_to_reader()

    @on(BriefingRows.Highlighted)
    def _on_list_highlight(self, event: BriefingRows.Highlighted) -> None:
        self.opener.prefetch_later(event.doc_id)

    def show_header(self, briefing: Briefing) -> None:
        b = briefing
        self.title = one_line(b.title or b.id)  # (a file name is not cleaned where it enters)
        meta = one_line(" · ".join((b.date or "undated", b.format, source_label(b.source_url, b.path))))
        self.sub_title = meta
        self.query_one(BriefHeader).show(self.title, meta)

    def index_changed(self, report: SyncReport) -> None:
        """The sync added, updated or removed briefings: refresh the list, and reopen the
        open briefing if it changed (or another one if it is gone)."""
        self.documents = self.library.documents()
        self.blist.set_documents(self.documents)
        gone = self.opener.follow_index(report, {d.id for d in self.documents})
        if (gone or self.analysis is None) and self.documents:
            self._open_initial()
        self.search.search_again()
        self.notes.marks()

    def index_grew(self) -> None:
        """A first sync listed or saved more briefings: list them, open the newest if
        none is open, search again."""
        self.documents = self.library.documents()
        self.blist.set_documents(self.documents)
        if self.analysis is None and self.workers_in("analysis") == 0 and self.documents:
            self._open_initial()
        self.search.search_again()

    # -- moving in the open briefing ------------------------------------------------------
    @on(JumpTo)
    def _on_jump(self, event: JumpTo) -> None:
        event.stop()
        if event.segment is not None:
            self.jump_to_segment(event.segment)
        else:
            self.reader.jump_to(event.start, event.end)
        self.main.back_to_reader()

    def jump_to_segment(self, index: int) -> None:
        if self.analysis is not None and self.reader.jump_to_segment(index):
            self.main.back_to_reader()

    def jump_to_speaker(self, name: str) -> None:
        if self.analysis is not None and self.reader.jump_to_speaker(name):
            self.main.back_to_reader()

    @on(PositionChanged)
    def _on_position(self, event: PositionChanged) -> None:
        self.opener.remember_position()
        self.side.topics.follow(event.segment)
        self.update_topic_bar()

    def update_topic_bar(self) -> None:
        self.query_one(TopicBar).show_position(self.analysis, self.reader)

    # -- search ---------------------------------------------------------------------------
    def action_search_quotes(self) -> None:
        self.open_search(QUOTES)

    def open_search(self, mode: str) -> None:
        self.main.open_search()
        self.search_bar.open(mode)

    def action_toggle_search_mode(self) -> None:
        self.search_bar.action_toggle_mode()

    @on(SearchBar.Requested)
    def _on_search_requested(self, event: SearchBar.Requested) -> None:
        self.search.request(event.query, event.mode, event.speaker, event.go)
        if event.go:
            self.search_bar.remember(event.query)

    @on(SearchBar.Browse)
    def _on_browse(self) -> None:
        if self.results.option_count:
            self.results.focus()

    @on(SearchResults.More)
    def _on_more(self) -> None:
        self.search.more()

    # -- sync and notes: the controllers' keys ---------------------------------------------
    def action_resync(self) -> None:
        self.sync.resync()
        if self.analysis is not None:  # notes another process added or changed meanwhile
            self.notes.load(self.analysis.briefing.id)

    def action_failed(self) -> None:
        self.sync.show_failed()

    def action_annotate(self) -> None:
        self.notes.annotate()

    def action_edit_note(self) -> None:
        self.notes.edit()

    def action_delete_note(self) -> None:
        self.notes.delete()

    def action_undo(self) -> None:
        self.notes.undo()

    # -- quitting ---------------------------------------------------------------------------------
    def on_unmount(self) -> None:
        self.positions.save()


_PALETTE_HOST: type[PaletteHost] = BriefreaderApp  # the palette's providers see the app as this


def run_app(library: Any) -> int:
    start_resource_tracker()
    app = BriefreaderApp(library)
    loop = asyncio.new_event_loop()
    try:
        # our own loop: asyncio.run() would join the sync's thread before returning
        app.run(loop=loop)
        if not app.sync.idle.wait(2.0):
            # a sync thread cannot be interrupted inside the analysis: leave without it
            # (its transactions roll back and the OS releases the index lock)
            stop_pool_workers()
            sys.stderr.write("briefreader: stopped while indexing; the next start goes on with it\n")
            sys.stderr.flush()
            os._exit(app.return_code or 0)
        loop.run_until_complete(loop.shutdown_default_executor())
    finally:
        if not loop.is_closed():
            loop.close()
    try:
        library.close()
    except Exception:  # noqa: S110 - closing at exit: nothing left to tell the user
        pass
    return app.return_code or 0
