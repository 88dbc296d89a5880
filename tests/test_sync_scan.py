"""What a sync that finds (almost) nothing changed must still see: the scan stats every
file, so an edit in place (which leaves its folder's mtime alone) is found, as are files
added or removed deep in the tree; the analysing code's version is remembered by a stamp
of the package's files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefreader.core.library import Library
from briefreader.core.scan import scan
from briefreader.core.sync import version as version_mod


def _tree(root: Path) -> None:
    for year in ("2020", "2021"):
        for month in ("01", "02"):
            folder = root / year / month
            folder.mkdir(parents=True)
            for day in ("03", "17"):
                (folder / f"{year}-{month}-{day}-briefing.md").write_text(
                    f"# Briefing of {year}-{month}-{day}\n\nThe spokeswoman talked about harbour "
                    f"dredging number {year}{month}{day}.\n", encoding="utf-8")


def test_scan_order_ids_and_skipped_names(tmp_path: Path) -> None:
    root = tmp_path / "c"
    root.mkdir()
    (root / "b.md").write_text("b")
    (root / "a.txt").write_text("a")
    (root / "README.md").write_text("not a briefing")
    (root / ".hidden.md").write_text("hidden")
    (root / "notes.pdf").write_text("other type")
    (root / "sub").mkdir()
    (root / "sub" / "c.HTML").write_text("<p>c</p>")
    (root / ".git").mkdir()
    (root / ".git" / "d.md").write_text("hidden folder")
    (root / "a-sub").mkdir()
    (root / "a-sub" / "e.markdown").write_text("e")
    failures: list[tuple[str, str]] = []
    found = list(scan([root], failures))
    # a folder's own files first, then its sub-folders, each in name order
    assert [f.doc_id for f in found] == ["a.txt", "b.md", "a-sub/e.markdown", "sub/c.HTML"]
    assert all(f.path == str(root / f.doc_id) for f in found)
    assert [f.size for f in found] == [1, 1, 1, 8] and not failures


def test_scan_sizes_include_a_metadata_file(tmp_path: Path) -> None:
    (tmp_path / "x.md").write_text("body")
    plain = next(iter(scan([tmp_path], [])))
    (tmp_path / "x.meta.yaml").write_text("title: T\n")
    with_side = next(iter(scan([tmp_path], [])))
    assert with_side.size == plain.size + len("title: T\n")


def test_edit_in_place_in_an_unchanged_folder_is_synced(tmp_path: Path, home: Path) -> None:
    corpus = tmp_path / "corpus"
    _tree(corpus)
    lib = Library([corpus], home=home)
    assert lib.sync(workers=1).added == 8
    target = corpus / "2021" / "02" / "2021-02-17-briefing.md"
    folder_mtime = target.parent.stat().st_mtime_ns
    with open(target, "r+", encoding="utf-8") as fh:  # rewritten in place: same inode, same folder
        text = fh.read()
        fh.seek(0)
        fh.write(text.replace("harbour dredging", "walrus counting"))
    st = target.stat()
    os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))  # a coarse clock's tick
    assert target.parent.stat().st_mtime_ns == folder_mtime  # the folder did not change
    report = lib.sync(workers=1)
    assert (report.added, report.updated, report.removed, report.unchanged) == (0, 1, 0, 7)
    assert lib.search('"walrus counting"').total == 1
    lib.close()


def test_files_added_and_removed_deep_in_the_tree_are_synced(tmp_path: Path, home: Path) -> None:
    corpus = tmp_path / "corpus"
    _tree(corpus)
    lib = Library([corpus], home=home)
    lib.sync(workers=1)
    (corpus / "2020" / "01" / "2020-01-03-briefing.md").unlink()
    new = corpus / "2022" / "07" / "2022-07-09-briefing.md"
    new.parent.mkdir(parents=True)
    new.write_text("# Late briefing\n\nThe minister described lighthouse repairs.\n", encoding="utf-8")
    report = lib.sync(workers=1)
    assert (report.added, report.updated, report.removed, report.unchanged) == (1, 0, 1, 7)
    assert lib.search("lighthouse").total >= 1
    assert lib.search("20200103").total == 0
    nothing = lib.sync(workers=1)
    assert (nothing.added, nothing.updated, nothing.removed, nothing.unchanged) == (0, 0, 0, 8)
    lib.close()


def test_code_version_is_computed_again_only_when_the_code_files_change(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import briefreader.core.analysis as analysis_mod

    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    module = package / "sub" / "mod.py"
    module.write_text("X = 1\n")
    (package / "words.txt").write_text("alpha\n")
    calls: list[int] = []

    def fake_version() -> str:
        calls.append(1)
        return f"v{len(calls)}"

    monkeypatch.setattr(analysis_mod, "analysis_version", fake_version)
    monkeypatch.setattr(version_mod, "_PACKAGE_ROOT", package)
    state = tmp_path / "state"
    state.mkdir()
    assert version_mod.current_version(state) == "v1"
    assert version_mod.current_version(state) == "v1" and len(calls) == 1  # remembered
    module.write_text("X = 22\n")  # an edited module: another size and mtime
    assert version_mod.current_version(state) == "v2"
    words = package / "words.txt"
    st = words.stat()
    os.utime(words, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000))  # a data file touched
    assert version_mod.current_version(state) == "v3"
    (state / "code-version.json").write_text("{not json")  # a damaged record: computed again
    assert version_mod.current_version(state) == "v4"
    assert len(calls) == 4


def test_an_oversized_briefing_is_indexed_without_quotes_and_topics(
        tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import briefreader.core.analysis as analysis_mod

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    turns = "".join(f"MS. LANE: The lighthouse keeper number {i} said the beacon was repaired.\n\n"
                    f"Q: Will the harbour reopen, question {i}?\n\n" for i in range(40))
    (corpus / "2024-03-01-archive.md").write_text("# Everything at once\n\n" + turns, encoding="utf-8")
    (corpus / "2024-03-02-short.md").write_text(
        "# Short\n\nMS. LANE: The harbour reopens on Monday, the minister said.\n", encoding="utf-8")
    monkeypatch.setattr(analysis_mod, "ANALYSED_CHARS", 2000)
    lib = Library([corpus], home=home)
    assert lib.sync(workers=1).added == 2
    big = lib.analysis("2024-03-01-archive.md")
    assert big.quotes == () and big.segments == ()
    assert any("quotes and topics skipped" in n and "searchable" in n for n in big.briefing.notes)
    assert lib.search('"lighthouse keeper number 39"').total == 1  # its text is searchable
    small = lib.analysis("2024-03-02-short.md")
    assert small.quotes and not any("skipped" in n for n in small.briefing.notes)
    lib.close()
