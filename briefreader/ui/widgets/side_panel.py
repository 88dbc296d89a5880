"""The side panel: Quotes, Topics and Notes of the open briefing, as tabs."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import TabbedContent, TabPane

from briefreader.core.model import Analysis, Note
from briefreader.ui.widgets.notes_tab import NotesTab
from briefreader.ui.widgets.quotes_tab import QuotesTab
from briefreader.ui.widgets.topics_tab import TopicsTab


class SidePanel(Vertical):
    DEFAULT_CSS = """
    SidePanel { height: 1fr; }
    SidePanel TabbedContent { height: 1fr; }
    SidePanel TabPane { padding: 0; height: 1fr; }
    SidePanel ContentSwitcher { height: 1fr; }
    """

    def compose(self) -> ComposeResult:
        with TabbedContent(initial="quotes"):
            with TabPane("Quotes", id="quotes"):
                yield QuotesTab(id="quotes-tab")
            with TabPane("Topics", id="topics"):
                yield TopicsTab(id="topics-tab")
            with TabPane("Notes", id="notes"):
                yield NotesTab(id="notes-tab")

    @property
    def quotes(self) -> QuotesTab:
        return self.query_one(QuotesTab)

    @property
    def topics(self) -> TopicsTab:
        return self.query_one(TopicsTab)

    @property
    def notes(self) -> NotesTab:
        return self.query_one(NotesTab)

    def set_analysis(self, analysis: Analysis | None) -> None:
        self.quotes.set_analysis(analysis)
        self.topics.set_analysis(analysis)

    def set_notes(self, notes: list[Note] | None, unavailable: str | None = None) -> None:
        self.notes.set_notes(notes, unavailable)

    @property
    def active(self) -> str:
        return self.query_one(TabbedContent).active

    def activate(self, tab: str) -> None:
        """Show a tab and focus its list."""
        self.query_one(TabbedContent).active = tab
        {"quotes": self.quotes, "topics": self.topics, "notes": self.notes}[tab].options.focus()
