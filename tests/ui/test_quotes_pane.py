"""The Quotes tab hides procedural turns by default (the core's ``Quote.procedural``)
and shows entries over several lines."""

from __future__ import annotations

from briefreader.core.model import Analysis, Block, Briefing, Quote
from briefreader.ui.messages import Target
from briefreader.ui.quote_entries import quote_entries
from briefreader.ui.widgets.quotes_tab import QuotesTab
from tests.ui.conftest import settle

KJP = ("2024-04-18-press-gaggle-by-press-secretary-karine-jean-pierre-and-national-security-"
       "communications-advisor-john-kirby-en-route-philadelphia-pa.md")


def _turns(*turns: tuple[str, list[tuple[str, bool]]]) -> Analysis:
    """A transcript of my own: each turn a speaker and its sentences (text, procedural)."""
    text, blocks, quotes = "", [], []
    for t, (speaker, sentences) in enumerate(turns):
        start = len(text)
        for s, proc in sentences:
            if text and text[-1] != "\n" and len(text) > start:
                text += " "
            quotes.append(Quote("d", len(text), len(text) + len(s), s, speaker, None, None, "turn",
                                ((len(text), len(text) + len(s)),), procedural=proc))
            text += s
        blocks.append(Block("turn", start, len(text), text[start:], speaker=speaker, turn=t))
        text += "\n\n"
    b = Briefing("d", "/x/d.md", "T", None, "transcript", text, tuple(blocks))
    return Analysis(b, tuple(quotes))


def test_entries_leave_out_procedural_sentences() -> None:
    a = _turns(("Ann Lee", [("Hi, everybody.", True), ("Go ahead.", True)]),
               ("Reporter", [("Will the bill pass?", False)]),
               ("Ann Lee", [("Thank you.", True), ("The vote is on Tuesday.", False)]))
    every = quote_entries(a)
    assert [e.procedural for e in every] == [True, False, False]
    kept = quote_entries(a, include_procedural=False)
    assert [a.briefing.text[e.start:e.end] for e in kept] == ["Will the bill pass?", "The vote is on Tuesday."]


def _entries(tab: QuotesTab) -> list[str]:
    ol = tab.options
    return [str(ol.get_option_at_index(i).prompt) for i in range(ol.option_count)
            if ol.get_option_at_index(i).id]


async def test_quotes_tab_hides_procedural_turns(make_app):
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        app.open_target(Target(KJP))
        await settle(pilot)
        await pilot.press("1")
        tab = app.query_one(QuotesTab)
        analysis = app.library.analysis(KJP)
        procedural = [q for q in analysis.quotes if q.procedural]
        assert procedural  # the core flags some turn sentences of this gaggle
        shown = _entries(tab)
        spans = list(tab._spans.values())
        assert shown and len(spans) == len(shown)
        # no entry shown starts with a sentence the core calls procedural
        assert not any(q.start == s for q in procedural for s, _e in spans)
        assert any(len(t.split()) > 14 for t in shown)  # more than one short line
        footer = str(tab.options.get_option_at_index(tab.options.option_count - 1).prompt)
        assert "procedural turns hidden" in footer
        await pilot.press("p")
        every = _entries(tab)
        assert len(every) > len(shown)
        assert any(q.start == s for q in procedural for s, _e in tab._spans.values())
