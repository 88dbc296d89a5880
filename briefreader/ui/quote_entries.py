"""What the Quotes tab lists and what } / { walk: one entry per direct or partial
quote, and one per transcript turn (a turn's sentence-quotes merged). The core marks
the turn sentences that only run the briefing (``Quote.procedural``: "Go ahead.");
an entry is procedural when every sentence it holds is."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from briefreader.core.model import REPORTER, Analysis

UNKNOWN = "Unknown speaker"


@dataclass(frozen=True, slots=True)
class QuoteEntry:
    speaker: str
    start: int
    end: int
    text: str
    kind: str  # direct | partial | turn
    procedural: bool = False  # every sentence of it runs the briefing ("Go ahead.")


def quote_entries(analysis: Analysis, include_procedural: bool = True) -> list[QuoteEntry]:
    """The entries in document order; without ``include_procedural`` the procedural
    sentences are left out (a turn that holds only those gives no entry)."""
    b = analysis.briefing
    starts = [blk.start for blk in b.blocks]
    out: list[QuoteEntry] = []
    last_turn: tuple[str, int] | None = None
    for q in sorted(analysis.quotes, key=lambda q: q.start):
        if q.procedural and not include_procedural:
            continue
        speaker = q.speaker or (REPORTER if q.is_question else UNKNOWN)
        if q.kind != "turn":
            out.append(QuoteEntry(speaker, q.start, q.end, q.text, q.kind, q.procedural))
            last_turn = None
            continue
        bi = bisect_right(starts, q.start) - 1
        turn = b.blocks[bi].turn if bi >= 0 else -1
        key = (speaker, turn if turn >= 0 else bi)
        if last_turn == key and out:
            prev = out[-1]
            out[-1] = QuoteEntry(speaker, prev.start, q.end, prev.text, "turn", prev.procedural and q.procedural)
        else:
            out.append(QuoteEntry(speaker, q.start, q.end, q.text, "turn", q.procedural))
        last_turn = key
    return out
