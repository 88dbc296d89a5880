"""Issue #8: messy archives. Every bad input is indexed correctly or listed in ``failed``
with a one-line reason; the good files stay searchable; a corrupt or foreign index is
rebuilt (never unpickled); nothing is ever written inside the corpus.

The bad-input corpus is generated here in tmp_path (no binaries are committed). Slow
cases (10,000 files, kill -9, concurrent runs) live in tests/stress/.
"""

from __future__ import annotations

import codecs
import json
import os
import random
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from briefreader.core import ingest
from briefreader.core.errors import IngestError
from briefreader.core.library import Library
from briefreader.core.model import Briefing
from briefreader.core.search.store import INDEX_FORMAT
from briefreader.core.search.whoosh_engine import WhooshEngine
from briefreader.core.sync import syncer as library_mod  # where the sync reads files
from tests.conftest import SEEDS, run_env

MB = 1024 * 1024


def br(home: Path, *args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefreader", *args], capture_output=True, text=True,
                          env=run_env(home), timeout=timeout)


def index_json(home: Path, *paths: Path) -> tuple[dict[str, Any], str]:
    out = br(home, "index", "--json", *map(str, paths))
    assert "Traceback" not in out.stderr, out.stderr
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout), out.stderr


def snapshot(root: Path) -> dict[str, tuple[int, int, int]]:
    """Every entry under root (links not followed): mode, size, mtime."""
    snap = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            p = os.path.join(dirpath, name)
            st = os.lstat(p)
            snap[os.path.relpath(p, root)] = (st.st_mode, st.st_size, st.st_mtime_ns)
    return snap


# -- the bad-input corpus --------------------------------------------------------------------
@dataclass
class Case:
    name: str  # path relative to the corpus (as text; a bad name is shown with \xNN escapes)
    expect: str  # "indexed" | "failed"
    word: str | None = None  # a word planted only in this file (indexed cases)
    reason: str = ""  # expected in the failure's one-line reason (failed cases)
    check: Callable[[Briefing], None] | None = None


def w(tag: str) -> str:
    return f"zq{tag}q"


def para(tag: str) -> str:
    return f"The spokesman said the talks would continue next week. The code word is {w(tag)}."


def _has(*needles: str, notes: str = "", absent: tuple[str, ...] = ()) -> Callable[[Briefing], None]:
    def check(b: Briefing) -> None:
        for n in needles:
            assert n in b.text, (n, b.text[:200])
        for n in absent:
            assert n not in b.text, (n, b.text[:200])
        if notes:
            assert any(notes in x for x in b.notes), b.notes

    return check


