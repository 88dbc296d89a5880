"""Typed access to the app's panes, as a mixin of ``BriefreaderApp``."""

from __future__ import annotations

from textual.dom import DOMNode

from briefreader.ui.widgets.briefing_list import BriefingList
from briefreader.ui.widgets.panes import Panes
from briefreader.ui.widgets.reader import Reader
from briefreader.ui.widgets.search_bar import SearchBar
from briefreader.ui.widgets.search_results import SearchResults
from briefreader.ui.widgets.side_panel import SidePanel
from briefreader.ui.widgets.sync_bar import SyncBar


class PaneAccess(DOMNode):
    """The one instance of each pane (``query_one`` by type)."""

    @property
    def reader(self) -> Reader:
        return self.query_one(Reader)

    @property
    def blist(self) -> BriefingList:
        return self.query_one(BriefingList)

    @property
    def side(self) -> SidePanel:
        return self.query_one(SidePanel)

    @property
    def search_bar(self) -> SearchBar:
        return self.query_one(SearchBar)

    @property
    def results(self) -> SearchResults:
        return self.query_one(SearchResults)

    @property
    def sync_bar(self) -> SyncBar:
        return self.query_one(SyncBar)

    @property
    def main(self) -> Panes:
        return self.query_one(Panes)
