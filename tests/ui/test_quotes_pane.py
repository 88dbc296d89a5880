"""The Quotes tab hides procedural turns by default and shows entries over several lines."""

from __future__ import annotations

import pytest

from briefreader.ui.messages import Target
from briefreader.ui.procedural import is_procedural
from briefreader.ui.widgets.quotes_tab import QuotesTab
from tests.ui.conftest import settle

KJP = ("2024-04-18-press-gaggle-by-press-secretary-karine-jean-pierre-and-national-security-"
       "communications-advisor-john-kirby-en-route-philadelphia-pa.md")


@pytest.mark.parametrize("text", ["Hi, everybody.", "Go ahead.", "Okay.", "Thank you.",
                                  "Go ahead, Steve.", "Thanks so much, everyone. See you tomorrow.",
                                  "Yeah, go ahead.", "Good afternoon, everybody."])
def test_procedural(text: str) -> None:
    assert is_procedural(text)


@pytest.mark.parametrize("text", ["No.", "Yes, we are sending more aid.", "Okay, so the President travels to Ohio.",
                                  "Thank you for the question; the answer is no.", "Steve.",
                                  "We will see what happens next week in the Senate."])
def test_not_procedural(text: str) -> None:
    assert not is_procedural(text)


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
        shown = _entries(tab)
        assert shown and not any(is_procedural(t.lstrip(" “‘▸")) for t in shown)
        assert any(len(t.split()) > 14 for t in shown)  # more than one short line
        footer = str(tab.options.get_option_at_index(tab.options.option_count - 1).prompt)
        assert "procedural turns hidden" in footer
        await pilot.press("p")
        every = _entries(tab)
        assert len(every) > len(shown)
        assert any(is_procedural(t.lstrip(" “‘▸")) for t in every)
