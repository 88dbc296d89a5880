"""The slow robustness group (issue #8): 10,000 files, concurrent runs, kill -9.

Skipped in a plain `pytest` run; run them with `pytest tests/stress` (or any path inside
it), or set BRIEFREADER_STRESS=1.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from briefreader.core.library import Library
from tests.conftest import CORPUS

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    asked = os.environ.get("BRIEFREADER_STRESS") == "1" or any(
        HERE == p or HERE in p.parents for p in (Path(str(a).split("::")[0]).resolve() for a in config.args))
    if asked:
        return
    skip = pytest.mark.skip(reason="slow group: run `pytest tests/stress` or set BRIEFREADER_STRESS=1")
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(skip)


def smallest_corpus_files(n: int) -> list[Path]:
    """The n smallest corpus briefings (a few hundred of them index in well under a minute)."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not here")
    files = sorted(CORPUS.glob("*/*.md"), key=lambda p: (p.stat().st_size, p.name))
    return sorted(files[:n])


def plant(path: Path, word: str) -> None:
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(f"\n\nTracking word {word}.\n")


def make_corpus(dst: Path, files: list[Path], start: int = 0) -> dict[str, str]:
    """Copy files under dst (keeping their month folder) with a unique word planted in
    each; returns {document id: word}."""
    planted = {}
    for i, src in enumerate(files, start):
        rel = f"{src.parent.name}/{src.name}"
        target = dst / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, target)
        planted[rel] = f"zs{i}q"
        plant(target, planted[rel])
    return planted


def assert_complete(corpus: Path, home: Path, planted: dict[str, str]) -> None:
    """Every file indexed once: the catalog lists exactly these briefings, each planted
    word finds one passage in its own briefing, and no index entry is duplicated."""
    lib = Library([corpus], home=home)
    try:
        assert {d.id for d in lib.documents()} == set(planted)
        missing, doubled = [], []
        for doc, word in planted.items():
            result = lib.search(word, kind="passage", limit=None)
            if result.total == 0:
                missing.append(doc)
            elif result.total > 1 or result.hits[0].document != doc:
                doubled.append((doc, result.total))
        assert not missing and not doubled, (missing[:5], doubled[:5])
        uids = [f["uid"] for f in lib.index.searcher().all_stored_fields()]
        assert len(uids) == len(set(uids)), "duplicate index entries"
        indexed_docs = {f["doc"] for f in lib.index.searcher().all_stored_fields() if f.get("kind") != "note"}
        assert indexed_docs == set(planted)
    finally:
        lib.close()
