"""The briefing list: title, date and format of every briefing, newest first;
typing filters it (every word must appear in the title, date or format)."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from briefreader.core.model import DocumentInfo
from briefreader.ui.keys import LIST_BINDINGS
from briefreader.ui.messages import OpenBriefing, Target

FORMAT_MARK = {"transcript": "transcript", "report": "report", "notes": "notes"}


def _matches(doc: DocumentInfo, words: list[str]) -> bool:
    hay = f"{doc.title} {doc.date or ''} {doc.format}".lower()
    return all(w in hay for w in words)


class FilterInput(Input):
    """The filter: typing filters, arrows choose, enter opens, escape goes back."""

    BINDINGS = [
        Binding("enter", "submit", "Open", id="list.filter_open"),
        Binding("escape", "app.close", "Back", id="list.filter_back"),
    ]


class BriefingOptions(OptionList):
    """The list itself: printable keys that are not commands start the filter."""

    def on_key(self, event: events.Key) -> None:
        if event.is_printable and event.character and not event.character.isspace():
            owner = self.parent
            if isinstance(owner, BriefingList) and event.key not in self.screen.active_bindings:
                event.stop()
                event.prevent_default()
                owner.start_filter(event.character)


class BriefingList(Vertical):
    BINDINGS = LIST_BINDINGS

    DEFAULT_CSS = """
    BriefingList { height: 1fr; }
    BriefingList > #list-title { height: 1; padding: 0 1; color: $text-muted; }
    BriefingList > Input { height: 1; border: none; padding: 0 1; margin: 0; background: $boost; }
    BriefingList > Input:focus { background: $primary 20%; }
    BriefingList > OptionList, BriefingList > OptionList:focus {
        height: 1fr; border: none; padding: 0; text-wrap: nowrap; text-overflow: ellipsis;
        background: transparent; }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.docs: list[DocumentInfo] = []
        self.shown: list[DocumentInfo] = []
        self.current: str | None = None

    def compose(self) -> ComposeResult:
        yield Static("Briefings", id="list-title")
        yield FilterInput(placeholder="type to filter…", id="filter", compact=True, select_on_focus=False)
        yield BriefingOptions(id="briefings")

    @property
    def options(self) -> OptionList:
        return self.query_one(BriefingOptions)

    @property
    def filter_input(self) -> Input:
        return self.query_one("#filter", Input)

    def set_documents(self, docs: list[DocumentInfo]) -> None:
        self.docs = list(docs)
        self._refilter()

    def mark_current(self, doc_id: str | None) -> None:
        self.current = doc_id
        for i, d in enumerate(self.shown):
            if d.id == doc_id:
                self.options.highlighted = i
                break

    def start_filter(self, text: str) -> None:
        inp = self.filter_input
        inp.value = inp.value + text
        inp.cursor_position = len(inp.value)
        inp.focus()

    def focus_list(self) -> None:
        """Focus the filter (typing filters, arrows choose, enter opens)."""
        self.filter_input.focus()

    def _refilter(self) -> None:
        words = self.filter_input.value.lower().split() if self.is_mounted else []
        shown = [d for d in self.docs if _matches(d, words)] if words else list(self.docs)
        self.shown = shown
        options = []
        for d in shown:
            prompt = Content.assemble(
                (d.title or d.id, "bold" if d.id == self.current else ""), "\n",
                (f"{d.date or 'undated'} · {FORMAT_MARK.get(d.format, d.format)}", "$text-muted"),
            )
            options.append(Option(prompt, id=d.id))
        ol = self.options
        ol.set_options(options)
        title = self.query_one("#list-title", Static)
        total = len(self.docs)
        title.update(f"Briefings ({len(shown)}/{total})" if words else f"Briefings ({total})")
        if shown:
            index = next((i for i, d in enumerate(shown) if d.id == self.current), 0)
            ol.highlighted = index

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._refilter()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_open()

    @on(OptionList.OptionSelected, "#briefings")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(OpenBriefing(Target(event.option.id)))

    def action_cursor(self, step: int) -> None:
        ol = self.options
        if ol.option_count == 0:
            return
        current = ol.highlighted if ol.highlighted is not None else -1
        ol.highlighted = max(0, min(current + step, ol.option_count - 1))

    def action_open(self) -> None:
        ol = self.options
        if ol.highlighted is not None and ol.option_count:
            option = ol.get_option_at_index(ol.highlighted)
            if option.id:
                self.post_message(OpenBriefing(Target(option.id)))

    def clear_filter(self) -> bool:
        """Empty the filter; True if it had text."""
        inp = self.filter_input
        if inp.value:
            inp.value = ""
            return True
        return False
