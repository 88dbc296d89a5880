"""Command palette: every command of the app as an action ("Search passages",
"Quotes tab", "Copy notes as citations", ...), with its key, so typing "search" finds
the command before the titles that contain the word."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from briefreader.ui.keys import APP_BINDINGS, READER_BINDINGS, keys_for


@dataclass(frozen=True)
class PaletteAction:
    label: str
    help: str
    action: str  # an action string, run on the app or the reader
    on_reader: bool = False


_SKIP = {"app.close", "app.tab_quotes", "app.tab_topics", "app.tab_notes", "reader.down", "reader.up"}
_LABELS = {"app.tab_quotes": "Quotes tab", "app.tab_topics": "Topics tab", "app.tab_notes": "Notes tab"}
EXTRA = [
    PaletteAction("Quotes tab", "the open briefing's quotes by speaker", "side_tab('quotes')"),
    PaletteAction("Topics tab", "the open briefing's topics", "side_tab('topics')"),
    PaletteAction("Notes tab", "the open briefing's notes", "side_tab('notes')"),
    PaletteAction("Copy every note as Markdown citations", "to the clipboard", "copy_notes_markdown"),
    PaletteAction("Follow this topic across briefings", "the same subject in other briefings, by date",
                  "follow_topic"),
]


def palette_actions(keymap: dict[str, str]) -> list[PaletteAction]:
    out: list[PaletteAction] = []
    for bindings, on_reader in ((APP_BINDINGS, False), (READER_BINDINGS, True)):
        for b in bindings:
            if not b.id or b.id in _SKIP:
                continue
            action = b.action.removeprefix("app.")
            label = re.sub(r"\s*\([^)]*\)", "", b.tooltip or b.description)
            key = keys_for(b, keymap).split(",")[0]
            out.append(PaletteAction(label, f"{b.description} · key {key}", action,
                                     on_reader and not b.action.startswith("app.")))
    return out + EXTRA


class ActionProvider(Provider):
    """Action: <command> — every command of the app."""

    def _items(self) -> list[PaletteAction]:
        return palette_actions(getattr(self.app, "keymap", {}))

    def _run(self, item: PaletteAction) -> Callable[[], object]:
        if item.on_reader:
            from briefreader.ui.widgets.reader import Reader

            return partial(self.app.run_action, item.action, self.app.query_one(Reader))
        return partial(self.app.run_action, item.action)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for item in self._items():
            text = f"Action: {item.label}"
            score = matcher.match(text)
            if score > 0:
                yield Hit(score * 2, matcher.highlight(text), self._run(item), help=item.help)

    async def discover(self) -> Hits:
        for item in self._items():
            yield DiscoveryHit(f"Action: {item.label}", self._run(item), help=item.help)
