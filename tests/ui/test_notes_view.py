"""The Notes view of every note (m), the citation key (c), undo after deleting the
last note in the Notes tab."""

from __future__ import annotations

from briefreader.ui.screens.dialogs import Confirm
from briefreader.ui.screens.notes_browser import NotesBrowser
from tests.ui.conftest import KREMLIN, PSAKI, no_blink, settle

WIDE = (160, 45)


def _two_notes(app) -> None:  # type: ignore[no-untyped-def]
    app.library.add_note_by_quote(KREMLIN, "discussing these nuances", "why it matters #ceasefire")
    app.library.add_note_by_quote(PSAKI, "Happy Friday.", "the opening #style")


async def test_notes_view_filters_and_opens_a_note_of_another_briefing(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        _two_notes(app)
        assert app.analysis.briefing.id == KREMLIN
        await pilot.press("m")
        await settle(pilot)
        view = app.screen
        assert isinstance(view, NotesBrowser) and len(view.shown) == 2
        await pilot.press(*"#style")
        assert [i.note.body for i in view.shown] == ["the opening #style"]
        for _ in "#style":
            await pilot.press("backspace")
        await pilot.press(*"nuances")
        assert [i.note.document for i in view.shown] == [KREMLIN]
        await pilot.press("ctrl+a", "ctrl+k", *"friday", "enter", "enter")  # to the list, open
        await settle(pilot)
        assert app.screen is app.screen_stack[0]
        assert app.analysis.briefing.id == PSAKI  # another briefing, at the passage
        note = app.library.list_notes(document=PSAKI)[0]
        assert app.reader.cursor == note.start


async def test_copy_citation_of_the_sentence(make_app):
    app = make_app()
    copied: list[str] = []
    async with app.run_test(size=WIDE) as pilot:
        app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
        await settle(pilot)
        await pilot.press("w", "c")
        assert copied, "nothing copied"
        text = copied[0]
        sentence = app.analysis.briefing.sentences[0].text
        assert text.startswith("“" + " ".join(sentence.split())[:20])
        assert "Kremlin says Putin supports a ceasefire" in text and "2025-04-04" in text


async def test_undo_after_deleting_the_last_note_in_the_notes_tab(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        app.library.add_note_by_quote(KREMLIN, "discussing these nuances", "only note")
        app.notes.load(KREMLIN)
        await settle(pilot)
        await pilot.press("3")
        await pilot.press("d")
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await settle(pilot)
        assert app.library.list_notes(document=KREMLIN) == []
        await pilot.press("u")
        await settle(pilot)
        assert [n.body for n in app.library.list_notes(document=KREMLIN)] == ["only note"]


def test_notes_view_snapshot_80x24(snap_compare, make_app):
    async def before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        _two_notes(pilot.app)
        await pilot.press("m")
        await settle(pilot)
        no_blink(pilot.app)
        for inp in pilot.app.screen.query("Input"):
            inp.cursor_blink = False

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=before)


def test_notes_view_snapshot_120x36(snap_compare, make_app):
    async def before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        _two_notes(pilot.app)
        await pilot.press("m")
        await settle(pilot)
        for inp in pilot.app.screen.query("Input"):
            inp.cursor_blink = False

    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=before)


