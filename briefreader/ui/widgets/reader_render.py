"""Drawing the reader: one screen line at a time (``render_line``), from the line
layout, the highlights and the sentence cursor; drawn lines are cached.

Highlights are component classes, turned into styles here so that themes and
``app.tcss`` restyle them."""

from __future__ import annotations

from rich.segment import Segment
from textual.content import Content, Span
from textual.strip import Strip
from textual.style import Style

from briefreader.core.model import Analysis
from briefreader.ui.widgets.reader_base import GUTTER, ReaderBase
from briefreader.ui.widgets.reader_highlights import Highlight
from briefreader.ui.widgets.reader_layout import BLANK, TOPIC, Line

_CACHE_LINES = 400
HINT = "  Choose a briefing (l), search (/), or press ? for every key."


class ReaderRender(ReaderBase):
    """The reader's ``render_line``."""

    def _restyle(self) -> None:
        self._styles.clear()
        self._redraw()

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
            return self._hint_line(width, base) if n == 1 else Strip.blank(width, base_rich)
        if n >= len(layout.lines):
            return Strip.blank(width, base_rich)
        line = layout.lines[n]
        if line.kind == BLANK:
            return Strip.blank(width, base_rich)
        if line.kind == TOPIC:
            return self._topic_line(self.analysis, line, width, base)
        return self._text_line(self.analysis, line, width, base)

    def _hint_line(self, width: int, base: Style) -> Strip:
        """What to do when no briefing is open."""
        hint = Content(HINT).stylize(self._style("reader--hint"))
        segs = [Segment(t, (base + s).rich_style) for t, s in hint.render(base, end="")]
        return Strip(segs).extend_cell_length(width, base.rich_style).crop(0, width)

    def _topic_line(self, a: Analysis, line: Line, width: int, base: Style) -> Strip:
        """A topic's header: ``── 2/7 · label ─────``."""
        base_rich = base.rich_style
        seg = a.segments[line.block]
        current = line.block == self.segment
        label = f"── {line.block + 1}/{len(a.segments)} · {seg.label or 'topic'} "
        if len(label) > self._text_width:
            label = label[: max(self._text_width - 2, 0)] + "… "
        label += "─" * max(self._text_width - len(label), 0)
        style = base + self._style("reader--topic-current" if current else "reader--topic")
        return Strip([Segment(" " * GUTTER, base_rich), Segment(label, style.rich_style)]) \
            .extend_cell_length(width, base_rich).crop(0, width)

    def _text_line(self, a: Analysis, line: Line, width: int, base: Style) -> Strip:
        """A line of text: the topic bar in the gutter, the prefix, the styled spans."""
        base_rich = base.rich_style
        segs: list[Segment] = []
        in_topic = False
        if self.segment is not None and a.segments:
            topic = a.segments[self.segment]
            in_topic = topic.first_block <= line.block <= topic.last_block
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
        for group in (*self.highlights.of_block(line.block), self._cursor_highlights()):
            for s, e, cls in group:
                if s < le and e > ls:
                    spans.append(Span(max(s, ls) - ls, min(e, le) - ls, self._style(cls)))
        content = Content(text, spans) if spans else Content(text)
        for t, st in content.render(base, end=""):
            segs.append(Segment(t, st.rich_style))
        return Strip(segs).extend_cell_length(width, base_rich).crop(0, width)

    def _cursor_highlights(self) -> list[Highlight]:
        """The sentence cursor, or the selection."""
        if not self.cursor_visible or self.analysis is None:
            return []
        span = self.selection_span()
        if span is None:
            return []
        cls = "reader--selection" if self.select_anchor is not None else "reader--cursor"
        return [Highlight(span[0], span[1], cls)]
