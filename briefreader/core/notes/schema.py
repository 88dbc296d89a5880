"""The notes database's schema and its migrations.

The schema version is SQLite's ``PRAGMA user_version``. :func:`migrate` brings a
database up to :func:`schema_version`, one step of :data:`MIGRATIONS` after another
in one transaction, after copying the database aside (``notes.sqlite.v1.bak``); a
database written by a newer briefreader is refused, never changed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

from briefreader.core.errors import NoteError

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


def _to_v3(db: sqlite3.Connection) -> None:
    """v3: what a citation of the note needs (its briefing's title, date and source
    URL, the passage's speaker), so it cites correctly when the briefing is not in
    the index at hand. Notes of v2 get them from their briefing at the next sync."""
    db.execute("ALTER TABLE notes ADD COLUMN cite_title TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE notes ADD COLUMN cite_date TEXT")
    db.execute("ALTER TABLE notes ADD COLUMN cite_url TEXT")
    db.execute("ALTER TABLE notes ADD COLUMN cite_speaker TEXT")


# MIGRATIONS[n] takes a database at schema version n - 1 to version n, inside the
# transaction that then sets PRAGMA user_version = n. Add v4 as MIGRATIONS[4].
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _to_v1, 2: _to_v2, 3: _to_v3}


def schema_version() -> int:
    return max(MIGRATIONS)


def migrate(db: sqlite3.Connection, path: Path,
            transaction: Callable[[], AbstractContextManager[sqlite3.Connection]]) -> None:
    """Bring the database ``db`` (the file ``path``) to :func:`schema_version`;
    ``transaction`` opens one write transaction on it."""
    latest = schema_version()
    for attempt in range(2):
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > latest:
            raise NoteError(
                f"{path} was written by a newer briefreader (notes schema v{version}, "
                f"this one knows v{latest}); upgrade briefreader"
            )
        if version == latest:
            return
        if version > 0 and attempt == 0:
            _backup(db, path, version)  # (outside the transaction: a backup cannot read through it)
        with transaction() as tx:
            if tx.execute("PRAGMA user_version").fetchone()[0] != version:
                continue  # another process migrated meanwhile: look again
            for target in range(version + 1, latest + 1):
                MIGRATIONS[target](tx)
                tx.execute(f"PRAGMA user_version = {target}")
            return


def _backup(db: sqlite3.Connection, path: Path, version: int) -> None:
    """A copy of the database before migrating it: notes.sqlite.v1.bak."""
    dest = path.with_name(f"{path.name}.v{version}.bak")
    copy = sqlite3.connect(dest)
    try:
        db.backup(copy)
    finally:
        copy.close()
