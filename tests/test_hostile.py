"""Hostile briefings and a hostile world (issue 13): no escape sequence, no markup, no
crash, no lost state. Each test reproduces one item of the issue."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefreader.cli import main
from briefreader.core.ingest import load_file, parse_document
from briefreader.core.sanitize import clean, json_safe, one_line
from tests.conftest import SEED, run_env

OSC_TITLE = "\x1b]0;pwned\x07"
OSC_52 = "\x1b]52;c;Y3VybCBldmlsIHwgc2g=\x07"
RLO = "\u202e"
ESC_BYTES = ("\x1b", "\x9b")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    got = capsys.readouterr()
    return code, got.out, got.err


def no_escape(*texts: str) -> bool:
    return not any(b in t for t in texts for b in ESC_BYTES)


@pytest.fixture
def hostile_corpus(tmp_path: Path) -> Path:
    """A title in front matter (YAML \\e escapes), a sidecar title, an HTML title and a
    file name, each with a terminal escape sequence; markup in headings and quotes."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text(
        '---\ntitle: "\\e]0;pwned\\a[@click=app.quit]Daily [/] briefing \\u202eevil"\n'
        "tags: [\"\\e[31mred\"]\n---\n# Ukraine [/b] talks\n\n"
        f"MR. PESKOV: We said “ceasefire [/] now” is near. {OSC_52} ok.\n", encoding="utf-8")
    name = f"b{OSC_TITLE}\nname"
    (corpus / f"{name}.txt").write_text("MS. PSAKI: The ceasefire holds, she said.\n", encoding="utf-8")
    (corpus / f"{name}.meta.yaml").write_text('title: "\\e[31mred\\x9b2J sidecar"\n', encoding="utf-8")
    (corpus / "c.html").write_text(
        f"<html><head><title>{OSC_52}HTML title</title>"
        f'<meta property="og:title" content="x{OSC_TITLE}"></head>'
        "<body><p>The ceasefire talks went on.</p></body></html>", encoding="utf-8")
    return corpus


# -- the sanitising boundary ---------------------------------------------------------


def test_clean_replaces_one_for_one() -> None:
    s = f"a{OSC_TITLE}b{RLO}c\u2066d\u2069\t\n\fe\x9b\ud800\u200f"
    out = clean(s)
    assert len(out) == len(s)
    assert no_escape(out) and RLO not in out and "\u2066" not in out and "\ud800" not in out
    assert "\t\n\f" in out and "\u200f" in out  # kept: tab, newline, form feed; RLM (documented)
    assert one_line("a\nb\tc") == "a\u2424b c"
    assert json.loads(json_safe(json.dumps({"k": s}, ensure_ascii=False))) == {"k": s}


def test_metadata_and_names_are_cleaned_at_ingest(hostile_corpus: Path) -> None:
    a = load_file(hostile_corpus / "a.md")
    assert no_escape(a.title, *a.tags) and RLO not in a.title
    assert "[@click=app.quit]Daily [/] briefing" in a.title  # markup stays text, shown as text
    b = next(p for p in hostile_corpus.iterdir() if p.suffix == ".txt")
    brief = load_file(b)
    assert no_escape(brief.title, *brief.notes) and "sidecar" in brief.title
    c = load_file(hostile_corpus / "c.html")
    assert no_escape(c.title)


def test_body_bidi_override_replaced_offsets_kept() -> None:
    text = f"MR. X: The {RLO}ceasefire\u2067 holds.\n"
    b = parse_document(text, "text", name="x.txt", doc_id="x.txt")
    assert len(b.text) == len(text) and RLO not in b.text and "\u2067" not in b.text
    assert b.text.index("ceasefire") == text.index("ceasefire")


def test_file_name_title_cleaned() -> None:
    b = parse_document("Some words here.\n", "text", name=f"press{OSC_TITLE}-briefing.txt", doc_id="x")
    assert no_escape(b.title)


@pytest.mark.parametrize("argv", [
    ("index",), ("list",), ("search", "ceasefire"), ("quotes",), ("topics",),
    ("index", "--json"), ("list", "--json"), ("search", "ceasefire", "--json"), ("quotes", "--json"),
    ("topics", "--json"),
])
def test_no_escape_in_cli_output(hostile_corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                 argv: tuple[str, ...]) -> None:
    code, out, err = run(capsys, *argv, str(hostile_corpus), "--home", str(tmp_path / "home"))
    assert code == 0, err
    assert no_escape(out, err) and RLO not in out
    if "--json" in argv:
        json.loads(out)


