"""The reader's highlights: which spans of each block to style, and with which
component class (``reader--quote-0``, ``reader--hit``, ...).

Static highlights (headings, stage directions, speaker labels, quotes coloured by
speaker) are built once per briefing; dynamic ones (notes, search hits, the marked
span) each time they change. Pure Python: the reader turns the class names into
styles when it draws a line."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import NamedTuple

from briefreader.core.model import REPORTER, Analysis, Note
from briefreader.ui.quote_entries import UNKNOWN
from briefreader.ui.speaker_colours import speaker_order

SLOTS = 6  # speaker colour slots: reader--label-0..5, reader--quote-0..5


class Highlight(NamedTuple):
    start: int
    end: int
    component: str  # a component class of the reader


class Highlights:
    """The highlights of one briefing, by block (index into ``briefing.blocks``)."""

    def __init__(self, analysis: Analysis | None) -> None:
        self.block_starts: list[int] = []
        self.static: list[list[Highlight]] = []
        self.dynamic: dict[int, list[Highlight]] = {}
        self.speaker_slot: dict[str, str] = {}
        if analysis is not None:
            self._build(analysis)

    def _build(self, a: Analysis) -> None:
        b = a.briefing
        self.block_starts = [blk.start for blk in b.blocks]
        self.speaker_slot = {s: str(i % SLOTS) for i, s in enumerate(speaker_order(a))}
        static: list[list[Highlight]] = [[] for _ in b.blocks]
        for i, blk in enumerate(b.blocks):
            if blk.kind == "heading":
                static[i].append(Highlight(blk.start, blk.end, "reader--heading"))
            elif blk.kind == "stage":
                static[i].append(Highlight(blk.start, blk.end, "reader--stage"))
            if blk.label_start >= 0:
                static[i].append(Highlight(blk.label_start, blk.label_end, self.label_class(blk.speaker)))
        for q in a.quotes:
            if q.kind == "turn":
                continue
            cls = self.quote_class(q.speaker)
            for s, e in q.spans or ((q.start, q.end),):
                for bi in self.blocks_over(s, e):
                    static[bi].append(Highlight(s, e, cls))
        self.static = static

    def label_class(self, speaker: str | None) -> str:
        if speaker == REPORTER:
            return "reader--label-reporter"
        return f"reader--label-{self.speaker_slot.get(speaker or '', '0')}"

    def quote_class(self, speaker: str | None) -> str:
        if not speaker or speaker == UNKNOWN:
            return "reader--quote-unknown"
        return f"reader--quote-{self.speaker_slot.get(speaker, '0')}"

    def blocks_over(self, s: int, e: int) -> range:
        """The blocks that the span [s, e) overlaps."""
        lo = max(bisect_right(self.block_starts, s) - 1, 0)
        hi = max(bisect_left(self.block_starts, e), lo + 1)
        return range(lo, min(hi, len(self.block_starts)))

    def set_dynamic(self, notes: list[Note], hits: list[tuple[int, int]], hit_index: int | None,
                    mark: tuple[int, int] | None) -> None:
        """Notes, search hits (the current one apart) and the marked span."""
        dyn: dict[int, list[Highlight]] = {}
        for n in notes:
            for bi in self.blocks_over(n.start, n.end):
                dyn.setdefault(bi, []).append(Highlight(n.start, n.end, "reader--note"))
        for i, (s, e) in enumerate(hits):
            cls = "reader--hit-current" if i == hit_index else "reader--hit"
            for bi in self.blocks_over(s, e):
                dyn.setdefault(bi, []).append(Highlight(s, e, cls))
        if mark:
            for bi in self.blocks_over(*mark):
                dyn.setdefault(bi, []).append(Highlight(*mark, "reader--mark"))
        self.dynamic = dyn

    def of_block(self, block: int) -> tuple[list[Highlight], list[Highlight]]:
        """The static and the dynamic highlights of a block."""
        return self.static[block], self.dynamic.get(block, [])
