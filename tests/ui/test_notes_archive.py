"""Notes across the archive: citations kept with each note (schema v3, migrated from a
v2 store without losing a note), Markdown citations with paired quotation marks,
lists and exports of every note of the store."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from briefreader.core.library import Library, bundled_seeds
from briefreader.core.notes import NoteStore
from briefreader.core.notes import schema as notes_schema
from briefreader.core.notes.citation import balanced_quote, citation_text
from briefreader.core.state import data_dir
from tests.ui.conftest import KREMLIN, PSAKI


@pytest.mark.parametrize(("passage", "quoted"), [
    ("We will not send troops.", "“We will not send troops.”"),
    # starts inside a quotation: only the missing opening mark
    ("the details must be settled first,” he said.", "“the details must be settled first,” he said."),
    # ends inside one: only the missing closing mark
    ("He said: “we are ready to talk", "He said: “we are ready to talk”"),
    # paired marks inside: they become single marks within the outer pair
    ("She called it “a fake” on Monday.", "“She called it ‘a fake’ on Monday.”"),
    ("  spread over\nlines  ", "“spread over lines”"),
])
def test_balanced_quote(passage: str, quoted: str) -> None:
    assert balanced_quote(passage) == quoted
    assert quoted.count("“") == quoted.count("”")


def _v2_store(path: Path, doc: str, file: str, passage: str, start: int) -> None:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("BEGIN")
    notes_schema.MIGRATIONS[1](db)
    notes_schema.MIGRATIONS[2](db)
    db.execute("PRAGMA user_version = 2")
    db.execute(
        "INSERT INTO notes (id, document, start_pos, end_pos, exact, body, state, content_hash, "
        "created, modified, path) VALUES ('n-1', ?, ?, ?, ?, 'why it matters #ukraine', 'placed', '', "
        "'2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', ?)",
        (doc, start, start + len(passage), passage, file))
    db.execute("INSERT INTO note_tags (note_id, tag, position) VALUES ('n-1', 'ukraine', 0)")
    db.execute("COMMIT")
    db.close()


def test_a_v2_store_migrates_to_v3_and_its_notes_get_their_citation(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(bundled_seeds(), seeds)
    home = tmp_path / "home"
    text = (seeds / KREMLIN).read_text(encoding="utf-8")
    passage = "many nuances must be understood before taking this step"
    start = text.index(passage)  # the plain-text seed: file offsets are text offsets
    notes_db = data_dir(home) / "notes.sqlite"
    notes_db.parent.mkdir(parents=True, exist_ok=True)
    _v2_store(notes_db, KREMLIN, str(seeds / KREMLIN), passage, start)
    with NoteStore(notes_db) as store:
        assert [n.id for n in store.list()] == ["n-1"]  # no note lost
        assert store.citations()["n-1"].empty
    assert sqlite3.connect(notes_db).execute("PRAGMA user_version").fetchone()[0] == 3
    assert (notes_db.parent / "notes.sqlite.v2.bak").exists()
    lib = Library([seeds], home=home)
    try:
        lib.sync()
        note = lib.list_notes()[0]
        c = lib.citation(note)
        assert c.title.startswith("Kremlin says Putin supports a ceasefire") and c.date
        md = lib.export_notes()
        assert "> “" in md and "why it matters" in md and c.title in md
        assert "characters" not in md and str(seeds) not in md
    finally:
        lib.close()


def test_notes_list_and_export_without_a_path_cover_every_note(tmp_path: Path) -> None:
    home = tmp_path / "home"
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(bundled_seeds() / PSAKI, other / PSAKI)
    lib = Library([other], home=home)
    try:
        lib.sync()
        lib.add_note_by_quote(PSAKI, "Happy Friday.", "from another folder")
    finally:
        lib.close()
    seeds = Library(None, home=home)  # what `briefreader notes list` opens
    try:
        seeds.sync()
        seeds.add_note_by_quote(KREMLIN, "discussing these nuances", "on the seeds")
        bodies = {n.body for n in seeds.list_notes()}
        assert bodies == {"from another folder", "on the seeds"}
        assert {n.body for n in seeds.list_notes(everywhere=False)} == {"on the seeds"}
        md = seeds.export_notes()
        assert "from another folder" in md and "on the seeds" in md
        # the other folder's note cites from what was stored with it
        assert "— Jen Psaki, *Press Gaggle by Press Secretary Jen Psaki" in md  # speaker, title
    finally:
        seeds.close()


def test_citation_text_for_the_clipboard() -> None:
    from briefreader.core.notes.citation import Citation

    c = Citation("Press Briefing, May 2", "2025-05-02", "https://example.org/b", "Jane Roe")
    assert citation_text("we are ready,” she said.", c) == (
        "“we are ready,” she said. — Jane Roe, Press Briefing, May 2, 2025-05-02, https://example.org/b")
