"""The reader: the canonical text of one briefing, rendered line by line.

A ``ScrollView`` with ``render_line``: opening a briefing wraps its blocks once
(``reader_layout.Layout``) and each visible line is styled on demand and cached,
so a 100 KB transcript opens in milliseconds and scrolls without lag.

Highlights are component classes (``reader--quote-0``, ``reader--hit``, ...) so
themes and ``app.tcss`` restyle them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import OrderedDict
from typing import ClassVar

from rich.segment import Segment
from textual import events
from textual.binding import BindingType
from textual.content import Content, Span
from textual.geometry import Size
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from briefreader.core.model import REPORTER, Analysis, Note
from briefreader.ui.keys import READER_BINDINGS
from briefreader.ui.messages import PositionChanged
from briefreader.ui.quote_entries import UNKNOWN, quote_entries
from briefreader.ui.speaker_colours import speaker_order
from briefreader.ui.widgets.reader_layout import BLANK, TEXT, TOPIC, Layout

SLOTS = 6
GUTTER = 2
MAX_TEXT_WIDTH = 100
_CACHE_LINES = 400


class Reader(ScrollView, can_focus=True):
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
    Reader > .reader--hit { background: $warning 35%; }
    Reader > .reader--hit-current { background: $warning 80%; color: $background; text-style: bold; }
    Reader > .reader--mark { background: $accent 30%; }
    Reader > .reader--selection { background: $accent 45%; }
    Reader > .reader--cursor { background: $primary 35%; }
    """

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
        self._block_starts: list[int] = []
        self._static: list[list[tuple[int, int, str]]] = []
        self._dynamic: dict[int, list[tuple[int, int, str]]] = {}
        self._seg_starts: list[int] = []
        self._sent_starts: list[int] = []
        self._quote_stops: list[tuple[int, int]] = []
        self._turn_stops: list[int] = []
        self._speaker_slot: dict[str, str] = {}
        self._cache: OrderedDict[int, Strip] = OrderedDict()
        self._styles: dict[str, Style] = {}
        self._text_width = 0

    # -- lifecycle ------------------------------------------------------------------
    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._restyle())

    def on_focus(self) -> None:
        self._restyle()

    def on_blur(self) -> None:
        self._restyle()

    def _restyle(self) -> None:
        self._styles.clear()
        self._cache.clear()
        self.refresh()

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
        a = self.analysis
        self._cache.clear()
        self._static, self._dynamic = [], {}
        if a is None:
            self._block_starts = self._seg_starts = self._sent_starts = self._turn_stops = []
            self._quote_stops = []
            return
        b = a.briefing
        self._block_starts = [blk.start for blk in b.blocks]
        self._seg_starts = [s.start for s in a.segments]
        self._sent_starts = [s.start for s in b.sentences]
        self._turn_stops = [blk.start for blk in b.blocks if blk.label_start >= 0]
        self._quote_stops = [(e.start, e.end) for e in quote_entries(a)]
        self._speaker_slot = {s: str(i % SLOTS) for i, s in enumerate(speaker_order(a))}
        static: list[list[tuple[int, int, str]]] = [[] for _ in b.blocks]
        for i, blk in enumerate(b.blocks):
            if blk.kind == "heading":
                static[i].append((blk.start, blk.end, "reader--heading"))
            elif blk.kind == "stage":
                static[i].append((blk.start, blk.end, "reader--stage"))
            if blk.label_start >= 0:
                static[i].append((blk.label_start, blk.label_end, self._label_class(blk.speaker)))
        for q in a.quotes:
            if q.kind == "turn":
                continue
            cls = self._quote_class(q.speaker)
            for s, e in q.spans or ((q.start, q.end),):
                for bi in self._blocks_over(s, e):
                    static[bi].append((s, e, cls))
        self._static = static

    def _label_class(self, speaker: str | None) -> str:
        if speaker == REPORTER:
            return "reader--label-reporter"
        return f"reader--label-{self._speaker_slot.get(speaker or '', '0')}"

    def _quote_class(self, speaker: str | None) -> str:
        if not speaker or speaker == UNKNOWN:
            return "reader--quote-unknown"
        return f"reader--quote-{self._speaker_slot.get(speaker, '0')}"

    def _blocks_over(self, s: int, e: int) -> range:
        lo = max(bisect_right(self._block_starts, s) - 1, 0)
        hi = max(bisect_left(self._block_starts, e), lo + 1)
        return range(lo, min(hi, len(self._block_starts)))

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

    def _rebuild_dynamic(self) -> None:
        dyn: dict[int, list[tuple[int, int, str]]] = {}
        if self.analysis is not None:
            for n in self.notes:
                for bi in self._blocks_over(n.start, n.end):
                    dyn.setdefault(bi, []).append((n.start, n.end, "reader--note"))
            for i, (s, e) in enumerate(self.hits):
                cls = "reader--hit-current" if i == self.hit_index else "reader--hit"
                for bi in self._blocks_over(s, e):
                    dyn.setdefault(bi, []).append((s, e, cls))
            if self.mark:
                for bi in self._blocks_over(*self.mark):
                    dyn.setdefault(bi, []).append((*self.mark, "reader--mark"))
        self._dynamic = dyn
        self._cache.clear()
        self.refresh()

    # -- rendering ------------------------------------------------------------------
    def _style(self, name: str) -> Style:
        """A component class as a style to lay over the text: its colour and text style,
        and its background composited on the reader's (partial styles lose alpha)."""
        style = self._styles.get(name)
        if style is None:
            partial = self.get_visual_style(name, partial=True)
            rules = self.get_component_styles(name)
            background = self.get_visual_style(name).background if rules.has_rule("background") else None
            style = Style(
                background=background,
                foreground=partial.foreground if rules.has_rule("color") else None,
                bold=partial.bold, dim=partial.dim, italic=partial.italic,
                underline=partial.underline, strike=partial.strike,
            )
            self._styles[name] = style
        return style

    def render_line(self, y: int) -> Strip:
        n = round(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        strip = self._cache.get(n)
        if strip is None or strip.cell_length != width:
            strip = self._render_line(n, width)
            self._cache[n] = strip
            if len(self._cache) > _CACHE_LINES:
                self._cache.popitem(last=False)
        return strip

    def _render_line(self, n: int, width: int) -> Strip:
        base = self.get_visual_style()
        base_rich = base.rich_style
        layout = self.layout_
        if layout is None or self.analysis is None:
            if n == 1:
                hint = Content("  Choose a briefing (l), search (/), or press ? for every key.")
                hint = hint.stylize(self._style("reader--hint"))
                segs = [Segment(t, (base + s).rich_style) for t, s in hint.render(base, end="")]
                return Strip(segs).extend_cell_length(width, base_rich).crop(0, width)
            return Strip.blank(width, base_rich)
        if n >= len(layout.lines):
            return Strip.blank(width, base_rich)
        line = layout.lines[n]
        a = self.analysis
        if line.kind == BLANK:
            return Strip.blank(width, base_rich)
        if line.kind == TOPIC:
            seg = a.segments[line.block]
            current = line.block == self.segment
            label = f"── {line.block + 1}/{len(a.segments)} · {seg.label or 'topic'} "
            if len(label) > self._text_width:
                label = label[: max(self._text_width - 2, 0)] + "… "
            label += "─" * max(self._text_width - len(label), 0)
            style = base + self._style("reader--topic-current" if current else "reader--topic")
            return Strip([Segment(" " * GUTTER, base_rich), Segment(label, style.rich_style)]) \
                .extend_cell_length(width, base_rich).crop(0, width)
        segs: list[Segment] = []
        in_topic = False
        if self.segment is not None and a.segments:
            s = a.segments[self.segment]
            in_topic = s.first_block <= line.block <= s.last_block
        if in_topic:
            segs.append(Segment("▎", (base + self._style("reader--gutter")).rich_style))
            segs.append(Segment(" " * (GUTTER - 1), base_rich))
        else:
            segs.append(Segment(" " * GUTTER, base_rich))
        if line.prefix:
            segs.append(Segment(line.prefix, base_rich))
        ls, le = line.start, line.end
        text = a.briefing.text[ls:le].replace("\n", " ")
        spans: list[Span] = []
        for group in (self._static[line.block], self._dynamic.get(line.block, ())):
            for s, e, cls in group:
                if s < le and e > ls:
                    spans.append(Span(max(s, ls) - ls, min(e, le) - ls, self._style(cls)))
        for s, e, cls in self._cursor_spans():
            if s < le and e > ls:
                spans.append(Span(max(s, ls) - ls, min(e, le) - ls, self._style(cls)))
        content = Content(text, spans) if spans else Content(text)
        for t, st in content.render(base, end=""):
            segs.append(Segment(t, st.rich_style))
        return Strip(segs).extend_cell_length(width, base_rich).crop(0, width)

    def _cursor_spans(self) -> list[tuple[int, int, str]]:
        if not self.cursor_visible or self.analysis is None:
            return []
        span = self.selection_span()
        if span is None:
            return []
        cls = "reader--selection" if self.select_anchor is not None else "reader--cursor"
        return [(span[0], span[1], cls)]

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
                self._cache.clear()
                self.refresh()
        self._update_segment()

    def _update_segment(self) -> None:
        seg = None
        if self._seg_starts:
            seg = max(bisect_right(self._seg_starts, self.cursor) - 1, 0)
        if seg != self.segment:
            self.segment = seg
            self._cache.clear()
            self.refresh()
        self.post_message(PositionChanged(self.cursor, seg))

    def _snap_to_sentence(self) -> None:
        i = self._sentence_index()
        if i is not None:
            self.cursor = self._sent_starts[i]

    def _sentence_index(self) -> int | None:
        if not self._sent_starts:
            return None
        i = bisect_right(self._sent_starts, self.cursor) - 1
        return max(i, 0)

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

    # -- actions: scrolling ---------------------------------------------------------------
    def action_scroll_lines(self, n: int) -> None:
        self._scroll(self.scroll_y + n)

    def action_page(self, direction: int) -> None:
        height = max(self.scrollable_content_region.height - 2, 1)
        self._scroll(self.scroll_y + direction * height)

    def action_top(self) -> None:
        self._scroll(0)

    def action_bottom(self) -> None:
        self._scroll(self.max_scroll_y)

    # -- actions: structure -----------------------------------------------------------
    def _step(self, stops: list[int], forward: bool, what: str, wrap: bool = False) -> int | None:
        if self.analysis is None:
            return None
        if not stops:
            self.notify(f"No {what} in this briefing", timeout=3)
            return None
        if forward:
            i = bisect_right(stops, self.cursor)
            if i >= len(stops):
                if not wrap:
                    self.notify(f"Last {what.rstrip('s')}", timeout=2)
                    return None
                self.notify("The only hit" if len(stops) == 1 else "Search wrapped to the top", timeout=2)
                i = 0
        else:
            i = bisect_left(stops, self.cursor) - 1
            if i < 0:
                if not wrap:
                    self.notify(f"First {what.rstrip('s')}", timeout=2)
                    return None
                self.notify("The only hit" if len(stops) == 1 else "Search wrapped to the bottom",
                            timeout=2)
                i = len(stops) - 1
        return i

    def action_next_topic(self) -> None:
        self._go_topic(True)

    def action_prev_topic(self) -> None:
        self._go_topic(False)

    def _go_topic(self, forward: bool) -> None:
        i = self._step(self._seg_starts, forward, "topics")
        if i is not None and self.analysis is not None and self.layout_ is not None:
            self.cursor = self._seg_starts[i]
            self.mark = None
            line = self.layout_.segment_line[i]
            self._scroll(max(line - 1, 0))
            self._rebuild_dynamic()
            self._moved()

    def action_next_quote(self) -> None:
        self._go_quote(True)

    def action_prev_quote(self) -> None:
        self._go_quote(False)

    def _go_quote(self, forward: bool) -> None:
        starts = [s for s, _ in self._quote_stops]
        i = self._step(starts, forward, "quotes")
        if i is not None:
            self.jump_to(*self._quote_stops[i])

    def action_next_turn(self) -> None:
        i = self._step(self._turn_stops, True, "speaker turns")
        if i is not None:
            self.jump_to(self._turn_stops[i])

    def action_prev_turn(self) -> None:
        i = self._step(self._turn_stops, False, "speaker turns")
        if i is not None:
            self.jump_to(self._turn_stops[i])

    def action_next_hit(self) -> None:
        self._go_hit(True)

    def action_prev_hit(self) -> None:
        self._go_hit(False)

    def _go_hit(self, forward: bool) -> None:
        if not self.hits and self.analysis is not None:
            self.notify("No search hits here: search with /, then open a result", timeout=3)
            return
        i = self._step([s for s, _ in self.hits], forward, "search hits", wrap=True)
        if i is not None:
            self.hit_index = i
            self.jump_to(self.hits[i][0])
            self.mark = None
            self._rebuild_dynamic()
            self.post_message(PositionChanged(self.cursor, self.segment))

    # -- actions: sentences and selection ---------------------------------------------------
    def action_next_sentence(self) -> None:
        self._go_sentence(1)

    def action_prev_sentence(self) -> None:
        self._go_sentence(-1)

    def _go_sentence(self, step: int) -> None:
        if self.analysis is None or not self._sent_starts:
            return
        i = self._sentence_index() or 0
        if not self.cursor_visible:
            top, _ = self._visible_lines()
            if self.layout_ is not None and self.layout_.line_of(self.cursor) < top:
                self.cursor = self.layout_.offset_of(top)
            i = self._sentence_index() or 0
            if self._sent_starts[i] < self.cursor and step > 0:
                i += 1
            step = 0
        i = max(0, min(i + step, len(self._sent_starts) - 1))
        self.cursor = self._sent_starts[i]
        self.cursor_visible = True
        self._cache.clear()
        self._ensure_cursor_visible()
        self._update_segment()
        self.refresh()

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
        self._cache.clear()
        self.refresh()

    def _start_selection(self) -> None:
        """Anchor a selection at the cursor's sentence (shown first if hidden)."""
        if not self.cursor_visible:
            self._go_sentence(0)
        self.select_anchor = self._sentence_index()

    def clear_selection(self) -> bool:
        """Drop the selection / sentence cursor; True if there was one."""
        had = self.select_anchor is not None or self.cursor_visible
        self.select_anchor = None
        self.cursor_visible = False
        self._cache.clear()
        self.refresh()
        return had

    def selection_span(self) -> tuple[int, int] | None:
        """The selected sentences, or the sentence at the cursor."""
        if self.analysis is None or not self._sent_starts:
            return None
        sents = self.analysis.briefing.sentences
        i = self._sentence_index() or 0
        j = self.select_anchor if self.select_anchor is not None else i
        lo, hi = min(i, j), max(i, j)
        return sents[lo].start, sents[hi].end

    def note_at_cursor(self) -> Note | None:
        span = self.selection_span() if self.cursor_visible else None
        lo, hi = span if span else (self.cursor, self.cursor + 1)
        for n in self.notes:
            if n.start < hi and n.end > lo:
                return n
        return None

    # -- mouse ------------------------------------------------------------------------
    # A click puts the sentence cursor where it lands; a drag selects the sentences it
    # crosses (as v then w/W do), ready to annotate with a.
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
            self._cache.clear()
            self.refresh()

    def action_extend(self, step: int) -> None:
        """Extend the selection by a sentence (shift+down/up): starts one if none."""
        if self.analysis is None:
            return
        if self.select_anchor is None:
            self._start_selection()
        self._go_sentence(step)
