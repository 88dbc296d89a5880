"""Quote extraction: the seed briefing's gold quotes, and one focused test per pattern.

Every test checks the canonical-text invariant ``text[start:end] == quote.text``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from briefreader.core.model import REPORTER, Block, Briefing, Quote, Sentence
from briefreader.core.quotes import canonical_speaker, extract_quotes, speaker_matches
from tests.helpers import report

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seeds" / "000_c863c091f001229a.txt"
GOLD = SHARED / "gold" / "seed-briefing.json"


# --- helpers ---------------------------------------------------------------------------


def check(b: Briefing, quotes: tuple[Quote, ...]) -> tuple[Quote, ...]:
    """The invariants every extraction must keep."""
    last = (-1, -1)
    for q in quotes:
        assert 0 <= q.start < q.end <= len(b.text)
        assert b.text[q.start:q.end] == q.text, q
        assert q.spans == ((q.start, q.end),)
        assert q.document == b.id
        assert q.kind in ("direct", "partial", "indirect", "turn")
        assert (q.start, q.end) >= last, "quotes must come in document order"
        last = (q.start, q.end)
        assert q.text == q.text.strip()
        if q.kind in ("direct", "partial"):
            assert q.text[0] not in "“”\"«»" and q.text[-1] not in "“”\"«»"
    return quotes


def transcript(*turns: tuple[str, str, str], title: str = "t") -> Briefing:
    """A transcript: (label, canonical speaker, content) per turn, with sentences."""
    parts: list[str] = []
    blocks: list[Block] = []
    sentences: list[Sentence] = []
    pos = 0
    for t, (label, speaker, content) in enumerate(turns):
        line = f"{label}: {content}" if label != "Q" else f"Q {content}"
        cs = pos + len(line) - len(content)
        blocks.append(Block("turn", pos, pos + len(line), line, 0, label, speaker, t,
                            pos, pos + len(label), cs))
        for m in re.finditer(r"[^.!?]+[.!?]+[”\"]?|[^.!?]+$", content):
            s = cs + m.start() + (len(m.group()) - len(m.group().lstrip()))
            e = cs + m.end()
            sentences.append(Sentence(s, e, (parts and "" or "") + line[s - pos:e - pos],
                                      len(blocks) - 1))
        parts.append(line)
        pos += len(line) + 2
    text = "\n\n".join(parts)
    speakers = {label: speaker for label, speaker, _ in turns}
    return Briefing("tr", "tr.md", title, None, "transcript", text, tuple(blocks),
                    tuple(sentences), speakers=speakers)


def quotes_of(b: Briefing) -> list[Quote]:
    """The quotes in quotation marks (reported speech is tested in test_quotes_news)."""
    return [q for q in check(b, extract_quotes(b)) if q.kind in ("direct", "partial")]


def seed_briefing() -> Briefing:
    text = SEED.read_text(encoding="utf-8").replace("\r\n", "\n")
    blocks = tuple(Block("paragraph", m.start(), m.end(), m.group())
                   for m in re.finditer(r"[^\n]+", text))
    return Briefing("000_c863c091f001229a.txt", str(SEED), "seed", None, "report", text, blocks)


# --- the seed briefing --------------------------------------------------------------------


def _assert_gold(b: Briefing) -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["quotes"]
    got = [q for q in check(b, extract_quotes(b)) if q.kind != "indirect"]
    assert [(q.start, q.end) for q in got] == [(g["start"], g["end"]) for g in gold]
    for q, g in zip(got, gold, strict=True):
        assert q.text == g["text"]
        assert q.speaker == "Dmitry Peskov"
        assert q.kind == g["kind"], q
        assert q.speaker_mention and q.cue


def test_seed_gold_quotes_exactly() -> None:
    _assert_gold(seed_briefing())


def test_seed_gold_quotes_through_ingest() -> None:
    ingest = pytest.importorskip("briefreader.core.ingest")
    b = ingest.load_file(SEED)
    assert b.text == SEED.read_text(encoding="utf-8").replace("\r\n", "\n")
    _assert_gold(b)


def test_seed_mentions_and_cues() -> None:
    got = quotes_of(seed_briefing())
    assert [(q.speaker_mention, q.cue) for q in got[:3]] == [
        ("Peskov", "saying"), ("he", "said"), ("he", "remarked")]
    assert got[5].speaker_mention == "the Kremlin spokesman"
    assert got[4].cue == "described"


# --- quotation marks ----------------------------------------------------------------------


def test_apostrophes_are_not_quote_marks() -> None:
    b = report("Russia’s envoy said he doesn’t remember the ’90s, and the countries’ "
               "leaders didn’t either.",
               "“We don’t agree with Russia’s view of the ’90s,” Jane Smith said.")
    qs = quotes_of(b)
    assert [q.text for q in qs] == ["We don’t agree with Russia’s view of the ’90s,"]
    assert qs[0].speaker == "Jane Smith"


def test_odd_number_of_marks_leaves_the_stray_one() -> None:
    b = report("The minister spoke after a “long night. “We will rebuild,” Olaf Scholz "
               "said on Monday.")
    qs = quotes_of(b)
    assert [q.text for q in qs] == ["We will rebuild,"]
    assert qs[0].speaker == "Olaf Scholz"
    b2 = report("“We will rebuild,” said Olaf Scholz.” Nothing else was said.")
    assert [q.text for q in quotes_of(b2)] == ["We will rebuild,"]


def test_nested_quotes_stay_inside_the_outer_one() -> None:
    b = report("“He told me ‘never again,’ and I believed him,” Maria Lopez said.")
    qs = quotes_of(b)
    # the outer quote stays whole and is Maria Lopez's; the inner one (issue 14) is
    # a quote of its own, not hers: "He" is not resolved inside her words
    assert [q.text for q in qs] == ["He told me ‘never again,’ and I believed him,",
                                    "never again,"]
    assert qs[0].speaker == "Maria Lopez"
    assert qs[1].speaker is None


def test_straight_and_guillemet_marks() -> None:
    b = report('"We are ready," Dmitry Peskov said. Later he added: «The talks continue.»')
    qs = quotes_of(b)
    assert [q.text for q in qs] == ["We are ready,", "The talks continue."]
    assert [q.speaker for q in qs] == ["Dmitry Peskov", "Dmitry Peskov"]


def test_multi_paragraph_quote_has_one_piece_per_paragraph() -> None:
    b = report("Secretary-General Antonio Guterres spoke to reporters in Geneva.",
               "“The situation is grave. We need a ceasefire now.",
               "“Every day of delay costs lives,” Guterres said.")
    qs = quotes_of(b)
    assert [q.text for q in qs] == ["The situation is grave. We need a ceasefire now.",
                                    "Every day of delay costs lives,"]
    assert {q.speaker for q in qs} == {"Antonio Guterres"}


def test_split_quote_gives_two_pieces_with_one_speaker() -> None:
    b = report("Chancellor Olaf Scholz met reporters.",
               "“We will,” he said, “do it before the summer.”")
    qs = quotes_of(b)
    assert [q.text for q in qs] == ["We will,", "do it before the summer."]
    assert [q.speaker for q in qs] == ["Olaf Scholz", "Olaf Scholz"]
    assert [q.kind for q in qs] == ["direct", "direct"]
    assert [q.cue for q in qs] == ["said", "said"]


# --- attribution ------------------------------------------------------------------------


def test_cue_after_and_before_the_quote() -> None:
    b = report("“The talks were useful,” said Foreign Minister Sergei Lavrov.",
               "Lavrov told reporters: “We are open to dialogue.”",
               "According to Lavrov, “nothing has been decided.”")
    qs = quotes_of(b)
    assert [q.speaker for q in qs] == ["Sergei Lavrov"] * 3
    assert [q.cue for q in qs] == ["said", "told", "according to"]
    assert [q.kind for q in qs] == ["direct", "direct", "partial"]


def test_partial_quote_in_reported_speech() -> None:
    b = report("Dmitry Peskov described the talks as “very difficult,” adding that the "
               "sides were making “slow progress.”")
    qs = quotes_of(b)
    assert [(q.text, q.kind, q.speaker, q.cue) for q in qs] == [
        ("very difficult,", "partial", "Dmitry Peskov", "described"),
        ("slow progress.", "partial", "Dmitry Peskov", "adding")]


def test_pronoun_resolves_to_the_subject_not_to_an_object() -> None:
    b = report("In a briefing in Moscow, Kremlin spokesman Dmitry Peskov said advisers "
               "to US President Donald Trump had urged him not to call Vladimir Putin.",
               "“These are rumours,” he said.")
    q = quotes_of(b)[0]
    assert (q.speaker, q.speaker_mention) == ("Dmitry Peskov", "he")


def test_pronoun_gender_agreement() -> None:
    b = report("Ms. Anna Berg met Mr. Tomas Lind on Tuesday. Lind spoke first.",
               "“It was a good meeting,” she said.")
    assert quotes_of(b)[0].speaker == "Anna Berg"


def test_role_resolves_to_the_person_introduced_with_it() -> None:
    b = report("Kremlin spokesman Dmitry Peskov spoke on Friday. Russian President "
               "Vladimir Putin was in Sochi.",
               "“No talks are planned,” the Kremlin spokesman said.",
               "“The work is ongoing,” the spokesman added.")
    qs = quotes_of(b)
    assert [q.speaker for q in qs] == ["Dmitry Peskov", "Dmitry Peskov"]
    assert qs[0].speaker_mention == "the Kremlin spokesman"


def test_places_days_and_organisations_are_not_antecedents() -> None:
    b = report("On Monday, Moscow and Ukraine traded accusations at the Kremlin.",
               "“We will respond,” he said.")
    q = quotes_of(b)[0]
    assert q.speaker is None and q.cue == "said"


def test_unnamed_speaker_is_the_description_never_a_guess() -> None:
    # an indefinite description introduces someone new (issue 14): the speaker is
    # the description as written, not a person named nearby, and a pronoun with no
    # antecedent stays None
    b = report("Mara Velt met the crew. A flight attendant wrote to the company: "
               "“I feel safer now.”",
               "“It was a tough year,” one official said.",
               "The ceremony began. “It went well,” it said.")
    assert [q.speaker for q in quotes_of(b)] == ["A flight attendant", "one official", None]


def test_surname_maps_to_the_full_name_introduced_earlier() -> None:
    b = report("Kirill Dmitriev visited Washington on Wednesday.",
               "“The work is ongoing,” Dmitriev said.")
    assert quotes_of(b)[0].speaker == "Kirill Dmitriev"


def test_cueless_quote_continuing_an_attributed_one_inherits() -> None:
    b = report("“We are ready,” Antonio Guterres said. “The world is watching.”")
    qs = quotes_of(b)
    assert [q.speaker for q in qs] == ["Antonio Guterres", "Antonio Guterres"]


def test_quote_after_the_rest_of_an_attributing_sentence_inherits() -> None:
    b = report("“There are no concrete plans yet,” Kremlin spokesman Dmitry Peskov told reporters on a "
               "conference call. “But the president has repeatedly said he is ready for dialogue.”")
    assert [q.speaker for q in quotes_of(b)] == ["Dmitry Peskov", "Dmitry Peskov"]
    # an attribution before the first quote does not carry over a whole sentence
    b = report("Dmitry Peskov said: “No plans.” Reporters then asked about Iran. “A mystery,” one wrote.")
    assert quotes_of(b)[1].speaker != "Dmitry Peskov"


def test_a_quote_with_its_own_attribution_does_not_inherit_across_paragraphs() -> None:
    b = report("Downing Street said on Monday that the talks had been ‘constructive’.",
               "‘We want a deal,’ the Prime Minister’s official spokesman told reporters.")
    qs = quotes_of(b)
    assert qs[0].speaker == "Downing Street"
    assert qs[1].speaker is None and qs[1].speaker_mention == "the Prime Minister’s official spokesman"


def test_scare_quotes_and_titles_are_not_quotes() -> None:
    b = report("The bill, a program called “Build Back Better”, passed the House.",
               "Critics mocked the so-called “experts” and their “Plan B”.",
               "He used the word “garbage” twice.")
    assert quotes_of(b) == []


# --- round-ups -----------------------------------------------------------------------------


def test_roundup_heading_names_the_speaker_of_its_list() -> None:
    b = report("Here’s what you missed:",
               "Secretary of the Treasury Scott Bessent on Sunday Morning Futures",
               "On rates: “Interest rates are down five weeks in a row.”",
               "On tariffs: “We’re just doing what they’re doing.”",
               "Senator Jane Roe on Face the Nation",
               "On peace: “It is time for peace.”",
               kinds=("paragraph", "paragraph", "list_item", "list_item", "heading",
                      "list_item"))
    qs = quotes_of(b)
    assert [q.speaker for q in qs] == ["Scott Bessent", "Scott Bessent", "Jane Roe"]
    assert all(q.kind == "direct" for q in qs)


def test_colon_labels_name_the_speaker() -> None:
    b = report("Sen. Ted Cruz (R-TX): “This was his best speech.”",
               "American Iron and Steel Institute President Kevin Dempsey: “We look "
               "forward to working with the President.”",
               "Fox News’s Bret Baier: “The best moment was DJ.”",
               "Pennsylvania resident: “I thought it was very positive.”")
    qs = quotes_of(b)
    assert [q.speaker for q in qs] == ["Ted Cruz", "Kevin Dempsey", "Bret Baier",
                                      "Pennsylvania resident"]


# --- transcripts -----------------------------------------------------------------------


def test_transcript_turns_are_split_into_sentences() -> None:
    b = transcript(("MS. PSAKI", "Jen Psaki", "Good afternoon. We have two updates."),
                   ("Q", REPORTER, "Thanks, Jen. Will he travel?"),
                   ("MS. PSAKI", "Jen Psaki", "Not this week."))
    got = check(b, extract_quotes(b))
    assert [(q.text, q.speaker, q.is_question) for q in got] == [
        ("Good afternoon.", "Jen Psaki", False),
        ("We have two updates.", "Jen Psaki", False),
        ("Thanks, Jen.", REPORTER, True),
        ("Will he travel?", REPORTER, True),
        ("Not this week.", "Jen Psaki", False)]
    assert all(q.kind == "turn" for q in got)
    assert got[0].cue == "MS. PSAKI" and got[2].cue == "Q"


def test_transcript_read_out_quotes_belong_to_someone_else() -> None:
    b = transcript(
        ("MS. PSAKI", "Jen Psaki", "President Biden met the governors today. The "
         "President said, quote, “We will get this done.” End quote."),
        ("Q", REPORTER, "Senator Joe Manchin said, “I am not there yet.” Is he a no?"),
        ("MS. PSAKI", "Jen Psaki", "We are working on the “Build Back Better” agenda."))
    qs = quotes_of(b)
    assert [(q.text, q.speaker, q.kind) for q in qs] == [
        ("We will get this done.", "Joe Biden", "direct"),
        ("I am not there yet.", "Joe Manchin", "direct")]
    turns = [q for q in extract_quotes(b) if q.kind == "turn"]
    assert {q.speaker for q in turns} == {"Jen Psaki", REPORTER}


def test_question_you_is_the_official_being_asked() -> None:
    b = transcript(("MS. PSAKI", "Jen Psaki", "Go ahead."),
                   ("Q", REPORTER, "You said yesterday, quote, “We have not decided yet.” "
                    "Has that changed?"))
    q = quotes_of(b)[0]
    assert (q.speaker, q.speaker_mention) == ("Jen Psaki", "You")


# --- names -------------------------------------------------------------------------------


@pytest.mark.parametrize("raw, canon", [
    ("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov"),
    ("Dmitry Peskov", "Dmitry Peskov"),
    ("Dmitry Peskov, the Kremlin spokesman", "Dmitry Peskov"),
    ("Secretary of the Treasury Scott Bessent", "Scott Bessent"),
    ("Sen. Ted Cruz (R-TX)", "Ted Cruz"),
    ("Fox News’s Bret Baier", "Bret Baier"),
    ("US President Donald Trump", "Donald Trump"),
    ("Peskov", "Peskov"),
    # an all-capitals label in title case keeps the acronyms of offices
    ("FBI OFFICIAL", "FBI Official"),
    ("SENIOR DHS OFFICIAL", "Senior DHS Official"),
    ("MS. LEE", "Lee"),
])
def test_canonical_speaker(raw: str, canon: str) -> None:
    assert canonical_speaker(raw) == canon


@pytest.mark.parametrize("query, speaker, ok", [
    ("peskov", "Dmitry Peskov", True),
    ("Dmitry Peskov", "Dmitry Peskov", True),
    ("PESKOV", "Dmitry Peskov", True),
    ("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov", True),
    ("jean-pierre", "Karine Jean-Pierre", True),
    ("Jean Pierre", "Karine Jean-Pierre", True),
    ("Erdogan", "Recep Tayyip Erdoğan", True),
    ("dmitry", "Dmitry Peskov", False),
    ("Putin", "Dmitry Peskov", False),
    ("peskov", None, False),
    ("", "Dmitry Peskov", False),
])
def test_speaker_matches(query: str, speaker: str | None, ok: bool) -> None:
    assert speaker_matches(query, speaker) is ok


def test_empty_and_markless_briefings() -> None:
    for b in (report(""), report("No quotes here, just Russia’s view."), transcript()):
        assert check(b, extract_quotes(b)) == ()
