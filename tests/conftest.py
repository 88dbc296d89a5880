"""Shared fixtures: the bundled seeds, the sample corpus in ../shared, temp homes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SHARED = (REPO.parent / "shared").resolve()
CORPUS = SHARED / "corpus" / "whitehouse-press-briefings"
ROUNDUPS = SHARED / "corpus" / "whitehouse-roundups"
GOLD = SHARED / "gold" / "seed-briefing.json"
SEED = SEEDS / "000_c863c091f001229a.txt"

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here")


def corpus_sample(step: int = 40) -> list[Path]:
    """A deterministic sample of corpus files across the years."""
    files = sorted(CORPUS.glob("*/*.md"))
    return files[::step]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    h = tmp_path / "home"
    monkeypatch.setenv("BRIEFREADER_HOME", str(h))
    return h


@pytest.fixture
def seeds_library(home: Path):  # type: ignore[no-untyped-def]
    from briefreader.core.library import Library

    lib = Library(None, home=home)
    lib.sync(workers=1)
    yield lib
    lib.close()


def run_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["BRIEFREADER_HOME"] = str(home)
    return env
