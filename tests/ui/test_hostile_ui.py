"""Text from files is never markup (issue 13): titles, headings, file names, queries and
notes with markup or escape sequences are shown as themselves, and never crash the reader
or run an action."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import DataTable, Input

from briefreader.core.library import Library
from briefreader.ui.app import BriefreaderApp
from tests.ui.conftest import settle

WIDE = (120, 36)
TITLE = "[@click=app.quit][/] Daily [x=\"] briefing [$x] [ b]"


def hostile_corpus(root: Path) -> Path:
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text(
        f"---\ndate: 2025-01-01\ntitle: '{TITLE}\\e]0;pwned'\n---\n# Ukraine [/b] talks\n\n"
        "MR. PESKOV: We said the ceasefire [/] holds, and “talks [b]go on[/i].”\n\n"
        "# Second [link=x]topic[/link]\n\nMR. PESKOV: The ceasefire talks go on and on.\n",
        encoding="utf-8")
    (corpus / '[x="]1.txt').write_text("MS. PSAKI: The ceasefire holds, she said.\n", encoding="utf-8")
    (corpus / "[").mkdir()
    (corpus / "[" / "b].txt").write_text("", encoding="utf-8")  # "[/b].txt" fails: an empty file
    return corpus


def text_of(widget: Any) -> str:
    return str(widget.render())


async def search(pilot: Any, key: str, query: str) -> None:
    app = pilot.app
    await pilot.press(key)
    app.search_bar.query_one(Input).value = query
    await pilot.press("enter")
    await settle(pilot)
    assert app.is_running
    await pilot.press("escape")


async def test_markup_from_data_is_shown_as_text(tmp_path: Path) -> None:
    lib = Library([str(hostile_corpus(tmp_path))], home=tmp_path / "home")
    app = BriefreaderApp(lib, debounce=60.0, restore=False)
    try:
        async with app.run_test(size=WIDE) as pilot:
            await settle(pilot)
            assert app.is_running
            assert app.analysis is not None and app.analysis.briefing.id == "a.md"
            assert "[/b]" in text_of(app.query_one("TopicBar"))  # the heading's label, as text
            # the palette: the title shows with its brackets, and nothing runs
            await pilot.press("ctrl+p")
            await pilot.pause()
            palette_input = app.screen.query_one(Input)
            palette_input.value = "daily"
            await settle(pilot)
            await pilot.pause(0.3)
            shown = " ".join(str(o.prompt) for o in app.screen.query_one("CommandList")._options)
            assert "[@click=app.quit][/] Daily" in shown
            await pilot.press("escape")
            assert app.is_running
            # typed searches with markup, in both modes
            await search(pilot, "slash", "ceasefire [/]")
            await search(pilot, "slash", "x date:[/]")
            await search(pilot, "quotation_mark", 'speaker:"Peskov [/b]"')
            await search(pilot, "slash", "[@click=app.quit]")
            assert app.is_running
            # the failed-files dialog
            await pilot.press("f")
            await settle(pilot)
            table = app.screen.query_one(DataTable)
            assert table.row_count == 1
            assert "[/b].txt" in str(table.get_row_at(0)[0])
            await pilot.press("escape")
            assert app.is_running
    finally:
        lib.close()


async def test_no_escape_sequence_reaches_the_screen(tmp_path: Path) -> None:
    """A file name with an escape sequence (a file name is kept as it is: it names the
    file) is shown cleaned in the header; no widget renders an ESC."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "x\x1b]0;pwned\x07.txt").write_text("MS. PSAKI: The ceasefire holds.\n", encoding="utf-8")
    lib = Library([str(corpus)], home=tmp_path / "home")
    app = BriefreaderApp(lib, debounce=60.0, restore=False)
    try:
        async with app.run_test(size=WIDE) as pilot:
            await settle(pilot)
            assert app.analysis is not None
            for widget in app.screen.walk_children():
                rendered = str(widget.render()) if hasattr(widget, "render") else ""
                assert "\x1b" not in rendered, widget
            assert "\x1b" not in app.title and "\x1b" not in app.sub_title
    finally:
        lib.close()


async def test_sync_label_shows_file_names_as_text(tmp_path: Path) -> None:
    lib = Library([str(hostile_corpus(tmp_path))], home=tmp_path / "home")
    app = BriefreaderApp(lib, debounce=60.0, restore=False, sync_on_start=False)
    try:
        async with app.run_test(size=WIDE) as pilot:
            await settle(pilot)
            app.sync_bar.display = True
            app.sync_bar.progress(1, 3, str(tmp_path / "corpus" / '[x="]1.txt'))
            await pilot.pause()
            assert '[x="]1.txt' in text_of(app.sync_bar.query_one("#sync-label"))
            app.notify('failed: [/b].txt [@click=app.quit]x')  # notifications are plain text too
            await pilot.pause()
            assert app.is_running
    finally:
        lib.close()


async def test_notes_from_another_process_show_after_r(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("MR. PESKOV: The ceasefire holds, and talks go on.\n", encoding="utf-8")
    home = tmp_path / "home"
    lib = Library([str(corpus)], home=home)
    lib.sync(workers=1)
    app = BriefreaderApp(lib, debounce=60.0, restore=False)
    try:
        async with app.run_test(size=WIDE) as pilot:
            await settle(pilot)
            assert app.analysis is not None
            assert app.side.notes._notes == {}
            other = Library([str(corpus)], home=home)  # another briefreader, adding a note
            other.add_note_by_quote("a.txt", "ceasefire", "from elsewhere [/b]", (), None, 0)
            other.close()
            await pilot.press("r")
            await settle(pilot)
            assert [n.body for n in app.side.notes._notes.values()] == ["from elsewhere [/b]"]
    finally:
        lib.close()
