"""The list's speakers and kind (core.listing), stored in the catalog; a format-1 catalog
upgraded without a crash and filled at the next sync."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from briefreader.core.catalog import Catalog
from briefreader.core.library import Library
from briefreader.core.listing import kind_of, main_speakers
from briefreader.core.model import REPORTER, Analysis, Briefing, Quote


def _analysis(quotes: list[tuple[str | None, str, str, bool]], fmt: str = "transcript",
              path: str = "/x/a.md", extra: str = "") -> Analysis:
    """Quotes of my own: (speaker, kind, text, procedural), laid end to end."""
    text, out = "", []
    for speaker, kind, words, proc in quotes:
        start = len(text)
        text += words + " "
        out.append(Quote("a", start, start + len(words), words, speaker, None, None, kind,  # type: ignore[arg-type]
                         ((start, start + len(words)),), is_question=speaker == REPORTER, procedural=proc))
    text += extra
    return Analysis(Briefing("a", path, "t", None, fmt, text, ()), tuple(out))  # type: ignore[arg-type]


LONG = "The administration will send the bill to the Senate on Tuesday and expects a vote within two weeks."


def test_transcript_the_one_or_two_who_say_most() -> None:
    a = _analysis([("Ann Lee", "turn", "Hi, everybody.", True), ("Ann Lee", "turn", "Go ahead.", True),
                   ("Bo Park", "turn", "Thanks, Ann.", False),
                   *[("Ann Lee", "turn", LONG, False)] * 6, *[(REPORTER, "turn", LONG + "?", False)] * 9,
                   *[("Cy Dunn", "turn", LONG, False)] * 3])
    # the moderator's one-liner and the reporters' questions weigh nothing; a guest with half as much is second
    assert main_speakers(a) == ("Ann Lee", "Cy Dunn")
    short_guest = _analysis([*[("Ann Lee", "turn", LONG, False)] * 6, ("Cy Dunn", "turn", LONG, False)])
    assert main_speakers(short_guest) == ("Ann Lee",)


def test_transcript_counts_turns_not_the_quotes_inside_them() -> None:
    a = _analysis([("Ann Lee", "turn", LONG, False),
                   *[("Joe Smith", "direct", "We will win this fight.", False)] * 5], )
    assert main_speakers(a) == ("Ann Lee",)


def test_report_the_most_quoted_person() -> None:
    a = _analysis([("Maria Ortiz", "direct", "The water came in an hour.", False),
                   ("Tom Reyes", "direct", "We lost everything we had in the flood last night, all of it.", False),
                   ("Maria Ortiz", "indirect", "the town was not warned", False)], fmt="report")
    assert main_speakers(a) == ("Maria Ortiz",)
    once_each = _analysis([("Maria Ortiz", "direct", "It rained.", False),
                           ("Tom Reyes", "direct", "It flooded.", False)], fmt="report")
    assert main_speakers(once_each) == ()  # nobody stands out
    only = _analysis([("Tom Reyes", "direct", "It flooded.", False)], fmt="report")
    assert main_speakers(only) == ("Tom Reyes",)
    assert main_speakers(_analysis([(None, "direct", "It flooded.", False)], fmt="report")) == ()


def test_speaker_names_are_data() -> None:
    a = _analysis([("Ann\x1b[31m Lee\n", "turn", LONG, False)])
    (name,) = main_speakers(a)
    assert "\x1b" not in name and "\n" not in name and "Lee" in name


def test_kinds() -> None:
    quotes = [(f"Person {c}", "direct", LONG, False) for c in "ABCD"]
    assert kind_of("transcript", "/x/a.html") == "transcript"
    assert kind_of("notes", "/x/a.md") == "round-up"
    assert kind_of("report", "/x/a.md", _analysis(quotes, fmt="report", extra="Senators said so.")) == "round-up"
    news = _analysis(quotes[:1], fmt="report", extra=LONG * 3)
    assert kind_of("report", "/x/a.md", news) == "news"
    assert kind_of("report", "/x/a.HTM", news) == "web page"
    assert kind_of("report", "/x/a.txt") == "news"


OLD_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
    id TEXT PRIMARY KEY, path TEXT NOT NULL UNIQUE, size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL, hash TEXT NOT NULL, title TEXT NOT NULL, date TEXT,
    format TEXT NOT NULL, source_url TEXT, words INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE analyses (hash TEXT PRIMARY KEY, version TEXT NOT NULL, blob BLOB NOT NULL);
CREATE TABLE segments (
    document TEXT NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    label TEXT NOT NULL, keywords TEXT NOT NULL, summary TEXT NOT NULL, summary_spans TEXT NOT NULL,
    PRIMARY KEY (document, idx)
);
CREATE TABLE failures (path TEXT PRIMARY KEY, error TEXT NOT NULL);
"""


def test_a_format_1_catalog_is_upgraded_and_filled_at_the_next_sync(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "2024-05-01-gaggle.md").write_text(
        "# Gaggle\n\nMS. LEE:  Good morning. " + LONG + "\n\nQ:  Will it pass?\n\nMS. LEE:  " + LONG
        + "\n\nMR. DUNN:  Yes.\n", encoding="utf-8")
    lib = Library([folder], home=tmp_path / "home")
    lib.sync()
    path = lib.catalog.path
    (doc,) = lib.documents()
    assert doc.speakers and doc.kind == "transcript"
    lib.close()
    # the same catalog as format 1 wrote it: no speakers or kind columns
    db = sqlite3.connect(path)
    rows = db.execute("SELECT id, path, size, mtime_ns, hash, title, date, format, source_url, words "
                      "FROM documents").fetchall()
    db.executescript("DROP TABLE documents; DROP TABLE meta; DROP TABLE analyses; DROP TABLE segments; "
                     "DROP TABLE failures;" + OLD_SCHEMA)
    db.executemany("INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
    db.execute("PRAGMA user_version=1")
    db.commit()
    db.close()
    cat = Catalog(path)
    assert cat.rebuilt_reason and "upgraded from format 1" in cat.rebuilt_reason
    (old,) = cat.documents()
    assert old.title == doc.title and old.speakers == ()  # still listed, speakers to come
    cat.close()
    lib = Library([folder], home=tmp_path / "home")
    try:
        report = lib.sync()
        assert report.updated == 1 and not report.failed
        (again,) = lib.documents()
        assert again.speakers == doc.speakers and again.kind == "transcript"
    finally:
        lib.close()


def test_another_format_is_rebuilt_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "catalog.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE documents (id TEXT)")
    db.execute("PRAGMA user_version=7")
    db.commit()
    db.close()
    cat = Catalog(path)
    try:
        assert cat.rebuilt_reason and "format 7" in cat.rebuilt_reason
        assert cat.documents() == []
    finally:
        cat.close()
