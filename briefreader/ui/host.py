"""What the command palette and the controllers need of the app, as Protocols.

The app (``BriefreaderApp``) satisfies each of them; the palette providers and the
controllers depend on these, never on the app module, so nothing imports back into it.
"""

from __future__ import annotations

import threading
from typing import Any, Protocol

from briefreader.core.model import Analysis, Briefing, DocumentInfo, SyncReport
from briefreader.ui.messages import Target
from briefreader.ui.widgets.briefing_list import BriefingList
from briefreader.ui.widgets.reader import Reader
from briefreader.ui.widgets.search_bar import SearchBar
from briefreader.ui.widgets.search_results import SearchResults
from briefreader.ui.widgets.side_panel import SidePanel
from briefreader.ui.widgets.sync_bar import SyncBar


class PaletteHost(Protocol):
    """What the palette lists (briefings, the open briefing's topics and speakers) and does."""

    @property
    def documents(self) -> list[DocumentInfo]: ...

    @property
    def analysis(self) -> Analysis | None: ...

    def open_target(self, target: Target) -> None: ...

    def jump_to_segment(self, index: int) -> None: ...

    def jump_to_speaker(self, name: str) -> None: ...

    def set_theme(self, name: str) -> None: ...


class LibraryHost(Protocol):
    """The core facade, and the lock that keeps to one thread at a time reading it
    (a sync's writes apart)."""

    @property
    def library(self) -> Any: ...

    @property
    def lib_lock(self) -> threading.Lock: ...


class NotesHost(LibraryHost, Protocol):
    """The open briefing, and the panes that show its notes (and mark the list)."""

    @property
    def analysis(self) -> Analysis | None: ...

    @property
    def blist(self) -> BriefingList: ...

    @property
    def reader(self) -> Reader: ...

    @property
    def side(self) -> SidePanel: ...

    @property
    def documents(self) -> list[DocumentInfo]: ...

    def open_target(self, target: Target) -> None: ...


class SearchHost(LibraryHost, Protocol):
    """The search bar and its results, the reader (hits in the open briefing), timings."""

    @property
    def documents(self) -> list[DocumentInfo]: ...

    @property
    def analysis(self) -> Analysis | None: ...

    @property
    def reader(self) -> Reader: ...

    @property
    def search_bar(self) -> SearchBar: ...

    @property
    def results(self) -> SearchResults: ...

    @property
    def syncing(self) -> bool: ...

    @property
    def searchable(self) -> tuple[int, int] | None: ...

    @property
    def metrics(self) -> dict[str, float]: ...

    def update_topic_bar(self) -> None: ...


class SyncHost(LibraryHost, Protocol):
    """The sync's status line, and what to do when the index changed."""

    @property
    def sync_bar(self) -> SyncBar: ...

    def index_changed(self, report: SyncReport) -> None: ...

    def index_grew(self) -> None: ...


class OpenerHost(LibraryHost, Protocol):
    """The panes that show the open briefing, its header, and timings."""

    @property
    def reader(self) -> Reader: ...

    @property
    def side(self) -> SidePanel: ...

    @property
    def blist(self) -> BriefingList: ...

    @property
    def metrics(self) -> dict[str, float]: ...

    def show_header(self, briefing: Briefing) -> None: ...

    def update_topic_bar(self) -> None: ...
