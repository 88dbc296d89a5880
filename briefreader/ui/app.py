"""Placeholder; the reader is being built."""
from __future__ import annotations

from typing import Any


def run_app(library: Any) -> int:
    from textual.app import App
    from textual.widgets import Footer, Header, Static

    class Shell(App[None]):
        BINDINGS = [("q", "quit", "Quit")]

        def compose(self):  # type: ignore[no-untyped-def]
            yield Header()
            yield Static("\n".join(d.title for d in library.documents()) or "no briefings")
            yield Footer()

    library.sync()
    Shell().run()
    return 0
