"""The reader: the canonical text of one briefing, rendered line by line.

A ``ScrollView`` with ``render_line``: opening a briefing wraps its blocks once
(``reader_layout.Layout``) and each visible line is styled on demand and cached,
so a 100 KB transcript opens in milliseconds and scrolls without lag.

Highlights are component classes (``reader--quote-0``, ``reader--hit``, ...) so
themes and ``app.tcss`` restyle them. The parts: state and position
(``reader_base``), drawing (``reader_render``), sentence cursor and selection
(``reader_cursor``), navigation keys (``reader_navigation``), what to highlight
(``reader_highlights``) and where the keys stop (``reader_stops``).
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import BindingType
from textual.geometry import Size

from briefreader.core.model import Analysis, Note
from briefreader.ui.keys import READER_BINDINGS
from briefreader.ui.widgets.reader_base import GUTTER, MAX_TEXT_WIDTH
from briefreader.ui.widgets.reader_cursor import ReaderCursor
from briefreader.ui.widgets.reader_highlights import SLOTS, Highlights
from briefreader.ui.widgets.reader_layout import TOPIC, Layout
from briefreader.ui.widgets.reader_navigation import ReaderNavigation
from briefreader.ui.widgets.reader_render import ReaderRender
from briefreader.ui.widgets.reader_stops import Stops


class Reader(ReaderRender, ReaderCursor, ReaderNavigation, can_focus=True):
    """The text of the open briefing. ``cursor`` is the reading position (an offset)."""

    BINDINGS: ClassVar[list[BindingType]] = [*READER_BINDINGS]
    COMPONENT_CLASSES = {
        "reader--hint", "reader--gutter", "reader--topic", "reader--topic-current",
        "reader--heading", "reader--stage", "reader--label-reporter", "reader--quote-unknown",
        "reader--hit", "reader--hit-current", "reader--mark", "reader--note",
        "reader--cursor", "reader--selection",
        *(f"reader--label-{i}" for i in range(SLOTS)), *(f"reader--quote-{i}" for i in range(SLOTS)),
    }
    DEFAULT_CSS = """
    Reader { background: $surface; scrollbar-gutter: stable; }
    Reader > .reader--hint { color: $text-muted; text-style: italic; }
    Reader > .reader--gutter { color: $accent; }
    Reader > .reader--topic { color: $text-muted; }
    Reader > .reader--topic-current { color: $text-accent; text-style: bold; }
    Reader > .reader--heading { color: $text-accent; text-style: bold; }
    Reader > .reader--stage { color: $text-muted; text-style: italic; }
    Reader > .reader--label-reporter { color: $text-muted; text-style: bold; }
    Reader > .reader--label-0 { color: $text-primary; text-style: bold; }
    Reader > .reader--label-1 { color: $text-success; text-style: bold; }
    Reader > .reader--label-2 { color: $text-warning; text-style: bold; }
    Reader > .reader--label-3 { color: $text-secondary; text-style: bold; }
    Reader > .reader--label-4 { color: $text-accent; text-style: bold; }
    Reader > .reader--label-5 { color: $text-error; text-style: bold; }
    Reader > .reader--quote-0 { color: $text-primary; background: $primary 12%; }
    Reader > .reader--quote-1 { color: $text-success; background: $success 12%; }
    Reader > .reader--quote-2 { color: $text-warning; background: $warning 12%; }
    Reader > .reader--quote-3 { color: $text-secondary; background: $secondary 12%; }
    Reader > .reader--quote-4 { color: $text-accent; background: $accent 12%; }
    Reader > .reader--quote-5 { color: $text-error; background: $error 12%; }
    Reader > .reader--quote-unknown { text-style: italic; background: $foreground 8%; }
    Reader > .reader--note { text-style: underline; }
    Reader > .reader--hit { background: $warning 25%; color: $text; text-style: bold underline; }
    Reader > .reader--hit-current { background: $warning 80%; color: $background; text-style: bold; }
    Reader > .reader--mark { background: $accent 30%; }
    Reader > .reader--selection { background: $accent 45%; }
    Reader > .reader--cursor { background: $primary 35%; }
    """

    # -- lifecycle ------------------------------------------------------------------
    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._restyle())

    def on_focus(self) -> None:
        self._restyle()

    def on_blur(self) -> None:
        self._restyle()

    def on_resize(self, event: events.Resize) -> None:
        if self.analysis is not None and self._wanted_width() != self._text_width:
            top = self.top_offset()
            self._relayout()
            if self._pending is None:
                self._scroll(self.layout_.line_of(top) if self.layout_ else 0)
        if self._pending is not None and self.size.height:
            offset, mark, exact = self._pending
            self._pending = None
            self.call_after_refresh(self._show, offset, mark, exact)

    def _wanted_width(self) -> int:
        return max(min(self.scrollable_content_region.width - GUTTER - 1, MAX_TEXT_WIDTH), 8)

    # -- content --------------------------------------------------------------------
    def set_analysis(self, analysis: Analysis | None, offset: int | None = None,
                     mark: tuple[int, int] | None = None, exact: bool = False) -> None:
        """Show a briefing. ``offset``: the text to show (``exact``: at the very top)."""
        self.analysis = analysis
        self.hits, self.hit_index, self.hit_query = [], None, None
        self.notes, self.mark, self.select_anchor = [], None, None
        self.cursor_visible = False
        self.cursor, self.segment = 0, None
        self._prepare()
        self._relayout()
        self._scroll(0)
        if analysis is None:
            return
        if self.size.height == 0:
            self._pending = (offset, mark, exact)
        else:
            self._show(offset, mark, exact)

    def _show(self, offset: int | None, mark: tuple[int, int] | None, exact: bool) -> None:
        if offset is None:
            self._moved()
            return
        if exact and self.layout_ is not None:
            self.cursor = offset
            line = self.layout_.line_of(offset)
            if line > 0 and self.layout_.lines[line - 1].kind == TOPIC:
                line -= 1  # keep the topic's header in view
            self._scroll(line)
            self._moved()
        else:
            self.jump_to(offset, mark[1] if mark else None)

    def _prepare(self) -> None:
        self._cache.clear()
        self.highlights = Highlights(self.analysis)
        self.stops = Stops.of(self.analysis)

    def _relayout(self) -> None:
        self._cache.clear()
        width = self._wanted_width()
        self._text_width = width
        if self.analysis is None:
            self.layout_ = None
            self.virtual_size = Size(width, 0)
        else:
            self.layout_ = Layout(self.analysis.briefing, self.analysis.segments, width)
            self.virtual_size = Size(width + GUTTER, len(self.layout_))
        self.refresh()

    # -- highlights -----------------------------------------------------------------
    def set_hits(self, spans: list[tuple[int, int]], query: str | None) -> None:
        self.hits = sorted(spans)
        self.hit_query = query
        self.hit_index = None
        for i, (s, e) in enumerate(self.hits):
            if s <= self.cursor < max(e, s + 1):
                self.hit_index = i
        self._rebuild_dynamic()

    def set_notes(self, notes: list[Note]) -> None:
        self.notes = [n for n in notes if n.state == "placed"]
        self._rebuild_dynamic()
