"""A citation's speaker (the c key and the notes' stored citations) is whoever is quoted
in the passage, not only the speaker of a transcript turn: a news report's quote gives
its speaker."""

from __future__ import annotations

import shutil
from pathlib import Path

from briefreader.core.model import Block, Briefing, Quote
from briefreader.core.notes.citation import citation_of, quoted_speaker
from briefreader.ui.messages import Target
from tests.ui.conftest import PSAKI, settle

WIDE = (160, 45)
NEWS = Path(__file__).resolve().parents[2] / "../shared/corpus/news-wikinews/gum_wikinews/flag.txt"


def _q(start: int, end: int, speaker: str | None, kind: str = "direct") -> Quote:
    return Quote("d", start, end, "", speaker, None, None, kind, ((start, end),))  # type: ignore[arg-type]


TEXT = ("The mayor spoke on Monday. “We will rebuild the bridge by May,” said Ann Lee, "
        "who leads the council. Critics were not convinced.")


def test_the_quote_covering_a_passage_names_its_speaker() -> None:
    s = TEXT.index("“") + 1
    e = TEXT.index(",”")
    quotes = [_q(s, e, "Ann Lee")]
    sentence = (TEXT.index("“"), TEXT.index("council.") + len("council."))
    assert quoted_speaker(quotes, *sentence) == "Ann Lee"  # the quote is most of the sentence
    assert quoted_speaker(quotes, 0, TEXT.index(" “")) is None  # narration: nobody quoted
    assert quoted_speaker(quotes, 0, len(TEXT)) is None  # a short quote in a long passage
    b = Briefing("d", "/x/d.txt", "Bridge", "2025-05-01", "report", TEXT,
                 (Block("paragraph", 0, len(TEXT), TEXT),))
    assert citation_of(b, *sentence, quotes=quotes).speaker == "Ann Lee"
    assert citation_of(b, *sentence).speaker is None  # without quotes: a report has no turn speaker


def test_in_a_turn_the_person_quoted_by_the_speaker() -> None:
    text = "MS. LEE:  I spoke to him. He said, “We will sign it today.” Then he left."
    c0 = text.index("I spoke")
    inner = (text.index("We will"), text.index(" today.”") + len(" today."))
    quotes = [_q(c0, len(text), "Ann Lee", "turn"), _q(*inner, "Joe Park")]
    assert quoted_speaker(quotes, *inner) == "Joe Park"
    assert quoted_speaker(quotes, c0, len(text)) == "Ann Lee"  # the whole turn: its speaker


async def _cite(app, pilot, doc_id: str, offset: int) -> str:  # type: ignore[no-untyped-def]
    """What c copies with the reader's cursor at ``offset`` of ``doc_id``."""
    copied: list[str] = []
    app.copy_to_clipboard = copied.append
    app.open_target(Target(doc_id, offset))
    await settle(pilot)
    await pilot.press("c")
    assert copied, "nothing copied"
    return copied[0]


async def test_c_cites_the_speaker_of_a_news_quote_and_the_note_stores_it(make_app, tmp_path: Path):
    folder = tmp_path / "news"
    folder.mkdir()
    shutil.copy(NEWS, folder / NEWS.name)
    app = make_app([folder])
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        a = app.analysis
        assert a is not None and a.briefing.format == "report"
        q = next(q for q in a.quotes if q.kind == "direct" and q.speaker == "John Key")
        cited = await _cite(app, pilot, a.briefing.id, q.start)
        assert cited.split(" — ")[-1].startswith("John Key, ")
        start, end = app.reader.selection_span() or (0, 0)
        note = app.library.add_note(a.briefing.id, start, end, "who said it")
        assert app.library.notes.store.citations()[note.id].speaker == "John Key"
        assert "John Key" in app.library.export_notes("md", everywhere=True)


async def test_c_cites_the_speaker_of_a_transcript_turn(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        a = app.library.analysis(PSAKI)
        q = next(q for q in a.quotes if q.kind == "turn" and q.speaker == "Jen Psaki" and not q.procedural
                 and len(q.text.split()) > 8)
        cited = await _cite(app, pilot, PSAKI, q.start)
        assert cited.split(" — ")[-1].startswith("Jen Psaki, ")
