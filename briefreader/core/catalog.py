"""The catalog: one SQLite file per corpus root beside its Whoosh index.

It records each file's size, mtime and content hash (so an unchanged file costs a
stat call), the briefing list the reader shows without parsing, the cached
analysis of each content hash, topic segments for the corpus view, and the files
that failed. It is a cache like the index: it can always be rebuilt.
"""

from __future__ import annotations

import json
import pickle
import sqlite3
import time
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from briefreader.core.listing import kind_of
from briefreader.core.model import Analysis, DocumentInfo, TopicSegment

SCHEMA_VERSION = 2  # 2: documents.speakers and documents.kind (core.listing)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY, path TEXT NOT NULL UNIQUE, size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL, hash TEXT NOT NULL, title TEXT NOT NULL, date TEXT,
    format TEXT NOT NULL, source_url TEXT, words INTEGER NOT NULL DEFAULT 0,
    speakers TEXT NOT NULL DEFAULT '[]', kind TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS analyses (hash TEXT PRIMARY KEY, version TEXT NOT NULL, blob BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS segments (
    document TEXT NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    label TEXT NOT NULL, keywords TEXT NOT NULL, summary TEXT NOT NULL, summary_spans TEXT NOT NULL,
    PRIMARY KEY (document, idx)
);
CREATE TABLE IF NOT EXISTS failures (path TEXT PRIMARY KEY, error TEXT NOT NULL);
"""


_INFO = "id, path, title, date, format, source_url, words, speakers, kind"


def _info(row: tuple[object, ...]) -> DocumentInfo:
    """A list row from the catalog's columns (``_INFO``)."""
    doc_id, path, title, date, fmt, url, words, speakers, kind = row
    try:
        names = json.loads(str(speakers))
    except ValueError:  # a damaged value: the row without speakers
        names = []
    names = tuple(n for n in names if isinstance(n, str)) if isinstance(names, list) else ()
    return DocumentInfo(str(doc_id), str(path), str(title), date if isinstance(date, str) else None,
                        fmt, url if isinstance(url, str) else None,  # type: ignore[arg-type]
                        words if isinstance(words, int) else 0, names, str(kind or ""))


@dataclass(frozen=True, slots=True)
class FileState:
    id: str
    path: str
    size: int
    mtime_ns: int
    hash: str


def enable_wal(db: sqlite3.Connection, tries: int = 100) -> str:
    """Switch to WAL and return the journal mode. On a new file two processes doing
    this at once get "database is locked" at once (SQLite does not wait here): try
    again for a few seconds."""
    for attempt in range(tries):
        try:
            return str(db.execute("PRAGMA journal_mode=WAL").fetchone()[0])
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == tries - 1:
                raise
            time.sleep(0.05)
    raise sqlite3.OperationalError("database is locked")


def _has_documents(db: sqlite3.Connection) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='documents'").fetchone() is not None


class Catalog:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.rebuilt_reason: str | None = None
        try:
            self.db = self._connect()
        except sqlite3.DatabaseError as exc:  # not a database, or damaged: it is only a cache
            if getattr(exc, "sqlite_errorname", "") not in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
                raise  # busy, locked, unwritable...: never a reason to delete it
            self.rebuilt_reason = f"catalog {path} was unreadable ({exc}); rebuilt"
            for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                p.unlink(missing_ok=True)
            self.db = self._connect()

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(str(self.path), timeout=30, isolation_level=None, check_same_thread=False)
        try:
            db.execute("PRAGMA busy_timeout=30000")
            enable_wal(db)
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()  # reads the schema: a
            # garbage or truncated file fails here (a full integrity check would read it all)
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version != SCHEMA_VERSION:  # written only when needed: a reader never waits for a writer here
                db.execute("BEGIN IMMEDIATE")
                found = db.execute("PRAGMA user_version").fetchone()[0]
                if found == 1 and _has_documents(db):
                    self._upgrade_from_1(db)
                elif found != SCHEMA_VERSION:
                    if found:  # another format: a cache, so rebuilt from the files
                        self.rebuilt_reason = (f"catalog {self.path} had format {found} (this version "
                                               f"writes {SCHEMA_VERSION}); rebuilt: the briefings are read again")
                    for table in ("documents", "analyses", "segments", "failures", "meta"):
                        db.execute(f"DROP TABLE IF EXISTS {table}")
                    for statement in _SCHEMA.split(";"):
                        if statement.strip():
                            db.execute(statement)
                    db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
                db.execute("COMMIT")
        except BaseException:
            db.close()
            raise
        return db

    def _upgrade_from_1(self, db: sqlite3.Connection) -> None:
        """Format 1 had no speakers or kind: the columns are added and every row marked as
        changed (no size, no hash), so the next sync fills them from the cached analyses
        (from the cache: no briefing is analysed again for it); the list keeps its rows meanwhile."""
        db.execute("ALTER TABLE documents ADD COLUMN speakers TEXT NOT NULL DEFAULT '[]'")
        db.execute("ALTER TABLE documents ADD COLUMN kind TEXT NOT NULL DEFAULT ''")
        db.execute("UPDATE documents SET size=-1, hash=''")
        db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        self.rebuilt_reason = (f"catalog {self.path} upgraded from format 1 to {SCHEMA_VERSION}: "
                               "the list's speakers are read again at the next sync")

    def close(self) -> None:
        self.db.close()

    # -- transactions ------------------------------------------------------------
    def begin(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        self.db.execute("COMMIT")

    def rollback(self) -> None:
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")

    # -- meta --------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    # -- documents ---------------------------------------------------------------
    def file_states(self) -> dict[str, FileState]:
        rows = self.db.execute("SELECT id, path, size, mtime_ns, hash FROM documents")
        return {r[1]: FileState(*r) for r in rows}

    def file_stamps(self) -> dict[str, tuple[str, int, int]]:
        """path -> (id, size, mtime_ns) of every file: what a sync compares a scan with
        (plain tuples: 50,000 rows in a few tens of ms)."""
        rows = self.db.execute("SELECT path, id, size, mtime_ns FROM documents")
        return {r[0]: r[1:] for r in rows}

    def put_document(self, info: DocumentInfo, size: int, mtime_ns: int, content_hash: str) -> None:
        """Store a list row (a row listed before its briefing is analysed has no speakers,
        and the kind its format and file type tell)."""
        self.db.execute("DELETE FROM documents WHERE path=? AND id<>?", (info.path, info.id))
        self.db.execute(
            "INSERT OR REPLACE INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (info.id, info.path, size, mtime_ns, content_hash, info.title, info.date,
             info.format, info.source_url, info.words, json.dumps(list(info.speakers)),
             info.kind or kind_of(info.format, info.path)),
        )

    def touch(self, path: str, size: int, mtime_ns: int) -> None:
        self.db.execute("UPDATE documents SET size=?, mtime_ns=? WHERE path=?", (size, mtime_ns, path))

    def remove_document(self, doc_id: str) -> None:
        self.db.execute("DELETE FROM documents WHERE id=?", (doc_id,))
        self.db.execute("DELETE FROM segments WHERE document=?", (doc_id,))

    def documents(self) -> list[DocumentInfo]:
        rows = self.db.execute(
            f"SELECT {_INFO} FROM documents ORDER BY date IS NULL, date DESC, title"
        )
        return [_info(r) for r in rows]

    def document(self, doc_id: str) -> tuple[DocumentInfo, str] | None:
        r = self.db.execute(f"SELECT {_INFO}, hash FROM documents WHERE id=?", (doc_id,)).fetchone()
        return (_info(r[:9]), r[9]) if r else None

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM documents").fetchone()[0])

    # -- analyses ----------------------------------------------------------------
    def get_analysis(self, content_hash: str, version: str) -> Analysis | None:
        row = self.db.execute(
            "SELECT blob FROM analyses WHERE hash=? AND version=?", (content_hash, version)
        ).fetchone()
        if not row:
            return None
        try:
            obj = pickle.loads(zlib.decompress(row[0]))
        except Exception:  # a damaged cache entry is simply redone
            return None
        return obj if isinstance(obj, Analysis) else None

    def put_analysis(self, content_hash: str, version: str, analysis: Analysis) -> None:
        blob = zlib.compress(pickle.dumps(analysis, protocol=pickle.HIGHEST_PROTOCOL), 1)
        self.db.execute("INSERT OR REPLACE INTO analyses VALUES (?,?,?)", (content_hash, version, blob))

    def prune_analyses(self) -> None:
        self.db.execute("DELETE FROM analyses WHERE hash NOT IN (SELECT hash FROM documents)")

    # -- segments ----------------------------------------------------------------
    def put_segments(self, doc_id: str, segments: Iterable[TopicSegment]) -> None:
        self.db.execute("DELETE FROM segments WHERE document=?", (doc_id,))
        self.db.executemany(
            "INSERT INTO segments VALUES (?,?,?,?,?,?,?,?)",
            [(doc_id, i, s.start, s.end, s.label, json.dumps(list(s.keywords)), s.summary,
              json.dumps([list(x) for x in s.summary_spans])) for i, s in enumerate(segments)],
        )

    def all_segments(self) -> Iterator[tuple[str, str | None, list[TopicSegment]]]:
        rows = self.db.execute(
            "SELECT s.document, d.date, s.start, s.\"end\", s.label, s.keywords, s.summary, "
            "s.summary_spans FROM segments s JOIN documents d ON d.id = s.document "
            "ORDER BY d.date, s.document, s.idx"
        )
        current: str | None = None
        date: str | None = None
        bucket: list[TopicSegment] = []
        for doc, d, start, end, label, kw, summary, spans in rows:
            if doc != current:
                if current is not None:
                    yield current, date, bucket
                current, date, bucket = doc, d, []
            bucket.append(TopicSegment(start, end, label, tuple(json.loads(kw)), summary,
                                  tuple((a, b) for a, b in json.loads(spans))))
        if current is not None:
            yield current, date, bucket

    # -- failures ----------------------------------------------------------------
    def set_failures(self, failures: Iterable[tuple[str, str]]) -> None:
        self.db.execute("DELETE FROM failures")
        self.db.executemany("INSERT OR REPLACE INTO failures VALUES (?, ?)", list(failures))

    def failures(self) -> list[tuple[str, str]]:
        return [(p, e) for p, e in self.db.execute("SELECT path, error FROM failures ORDER BY path")]
