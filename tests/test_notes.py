"""The note store: CRUD, tags, undo, filters, export/import, schema, re-anchoring."""

from __future__ import annotations

import json
import re
import sqlite3
import threading
import uuid
from dataclasses import replace
from pathlib import Path

import pytest

from briefreader.core.errors import NoteError
from briefreader.core.model import Briefing, Note
from briefreader.core.notes import ANNO_CONTEXT, NoteStore, body_tags, export_collection, export_markdown, read_json
from briefreader.core.notes import schema as notes_mod
from briefreader.core.notes.store import find_quote
from tests.helpers import plain_briefing

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_c863c091f001229a.txt"
ISO_UTC = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")


def make_briefing(text: str, doc_id: str = "peskov", content_hash: str = "h1") -> Briefing:
    return plain_briefing(text, doc_id, title="Peskov on a ceasefire", date="2025-04-04",
                          content_hash=content_hash, source_url="https://example.org/peskov")


@pytest.fixture
def text() -> str:
    return SEED.read_text(encoding="utf-8").replace("\r\n", "\n")


@pytest.fixture
def briefing(text: str) -> Briefing:
    return make_briefing(text)


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = NoteStore(tmp_path / "data" / "notes.sqlite")
    yield s
    s.close()


def span_of(text: str, passage: str) -> tuple[int, int]:
    i = text.index(passage)
    assert text.find(passage, i + 1) == -1
    return i, i + len(passage)


PASSAGE = "Peskov dismissed the reports"
DOCS = {"peskov": {"title": "Peskov on a ceasefire", "date": "2025-04-04",
                   "source_url": "https://example.org/peskov", "path": "/data/peskov.txt"}}


def one_line(e: pytest.ExceptionInfo[BaseException]) -> str:
    msg = str(e.value)
    assert msg and "\n" not in msg
    return msg


# ------------------------------------------------------------------ add / get


def test_add_stores_w3c_selectors(store: NoteStore, briefing: Briefing, text: str) -> None:
    s, e = span_of(text, PASSAGE)
    n = store.add(briefing, s, e, "Key denial.", tags=["Kremlin"], color="yellow")
    assert (n.start, n.end, n.text) == (s, e, PASSAGE)
    assert n.prefix == text[s - 32 : s] and n.suffix == text[e : e + 32]
    assert n.document == "peskov" and n.content_hash == "h1" and n.state == "placed"
    assert n.tags == ("kremlin",) and n.color == "yellow" and n.body == "Key denial."
    assert uuid.UUID(n.id) and ISO_UTC.fullmatch(n.created) and n.created == n.modified
    assert store.get(n.id) == n


def test_add_near_the_edges_keeps_short_context(store: NoteStore, briefing: Briefing, text: str) -> None:
    n = store.add(briefing, 0, 7)
    assert n.prefix == "" and n.text == text[:7] == "Russian"
    m = store.add(briefing, len(text) - 10, len(text))
    assert m.suffix == ""


def test_add_trims_whitespace_around_the_selection(store: NoteStore, briefing: Briefing, text: str) -> None:
    s, e = span_of(text, PASSAGE + ",")
    n = store.add(briefing, s - 1, e + 1)  # the newline before, the space after
    assert text[s - 1] == "\n" and text[e] == " "
    assert n.text == PASSAGE + "," and (n.start, n.end) == (s, e)


@pytest.mark.parametrize("start,end", [(-1, 5), (5, 5), (10, 3), (0, 10**7), (True, 5), (0.5, 5)])
def test_add_rejects_bad_spans(store: NoteStore, briefing: Briefing, start: object, end: object) -> None:
    with pytest.raises(NoteError) as e:
        store.add(briefing, start, end)  # type: ignore[arg-type]
    one_line(e)
    assert store.list() == []


def test_add_rejects_whitespace_only_and_bad_colour(store: NoteStore) -> None:
    b = make_briefing("Hello.   \n\n  World.")
    with pytest.raises(NoteError, match="whitespace"):
        store.add(b, 6, 11)
    with pytest.raises(NoteError, match="colour"):
        store.add(b, 0, 6, color="not a colour!")
    assert store.add(b, 0, 6, color="#ffcc00").color == "#ffcc00"


def test_tags_from_hash_words_deduplicated_lower_case() -> None:
    body = ("# Heading\nSee #Ukraine and #sanctions, again #ukraine; not #1 nor "
            "http://x.org/a#frag nor &#39; nor issue#3; #Peace-Talks.")
    assert body_tags(body) == ["ukraine", "sanctions", "ukraine", "peace-talks"]


