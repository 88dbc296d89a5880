"""The analysis version covers every module and data file that analysing a briefing reads."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import briefreader
from briefreader.core import code_version


@pytest.fixture()
def package_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the briefreader package that the digest reads instead of the real one."""
    root = tmp_path / "briefreader"
    shutil.copytree(Path(briefreader.__file__).parent, root,
                    ignore=shutil.ignore_patterns("__pycache__", "seeds"))
    monkeypatch.setattr(code_version, "_PACKAGE_ROOT", root)
    return root


def test_dependencies_cover_the_analysing_packages(package_copy: Path) -> None:
    deps = code_version.dependencies("briefreader.core.analysis")
    rel = {p.relative_to(package_copy).as_posix() for p in deps}
    for area in ("core/ingest/", "core/quotes", "core/topics", "core/lexicon/"):
        assert any(r.startswith(area) for r in rel), area
    assert any(r.endswith(".txt") for r in rel), "data files count too"
    assert "core/sentences.py" in rel and "core/model.py" in rel
    # the search engine, notes and UI are not part of an analysis
    assert not any(r.startswith(("ui/", "core/notes", "core/search", "cli")) for r in rel)


def test_changing_any_dependency_changes_the_version(package_copy: Path) -> None:
    before = code_version.digest("briefreader.core.analysis")
    deps = code_version.dependencies("briefreader.core.analysis")
    assert len(deps) > 20
    for path in deps:
        original = path.read_bytes()
        path.write_bytes(original + b"\n# changed\n")
        assert code_version.digest("briefreader.core.analysis") != before, path
        path.write_bytes(original)
    assert code_version.digest("briefreader.core.analysis") == before


def test_a_new_module_imported_by_analysis_code_counts(package_copy: Path) -> None:
    before = code_version.dependencies("briefreader.core.analysis")
    (package_copy / "core" / "extra_rules.py").write_text("WORDS = 1\n")
    sentences = package_copy / "core" / "sentences.py"
    sentences.write_text(sentences.read_text() + "\nfrom briefreader.core import (\n    extra_rules,\n)\n")
    after = code_version.dependencies("briefreader.core.analysis")
    assert package_copy / "core" / "extra_rules.py" in after
    assert len(after) == len(before) + 1
