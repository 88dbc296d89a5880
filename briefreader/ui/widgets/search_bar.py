"""The search bar: a Whoosh query (passages) or a quotes search with a speaker
filter. It debounces typing and asks the app to search; errors show inline. It opens
with the previous query selected (typing replaces it); up/down walk the history."""

from __future__ import annotations

import re
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Input, Static

from briefreader.ui.keys import SEARCH_BINDINGS
from briefreader.ui.plain import plain

_SPEAKER = re.compile(r"""\bspeaker:(?:"([^"]*)"|(\S+))""")
PASSAGES, QUOTES = "passages", "quotes"


def split_speaker(query: str) -> tuple[str, str]:
    """Pull ``speaker:name`` (or ``speaker:"full name"``) out of a quotes query."""
    m = _SPEAKER.search(query)
    if not m:
        return query.strip(), ""
    name = m.group(1) if m.group(1) is not None else m.group(2)
    return (query[: m.start()] + query[m.end():]).strip(), name.strip()


class SearchBar(Vertical):
    BINDINGS: ClassVar[list[BindingType]] = [*SEARCH_BINDINGS]

    DEFAULT_CSS = """
    SearchBar { height: auto; background: $boost; padding: 0 1; }
    SearchBar > Horizontal { height: 1; }
    SearchBar #mode { width: auto; padding: 0 1 0 0; color: $text-accent; text-style: bold; }
    SearchBar Input { height: 1; border: none; padding: 0; background: $surface; }
    SearchBar #query { width: 1fr; }
    SearchBar #speaker { width: 24; margin-left: 1; display: none; }
    SearchBar.-quotes #speaker { display: block; }
    SearchBar #status { height: 1; color: $text-muted; }
    SearchBar #status.-error { color: $text-error; }
    """

    mode: reactive[str] = reactive(PASSAGES)

    class Requested(Message):
        """Search now for ``query`` (``go``: and move to the results)."""

        def __init__(self, query: str, mode: str, speaker: str, go: bool) -> None:
            super().__init__()
            self.query, self.mode, self.speaker, self.go = query, mode, speaker, go

    class Browse(Message):
        """Move the focus to the results."""

    def __init__(self, debounce: float = 0.25, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.debounce = debounce
        self._timer: Timer | None = None
        self.history: list[str] = []  # queries searched (enter), oldest first
        self._walk: int | None = None  # position in the history while walking it

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Static("Search", id="mode")
            yield Input(placeholder='words, "a phrase", AND OR NOT, wild*, speaker:name, date:2023',
                        id="query", compact=True, select_on_focus=False)
            yield Input(placeholder="speaker", id="speaker", compact=True)
        yield Static("", id="status")

    @property
    def query_input(self) -> Input:
        return self.query_one("#query", Input)

    @property
    def speaker_input(self) -> Input:
        return self.query_one("#speaker", Input)

    def watch_mode(self, mode: str) -> None:
        self.set_class(mode == QUOTES, "-quotes")
        self.query_one("#mode", Static).update("Quotes" if mode == QUOTES else "Search")
        ph = ("words in the quote; speaker:name or the box on the right" if mode == QUOTES else
              'words, "a phrase", AND OR NOT, wild*, speaker:name, date:2023')
        self.query_input.placeholder = ph

    def open(self, mode: str) -> None:
        changed = mode != self.mode
        self.mode = mode
        inp = self.query_input
        # focused now, not after the queued events: the keys of a burst (a paste)
        # that follow / are typed here, not taken as the reader's commands
        self.screen.set_focus(inp)
        inp.select_all()  # typing replaces the previous query; an arrow key keeps it
        self._walk = None
        if changed and (self.query_input.value.strip() or self.speaker_input.value.strip()):
            self._request(go=False)

    def values(self) -> tuple[str, str]:
        query = self.query_input.value
        speaker = self.speaker_input.value.strip()
        if self.mode == QUOTES:
            query, inline = split_speaker(query)
            speaker = speaker or inline
        return query.strip(), speaker

    def _request(self, go: bool) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        query, speaker = self.values()
        self.post_message(self.Requested(query, self.mode, speaker, go))

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        if self.debounce <= 0:
            self._request(go=False)
        else:
            self._timer = self.set_timer(self.debounce, lambda: self._request(go=False))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    def action_submit(self) -> None:
        self.remember(self.query_input.value)
        self._request(go=True)

    def remember(self, query: str) -> None:
        query = query.strip()
        if query:
            if query in self.history:
                self.history.remove(query)
            self.history.append(query)
        self._walk = None

    def action_history(self, step: int) -> None:
        """Up: the query before; down: the next one, and past the newest, the results."""
        if not self.history:
            if step > 0:
                self.post_message(self.Browse())
            return
        if self._walk is None:
            if step > 0:
                self.post_message(self.Browse())
                return
            self._walk = len(self.history)
        pos = self._walk + step
        if pos >= len(self.history):
            self._walk = None
            self.post_message(self.Browse())
            return
        self._walk = max(pos, 0)
        inp = self.query_input
        inp.value = self.history[self._walk]
        inp.cursor_position = len(inp.value)

    def action_results(self) -> None:
        self.post_message(self.Browse())

    def action_toggle_mode(self) -> None:
        self.open(PASSAGES if self.mode == QUOTES else QUOTES)

    def set_status(self, text: str | Content, error: bool = False) -> None:
        status = self.query_one("#status", Static)
        status.update(plain(text, line=True) if isinstance(text, str) else text)  # a query: never markup
        status.set_class(error, "-error")
