"""Rules of topic labels and summaries (issue 16, second round), each on sentences
written for the test."""

from __future__ import annotations

import re

import pytest

from briefreader.core.ingest import parse_document
from briefreader.core.model import Briefing, TopicSegment
from briefreader.core.topics import segment_briefing
from briefreader.core.topics.sentence_quality import disfluency, quality
from briefreader.core.topics.tokens import terms


def doc(text: str, name: str = "t.txt") -> Briefing:
    return parse_document(text, name)


def segment_of(b: Briefing, segs: tuple[TopicSegment, ...], words: str) -> TopicSegment:
    at = b.text.index(words)
    return next(s for s in segs if s.start <= at < s.end)


def q(sentence: str, subject: str = "") -> float:
    return quality(sentence, terms(sentence)[1], {st for st in terms(subject)[1] if st})


# --------------------------------------------------------------------------- summaries


def test_broken_speech_counts_as_disfluent() -> None:
    assert disfluency("The — the — as the attacks have — have continued, we re- — we responded.") >= 5
    assert disfluency("The ministry opened three new clinics in the northern provinces last year.") == 0
    assert disfluency("Can you confirm the delivery — no, sorry, that is not it.") >= 3


@pytest.mark.parametrize(("weaker", "stronger"), [
    # hedges and restated positions against the fact they stand for
    ("I think, you know, we have been very clear about that, obviously.",
     "The ministry will pay 40 million dollars to the flooded farms of the Elbe valley by June."),
    # a stutter against the same content said cleanly
    ("The — the farms — the farms of the valley will get pay- — payments — by June.",
     "The farms of the valley will get their payments by June."),
    # off the label's subject against on it
    ("The weather in the capital was warm and sunny for the whole of the long weekend.",
     "The flood payments to farmers in the valley will start in June."),
])
def test_sentence_quality_prefers_clean_substance_on_the_subject(weaker: str, stronger: str) -> None:
    assert q(stronger, "flood payments") > q(weaker, "flood payments")


def test_a_summary_is_never_taken_from_the_question_even_when_the_answer_deflects() -> None:
    # what a reporter asserts in a question is not what the briefing said
    text = """Q On the railway bridge in Dresden: it has been closed for eleven days since inspectors found cracks
in two of its steel girders. When will it reopen?

MR. KELLER: I don't have anything on that. We're still taking a look at it, I think.

Q A different subject. The budget for schools: will the cabinet approve the budget for schools?

MR. KELLER: The cabinet approved the school budget this morning, which adds 300 teachers in the eastern districts."""
    b = doc(text)
    segs = segment_briefing(b)
    bridge = segment_of(b, segs, "railway bridge in Dresden")
    assert "eleven days" not in bridge.summary and "girders" not in bridge.summary, bridge.summary
    assert "?" not in bridge.summary
    school = segment_of(b, segs, "The budget for schools")
    assert "300 teachers" in school.summary, school.summary


def test_a_question_sentence_never_stands_in() -> None:
    text = """Q Can you confirm that the new harbour in Gdansk will open before the summer season starts?

MR. KELLER: I can't confirm that. I'd refer you to the port authority."""
    b = doc(text)
    (seg,) = segment_briefing(b)
    assert not seg.summary.startswith("Can you"), seg.summary


def test_a_second_summary_sentence_never_restates_the_first() -> None:
    text = """Q Will the minister visit the flooded towns of the Oder valley?

MS. NOWAK: The minister will visit the flooded towns. The minister will visit the flooded towns, yes."""
    b = doc(text)
    (seg,) = segment_briefing(b)
    assert seg.summary.count("will visit") == 1, seg.summary


# --------------------------------------------------------------------------- labels


def label_parts(seg: TopicSegment) -> list[str]:
    return [p.strip().lower() for p in seg.label.split(",")]


VAGUE = """Q On the domestic front, what is the timing for the housing bill? Is there a longer path here?

MS. NOWAK: The housing bill goes to the Senate next week. The housing bill funds two million homes, and the
housing bill caps rents in the big cities. On the timing, the Senate leader expects a vote on the housing bill
before the recess.

Q And at first blush, does the housing bill cover student dormitories?

MS. NOWAK: The housing bill covers student dormitories at public universities."""


def test_labels_leave_out_vague_nouns_and_words_of_speech() -> None:
    b = doc(VAGUE)
    segs = segment_briefing(b)
    assert "housing bill" in segment_of(b, segs, "On the domestic front").label.lower()
    for seg in segs:
        for p in label_parts(seg):
            assert p not in {"front", "domestic front", "timing", "longer path", "path", "blush"}, seg.label


def test_a_label_never_opens_with_the_verb_of_its_object() -> None:
    text = """Q Is the Chancellor going to meet Ursula Lindqvist in the near future, to follow up on the loan talks?

MR. KELLER: The Chancellor meets Ursula Lindqvist on Friday. Ursula Lindqvist and the Chancellor will sign the
loan agreement for the grid in Brussels, and Ursula Lindqvist will present the loan terms to the press."""
    b = doc(text)
    (seg,) = segment_briefing(b)
    assert "Ursula Lindqvist" in seg.label, seg.label
    assert not re.match(r"(?i)meet\b", seg.label), seg.label


def test_words_used_side_by_side_make_one_subject_and_no_part_repeats_another() -> None:
    text = """Q What is the plan for the fishing community of the northern coast?

MS. NOWAK: The fishing community gets new quotas. We met the fishing community in Gdynia, and the fishing
community will get compensation for the closed zones. Taxation of the small boats stays as it is; the tax on
large trawlers rises."""
    b = doc(text)
    (seg,) = segment_briefing(b)
    parts = label_parts(seg)
    assert "fishing community" in parts, seg.label
    for a in parts:
        for other in parts:
            if a != other:
                assert not other.startswith(a[:3]), seg.label  # not "tax, taxation"


def test_a_speaker_heading_names_its_subject_or_nothing() -> None:
    text = """# What they are saying: farm policy this week

## Minister Anna Nowak on the grain export ban

The ban on grain exports will stay until the harvest is in, Nowak said. The grain export ban covers wheat
and rye, and farmers who hold grain will be paid for storage.

## Senator Piotr Zielinski on Morning Radio Live

The grain export ban hurts farmers in the east, Zielinski said, and the ban should end in May."""
    b = doc(text, "t.md")
    segs = segment_briefing(b)
    for seg in segs:
        assert "Morning Radio" not in seg.label and "Senator" not in seg.label, seg.label
    first = segment_of(b, segs, "The ban on grain exports will stay")
    assert "grain export ban" in first.label.lower(), first.label
