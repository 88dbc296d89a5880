"""The reader's sentence cursor and selection: w/W move by sentence, v starts or ends
a selection, shift+down/up extend it; a click puts the cursor where it lands and a
drag selects the sentences it crosses (ready to annotate with a)."""

from __future__ import annotations

from textual import events

from briefreader.core.model import Note
from briefreader.ui.widgets.reader_base import GUTTER, ReaderBase
from briefreader.ui.widgets.reader_layout import TEXT


class ReaderCursor(ReaderBase):
    """Sentence cursor, selection and the mouse."""

    # -- keys -------------------------------------------------------------------------
    def action_next_sentence(self) -> None:
        self._go_sentence(1)

    def action_prev_sentence(self) -> None:
        self._go_sentence(-1)

    def _go_sentence(self, step: int) -> None:
        sentences = self.stops.sentences
        if self.analysis is None or not sentences:
            return
        i = self._sentence_index() or 0
        if not self.cursor_visible:
            top, _ = self._visible_lines()
            if self.layout_ is not None and self.layout_.line_of(self.cursor) < top:
                self.cursor = self.layout_.offset_of(top)
            i = self._sentence_index() or 0
            if sentences[i] < self.cursor and step > 0:
                i += 1
            step = 0
        i = max(0, min(i + step, len(sentences) - 1))
        self.cursor = sentences[i]
        self.cursor_visible = True
        self._cache.clear()
        self._ensure_cursor_visible()
        self._update_segment()
        self.refresh()

    def _ensure_cursor_visible(self) -> None:
        if self.layout_ is None:
            return
        span = self.selection_span() or (self.cursor, self.cursor)
        first, last = self.layout_.line_of(span[0]), self.layout_.line_of(max(span[1] - 1, span[0]))
        top, bottom = self._visible_lines()
        height = bottom - top + 1
        cur = self.layout_.line_of(self.cursor)
        if cur < top or first < top and cur == first:
            self._scroll(max(min(first, cur) - 1, 0))
        elif cur > bottom or last > bottom and cur >= last:
            self._scroll(max(max(last, cur) - height + 2, 0))

    def show_cursor(self) -> None:
        """Show the sentence cursor at the first sentence in view."""
        self._go_sentence(0)

    def action_select(self) -> None:
        if self.analysis is None:
            return
        if self.select_anchor is not None:
            self.select_anchor = None
        else:
            self._start_selection()
        self.cursor_visible = True
        self._redraw()

    def _start_selection(self) -> None:
        """Anchor a selection at the cursor's sentence (shown first if hidden)."""
        if not self.cursor_visible:
            self._go_sentence(0)
        self.select_anchor = self._sentence_index()

    def action_extend(self, step: int) -> None:
        """Extend the selection by a sentence (shift+down/up): starts one if none."""
        if self.analysis is None:
            return
        if self.select_anchor is None:
            self._start_selection()
        self._go_sentence(step)

    def clear_selection(self) -> bool:
        """Drop the selection / sentence cursor; True if there was one."""
        had = self.select_anchor is not None or self.cursor_visible
        self.select_anchor = None
        self.cursor_visible = False
        self._redraw()
        return had

    def note_at_cursor(self) -> Note | None:
        span = self.selection_span() if self.cursor_visible else None
        lo, hi = span if span else (self.cursor, self.cursor + 1)
        for n in self.notes:
            if n.start < hi and n.end > lo:
                return n
        return None

    # -- mouse ------------------------------------------------------------------------
    def _offset_at(self, x: int, y: int) -> int | None:
        layout = self.layout_
        if layout is None:
            return None
        n = round(self.scroll_y) + y
        if not 0 <= n < len(layout.lines) or layout.lines[n].kind != TEXT:
            return None
        line = layout.lines[n]
        col = x - GUTTER - len(line.prefix)
        return max(line.start, min(line.start + max(col, 0), line.end - 1))

    def _cursor_to(self, offset: int) -> None:
        self.cursor = offset
        self.cursor_visible = True
        self._snap_to_sentence()
        self._cache.clear()
        self._update_segment()
        self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        offset = self._offset_at(event.x, event.y)
        if offset is None or event.button != 1:
            return
        self._cursor_to(offset)
        self.select_anchor = self._sentence_index()
        self._dragging = True
        self.capture_mouse()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if not self._dragging:
            return
        if not event.button:  # the button went up outside the window: the drag is over
            self._dragging = False
            self.capture_mouse(False)
            return
        offset = self._offset_at(event.x, event.y)
        if offset is not None:
            self._cursor_to(offset)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if not self._dragging:
            return
        self._dragging = False
        self.capture_mouse(False)
        if self.select_anchor == self._sentence_index():
            self.select_anchor = None  # a click: the cursor, no selection
            self._redraw()
