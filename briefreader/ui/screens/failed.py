"""The files that could not be indexed, and why."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from briefreader.core.sanitize import one_line


class FailedScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,f", "dismiss", "Close", id="failed.close")]
    DEFAULT_CSS = """
    FailedScreen { align: center middle; }
    FailedScreen > Vertical { width: 90%; height: 80%; border: round $error; background: $surface;
                              padding: 0 1; }
    FailedScreen #failed-title { height: 1; text-style: bold; }
    FailedScreen DataTable { height: 1fr; }
    FailedScreen #failed-foot { height: 1; color: $text-muted; }
    """

    def __init__(self, failed: list[tuple[str, str]], roots: list[str]) -> None:
        super().__init__()
        self.failed = failed
        self.roots = roots

    def _short(self, path: str) -> str:
        for root in self.roots:
            if path.startswith(root.rstrip("/") + "/"):
                return path[len(root.rstrip("/")) + 1:]
        return path

    def compose(self) -> ComposeResult:
        with Vertical():
            n = len(self.failed)
            yield Static(f"{n} file{'s' if n != 1 else ''} could not be indexed" if n else
                         "Every file was indexed.", id="failed-title")
            table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True)
            table.add_columns("file", "why")
            for path, error in self.failed:
                table.add_row(Text(one_line(self._short(path))), Text(one_line(error)))  # never markup
            table.display = bool(n)
            yield table
            yield Static("escape closes · fix the files and press r to re-index", id="failed-foot")
