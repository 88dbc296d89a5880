"""Labels from the subject a segment names (noun phrases: no adjective alone, no
word of speech as head, no speaker of a round-up) and summaries without procedure or
openings that lean on what came before; each rule on sentences written for it."""

from __future__ import annotations

import re

import pytest

from briefreader.core.ingest import parse_document
from briefreader.core.model import Briefing
from briefreader.core.topics import segment_briefing
from briefreader.core.topics.cues import DEFLECTION
from briefreader.core.topics.label import _modifier
from briefreader.core.topics.openings import content_start
from briefreader.core.topics.phrases import Phrase
from briefreader.core.topics.sentence_quality import LEANING


def doc(text: str, name: str = "t.txt") -> Briefing:
    text = "\n\n".join(" ".join(p.split()) for p in text.split("\n\n"))
    return parse_document(text, "text", name=name, doc_id=name)


@pytest.mark.parametrize("sentence", [
    "And thanks, everyone, for your patience and for joining our call.",
    "As a reminder, this call will be on background, attributable to a “senior administration official.”",
    "Apologies for the delay, everyone.",
    "With that, I’ll hand it over to our first speaker.",
])
def test_call_procedure_is_recognised(sentence: str) -> None:
    assert DEFLECTION.search(sentence)


def test_substance_is_not_procedure() -> None:
    assert not DEFLECTION.search("The ferry service will resume on Monday with four crossings a day.")


@pytest.mark.parametrize("sentence,expected", [
    ("That is why we continue to fund bridge repairs in every county.", "we continue to fund"),
    ("And that’s why the council voted to close the landfill.", "the council voted"),
    ("Let me say: We have met the mayors of the coastal towns every week.", "We have met"),
    ("I would say that the levee held through the whole storm surge.", "the levee held"),
    ("On the harbour dredging: “We will finish the channel by June next year.”", "We will finish"),
])
def test_leaning_and_announcing_openings_are_left_out(sentence: str, expected: str) -> None:
    assert sentence[content_start(sentence, 0, len(sentence), set()):].startswith(expected)


def test_an_opening_is_kept_when_little_would_be_left() -> None:
    s = "That is why we did."
    assert content_start(s, 0, len(s), set()) == 0


@pytest.mark.parametrize("sentence,leans", [
    ("That is very different from a permanent settlement.", True),
    ("It’s not what we agreed last week.", True),
    ("Those tariffs will rise to ten percent in April.", False),
    ("The settlement will be permanent from next week.", False),
])
def test_sentences_that_lean_on_the_one_before(sentence: str, leans: bool) -> None:
    assert bool(LEANING.match(sentence)) is leans


@pytest.mark.parametrize("word,text,modifier", [
    ("illegal", "Illegal fishing boats were seized. The illegal fishing fleet is large.", True),
    ("Maltese", "Maltese officials met Maltese fishermen.", True),
    ("illegal", "The practice is illegal. Illegal fishing continues.", False),
    ("proposal", "The proposal is dead. Our proposal was clear.", False),
    ("tariffs", "Tariffs rose. The tariffs were high.", False),
])
def test_an_adjective_always_before_a_noun_is_a_modifier(word: str, text: str, modifier: bool) -> None:
    assert _modifier(text, Phrase(1.0, (word.lower(),), [word], 2)) is modifier


ROUNDUP = """Sunday shows: the harvest is in

Secretary of Agriculture Marta Quillfeather on Morning Report

On grain exports reaching new highs: “Grain exports rose by a third this year, and grain exports to Asia doubled.”

On farm credit: “Farm credit is cheaper than a year ago, and farm credit unions are lending again.”

Senator Oswin Halloway on Evening Desk

On rural broadband: “Rural broadband now reaches nine of ten farms, and rural broadband speeds will double.”
"""


def test_a_round_up_label_names_the_subject_not_the_speaker() -> None:
    labels = [s.label for s in segment_briefing(doc(ROUNDUP, "roundup.md"))]
    assert labels
    for lab in labels:
        assert not re.search(r"Marta|Quillfeather|Oswin|Halloway", lab), labels
    assert any("grain exports" in lab.lower() for lab in labels), labels


@pytest.mark.parametrize("question,expected,not_expected", [
    ("Q On the schools front, will the district hire more teachers this year?", "schools", "front"),
    ("Q On the domestic front, will the city tax on hotel rooms rise?", None, "domestic"),
    ("Q On the jobs report, do you expect the jobs numbers to be revised?", "jobs report", None),
])
def test_a_word_of_speech_or_an_adjective_never_heads_a_label(question: str, expected: str | None,
                                                              not_expected: str | None) -> None:
    text = question + """

MS. LARKSPUR: The numbers we have show steady growth in hiring, and the schools and the city will publish
the figures for the jobs and the hotel rooms next week, with the tax figures.

Q And the revisions?

MS. LARKSPUR: The revisions will come in the spring with the annual benchmark."""
    lab = segment_briefing(doc(text))[0].label
    if expected:
        assert lab.lower().startswith(expected), lab
    if not_expected:
        assert not_expected not in lab.lower().split(), lab


@pytest.mark.parametrize("text,verb", [
    ("Navy ships are escorting tankers. They keep escorting them.", True),
    ("The shooting shocked the town. Police studied the shooting.", False),
    ("Schools need more funding. The level of funding is low.", False),
])
def test_a_word_in_ing_is_a_label_part_only_when_used_as_a_noun(text: str, verb: bool) -> None:
    word = "escorting" if "escort" in text else "shooting" if "shoot" in text else "funding"
    assert _modifier(text, Phrase(1.0, (word[:-3],), [word], 3)) is verb


def test_a_garbled_sentence_weighs_less_than_a_clean_one() -> None:
    from briefreader.core.topics.sentence_quality import quality
    from briefreader.core.topics.tokens import terms
    garbled = "Another large group of resi- — residents are expected to leave the valley by bus today."
    clean = "Another large group of residents are expected to leave the valley by bus today."
    assert quality(garbled, terms(garbled)[1], ()) < 0.5 * quality(clean, terms(clean)[1], ())
