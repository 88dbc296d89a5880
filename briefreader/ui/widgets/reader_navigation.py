"""The reader's navigation keys: scrolling, and walking the briefing's structure
(topics ] [, quotes } {, speaker turns ) (, search hits n N)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from briefreader.ui.messages import PositionChanged
from briefreader.ui.quote_entries import quote_entries
from briefreader.ui.widgets.reader_base import ReaderBase


class ReaderNavigation(ReaderBase):
    """Scrolling and the structure keys."""

    # -- scrolling --------------------------------------------------------------------
    def action_scroll_lines(self, n: int) -> None:
        self._scroll(self.scroll_y + n)

    def action_page(self, direction: int) -> None:
        height = max(self.scrollable_content_region.height - 2, 1)
        self._scroll(self.scroll_y + direction * height)

    def action_top(self) -> None:
        """The top, the cursor with it (the topic header then names the first topic)."""
        if self.layout_ is not None:
            self.cursor = self.layout_.offset_of(0)
        self._scroll(0)
        self._update_segment()

    def action_bottom(self) -> None:
        self._scroll(self.max_scroll_y)

    # -- structure --------------------------------------------------------------------
    def _step(self, stops: list[int], forward: bool, what: str, wrap: bool = False) -> int | None:
        """The index of the stop after (before) the cursor; says so at either end."""
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
        topics = self.stops.topics
        i = self._step(topics, forward, "topics")
        if i is not None and self.analysis is not None and self.layout_ is not None:
            self.cursor = topics[i]
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
        quotes = self.stops.quotes
        i = self._step([s for s, _ in quotes], forward, "quotes")
        if i is not None:
            self.jump_to(*quotes[i])

    def action_next_turn(self) -> None:
        self._go_turn(True)

    def action_prev_turn(self) -> None:
        self._go_turn(False)

    def _go_turn(self, forward: bool) -> None:
        turns = self.stops.turns
        i = self._step(turns, forward, "speaker turns")
        if i is not None:
            self.jump_to(turns[i])

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

    # -- from the palette ---------------------------------------------------------------
    def jump_to_segment(self, index: int) -> bool:
        """Go to topic ``index``; False if there is no such topic."""
        if self.analysis is None or not 0 <= index < len(self.analysis.segments):
            return False
        self.cursor = self.analysis.segments[index].start - 1
        self.action_next_topic()
        return True

    def jump_to_speaker(self, name: str) -> bool:
        """Go to the next quote or turn of ``name`` (wrapping); False if they have none."""
        if self.analysis is None:
            return False
        entries = [e for e in quote_entries(self.analysis) if e.speaker == name]
        if not entries:
            return False
        after = [e for e in entries if e.start > self.cursor]
        e = (after or entries)[0]
        self.jump_to(e.start, e.end)
        return True
