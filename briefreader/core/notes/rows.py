"""The notes table's rows: the columns read, a row as a Note, and the reads and
writes by note id that every store operation shares. Each function works inside the
caller's connection (and transaction)."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Sequence
from typing import Any

from briefreader.core.errors import NoteError
from briefreader.core.model import Note

ID_PREFIX_MIN = 4  # a unique id prefix this long finds a note (as with git)

COLUMNS = (
    "id, document, start_pos, end_pos, exact, prefix, suffix, body, color, state, "
    "content_hash, created, modified, path, "
    "(SELECT json_group_array(json_array(position, tag)) FROM note_tags WHERE note_id = notes.id) AS tags"
)


def row_note(row: sqlite3.Row | tuple[Any, ...]) -> Note:
    """A row of :data:`COLUMNS` as a Note."""
    (id_, doc, start, end, exact, prefix, suffix, body, color, state, chash, created,
     modified, path, tags) = row
    return Note(id=id_, document=doc, start=start, end=end, text=exact, prefix=prefix,
                suffix=suffix, body=body, tags=tuple(t for _, t in sorted(json.loads(tags))), state=state,
                created=created, modified=modified, color=color, content_hash=chash, path=path)


def fetch(db: sqlite3.Connection, note_id: str) -> Note | None:
    row = db.execute(f"SELECT {COLUMNS} FROM notes WHERE id = ?", (note_id,)).fetchone()
    return row_note(row) if row else None


def insert(db: sqlite3.Connection, note: Note, occurrences: int | None) -> None:
    db.execute(
        "INSERT INTO notes (id, document, start_pos, end_pos, exact, prefix, suffix, body, "
        "color, state, content_hash, occurrences, created, modified, path) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (note.id, note.document, note.start, note.end, note.text, note.prefix, note.suffix,
         note.body, note.color, note.state, note.content_hash, occurrences, note.created,
         note.modified, note.path or ""),
    )
    write_tags(db, note.id, note.tags)


def write_tags(db: sqlite3.Connection, note_id: str, tags: Sequence[str]) -> None:
    db.execute("DELETE FROM note_tags WHERE note_id = ?", (note_id,))
    db.executemany("INSERT INTO note_tags (note_id, position, tag) VALUES (?, ?, ?)",
                   [(note_id, i, t) for i, t in enumerate(tags)])


def exists(db: sqlite3.Connection, note_id: str) -> bool:
    return db.execute("SELECT 1 FROM notes WHERE id = ?", (note_id,)).fetchone() is not None


def resolve(db: sqlite3.Connection, note_id: str) -> str:
    """The full id of ``note_id`` (an id, urn:uuid:id, or a unique prefix of one)."""
    if not isinstance(note_id, str) or not note_id.strip():
        raise NoteError("no note id given")
    key = note_id.strip()
    if key.lower().startswith("urn:uuid:"):
        key = key[len("urn:uuid:") :]
    key = key.lower()
    if exists(db, key):
        return key
    if len(key) >= ID_PREFIX_MIN and re.fullmatch(r"[0-9a-f-]+", key):
        rows = db.execute("SELECT id FROM notes WHERE id LIKE ? || '%' LIMIT 3", (key,)).fetchall()
        if len(rows) == 1:
            return str(rows[0][0])
        if len(rows) > 1:
            raise NoteError(f"note id '{note_id}' is ambiguous: give more of it")
    raise NoteError(f"no note with id '{note_id}'")
