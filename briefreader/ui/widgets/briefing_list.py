"""The briefing list: title, date and format of every briefing, newest first;
typing filters it (every word must appear in the title, date or format)."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Input, Static

from briefreader.core.model import DocumentInfo
from briefreader.ui.keys import LIST_BINDINGS
from briefreader.ui.messages import OpenBriefing, Target


def _matches(doc: DocumentInfo, words: list[str]) -> bool:
    hay = f"{doc.title} {doc.date or ''} {doc.format}".lower()
    return all(w in hay for w in words)


class FilterInput(Input):
    """The filter: typing filters, arrows choose, enter opens, escape goes back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Open", id="list.filter_open"),
        Binding("escape", "app.close", "Back", id="list.filter_back"),
    ]
    PASS_THROUGH = "/"  # not typed into the filter: it opens the search

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return character is not None and character not in self.PASS_THROUGH and character.isprintable()

    async def _on_key(self, event: events.Key) -> None:
        if event.character and event.character in self.PASS_THROUGH:
            event.prevent_default()  # skip Input's handler; the key bubbles to the app


class BriefingRows(ScrollView, can_focus=True):
    """The rows: two lines per briefing (title; date · format), drawn on demand so a
    list of thousands of briefings costs nothing to build, filter or scroll.

    Printable keys that are not commands start the filter."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "move(1)", "Next", show=False),
        Binding("up", "move(-1)", "Previous", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home", "move(-1000000)", "First", show=False),
        Binding("end", "move(1000000)", "Last", show=False),
        Binding("enter", "select", "Open", show=False),
    ]
    COMPONENT_CLASSES = {"rows--meta", "rows--highlight", "rows--current"}
    DEFAULT_CSS = """
    BriefingRows { background: transparent; scrollbar-size-vertical: 1; }
    BriefingRows > .rows--meta { color: $text-muted; }
    BriefingRows > .rows--highlight { background: $block-cursor-blurred-background; }
    BriefingRows:focus > .rows--highlight { background: $block-cursor-background;
                                            color: $block-cursor-foreground; }
    BriefingRows > .rows--current { text-style: bold; }
    """
    ROW = 2

    highlighted: reactive[int | None] = reactive(None)

    class Selected(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class Highlighted(Message):
        def __init__(self, doc_id: str) -> None:
            super().__init__()
            self.doc_id = doc_id

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.rows: list[DocumentInfo] = []
        self.current: str | None = None

    def set_rows(self, rows: list[DocumentInfo], highlighted: int | None) -> None:
        self.rows = rows
        self.virtual_size = Size(0, len(rows) * self.ROW)
        self.highlighted = highlighted if rows else None
        self.refresh()

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        if new is not None and 0 <= new < len(self.rows) and self.has_focus_within_list():
            self.post_message(self.Highlighted(self.rows[new].id))
        if new is not None:
            top = new * self.ROW
            height = self.scrollable_content_region.height or 1
            if top < self.scroll_y:
                self.scroll_to(y=top, animate=False, force=True)
            elif top + self.ROW > self.scroll_y + height:
                self.scroll_to(y=top + self.ROW - height, animate=False, force=True)
        self.refresh()

    def has_focus_within_list(self) -> bool:
        parent = self.parent
        return self.has_focus or (isinstance(parent, Widget) and parent.has_focus_within)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        n = round(self.scroll_y) + y
        i, sub = divmod(n, self.ROW)
        base = self.get_visual_style()
        if not 0 <= i < len(self.rows):
            return Strip.blank(width, base.rich_style)
        d = self.rows[i]
        style = base
        if i == self.highlighted:
            style = style + self.get_visual_style("rows--highlight", partial=True)
        if sub == 0:
            text = d.title or d.id
            if d.id == self.current:
                style = style + self.get_visual_style("rows--current", partial=True)
        else:
            text = f"{d.date or 'undated'} · {d.format}"
            if i != self.highlighted:
                style = style + self.get_visual_style("rows--meta", partial=True)
        text = " " + text
        if cell_len(text) > width:
            text = set_cell_size(text, max(width - 1, 0)) + "…"
        rich = style.rich_style
        return Strip([Segment(text, rich)]).extend_cell_length(width, rich).crop(0, width)

    def action_move(self, step: int) -> None:
        if not self.rows:
            return
        current = self.highlighted if self.highlighted is not None else -1
        self.highlighted = max(0, min(current + step, len(self.rows) - 1))

    def action_page(self, direction: int) -> None:
        self.action_move(direction * max((self.scrollable_content_region.height // self.ROW) - 1, 1))

    def action_select(self) -> None:
        if self.highlighted is not None and self.rows:
            self.post_message(self.Selected(self.highlighted))

    def on_click(self, event: events.Click) -> None:
        i = (round(self.scroll_y) + event.y) // self.ROW
        if 0 <= i < len(self.rows):
            self.highlighted = i
            self.post_message(self.Selected(i))

    def on_key(self, event: events.Key) -> None:
        if event.is_printable and event.character and not event.character.isspace():
            owner = self.parent
            if isinstance(owner, BriefingList) and event.key not in self.screen.active_bindings:
                event.stop()
                event.prevent_default()
                owner.start_filter(event.character)


class BriefingList(Vertical):
    BINDINGS: ClassVar[list[BindingType]] = [*LIST_BINDINGS]

    DEFAULT_CSS = """
    BriefingList { height: 1fr; }
    BriefingList > #list-title { height: 1; padding: 0 1; color: $text-muted; }
    BriefingList > Input { height: 1; border: none; padding: 0 1; margin: 0; background: $boost; }
    BriefingList > Input:focus { background: $primary 20%; }
    BriefingList > BriefingRows { height: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.docs: list[DocumentInfo] = []
        self.shown: list[DocumentInfo] = []
        self.current: str | None = None

    def compose(self) -> ComposeResult:
        yield Static("Briefings", id="list-title")
        yield FilterInput(placeholder="type to filter…", id="filter", compact=True, select_on_focus=False)
        yield BriefingRows(id="briefings")

    @property
    def options(self) -> BriefingRows:
        return self.query_one(BriefingRows)

    @property
    def filter_input(self) -> Input:
        return self.query_one("#filter", Input)

    def set_documents(self, docs: list[DocumentInfo]) -> None:
        self.docs = list(docs)
        self._refilter()

    def mark_current(self, doc_id: str | None) -> None:
        self.current = doc_id
        rows = self.options
        rows.current = doc_id
        for i, d in enumerate(self.shown):
            if d.id == doc_id:
                rows.highlighted = i
                break
        rows.refresh()

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
        rows = self.options
        rows.current = self.current
        index = next((i for i, d in enumerate(shown) if d.id == self.current), 0) if shown else None
        rows.set_rows(shown, index)
        title = self.query_one("#list-title", Static)
        total = len(self.docs)
        title.update(f"Briefings ({len(shown)}/{total})" if words else f"Briefings ({total})")

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._refilter()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_open()

    @on(BriefingRows.Selected)
    def _selected(self, event: BriefingRows.Selected) -> None:
        event.stop()
        self._open(event.index)

    def action_cursor(self, step: int) -> None:
        self.options.action_move(step)

    def action_open(self) -> None:
        rows = self.options
        if rows.highlighted is not None:
            self._open(rows.highlighted)

    def _open(self, index: int) -> None:
        if 0 <= index < len(self.shown):
            self.post_message(OpenBriefing(Target(self.shown[index].id)))

    def clear_filter(self) -> bool:
        """Empty the filter; True if it had text."""
        inp = self.filter_input
        if inp.value:
            inp.value = ""
            return True
        return False
