"""Quotes tab: the open briefing's quotes grouped by speaker; enter jumps to one."""

from __future__ import annotations

from textual import on
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefreader.core.model import REPORTER, Analysis
from briefreader.ui.excerpts import first_words
from briefreader.ui.messages import JumpTo
from briefreader.ui.quote_entries import UNKNOWN, quote_entries
from briefreader.ui.speaker_colours import speaker_colours
from briefreader.ui.widgets.side_tab import SideTab

KIND_MARK = {"direct": "“", "partial": "‘", "turn": "▸"}


class QuotesTab(SideTab):
    DEFAULT_CSS = """
    QuotesTab > TabList { text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._spans: dict[str, tuple[int, int]] = {}

    def set_analysis(self, analysis: Analysis | None) -> None:
        self._spans = {}
        if analysis is None:
            self.show([], "No briefing open.")
            return
        entries = quote_entries(analysis)
        colours = speaker_colours(analysis)
        groups: dict[str, list[int]] = {}
        for i, e in enumerate(entries):
            groups.setdefault(e.speaker, []).append(i)

        def order(name: str) -> tuple[int, int]:
            last = 2 if name == UNKNOWN else 1 if name == REPORTER else 0
            return last, groups[name][0]

        options: list[Option] = []
        for speaker in sorted(groups, key=order):
            idx = groups[speaker]
            colour = colours.get(speaker, "$text-muted")
            quotes = sum(1 for i in idx if entries[i].kind != "turn")
            turns = len(idx) - quotes
            counts = ", ".join(x for x in (_plural(quotes, "quote"), _plural(turns, "turn")) if x)
            options.append(Option(Content.assemble(("■ ", colour), (speaker, f"bold {colour}"),
                                                   (f"  {counts}", "$text-muted")), disabled=True))
            for i in idx:
                e = entries[i]
                oid = f"q{i}"
                self._spans[oid] = (e.start, e.end)
                mark = KIND_MARK.get(e.kind, "")
                options.append(Option(Content.assemble(("  ", ""), (mark + " ", colour),
                                                       first_words(e.text, 14)), id=oid))
        self.show(options, "No quotes found in this briefing.")

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        span = self._spans.get(event.option.id or "")
        if span:
            self.post_message(JumpTo(span[0], span[1]))


def _plural(n: int, word: str) -> str:
    return "" if not n else f"{n} {word}" if n == 1 else f"{n} {word}s"