def test_add_merges_explicit_and_body_tags(store: NoteStore, briefing: Briefing, text: str) -> None:
    s, e = span_of(text, PASSAGE)
    body = "About #Fakes and #ceasefire, #fakes again"
    n = store.add(briefing, s, e, body, tags=["Ceasefire", "#Kremlin ", ""])
    assert n.tags == ("ceasefire", "kremlin", "fakes")


def test_get_by_urn_and_unique_prefix(store: NoteStore, briefing: Briefing, text: str) -> None:
    n = store.add(briefing, *span_of(text, PASSAGE))
    assert store.get("urn:uuid:" + n.id) == n
    assert store.get(n.id[:8].upper()) == n
    with pytest.raises(NoteError) as e:
        store.get("00000000-0000-0000-0000-000000000000")
    assert "no note" in one_line(e)


# ------------------------------------------------------------------ add_by_quote


def test_add_by_quote_ignores_whitespace_and_quote_style(store: NoteStore, briefing: Briefing,
                                                         text: str) -> None:
    i = text.index("A lot of different fakes")
    n = store.add_by_quote(briefing, '"A  lot of different\nfakes, rumors,')
    assert n.start == i - 1 and n.text == text[i - 1 : n.end] and n.text.startswith("\u201cA lot")


def test_add_by_quote_falls_back_to_any_letter_case(store: NoteStore, briefing: Briefing, text: str) -> None:
    n = store.add_by_quote(briefing, "peskov DISMISSED the reports")
    assert n.text == PASSAGE


def test_add_by_quote_not_found_is_one_clear_line(store: NoteStore, briefing: Briefing) -> None:
    with pytest.raises(NoteError) as e:
        store.add_by_quote(briefing, "Putin resigned " * 10)
    msg = one_line(e)
    assert msg.startswith("passage not found in peskov") and len(msg) < 120


def test_add_by_quote_occurrence(store: NoteStore) -> None:
    b = make_briefing("Q  Thank you.  First.\n\nQ  Thank you.  Second.\n")
    spans = find_quote(b, "Thank you.")
    assert len(spans) == 2
    assert store.add_by_quote(b, "Thank you.").start == spans[0][0]
    assert store.add_by_quote(b, "Thank you.", occurrence=1).start == spans[1][0]
    with pytest.raises(NoteError) as e:
        store.add_by_quote(b, "Thank you.", occurrence=2)
    assert "occurs 2 times" in one_line(e)
    with pytest.raises(NoteError):
        store.add_by_quote(b, "   ")


# ------------------------------------------------------------------ update / delete / restore


def test_update_body_tags_colour(store: NoteStore, briefing: Briefing, text: str) -> None:
    n = store.add(briefing, *span_of(text, PASSAGE), "First #draft", tags=["kremlin"], color="red")
    u = store.update(n.id, body="Rewritten #final")
    assert u.body == "Rewritten #final" and u.tags == ("kremlin", "final")  # #draft left the body
    assert u.modified >= n.modified and u.created == n.created and u.color == "red"
    u = store.update(n.id, tags=["Other"])
    assert u.tags == ("other", "final")  # body tags stay while in the body
    assert store.update(n.id, color=None).color is None
    assert store.update(n.id).color is None  # color=... leaves it unchanged
    same = store.get(n.id)
    assert store.update(n.id, body=same.body) == same  # no change, no new modified time
    assert store.get(n.id) == same and store.list(tag="draft") == []
    with pytest.raises(NoteError):
        store.update("nope-nope", body="x")


def test_delete_returns_note_and_restore_undoes(store: NoteStore, briefing: Briefing, text: str) -> None:
    n = store.add(briefing, *span_of(text, PASSAGE), "gone? #undo")
    other = store.add(briefing, 0, 20)
    gone = store.delete(n.id)
    assert gone == n and [x.id for x in store.list()] == [other.id]
    with pytest.raises(NoteError):
        store.get(n.id)
    back = store.restore(gone)
    assert back == n and store.get(n.id) == n and store.list(tag="undo") == [n]
    with pytest.raises(NoteError) as e:
        store.restore(gone)
    assert "already exists" in one_line(e)
    with pytest.raises(NoteError):
        store.delete(str(uuid.uuid4()))


# ------------------------------------------------------------------ list


