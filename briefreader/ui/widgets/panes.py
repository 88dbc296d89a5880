"""The three panes — briefing list · reader column · side panel — and how they share
the terminal's width.

Below ``NARROW`` columns the list and the side panel are toggles that take the whole
screen; below ``MEDIUM`` the side panel is shown on demand (t), one side pane at a
time. The layout is classes on ``#main`` (``-narrow``, ``-hide-list``, ``-searching``,
...) that app.tcss styles."""

from __future__ import annotations

from textual.containers import Horizontal

from briefreader.ui.widgets.briefing_list import BriefingList
from briefreader.ui.widgets.reader import Reader
from briefreader.ui.widgets.side_panel import SidePanel

NARROW = 100  # below: the list and the side panel are toggles that take the screen
MEDIUM = 130  # below: list and reader, the side panel on demand (t)
WIDE = 160  # from here the panes get their full widths
TIERS = ("-narrow", "-medium", "-large", "-wide")


def tier_for(width: int) -> str:
    if width < NARROW:
        return "-narrow"
    if width < MEDIUM:
        return "-medium"
    return "-large" if width < WIDE else "-wide"


class Panes(Horizontal):
    """``#main``: the panes, their widths and which of them are shown."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.tier = ""

    def apply_width(self, width: int) -> None:
        """Pick the layout for the terminal's width; on a change of tier the panes go
        back to that tier's defaults."""
        tier = tier_for(width)
        if tier == self.tier:
            return
        self.tier = tier
        for name in TIERS:
            self.set_class(name == tier, name)
        self.remove_class("-list-open", "-side-open", "-hide-list")
        self.set_class(tier == "-medium", "-hide-side")
        self.call_after_refresh(self._focus_shown)

    def _focus_shown(self) -> None:
        """A pane hidden by the new width keeps no focus: the reader takes it."""
        if self.searching or self.app.screen is not self.screen:
            return
        hidden = (self.focus_within("#side") and not self.side_shown()
                  or self.focus_within("#list") and not self.list_shown())
        if hidden or self.app.focused is None:  # (Textual drops the focus of a hidden widget)
            self.query_one(Reader).focus()

    @property
    def narrow(self) -> bool:
        return self.has_class("-narrow")

    def list_shown(self) -> bool:
        return self.has_class("-list-open") if self.narrow else not self.has_class("-hide-list")

    def side_shown(self) -> bool:
        return self.has_class("-side-open") if self.narrow else not self.has_class("-hide-side")

    def toggle_list(self) -> None:
        """Show and focus the list; if it has the focus already, hide it."""
        blist = self.query_one(BriefingList)
        if self.list_shown() and not self.focus_within("#list"):
            blist.focus_list()
            return
        if self.narrow:
            opening = not self.has_class("-list-open")
            self.remove_class("-side-open")
            self.set_class(opening, "-list-open")
        else:
            opening = self.has_class("-hide-list")
            self.set_class(not opening, "-hide-list")
            if opening and self.tier == "-medium":
                self.add_class("-hide-side")  # medium width: one side pane at a time
        if opening:
            blist.focus_list()
        else:
            self.query_one(Reader).focus()

    def toggle_side(self) -> None:
        """Show and focus the side panel; if it has the focus already, hide it."""
        side = self.query_one(SidePanel)
        if self.side_shown() and not self.focus_within("#side"):
            side.activate(side.active or "quotes")
            return
        if self.narrow:
            opening = not self.has_class("-side-open")
            self.remove_class("-list-open")
            self.set_class(opening, "-side-open")
        else:
            opening = self.has_class("-hide-side")
            self.set_class(not opening, "-hide-side")
            if opening and self.tier == "-medium":
                self.add_class("-hide-list")  # medium width: one side pane at a time
        if opening:
            side.activate(side.active or "quotes")
        else:
            self.query_one(Reader).focus()

    def show_side_tab(self, tab: str) -> None:
        if self.narrow:
            self.remove_class("-list-open")
            self.add_class("-side-open")
        else:
            self.remove_class("-hide-side")
            if self.tier == "-medium":
                self.add_class("-hide-list")
        self.query_one(SidePanel).activate(tab)

    def back_to_reader(self) -> None:
        """After opening or jumping: in a narrow terminal the reader takes the screen again."""
        self.remove_class("-list-open", "-side-open")
        self.close_search()
        self.query_one(Reader).focus()

    def focus_within(self, selector: str) -> bool:
        focused = self.app.focused
        return focused is not None and any(
            node.id == selector.lstrip("#") for node in focused.ancestors_with_self)

    # -- the search bar and its results take the reader's column ----------------------
    @property
    def searching(self) -> bool:
        return self.has_class("-searching")

    def open_search(self) -> None:
        self.remove_class("-list-open", "-side-open")
        self.add_class("-searching")

    def close_search(self) -> None:
        self.remove_class("-searching")
