"""The index entries of an analysed briefing and of a note: their field values.

Made where the analysis is (a sync's worker processes), written by the engine
(``IndexWriting.add_entries``, ``SearchEngine.replace_notes``).
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from briefreader.core.model import Analysis, Briefing, Note, Quote, TopicSegment
from briefreader.core.sentences import split_spans

AROUND_CHARS = 600  # the attributing sentences of a quote, at most (a long paragraph)


def _date(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.strptime(value, "%Y-%m-%d")
    except ValueError:
        return None


def _day(date: dt.datetime | None) -> int:
    return date.year * 10000 + date.month * 100 + date.day if date is not None else 0


def note_uid(note_id: str) -> str:
    """The unique id of a note's entry."""
    return f"note\x00{note_id}"


def briefing_entries(analysis: Analysis) -> Iterator[dict[str, Any]]:
    """The index entries of one analysed briefing: its "briefing" entry (title,
    date), a passage per block (turn blocks carry their speaker), and an entry
    per direct, partial or indirect (reported speech) quote, with its context (the
    sentences around it that attribute it, its topic segment's label, keywords and
    summary) in fields searched after its own words."""
    b = analysis.briefing
    date = _date(b.date)
    head: dict[str, Any] = {"bdoc": b.id, "kind": "briefing", "title": b.title}
    if date is not None:
        head["date"] = date
    yield head
    base: dict[str, Any] = {"doc": b.id, "day": _day(date)}
    for block in b.blocks:
        if block.kind == "stage":
            continue
        start = block.content_start if block.content_start >= 0 else block.start
        if start >= block.end:
            continue
        qkind = ""
        if block.kind == "turn":
            qkind = "question" if block.is_question else "turn"
        doc = dict(base)
        doc.update(kind="passage", qkind=qkind, start=start,
                   end=block.end, speaker=block.speaker or "", body=b.text[start:block.end],
                   extra=json.dumps({"label": block.speaker_label} if block.speaker_label else {}))
        yield doc
    starts = [block.start for block in b.blocks]
    for q in analysis.quotes:
        if q.kind == "turn":
            continue  # turn quotes are the sentences of turn passages (no double indexing)
        doc = dict(base)
        doc.update(kind="quote", qkind=q.kind,
                   start=q.start, end=q.end, speaker=q.speaker or "", body=q.text,
                   around=attributing_text(b, starts, q),
                   topic=topic_text(analysis.segments, q.segment),
                   extra=json.dumps({"speaker_mention": q.speaker_mention, "cue": q.cue,
                                     "segment": q.segment}))
        if not q.speaker and q.speaker_mention:
            # no name, a description ("the Prime Minister's official spokesman"): found
            # by its words with --speaker, still no speaker in the results
            doc["speaker"], doc["_stored_speaker"] = q.speaker_mention, ""
        yield doc


def attributing_text(b: Briefing, starts: list[int], q: Quote) -> str:
    """The sentences that hold ``q``, and the one before or after them (in its
    paragraph or the next one) when that one names its speaker (``Said Moreno:``
    before a quotation, a cue after it); at most ``AROUND_CHARS`` characters."""
    i = bisect.bisect_right(starts, q.start) - 1
    if i < 0:
        return ""
    lo = b.blocks[i - 1].start if i > 0 else b.blocks[i].start
    hi = max(b.blocks[min(i + 1, len(b.blocks) - 1)].end, b.blocks[i].end, q.end)
    spans = list(split_spans(b.text, lo, min(hi, len(b.text))))
    inside = [k for k, (s, e) in enumerate(spans) if s < q.end and e > q.start]
    if not inside:
        return ""
    first, last = inside[0], inside[-1]
    mention = (q.speaker_mention or "").strip()
    held = " ".join(b.text[s:e] for s, e in spans[first:last + 1])
    if mention and mention not in held:
        if first > 0 and mention in b.text[spans[first - 1][0]:spans[first - 1][1]]:
            first -= 1
        elif last + 1 < len(spans) and mention in b.text[spans[last + 1][0]:spans[last + 1][1]]:
            last += 1
    return " ".join(b.text[s:e] for s, e in spans[first:last + 1])[:AROUND_CHARS]


def topic_text(segments: tuple[TopicSegment, ...], index: int | None) -> str:
    """The label, keywords and summary of the topic segment ``index`` ("" for none)."""
    if index is None or not 0 <= index < len(segments):
        return ""
    seg = segments[index]
    return "\n".join((seg.label, " ".join(seg.keywords), seg.summary))


def note_entry(note: Note, date: str | None) -> dict[str, Any]:
    """The index entry of a note: its body, then its passage (highlights map into the
    passage part only, so their offsets stay offsets into the canonical text)."""
    head = (note.body or "").strip()
    prefix = head + "\n\n" if head else ""
    return {
        "uid": note_uid(note.id), "doc": note.document, "kind": "note", "qkind": "",
        "start": note.start, "end": note.end, "speaker": "", "day": _day(_date(date)),
        "tag": ",".join(note.tags), "body": prefix + note.text,
        "extra": json.dumps({"note": note.id, "offset": len(prefix), "state": note.state}),
    }
