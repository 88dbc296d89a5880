"""The annotation store: the reader's notes in SQLite, anchored to briefings.

Notes are the user's own work. The store keeps them in a WAL-mode SQLite file,
every change in one transaction (synchronous=FULL: a committed note survives a
crash or power loss), and never deletes one except on request. When a briefing's
text changes, :meth:`NoteStore.reanchor` places each note again (see
``anchoring.py``); a note that cannot be placed with confidence is kept,
``unplaced``, with the passage it was made on.

A note's span never starts or ends with whitespace: ``add`` trims the selection.

A note is kept with its briefing's document id (a path relative to the corpus
root) *and* the absolute path of the briefing file (``Note.path``, schema v2):
one notes database serves every corpus of a state home, and two corpora may
each hold a "brief.txt". Notes from before v2 have ``path == ""`` until
:meth:`NoteStore.reanchor` places them in a briefing with their document id.
"""

from __future__ import annotations

import builtins
import json
import re
import sqlite3
import threading
import uuid
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from types import EllipsisType
from typing import Any

from . import annotation_export
from .anchoring import NormalizedText, anchor, context_of, count_occurrences, find_all
from .annotation_export import Documents
from .errors import NoteError
from .model import Briefing, Note

STATES = ("placed", "unplaced")
BUSY_TIMEOUT_MS = 5000
ID_PREFIX_MIN = 4  # a unique id prefix this long finds a note (as with git)

_TAG_IN_BODY = re.compile(r"(?<![\w&#/])#([^\W\d_][\w-]*)")
_COLOR = re.compile(r"[A-Za-z][\w-]{0,31}|#[0-9A-Fa-f]{3,8}")

# ------------------------------------------------------------------ schema

_V1 = (
    """CREATE TABLE notes (
        id TEXT PRIMARY KEY,
        document TEXT NOT NULL,
        start_pos INTEGER NOT NULL CHECK (start_pos >= 0),
        end_pos INTEGER NOT NULL CHECK (end_pos > start_pos),
        exact TEXT NOT NULL CHECK (exact <> ''),
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT '',
        color TEXT,
        state TEXT NOT NULL CHECK (state IN ('placed', 'unplaced')),
        content_hash TEXT NOT NULL DEFAULT '',
        occurrences INTEGER,  -- times the quote occurred in the text it was placed in; NULL unknown
        created TEXT NOT NULL,
        modified TEXT NOT NULL
    )""",
    "CREATE INDEX notes_by_document ON notes (document, start_pos)",
    # (key columns first: SQLite 3.40's integrity_check misreads a WITHOUT ROWID
    # table whose NOT NULL column comes before its key columns)
    """CREATE TABLE note_tags (
        note_id TEXT NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (note_id, tag)
    ) WITHOUT ROWID""",
    "CREATE INDEX note_tags_by_tag ON note_tags (tag)",
)


def _to_v1(db: sqlite3.Connection) -> None:
    for statement in _V1:
        db.execute(statement)


def _to_v2(db: sqlite3.Connection) -> None:
    """v2: the absolute path of the briefing file each note was made on ('' for
    the notes of v1, which knew only the document id)."""
    db.execute("ALTER TABLE notes ADD COLUMN path TEXT NOT NULL DEFAULT ''")
    db.execute("CREATE INDEX notes_by_path ON notes (path)")


# MIGRATIONS[n] takes a database at schema version n - 1 to version n, inside the
# transaction that then sets PRAGMA user_version = n. Add v3 as MIGRATIONS[3].
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _to_v1, 2: _to_v2}


def schema_version() -> int:
    return max(MIGRATIONS)


# ------------------------------------------------------------------ helpers


def now_iso() -> str:
    """The current time, ISO 8601 UTC with milliseconds: 2025-04-04T09:30:00.000Z."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def clean_tag(tag: str) -> str:
    """A tag as stored: lower case, no leading '#', inner whitespace as '-'."""
    return re.sub(r"\s+", "-", tag.strip().lstrip("#").strip().lower()).strip("-")


def body_tags(body: str) -> list[str]:
    """Tags written in a note's body as #words (not '# headings', '#1' or URL#fragments)."""
    return [clean_tag(m.group(1)) for m in _TAG_IN_BODY.finditer(body)]


def _merge_tags(*groups: Sequence[str]) -> tuple[str, ...]:
    out: dict[str, None] = {}
    for group in groups:
        for t in [group] if isinstance(group, str) else group:
            if not isinstance(t, str):
                raise NoteError(f"a tag must be text, not {type(t).__name__}")
            t = clean_tag(t)
            if t:
                out.setdefault(t)
    return tuple(out)


