"""The reader app: wires the panes, the workers and the core facade (Library).

``BriefreaderApp(library)`` is the factory (tests inject a Library on a temp home);
``run_app(library)`` is what ``briefreader [PATH...]`` calls.
"""

from __future__ import annotations

import asyncio
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any, ClassVar

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.timer import Timer
from textual.widgets import Footer, ProgressBar, Static
from textual.worker import get_current_worker

from briefreader.core.errors import BriefreaderError, IndexBusy, QueryError
from briefreader.core.model import Analysis, DocumentInfo, Note
from briefreader.core.state import config_dir, data_dir
from briefreader.ui.commands import PROVIDERS
from briefreader.ui.keys import APP_BINDINGS, load_keymap
from briefreader.ui.messages import (
    AnalysisLoaded,
    DocumentHits,
    JumpTo,
    NotesChanged,
    OpenBriefing,
    PositionChanged,
    SearchDone,
    SearchFailed,
    SearchRequest,
    SyncFinished,
    SyncProgress,
    Target,
)
from briefreader.ui.notes_ui import NotesController
from briefreader.ui.reading_positions import ReadingPositions
from briefreader.ui.widgets.briefing_list import BriefingList, BriefingRows
from briefreader.ui.widgets.header import BriefHeader, source_label
from briefreader.ui.widgets.reader import Reader
from briefreader.ui.widgets.search_bar import PASSAGES, QUOTES, SearchBar
from briefreader.ui.widgets.search_results import SearchResults
from briefreader.ui.widgets.side_panel import SidePanel

NARROW = 100  # below: the list and the side panel are toggles that take the screen
MEDIUM = 130  # below: list and reader, the side panel on demand (t)
WIDE = 160  # from here the panes get their full widths
TIERS = ("-narrow", "-medium", "-large", "-wide")


def _tier(width: int) -> str:
    if width < NARROW:
        return "-narrow"
    if width < MEDIUM:
        return "-medium"
    return "-large" if width < WIDE else "-wide"

SEARCH_LIMIT = 50
SYNC_AT_THE_LATEST = 1.5  # s after the first paint, even if the first briefing is still loading
PREFETCH_DELAY = 0.2  # s the list cursor rests on a briefing before it is loaded ahead


class BriefreaderApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "briefreader"
    BINDINGS: ClassVar[list[BindingType]] = [*APP_BINDINGS]
    COMMANDS = App.COMMANDS | PROVIDERS

    def __init__(self, library: Any, *, sync_on_start: bool = True, debounce: float = 0.25,
                 restore: bool = True) -> None:
        super().__init__()
        self.library = library
        self.sync_on_start = sync_on_start
        self.debounce = debounce
        self.restore = restore
        self.documents: list[DocumentInfo] = []
        self.analysis: Analysis | None = None
        self.positions = ReadingPositions(data_dir(library.home) / "positions.json")
        self.keymap_path = config_dir(library.home) / "keys.toml"
        self.keymap, self.keymap_problems = load_keymap(self.keymap_path)
        self.lib_lock = threading.Lock()  # one reader of the library at a time (sync writes apart)
        self.search_seq = 0
        self.syncing = False
        self.sync_idle = threading.Event()  # no sync thread is running
        self.sync_idle.set()
        self._sync_started = 0.0
        self._sync_seen_progress = False
        self._niced: set[int] = set()
        self._tier = ""
        self._sync_pending = False
        self.metrics: dict[str, float] = {}
        self._t_start = time.perf_counter()
        self._t_search: float = 0.0
        self._prefetch_timer: Timer | None = None
        self.notes_ui = NotesController(self)

    # -- layout ---------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield BriefHeader()
        with Horizontal(id="main"):
            yield BriefingList(id="list")
            with Vertical(id="center"):
                yield SearchBar(self.debounce, id="search-bar")
                yield SearchResults(id="results")
                yield Static("", id="topic-bar")
                yield Reader(id="reader")
            yield SidePanel(id="side")
        with Horizontal(id="sync"):
            yield Static("Checking the index…", id="sync-label")
            yield ProgressBar(id="sync-progress", show_eta=False, show_percentage=True)
        yield Footer()

    @property
    def reader(self) -> Reader:
        return self.query_one(Reader)

    @property
    def blist(self) -> BriefingList:
        return self.query_one(BriefingList)

    @property
    def side(self) -> SidePanel:
        return self.query_one(SidePanel)

    @property
    def search_bar(self) -> SearchBar:
        return self.query_one(SearchBar)

    @property
    def results(self) -> SearchResults:
        return self.query_one(SearchResults)

    @property
    def main(self) -> Horizontal:
        return self.query_one("#main", Horizontal)

    def on_mount(self) -> None:
        if self.restore and self.positions.theme in self.available_themes:
            self.theme = self.positions.theme  # as it was left
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self.keymap:
            self.set_keymap(self.keymap)
        for problem in self.keymap_problems:
            self.notify(problem, title="Key map", severity="warning", timeout=8)
        for message in getattr(self.library, "messages", []):
            self.notify(message, title="Index", severity="warning")
        self._apply_width(self.size.width)
        self.documents = self.library.documents()
        self.blist.set_documents(self.documents)
        self.side.set_analysis(None)
        self.side.set_notes(None)
        self.query_one("#sync").display = self.sync_on_start
        self.call_after_refresh(self._first_paint)

    def _first_paint(self) -> None:
        """The first screen is up: now load the briefing, then sync (their threads would
        otherwise compete with the first paint, and each other, for the interpreter)."""
        self.metrics["first_paint"] = time.perf_counter() - self._t_start
        self._sync_pending = self.sync_on_start
        self._open_initial()
        if self.analysis is None and self.workers_in("analysis") == 0:
            self._start_pending_sync()
        elif self._sync_pending:
            self.set_timer(SYNC_AT_THE_LATEST, self._start_pending_sync)

    def workers_in(self, group: str) -> int:
        return sum(1 for w in self.workers if w.group == group and not w.is_finished)

    def _start_pending_sync(self) -> None:
        if self._sync_pending:
            self._sync_pending = False
            self.start_sync()

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
        self._apply_width(event.size.width)

    def _apply_width(self, width: int) -> None:
        """Pick the layout for the terminal's width; on a change of tier the panes go
        back to that tier's defaults."""
        tier = _tier(width)
        main = self.main
        if tier == self._tier:
            return
        self._tier = tier
        for name in TIERS:
            main.set_class(name == tier, name)
        main.remove_class("-list-open", "-side-open", "-hide-list")
        main.set_class(tier == "-medium", "-hide-side")

    # -- panes ----------------------------------------------------------------------
    @property
    def narrow(self) -> bool:
        return self.main.has_class("-narrow")

    def list_shown(self) -> bool:
        m = self.main
        return m.has_class("-list-open") if self.narrow else not m.has_class("-hide-list")

    def side_shown(self) -> bool:
        m = self.main
        return m.has_class("-side-open") if self.narrow else not m.has_class("-hide-side")

    def action_toggle_list(self) -> None:
        """Show and focus the list; if it has the focus already, hide it."""
        m = self.main
        if self.list_shown() and not self._focus_within("#list"):
            self.blist.focus_list()
            return
        if self.narrow:
            opening = not m.has_class("-list-open")
            m.remove_class("-side-open")
            m.set_class(opening, "-list-open")
        else:
            opening = m.has_class("-hide-list")
            m.set_class(not opening, "-hide-list")
            if opening and self._tier == "-medium":
                m.add_class("-hide-side")  # medium width: one side pane at a time
        if opening:
            self.blist.focus_list()
        else:
            self.reader.focus()

    def action_toggle_side(self) -> None:
        """Show and focus the side panel; if it has the focus already, hide it."""
        m = self.main
        if self.side_shown() and not self._focus_within("#side"):
            self.side.activate(self.side.active or "quotes")
            return
        if self.narrow:
            opening = not m.has_class("-side-open")
            m.remove_class("-list-open")
            m.set_class(opening, "-side-open")
        else:
            opening = m.has_class("-hide-side")
            m.set_class(not opening, "-hide-side")
            if opening and self._tier == "-medium":
                m.add_class("-hide-list")  # medium width: one side pane at a time
        if opening:
            self.side.activate(self.side.active or "quotes")
        else:
            self.reader.focus()

    def _focus_within(self, selector: str) -> bool:
        focused = self.focused
        return focused is not None and any(
            node.id == selector.lstrip("#") for node in focused.ancestors_with_self)

    def action_side_tab(self, tab: str) -> None:
        m = self.main
        if self.narrow:
            m.remove_class("-list-open")
            m.add_class("-side-open")
        else:
            m.remove_class("-hide-side")
            if self._tier == "-medium":
                m.add_class("-hide-list")
        self.side.activate(tab)

    def _back_to_reader(self) -> None:
        """After opening or jumping: in a narrow terminal the reader takes the screen again."""
        self.main.remove_class("-list-open", "-side-open")
        self.close_search()
        self.reader.focus()

    def action_close(self) -> None:
        focused = self.focused
        if self.main.has_class("-searching"):
            self.close_search()
            self.reader.focus()
            return
        if focused is not None and focused.id == "filter":
            if not self.blist.clear_filter():
                if self.narrow:
                    self.main.remove_class("-list-open")
                self.reader.focus()
            return
        if self.narrow and (self.main.has_class("-list-open") or self.main.has_class("-side-open")):
            self._back_to_reader()
            return
        if focused is not self.reader:
            self.reader.focus()
            return
        if self.reader.clear_selection():
            return
        if self.reader.hits:
            self.reader.set_hits([], None)
            self._update_topic_bar()

    def action_help(self) -> None:
        from briefreader.ui.screens.help import HelpScreen  # on demand: keeps the start fast

        self.push_screen(HelpScreen(self.keymap, self._display_path(self.keymap_path)))

    def _display_path(self, path: Path) -> str:
        home = self.library.home
        if home is not None and path.is_relative_to(home):
            return f"$BRIEFREADER_HOME/{path.relative_to(home)}"
        user = Path.home()
        return f"~/{path.relative_to(user)}" if path.is_relative_to(user) else str(path)

    def action_failed(self) -> None:
        try:
            failed = self.library.failed()
        except BriefreaderError as exc:
            self.notify(str(exc), severity="error")
            return
        from briefreader.ui.screens.failed import FailedScreen  # on demand (DataTable)

        self.push_screen(FailedScreen(failed, [str(r) for r in self.library.roots]))

    def set_theme(self, name: str) -> None:
        self.theme = name

    def _theme_changed(self, theme: Any) -> None:
        """Any change of theme (ours or Textual's own command) is kept for next time."""
        self.positions.set_theme(theme.name)
        self.positions.save()

    # -- opening briefings -------------------------------------------------------------
    def open_target(self, target: Target) -> None:
        if not target.requested:
            target.requested = time.perf_counter()
        self._remember_position()
        self.positions.save()
        current = self.analysis
        if current is not None and current.briefing.id == target.doc_id:
            self._show_loaded(target, current)
            return
        self._load_analysis(target)

    @on(OpenBriefing)
    def _on_open(self, event: OpenBriefing) -> None:
        event.stop()
        self.open_target(event.target)
        self._back_to_reader()

    @on(BriefingRows.Highlighted)
    def _on_list_highlight(self, event: BriefingRows.Highlighted) -> None:
        """Warm the facade's cache for the briefing under the list cursor (after a pause)."""
        if self._prefetch_timer is not None:
            self._prefetch_timer.stop()
        self._prefetch_timer = self.set_timer(PREFETCH_DELAY, lambda: self._prefetch(event.doc_id))

    @work(thread=True, exclusive=True, exit_on_error=False, group="prefetch")
    def _prefetch(self, doc_id: str) -> None:
        if self.analysis is not None and self.analysis.briefing.id == doc_id:
            return
        try:
            with self.lib_lock:
                if not get_current_worker().is_cancelled:
                    self.library.analysis(doc_id)
        except Exception:  # noqa: S110 - a prefetch is only a hint; opening reports errors
            pass

    @work(thread=True, exclusive=True, exit_on_error=False, group="analysis")
    def _load_analysis(self, target: Target) -> None:
        t0 = time.perf_counter()
        try:
            with self.lib_lock:
                analysis = self.library.analysis(target.doc_id)
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
        if event.analysis is None:
            self._start_pending_sync()
            self.notify(event.error or "cannot open this briefing", title="Cannot open", severity="error")
            return
        self.metrics["analysis_load"] = event.seconds
        self._show_loaded(event.target, event.analysis)

    def _show_loaded(self, target: Target, analysis: Analysis) -> None:
        same = self.analysis is not None and self.analysis.briefing.id == analysis.briefing.id
        self.analysis = analysis
        b = analysis.briefing
        reader = self.reader
        if not same:
            offset, exact = target.offset, target.exact
            if offset is None:
                remembered = self.positions.get(b.id)
                if remembered is not None:
                    offset, exact = remembered, True
            mark = (target.offset, target.end) if target.offset is not None and target.end else None
            reader.set_analysis(analysis, offset, mark, exact)
            self.side.set_analysis(analysis)
            self.blist.mark_current(b.id)
            self.notes_ui.load(b.id)
            self._set_header(b.id)
        elif target.offset is not None:
            reader.jump_to(target.offset, target.end)
        if target.query:
            self._load_doc_hits(b.id, target.query)
        elif not same:
            self._update_topic_bar()
        self.positions.set(b.id, reader.top_offset() if target.offset is None else target.offset)
        t0 = target.requested

        def painted() -> None:
            if t0:
                self.metrics["open"] = time.perf_counter() - t0
            self._start_pending_sync()  # the first briefing is on screen: now sync

        self.call_after_refresh(painted)

    def _set_header(self, doc_id: str) -> None:
        b = self.analysis.briefing if self.analysis else None
        if b is None:
            return
        self.title = b.title or doc_id
        meta = " · ".join((b.date or "undated", b.format, source_label(b.source_url, b.path)))
        self.sub_title = meta
        self.query_one(BriefHeader).show(self.title, meta)

    def _remember_position(self) -> None:
        if self.analysis is not None:
            self.positions.set(self.analysis.briefing.id, self.reader.top_offset())

    @on(JumpTo)
    def _on_jump(self, event: JumpTo) -> None:
        event.stop()
        if event.segment is not None:
            self.jump_to_segment(event.segment)
        else:
            self.reader.jump_to(event.start, event.end)
        self._back_to_reader()

    def jump_to_segment(self, index: int) -> None:
        reader = self.reader
        if self.analysis is None or not 0 <= index < len(self.analysis.segments):
            return
        reader.cursor = self.analysis.segments[index].start - 1
        reader.action_next_topic()
        self._back_to_reader()

    def jump_to_speaker(self, name: str) -> None:
        from briefreader.ui.quote_entries import quote_entries

        if self.analysis is None:
            return
        entries = [e for e in quote_entries(self.analysis) if e.speaker == name]
        if not entries:
            return
        after = [e for e in entries if e.start > self.reader.cursor]
        e = (after or entries)[0]
        self.reader.jump_to(e.start, e.end)
        self._back_to_reader()

    @on(PositionChanged)
    def _on_position(self, event: PositionChanged) -> None:
        self._remember_position()
        self.side.topics.follow(event.segment)
        self._update_topic_bar()

    def _update_topic_bar(self) -> None:
        bar = self.query_one("#topic-bar", Static)
        a, r = self.analysis, self.reader
        if a is None:
            bar.update("")
            return
        parts = []
        if a.segments and r.segment is not None:
            seg = a.segments[r.segment]
            parts.append(f"Topic {r.segment + 1}/{len(a.segments)} · {seg.label or '—'}")
        else:
            parts.append(f"{len(a.briefing.text.split())} words")
        if r.hits:  # first: the topic label may be cut off at the right
            where = f"{r.hit_index + 1}/" if r.hit_index is not None else ""
            parts.insert(0, f"“{r.hit_query}”: hit {where}{len(r.hits)} (n/N)")
        elif r.hit_query:
            parts.insert(0, f"“{r.hit_query}”: no hits here")
        bar.update("  ·  ".join(parts))

    # -- search ---------------------------------------------------------------------------
    def action_search(self) -> None:
        self.open_search(PASSAGES)

    def action_search_quotes(self) -> None:
        self.open_search(QUOTES)

    def open_search(self, mode: str) -> None:
        self.main.remove_class("-list-open", "-side-open")
        self.main.add_class("-searching")
        self.search_bar.open(mode)

    def action_toggle_search_mode(self) -> None:
        self.search_bar.action_toggle_mode()

    def close_search(self) -> None:
        self.main.remove_class("-searching")

    @on(SearchBar.Requested)
    def _on_search_requested(self, event: SearchBar.Requested) -> None:
        self.search_seq += 1
        request = SearchRequest(self.search_seq, event.query, event.mode, event.speaker)
        self._search_go = event.go
        if not event.query and not (event.mode == QUOTES and event.speaker):
            self.results.set_options([])
            self.search_bar.set_status("")
            return
        self._t_search = time.perf_counter()
        self.search_bar.set_status("searching…")
        self._run_search(request)

    @on(SearchBar.Browse)
    def _on_browse(self) -> None:
        if self.results.option_count:
            self.results.focus()

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def _run_search(self, request: SearchRequest) -> None:
        t0 = time.perf_counter()
        try:
            with self.lib_lock:
                if get_current_worker().is_cancelled or request.seq != self.search_seq:
                    return
                if request.mode == QUOTES:
                    quotes = self.library.quotes(request.query or None, speaker=request.speaker or None,
                                                 limit=SEARCH_LIMIT)
                    result = None
                else:
                    result = self.library.search(request.query, limit=SEARCH_LIMIT)
                    quotes = None
        except QueryError as exc:
            self.post_message(SearchFailed(request, str(exc)))
            return
        except Exception as exc:  # never crash on a search
            self.post_message(SearchFailed(request, f"search failed: {type(exc).__name__}: {exc}"))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(SearchDone(request, result, quotes, time.perf_counter() - t0))

    @on(SearchDone)
    def _on_search_done(self, event: SearchDone) -> None:
        if event.request.seq != self.search_seq:
            return
        results = self.results
        if event.result is not None:
            results.show_hits(event.request.query, event.result.hits)
            n, total = len(event.result.hits), event.result.total
            status = f"{total} passages" if n == total else f"best {n} of {total} passages"
        else:
            quotes = event.quotes or []
            results.show_quotes(event.request.query, quotes, {d.id: d for d in self.documents})
            who = f" by {event.request.speaker}" if event.request.speaker else ""
            status = f"{len(quotes)} quotes{who}"
            if len(quotes) >= SEARCH_LIMIT:
                status += " (newest first, first 50)"
        if self.syncing:
            status += " · indexing still running: results may be incomplete"
        tip = " · ↓/enter: results, enter: open" if results.option_count else ""
        self.search_bar.set_status(status + tip)
        if getattr(self, "_search_go", False) and results.option_count:
            results.focus()
        t0 = self._t_search

        def shown() -> None:
            self.metrics["search"] = time.perf_counter() - t0
            self.metrics["search_core"] = event.seconds

        self.call_after_refresh(shown)

    @on(SearchFailed)
    def _on_search_failed(self, event: SearchFailed) -> None:
        if event.request.seq != self.search_seq:
            return
        self.results.set_options([])
        self.search_bar.set_status(event.error.splitlines()[0] if event.error else "bad query", error=True)

    @work(thread=True, exclusive=True, exit_on_error=False, group="doc-hits")
    def _load_doc_hits(self, doc_id: str, query: str) -> None:
        try:
            with self.lib_lock:
                result = self.library.search(query, document=doc_id, limit=None)
        except Exception as exc:
            self.post_message(DocumentHits(doc_id, query, [], str(exc)))
            return
        spans: set[tuple[int, int]] = set()
        for h in result.hits:
            spans.update(h.highlights or ((h.start, h.end),))
        if not get_current_worker().is_cancelled:
            self.post_message(DocumentHits(doc_id, query, sorted(spans)))

    @on(DocumentHits)
    def _on_doc_hits(self, event: DocumentHits) -> None:
        if self.analysis is None or self.analysis.briefing.id != event.doc_id:
            return
        self.reader.set_hits(event.spans, event.query)
        self._update_topic_bar()

    # -- sync -------------------------------------------------------------------------------
    def start_sync(self) -> None:
        self.syncing = True
        self._sync_started = time.monotonic()
        self._sync_seen_progress = False
        self.query_one("#sync").display = True
        self.query_one("#sync-label", Static).update("Checking the index…")
        self.query_one("#sync-progress", ProgressBar).update(total=None, progress=0)
        self._sync()
        self._sync_ticker = self.set_interval(1.0, self._sync_tick)

    def _sync_tick(self) -> None:
        """Until the first file is indexed the core gives no progress: show it is alive.
        Also lower the priority of the sync's analysing processes: the reader comes first."""
        if not self.syncing:
            self._sync_ticker.stop()
            return
        _nice_pool_workers(self._niced)
        if not self._sync_seen_progress:
            elapsed = int(time.monotonic() - self._sync_started)
            if elapsed >= 2:
                self.query_one("#sync-label", Static).update(
                    f"Analysing new or changed briefings… {elapsed} s "
                    "(the reader works meanwhile; the list fills in when it is done)")

    def action_resync(self) -> None:
        if self.syncing:
            self.notify("Indexing is already running", timeout=3)
            return
        self.start_sync()

    @work(thread=True, exclusive=True, exit_on_error=False, group="sync")
    def _sync(self) -> None:
        self.sync_idle.clear()
        try:
            self._sync_body()
        finally:
            self.sync_idle.set()

    def _sync_body(self) -> None:
        worker = get_current_worker()
        last = [0.0]

        def progress(done: int, total: int, path: str) -> None:
            now = time.monotonic()
            if done == total or now - last[0] > 0.1:
                last[0] = now
                self.post_message(SyncProgress(done, total, path))

        try:
            report = self.library.sync(progress=progress, cancelled=lambda: worker.is_cancelled)
        except IndexBusy as exc:
            self.post_message(SyncFinished(None, str(exc), busy=True))
        except Exception as exc:
            self.post_message(SyncFinished(None, f"{type(exc).__name__}: {exc}"))
        else:
            self.post_message(SyncFinished(report))

    @on(SyncProgress)
    def _on_sync_progress(self, event: SyncProgress) -> None:
        self._sync_seen_progress = True
        name = event.path.rsplit("/", 1)[-1]
        label = (f"Indexing {event.done}/{event.total}  {name}" if event.done < event.total else
                 f"Saving the index of {event.total} briefings…")
        self.query_one("#sync-label", Static).update(label)
        self.query_one("#sync-progress", ProgressBar).update(total=max(event.total, 1), progress=event.done)

    @on(SyncFinished)
    def _on_sync_finished(self, event: SyncFinished) -> None:
        self.syncing = False
        self.query_one("#sync").display = False
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
        if not changed:
            return
        self.documents = self.library.documents()
        self.blist.set_documents(self.documents)
        current = self.analysis.briefing.id if self.analysis else None
        ids = {d.id for d in self.documents}
        if current is None or current not in ids:
            self.analysis = None
            if current is not None:
                self.reader.set_analysis(None)
                self.side.set_analysis(None)
            if self.documents:
                self._open_initial()
        elif r.updated:
            self._remember_position()
            self.analysis = None  # reload: its text may have changed
            self.open_target(Target(current, self.positions.get(current), exact=True))

    # -- notes -------------------------------------------------------------------------------
    @on(NotesChanged)
    def _on_notes_changed(self, event: NotesChanged) -> None:
        self.notes_ui.load(event.doc_id)

    def show_notes(self, doc_id: str, notes: list[Note] | None, unavailable: str | None) -> None:
        if self.analysis is None or self.analysis.briefing.id != doc_id:
            return
        self.reader.set_notes(notes or [])
        self.side.set_notes(notes, unavailable)

    def action_annotate(self) -> None:
        self.notes_ui.annotate()

    def action_edit_note(self) -> None:
        self.notes_ui.edit()

    def action_delete_note(self) -> None:
        self.notes_ui.delete()

    def action_undo(self) -> None:
        self.notes_ui.undo()

    # -- quitting ---------------------------------------------------------------------------------
    def on_unmount(self) -> None:
        self.positions.save()


