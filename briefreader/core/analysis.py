"""One briefing's full analysis (ingest, quotes, topics), cached per content hash."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from briefreader.core.code_version import digest
from briefreader.core.ingest import load_file
from briefreader.core.model import Analysis, Briefing, Quote, TopicSegment

_VERSION: str | None = None
# A briefing longer than this (a whole archive in one file: 20 times the longest briefing
# of the corpus) is parsed, indexed and readable, without quotes and topics: their
# analysis of a 19 MB file took minutes of CPU and over 1 GB.
ANALYSED_CHARS = 4_000_000


def analysis_version() -> str:
    """A digest of the analysing code and its data: cached analyses of older code are redone."""
    global _VERSION
    if _VERSION is None:
        _VERSION = digest(__name__)
    return _VERSION


def analyze(path: str | Path, doc_id: str, data: bytes | None = None) -> Analysis:
    """Parse a file and derive its quotes and topic segments.

    A failure in quote or topic analysis never loses the briefing: it is indexed
    without them and the reason is kept in ``briefing.notes``.
    """
    # imported here, not at the top: the reader and the search commands never analyse,
    # and these packages load their word lists on import (~0.1 s)
    from briefreader.core.quotes import extract_quotes
    from briefreader.core.topics import segment_briefing

    briefing = load_file(path, doc_id=doc_id, data=data)
    remarks: list[str] = []
    segments: tuple[TopicSegment, ...] = ()
    quotes: tuple[Quote, ...] = ()
    if len(briefing.text) > ANALYSED_CHARS:
        note = (f"quotes and topics skipped: {len(briefing.text) / 1e6:.1f} million characters, over the "
                f"{ANALYSED_CHARS / 1e6:.0f} million analysed in one briefing (its text is searchable)")
        return Analysis(replace(briefing, notes=briefing.notes + (note,)), (), ())
    try:
        segments = tuple(segment_briefing(briefing))
    except RecursionError:
        remarks.append("topics skipped: text too deeply nested")
    except Exception as exc:  # noqa: BLE001 - reported, never fatal
        remarks.append(f"topics skipped: {type(exc).__name__}: {exc}")
    try:
        quotes = tuple(extract_quotes(briefing))  # reported speech (kind "indirect") included
    except RecursionError:
        remarks.append("quotes skipped: text too deeply nested")
    except Exception as exc:  # noqa: BLE001
        remarks.append(f"quotes skipped: {type(exc).__name__}: {exc}")
    if segments and quotes:
        quotes = tuple(assign_segments(quotes, segments))
    if quotes and briefing.format == "transcript":
        briefing = _upgrade_speakers(briefing, quotes)
    if remarks:
        briefing = replace(briefing, notes=briefing.notes + tuple(remarks))
    return Analysis(briefing, quotes, segments)


def _upgrade_speakers(briefing: Briefing, quotes: tuple[Quote, ...]) -> Briefing:
    """Give turn blocks the full names quote attribution found ("MR. ZIENTS" ->
    "Jeff Zients"), so the index, the reader and the quotes agree."""
    names: dict[str, str] = {}
    for q in quotes:
        if q.kind == "turn" and q.cue and q.speaker:
            names.setdefault(q.cue, q.speaker)
    if not names:
        return briefing
    blocks = tuple(
        replace(b, speaker=names.get(b.speaker_label, b.speaker)) if b.speaker_label else b
        for b in briefing.blocks
    )
    speakers = {label: names.get(label, name) for label, name in briefing.speakers.items()}
    return replace(briefing, blocks=blocks, speakers=speakers)


def assign_segments(quotes: tuple[Quote, ...], segments: tuple[TopicSegment, ...]) -> list[Quote]:
    out: list[Quote] = []
    i = 0
    for q in quotes:  # both in document order
        while i + 1 < len(segments) and segments[i].end <= q.start:
            i += 1
        seg = i if segments[i].start <= q.start < max(segments[i].end, q.start + 1) else None
        out.append(replace(q, segment=seg))
    return out