def test_list_filters_and_order(store: NoteStore, briefing: Briefing, text: str) -> None:
    other = make_briefing("Another briefing about tariffs and trade. " * 3, doc_id="aaa-other")
    late = store.add(briefing, *span_of(text, PASSAGE), "#kremlin")
    early = store.add(briefing, 0, 30, tags=["Kremlin", "first"])
    elsewhere = store.add(other, 8, 16, tags=["trade"])
    assert store.list() == [elsewhere, early, late]  # by document, then start
    assert store.list(document="peskov") == [early, late]
    assert store.list(tag="#KREMLIN") == [early, late]
    assert store.list(tag="first", document="peskov") == [early]
    assert store.list(state="placed") == [elsewhere, early, late]
    assert store.list(state="unplaced") == []
    assert store.list(document="nope") == []
    with pytest.raises(NoteError):
        store.list(state="lost")


# ------------------------------------------------------------------ export / import


def _populate(store: NoteStore, briefing: Briefing, text: str) -> list[Note]:
    store.add(briefing, *span_of(text, PASSAGE), "A *Markdown* body #denial", tags=["Kremlin"],
              color="yellow")
    store.add(briefing, 0, 40)
    store.add_by_quote(briefing, "A lot of different fakes", "quote: \u201cfakes\u201d \u2014 #media")
    return store.list()


def test_export_is_a_w3c_annotation_collection(store: NoteStore, briefing: Briefing, text: str) -> None:
    notes = _populate(store, briefing, text)
    data = json.loads(json.dumps(export_collection(notes, DOCS)))
    assert data["@context"] == ANNO_CONTEXT and data["type"] == "AnnotationCollection"
    assert data["total"] == len(data["items"]) == 3
    for item, n in zip(data["items"], notes, strict=True):
        assert item["type"] == "Annotation" and item["id"] == f"urn:uuid:{n.id}"
        assert item["@context"] == ANNO_CONTEXT
        assert ISO_UTC.fullmatch(item["created"]) and ISO_UTC.fullmatch(item["modified"])
        target = item["target"]
        assert target["source"] == "https://example.org/peskov"
        quote, pos = target["selector"]
        assert quote == {"type": "TextQuoteSelector", "exact": n.text, "prefix": n.prefix, "suffix": n.suffix}
        assert pos == {"type": "TextPositionSelector", "start": n.start, "end": n.end}
        assert text[pos["start"] : pos["end"]] == quote["exact"]
        ext = item["briefreader"]
        assert ext["document"] == "peskov" and ext["state"] == "placed" and ext["path"] == "/data/peskov.txt"
        bodies = item.get("body", [])
        comments = [b for b in bodies if b["purpose"] == "commenting"]
        assert [b["value"] for b in bodies if b["purpose"] == "tagging"] == list(n.tags)
        if n.body:
            assert comments == [{"type": "TextualBody", "value": n.body, "format": "text/markdown",
                                 "purpose": "commenting"}]
            assert item["motivation"] == "commenting"
        else:
            assert not comments and item["motivation"] == "highlighting"


def test_export_import_round_trip_into_a_fresh_store(store: NoteStore, briefing: Briefing, text: str,
                                                     tmp_path: Path) -> None:
    notes = _populate(store, briefing, text)
    data = export_collection(notes, DOCS)
    with NoteStore(tmp_path / "other" / "notes.sqlite") as fresh:
        assert fresh.import_json(data) == (3, 0)
        assert fresh.list() == notes  # ids, bodies, tags, selectors, times, colour, state
        assert fresh.import_json(data) == (0, 3)  # twice: no duplicates
        assert fresh.list() == notes
        assert fresh.import_json(json.loads(json.dumps(data))) == (0, 3)
    # without a URL the source is the note's file; without that either, the document id
    bare = export_collection(notes, {})
    assert {i["target"]["source"] for i in bare["items"]} == {"file:///data/peskov.txt"}
    pathless = export_collection([replace(n, path="") for n in notes], {})
    assert {i["target"]["source"] for i in pathless["items"]} == {"peskov"}
    assert all("path" not in i["briefreader"] for i in pathless["items"])


