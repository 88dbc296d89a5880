"""Every note of the store in one view (m): filter by text and #tag, enter opens the
briefing at the passage (one of this folder's briefings; a note made elsewhere says
where it is)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from briefreader.core.model import Note
from briefreader.core.notes.citation import Citation, balanced_quote
from briefreader.ui.excerpts import first_words


@dataclass(frozen=True)
class CitedNote:
    note: Note
    citation: Citation
    here: bool  # its briefing is in the folder open in the reader


def note_matches(item: CitedNote, query: str) -> bool:
    """Every word of ``query`` in the note (its passage, text, tags, briefing);
    a ``#tag`` word only among its tags."""
    n, c = item.note, item.citation
    hay = " ".join((n.text, n.body, c.title, c.date or "", c.speaker or "")).lower()
    tags = {t.lower() for t in n.tags}
    for word in query.lower().split():
        if word.startswith("#"):
            if word[1:] not in tags:
                return False
        elif word not in hay:
            return False
    return True


class NotesBrowser(Screen[CitedNote | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back", id="notes_browser.close"),
        Binding("down", "to_list", "Notes", id="notes_browser.list", show=False),
    ]
    DEFAULT_CSS = """
    NotesBrowser > Vertical { padding: 0 1; }
    NotesBrowser #nb-title { height: 1; color: $text-muted; }
    NotesBrowser Input { margin: 0 0 1 0; }
    NotesBrowser OptionList { height: 1fr; border: none; background: transparent; }
    NotesBrowser .nb-meta { color: $text-muted; }
    """

    class Loaded(Message):
        def __init__(self, items: list[CitedNote], error: str | None = None) -> None:
            super().__init__()
            self.items, self.error = items, error

    def __init__(self, library: Any, here: set[str]) -> None:
        super().__init__()
        self.library = library
        self.here = here
        self.items: list[CitedNote] = []
        self.shown: list[CitedNote] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Notes — loading…", id="nb-title")
            yield Input(placeholder="filter: words, #tag", id="nb-filter")
            yield OptionList(id="nb-list")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._load()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _load(self) -> None:
        try:
            pairs = self.library.notes_with_citations()
        except Exception as exc:  # noqa: BLE001 - shown in the view
            self.post_message(self.Loaded([], f"Notes unavailable: {exc}"))
            return
        items = [CitedNote(n, c, n.document in self.here and not _elsewhere(n, self.library)) for n, c in pairs]
        items.sort(key=lambda i: (i.citation.date or "", i.note.created), reverse=True)
        self.post_message(self.Loaded(items))

    @on(Loaded)
    def _loaded(self, event: Loaded) -> None:
        self.items = event.items
        if event.error:
            self.query_one("#nb-title", Static).update(event.error)
            return
        self._refilter()

    @on(Input.Changed, "#nb-filter")
    def _changed(self, event: Input.Changed) -> None:
        self._refilter()

    @on(Input.Submitted, "#nb-filter")
    def _submitted(self) -> None:
        self.action_to_list()

    def _refilter(self) -> None:
        query = self.query_one(Input).value
        self.shown = [i for i in self.items if note_matches(i, query)]
        ol = self.query_one(OptionList)
        ol.set_options([self._option(k, i) for k, i in enumerate(self.shown)])
        total = len(self.items)
        count = f"{len(self.shown)}/{total}" if query.strip() else str(total)
        self.query_one("#nb-title", Static).update(
            f"Every note ({count}) · enter: open at the passage · escape: back"
            if total else "No notes yet: in the reader, v selects a passage, a annotates")

    @staticmethod
    def _option(k: int, item: CitedNote) -> Option:
        n, c = item.note, item.citation
        where = " · ".join(x for x in (c.date or "undated", c.title, c.speaker or "") if x)
        if not item.here:
            where += " · (another folder)"
        tags = " ".join(f"#{t}" for t in n.tags if f"#{t}" not in n.body.lower())
        body = f"{n.body} {tags}".strip()
        parts: list[tuple[str, str] | str] = [(balanced_quote(first_words(n.text, 30)), "italic"), "\n"]
        if body:
            parts += [("✎ ", "$text-warning"), first_words(body, 40), "\n"]
        parts.append((where, "$text-muted"))
        return Option(Content.assemble(*parts), id=f"n{k}")

    def action_to_list(self) -> None:
        ol = self.query_one(OptionList)
        if ol.option_count:
            ol.focus()
            if ol.highlighted is None:
                ol.highlighted = 0

    @on(OptionList.OptionSelected, "#nb-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        k = int((event.option.id or "n-1")[1:])
        if 0 <= k < len(self.shown):
            item = self.shown[k]
            if not item.here:
                self.notify(f"That note is on a briefing of another folder: {item.note.path or item.note.document}",
                            markup=False, timeout=6)
                return
            self.dismiss(item)

    def action_close(self) -> None:
        self.dismiss(None)


def _elsewhere(note: Note, library: Any) -> bool:
    """A note with the same document id as a briefing here but made on another file."""
    try:
        doc = library.document(note.document)
    except Exception:  # noqa: BLE001
        return True
    return bool(note.path) and note.path != doc.path
