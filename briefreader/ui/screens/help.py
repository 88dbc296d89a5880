"""The help screen: every key, grouped by where it works (after the user's keymap)."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from briefreader.ui.keys import GROUPS, keys_for


def display_path(path: Path, home: Path | None) -> str:
    """``path`` as the user knows it: under $BRIEFREADER_HOME or ~ when it is."""
    if home is not None and path.is_relative_to(home):
        return f"$BRIEFREADER_HOME/{path.relative_to(home)}"
    user = Path.home()
    return f"~/{path.relative_to(user)}" if path.is_relative_to(user) else str(path)


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close", id="help.close"),
        Binding("j,down", "scroll(1)", "Down", show=False),
        Binding("k,up", "scroll(-1)", "Up", show=False),
    ]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > Vertical { width: 90; max-width: 100%; height: 90%; border: round $accent;
                            background: $surface; padding: 0 1; }
    HelpScreen #help-title { height: 1; text-style: bold; color: $text-accent; }
    HelpScreen VerticalScroll { height: 1fr; }
    HelpScreen .group { margin-top: 1; height: auto; }
    HelpScreen #help-foot { height: 1; color: $text-muted; }
    """

    def __init__(self, keymap: dict[str, str], config_path: str) -> None:
        super().__init__()
        self.keymap = keymap
        self.config_path = config_path

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("briefreader — keys", id="help-title")
            with VerticalScroll():
                for group in GROUPS:
                    yield Static(self._group(group.title, group.where, group.bindings), classes="group")
            yield Static(f"Remap in {self.config_path}: [keys] \"reader.next_topic\" = \"]\" · "
                         "escape closes", id="help-foot", markup=False)

    def _display(self, keys: str) -> str:
        shown = []
        for k in keys.split(","):
            k = k.strip()
            if k:
                shown.append(self.app.get_key_display(Binding(k, "")))
        return " ".join(shown)

    def _group(self, title: str, where: str, bindings: list[Binding]) -> Content:
        """Keys and what they do, the descriptions wrapped (never cut); each key's id
        (for the keymap) on its own dim line under the description."""
        width = min(self.app.size.width, 90) - 7  # the box: 90 wide at most, border, padding, scrollbar
        key_width = 14
        desc_width = max(width - key_width - 3, 20)
        indent = " " * (key_width + 3)
        parts: list[Content | str | tuple[str, str]] = [(title, "bold $text-accent")]
        if where:
            parts.append((f" — {where}", "$text-muted"))
        for b in bindings:
            keys = self._display(keys_for(b, self.keymap))
            lines = textwrap.wrap(b.tooltip or b.description, desc_width) or [""]
            parts.append("\n")
            parts.append((f"  {keys:<{key_width}} ", "bold"))
            parts.append(lines[0])
            for line in lines[1:]:
                parts.append("\n" + indent + line)
            if b.id and self.app.size.width >= 100:
                parts.append(("\n" + indent + b.id, "$text-muted"))
        return Content.assemble(*parts)

    def action_scroll(self, step: int) -> None:
        self.query_one(VerticalScroll).scroll_relative(y=step, animate=False, force=True)
