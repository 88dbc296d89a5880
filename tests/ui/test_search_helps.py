"""Search that helps: phrases as one hit, the previous query selected on /, a history,
results grouped by briefing and paged, newest first, questions hidden, clear dates."""

from __future__ import annotations

from briefreader.core.model import REPORTER, Hit
from briefreader.ui.hit_merge import merge_quote_hits
from briefreader.ui.phrase_hits import phrase_spans, query_phrases
from briefreader.ui.widgets.search_results import MORE
from tests.ui.conftest import KREMLIN, settle

WIDE = (160, 45)


def test_phrase_spans_one_per_occurrence() -> None:
    text = "We discussed arms control. Arms  control talks resume; the arms race; control of arms."
    words = [(13, 17), (18, 25), (27, 31), (33, 40), (59, 63), (70, 77), (81, 85)]
    assert query_phrases('"arms control" talks "x"') == ["arms control"]
    assert phrase_spans(text, 0, words, ["arms control"]) == [(13, 25), (27, 40)]
    # offsets of a snippet that starts later in the text
    assert phrase_spans(text[10:], 10, [(13, 17), (18, 25)], ["arms control"]) == [(13, 25)]


def _hit(kind: str, start: int, end: int, highlights: list[tuple[int, int]], score: float,
         doc: str = "a", speaker: str | None = None) -> Hit:
    return Hit(doc, kind, start, end, score, "", tuple(highlights), speaker=speaker)  # type: ignore[arg-type]


def test_a_passage_that_repeats_a_quote_hit_is_shown_once_as_the_quote() -> None:
    passage = _hit("passage", 100, 300, [(150, 159)], 2.0)
    quote = _hit("quote", 140, 220, [(150, 159)], 1.5, speaker="Ann Lee")
    other = _hit("passage", 400, 500, [(420, 429)], 1.8)
    elsewhere = _hit("passage", 100, 300, [(150, 159)], 1.7, doc="b")  # another briefing
    merged = merge_quote_hits([passage, other, quote, elsewhere])
    # one entry for the passage and its quote: the quote, with its speaker, where the passage was
    assert [(h.document, h.kind, h.start) for h in merged] == [("a", "quote", 140), ("a", "passage", 400),
                                                                 ("b", "passage", 100)]
    assert merged[0].speaker == "Ann Lee" and merged[0].score == 2.0
    # an unattributed quote inside a reporter's question: the question's speaker
    asked = _hit("passage", 100, 300, [(150, 159)], 2.0, speaker=REPORTER)
    tweet = _hit("quote", 140, 220, [(150, 159)], 1.5)
    assert [(h.kind, h.speaker) for h in merge_quote_hits([asked, tweet])] == [("quote", REPORTER)]
    # overlapping but found by other words: two entries
    apart = _hit("quote", 250, 350, [(330, 339)], 1.0, speaker="Ann Lee")
    far = _hit("passage", 100, 300, [(150, 159)], 2.0)
    assert len(merge_quote_hits([far, apart])) == 2


async def test_results_show_a_quote_and_its_passage_once(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await _search(pilot, "ceasefire")
        raw = app.library.search("ceasefire", limit=50).hits
        quotes = [h for h in raw if h.kind == "quote"]
        assert quotes and len(raw) > len(app.results.targets)  # the core gives both, the list one
        res = app.results
        entries = [res.get_option_at_index(i).prompt.plain for i in range(res.option_count)
                   if res.get_option_at_index(i).id]
        starts = [(t.doc_id, t.offset) for t in res.targets.values()]
        assert len(starts) == len(set(starts))  # no occurrence listed twice
        for q in quotes:  # each quote hit once, marked with its speaker
            assert sum(1 for e in entries if e.lstrip().startswith(f"{q.speaker} · quote")) >= 1
        status = str(app.search_bar.query_one("#status").render())
        assert f"{len(res.targets)} passages" in status


async def _search(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("slash", *text, "enter")
    await settle(pilot)


async def test_phrase_is_one_hit_in_results_and_reader(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await _search(pilot, '"these nuances"')
        prompt = app.results.get_option_at_index(1).prompt
        hits = [s for s in prompt.spans if "bold" in str(s.style)]
        assert hits and all(prompt.plain[s.start:s.end].lower().split()[-1] == "nuances" for s in hits)
        await pilot.press("enter")
        await settle(pilot)
        text = app.analysis.briefing.text
        assert app.analysis.briefing.id == KREMLIN
        assert [text[a:b] for a, b in app.reader.hits] == ["these nuances"] * text.count("these nuances")


async def test_slash_selects_the_previous_query_and_arrows_walk_the_history(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await _search(pilot, "tariffs")
        await pilot.press("escape")
        await _search(pilot, "ceasefire")  # typing replaced the selected "tariffs"
        assert app.search_bar.query_input.value == "ceasefire"
        await pilot.press("escape", "slash")
        inp = app.search_bar.query_input
        assert inp.selected_text == "ceasefire"
        await pilot.press("up")
        assert inp.value == "ceasefire"
        await pilot.press("up")
        assert inp.value == "tariffs"
        await pilot.press("down")
        assert inp.value == "ceasefire"
        await pilot.press("down")  # past the newest: the results
        assert app.focused is app.results


async def test_paste_after_slash_keeps_the_text(make_app):
    from textual import events

    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        text = "a ceasefire talks"
        # a burst: every key queued before the first is handled (as a terminal sends a paste)
        app.post_message(events.Key("slash", "/"))
        for ch in text:
            app.post_message(events.Key("space" if ch == " " else ch, ch))
        await settle(pilot)
        assert app.search_bar.query_input.value == text
        assert app.screen is app.screen_stack[0]  # "a" did not open the note editor


async def test_results_grouped_paged_sorted_and_questions_hidden(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await _search(pilot, "president")
        res = app.results
        headers = [res.get_option_at_index(i) for i in range(res.option_count)
                   if res.get_option_at_index(i).disabled]
        assert headers and " hit" in headers[0].prompt.plain
        ids = [res.get_option_at_index(i).id for i in range(res.option_count)]
        assert ids[-1] == MORE and len(res.targets) == 50 - res.merged
        res.focus()
        res.highlighted = res.option_count - 1
        await pilot.press("enter")
        await settle(pilot)
        assert len(res.targets) == 100 - res.merged
        await pilot.press("ctrl+o")
        await settle(pilot)
        dates = [app.library.document(t.doc_id).date or "" for t in res.targets.values()]
        assert dates == sorted(dates, reverse=True)
        assert "newest" in str(app.search_bar.query_one("#status").render())
        def speakers() -> list[str]:
            return [res.get_option_at_index(i).prompt.plain.split("\n")[0].strip()
                    for i in range(res.option_count)
                    if res.get_option_at_index(i).id not in (None, MORE)]

        assert REPORTER in speakers()
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert "questions hidden" in str(app.search_bar.query_one("#status").render())
        assert REPORTER not in speakers() and speakers()


async def test_an_impossible_date_says_so(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await _search(pilot, "date:2025-13")
        status = str(app.search_bar.query_one("#status").render())
        assert "no month 13" in status
