"""The reader's state and its position in the text.

``ReaderBase`` holds what the reader shows (the briefing, its line layout, its
highlights and stops) and where it is (``cursor``, an offset; ``segment``, the
topic). Scrolling keeps the cursor in view and tells the panes (``PositionChanged``).
The reader's drawing, sentence cursor and navigation keys build on it
(``reader_render``, ``reader_cursor``, ``reader_navigation``)."""

from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict

from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from briefreader.core.model import Analysis, Note
from briefreader.ui.messages import PositionChanged
from briefreader.ui.widgets.reader_highlights import Highlights
from briefreader.ui.widgets.reader_layout import TEXT, Layout
from briefreader.ui.widgets.reader_stops import Stops

GUTTER = 2  # columns left of the text: the current topic's bar
MAX_TEXT_WIDTH = 100


class ReaderBase(ScrollView):
    """What the reader shows and where it is."""

    cursor_visible: var[bool] = var(False)

    def __init__(self, *, name: str | None = None, id: str | None = None,  # noqa: A002
                 classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.analysis: Analysis | None = None
        self.layout_: Layout | None = None
        self.cursor = 0
        self.segment: int | None = None
        self.hits: list[tuple[int, int]] = []
        self.hit_index: int | None = None
        self.hit_query: str | None = None
        self.notes: list[Note] = []
        self.mark: tuple[int, int] | None = None
        self.select_anchor: int | None = None  # sentence index where `v` started
        self._dragging = False  # a mouse drag is selecting
        self._pending: tuple[int | None, tuple[int, int] | None, bool] | None = None
        self.highlights = Highlights(None)
        self.stops = Stops()
        self._cache: OrderedDict[int, Strip] = OrderedDict()  # drawn lines by line number
        self._styles: dict[str, Style] = {}  # component classes as styles
        self._text_width = 0

    def _redraw(self) -> None:
        """Forget the drawn lines and draw the visible ones again."""
        self._cache.clear()
        self.refresh()

    def _rebuild_dynamic(self) -> None:
        self.highlights.set_dynamic(self.notes, self.hits, self.hit_index, self.mark)
        self._redraw()

    # -- position -------------------------------------------------------------------
    def _scroll(self, y: float) -> None:
        """Scroll now (also right after a new layout, before the scrollbars know of it)."""
        self.scroll_to(y=y, animate=False, immediate=True, force=True)

    def top_offset(self) -> int:
        if self.layout_ is None:
            return 0
        return self.layout_.offset_of(round(self.scroll_y))

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self._moved()

    def _visible_lines(self) -> tuple[int, int]:
        top = round(self.scroll_y)
        return top, top + max(self.scrollable_content_region.height, 1) - 1

    def _moved(self) -> None:
        """After a scroll: keep the cursor in view, follow the topic, tell the panes."""
        layout = self.layout_
        if layout is None or self.analysis is None:
            return
        top, bottom = self._visible_lines()
        line = layout.line_of(self.cursor)
        if line < top or line > bottom:
            if line < top:
                self.cursor = layout.offset_of(top)
            else:
                n = min(bottom, len(layout.lines) - 1)
                while n > 0 and layout.lines[n].kind != TEXT:
                    n -= 1
                self.cursor = layout.lines[n].start
            if self.cursor_visible:
                self._snap_to_sentence()
            if self.select_anchor is None:
                self._redraw()
        self._update_segment()

    def _update_segment(self) -> None:
        seg = None
        if self.stops.topics:
            seg = max(bisect_right(self.stops.topics, self.cursor) - 1, 0)
        if seg != self.segment:
            self.segment = seg
            self._redraw()
        self.post_message(PositionChanged(self.cursor, seg))

    def _snap_to_sentence(self) -> None:
        i = self._sentence_index()
        if i is not None:
            self.cursor = self.stops.sentences[i]

    def _sentence_index(self) -> int | None:
        if not self.stops.sentences:
            return None
        i = bisect_right(self.stops.sentences, self.cursor) - 1
        return max(i, 0)

    def selection_span(self) -> tuple[int, int] | None:
        """The selected sentences, or the sentence at the cursor."""
        if self.analysis is None or not self.stops.sentences:
            return None
        sents = self.analysis.briefing.sentences
        i = self._sentence_index() or 0
        j = self.select_anchor if self.select_anchor is not None else i
        lo, hi = min(i, j), max(i, j)
        return sents[lo].start, sents[hi].end

    def jump_to(self, start: int, end: int | None = None, context: int = 3) -> None:
        """Show ``start`` a few lines below the top and make it the cursor."""
        if self.layout_ is None:
            return
        if self.size.height == 0:
            self._pending = (start, (start, end) if end is not None else None, False)
            return
        self.cursor = start
        self.mark = (start, end) if end is not None and end > start else None
        for i, (s, e) in enumerate(self.hits):
            if s <= start < max(e, s + 1):
                self.hit_index = i
                break
        self._rebuild_dynamic()
        line = self.layout_.line_of(start)
        self._scroll(max(line - context, 0))
        self._moved()
