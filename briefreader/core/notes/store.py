"""The annotation store: the reader's notes in SQLite, anchored to briefings.

Notes are the user's own work. The store keeps them in a WAL-mode SQLite file,
every change in one transaction (synchronous=FULL: a committed note survives a
crash or power loss), and never deletes one except on request. When a briefing's
text changes, :meth:`NoteStore.reanchor` places each note again (see
``anchoring.py`` and ``reanchor.py``); a note that cannot be placed with confidence
is kept, ``unplaced``, with the passage it was made on.

A note's span never starts or ends with whitespace: ``add`` trims the selection.

A note is kept with its briefing's document id (a path relative to the corpus
root) *and* the absolute path of the briefing file (``Note.path``, schema v2):
one notes database serves every corpus of a state home, and two corpora may
each hold a "brief.txt". Notes from before v2 have ``path == ""`` until
:meth:`NoteStore.reanchor` places them in a briefing with their document id.

The schema and its migrations are in ``schema.py``, the rows' reads and writes in
``rows.py``.
"""

from __future__ import annotations

import builtins
import json
import sqlite3
import threading
import uuid
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from types import EllipsisType
from typing import Any, NamedTuple

import briefreader.core.notes.rows as rows
from briefreader.core.errors import NoteError
from briefreader.core.model import Briefing, Note, Quote
from briefreader.core.notes.citation import Citation, citation_of
from briefreader.core.notes.fields import (
    STATES,
    body_tags,
    check_color,
    clean_tag,
    excerpt,
    merge_tags,
    now_iso,
)
from briefreader.core.notes.normalize import NormalizedText, count_occurrences, find_all
from briefreader.core.notes.reanchor import Reanchored, reanchor_notes
from briefreader.core.notes.schema import migrate
from briefreader.core.notes.selectors import context_of
from briefreader.core.notes.webannotation import parse_collection

BUSY_TIMEOUT_MS = 5000


class ImportResult(NamedTuple):
    """What an import did: notes added, and notes skipped (their id already here)."""

    added: int
    skipped: int


