"""Small dialogs: the note editor and a yes/no confirmation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static, TextArea

from briefreader.ui.excerpts import first_words


@dataclass(frozen=True)
class NoteDraft:
    body: str
    tags: tuple[str, ...]


def parse_tags(text: str) -> tuple[str, ...]:
    seen: list[str] = []
    for t in text.replace(",", " ").split():
        t = t.lstrip("#")
        if t and t not in seen:
            seen.append(t)
    return tuple(seen)


class NoteEditor(ModalScreen[NoteDraft | None]):
    """Body (Markdown) and tags of a note on ``passage``. ctrl+s saves, escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="note.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="note.cancel"),
    ]
    DEFAULT_CSS = """
    NoteEditor { align: center middle; }
    NoteEditor > Vertical { width: 80; max-width: 100%; height: auto; max-height: 90%;
                            border: round $accent; background: $surface; padding: 0 1; }
    NoteEditor #passage { color: $text-muted; text-style: italic; height: auto; max-height: 4; }
    NoteEditor TextArea { height: 8; margin-top: 1; }
    NoteEditor Input { margin-top: 1; }
    NoteEditor Horizontal { height: auto; margin-top: 1; align-horizontal: right; }
    NoteEditor Button { margin-left: 1; }
    """

    def __init__(self, passage: str, body: str = "", tags: tuple[str, ...] = (),
                 title: str = "New note") -> None:
        super().__init__()
        self.passage, self.body, self.tags, self.title_text = passage, body, tags, title

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.title_text, classes="title")
            yield Static(f"“{first_words(self.passage, 40)}”", id="passage", markup=False)
            yield TextArea(self.body, id="body", soft_wrap=True, show_line_numbers=False)
            yield Input(" ".join(self.tags), placeholder="tags, separated by spaces", id="tags")
            with Horizontal():
                yield Button("Cancel", id="cancel")
                yield Button("Save (ctrl+s)", id="save", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#body", TextArea).focus()

    def action_save(self) -> None:
        body = self.query_one("#body", TextArea).text
        tags = parse_tags(self.query_one("#tags", Input).value)
        self.dismiss(NoteDraft(body, tags))

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.action_cancel()

    @on(Input.Submitted, "#tags")
    def _tags_done(self) -> None:
        self.action_save()


class Confirm(ModalScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]
    DEFAULT_CSS = """
    Confirm { align: center middle; }
    Confirm > Vertical { width: 60; max-width: 100%; height: auto; border: round $warning;
                         background: $surface; padding: 0 1; }
    Confirm Horizontal { height: auto; margin-top: 1; align-horizontal: right; }
    Confirm Button { margin-left: 1; }
    """

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, markup=False)
            with Horizontal():
                yield Button("No (n)", id="no")
                yield Button("Yes (y)", id="yes", variant="warning")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")