def _check_color(color: str | None) -> str | None:
    if color is None or color == "":
        return None
    if not isinstance(color, str) or not _COLOR.fullmatch(color):
        raise NoteError(f"bad colour {color!r}: use a name such as 'yellow' or a hex value such as '#ffcc00'")
    return color


def _excerpt(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


_COLUMNS = (
    "id, document, start_pos, end_pos, exact, prefix, suffix, body, color, state, "
    "content_hash, created, modified, path, "
    "(SELECT json_group_array(json_array(position, tag)) FROM note_tags WHERE note_id = notes.id) AS tags"
)


def _row_note(row: sqlite3.Row | tuple[Any, ...]) -> Note:
    (id_, doc, start, end, exact, prefix, suffix, body, color, state, chash, created,
     modified, path, tags) = row
    return Note(id=id_, document=doc, start=start, end=end, text=exact, prefix=prefix,
                suffix=suffix, body=body, tags=tuple(t for _, t in sorted(json.loads(tags))), state=state,
                created=created, modified=modified, color=color, content_hash=chash, path=path)


# ------------------------------------------------------------------ the store


class NoteStore:
    """Notes in one SQLite file. Thread-safe; several processes may share the file."""

    def __init__(self, db_path: Path | str) -> None:
        self.path = Path(db_path)
        self._lock = threading.RLock()
        self._occurrences: dict[str, int | None] = {}  # of notes deleted in this session
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
            self._migrate()
        except sqlite3.Error as e:
            raise NoteError(f"{self.path} is not a usable notes database: {e}") from e

    def _migrate(self) -> None:
        latest = schema_version()
        for attempt in range(2):
            version = self._conn.execute("PRAGMA user_version").fetchone()[0]
            if version > latest:
                raise NoteError(
                    f"{self.path} was written by a newer briefreader (notes schema v{version}, "
                    f"this one knows v{latest}); upgrade briefreader"
                )
            if version == latest:
                return
            if version > 0 and attempt == 0:
                self._backup(version)  # (outside the transaction: a backup cannot read through it)
            with self._tx() as db:
                if db.execute("PRAGMA user_version").fetchone()[0] != version:
                    continue  # another process migrated meanwhile: look again
                for target in range(version + 1, latest + 1):
                    MIGRATIONS[target](db)
                    db.execute(f"PRAGMA user_version = {target}")
                return

    def _backup(self, version: int) -> None:
        """A copy of the database before migrating it: notes.sqlite.v1.bak."""
        dest = self.path.with_name(f"{self.path.name}.v{version}.bak")
        copy = sqlite3.connect(dest)
        try:
            self._conn.backup(copy)
        finally:
            copy.close()

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

    def _fetch(self, db: sqlite3.Connection, note_id: str) -> Note | None:
        row = db.execute(f"SELECT {_COLUMNS} FROM notes WHERE id = ?", (note_id,)).fetchone()
        return _row_note(row) if row else None

    def _insert(self, db: sqlite3.Connection, note: Note, occurrences: int | None) -> None:
        db.execute(
            "INSERT INTO notes (id, document, start_pos, end_pos, exact, prefix, suffix, body, "
            "color, state, content_hash, occurrences, created, modified, path) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (note.id, note.document, note.start, note.end, note.text, note.prefix, note.suffix,
             note.body, note.color, note.state, note.content_hash, occurrences, note.created,
             note.modified, note.path or ""),
        )
        self._write_tags(db, note.id, note.tags)

    @staticmethod
    def _write_tags(db: sqlite3.Connection, note_id: str, tags: Sequence[str]) -> None:
        db.execute("DELETE FROM note_tags WHERE note_id = ?", (note_id,))
        db.executemany("INSERT INTO note_tags (note_id, position, tag) VALUES (?, ?, ?)",
                       [(note_id, i, t) for i, t in enumerate(tags)])

    def _resolve(self, db: sqlite3.Connection, note_id: str) -> str:
        """The full id of ``note_id`` (an id, urn:uuid:id, or a unique prefix of one)."""
        if not isinstance(note_id, str) or not note_id.strip():
            raise NoteError("no note id given")
        key = note_id.strip()
        if key.lower().startswith("urn:uuid:"):
            key = key[len("urn:uuid:") :]
        key = key.lower()
        if db.execute("SELECT 1 FROM notes WHERE id = ?", (key,)).fetchone():
            return key
        if len(key) >= ID_PREFIX_MIN and re.fullmatch(r"[0-9a-f-]+", key):
            rows = db.execute("SELECT id FROM notes WHERE id LIKE ? || '%' LIMIT 3", (key,)).fetchall()
            if len(rows) == 1:
                return str(rows[0][0])
            if len(rows) > 1:
                raise NoteError(f"note id '{note_id}' is ambiguous: give more of it")
        raise NoteError(f"no note with id '{note_id}'")

    # -- the API

    def add(self, briefing: Briefing, start: int, end: int, body: str = "",
            tags: Sequence[str] = (), color: str | None = None) -> Note:
        """A new note on ``briefing.text[start:end]`` (trimmed of surrounding whitespace)."""
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
        return self._add(briefing, start, end, body, tags, color)

    def add_by_quote(self, briefing: Briefing, quote: str, body: str = "",
                     tags: Sequence[str] = (), color: str | None = None,
                     occurrence: int = 0) -> Note:
        """A new note on the passage ``quote`` (whitespace, curly/straight quotes and,
        failing an exact match, letter case do not matter); the ``occurrence``-th
        (0-based) when it occurs more than once. See :meth:`find_quote`."""
        nt = NormalizedText(briefing.text)
        spans = _quote_spans(nt, quote)
        if not spans:
            raise NoteError(f"passage not found in {briefing.id}: \"{_excerpt(quote)}\"")
        if not isinstance(occurrence, int) or not 0 <= occurrence < len(spans):
            raise NoteError(
                f"passage occurs {len(spans)} time{'s' if len(spans) > 1 else ''} in {briefing.id}; "
                f"occurrence must be 0..{len(spans) - 1}, not {occurrence}"
            )
        start, end = spans[occurrence]
        return self._add(briefing, start, end, body, tags, color, nt)

    @staticmethod
    def find_quote(briefing: Briefing, quote: str) -> builtins.list[tuple[int, int]]:
        """Every span of ``briefing.text`` matching ``quote`` (as in :meth:`add_by_quote`),
        so a caller can tell the user when a passage is ambiguous."""
        return _quote_spans(NormalizedText(briefing.text), quote)

    def _add(self, briefing: Briefing, start: int, end: int, body: str,
             tags: Sequence[str], color: str | None, nt: NormalizedText | None = None) -> Note:
        if not isinstance(body, str):
            raise NoteError("a note's body must be text")
        text = briefing.text
        prefix, suffix = context_of(text, start, end)
        stamp = now_iso()
        note = Note(
            id=str(uuid.uuid4()), document=briefing.id, start=start, end=end,
            text=text[start:end], prefix=prefix, suffix=suffix, body=body,
            tags=_merge_tags(tags, body_tags(body)), state="placed", created=stamp,
            modified=stamp, color=_check_color(color), content_hash=briefing.content_hash,
            path=str(briefing.path or ""),
        )
        occurrences = count_occurrences(nt or text, note.text)
        with self._tx() as db:
            self._insert(db, note, occurrences)
        return note

    def get(self, note_id: str) -> Note:
        with self._lock:
            db = self._conn
            try:
                note = self._fetch(db, self._resolve(db, note_id))
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
            old = self._fetch(db, self._resolve(db, note_id))
            assert old is not None
            new_body = old.body if body is None else body
            if tags is None:
                old_from_body = set(body_tags(old.body))
                tags = [t for t in old.tags if t not in old_from_body]
            new_tags = _merge_tags(tags, body_tags(new_body))
            new_color = old.color if isinstance(color, EllipsisType) else _check_color(color)
            if (new_body, new_tags, new_color) == (old.body, old.tags, old.color):
                return old
            new = replace(old, body=new_body, tags=new_tags, color=new_color, modified=now_iso())
            db.execute("UPDATE notes SET body = ?, color = ?, modified = ? WHERE id = ?",
                       (new.body, new.color, new.modified, new.id))
            if new_tags != old.tags:
                self._write_tags(db, new.id, new_tags)
        return new

    def adopt(self, note_id: str, path: str) -> Note:
        """Give a note whose file is gone (imported from another machine, a moved
        corpus) the path of the same briefing here, so it is re-placed with it."""
        with self._tx() as db:
            key = self._resolve(db, note_id)
            db.execute("UPDATE notes SET path = ? WHERE id = ?", (path, key))
            note = self._fetch(db, key)
            assert note is not None
        return note

    def delete(self, note_id: str) -> Note:
        """Delete a note; returns it, so that :meth:`restore` can undo."""
        with self._tx() as db:
            key = self._resolve(db, note_id)
            note = self._fetch(db, key)
            occ = db.execute("SELECT occurrences FROM notes WHERE id = ?", (key,)).fetchone()[0]
            db.execute("DELETE FROM notes WHERE id = ?", (key,))
        assert note is not None
        self._occurrences[note.id] = occ
        return note

    def restore(self, note: Note) -> Note:
        """Undo a delete: the note back with its id and times."""
        if not isinstance(note, Note):
            raise NoteError("restore takes a Note")
        with self._tx() as db:
            if db.execute("SELECT 1 FROM notes WHERE id = ?", (note.id,)).fetchone():
                raise NoteError(f"note '{note.id}' already exists")
            self._insert(db, note, self._occurrences.pop(note.id, None))
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
        sql = f"SELECT {_COLUMNS} FROM notes"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY document, path, start_pos, created, id"
        return [_row_note(r) for r in self._query(sql, args)]

    def reanchor(self, briefing: Briefing) -> builtins.list[tuple[Note, str]]:
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
        text, chash, path = briefing.text, briefing.content_hash, str(briefing.path or "")
        results: builtins.list[tuple[Note, str]] = []
        nt: NormalizedText | None = None
        with self._tx() as db:
            rows = db.execute(
                f"SELECT {_COLUMNS}, occurrences FROM notes "
                "WHERE (path = ? AND path <> '') OR (path = '' AND document = ?) "
                "ORDER BY start_pos, created, id", (path, briefing.id)
            ).fetchall()
            for row in rows:
                note, occ = _row_note(row[:-1]), row[-1]
                if note.state == "placed" and text[note.start : note.end] == note.text:
                    fresh = context_of(text, note.start, note.end)
                    if (note.content_hash, note.prefix, note.suffix) == (chash, *fresh) and occ is not None:
                        if note.path != path:  # a legacy note: it is this file's
                            note = replace(note, path=path)
                            db.execute("UPDATE notes SET path = ? WHERE id = ?", (path, note.id))
                        results.append((note, "kept"))
                        continue
                nt = nt or NormalizedText(text)
                place = anchor(text, note.text, note.prefix, note.suffix, note.start,
                               occurrences=occ, normalized=nt)
                if place is None:
                    if note.state != "unplaced":
                        note = replace(note, state="unplaced")
                        db.execute("UPDATE notes SET state = 'unplaced' WHERE id = ?", (note.id,))
                    results.append((note, "unplaced"))
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
                results.append((note, place.outcome))
        return results

    def export_json(self, notes: Sequence[Note], documents: Documents) -> dict[str, Any]:
        """A W3C Web Annotation AnnotationCollection (JSON-LD) of ``notes``;
        ``documents`` maps document id (or a note's file path, looked up first) ->
        {"title", "date", "source_url", "path"}; a note's own path wins over "path"."""
        return annotation_export.export_collection(notes, documents)

    def export_markdown(self, notes: Sequence[Note], documents: Documents) -> str:
        """``notes`` as Markdown, grouped by briefing, each passage quoted with a citation."""
        return annotation_export.export_markdown(notes, documents)

    def import_json(self, data: dict[str, Any]) -> tuple[int, int]:
        """Import an annotation collection (``export_json``'s, or another W3C tool's).
        Returns (added, skipped); a note whose id is already here is skipped. All or
        nothing: a bad annotation raises NoteError and imports none."""
        notes = annotation_export.parse_collection(data, now_iso())
        checked = []
        for i, n in enumerate(notes, 1):
            try:
                color = _check_color(n.color)
            except NoteError as e:
                raise NoteError(f"annotation {i}: {e}") from None
            checked.append(replace(n, tags=_merge_tags(n.tags, body_tags(n.body)), color=color))
        added = skipped = 0
        with self._tx() as db:
            for n in checked:
                if db.execute("SELECT 1 FROM notes WHERE id = ?", (n.id,)).fetchone():
                    skipped += 1
                    continue
                self._insert(db, n, None)
                added += 1
        return added, skipped

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    def __enter__(self) -> NoteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _quote_spans(nt: NormalizedText, quote: str) -> list[tuple[int, int]]:
    if not isinstance(quote, str) or not quote.strip():
        raise NoteError("no passage given to annotate")
    return find_all(nt, quote) or find_all(nt, quote, fold_case=True)


def _db_message(path: Path, e: sqlite3.Error) -> str:
    text = str(e).splitlines()[0] if str(e) else type(e).__name__
    if "locked" in text or "busy" in text:
        return f"the notes database {path} is busy (another briefreader is writing); try again"
    return f"notes database {path}: {text}"
