"""One subject across briefings (F, or the palette): the segments of other briefings
about the topic at the cursor (or the search's words), in date order, each with its
summary; enter opens the briefing at that passage."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from briefreader.core.model import DocumentInfo, TopicSegment
from briefreader.ui.excerpts import first_words
from briefreader.ui.messages import Target

Member = tuple[DocumentInfo, int, TopicSegment]


class TopicAcross(Screen[Target | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back", id="topic_across.close"),
    ]
    DEFAULT_CSS = """
    TopicAcross > Vertical { padding: 0 1; }
    TopicAcross #ta-title { height: auto; color: $text-muted; margin-bottom: 1; }
    TopicAcross OptionList { height: 1fr; border: none; background: transparent; }
    """

    class Loaded(Message):
        def __init__(self, label: str, members: list[Member], error: str | None = None) -> None:
            super().__init__()
            self.label, self.members, self.error = label, members, error

    def __init__(self, library: Any, lock: Any, doc_id: str | None, segment: int | None,
                 query: str | None = None) -> None:
        super().__init__()
        self.library, self.lib_lock = library, lock
        self.doc_id, self.segment, self.query_text = doc_id, segment, query
        self.members: list[Member] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Finding the same subject in other briefings…", id="ta-title")
            yield OptionList(id="ta-list")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self._load()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _load(self) -> None:
        try:
            with self.lib_lock:
                label, members = self.library.topic_across(self.doc_id, self.segment, self.query_text)
        except Exception as exc:  # noqa: BLE001 - shown in the view
            self.post_message(self.Loaded("", [], f"Topics unavailable: {exc}"))
            return
        self.post_message(self.Loaded(label, members))

    @on(Loaded)
    def _loaded(self, event: Loaded) -> None:
        title = self.query_one("#ta-title", Static)
        if event.error:
            title.update(event.error)
            return
        self.members = event.members
        if not self.members:
            title.update("No other briefing speaks of this subject (escape: back)")
            return
        docs = len({d.id for d, _, _ in self.members})
        title.update(Content.assemble(("Across briefings: ", "bold"), (event.label, "bold $text-accent"),
                                      f" — {len(self.members)} passages in {docs} briefings, oldest first"
                                      " · enter opens · escape: back"))
        options: list[Option | None] = []
        here = 0
        for k, (d, i, seg) in enumerate(self.members):
            if d.id == self.doc_id and i == self.segment:
                here = k
            mark = "▶ " if d.id == self.doc_id else ""
            head = Content.assemble((f"{mark}{d.date or 'undated'} · ", "$text-muted"), (d.title, "bold"))
            summary = first_words(" ".join(seg.summary.split()), 45) or seg.label
            if options:
                options.append(None)
            options.append(Option(Content.assemble(head, "\n", (seg.label, "$text-accent"), "\n", summary),
                                  id=f"m{k}"))
        ol = self.query_one(OptionList)
        ol.set_options(options)
        ol.highlighted = ol.get_option_index(f"m{here}")

    @on(OptionList.OptionSelected, "#ta-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        k = int((event.option.id or "m-1")[1:])
        if 0 <= k < len(self.members):
            d, _i, seg = self.members[k]
            self.dismiss(Target(d.id, seg.start))

    def action_close(self) -> None:
        self.dismiss(None)
