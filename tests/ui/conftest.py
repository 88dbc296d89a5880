"""UI fixtures: an index of the bundled seeds built once per session and copied
into each test's temp home, and a factory for the app on that home."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from briefreader.core.library import Library
from briefreader.ui.app import BriefreaderApp

KREMLIN = "000_c863c091f001229a.txt"  # the newest seed: what the app opens first
PSAKI = ("2021-04-30-press-gaggle-by-press-secretary-jen-psaki-aboard-air-force-one-"
         "en-route-philadelphia-pa.md")


@pytest.fixture(scope="session")
def seeded_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("seeded") / "home"
    lib = Library(None, home=home)
    try:
        report = lib.sync()
        assert not report.failed, report.failed
    finally:
        lib.close()
    return home


@pytest.fixture
def ui_home(seeded_home: Path, tmp_path: Path) -> Path:
    home = tmp_path / "home"
    shutil.copytree(seeded_home, home)
    return home


@pytest.fixture
def make_app(ui_home: Path) -> Iterator[Callable[..., BriefreaderApp]]:
    libraries: list[Library] = []

    def make(paths: list[Any] | None = None, home: Path | None = None, **kwargs: Any) -> BriefreaderApp:
        lib = Library(paths, home=home or ui_home)
        libraries.append(lib)
        kwargs.setdefault("debounce", 60.0)  # typing alone never searches: enter does, at once
        return BriefreaderApp(lib, **kwargs)

    yield make
    for lib in libraries:
        lib.close()


async def settle(pilot: Any) -> None:
    """Wait for every worker, then for the messages they posted."""
    app = pilot.app
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


def no_blink(app: BriefreaderApp) -> None:
    for inp in app.query(Input):
        inp.cursor_blink = False