def build_bad_corpus(root: Path, outside: Path) -> list[Case]:
    root.mkdir()
    outside.mkdir()
    cases: list[Case] = []

    def put(name: str, data: bytes | str, expect: str, tag: str | None = None, reason: str = "",
            check: Callable[[Briefing], None] | None = None) -> Path:
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        cases.append(Case(name, expect, w(tag) if tag else None, reason, check))
        return p

    rng = random.Random(8)
    accented = "Le porte-parole a déclaré que la réunion était très utile."

    # good files and encodings
    put("plain.txt", f"Briefing on trade\n\n{para('plain')}\n", "indexed", "plain")
    put("report.md", f"# Report\n\n{para('report')}\n", "indexed", "report")
    put("latin1.txt", f"{accented} {w('latin')}\n".encode("latin-1"), "indexed", "latin",
        check=_has("déclaré", "réunion", notes="Windows-1252"))
    put("cp1252.txt", f"\u201cWe are ready,\u201d he said \u2014 {w('cpwin')}.\n".encode("cp1252"),
        "indexed", "cpwin", check=_has("\u201cWe are ready,\u201d", "\u2014", notes="Windows-1252"))
    put("utf8_broken.txt", f"Café résumé naïve déjà vu. {w('brokenutf')} ".encode() + b"\xff\xc3(" +
        "la suite est là.".encode(), "indexed", "brokenutf",
        check=_has("Café résumé", "la suite est là", "\ufffd", notes="malformed"))
    put("bom8.md", codecs.BOM_UTF8 + f"# Title With BOM\n\n{para('bomeight')}\n".encode(), "indexed",
        "bomeight", check=lambda b: (b.title == "Title With BOM" and not b.text.startswith("\ufeff"))
        or pytest.fail(f"BOM kept: {b.title!r}"))
    put("utf16le.txt", codecs.BOM_UTF16_LE + f"{accented} {w('sixteenle')}\n".encode("utf-16-le"),
        "indexed", "sixteenle", check=_has("déclaré", notes="UTF-16"))
    put("utf16be.md", codecs.BOM_UTF16_BE + f"# Titre\n\n{accented} {w('sixteenbe')}\n".encode("utf-16-be"),
        "indexed", "sixteenbe", check=_has("déclaré", notes="UTF-16"))
    put("utf16_nobom.txt", f"{accented} {w('sixteennobom')}\n".encode("utf-16-le"), "indexed",
        "sixteennobom", check=_has("déclaré", notes="UTF-16"))
    put("utf32.txt", codecs.BOM_UTF32_LE + f"{accented} {w('thirtytwo')}\n".encode("utf-32-le"),
        "indexed", "thirtytwo", check=_has("déclaré", notes="UTF-32"))
    put("crlf.txt", f"First line {w('crlf')}\r\nsecond line\rthird line\r\n".encode(), "indexed", "crlf",
        check=_has("First line", "\nsecond line\nthird line", absent=("\r",)))
    put("control.txt", f"Red \x1b[31malert\x1b[0m and a bell\x07 {w('control')}. {para('x')}\n",
        "indexed", "control", check=_has("alert", absent=("\x1b", "\x07"), notes="control character"))
    filler = " ".join(rng.choice(["talks", "tariff", "minister", "said", "week", "border", "trade"])
                      for _ in range(40000))
    long_para = (filler[:199_950] + " " + w("longpara")).ljust(200_000, ".")
    put("long_paragraph.txt", long_para, "indexed", "longpara",
        check=lambda b: len(b.text) == 200_000 or pytest.fail(str(len(b.text))))
    put("Brief — café 2021 (copy).txt", para("oddname"), "indexed", "oddname")
    put("long_word.txt", f"Start {'b' * 100_000} end {w('longword')}.\n", "indexed", "longword")
    put("folder.txt/inner.md", f"# Inner\n\n{para('innerfolder')}\n", "indexed", "innerfolder")

    # quote marks: unbalanced and deeply nested
    turns = "\n\n".join([
        "MS. PSAKI: He said \u201cwe will not \u201cnever and \"unclosed and \u2018single",
        "Q \u201cReally? \u201d \u201d \u201d",
        "MS. PSAKI: Yes.\u201d \u2019 \u00ab guillemets \u00bb \u00bb \u201e low",
        "Q \u201c\u201c\u201c\u201c",
    ] * 50)
    put("quotes_unbalanced.txt", f"{turns}\n\nMS. PSAKI: \u201cAnd {w('unbalanced')}", "indexed",
        "unbalanced")
    put("quotes_nested.txt", "He said " + "\u201c\u2018" * 300 + f"core {w('nested')}" + "\u2019\u201d" * 300
        + " and left.\n", "indexed", "nested")

    # Markdown: 500 levels of nesting, broken front matter
    put("deep_quote.md", "> " * 500 + w("deepquote") + "\n", "indexed", "deepquote")
    put("deep_list.md", "\n".join("  " * i + f"- level {i}" for i in range(500)) + "\n" + "  " * 500
        + f"- {w('deeplist')}\n", "indexed", "deeplist")
    put("deep_mixed.md", "> - " * 250 + w("deepmixed") + "\n\nafter the nest\n", "indexed", "deepmixed",
        check=_has("after the nest"))
    put("broken_yaml.md", f"---\ntitle: [unclosed\ndate: : :\n---\n# Heading\n\n{para('brokenyaml')}\n",
        "indexed", "brokenyaml", check=_has(notes="front matter ignored"))
    put("bad_date_yaml.md", f"---\ndate: 2021-02-30\n---\n{para('baddate')}\n", "indexed", "baddate",
        check=_has(notes="front matter ignored"))
    laughs = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for prev, cur in zip("abcdefgh", "bcdefghi", strict=True):
        laughs.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 9) + "]")
    put("yaml_bomb.md", "---\n" + "\n".join(laughs) + "\ntitle: *i\n---\n" + para("yamlbomb") + "\n",
        "indexed", "yamlbomb", check=_has(notes="aliases"))
    put("yaml_deep.md", "---\nx: " + "[" * 5000 + "]" * 5000 + "\n---\n" + para("yamldeep") + "\n",
        "indexed", "yamldeep", check=_has(notes="front matter ignored"))
    put("unclosed_front.md", f"---\ntitle: x\n\n{para('unclosedfront')}\n", "indexed", "unclosedfront")

    # HTML: scripts, unclosed tags, no </head>, unclosed <title>
    put("page.html", "<!doctype html><html><head><title>Press gaggle</title>"
        f"<script>var s = '<p>{w('inscript')}</p>';</script><style>p {{color: red}}</style>"
        f"<body><div><p>{para('html')} <b>bold <i>nested</div><p>second<ul><li>one<li>two</ul>"
        "<table><tr><td>cell<td>cell</table><script>unclosed(", "indexed", "html",
        check=lambda b: (b.title == "Press gaggle" and w("inscript") not in b.text)
        or pytest.fail(b.title))
    put("title_unclosed.html", f"<html><head><title>Never closed<body><p>{para('titleopen')}</p>",
        "indexed", "titleopen")

    # not briefings at all, or nothing to read
    put("fake_pdf.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" +
        rng.randbytes(2000), "failed", reason="PDF")
    put("random.md", rng.randbytes(4096), "failed", reason="not text")
    put("random_nonul.txt", bytes(b or 1 for b in rng.randbytes(4096)), "failed", reason="not text")
    put("zipped.md", b"PK\x03\x04" + rng.randbytes(500), "failed", reason="ZIP")
    put("empty.txt", b"", "failed", reason="empty file")
    put("blank.md", b"  \n\t\n   \n\n", "failed", reason="no readable text")
    put("only_front.md", "---\ntitle: Nothing else\n---\n", "failed", reason="no readable text")
    put("only_script.html", "<html><script>var x = 1;</script></html>", "failed", reason="no readable text")
    with open(root / "huge.txt", "wb") as fh:  # 30 MB: over MAX_FILE_BYTES (20 MB)
        line = (para("huge") + "\n").encode()
        fh.write(line * (30 * MB // len(line) + 1))
    cases.append(Case("huge.txt", "failed", reason="over the 20 MB limit"))

    # links, pipes, names, permissions
    secret = outside / "secret.txt"
    secret.write_text(para("outside"))
    os.symlink(secret, root / "outside_link.txt")
    cases.append(Case("outside_link.txt", "failed", reason="outside the corpus"))
    os.symlink(outside, root / "outside_dir")
    cases.append(Case("outside_dir", "failed", reason="outside the corpus"))
    os.symlink("loop_b.txt", root / "loop_a.txt")
    os.symlink("loop_a.txt", root / "loop_b.txt")
    os.symlink("self_loop.txt", root / "self_loop.txt")
    os.symlink("nowhere.txt", root / "broken_link.txt")
    for name in ("loop_a.txt", "loop_b.txt", "self_loop.txt", "broken_link.txt"):
        cases.append(Case(name, "failed", reason="broken or looping"))
    os.symlink(".", root / "loopdir")  # a folder link inside the corpus: silently not followed
    os.symlink("report.md", root / "link_inside.md")
    cases.append(Case("link_inside.md", "indexed", w("report")))
    os.mkfifo(root / "fifo.txt")
    cases.append(Case("fifo.txt", "failed", reason="not a regular file"))
    bad = os.path.join(os.fsencode(root), b"caf\xe9-badname.txt")
    with open(bad, "wb") as fh:
        fh.write(para("badname").encode())
    cases.append(Case("caf\\xe9-badname.txt", "failed", reason="not valid UTF-8"))
    locked = put("unreadable.txt", para("unreadable"), "indexed", "unreadable")
    locked.chmod(0)
    if not os.access(locked, os.R_OK):  # not root: the file really cannot be read
        cases[-1] = Case("unreadable.txt", "failed", reason="permission denied")

    # sidecar metadata: a link leading outside is not followed, broken YAML is a remark
    (outside / "leak.meta.yaml").write_text("title: LEAKED SECRET\n")
    put("side_link.txt", para("sidelink"), "indexed", "sidelink",
        check=lambda b: ("LEAKED" not in b.title and any("symbolic link" in n for n in b.notes))
        or pytest.fail(f"{b.title} {b.notes}"))
    os.symlink(outside / "leak.meta.yaml", root / "side_link.meta.yaml")
    put("side_bad.txt", para("sidebad"), "indexed", "sidebad", check=_has(notes="ignored"))
    (root / "side_bad.meta.yaml").write_text("title: [unclosed\n")

    # ignored without a word: not briefings by name or extension
    (root / "README.md").write_text("Not a briefing.")
    (root / "image.png").write_bytes(rng.randbytes(100))
    (root / ".hidden.txt").write_text(para("hidden"))
    return cases


@pytest.fixture(scope="module")
def bad(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    base = tmp_path_factory.mktemp("bad")
    corpus, outside, home = base / "corpus", base / "outside", base / "home"
    cases = build_bad_corpus(corpus, outside)
    before = snapshot(corpus), snapshot(outside)
    first, first_err = index_json(home, corpus)
    second, _ = index_json(home, corpus)
    searched = br(home, "search", w("latin"), str(corpus), "--json")
    after = snapshot(corpus), snapshot(outside)
    lib = Library([corpus], home=home)
    yield {"cases": cases, "corpus": corpus, "home": home, "first": first, "first_err": first_err,
           "second": second, "searched": searched, "before": before, "after": after, "lib": lib}
    lib.close()
    (corpus / "unreadable.txt").chmod(0o644)


def _failed(report: dict[str, Any], corpus: Path) -> dict[str, str]:
    root = str(corpus.resolve()) + "/"
    out = {}
    for row in report["failed"]:
        assert set(row) == {"path", "error"}
        assert row["path"].startswith(root), row
        out[row["path"][len(root):]] = row["error"]
    return out


def test_every_bad_input_is_accounted_for(bad: dict[str, Any]) -> None:
    cases: list[Case] = bad["cases"]
    failed = _failed(bad["first"], bad["corpus"])
    assert len(cases) >= 45
    assert set(failed) == {c.name for c in cases if c.expect == "failed"}
    indexed = {d.id for d in bad["lib"].documents()}
    assert indexed == {c.name for c in cases if c.expect == "indexed"}
    assert bad["first"]["added"] == len(indexed)
    for reason in failed.values():
        assert reason and "\n" not in reason and len(reason) < 200


def test_second_run_is_a_no_op_and_reports_the_same_failures(bad: dict[str, Any]) -> None:
    second = bad["second"]
    assert (second["added"], second["updated"], second["removed"]) == (0, 0, 0)
    assert second["unchanged"] == bad["first"]["added"]
    assert _failed(second, bad["corpus"]) == _failed(bad["first"], bad["corpus"])


def test_no_traceback_and_nothing_written_in_the_corpus(bad: dict[str, Any]) -> None:
    assert "Traceback" not in bad["first_err"]
    assert bad["searched"].returncode == 0 and "Traceback" not in bad["searched"].stderr
    hit = json.loads(bad["searched"].stdout)
    assert hit["total"] == 1 and "déclaré" in hit["hits"][0]["snippet"]
    assert bad["before"] == bad["after"]  # corpus and outside folder: same entries, sizes, mtimes


def test_each_case_indexed_correctly_or_failed_with_its_reason(bad: dict[str, Any]) -> None:
    lib: Library = bad["lib"]
    failed = _failed(bad["first"], bad["corpus"])
    problems = []
    for case in bad["cases"]:
        try:
            if case.expect == "failed":
                assert case.reason.lower() in failed[case.name].lower(), failed[case.name]
                continue
            assert case.name not in failed, failed.get(case.name)
            assert case.word is not None
            assert lib.search(case.word, document=case.name, limit=None).total >= 1, "not searchable"
            if case.name not in ("link_inside.md", "report.md"):  # the same file twice
                assert lib.search(case.word, kind="passage", limit=None).total == 1, "duplicated"
            if case.check is not None:
                case.check(lib.analysis(case.name).briefing)
        except (AssertionError, KeyError, pytest.fail.Exception) as exc:
            problems.append(f"{case.name}: {type(exc).__name__}: {str(exc)[:300]}")
    assert not problems, "\n".join(problems)


def test_what_must_not_be_found(bad: dict[str, Any]) -> None:
    lib: Library = bad["lib"]
    for word in (w("outside"), w("inscript"), w("hidden")):
        assert lib.search(word, limit=None).total == 0, word
    assert not any(d.id.startswith(("loopdir/", "outside_dir/")) for d in lib.documents())
    assert lib.search(w("report"), kind="passage", limit=None).total == 2  # report.md + link_inside.md


# -- files that change between listing and reading ------------------------------------------
VANISHED = "file vanished before it could be read"


def _small_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(4):
        (corpus / f"doc{i}.md").write_text(f"# Doc {i}\n\n{para(f'small{i}')}\n")
    return corpus


def test_file_deleted_or_changed_between_listing_and_reading(tmp_path: Path, home: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _small_corpus(tmp_path)
    real_scan = library_mod.scan

    def scan_then_change(roots, failures):  # type: ignore[no-untyped-def]
        found = list(real_scan(roots, failures))
        (corpus / "doc0.md").unlink()
        (corpus / "doc1.md").write_text(f"# Doc 1\n\nRewritten: {w('rewritten')}.\n")
        return iter(found)

    monkeypatch.setattr(library_mod, "scan", scan_then_change)
    lib = Library([corpus], home=home)
    report = lib.sync(workers=1)
    assert [(Path(p).name, e) for p, e in report.failed] == [("doc0.md", VANISHED)]
    assert report.added == 3
    assert lib.search(w("rewritten"), limit=None).total == 1
    assert lib.search(w("small1"), limit=None).total == 0
    monkeypatch.setattr(library_mod, "scan", real_scan)
    again = lib.sync(workers=1)
    assert (again.added, again.updated, again.removed, again.failed) == (0, 0, 0, [])
    assert again.unchanged == 3 and lib.search(w("rewritten"), limit=None).total == 1
    lib.close()


def test_file_deleted_between_hashing_and_parsing(tmp_path: Path, home: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _small_corpus(tmp_path)
    real_read = library_mod.read_bytes

    def read_then_delete(path: Path) -> bytes:
        data = real_read(path)
        if path.name == "doc2.md":
            path.unlink()
        return data

    monkeypatch.setattr(library_mod, "read_bytes", read_then_delete)
    lib = Library([corpus], home=home)
    report = lib.sync(workers=1)
    assert [(Path(p).name, e) for p, e in report.failed] == [("doc2.md", VANISHED)]
    assert report.added == 3 and len(lib.documents()) == 3
    lib.close()


def test_permission_denied_simulated(tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run as root, which reads a chmod 000 file (the corpus case above checks that);
    here open() is made to refuse one file, as it would for an ordinary user."""
    corpus = _small_corpus(tmp_path)
    denied = str(corpus / "doc3.md")
    real_open = os.open

    def refusing_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if os.fspath(path) == denied:
            raise PermissionError(13, "Permission denied", denied)
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)
    lib = Library([corpus], home=home)
    report = lib.sync(workers=1)
    assert report.failed == [(denied, "permission denied")]
    assert report.added == 3 and lib.search(w("small0"), limit=None).total == 1
    lib.close()


def test_unreadable_folder_is_reported(tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _small_corpus(tmp_path)
    (corpus / "private").mkdir()
    (corpus / "private" / "x.md").write_text(para("private"))
    real_scandir = os.scandir

    def refusing_scandir(path: Any = ".") -> Any:
        if os.fspath(path).endswith("private"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refusing_scandir)
    lib = Library([corpus], home=home)
    report = lib.sync(workers=1)
    assert [(Path(p).name, e) for p, e in report.failed] == [
        ("private", "cannot read folder: Permission denied")]
    assert report.added == 4
    lib.close()


def test_read_bytes_limit_holds_even_if_the_file_grows(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 100)
    f = tmp_path / "a.txt"
    f.write_bytes(b"x" * 100)
    assert ingest.read_bytes(f) == b"x" * 100
    f.write_bytes(b"x" * 101)
    with pytest.raises(IngestError, match="over the"):
        ingest.read_bytes(f)
    real_fstat = os.fstat

    def stale_fstat(fd: int) -> os.stat_result:  # the size seen before the file grew
        st = real_fstat(fd)
        return os.stat_result((st.st_mode, *st[1:6], 50, *st[7:]))

    monkeypatch.setattr(os, "fstat", stale_fstat)
    with pytest.raises(IngestError, match="over the"):
        ingest.read_bytes(f)


def test_two_roots_with_the_same_name_keep_distinct_ids(tmp_path: Path, home: Path) -> None:
    a, b = tmp_path / "a" / "2021", tmp_path / "b" / "2021"
    for root, tag in ((a, "rootone"), (b, "roottwo")):
        root.mkdir(parents=True)
        (root / "same.md").write_text(para(tag))
    lib = Library([a, b], home=home)
    assert lib.sync(workers=1).added == 2
    assert sorted(d.id for d in lib.documents()) == ["a/2021/same.md", "b/2021/same.md"]
    assert lib.search(w("rootone"), limit=None).hits[0].document == "a/2021/same.md"
    assert lib.search(w("roottwo"), limit=None).hits[0].document == "b/2021/same.md"
    lib.close()


def test_opening_never_waits_for_a_writer(tmp_path: Path, home: Path) -> None:
    """A reader opens the catalog while another process holds its write transaction."""
    import sqlite3
    import time

    from briefreader.core.catalog import Catalog

    Catalog(tmp_path / "c.sqlite").close()
    other = sqlite3.connect(str(tmp_path / "c.sqlite"), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    t0 = time.perf_counter()
    cat = Catalog(tmp_path / "c.sqlite")
    assert time.perf_counter() - t0 < 2 and cat.count() == 0 and cat.rebuilt_reason is None
    other.execute("ROLLBACK")
    cat.close()
    other.close()


def _open_catalog(path: str, barrier: Any, results: Any) -> None:
    from briefreader.core.catalog import Catalog

    barrier.wait()
    try:
        Catalog(Path(path)).close()
        results.put("ok")
    except Exception as exc:  # reported to the test
        results.put(f"{type(exc).__name__}: {exc}")


def test_processes_creating_the_catalog_at_once(tmp_path: Path) -> None:
    """Two terminals started together on a new archive: SQLite answers "database is
    locked" at once (no busy wait) to one of them when both switch a new file to WAL."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    outcomes = []
    for i in range(25):
        barrier, results = ctx.Barrier(4), ctx.Queue()
        procs = [ctx.Process(target=_open_catalog, args=(str(tmp_path / f"c{i}.sqlite"), barrier, results))
                 for _ in range(4)]
        for p in procs:
            p.start()
        outcomes += [results.get(timeout=60) for _ in procs]
        for p in procs:
            p.join()
    assert set(outcomes) == {"ok"}, [o for o in outcomes if o != "ok"][:3]


# -- the index and catalog: corrupt, foreign, never trusted ----------------------------------
class _Boom:
    """Unpickling this creates a file: proof that a pickle was loaded."""

    def __init__(self, sentinel: str) -> None:
        self.sentinel = sentinel

    def __reduce__(self) -> tuple[Any, ...]:
        return (open, (self.sentinel, "w"))


def _evil_index(directory: Path, sentinel: Path) -> None:
    from whoosh.filedb.filestore import FileStorage
    from whoosh.index import TOC

    from briefreader.core.search.schema import make_schema

    directory.mkdir(parents=True)
    TOC(make_schema(), [_Boom(str(sentinel))], 0).write(FileStorage(str(directory)), "MAIN")
    assert list(directory.glob("_MAIN_0.toc"))


@pytest.mark.parametrize("marker", [None, "someone-elses-index-1\n", "\x00\xff garbage"])
def test_foreign_index_directory_is_never_unpickled(tmp_path: Path, marker: str | None) -> None:
    ixdir, sentinel = tmp_path / "whoosh", tmp_path / "PWNED"
    _evil_index(ixdir, sentinel)
    if marker is not None:
        (ixdir / "FORMAT").write_text(marker, errors="surrogateescape")
    ix = WhooshEngine(ixdir, lock_timeout=2)
    assert not sentinel.exists()
    assert ix.rebuilt_reason and "rebuilt" in ix.rebuilt_reason and "\n" not in ix.rebuilt_reason
    assert ix.entry_count() == 0 and (ixdir / "FORMAT").read_text().strip() == INDEX_FORMAT
    ix.close()
    again = WhooshEngine(ixdir, lock_timeout=2)  # now ours: opened without a word
    assert again.rebuilt_reason is None
    again.close()


def test_index_lives_in_the_state_home(tmp_path: Path, home: Path) -> None:
    lib = Library([SEEDS], home=home)
    assert home.resolve() in lib.index_dir.parents
    assert SEEDS.resolve() not in lib.index_dir.parents
    lib.close()


@pytest.fixture(scope="module")
def indexed_home(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The bundled seeds indexed once; each corruption test works on a copy."""
    home = tmp_path_factory.mktemp("seedhome") / "home"
    index_json(home)
    out = br(home, "notes", "add", str(SEEDS / "000_c863c091f001229a.txt"), "--quote", NOTE_QUOTE,
             "--body", f"keepsake {w('notebody')}", "--in", str(SEEDS), "--json")
    assert out.returncode == 0, out.stderr
    (ixdir,) = (home / "cache" / "indexes").iterdir()
    return home, ixdir.relative_to(home)


NOTE_QUOTE = "numerous factors must be addressed"


def _truncate(p: Path) -> None:
    p.write_bytes(p.read_bytes()[: p.stat().st_size // 2])


CORRUPTIONS: dict[str, Callable[[Path], None]] = {
    "truncated segment": lambda d: [_truncate(p) for p in (d / "whoosh").glob("*.seg")],
    "segment missing": lambda d: [p.unlink() for p in (d / "whoosh").glob("*.seg")],
    "garbage TOC": lambda d: [p.write_bytes(random.Random(1).randbytes(300))
                              for p in (d / "whoosh").glob("*.toc")],
    "truncated TOC": lambda d: [p.write_bytes(p.read_bytes()[:40]) for p in (d / "whoosh").glob("*.toc")],
    "no FORMAT marker": lambda d: (d / "whoosh" / "FORMAT").unlink(),
    "garbage catalog": lambda d: (d / "catalog.sqlite").write_bytes(random.Random(2).randbytes(5000)),
    "truncated catalog": lambda d: _truncate(d / "catalog.sqlite"),
}


@pytest.mark.parametrize("name", list(CORRUPTIONS))
def test_corrupt_state_is_rebuilt_with_a_message(indexed_home: tuple[Path, Path], tmp_path: Path,
                                                 name: str) -> None:
    src, rel = indexed_home
    home = tmp_path / "home"
    shutil.copytree(src, home)
    keep = home / "data" / "keep.txt"  # the data folder (notes) is never touched by a rebuild
    keep.parent.mkdir(parents=True, exist_ok=True)
    keep.write_text("precious")
    CORRUPTIONS[name](home / rel)
    report, err = index_json(home)
    assert "rebuilt" in err and err.count("\n") == 1, err
    assert report["added"] == 9 and not report["failed"]
    out = br(home, "search", "ceasefire", "--json", "--limit", "50")
    assert out.returncode == 0 and "Traceback" not in out.stderr and not out.stderr
    hits = json.loads(out.stdout)["hits"]
    assert sum(h["document"] == "000_c863c091f001229a.txt" and h["kind"] == "passage" for h in hits) == 3
    again, err = index_json(home)
    assert again["unchanged"] == 9 and not err
    assert keep.read_text() == "precious"
    notes = br(home, "notes", "list", "--in", str(SEEDS), "--json")
    assert [(n["text"], n["state"]) for n in json.loads(notes.stdout)["notes"]] == [(NOTE_QUOTE, "placed")]
    found = json.loads(br(home, "search", w("notebody"), "--json").stdout)
    assert [h["kind"] for h in found["hits"]] == ["note"]  # re-indexed after the rebuild


def test_usage_errors_are_one_line_and_non_zero(home: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    for args in (["index", str(tmp_path / "missing")], ["index", str(pdf)],
                 ["search", "ceasefire", "--limit", "-3"]):
        out = br(home, *args)
        assert out.returncode != 0 and out.stderr.count("\n") == 1 and "Traceback" not in out.stderr, out
