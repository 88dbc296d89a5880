"""Snapshots of the main screens (pytest-textual-snapshot; update with --snapshot-update).

Deterministic: a copied, already-synced index of the seeds (the sync finishes with
nothing to do, so no progress bar or notification), no remembered positions, input
cursors that do not blink, no clock and no temp paths on screen."""

from __future__ import annotations

from tests.ui.conftest import no_blink, settle


def _before(*keys: str):  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        no_blink(pilot.app)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        no_blink(pilot.app)

    return run_before


def test_main_screen_80x24(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=_before())


def test_main_screen_120x36(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=_before())


def test_list_at_80x24(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=_before("l", "2", "0", "2", "1"))


def test_list_at_120x36(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=_before("l", "2", "0", "2", "1"))


def test_search_results(snap_compare, make_app):
    keys = ("slash", *"ceasefire", "enter")
    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=_before(*keys))


def test_search_results_80x24(snap_compare, make_app):
    keys = ("slash", *"ceasefire", "enter")
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=_before(*keys))


def test_reader_at_a_hit(snap_compare, make_app):
    keys = ("slash", *"ceasefire", "enter", "down", "enter", "n")
    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=_before(*keys))


def test_quotes_tab(snap_compare, make_app):
    keys = ("l", *"04-30", "enter", "1")
    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=_before(*keys))


def test_topics_tab(snap_compare, make_app):
    keys = ("l", *"04-30", "enter", "2", "down", "down", "enter")
    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=_before(*keys))


def test_help_screen(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(100, 36), run_before=_before("question_mark"))