def test_import_foreign_annotation_then_reanchor(store: NoteStore, briefing: Briefing, text: str) -> None:
    s, e = span_of(text, PASSAGE)
    foreign = {
        "@context": ANNO_CONTEXT, "type": "AnnotationCollection",
        "first": {"type": "AnnotationPage", "items": [{
            "id": "https://hypothes.is/a/abc123", "type": "Annotation",
            "bodyValue": "From another tool #imported",
            "target": {"source": "peskov", "selector": {
                "type": "TextQuoteSelector", "exact": PASSAGE, "prefix": text[s - 32 : s],
                "suffix": text[e : e + 32]}},
        }]},
    }
    assert store.import_json(foreign) == (1, 0)
    assert store.import_json(foreign) == (0, 1)  # its IRI gives a stable id
    (n,) = store.list()
    assert n.state == "unplaced" and n.body == "From another tool #imported" and n.tags == ("imported",)
    assert store.list(state="unplaced") == [n]
    ((placed, outcome),) = store.reanchor(briefing)
    assert outcome == "moved" and placed.state == "placed" and (placed.start, placed.end) == (s, e)
    assert store.get(n.id) == placed


@pytest.mark.parametrize("data,expected", [
    ([], "expected a JSON object"),
    ({"type": "Something"}, "type is 'Something'"),
    ({"type": "AnnotationCollection", "items": {}}, "not a list"),
    ({"type": "AnnotationCollection", "items": [{"type": "Annotation", "id": "urn:uuid:x"}]}, "urn:uuid"),
    ({"type": "AnnotationCollection", "items": [{"type": "Annotation", "id": "a:1"}]}, "no \"target\""),
    ({"type": "AnnotationCollection", "items": [{"type": "Annotation", "id": "a:1",
      "target": {"selector": []}}]}, "no \"source\""),
    ({"type": "AnnotationCollection", "items": [{"type": "Annotation", "id": "a:1",
      "target": {"source": "d", "selector": [{"type": "TextPositionSelector", "start": 0, "end": 3}]}}]},
     "no TextQuoteSelector"),
    ({"type": "AnnotationCollection", "items": [{"type": "Annotation", "id": "a:1",
      "target": {"source": "d", "selector": {"type": "TextQuoteSelector", "exact": " "}}}]}, "no \"exact\""),
    ({"type": "AnnotationCollection", "items": [{"type": "Annotation", "id": "a:1",
      "target": {"source": "d", "selector": [{"type": "TextQuoteSelector", "exact": "abc"},
                                             {"type": "TextPositionSelector", "start": 5, "end": 2}]}}]},
     "not a span"),
    ({"type": "AnnotationCollection", "items": [{"type": "Annotation", "id": "a:1", "created": "yesterday",
      "target": {"source": "d", "selector": {"type": "TextQuoteSelector", "exact": "abc"}}}]}, "ISO 8601"),
    ({"type": "AnnotationCollection", "items": [{"type": "Annotation", "id": "a:1",
      "briefreader": {"color": "no such colour!"},
      "target": {"source": "d", "selector": {"type": "TextQuoteSelector", "exact": "abc"}}}]}, "colour"),
])
def test_bad_import_is_a_one_line_note_error(store: NoteStore, data: object, expected: str) -> None:
    with pytest.raises(NoteError) as e:
        store.import_json(data)  # type: ignore[arg-type]
    assert expected in one_line(e)
    assert store.list() == []


def test_bad_import_imports_nothing(store: NoteStore, briefing: Briefing, text: str, tmp_path: Path) -> None:
    data = export_collection(_populate(store, briefing, text), DOCS)
    del data["items"][2]["target"]
    with NoteStore(tmp_path / "b.sqlite") as fresh:
        with pytest.raises(NoteError) as e:
            fresh.import_json(data)
        assert one_line(e).startswith("annotation 3 (urn:uuid:")
        assert fresh.list() == []


def test_read_json_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"type": "AnnotationCollection", ', encoding="utf-8")
    with pytest.raises(NoteError) as e:
        read_json(bad)
    assert "is not JSON" in one_line(e)
    with pytest.raises(NoteError) as e:
        read_json(tmp_path / "missing.json")
    assert "cannot read" in one_line(e)


def test_export_markdown(store: NoteStore, briefing: Briefing, text: str) -> None:
    notes = _populate(store, briefing, text)
    md = export_markdown(notes, DOCS, store.citations())
    assert md.startswith("# Notes\n")
    assert f"> “{PASSAGE}”" in md and "A *Markdown* body #denial" in md
    assert "Tags: #kremlin" in md  # #denial is in the body already
    assert "characters" not in md and "/data/peskov.txt" not in md  # a citation, not a locator
    assert md.count("— *Peskov on a ceasefire*, 2025-04-04, <https://example.org/peskov>") == 3
    # the citation comes before the note
    block = md[md.index(f"> “{PASSAGE}”"):]
    assert block.index("— *Peskov") < block.index("A *Markdown* body") < block.index("---")
    assert "No notes." in export_markdown([], DOCS)


