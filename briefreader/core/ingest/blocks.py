"""Raw blocks and the builder that lays rendered blocks out as canonical text."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000\f\v]+")
_AROUND_NL = re.compile(r" ?\n ?")


@dataclass(slots=True)
class RawBlock:
    kind: str  # heading | paragraph | list_item | quote_block
    start: int
    end: int
    level: int = 0
    line: int = -1
    lead: str = ""  # the bold words the block opens with ("Sergei Lavrov:"), spaces folded
    links: float = 0.0  # the share of the block's characters inside links (HTML)
    boxed: bool = False  # inside a share bar, breadcrumbs, a related-links or tag box (HTML)


def clean_inline(text: str) -> str:
    """Reading text of one block: runs of spaces folded, hard-wrapped lines joined."""
    text = _SPACES.sub(" ", text)
    text = _AROUND_NL.sub("\n", text)
    return text.strip()


class TextBuilder:
    """Appends blocks separated by a blank line; records their spans."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._len = 0
        self.blocks: list[RawBlock] = []

    def add(self, kind: str, text: str, level: int = 0, line: int = -1, lead: str = "",
            links: float = 0.0, boxed: bool = False) -> None:
        text = clean_inline(text)
        if not text:
            return
        if self._parts:
            self._parts.append("\n\n")
            self._len += 2
        start = self._len
        self._parts.append(text)
        self._len += len(text)
        self.blocks.append(RawBlock(kind, start, self._len, level, line, " ".join(lead.split()), links, boxed))

    def text(self) -> str:
        return "".join(self._parts)
