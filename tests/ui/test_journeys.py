"""The main journeys through the reader, driven with Pilot on a temp home."""

from __future__ import annotations

from briefreader.ui.messages import SyncProgress
from briefreader.ui.screens.failed import FailedScreen
from briefreader.ui.screens.help import HelpScreen
from briefreader.ui.widgets.quotes_tab import QuotesTab
from briefreader.ui.widgets.reader import Reader
from briefreader.ui.widgets.search_bar import SearchBar
from tests.ui.conftest import KREMLIN, PSAKI, settle

WIDE = (160, 45)


async def test_opens_the_newest_briefing_with_header_and_panes(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert app.analysis is not None and app.analysis.briefing.id == KREMLIN
        assert app.title.startswith("Kremlin says Putin supports a ceasefire")
        assert "2025-04-04" in app.sub_title
        assert not app.query_one("#sync").display  # sync finished
        assert app.focused is app.reader
        assert len(app.blist.shown) == len(app.documents) == 9
        dates = [d.date or "" for d in app.documents]
        assert dates == sorted(dates, reverse=True)
        assert app.side.quotes.options.option_count > 0
        assert "first_paint" in app.metrics and "open" in app.metrics


async def test_filter_the_list_and_open_a_briefing(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("l")  # the list is shown: l focuses its rows; typing filters
        assert app.focused is app.blist.options
        await pilot.press(*"04-30")
        assert [d.id for d in app.blist.shown] == [PSAKI]
        assert "1/9" in str(app.blist.query_one("#list-title").render())
        await pilot.press("enter")
        await settle(pilot)
        assert app.analysis.briefing.id == PSAKI
        assert app.focused is app.reader
        await pilot.press("l")
        await pilot.press("escape")  # clears the filter first
        assert app.blist.filter_input.value == ""
        assert len(app.blist.shown) == 9
        await pilot.press("slash")  # not typed into the filter: it opens the search
        assert app.focused is app.search_bar.query_input and app.blist.filter_input.value == ""


async def test_typing_in_the_list_starts_the_filter(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        app.blist.options.focus()
        await pilot.press("c", "o", "v")
        assert app.blist.filter_input.value == "cov"
        assert app.focused is app.blist.filter_input
        assert len(app.blist.shown) == 1


async def test_search_open_hit_and_walk_hits(make_app):
    app = make_app(debounce=0.0)  # results as you type
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("l", *"04-30", "enter")  # open a briefing that does not mention it
        await settle(pilot)
        await pilot.press("slash")
        assert app.focused is app.search_bar.query_input
        await pilot.press(*"ceasef")
        await settle(pilot)
        results = app.results
        assert results.option_count == 0  # a prefix: no such word
        await pilot.press(*"ire")
        await settle(pilot)
        assert results.option_count >= 2
        assert "passages" in str(app.search_bar.query_one("#status").render())
        await pilot.press("enter")  # search now, focus the results
        await settle(pilot)
        assert app.focused is results
        target = results.targets[results.get_option_at_index(results.highlighted).id]
        await pilot.press("enter")
        await settle(pilot)
        reader: Reader = app.reader
        assert app.analysis.briefing.id == target.doc_id
        assert app.focused is reader
        assert not app.main.has_class("-searching")
        assert reader.hits and reader.hit_query == "ceasefire"
        text = app.analysis.briefing.text
        assert all(text[s:e].lower().startswith("ceasefire") for s, e in reader.hits)
        assert reader.cursor == target.offset
        first = reader.hit_index
        assert first is not None
        await pilot.press("n")
        assert reader.hit_index == (first + 1) % len(reader.hits)
        assert reader.cursor == reader.hits[reader.hit_index][0]
        await pilot.press("N")
        assert reader.hit_index == first
        assert "hit" in str(app.query_one("#topic-bar").render())


async def test_bad_query_is_shown_inline(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"foo:x", "enter")
        await settle(pilot)
        status = app.search_bar.query_one("#status")
        assert status.has_class("-error")
        assert "unknown field 'foo:'" in str(status.render())
        assert app.is_running
        await pilot.press("escape")
        assert not app.main.has_class("-searching")
        assert app.focused is app.reader


async def test_quotes_search_with_speaker_filter(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("quotation_mark")
        bar: SearchBar = app.search_bar
        assert bar.mode == "quotes"
        await pilot.press(*"speaker:peskov", "enter")
        await settle(pilot)
        targets = list(app.results.targets.values())
        assert targets and all(t.doc_id == KREMLIN for t in targets)
        assert "by peskov" in str(bar.query_one("#status").render())
        await pilot.press("ctrl+t")  # back to passages
        assert bar.mode == "passages"


async def test_quotes_tab_jumps_to_a_quote(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("1")
        tab: QuotesTab = app.side.quotes
        assert app.focused is tab.options
        await pilot.press("down", "down", "down")  # the third quote of the first speaker
        option = tab.options.get_option_at_index(tab.options.highlighted)
        start, end = tab._spans[option.id]
        await pilot.press("enter")
        await settle(pilot)
        assert app.focused is app.reader
        assert app.reader.cursor == start
        assert app.reader.mark == (start, end)
        top, bottom = app.reader._visible_lines()
        assert top <= app.reader.layout_.line_of(start) <= bottom


async def test_topics_tab_jumps_to_a_topic(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        segments = app.analysis.segments
        assert len(segments) >= 3
        await pilot.press("2")
        await pilot.press("down", "down")
        await pilot.press("enter")
        await settle(pilot)
        reader = app.reader
        assert reader.segment == 2
        assert reader.cursor == segments[2].start
        assert f"Topic 3/{len(segments)}" in str(app.query_one("#topic-bar").render())


async def test_reader_keys_walk_the_structure(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("l", *"04-30", "enter")
        await settle(pilot)
        reader: Reader = app.reader
        a = app.analysis
        await pilot.press("right_square_bracket")
        assert reader.segment == 1 and reader.cursor == a.segments[1].start
        await pilot.press("left_square_bracket")
        assert reader.segment == 0
        assert reader.cursor == a.segments[0].start
        turns = [b.start for b in a.briefing.blocks if b.label_start >= 0]
        await pilot.press("right_parenthesis", "right_parenthesis")
        assert reader.cursor == turns[1]
        await pilot.press("right_parenthesis", "left_parenthesis")
        assert reader.cursor == turns[1]
        await pilot.press("right_curly_bracket")
        assert reader.cursor > turns[1]
        await pilot.press("G")
        assert reader.scroll_y == reader.max_scroll_y > 0
        await pilot.press("g")
        assert reader.scroll_y == 0
        await pilot.press("j", "j", "space")
        assert reader.scroll_y == 2 + reader.scrollable_content_region.height - 2
        await pilot.press("b", "k")
        assert reader.scroll_y == 1


async def test_sentence_cursor_and_selection(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        reader: Reader = app.reader
        sents = app.analysis.briefing.sentences
        await pilot.press("w")
        assert reader.cursor_visible and reader.cursor == sents[0].start
        await pilot.press("w", "v", "w", "w")
        assert reader.selection_span() == (sents[1].start, sents[3].end)
        await pilot.press("W")
        assert reader.selection_span() == (sents[1].start, sents[2].end)
        await pilot.press("escape")
        assert not reader.cursor_visible and reader.select_anchor is None


async def test_help_screen_lists_every_key(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(str(s.render()) for s in app.screen.query(".group"))
        for wanted in ("Reader", "Search bar", "reader.next_topic", "app.search", "Next search hit"):
            assert wanted in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_palette_opens_a_briefing_jumps_and_switches_theme(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)

        async def palette(*keys: str) -> None:
            await pilot.press("ctrl+p", *keys)
            await settle(pilot)  # the palette gathers its hits in a worker
            await pilot.press("enter")
            await settle(pilot)

        await palette(*"psaki jan")
        assert app.analysis.briefing.id.startswith("2021-01-20-press-briefing")
        await palette(*"Topic 3")
        assert app.reader.segment == 2
        before = app.reader.cursor
        await palette(*"Speaker: psaki")
        assert app.reader.cursor > before
        await palette(*"Theme: textual-light")
        assert app.theme == "textual-light"
        assert app.reader.render_line(0).cell_length == app.reader.scrollable_content_region.width
    # the theme is kept for the next start
    again = make_app(home=app.library.home)
    async with again.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert again.theme == "textual-light"


async def test_narrow_terminal_toggles_panes(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.narrow
        assert not app.blist.display or not app.list_shown()
        await pilot.press("l")
        assert app.list_shown() and not app.query_one("#center").region.width
        await pilot.press("down", "enter")
        await settle(pilot)
        assert not app.list_shown() and app.focused is app.reader
        await pilot.press("t")
        assert app.side_shown()
        await pilot.press("escape")
        assert not app.side_shown()


async def test_failed_files_screen(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        assert isinstance(app.screen, FailedScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, FailedScreen)


async def test_position_is_remembered(make_app, ui_home):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("l", *"04-30", "enter")
        await settle(pilot)
        await pilot.press("space", "space", "j")
        left_at = app.reader.top_offset()
        assert left_at > 0
    again = make_app()
    async with again.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert again.analysis.briefing.id == PSAKI
        assert again.reader.top_offset() == left_at


async def test_keymap_from_the_config_file(make_app, ui_home):
    config = ui_home / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "keys.toml").write_text('[keys]\n"reader.next_topic" = "x"\n"no.such" = "y"\n')
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert any("no.such" in n.message for n in app._notifications)
        await pilot.press("x")
        assert app.reader.segment == 1
        await pilot.press("right_square_bracket")  # the default key is replaced
        assert app.reader.segment == 1


async def test_first_sync_shows_progress_and_refreshes_the_list(make_app, tmp_path):
    app = make_app(home=tmp_path / "fresh")
    seen: list = []
    async with app.run_test(size=WIDE, message_hook=seen.append) as pilot:
        await settle(pilot)
        assert any(isinstance(m, SyncProgress) for m in seen)
        assert len(app.documents) == 9
        assert app.analysis is not None and app.analysis.briefing.id == KREMLIN
        assert not app.query_one("#sync").display


async def test_index_busy_is_a_notification(make_app):
    from briefreader.core.errors import IndexBusy

    app = make_app()

    def busy(*args, **kwargs):
        raise IndexBusy("index busy: another briefreader is writing")

    app.library.sync = busy
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert app.is_running
        assert any("busy" in n.message for n in app._notifications)
        assert app.analysis is not None  # still readable


async def test_annotate_edit_delete_and_undo(make_app):
    from briefreader.ui.screens.dialogs import Confirm, NoteEditor

    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        reader: Reader = app.reader
        sents = app.analysis.briefing.sentences
        await pilot.press("w", "w", "v", "w")  # select the 2nd and 3rd sentences
        assert reader.selection_span() == (sents[1].start, sents[2].end)
        await pilot.press("a")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"hedged", "tab", *"kremlin ceasefire", "ctrl+s")
        await settle(pilot)
        notes = app.library.list_notes(document=KREMLIN)
        assert len(notes) == 1
        note = notes[0]
        assert (note.start, note.end) == (sents[1].start, sents[2].end)
        assert note.body == "hedged" and set(note.tags) == {"kremlin", "ceasefire"}
        assert [n.id for n in reader.notes] == [note.id]
        assert app.side.notes.options.option_count == 1
        await pilot.press("e")  # the cursor is still on the note
        assert isinstance(app.screen, NoteEditor)
        await pilot.press("end", *" (twice)", "ctrl+s")
        await settle(pilot)
        assert app.library.list_notes(document=KREMLIN)[0].body == "hedged (twice)"
        await pilot.press("d")
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await settle(pilot)
        assert app.library.list_notes(document=KREMLIN) == []
        assert reader.notes == []
        await pilot.press("u")
        await settle(pilot)
        restored = app.library.list_notes(document=KREMLIN)
        assert [n.id for n in restored] == [note.id]
        await pilot.press("3")  # the Notes tab: enter jumps to the note
        await pilot.press("enter")
        await settle(pilot)
        assert app.focused is reader and reader.cursor == note.start
    # a restart (a new app on a new Library over the same home) finds the note again
    again = make_app()
    async with again.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert again.analysis.briefing.id == KREMLIN  # reopened where we were
        assert [n.id for n in again.reader.notes] == [note.id]  # highlighted in the reader
        assert again.side.notes.options.option_count == 1  # and listed
        assert again.library.list_notes(document=KREMLIN)[0].body == "hedged (twice)"


async def test_annotating_can_be_cancelled(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("a", *"draft", "escape")
        await settle(pilot)
        assert app.library.list_notes(document=KREMLIN) == []
        assert app.screen is app.screen_stack[0]


async def test_mouse_drag_and_shift_keys_select_sentences(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        reader: Reader = app.reader
        layout = reader.layout_
        sents = app.analysis.briefing.sentences

        def cell(offset: int) -> tuple[int, int]:
            """The reader's (x, y) of a text offset in view."""
            n = layout.line_of(offset)
            line = layout.lines[n]
            from briefreader.ui.widgets.reader import GUTTER

            return GUTTER + len(line.prefix) + (offset - line.start), n - round(reader.scroll_y)

        # a click: the sentence cursor, no selection
        await pilot.click(reader, offset=cell(sents[1].start + 2))
        assert reader.cursor == sents[1].start and reader.select_anchor is None
        # a drag from the 2nd sentence into the 3rd selects both
        from textual.events import MouseMove

        await pilot.mouse_down(reader, offset=cell(sents[1].start + 1))
        # a move with the button held (Pilot.hover moves with no button: the end of a drag)
        await pilot._post_mouse_events([MouseMove], reader, cell(sents[2].start + 3), button=1)
        await pilot.mouse_up(reader, offset=cell(sents[2].start + 3))
        assert reader.selection_span() == (sents[1].start, sents[2].end)
        # a move with no button held after a lost mouse-up ends the drag
        await pilot.mouse_down(reader, offset=cell(sents[1].start + 1))
        await pilot.hover(reader, offset=cell(sents[3].start + 1))
        assert not reader._dragging and reader.cursor == sents[1].start
        # shift+down extends a selection from the cursor (on the 2nd), sentence by sentence
        await pilot.press("v")  # ends the selection
        assert reader.select_anchor is None and reader.cursor == sents[1].start
        await pilot.press("shift+down", "shift+down")
        assert reader.selection_span() == (sents[1].start, sents[3].end)
        await pilot.press("shift+up")
        assert reader.selection_span() == (sents[1].start, sents[2].end)