# ------------------------------------------------------------------ re-anchoring through the store


def test_reanchor_outcomes_and_notes_are_never_deleted(store: NoteStore, briefing: Briefing,
                                                       text: str) -> None:
    kept = store.add(briefing, 0, 60, "opening")
    moved_passage = "Peskov dismissed the reports, saying"
    moved = store.add(briefing, *span_of(text, moved_passage), "moves")
    fuzzy_passage = "At the same time, he noted that"
    fuzzy = store.add(briefing, *span_of(text, fuzzy_passage), "typo")
    i = text.index("In a press briefing in Moscow")
    lost_passage = text[i : i + 90]
    lost = store.add(briefing, *span_of(text, lost_passage), "deleted")

    new_text = (text.replace(lost_passage, "")
                .replace(moved_passage, "Some new words here. " + moved_passage)
                .replace("he noted that", "he noted tht"))
    edited = make_briefing(new_text, content_hash="h2")
    out = {n.id: (n, o) for n, o in store.reanchor(edited)}
    assert out[kept.id][1] == "kept" and out[kept.id][0].content_hash == "h2"
    assert out[moved.id][1] == "moved" and new_text[out[moved.id][0].start :].startswith(moved_passage)
    f = out[fuzzy.id][0]
    assert out[fuzzy.id][1] == "fuzzy" and f.text == "At the same time, he noted tht"
    assert new_text[f.start : f.end] == f.text
    u = out[lost.id][0]
    assert out[lost.id][1] == "unplaced" and u.state == "unplaced" and u.text == lost_passage
    assert u.content_hash == "h1"  # still the text it was made on
    assert len(store.list()) == 4 and store.list(state="unplaced") == [u]
    for n in store.list(state="placed"):
        assert new_text[n.start : n.end] == n.text

    # the passage comes back: the note is placed again; a second call changes nothing
    back = make_briefing(text, content_hash="h1")
    again = {n.id: o for n, o in store.reanchor(back)}
    assert again[lost.id] == "kept" and store.get(lost.id).state == "placed"  # at its old offsets
    assert {o for _, o in store.reanchor(back)} == {"kept"}
    assert store.get(lost.id) == lost


def test_reanchor_checks_offsets_even_when_the_hash_is_unchanged(store: NoteStore, briefing: Briefing,
                                                                 text: str) -> None:
    n = store.add(briefing, *span_of(text, PASSAGE))
    shifted = make_briefing("\n" + text, content_hash="h1")  # e.g. ingest changed, file did not
    ((m, outcome),) = store.reanchor(shifted)
    assert outcome == "moved" and m.start == n.start + 1


# ------------------------------------------------------------------ the database


def test_wal_foreign_keys_and_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "notes.sqlite"
    with NoteStore(path) as s:
        assert s.journal_mode == "wal"
        assert s._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == notes_mod.schema_version() == 3
    db.close()


def test_deleting_a_note_deletes_its_tags(store: NoteStore, briefing: Briefing) -> None:
    n = store.add(briefing, 0, 10, tags=["a", "b"])
    store.delete(n.id)
    assert store._conn.execute("SELECT count(*) FROM note_tags").fetchone()[0] == 0


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    NoteStore(path).close()
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.close()
    with pytest.raises(NoteError) as e:
        NoteStore(path)
    assert "newer briefreader" in one_line(e)


