"""Property test (hypothesis) of issue 13, the reader's side: hostile titles, headings,
speaker labels, file names, notes and queries through the panes, the side tabs, the
command palette, the search bar (both modes) and the failed-files dialog: the reader
never raises (a MarkupError in a render ends the app, and run_test raises it)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given

from briefreader.core.library import Library
from briefreader.ui.app import BriefreaderApp
from tests.test_props_hostile import file_name, hostile, props, write_corpus
from tests.ui.conftest import settle


async def type_into(pilot: Any, value: str) -> None:
    from textual.widgets import Input

    inp = pilot.app.screen.query_one(Input) if pilot.app.screen is not pilot.app.screen_stack[0] \
        else pilot.app.search_bar.query_one(Input)
    inp.value = value
    await pilot.pause()


async def walk(app: BriefreaderApp, query: str, speaker: str) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for keys in (["1"], ["2"], ["3"], ["right_square_bracket"], ["right_curly_bracket"], ["l"], ["l"],
                     ["t"], ["t"]):
            await pilot.press(*keys)
            await pilot.pause()
            assert app.is_running
        await pilot.press("ctrl+p")  # the palette, with every provider's hits
        await pilot.pause()
        for value in (query, "o"):  # "o": Open, Topic and Speaker hits, titles and labels
            await type_into(pilot, value)
            await settle(pilot)
        await pilot.press("escape")
        for key, value in (("slash", query), ("quotation_mark", f'speaker:"{speaker}" {query}')):
            await pilot.press(key)
            await type_into(pilot, value)
            await pilot.press("enter")
            await settle(pilot)
            assert app.is_running
            await pilot.press("escape")
        await pilot.press("f")  # the failed-files dialog
        await settle(pilot)
        await pilot.press("escape")
        assert app.is_running


@props(3, shrink=False)
@given(title=hostile, heading=hostile, speaker=hostile, name=hostile, body=hostile, query=hostile)
async def test_hostile_strings_through_the_reader(title: str, heading: str, speaker: str, name: str,
                                                  body: str, query: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        corpus = write_corpus(root, title, heading, speaker, name)
        (corpus / f"{file_name(name)[:50]}-empty.txt").write_text("")  # fails: shown in the dialog
        lib = Library([str(corpus)], home=root / "home")
        try:
            lib.sync(workers=1)
            docs = [d.id for d in lib.documents()]  # (a NUL byte makes a file binary: failed)
            if docs:
                lib.add_note(docs[0], 0, 5, body, (body[:20] or "tag",), None)
            await walk(BriefreaderApp(lib, debounce=60.0, restore=False, sync_on_start=False), query, speaker)
        finally:
            lib.close()
