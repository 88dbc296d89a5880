"""Notes tab: the reader's annotations of the open briefing; enter jumps to one."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.binding import BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefreader.core.model import Note
from briefreader.ui.excerpts import first_words
from briefreader.ui.keys import NOTES_BINDINGS
from briefreader.ui.messages import JumpTo
from briefreader.ui.widgets.side_tab import SideTab, TabList

EMPTY = "No notes yet. In the reader: w/W move by sentence, v selects, a annotates."


class NotesList(TabList):
    BINDINGS: ClassVar[list[BindingType]] = [*NOTES_BINDINGS]


class NotesTab(SideTab):
    list_class = NotesList

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._notes: dict[str, Note] = {}

    def set_notes(self, notes: list[Note] | None, unavailable: str | None = None) -> None:
        self._notes = {}
        if notes is None:
            self.show([], unavailable or "No briefing open.")
            return
        options = []
        for n in sorted(notes, key=lambda n: (n.state != "placed", n.start)):
            oid = f"n{len(self._notes)}"
            self._notes[oid] = n
            tags = "  " + " ".join(f"#{t}" for t in n.tags) if n.tags else ""
            state = "" if n.state == "placed" else "  (unplaced: its passage changed)"
            body = first_words(n.body, 20) if n.body.strip() else "(no text)"
            prompt = Content.assemble((f"“{first_words(n.text, 10)}”", "italic $text-muted"), "\n",
                                      (body, ""), (tags, "$text-accent"), (state, "$text-error"))
            options.append(Option(prompt, id=oid))
        self.show(options, EMPTY)

    def highlighted_note(self) -> Note | None:
        ol = self.options
        if ol.highlighted is None or not ol.option_count:
            return None
        return self._notes.get(ol.get_option_at_index(ol.highlighted).id or "")

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        n = self._notes.get(event.option.id or "")
        if n is not None and n.state == "placed":
            self.post_message(JumpTo(n.start, n.end))
