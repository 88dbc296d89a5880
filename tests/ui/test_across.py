"""A topic across briefings (F), help at 80 columns, palette actions, theme contrast."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefreader.core.library import Library
from briefreader.ui.screens.help import HelpScreen
from briefreader.ui.screens.topic_across import TopicAcross
from tests.ui.conftest import no_blink, settle

WIDE = (160, 45)
CORPUS = Path(__file__).resolve().parents[2] / "../shared/corpus/whitehouse-press-briefings"


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """30 White House briefings of 2021, synced once (topics recur across them)."""
    files = sorted(CORPUS.glob("2021-0[23]/*.md"))[:30]
    if len(files) < 30:
        pytest.skip("the shared corpus is not here")
    base = tmp_path_factory.mktemp("archive")
    folder = base / "c"
    folder.mkdir()
    for f in files:
        shutil.copy(f, folder / f.name)
    lib = Library([folder], home=base / "home")
    try:
        lib.sync(workers=1)
    finally:
        lib.close()
    return folder, base / "home"


@pytest.fixture
def archive_app(archive, make_app, tmp_path):  # type: ignore[no-untyped-def]
    folder, home = archive
    shutil.copytree(home, tmp_path / "archive-home")
    return lambda: make_app([folder], home=tmp_path / "archive-home")


async def test_follow_a_topic_across_briefings_from_a_search(archive_app):
    app = archive_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"vaccine", "enter")  # in the results: F follows the search
        await pilot.press("F")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TopicAcross)
        members = screen.members
        assert len({d.id for d, _, _ in members}) >= 2
        dates = [d.date or "" for d, _, _ in members]
        assert dates == sorted(dates)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is app.screen_stack[0]
        d, i, _seg = members[0]  # the oldest: highlighted first when the search opened the view
        assert app.analysis.briefing.id == d.id
        assert app.reader.segment == i  # at that passage


async def test_follow_the_topic_at_the_cursor(archive_app):
    app = archive_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        open_id = app.analysis.briefing.id
        found = None
        for _ in range(len(app.analysis.segments)):  # the first topic that recurs elsewhere
            await pilot.press("F")
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, TopicAcross)
            if screen.members:
                found = screen.members
                break
            await pilot.press("escape", "right_square_bracket")
        assert found, "no topic of the newest briefing recurs in 30 briefings"
        assert any(d.id == open_id for d, _, _ in found)
        assert len({d.id for d, _, _ in found}) >= 2
        await pilot.press("escape")
        assert app.screen is app.screen_stack[0]


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_help_at_80_columns_wraps_and_scrolls_with_j_and_k(make_app, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(str(s.render()) for s in app.screen.query(".group"))
        assert "…" not in text  # nothing cut
        for group in app.screen.query(".group"):  # and no line wider than the box (no soft wrap)
            assert group.size.height == str(group.render()).count("\n") + 1
        assert "Every note of the store: filter by words and #tag, open at the" in text.replace("\n", " ").replace(
            "  ", " ") or "Every note of the store" in text
        scroll = app.screen.query_one("VerticalScroll")
        await pilot.press("j", "j", "j")
        await pilot.pause()
        assert scroll.scroll_y == 3
        await pilot.press("k")
        await pilot.pause()
        assert scroll.scroll_y == 2


async def test_palette_has_an_action_for_every_command(make_app):
    from briefreader.ui.keys import APP_BINDINGS
    from briefreader.ui.palette_actions import palette_actions

    actions = palette_actions({})
    labels = {a.label for a in actions}
    for wanted in ("Search passages", "Quotes tab", "Topics tab", "Notes tab", "Sync the index again",
                   "Annotate the selection or the current sentence", "Copy every note as Markdown citations",
                   "Follow this topic across briefings", "Show or hide the briefing list"):
        assert wanted in labels
    done = {a.action for a in actions}
    for b in APP_BINDINGS:  # every command of the app (escape apart) is in the palette
        assert b.id == "app.close" or b.action.removeprefix("app.") in done, b.id
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"search pass")
        await settle(pilot)
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.searching and app.focused is app.search_bar.query_input


def test_topic_across_snapshot_120x36(snap_compare, archive_app):
    async def before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("slash", *"vaccine", "enter", "F")
        await settle(pilot)
        no_blink(pilot.app)

    assert snap_compare(archive_app(), terminal_size=(120, 36), run_before=before)


def test_topic_across_snapshot_80x24(snap_compare, archive_app):
    async def before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("slash", *"vaccine", "enter", "F")
        await settle(pilot)
        no_blink(pilot.app)

    assert snap_compare(archive_app(), terminal_size=(80, 24), run_before=before)
