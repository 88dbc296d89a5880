"""The sync's status line at the bottom: what the index sync is doing, and its progress."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ProgressBar, Static

from briefreader.ui.plain import plain

CHECKING = "Checking the index…"


class SyncBar(Horizontal):
    """A label and a progress bar (``#sync-label``, ``#sync-progress``; styled in app.tcss)."""

    def compose(self) -> ComposeResult:
        yield Static(CHECKING, id="sync-label")
        yield ProgressBar(id="sync-progress", show_eta=False, show_percentage=True)

    def checking(self) -> None:
        """Shown, with an indeterminate bar, while the sync looks for changes."""
        self.display = True
        self.say(CHECKING)
        self.query_one("#sync-progress", ProgressBar).update(total=None, progress=0)

    def say(self, text: str) -> None:
        self.query_one("#sync-label", Static).update(plain(text, line=True))  # file names: never markup

    def progress(self, done: int, total: int, path: str) -> None:
        name = path.rsplit("/", 1)[-1]
        self.say(f"Indexing {done}/{total}  {name}" if done < total else
                 f"Saving the index of {total} briefings…")
        self.query_one("#sync-progress", ProgressBar).update(total=max(total, 1), progress=done)
