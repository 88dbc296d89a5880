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

from briefreader.core.model import Analysis, DocumentInfo, TopicSegment

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY, path TEXT NOT NULL UNIQUE, size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL, hash TEXT NOT NULL, title TEXT NOT NULL, date TEXT,
    format TEXT NOT NULL, source_url TEXT, words INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS analyses (hash TEXT PRIMARY KEY, version TEXT NOT NULL, blob BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS segments (
    document TEXT NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    label TEXT NOT NULL, keywords TEXT NOT NULL, summary TEXT NOT NULL, summary_spans TEXT NOT NULL,
    PRIMARY KEY (document, idx)
);
CREATE TABLE IF NOT EXISTS failures (path TEXT PRIMARY KEY, error TEXT NOT NULL);
"""


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
                if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
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
        self.db.execute("DELETE FROM documents WHERE path=? AND id<>?", (info.path, info.id))
        self.db.execute(
            "INSERT OR REPLACE INTO documents VALUES (?,?,?,?,?,?,?,?,?,?)",
            (info.id, info.path, size, mtime_ns, content_hash, info.title, info.date,
             info.format, info.source_url, info.words),
        )

    def touch(self, path: str, size: int, mtime_ns: int) -> None:
        self.db.execute("UPDATE documents SET size=?, mtime_ns=? WHERE path=?", (size, mtime_ns, path))

    def remove_document(self, doc_id: str) -> None:
        self.db.execute("DELETE FROM documents WHERE id=?", (doc_id,))
        self.db.execute("DELETE FROM segments WHERE document=?", (doc_id,))

    def documents(self) -> list[DocumentInfo]:
        rows = self.db.execute(
            "SELECT id, path, title, date, format, source_url, words FROM documents "
            "ORDER BY date IS NULL, date DESC, title"
        )
        return [DocumentInfo(*r) for r in rows]

    def document(self, doc_id: str) -> tuple[DocumentInfo, str] | None:
        r = self.db.execute(
            "SELECT id, path, title, date, format, source_url, words, hash FROM documents WHERE id=?",
            (doc_id,),
        ).fetchone()
        return (DocumentInfo(*r[:7]), r[7]) if r else None

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
