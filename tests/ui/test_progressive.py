"""A large first sync lists the briefings before analysing them, commits as it goes
(what is committed can be opened and searched), and says what it does."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefreader.core.library import Library
from briefreader.core.sync import syncer
from briefreader.ui.messages import IndexGrew, SyncProgress, SyncStage
from tests.ui.conftest import settle


@pytest.fixture(autouse=True)
def _small_progressive_sync(monkeypatch: pytest.MonkeyPatch) -> None:
    """These corpora are small: list and commit progressively from their size on, as a
    first sync of a large archive does (the defaults start at 50 new briefings)."""
    from briefreader.core.sync import syncer

    monkeypatch.setattr(syncer, "_PREVIEW_MIN", 1)
    monkeypatch.setattr(syncer, "_PROGRESSIVE_MIN", 24)

CORPUS = Path(__file__).resolve().parents[2] / "../shared/corpus/whitehouse-press-briefings"


def _folder(tmp_path: Path, n: int) -> Path:
    files = sorted(CORPUS.glob("*/*.md"))[:n]
    if len(files) < n:
        pytest.skip("the shared corpus is not here")
    folder = tmp_path / "c"
    folder.mkdir()
    for f in files:
        shutil.copy(f, folder / f.name)
    return folder


@pytest.fixture
def quick_commits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(syncer, "_FIRST_COMMIT", 0.0)  # commit after the first briefing
    monkeypatch.setattr(syncer, "_POOL_MIN", 10_000)  # analyse in-process: no pool in tests


def test_first_sync_lists_then_commits_as_it_goes(tmp_path: Path, quick_commits: None) -> None:
    folder = _folder(tmp_path, 30)
    lib = Library([folder], home=tmp_path / "home")
    seen: list[tuple[int, int, int, int]] = []
    stages: list[str] = []

    def published(done: int, total: int) -> None:
        seen.append((done, total, lib.catalog.count(), lib.search("president", limit=5).total))

    try:
        report = lib.sync(published=published, stage=stages.append, workers=1)
        assert report.added == 30 and not report.failed
        assert seen[0][0] == 0 and seen[0][2] == 30  # every row listed before any analysis
        assert seen[0][3] == 0  # nothing searchable yet
        mid = [s for s in seen if 0 < s[0] < 30]
        assert mid and mid[0][3] > 0  # searchable while the sync goes on
        assert any(s.startswith("Merging") for s in stages)
        assert all(st.size > 0 and st.hash for st in lib.catalog.file_states().values())
        hits = lib.search("president", limit=200)
        assert hits.total >= mid[0][3]
        assert lib.sync().added == 0  # nothing left provisional
    finally:
        lib.close()


def test_a_provisional_row_opens_before_its_analysis(tmp_path: Path, quick_commits: None) -> None:
    folder = _folder(tmp_path, 30)
    lib = Library([folder], home=tmp_path / "home")
    opened: list[str] = []

    def published(done: int, total: int) -> None:
        if done == 0:
            newest = lib.documents()[0]
            opened.append(lib.analysis(newest.id).briefing.title)

    try:
        lib.sync(published=published, workers=1)
        assert opened and opened[0] == lib.documents()[0].title
    finally:
        lib.close()


async def test_the_list_fills_before_the_analysis(make_app, tmp_path: Path, quick_commits: None) -> None:
    folder = _folder(tmp_path, 30)
    app = make_app([folder], home=tmp_path / "fresh")
    seen: list = []
    listed_at_first_progress: list[int] = []

    def hook(message: object) -> None:
        seen.append(message)
        if isinstance(message, SyncProgress) and not listed_at_first_progress:
            listed_at_first_progress.append(len(app.blist.docs))

    async with app.run_test(size=(100, 30), message_hook=hook) as pilot:
        await settle(pilot)
        assert listed_at_first_progress == [30]
        grew = [m for m in seen if isinstance(m, IndexGrew)]
        assert grew[0].done == 0 and any(0 < m.done < m.total for m in grew)
        assert any(isinstance(m, SyncStage) and m.text.startswith("Merging") for m in seen)
        assert app.analysis is not None and app.analysis.briefing.id == app.documents[0].id
        assert len(app.documents) == 30
        assert not app.query_one("#sync").display
