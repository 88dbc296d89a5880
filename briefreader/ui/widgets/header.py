"""The header: the open briefing's title, date, format and source, on one line.

The title gives way (it is truncated) so that the date and the source stay visible
at any width."""

from __future__ import annotations

from urllib.parse import urlparse

from rich.cells import cell_len, set_cell_size
from textual.app import RenderResult
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget


def source_label(source_url: str | None, path: str) -> str:
    if source_url:
        host = urlparse(source_url).netloc
        return host or source_url
    return path.rsplit("/", 1)[-1]


class BriefHeader(Widget):
    DEFAULT_CSS = """
    BriefHeader { dock: top; height: 1; background: $panel; color: $foreground; padding: 0 1; }
    """

    title_text: reactive[str] = reactive("briefreader")
    meta_text: reactive[str] = reactive("")

    def show(self, title: str, meta: str) -> None:
        self.title_text, self.meta_text = title, meta

    def render(self) -> RenderResult:
        width = self.content_region.width
        meta = self.meta_text
        room = width - (cell_len(meta) + 3 if meta else 0)
        title = self.title_text
        if room < 12 and meta:  # too narrow for both: the title wins
            meta, room = "", width
        if cell_len(title) > room:
            title = set_cell_size(title, max(room - 1, 0)) + "…"
        parts: list[tuple[str, str] | str] = [(title, "bold")]
        if meta:
            parts.append(" " * max(width - cell_len(title) - cell_len(meta), 1))
            parts.append((meta, "$text-muted"))
        return Content.assemble(*parts)
