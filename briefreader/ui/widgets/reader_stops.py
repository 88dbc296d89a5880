"""Where the reader's keys stop: text offsets of topics (] [), sentences (w W),
quotes (} {) and speaker turns () (), in document order."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefreader.core.model import Analysis
from briefreader.ui.quote_entries import quote_entries


@dataclass(frozen=True)
class Stops:
    topics: list[int] = field(default_factory=list)  # start of each topic segment
    sentences: list[int] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)  # (start, end) of each quote entry
    turns: list[int] = field(default_factory=list)  # start of each labelled turn

    @classmethod
    def of(cls, analysis: Analysis | None) -> Stops:
        if analysis is None:
            return cls()
        b = analysis.briefing
        return cls(
            topics=[s.start for s in analysis.segments],
            sentences=[s.start for s in b.sentences],
            quotes=[(e.start, e.end) for e in quote_entries(analysis)],
            turns=[blk.start for blk in b.blocks if blk.label_start >= 0],
        )
