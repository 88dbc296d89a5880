"""Each speaker's colour slot: speakers in order of first appearance, coloured in turn
(the reader's ``.reader--label-i`` / ``.reader--quote-i`` use the same theme variables)."""

from __future__ import annotations

from briefreader.core.model import REPORTER, Analysis
from briefreader.ui.quote_entries import UNKNOWN

# the colour of speaker slot i (the reader's .reader--label-i uses the same variables)
SLOT_COLOURS = ("$text-primary", "$text-success", "$text-warning", "$text-secondary", "$text-accent",
                "$text-error")


def speaker_order(analysis: Analysis) -> list[str]:
    """Speakers in order of first appearance (turn labels, then quotes), Reporter excluded."""
    seen: dict[str, int] = {}
    for blk in analysis.briefing.blocks:
        if blk.speaker and blk.speaker != REPORTER and blk.label_start >= 0:
            seen.setdefault(blk.speaker, blk.start)
    for q in analysis.quotes:
        if q.speaker and q.speaker != REPORTER:
            seen.setdefault(q.speaker, q.start)
    return sorted(seen, key=lambda s: seen[s])


def speaker_colours(analysis: Analysis) -> dict[str, str]:
    """A style (theme variables) per speaker, as the reader colours their labels."""
    colours = {s: SLOT_COLOURS[i % len(SLOT_COLOURS)] for i, s in enumerate(speaker_order(analysis))}
    colours[REPORTER] = "$text-muted"
    colours[UNKNOWN] = "$text-muted"
    return colours
