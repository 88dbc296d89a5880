"""The briefing list: what differs in each title (``list_titles``), the date, the kind of
briefing (transcript / news / web page / round-up) and its main speakers, a mark for
briefings with notes; newest first or by title (ctrl+s); typing filters it (every word
must appear in the title, date, kind or speakers)."""

from __future__ import annotations

from collections import Counter
from typing import ClassVar

from rich.cells import cell_len
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

from briefreader.core.listing import kind_of
from briefreader.core.model import DocumentInfo
from briefreader.ui.keys import LIST_BINDINGS
from briefreader.ui.messages import OpenBriefing, Target
from briefreader.ui.widgets.list_titles import second_line, short_titles

NOTE_MARK = "✎ "
SORTS = ("date", "title")


def kind_label(doc: DocumentInfo) -> str:
    """transcript / news / web page / round-up (the catalog's; else from the format)."""
    return doc.kind or kind_of(doc.format, doc.path)


def _matches(doc: DocumentInfo, words: list[str]) -> bool:
    hay = f"{doc.title} {doc.date or ''} {kind_label(doc)} {' '.join(doc.speakers)}".lower()
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
    """The rows: two lines per briefing (title; date · kind · speakers), drawn on demand so a
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
    COMPONENT_CLASSES = {"rows--meta", "rows--highlight", "rows--current", "rows--note"}
    DEFAULT_CSS = """
    BriefingRows { background: transparent; scrollbar-size-vertical: 1; }
    BriefingRows > .rows--meta { color: $text-muted; }
    BriefingRows > .rows--note { color: $text-warning; }
    BriefingRows > .rows--highlight { background: $foreground 22%; color: $foreground; }
    BriefingRows:focus > .rows--highlight { background: $foreground; color: $background; text-style: bold; }
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
        self.shown_titles: dict[str, str] = {}  # doc id -> the text its row shows
        self.noted: set[str] = set()  # ids of the briefings with notes

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
        self._show_highlighted()
        self.refresh()

    def on_resize(self) -> None:
        self._show_highlighted()

    def _show_highlighted(self) -> None:
        new, height = self.highlighted, self.scrollable_content_region.height
        if new is None or not height:  # not laid out yet: nothing to scroll
            return
        top = new * self.ROW
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=False, force=True)
        elif top + self.ROW > self.scroll_y + height:
            self.scroll_to(y=top + self.ROW - height, animate=False, force=True)

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
        first, rest = self._title_lines(d, width - 1)
        if sub == 0:
            if d.id == self.current:
                style = style + self.get_visual_style("rows--current", partial=True)
            mark = NOTE_MARK if d.id in self.noted else ""
            segments = [Segment(" ", style.rich_style)]
            if mark:
                note = style if i == self.highlighted else style + self.get_visual_style("rows--note", partial=True)
                segments.append(Segment(mark, note.rich_style))
            segments.append(Segment(first, style.rich_style))
        else:
            meta_style = style if i == self.highlighted else style + self.get_visual_style("rows--meta", partial=True)
            date = " " + (d.date or "undated")
            tail, meta = second_line(rest, kind_label(d), d.speakers, width - cell_len(date))
            segments = [Segment(date, meta_style.rich_style), Segment(tail, style.rich_style),
                        Segment(meta, meta_style.rich_style)]
        strip = Strip(segments)
        if strip.cell_length > width:
            strip = strip.crop(0, max(width - 1, 0))
            strip = Strip([*strip, Segment("…", style.rich_style)])
        return strip.extend_cell_length(width, style.rich_style).crop(0, width)

    def _title_lines(self, d: DocumentInfo, width: int) -> tuple[str, str]:
        """The row's title on its first line, and what does not fit there (shown after
        the date on the second line)."""
        title = self.shown_titles.get(d.id) or d.title or d.id
        room = width - (cell_len(NOTE_MARK) if d.id in self.noted else 0)
        if cell_len(title) <= room:
            return title, ""
        cut = title[:room + 1].rfind(" ")
        if cut < room // 2:
            cut = room
        return title[:cut].rstrip(), title[cut:].lstrip()

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

    APP_KEYS = frozenset("l/\"?tq")  # keys that do here what they do elsewhere; other letters filter

    def on_key(self, event: events.Key) -> None:
        if event.is_printable and event.character and not event.character.isspace():
            owner = self.parent
            if isinstance(owner, BriefingList) and event.character not in self.APP_KEYS:
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
        self.sort = "date"
        self._short: dict[str, str] = {}

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
        short = short_titles(d.title for d in docs)
        repeated = {t for t, n in Counter(d.title for d in docs).items() if n > 1}
        # a title several briefings share: the date (month-day) makes the rows differ
        self._short = {d.id: (f"{d.date[5:]} {short[d.title]}" if d.title in repeated and d.date
                              else short[d.title]) for d in docs}
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

    def set_noted(self, ids: set[str]) -> None:
        """The briefings that have notes (marked in their row)."""
        self.options.noted = set(ids)
        self.options.refresh()

    def action_sort(self) -> None:
        """Newest first, or by title (the shown text)."""
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self._refilter()
        self.notify(f"Briefings by {self.sort}", timeout=2)

    def start_filter(self, text: str) -> None:
        inp = self.filter_input
        inp.value = inp.value + text
        inp.cursor_position = len(inp.value)
        inp.focus()

    def focus_list(self) -> None:
        """Focus the rows (typing starts the filter, arrows choose, enter opens; l and
        escape leave as elsewhere); the filter when it has text."""
        if self.filter_input.value:
            self.filter_input.focus()
        else:
            self.options.focus()

    def _refilter(self) -> None:
        words = self.filter_input.value.lower().split() if self.is_mounted else []
        shown = [d for d in self.docs if _matches(d, words)] if words else list(self.docs)
        if self.sort == "title":
            shown.sort(key=lambda d: (self._short.get(d.id, d.title).casefold(), d.date or ""))
        self.shown = shown
        rows = self.options
        rows.shown_titles = self._short
        rows.current = self.current
        index = next((i for i, d in enumerate(shown) if d.id == self.current), 0) if shown else None
        rows.set_rows(shown, index)
        title = self.query_one("#list-title", Static)
        total = len(self.docs)
        by = " · by title" if self.sort == "title" else ""
        title.update(f"Briefings ({len(shown)}/{total}){by}" if words else f"Briefings ({total}){by}")

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