def test_migration_to_v4_runs_once_keeps_notes_and_backs_up(tmp_path: Path, briefing: Briefing,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "notes.sqlite"
    with NoteStore(path) as s:
        n = s.add(briefing, 0, 20, "keep me")
    calls = []

    def to_v4(db: sqlite3.Connection) -> None:
        calls.append(1)
        db.execute("ALTER TABLE notes ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0")

    monkeypatch.setitem(notes_mod.MIGRATIONS, 4, to_v4)
    for _ in range(2):
        with NoteStore(path) as s:
            assert s.get(n.id) == n
    assert calls == [1]
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 4
    db.close()
    backup = sqlite3.connect(tmp_path / "notes.sqlite.v3.bak")
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 3
    assert backup.execute("SELECT body FROM notes").fetchall() == [("keep me",)]
    backup.close()


def test_failed_migration_changes_nothing(tmp_path: Path, briefing: Briefing,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "notes.sqlite"
    with NoteStore(path) as s:
        n = s.add(briefing, 0, 20)

    def broken(db: sqlite3.Connection) -> None:
        db.execute("DROP TABLE note_tags")
        raise RuntimeError("bug in migration")

    monkeypatch.setitem(notes_mod.MIGRATIONS, 4, broken)
    with pytest.raises(RuntimeError):
        NoteStore(path)
    monkeypatch.delitem(notes_mod.MIGRATIONS, 4)
    with NoteStore(path) as s:
        assert s.list() == [n]


def test_not_a_database_is_a_note_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(NoteError) as e:
        NoteStore(path)
    assert "notes database" in one_line(e)
    assert path.read_bytes() == b"this is not sqlite" * 100  # never overwritten


def test_closed_store(tmp_path: Path) -> None:
    s = NoteStore(tmp_path / "n.sqlite")
    s.close()
    s.close()
    with pytest.raises(NoteError, match="closed"):
        s.list()


def test_two_stores_and_threads_share_one_file(tmp_path: Path, briefing: Briefing) -> None:
    path = tmp_path / "notes.sqlite"
    with NoteStore(path) as a, NoteStore(path) as b:
        errors: list[BaseException] = []

        def work(store: NoteStore, k: int) -> None:
            try:
                for i in range(10):
                    store.add(briefing, i, i + 5, f"thread {k} note {i}")
            except BaseException as e:  # pragma: no cover - reported below
                errors.append(e)

        threads = [threading.Thread(target=work, args=(s, k)) for k, s in enumerate((a, a, b, b))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors
        assert len(a.list()) == len(b.list()) == 40
        assert a._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# ------------------------------------------------------------------ one database, several corpora


def test_add_update_delete_restore_keep_the_file_path(store: NoteStore, briefing: Briefing,
                                                      text: str) -> None:
    n = store.add(briefing, *span_of(text, PASSAGE), "#a")
    q = store.add_by_quote(briefing, "A lot of different fakes")
    assert n.path == q.path == "/data/peskov.txt" == briefing.path
    assert store.get(n.id).path == "/data/peskov.txt"
    u = store.update(n.id, body="changed #b", color="red")
    assert u.path == "/data/peskov.txt" and store.get(n.id) == u
    gone = store.delete(n.id)
    assert gone.path == "/data/peskov.txt"
    store.restore(gone)
    assert store.get(n.id) == gone
    row = store._conn.execute("SELECT path FROM notes WHERE id = ?", (n.id,)).fetchone()
    assert row == ("/data/peskov.txt",)


def _corpus_briefing(root: str, text: str, content_hash: str) -> Briefing:
    return plain_briefing(text, "brief.txt", f"{root}/brief.txt", f"Brief in {root}", content_hash=content_hash)


A_TEXT = "Corpus A says the talks will resume on Monday in Geneva. Nothing else happened today."
B_TEXT = ("Corpus B opens with another story entirely, about the harvest and the weather. "
          "Later it quotes A: the talks will resume on Monday in Geneva. Then it ends.")


def test_reanchor_never_touches_another_corpus_note_with_the_same_id(store: NoteStore) -> None:
    a = _corpus_briefing("/corpus-a", A_TEXT, "ha")
    b = _corpus_briefing("/corpus-b", B_TEXT, "hb")
    note_a = store.add_by_quote(a, "the talks will resume on Monday", "A's note")
    note_b = store.add_by_quote(b, "the harvest and the weather", "B's note")
    assert (note_a.document, note_b.document) == ("brief.txt", "brief.txt")

    # B's text holds A's passage elsewhere: B's sync must not move A's note onto it
    b2 = _corpus_briefing("/corpus-b", "Preface. " + B_TEXT, "hb2")
    out = store.reanchor(b2)
    assert [(n.id, o) for n, o in out] == [(note_b.id, "moved")]
    assert store.get(note_a.id) == note_a

    # A's passage leaves A: A's note is unplaced, B's note stays where it is
    before_b = store.get(note_b.id)
    a2 = _corpus_briefing("/corpus-a", "Corpus A now says nothing at all.", "ha2")
    out = store.reanchor(a2)
    assert [(n.id, o) for n, o in out] == [(note_a.id, "unplaced")]
    assert store.get(note_a.id).state == "unplaced" and store.get(note_a.id).path == "/corpus-a/brief.txt"
    assert store.get(note_b.id) == before_b

    # a briefing with the same id somewhere else entirely claims neither
    assert store.reanchor(_corpus_briefing("/corpus-c", B_TEXT, "hc")) == []
    assert store.get(note_b.id) == before_b


def test_list_filters_by_file_paths(store: NoteStore, briefing: Briefing, text: str) -> None:
    a = _corpus_briefing("/corpus-a", A_TEXT, "ha")
    b = _corpus_briefing("/corpus-b", B_TEXT, "hb")
    na = store.add_by_quote(a, "the talks will resume", tags=["talks"])
    nb = store.add_by_quote(b, "the talks will resume", tags=["talks"])
    np = store.add(briefing, *span_of(text, PASSAGE))
    assert store.list(paths=["/corpus-a/brief.txt"]) == [na]
    assert store.list(paths={"/corpus-b/brief.txt"}) == [nb]
    assert store.list(paths=("/corpus-a/brief.txt", "/corpus-b/brief.txt")) == [na, nb]
    assert store.list(paths=["/corpus-a/brief.txt", "/data/peskov.txt"]) == [na, np]
    assert store.list(paths=[]) == [] and store.list(paths=set()) == []
    assert store.list(paths=["brief.txt", "/nowhere"]) == []
    assert store.list(document="brief.txt") == [na, nb]  # the id alone matches both corpora
    assert store.list(document="brief.txt", paths=["/corpus-b/brief.txt"]) == [nb]
    assert store.list(tag="talks", paths=["/data/peskov.txt"]) == []
    assert store.list(state="placed", paths=["/corpus-a/brief.txt"]) == [na]
    many = [f"/corpus-x/{i}.txt" for i in range(5000)] + ["/corpus-a/brief.txt"]
    assert store.list(paths=many) == [na]  # more paths than SQLite takes as parameters
    with pytest.raises(NoteError) as e:
        store.list(paths="/corpus-a/brief.txt")
    one_line(e)


def _v1_database(path: Path, text: str) -> tuple[str, str]:
    """A notes database as briefreader wrote it at schema v1, with two notes on "peskov"."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("BEGIN")
    notes_mod.MIGRATIONS[1](db)
    db.execute("PRAGMA user_version = 1")
    ids = []
    for passage, occurrences in ((PASSAGE, 1), ("A lot of different fakes", None)):
        s, e = span_of(text, passage)
        note_id = str(uuid.uuid4())
        ids.append(note_id)
        db.execute(
            "INSERT INTO notes (id, document, start_pos, end_pos, exact, prefix, suffix, body, color, "
            "state, content_hash, occurrences, created, modified) "
            "VALUES (?, 'peskov', ?, ?, ?, ?, ?, 'old note #legacy', NULL, 'placed', 'h1', ?, "
            "'2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')",
            (note_id, s, e, passage, text[max(0, s - 32) : s], text[e : e + 32], occurrences),
        )
        db.execute("INSERT INTO note_tags (note_id, tag, position) VALUES (?, 'legacy', 0)", (note_id,))
    db.execute("COMMIT")
    db.close()
    return ids[0], ids[1]


def test_migration_from_v1_keeps_notes_with_an_empty_path(tmp_path: Path, text: str) -> None:
    path = tmp_path / "notes.sqlite"
    first, second = _v1_database(path, text)
    with NoteStore(path) as s:
        old = s.get(first)
        assert old.path == "" and old.text == PASSAGE and old.body == "old note #legacy"
        assert old.tags == ("legacy",) and old.created == "2024-01-01T00:00:00.000Z"
        assert {n.id for n in s.list(document="peskov")} == {first, second}
        assert s.list(paths=["/data/peskov.txt"]) == []
        assert [n.id for n in s.list(paths=[""])] == sorted([first, second], key=lambda i: s.get(i).start)
        indexes = {r[0] for r in s._conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert "notes_by_path" in indexes
        assert s._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 3
    db.close()
    backup = sqlite3.connect(tmp_path / "notes.sqlite.v1.bak")
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
    backup.close()


def test_reanchor_claims_legacy_notes_only_when_it_places_them(tmp_path: Path, text: str) -> None:
    path = tmp_path / "notes.sqlite"
    first, second = _v1_database(path, text)
    elsewhere = plain_briefing("Nothing about any of it.", "peskov", "/other-corpus/peskov.txt", content_hash="hx")
    with NoteStore(path) as s:
        # another corpus's "peskov": the legacy notes are not placed there and stay unclaimed
        out = {n.id: (n, o) for n, o in s.reanchor(elsewhere)}
        assert {i: o for i, (_, o) in out.items()} == {first: "unplaced", second: "unplaced"}
        assert all(s.get(i).path == "" for i in (first, second))
        # the right one places them (kept at the same offsets, or found again) and claims them
        home = make_briefing(text)
        out = {n.id: (n, o) for n, o in s.reanchor(home)}
        assert {i: o for i, (_, o) in out.items()} == {first: "kept", second: "kept"}
        for i in (first, second):
            assert out[i][0].path == "/data/peskov.txt" and s.get(i) == out[i][0]
            assert s.get(i).state == "placed"
        assert {n.id for n in s.list(paths=["/data/peskov.txt"])} == {first, second}
        # claimed: the other corpus's briefing no longer touches them
        before = s.list()
        assert s.reanchor(elsewhere) == []
        assert s.list() == before
    # a legacy note placed by its first re-anchoring is claimed straight away
    first2, _ = _v1_database(tmp_path / "again.sqlite", text)
    with NoteStore(tmp_path / "again.sqlite") as s:
        out = {n.id: (n, o) for n, o in s.reanchor(make_briefing(text))}
        assert out[first2][1] == "kept" and s.get(first2).path == "/data/peskov.txt"


def test_export_prefers_the_note_path_and_import_keeps_it(store: NoteStore, briefing: Briefing,
                                                          text: str, tmp_path: Path) -> None:
    n = store.add(briefing, *span_of(text, PASSAGE), "mine")
    docs = {"peskov": {"title": "Peskov", "path": "/elsewhere/peskov.txt"}}  # another corpus's file
    (item,) = export_collection([n], docs)["items"]
    assert item["briefreader"]["path"] == "/data/peskov.txt"
    assert item["target"]["source"] == "file:///data/peskov.txt"  # no source_url: the note's file
    with NoteStore(tmp_path / "fresh.sqlite") as fresh:
        assert fresh.import_json(export_collection([n], docs)) == (1, 0)
        assert fresh.get(n.id) == n and fresh.get(n.id).path == "/data/peskov.txt"
        assert fresh.list(paths=["/data/peskov.txt"]) == [n]
    # a note without a path still gets the document's
    legacy = replace(n, path="")
    (item,) = export_collection([legacy], docs)["items"]
    assert item["briefreader"]["path"] == "/elsewhere/peskov.txt"
    assert item["target"]["source"] == "file:///elsewhere/peskov.txt"


def test_import_reads_the_path_from_a_file_uri_source(store: NoteStore) -> None:
    def annotation(source: str, ext: dict[str, object] | None = None) -> dict[str, object]:
        item: dict[str, object] = {
            "id": f"https://example.org/a/{uuid.uuid4()}", "type": "Annotation",
            "target": {"source": source, "selector": {"type": "TextQuoteSelector", "exact": "abc"}}}
        if ext is not None:
            item["briefreader"] = ext
        return item

    data = {"type": "AnnotationCollection", "items": [
        annotation("file:///data/my%20brief.txt"),
        annotation("file://localhost/data/x.md"),
        annotation("file:///data/uri.txt", {"document": "d", "path": "/data/ext.txt"}),
        annotation("https://example.org/brief"),
        annotation("relative/brief.txt"),
        annotation("file://otherhost/data/y.txt"),
    ]}
    assert store.import_json(data) == (6, 0)
    got = {n.document: n.path for n in store.list()}
    assert got == {"file:///data/my%20brief.txt": "/data/my brief.txt",
                   "file://localhost/data/x.md": "/data/x.md",
                   "d": "/data/ext.txt",
                   "https://example.org/brief": "",
                   "relative/brief.txt": "",
                   "file://otherhost/data/y.txt": ""}


def test_export_markdown_keeps_two_corpora_apart(store: NoteStore) -> None:
    a = _corpus_briefing("/corpus-a", A_TEXT, "ha")
    b = _corpus_briefing("/corpus-b", B_TEXT, "hb")
    store.add_by_quote(a, "the talks will resume", "from A")
    store.add_by_quote(b, "the harvest", "from B")
    docs = {"/corpus-a/brief.txt": {"title": "Alpha", "date": "2025-01-01"},
            "/corpus-b/brief.txt": {"title": "Beta", "date": "2025-01-02"}}
    md = export_markdown(store.list(), docs, store.citations())
    assert md.index("Alpha") < md.index("from A") < md.index("Beta") < md.index("from B")
    data = export_collection(store.list(), docs)
    assert [i["target"]["source"] for i in data["items"]] == ["file:///corpus-a/brief.txt",
                                                             "file:///corpus-b/brief.txt"]
