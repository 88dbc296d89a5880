"""A side-panel tab: an option list, or a line saying why it is empty."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefreader.ui.keys import SIDE_BINDINGS


class TabList(OptionList):
    BINDINGS: ClassVar[list[BindingType]] = [*SIDE_BINDINGS]


class SideTab(Vertical):
    list_class: type[TabList] = TabList

    DEFAULT_CSS = """
    SideTab { height: 1fr; }
    SideTab > .empty { color: $text-muted; padding: 1 1; height: auto; }
    SideTab > TabList, SideTab > TabList:focus { height: 1fr; border: none; padding: 0;
                                                 background: transparent; scrollbar-gutter: stable; }
    """

    def compose(self) -> ComposeResult:
        yield Static("", classes="empty")
        yield self.list_class()

    @property
    def options(self) -> TabList:
        return self.query_one(TabList)

    def show(self, options: Sequence[Option | None], empty: str) -> None:
        ol = self.options
        ol.set_options(options)
        msg = self.query_one(".empty", Static)
        msg.update(empty)
        msg.display = not options
        ol.display = bool(options)
        if options:
            ol.action_first()  # the first option that is not a group header
