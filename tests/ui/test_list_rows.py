"""The briefing list on an archive: rows that differ, two lines, a notes mark, sorting,
l and escape as elsewhere, a cursor that stands out."""

from __future__ import annotations

from briefreader.ui.widgets.list_titles import distinct_share, second_line, short_titles
from tests.ui.conftest import KREMLIN, PSAKI, settle

WIDE = (160, 45)


def test_the_shared_opening_is_dropped_while_the_rest_says_something() -> None:
    titles = [
        "Daily Press Briefing by the Spokesperson, Ned Price, on Iran",
        "Daily Press Briefing by the Spokesperson, Ned Price, on Sudan",
        "Daily Press Briefing by the Spokesperson, Ned Price, on trade talks",
        "Daily Press Briefing by the Spokesperson, Ned Price, March 3, 2022",
        "Remarks on the economy",
    ]
    short = short_titles(titles)
    assert short[titles[0]] == "On Iran"
    assert short[titles[2]] == "Trade talks"
    # "March 3, 2022" alone says nothing: more of the opening is kept
    assert "Ned Price" in short[titles[3]]
    assert short[titles[4]] == titles[4]  # nothing shared: the title itself


def test_two_titles_never_shown_alike() -> None:
    titles = [f"Communiqué du ministère des affaires étrangères sur {x}" for x in ("le Mali", "le Niger", "l'Iran")]
    titles += ["Press Briefing by Press Secretary Jen Psaki", "Press Gaggle by Press Secretary Jen Psaki",
               "Press Briefing by Press Secretary Jen Psaki and John Kirby",
               "Press Briefing by Press Secretary Karine Jean-Pierre"]
    short = short_titles(titles)
    assert len(set(short.values())) == len(titles)
    assert short[titles[0]] == "Le Mali"


def test_second_line_keeps_the_speakers_before_the_rest_of_the_title() -> None:
    names = ("Ann Lee", "Cy Dunn")
    # room for everything: the rest of the title, kind, full names
    assert second_line("on trade", "transcript", names, 60) == (" on trade", " · transcript · Ann Lee, Cy Dunn")
    # less: surnames, then the rest of the title cut, then the kind left out
    assert second_line("on trade", "transcript", names, 35) == (" on trade", " · transcript · Lee, Dunn")
    rest, meta = second_line("on trade talks with the union", "transcript", names, 40)
    assert meta == " · transcript · Lee, Dunn" and rest.endswith("…") and len(rest) + len(meta) <= 40
    rest, meta = second_line("on trade talks with the union", "transcript", names, 24)
    assert meta == " · Lee, Dunn" and rest == " on trade t…"
    rest, meta = second_line("on trade talks with the union", "transcript", names, 20)
    assert meta == " · Lee +1" and rest == " on trade…"  # the rest gives way, to fit
    rest, meta = second_line("on trade talks with the union", "transcript", ("Ann Lee-Parkinson", "Cy Dunn"), 20)
    assert meta == " · Lee-Parkinson +1" and rest == " …"  # the speaker before the title's rest
    # a role is not shortened to its last word
    assert second_line("", "transcript", ("Senior Administration Official",), 20) == (
        "", " · Senior Administration Official")
    assert second_line("", "transcript", ("White House Officials", "Ann Lee"), 34)[1] == (
        " · White House Officials, Lee")
    # no speakers: the kind
    assert second_line("", "news", (), 30) == ("", " · news")
    assert second_line("", "", (), 30) == ("", "")


def test_distinct_share() -> None:
    assert distinct_share(["a", "b", "a", "c"]) == 0.5
    assert distinct_share([]) == 1.0


async def test_l_and_escape_leave_the_list_and_ctrl_s_sorts(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("l")
        assert app.focused is app.blist.options
        await pilot.press("l")  # not typed into the filter: the list closes
        assert app.blist.filter_input.value == "" and app.focused is app.reader
        await pilot.press("l", "escape")
        assert app.focused is app.reader
        await pilot.press("l", "ctrl+s")
        shown = [app.blist.options.shown_titles[d.id] for d in app.blist.shown]
        assert shown == sorted(shown, key=str.casefold)
        assert "by title" in str(app.blist.query_one("#list-title").render())
        await pilot.press("ctrl+s")
        dates = [d.date or "" for d in app.blist.shown]
        assert dates == sorted(dates, reverse=True)


async def test_rows_wrap_and_mark_briefings_with_notes(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.library.add_note_by_quote(PSAKI, "Happy Friday.", "a note")
        app.notes.marks()
        await settle(pilot)
        assert app.blist.options.noted == {PSAKI}
        await pilot.press("l")
        await settle(pilot)
        lines = [line.text for line in app.blist.options.render_lines(app.blist.options.region.reset_offset)]
        text = "\n".join(lines)
        assert "✎" in text
        i = next(i for i, d in enumerate(app.blist.shown) if d.id == PSAKI)
        first, second = lines[2 * i], lines[2 * i + 1]
        assert "✎" in first and (app.blist.shown[i].date or "") in second
        # the title goes on after the date when it does not fit on the first line
        title = app.blist.options.shown_titles[PSAKI]
        assert len(title) > 30 and title.split()[0] in first and "Aboard" in second


def test_list_width_follows_the_terminal() -> None:
    from briefreader.ui.widgets.panes import tier_for

    assert tier_for(100) == "-medium" and tier_for(160) == "-wide"



async def test_rows_show_the_kind_and_main_speakers_and_filter_by_them(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        rows = app.blist.options
        lines = [line.text for line in rows.render_lines(rows.region.reset_offset)]
        i = next(i for i, d in enumerate(app.blist.shown) if d.id == PSAKI)
        assert "transcript · Jen Psaki" in lines[2 * i + 1]
        kremlin = next(i for i, d in enumerate(app.blist.shown) if d.id == KREMLIN)
        assert "news · Dmitry Peskov" in lines[2 * kremlin + 1]  # the most-quoted person
        await pilot.press(*"peskov")
        await settle(pilot)
        assert [d.id for d in app.blist.shown] == [KREMLIN]


async def test_a_format_1_catalog_is_upgraded_with_a_message_and_rows_get_their_speakers(make_app, ui_home):
    import sqlite3

    (catalog,) = ui_home.glob("cache/indexes/*/catalog.sqlite")
    db = sqlite3.connect(catalog)
    cols = "id, path, size, mtime_ns, hash, title, date, format, source_url, words"
    db.executescript(f"CREATE TABLE old AS SELECT {cols} FROM documents; DROP TABLE documents; "
                     "ALTER TABLE old RENAME TO documents; PRAGMA user_version=1;")
    db.close()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        notes = [n.message for n in app._notifications]
        assert any("upgraded from format 1" in m for m in notes), notes
        await settle(pilot)
        psaki = app.library.document(PSAKI)
        assert psaki.speakers == ("Jen Psaki",) and psaki.kind == "transcript"
        assert len(app.blist.docs) == 9
