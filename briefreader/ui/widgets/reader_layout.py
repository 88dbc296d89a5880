"""Wrap a briefing's blocks into screen lines that keep their text offsets.

Pure Python (no Textual): the reader renders any line from this table on demand,
so opening a long transcript costs one pass of word wrapping and nothing else.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from rich.cells import cell_len

from briefreader.core.model import Briefing, TopicSegment

TEXT, BLANK, TOPIC = 0, 1, 2
_WORD = re.compile(r"\S+\s*|\s+")
_WIDE = re.compile(
    "[\u1100-\u115f\u231a-\u23ff\u2600-\u27bf\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff"
    "\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U0001f000-\U0010ffff]"
)  # may be double-width: measure cells properly


@dataclass(slots=True)
class Line:
    kind: int
    block: int = -1  # TEXT: index into briefing.blocks; TOPIC: index of the segment
    start: int = 0  # TEXT: [start, end) offsets into briefing.text
    end: int = 0
    prefix: str = ""  # indent / bullet drawn before the text (not part of the text)


class Layout:
    """The lines of one briefing at one width, with offset <-> line lookups."""

    def __init__(self, briefing: Briefing, segments: tuple[TopicSegment, ...], width: int) -> None:
        self.width = max(width, 8)
        self.lines: list[Line] = []
        self._text_lines: list[int] = []  # line numbers of TEXT lines, in order
        self._text_starts: list[int] = []  # their start offsets
        self.block_first_line: list[int] = []
        self.segment_line: list[int] = []  # the TOPIC header line of each segment
        self._build(briefing, segments)

    def _build(self, b: Briefing, segments: tuple[TopicSegment, ...]) -> None:
        text = b.text
        seg_at_block: dict[int, int] = {}
        for i, s in enumerate(segments):
            seg_at_block.setdefault(s.first_block, i)
        self.segment_line = [0] * len(segments)
        lines = self.lines
        for bi, block in enumerate(b.blocks):
            si = seg_at_block.get(bi)
            if si is not None:
                if lines:
                    lines.append(Line(BLANK))
                self.segment_line[si] = len(lines)
                lines.append(Line(TOPIC, si))
            elif lines:
                lines.append(Line(BLANK))
            self.block_first_line.append(len(lines))
            if block.kind == "list_item":
                first, rest = "  " * max(block.level - 1, 0) + "• ", "  " * block.level
            elif block.kind == "quote_block":
                first = rest = "│ " * max(block.level, 1)
            else:
                first = rest = ""
            self._wrap(bi, text, block.start, block.end, first, rest)
        if not lines:
            lines.append(Line(BLANK))

    def _wrap(self, bi: int, text: str, start: int, end: int, first: str, rest: str) -> None:
        lines, tl, ts = self.lines, self._text_lines, self._text_starts

        def emit(a: int, b: int, prefix: str) -> None:
            tl.append(len(lines))
            ts.append(a)
            lines.append(Line(TEXT, bi, a, b, prefix))

        prefix = first
        avail = max(self.width - len(prefix), 4)
        line_start, used = start, 0
        chunk = text[start:end]
        if "\n" in chunk:
            chunk = chunk.replace("\n", " ")
        measure = cell_len if _WIDE.search(chunk) else len
        for m in _WORD.finditer(chunk):
            word = m.group()
            wstart = start + m.start()
            bare = measure(word.rstrip())
            if used and used + bare > avail:
                emit(line_start, wstart, prefix)
                prefix = rest
                avail = max(self.width - len(prefix), 4)
                line_start, used = wstart, 0
            while used == 0 and bare > avail:  # a word longer than a line: fold it
                cut = wstart + avail  # here line_start == wstart
                emit(line_start, cut, prefix)
                word = word[avail:]
                wstart = line_start = cut
                prefix = rest
                avail = max(self.width - len(prefix), 4)
                bare = measure(word.rstrip())
            used += measure(word)
        emit(line_start, end, prefix)

    # -- lookups ------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.lines)

    def line_of(self, offset: int) -> int:
        """The TEXT line showing ``offset`` (or the nearest one before it)."""
        i = bisect_right(self._text_starts, offset) - 1
        return self._text_lines[max(i, 0)] if self._text_lines else 0

    def offset_of(self, line: int) -> int:
        """The text offset at the start of ``line`` (or of the next text line)."""
        line = max(0, min(line, len(self.lines) - 1))
        for n in range(line, len(self.lines)):
            if self.lines[n].kind == TEXT:
                return self.lines[n].start
        for n in range(line, -1, -1):
            if self.lines[n].kind == TEXT:
                return self.lines[n].start
        return 0