def test_newline_in_file_name_does_not_split_lines(hostile_corpus: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", str(hostile_corpus), "--home", str(tmp_path / "home"))
    assert code == 0 and len(out.splitlines()) == 3
    code, out, _ = run(capsys, "search", "holds", str(hostile_corpus), "--home", str(tmp_path / "home"))
    head = [line for line in out.splitlines() if ".txt:" in line]
    assert head and "\u2424name.txt:" in head[0]


def test_notes_stored_before_the_fix_cannot_leak(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A note body written straight into the store (as an older version could) is
    cleaned on the way out of every notes command."""
    from briefreader.core.library import Library

    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "s.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    home = tmp_path / "home"
    lib = Library([str(corpus)], home=home)
    lib.sync(workers=1)
    doc = lib.documents()[0]
    note = lib.add_note_by_quote(doc.id, "ceasefire", "", (), None, 0)
    db = lib.notes.store._conn
    db.execute("UPDATE notes SET body = ? WHERE id = ?", (f"evil {OSC_52}{RLO}body", note.id))
    db.execute("UPDATE note_tags SET tag = ? WHERE note_id = ?", (f"t{OSC_TITLE}", note.id))
    if not db.execute("SELECT 1 FROM note_tags WHERE note_id = ?", (note.id,)).fetchone():
        db.execute("INSERT INTO note_tags (note_id, position, tag) VALUES (?, 0, ?)", (note.id, f"t{OSC_TITLE}"))
    lib.close()
    for argv in (("notes", "list"), ("notes", "list", "--json"), ("notes", "export"),
                 ("notes", "export", "--format", "json")):
        code, out, err = run(capsys, *argv, "--in", str(corpus), "--home", str(home))
        assert code == 0, err
        assert no_escape(out, err) and RLO not in out, argv
        assert "evil" in out


def test_imported_note_body_and_tags_cleaned(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "s.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    home = tmp_path / "home"
    code, out, err = run(capsys, "notes", "add", str(corpus / "s.txt"), "--quote", "ceasefire",
                         "--body", "hello", "--home", str(home))
    assert code == 0, err
    code, out, err = run(capsys, "notes", "export", "--format", "json", "--in", str(corpus), "--home", str(home))
    data = json.loads(out)
    item = data["items"][0]
    item["id"] = "urn:uuid:00000000-0000-4000-8000-000000000001"
    item["body"] = [{"type": "TextualBody", "value": f"x{OSC_52}y{RLO}z"},
                    {"type": "TextualBody", "purpose": "tagging", "value": f"tag{OSC_TITLE}"}]
    f = tmp_path / "in.json"
    f.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run(capsys, "notes", "import", str(f), "--in", str(corpus), "--home", str(home))
    assert code == 0, err
    from briefreader.core.notes import NoteStore

    with NoteStore(home / "data" / "notes.sqlite") as store:
        notes = {n.id: n for n in store.list()}
    n = notes["00000000-0000-4000-8000-000000000001"]
    assert no_escape(n.body, *n.tags) and RLO not in n.body


# -- a long file name ----------------------------------------------------------------


def test_long_file_name_does_not_stop_the_archive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    slug = "брифинг-" * 15 + "пресс-конфе"  # 131 characters, 246 bytes in UTF-8
    assert len(slug.encode()) >= 246 and len(f"{slug}.txt".encode()) <= 255
    (corpus / f"{slug}.txt").write_text("MS. PSAKI: The ceasefire holds.\n", encoding="utf-8")
    (corpus / "other.txt").write_text("MR. KIRBY: Talks go on.\n", encoding="utf-8")
    code, out, err = run(capsys, "index", str(corpus), "--home", str(tmp_path / "home"), "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["added"] == 2 and report["failed"] == []
    code, out, err = run(capsys, "list", str(corpus), "--home", str(tmp_path / "home"))
    assert code == 0 and len(out.splitlines()) == 2


# -- no terminal ---------------------------------------------------------------------


def test_reader_without_a_terminal_exits_at_once(tmp_path: Path) -> None:
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "briefreader", str(SEED)], stdin=subprocess.DEVNULL,
                          capture_output=True, env=run_env(tmp_path / "home"), timeout=30)
    took = time.monotonic() - started
    assert proc.returncode == 2
    assert proc.stdout == b"" and b"\x1b" not in proc.stderr
    assert proc.stderr.decode().count("\n") == 1 and "needs a terminal" in proc.stderr.decode()
    assert took < 5  # (about 0.1 s: the UI is never imported)


# -- import trusts itself --------------------------------------------------------------


def test_forged_import_is_not_placed_on_wrong_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    seed = corpus / "s.txt"
    seed.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    text = load_file(seed).text
    home = tmp_path / "home"
    assert run(capsys, "notes", "add", str(seed), "--quote", "ceasefire", "--home", str(home))[0] == 0
    data = json.loads(run(capsys, "notes", "export", "--format", "json", "--in", str(corpus),
                          "--home", str(home))[1])
    base = data["items"][0]
    assert base["briefreader"]["state"] == "placed" and base["briefreader"]["content_hash"]
    items = []
    for k, (shift, exact) in enumerate([(100, "ceasefire"), (0, "nowhere in this text at all")]):
        item = json.loads(json.dumps(base))
        item["id"] = f"urn:uuid:00000000-0000-4000-8000-00000000000{k + 2}"
        quote, pos = item["target"]["selector"]
        quote["exact"] = exact
        pos["start"] += shift
        pos["end"] = pos["start"] + len(exact)
        assert text[pos["start"]:pos["end"]] != exact  # forged: the positions are not the passage
        items.append(item)
    data["items"] = items
    f = tmp_path / "forged.json"
    f.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run(capsys, "notes", "import", str(f), "--in", str(corpus), "--home", str(home))
    assert code == 0, err
    notes = json.loads(run(capsys, "notes", "list", "--json", "--in", str(corpus), "--home", str(home))[1])["notes"]
    forged = {n["id"]: n for n in notes if n["id"].startswith("00000000")}
    assert len(forged) == 2
    for n in forged.values():
        assert n["state"] == "unplaced" or text[n["start"]:n["end"]] == n["text"]
    assert forged["00000000-0000-4000-8000-000000000003"]["state"] == "unplaced"
    moved = forged["00000000-0000-4000-8000-000000000002"]
    assert moved["state"] == "placed" and text[moved["start"]:moved["end"]] == "ceasefire"


# -- quadratic quote-mark pairing ------------------------------------------------------


def test_mark_pairing_is_linear_in_the_marks() -> None:
    from briefreader.core.quotes.marks import pair_marks

    def seconds(n: int) -> float:
        text = "MR. X: " + "“word " * n
        started = time.perf_counter()
        closed, unclosed = pair_marks(text, 0, len(text))
        assert closed == [] and unclosed and unclosed[-1].open == text.rindex("“")
        return time.perf_counter() - started

    seconds(1000)
    small, big = seconds(5000), seconds(40000)
    assert big < 2.0  # was minutes (279 s end to end for the 40,000-mark file)
    assert big < 8 * 4 * max(small, 0.01)  # 8x the marks: nowhere near 64x the time


def test_deep_stray_marks_do_not_hide_a_later_quote() -> None:
    from briefreader.core.quotes.marks import pair_marks

    text = "“ " * 100 + "She said “we will talk” today."
    closed, _ = pair_marks(text, 0, len(text))
    assert [(text[r.open + 1:r.close]) for r in closed] == ["we will talk"]


def test_forty_thousand_marks_index_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "marks.txt"
    f.write_text("MR. X: " + "“word " * 40000 + "\n", encoding="utf-8")
    assert f.stat().st_size > 300_000
    started = time.monotonic()
    code, out, err = run(capsys, "index", str(f), "--home", str(tmp_path / "home"), "--json")
    assert code == 0 and json.loads(out)["added"] == 1, err
    assert time.monotonic() - started < 10  # (about 1 s on an idle machine; 279 s before)


# -- every error a plain sentence --------------------------------------------------------

CLASS_NAME = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z]+)*(?:Error|Exception)\b|internal error|Traceback")


def _annotation(selector: str, extra: str = "") -> str:
    return ('{"type": "AnnotationCollection", "items": [{"type": "Annotation", "id": "urn:x' + extra
            + '", "target": {"source": "s", "selector": ' + selector + "}}]}")


@pytest.mark.parametrize("content", [
    "[" * 100_000 + "]" * 100_000,  # RecursionError in json
    _annotation('[{"type": "TextQuoteSelector", "exact": "ab"}, {"type": "TextPositionSelector", '
                '"start": 1' + "0" * 5000 + ', "end": 2}]'),  # a 5,001-digit integer
    _annotation('[{"type": "TextQuoteSelector", "exact": "ab"}, {"type": "TextPositionSelector", '
                '"start": 1' + "0" * 30 + ', "end": 1' + "0" * 31 + "}]"),  # too large for SQLite
    _annotation('{"type": "TextQuoteSelector", "exact": "cease\\ud800fire\\udc00"}', "\\ud800"),  # lone surrogates
])
def test_hostile_import_json_gives_a_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                              content: str) -> None:
    f = tmp_path / "in.json"
    f.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "notes", "import", str(f), "--in", str(SEED), "--home", str(tmp_path / "h"))
    assert not CLASS_NAME.search(err), err
    assert err.count("\n") <= 1
    if code == 0:  # the surrogates: imported, as U+FFFD
        code, out, err = run(capsys, "notes", "list", "--json", "--in", str(SEED), "--home", str(tmp_path / "h"))
        assert code == 0 and "\\ud800" not in out, err


def test_import_of_a_fifo_or_a_device_does_not_read_forever(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for path in (str(fifo), "/dev/zero"):
        started = time.monotonic()
        code, _, err = run(capsys, "notes", "import", path, "--in", str(SEED), "--home", str(tmp_path / "h"))
        assert code == 1 and "not a regular file" in err
        assert time.monotonic() - started < 10


def test_unwritable_state_home_is_a_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "h"
    home.mkdir()
    (home / "cache").write_text("not a folder")  # as a read-only home, the state cannot be made
    (home / "data").write_text("not a folder")
    for argv in (("search", "ceasefire", str(SEED)), ("notes", "list", "--in", str(SEED))):
        code, out, err = run(capsys, *argv, "--home", str(home))
        assert code == 1 and err.startswith("briefreader: ") and err.count("\n") == 1
        assert not CLASS_NAME.search(err), err


# -- a full disk -------------------------------------------------------------------------


def test_failed_commit_leaves_no_files_and_state_still_works(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    import errno
    import shutil

    from whoosh.writing import SegmentWriter

    from briefreader.core.library import Library

    corpus = tmp_path / "c"
    shutil.copytree(SEED.parent, corpus)
    home = tmp_path / "home"
    small = tmp_path / "small"
    small.mkdir()
    (small / "a.txt").write_text("MR. KIRBY: The ceasefire talks go on.\n", encoding="utf-8")
    assert run(capsys, "notes", "add", str(small / "a.txt"), "--quote", "ceasefire", "--body", "kept",
               "--home", str(home))[0] == 0

    def full(self: object, *args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(SegmentWriter, "_commit_toc", full)  # the segment is written, its TOC is not
    for _ in range(3):
        lib = Library([str(corpus)], home=home)
        with pytest.raises(OSError):
            lib.sync(workers=1)
        lib.close()
    index_dirs = list((home / "cache" / "indexes").glob("c-*/whoosh"))
    assert index_dirs
    left = sorted(p.name for p in index_dirs[0].iterdir())
    assert not [n for n in left if n.endswith((".tmp", ".ctmp", ".seg", ".trm", ".pst", ".col"))], left
    monkeypatch.undo()
    code, out, err = run(capsys, "notes", "list", "--in", str(small), "--home", str(home))
    assert code == 0 and "kept" in out, err
    code, out, err = run(capsys, "search", "ceasefire", str(corpus), "--home", str(home))
    assert code == 0 and "matches for" in out, err
    code, out, err = run(capsys, "index", str(corpus), "--home", str(home), "--json")
    assert code == 0, err


def test_disk_full_is_a_sentence() -> None:
    import errno

    from briefreader.cli import _sentence

    assert _sentence(OSError(errno.ENOSPC, "No space left on device")) == "the disk is full"


def test_search_highlight_codes_only_on_a_terminal() -> None:
    from briefreader.cli import _style

    snippet = f"a {OSC_TITLE} ceasefire{RLO} holds"
    start = snippet.index("ceasefire")
    plain = _style(snippet, [(start + 10, start + 19)], 10, on=False)
    assert no_escape(plain) and RLO not in plain and len(plain) == len(snippet)
    styled = _style(snippet, [(start + 10, start + 19)], 10, on=True)
    assert styled.count("\x1b") == 2 and "\x1b[1;33mceasefire\x1b[0m" in styled  # ours, and only ours
    assert RLO not in styled
