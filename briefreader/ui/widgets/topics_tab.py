"""Topics tab: the open briefing's topic segments (label and summary); enter jumps."""

from __future__ import annotations

from textual import on
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefreader.core.model import Analysis
from briefreader.ui.messages import JumpTo
from briefreader.ui.widgets.side_tab import SideTab


class TopicsTab(SideTab):
    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._starts: list[int] = []

    def set_analysis(self, analysis: Analysis | None) -> None:
        if analysis is None:
            self._starts = []
            self.show([], "No briefing open.")
            return
        segs = analysis.segments
        self._starts = [s.start for s in segs]
        options: list[Option | None] = []
        for i, s in enumerate(segs):
            summary = " ".join(s.summary.split())
            if len(summary) > 280:
                summary = summary[:277].rsplit(" ", 1)[0] + " …"
            prompt = Content.assemble((f"{i + 1}. ", "$text-muted"),
                                      (s.label or "topic", "bold $text-accent"), "\n", (summary, ""))
            if options:
                options.append(None)
            options.append(Option(prompt, id=f"t{i}"))
        self.show(options, "No topics found in this briefing.")

    def follow(self, segment: int | None) -> None:
        """Highlight the topic the reader is in."""
        ol = self.options
        if segment is None or not 0 <= segment < len(self._starts):
            return
        index = ol.get_option_index(f"t{segment}")
        if ol.highlighted != index:
            ol.highlighted = index

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        i = int((event.option.id or "t0")[1:])
        if 0 <= i < len(self._starts):
            self.post_message(JumpTo(self._starts[i], None, segment=i))
