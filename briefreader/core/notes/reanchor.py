"""Re-anchoring a briefing's stored notes: each note placed again in the briefing's
current text (see ``anchoring.py``), and the notes table updated to match."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from typing import Literal, NamedTuple

from briefreader.core.model import Briefing, Note
from briefreader.core.notes.anchoring import anchor
from briefreader.core.notes.normalize import NormalizedText, count_occurrences
from briefreader.core.notes.rows import COLUMNS, row_note
from briefreader.core.notes.selectors import context_of

ReanchorOutcome = Literal["kept", "moved", "fuzzy", "unplaced"]


class Reanchored(NamedTuple):
    """A note as re-anchoring left it, and what happened to it."""

    note: Note
    outcome: ReanchorOutcome


def reanchor_notes(db: sqlite3.Connection, briefing: Briefing) -> list[Reanchored]:
    """Place every note of ``briefing`` in its current text, inside the caller's
    transaction on ``db`` (see :meth:`NoteStore.reanchor`)."""
    text, chash, path = briefing.text, briefing.content_hash, str(briefing.path or "")
    results: list[Reanchored] = []
    nt: NormalizedText | None = None
    rows = db.execute(
        f"SELECT {COLUMNS}, occurrences FROM notes "
        "WHERE (path = ? AND path <> '') OR (path = '' AND document = ?) "
        "ORDER BY start_pos, created, id", (path, briefing.id)
    ).fetchall()
    for row in rows:
        note, occ = row_note(row[:-1]), row[-1]
        if note.state == "placed" and text[note.start : note.end] == note.text:
            fresh = context_of(text, note.start, note.end)
            if (note.content_hash, note.prefix, note.suffix) == (chash, *fresh) and occ is not None:
                if note.path != path:  # a legacy note: it is this file's
                    note = replace(note, path=path)
                    db.execute("UPDATE notes SET path = ? WHERE id = ?", (path, note.id))
                results.append(Reanchored(note, "kept"))
                continue
        nt = nt or NormalizedText(text)
        place = anchor(text, note.text, note.prefix, note.suffix, note.start,
                       occurrences=occ, normalized=nt)
        if place is None:
            if note.state != "unplaced":
                note = replace(note, state="unplaced")
                db.execute("UPDATE notes SET state = 'unplaced' WHERE id = ?", (note.id,))
            results.append(Reanchored(note, "unplaced"))
            continue
        s, e = place.start, place.end
        prefix, suffix = context_of(text, s, e)
        exact = text[s:e]
        note = replace(note, start=s, end=e, text=exact, prefix=prefix, suffix=suffix,
                       state="placed", content_hash=chash, path=path)
        db.execute(
            "UPDATE notes SET start_pos = ?, end_pos = ?, exact = ?, prefix = ?, suffix = ?, "
            "state = 'placed', content_hash = ?, occurrences = ?, path = ? WHERE id = ?",
            (s, e, exact, prefix, suffix, chash, count_occurrences(nt, exact), path, note.id),
        )
        results.append(Reanchored(note, place.outcome))
    return results