def _start_resource_tracker() -> None:
    """The sync's process pool needs multiprocessing's resource tracker, which is spawned
    with ``sys.stderr.fileno()``: once Textual captures stderr that is -1 and the spawn
    fails ("bad value(s) in fds_to_keep"). Start it while stderr is still the terminal."""
    quiet = "ignore:resource_tracker:UserWarning"  # its "leaked semaphores" note after a quit
    sys.warnoptions.append(quiet)  # passed on to the tracker's interpreter as -W
    try:
        from multiprocessing import resource_tracker

        resource_tracker.ensure_running()
    except Exception:  # noqa: S110 - without it the sync reports its own error
        pass
    finally:
        sys.warnoptions.remove(quiet)


def _nice_pool_workers(done: set[int], niceness: int = 10) -> None:
    """Lower the CPU priority of the processes the sync's pool started (once each)."""
    import multiprocessing

    for child in multiprocessing.active_children():
        pid = child.pid
        if pid is None or pid in done:
            continue
        done.add(pid)
        try:
            os.setpriority(os.PRIO_PROCESS, pid, niceness)
        except (OSError, AttributeError):
            pass


def _stop_pool_workers() -> None:
    """End the analysing processes of an interrupted sync (they would wait forever)."""
    import multiprocessing

    for child in multiprocessing.active_children():
        child.terminate()


def run_app(library: Any) -> int:
    _start_resource_tracker()
    app = BriefreaderApp(library)
    loop = asyncio.new_event_loop()
    try:
        # our own loop: asyncio.run() would join the sync's thread before returning
        app.run(loop=loop)
        if not app.sync_idle.wait(2.0):
            # a sync thread cannot be interrupted inside the analysis: leave without it
            # (its transactions roll back and the OS releases the index lock)
            _stop_pool_workers()
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