class NoteStore:
    """Notes in one SQLite file. Thread-safe; several processes may share the file."""

    def __init__(self, db_path: Path | str) -> None:
        self.path = Path(db_path)
        self._lock = threading.RLock()
        self._occurrences: dict[str, int | None] = {}  # of notes deleted in this session
        self._deleted_citations: dict[str, Citation] = {}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise NoteError(f"cannot create {self.path.parent}: {e.strerror or e}") from e
        try:
            self._db: sqlite3.Connection | None = sqlite3.connect(
                self.path, isolation_level=None, check_same_thread=False,
                timeout=BUSY_TIMEOUT_MS / 1000,
            )
        except sqlite3.Error as e:
            raise NoteError(f"cannot open the notes database {self.path}: {e}") from e
        try:
            self._setup()
        except BaseException:
            self._db.close()
            self._db = None
            raise

    def _setup(self) -> None:
        db = self._conn
        try:
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            from briefreader.core.catalog import enable_wal

            mode = enable_wal(db)
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("PRAGMA synchronous = FULL")
            self.journal_mode = str(mode).lower()
            migrate(db, self.path, self._tx)
        except sqlite3.Error as e:
            raise NoteError(f"{self.path} is not a usable notes database: {e}") from e

    # -- plumbing

    @property
    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            raise NoteError("the notes store is closed")
        return self._db

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE ... COMMIT), rolled back on any error."""
        with self._lock:
            db = self._conn
            try:
                db.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as e:
                raise NoteError(_db_message(self.path, e)) from e
            try:
                yield db
                db.execute("COMMIT")
            except BaseException as e:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                if isinstance(e, sqlite3.Error):
                    raise NoteError(_db_message(self.path, e)) from e
                raise

    def _query(self, sql: str, args: Sequence[Any] = ()) -> builtins.list[Any]:
        with self._lock:
            try:
                return self._conn.execute(sql, args).fetchall()
            except sqlite3.Error as e:
                raise NoteError(_db_message(self.path, e)) from e

    # -- the API

    def add(self, briefing: Briefing, start: int, end: int, body: str = "",
            tags: Sequence[str] = (), color: str | None = None, quotes: Sequence[Quote] = ()) -> Note:
        """A new note on ``briefing.text[start:end]`` (trimmed of surrounding whitespace);
        its citation names the speaker of the ``quotes`` (the briefing's) the passage is in,
        else of its transcript turn."""
        text = briefing.text
        for name, value in (("start", start), ("end", end)):
            if not isinstance(value, int) or isinstance(value, bool):
                raise NoteError(f"note {name} must be an integer offset, not {value!r}")
        if not 0 <= start < end <= len(text):
            raise NoteError(
                f"span [{start}, {end}) is not a passage of {briefing.id} "
                f"(offsets 0..{len(text)}, start before end)"
            )
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            raise NoteError("the selected passage is only whitespace")
        return self._add(briefing, start, end, body, tags, color, quotes=quotes)

    def add_by_quote(self, briefing: Briefing, quote: str, body: str = "",
                     tags: Sequence[str] = (), color: str | None = None,
                     occurrence: int = 0, quotes: Sequence[Quote] = ()) -> Note:
        """A new note on the passage ``quote`` (whitespace, curly/straight quotes and,
        failing an exact match, letter case do not matter); the ``occurrence``-th
        (0-based) when it occurs more than once. See :func:`find_quote`."""
        nt = NormalizedText(briefing.text)
        spans = _quote_spans(nt, quote)
        if not spans:
            raise NoteError(f"passage not found in {briefing.id}: \"{excerpt(quote)}\"")
        if not isinstance(occurrence, int) or not 0 <= occurrence < len(spans):
            raise NoteError(
                f"passage occurs {len(spans)} time{'s' if len(spans) > 1 else ''} in {briefing.id}; "
                f"occurrence must be 0..{len(spans) - 1}, not {occurrence}"
            )
        start, end = spans[occurrence]
        return self._add(briefing, start, end, body, tags, color, nt, quotes)

    def _add(self, briefing: Briefing, start: int, end: int, body: str,
             tags: Sequence[str], color: str | None, nt: NormalizedText | None = None,
             quotes: Sequence[Quote] = ()) -> Note:
        if not isinstance(body, str):
            raise NoteError("a note's body must be text")
        text = briefing.text
        prefix, suffix = context_of(text, start, end)
        stamp = now_iso()
        note = Note(
            id=str(uuid.uuid4()), document=briefing.id, start=start, end=end,
            text=text[start:end], prefix=prefix, suffix=suffix, body=body,
            tags=merge_tags(tags, body_tags(body)), state="placed", created=stamp,
            modified=stamp, color=check_color(color), content_hash=briefing.content_hash,
            path=str(briefing.path or ""),
        )
        occurrences = count_occurrences(nt or text, note.text)
        with self._tx() as db:
            rows.insert(db, note, occurrences)
            _write_citation(db, note.id, citation_of(briefing, start, end, quotes))
        return note

    def citations(self) -> dict[str, Citation]:
        """Every note's stored citation (empty for a note of v2 not yet filled in)."""
        return {r[0]: Citation(r[1], r[2], r[3], r[4]) for r in self._query(
            "SELECT id, cite_title, cite_date, cite_url, cite_speaker FROM notes")}

    def set_citation(self, note_id: str, citation: Citation) -> None:
        with self._tx() as db:
            _write_citation(db, rows.resolve(db, note_id), citation)

    def get(self, note_id: str) -> Note:
        with self._lock:
            db = self._conn
            try:
                note = rows.fetch(db, rows.resolve(db, note_id))
            except sqlite3.Error as e:
                raise NoteError(_db_message(self.path, e)) from e
        assert note is not None
        return note

    def update(self, note_id: str, *, body: str | None = None, tags: Sequence[str] | None = None,
               color: str | None | EllipsisType = ...) -> Note:
        """Change a note's body, tags or colour (``color=None`` clears it). Tags written
        as #words in the body are always among its tags; ``tags`` replaces the others."""
        if body is not None and not isinstance(body, str):
            raise NoteError("a note's body must be text")
        with self._tx() as db:
            old = rows.fetch(db, rows.resolve(db, note_id))
            assert old is not None
            new_body = old.body if body is None else body
            if tags is None:
                old_from_body = set(body_tags(old.body))
                tags = [t for t in old.tags if t not in old_from_body]
            new_tags = merge_tags(tags, body_tags(new_body))
            new_color = old.color if isinstance(color, EllipsisType) else check_color(color)
            if (new_body, new_tags, new_color) == (old.body, old.tags, old.color):
                return old
            new = replace(old, body=new_body, tags=new_tags, color=new_color, modified=now_iso())
            db.execute("UPDATE notes SET body = ?, color = ?, modified = ? WHERE id = ?",
                       (new.body, new.color, new.modified, new.id))
            if new_tags != old.tags:
                rows.write_tags(db, new.id, new_tags)
        return new

    def adopt(self, note_id: str, path: str) -> Note:
        """Give a note whose file is gone (imported from another machine, a moved
        corpus) the path of the same briefing here, so it is re-placed with it."""
        with self._tx() as db:
            key = rows.resolve(db, note_id)
            db.execute("UPDATE notes SET path = ? WHERE id = ?", (path, key))
            note = rows.fetch(db, key)
            assert note is not None
        return note

    def delete(self, note_id: str) -> Note:
        """Delete a note; returns it, so that :meth:`restore` can undo."""
        with self._tx() as db:
            key = rows.resolve(db, note_id)
            note = rows.fetch(db, key)
            occ, *cite = db.execute("SELECT occurrences, cite_title, cite_date, cite_url, cite_speaker "
                                    "FROM notes WHERE id = ?", (key,)).fetchone()
            db.execute("DELETE FROM notes WHERE id = ?", (key,))
            self._deleted_citations[key] = Citation(*cite)
        assert note is not None
        self._occurrences[note.id] = occ
        return note

    def restore(self, note: Note) -> Note:
        """Undo a delete: the note back with its id and times."""
        if not isinstance(note, Note):
            raise NoteError("restore takes a Note")
        with self._tx() as db:
            if rows.exists(db, note.id):
                raise NoteError(f"note '{note.id}' already exists")
            rows.insert(db, note, self._occurrences.pop(note.id, None))
            citation = self._deleted_citations.pop(note.id, None)
            if citation is not None:
                _write_citation(db, note.id, citation)
        return note

    def list(self, document: str | None = None, tag: str | None = None,
             state: str | None = None, paths: Collection[str] | None = None) -> builtins.list[Note]:
        """Notes, ordered by document, path and start; filtered by document id, tag,
        state, and ``paths``: only notes made on one of these briefing files (an
        empty collection: none; legacy notes, whose path is '', only if '' is given)."""
        where: builtins.list[str] = []
        args: builtins.list[Any] = []
        if paths is not None:
            if isinstance(paths, (str, bytes)):
                raise NoteError("paths must be a collection of file paths, not one string")
            wanted = sorted({str(p) for p in paths})
            if not wanted:
                return []
            where.append("path IN (SELECT value FROM json_each(?))")
            args.append(json.dumps(wanted))
        if document is not None:
            where.append("document = ?")
            args.append(document)
        if tag is not None:
            where.append("EXISTS (SELECT 1 FROM note_tags t WHERE t.note_id = notes.id AND t.tag = ?)")
            args.append(clean_tag(tag))
        if state is not None:
            if state not in STATES:
                raise NoteError(f"unknown note state '{state}' (placed, unplaced)")
            where.append("state = ?")
            args.append(state)
        sql = f"SELECT {rows.COLUMNS} FROM notes"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY document, path, start_pos, created, id"
        return [rows.row_note(r) for r in self._query(sql, args)]

    def reanchor(self, briefing: Briefing) -> builtins.list[Reanchored]:
        """Place every note of ``briefing`` in its current text. Outcomes: ``kept`` (same
        place), ``moved`` (same passage elsewhere), ``fuzzy`` (a slightly changed
        passage, its context confirming the place), ``unplaced`` (kept with its old
        passage; placed again by a later call if the passage comes back).

        The notes of ``briefing`` are those made on its file (``note.path ==
        briefing.path``) and legacy notes without a path whose document id is
        ``briefing.id``; a legacy note placed here takes ``briefing.path`` as its
        path. Another corpus's note on a file with the same id is never touched.

        Cheap when nothing changed: a note whose passage is still at its offsets
        costs a string comparison. Call it whenever a briefing is (re)analysed.
        """
        with self._tx() as db:
            return reanchor_notes(db, briefing)

    def import_json(self, data: dict[str, Any]) -> ImportResult:
        """Import an annotation collection (a W3C JSON-LD export, briefreader's or
        another W3C tool's). A note whose id is already here is skipped. All or
        nothing: a bad annotation raises NoteError and imports none."""
        notes = parse_collection(data, now_iso())
        checked = []
        for i, n in enumerate(notes, 1):
            try:
                color = check_color(n.color)
            except NoteError as e:
                raise NoteError(f"annotation {i}: {e}") from None
            checked.append(replace(n, tags=merge_tags(n.tags, body_tags(n.body)), color=color))
        added = skipped = 0
        with self._tx() as db:
            for n in checked:
                if rows.exists(db, n.id):
                    skipped += 1
                    continue
                rows.insert(db, n, None)
                added += 1
        return ImportResult(added, skipped)

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    def __enter__(self) -> NoteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _write_citation(db: sqlite3.Connection, note_id: str, c: Citation) -> None:
    db.execute("UPDATE notes SET cite_title = ?, cite_date = ?, cite_url = ?, cite_speaker = ? WHERE id = ?",
               (c.title, c.date, c.source_url, c.speaker, note_id))


def _quote_spans(nt: NormalizedText, quote: str) -> list[tuple[int, int]]:
    if not isinstance(quote, str) or not quote.strip():
        raise NoteError("no passage given to annotate")
    return find_all(nt, quote) or find_all(nt, quote, fold_case=True)


def _db_message(path: Path, e: sqlite3.Error) -> str:
    text = str(e).splitlines()[0] if str(e) else type(e).__name__
    if "locked" in text or "busy" in text:
        return f"the notes database {path} is busy (another briefreader is writing); try again"
    return f"notes database {path}: {text}"


def find_quote(briefing: Briefing, quote: str) -> list[tuple[int, int]]:
    """Every span of ``briefing.text`` matching ``quote`` (as ``NoteStore.add_by_quote``
    reads it), so a caller can tell the user when a passage is ambiguous."""
    return _quote_spans(NormalizedText(briefing.text), quote)
