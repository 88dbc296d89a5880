"""The reader's line layout: offsets stay exact, and a long transcript lays out fast."""

from __future__ import annotations

import time

from briefreader.core.model import Briefing
from briefreader.ui.widgets.reader_layout import TEXT, TOPIC, Layout
from tests.helpers import report


def _briefing(paragraphs: list[str]) -> Briefing:
    return report(*paragraphs, doc_id="x", path="x.txt", title="x")


def test_lines_cover_each_block_exactly_and_fit():
    paras = ["word " * 50 + "end.", "Hard-wrapped\nplain text\nkeeps its offsets.",
             "x" * 130 + " after a very long word", "“Curly” quotes — and dashes…"]
    b = _briefing(paras)
    layout = Layout(b, (), 40)
    for bi, block in enumerate(b.blocks):
        lines = [ln for ln in layout.lines if ln.kind == TEXT and ln.block == bi]
        assert lines[0].start == block.start and lines[-1].end == block.end
        for a, c in zip(lines, lines[1:], strict=False):
            assert a.end == c.start  # contiguous: no offset lost or repeated
        for ln in lines:
            assert len(b.text[ln.start:ln.end].rstrip()) <= 40
    offset = b.text.index("plain")
    line = layout.lines[layout.line_of(offset)]
    assert line.start <= offset < line.end
    assert layout.offset_of(layout.line_of(offset)) == line.start


def test_topic_headers_come_before_their_first_block():
    from briefreader.core.model import TopicSegment

    b = _briefing(["one.", "two.", "three."])
    end = b.text.index("three") + 6
    segs = (TopicSegment(0, 4, "a", (), "", (), 0, 0), TopicSegment(6, end, "b", (), "", (), 1, 2))
    layout = Layout(b, segs, 30)
    assert [layout.lines[i].kind for i in layout.segment_line] == [TOPIC, TOPIC]
    assert layout.lines[layout.segment_line[1] + 1].block == 1


def test_a_40000_word_transcript_lays_out_quickly():
    turn = ("The administration remains committed to working with our partners on the ceasefire "
            "and on humanitarian assistance for civilians in the region. ") * 4
    b = _briefing([f"MS. SPOKESPERSON: {turn}"] * melt(40_000, turn))
    t = time.perf_counter()
    layout = Layout(b, (), 100)
    took = time.perf_counter() - t
    assert len(b.text.split()) >= 40_000
    assert len(layout) > 3000
    assert took < 0.5, f"layout took {took:.3f} s"  # typically ~30 ms; generous for a busy CI


def melt(words: int, turn: str) -> int:
    return words // len(turn.split()) + 1


async def test_resizing_hides_the_focused_side_panel_and_moves_the_focus(make_app):
    from tests.ui.conftest import settle

    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("1")
        assert app.main.focus_within("#side")
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert not app.side_shown()
        assert app.focused is app.reader


async def test_the_focused_pane_is_marked(make_app):
    from tests.ui.conftest import settle

    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        title = app.blist.query_one("#list-title")
        before = title.styles.background
        await pilot.press("l")
        await pilot.pause()
        assert app.main.focus_within("#list")
        assert title.styles.background != before
        edge = app.query_one("#list").styles.border_right[1]
        await pilot.press("escape")
        await pilot.pause()
        assert app.query_one("#list").styles.border_right[1] != edge


async def test_the_topic_header_follows_scrolling(make_app):
    from tests.ui.conftest import settle

    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        reader = app.reader
        assert len(app.analysis.segments) >= 3
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()
        assert reader.segment == 2
        await pilot.press("g")  # the top: topic 1 fills the screen
        await pilot.pause()
        assert reader.segment == 0
        assert "Topic 1/" in str(app.query_one("#topic-bar").render())
