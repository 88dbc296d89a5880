"""The rules of issue 16 (topics worth skimming), each on sentences written for it:
Q&A segmentation, topic budget, labels (subjects, no names, no bare verbs or
adjectives, distinct), summaries (content, no deflection, no leading markers or
vocatives, no title or dateline), and the evaluation's checks and judged set."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from briefreader.core.ingest import parse_document
from briefreader.core.model import Briefing, TopicSegment
from briefreader.core.topics import segment_briefing
from briefreader.core.topics.document import analyse
from briefreader.core.topics.openings import content_start, headline_end, is_headline
from briefreader.core.topics.outline import distinct_labels
from briefreader.core.topics.params import MAX_TOPICS
from briefreader.core.topics.segmentation import _keep_answers, topic_budget
from briefreader.eval import topic_checks, topics_judged


def doc(text: str, name: str = "t.txt") -> Briefing:
    """A briefing from a test text hard-wrapped for reading (a paragraph is one line)."""
    text = "\n\n".join(" ".join(p.split()) for p in text.split("\n\n"))
    return parse_document(text, "text", name=name, doc_id=name)


def spans_text(b: Briefing, seg: TopicSegment) -> str:
    return " ".join(b.text[a:z] for a, z in seg.summary_spans)


def segment_of(b: Briefing, segs: tuple[TopicSegment, ...], words: str) -> TopicSegment:
    at = b.text.index(words)
    return next(s for s in segs if s.start <= at < s.end)


KREMLIN = """Dmitry Peskov: Good afternoon. Today the President held a meeting with members of the government
on the federal budget for the next three years. Spending on hospitals, schools and pensions will be fulfilled
in full, and the ministries will prepare a list of instructions on the budget.

Dmitry Peskov: Also, on Friday, the President will receive the Prime Minister of India at the Kremlin. The
talks will cover trade, payments in national currencies and the construction of new reactors at the Kudankulam
nuclear plant.

Question: Dmitry Sergeyevich, there are reports that the grain corridor through the Black Sea will reopen next
month. Can you confirm that?

Dmitry Peskov: No, I cannot confirm that. Our position on the grain corridor is well known: the part of the
agreement on Russian grain and fertiliser exports was never fulfilled, and until the banks are reconnected
there is nothing to discuss about the corridor.

Question: Just to follow up on that, would Russia accept Turkish insurance for the grain ships in the corridor?

Dmitry Peskov: Turkish insurance for grain ships is one of the ideas our Turkish partners have raised, and the
experts are studying how the grain ships could be insured.

Question: Same subject. Will the grain exports to African countries continue free of charge?

Dmitry Peskov: Yes, the grain exports to six African countries continue, and the ships with grain are on their way.

Question: One more on the grain corridor: have the Black Sea ports been damaged?

Dmitry Peskov: The ports are working normally, and grain shipments from the Black Sea ports continue on schedule.

Question: A different topic. The central bank raised the key rate to eighteen percent. Business says loans are
unaffordable. Is the Kremlin concerned about the key rate?

Dmitry Peskov: The central bank is independent, and the key rate is its decision. The government subsidises
loans for industry and farmers so that investment continues despite the high key rate.
"""


# --------------------------------------------------------------------------- segmentation


def test_follow_up_exchanges_stay_one_topic_and_a_switch_opens_one() -> None:
    b = doc(KREMLIN)
    segs = segment_briefing(b)
    grain = segment_of(b, segs, "Dmitry Sergeyevich, there are reports")
    for words in ("Just to follow up on that", "Same subject.", "One more on the grain corridor",
                  "The ports are working normally"):
        assert segment_of(b, segs, words) == grain, words
    assert segment_of(b, segs, "A different topic.") != grain
    assert segment_of(b, segs, "The central bank is independent") == segment_of(b, segs, "A different topic.")


def test_opening_statement_splits_by_its_own_subjects() -> None:
    b = doc(KREMLIN)
    segs = segment_briefing(b)
    budget = segment_of(b, segs, "federal budget")
    india = segment_of(b, segs, "Prime Minister of India")
    assert budget != india
    assert budget.start == 0


def test_a_question_is_never_split_from_its_answer() -> None:
    b = doc(KREMLIN)
    for seg in segment_briefing(b):
        first = b.blocks[seg.first_block]
        assert not (seg.first_block > 0 and b.blocks[seg.first_block - 1].is_question and not first.is_question)
    # a start put on an answer moves back to the question it answers
    d = analyse(b)
    answer = next(i for i, blk in enumerate(b.blocks) if i and b.blocks[i - 1].is_question)
    assert _keep_answers(d, [0, answer]) == [0, answer - 1]


def test_a_long_transcript_keeps_to_the_topic_budget() -> None:
    subjects = ["wildfires in Oregon", "the rail strike", "student loans", "the Supreme Court ruling",
                "baby formula shortages", "the debt ceiling", "hurricane relief in Florida", "chip factories",
                "the border wall", "drug prices", "the Taiwan Strait", "food aid to Sudan", "bank failures",
                "the steel tariffs", "the census count", "airline delays", "the water crisis in Jackson",
                "the NATO summit", "gun violence", "the pipeline permit", "the farm bill", "the Mars mission",
                "the postal service", "the minimum wage", "the flu season", "the jobs report", "the Olympics",
                "cyber attacks on hospitals", "the heat wave", "the opioid settlement"]
    parts = ["MS. PSAKI: Good afternoon. Let's get started with your questions."]
    for i, sub in enumerate(subjects):
        w = sub.split()[-1]
        parts.append(f"Q Question number {i} is about {sub}. What is the {w} plan and who leads the {w} work?")
        parts.append(f"MS. PSAKI: On {sub}, the {w} team at the agency is working with governors, and the {w} "
                     f"plan will be published next week with the funding the {w} work needs.")
    b = doc("\n\n".join(parts))
    segs = segment_briefing(b)
    d = analyse(b)
    assert len(segs) <= topic_budget(sum(d.content)) <= MAX_TOPICS
    assert len(segs) >= 5


def test_topic_budget_grows_with_length_and_is_capped() -> None:
    assert topic_budget(100) < topic_budget(1000) <= MAX_TOPICS
    assert topic_budget(10**6) == MAX_TOPICS


# --------------------------------------------------------------------------- labels

NAMES = """MS. JEAN-PIERRE: Good afternoon, everybody. Go ahead, Seung Min.

Q Thank you. Seung Min Kim with the AP. On the hostage talks in Qatar: are the hostage negotiators close to a
deal on the release of the hostages?

MS. JEAN-PIERRE: The hostage negotiators in Qatar are working around the clock on a deal for the release of
the hostages, and the President spoke with the Emir of Qatar about the hostage deal this morning. I'm going to
be super mindful and not get into the details of the negotiations.

MS. JEAN-PIERRE: Yes, Seung Min.

Q Thanks. And on the hostage deal, would a pause in the fighting come with the release of the hostages?

MS. JEAN-PIERRE: A pause in the fighting would come with the release of the hostages, and the hostage deal
would allow more trucks of food and medicine into Gaza.

MS. JEAN-PIERRE: Let's go to Peter Alexander with NBC.

Q Switching topics. The railway unions may strike on Friday. Will the President ask Congress to block the
railway strike?

MS. JEAN-PIERRE: The President believes a railway strike would hurt families and farmers, and he is asking the
railway unions and the railroads to reach an agreement on sick leave so that the trains keep running.
"""


def test_labels_never_name_a_reporter_or_the_briefer_addressed() -> None:
    for text in (NAMES, KREMLIN):
        b = doc(text)
        for seg in segment_briefing(b):
            words = set(re.findall(r"[A-Za-z’']+", seg.label))
            assert not words & {"Seung", "Min", "Kim", "Peter", "Alexander", "Dmitry", "Sergeyevich"}, seg.label


def test_labels_name_the_subject_not_a_verb_or_adjective() -> None:
    b = doc(NAMES)
    segs = segment_briefing(b)
    hostage = segment_of(b, segs, "hostage negotiators in Qatar are working")
    assert re.search(r"(?i)hostage|Qatar", hostage.label), hostage.label
    rail = segment_of(b, segs, "railway strike would hurt")
    assert re.search(r"(?i)rail|strike|unions", rail.label), rail.label
    for seg in segs:
        parts = [p.strip() for p in seg.label.split(",")]
        for p in parts:
            assert p.lower() not in {"mindful", "super mindful", "going", "working", "close", "hurt", "keep"}, seg.label


def test_kremlin_labels_are_subjects() -> None:
    b = doc(KREMLIN)
    segs = segment_briefing(b)
    assert "grain" in segment_of(b, segs, "Dmitry Sergeyevich").label.lower()
    assert re.search(r"(?i)central bank|key rate", segment_of(b, segs, "A different topic.").label)
    assert "following" not in " ".join(s.label.lower() for s in segs)


def test_two_segments_of_a_briefing_never_share_a_label() -> None:
    def seg(label: str, kw: tuple[str, ...], at: int) -> TopicSegment:
        return TopicSegment(at, at + 10, label, kw, "", ())
    out = distinct_labels([seg("tariffs, trade", ("tariffs", "steel"), 0), seg("Gaza", ("aid",), 10),
                           seg("tariffs, trade", ("tariffs", "trade", "soybeans"), 20),
                           seg("tariffs, trade", ("tariffs",), 30)])
    labels = [s.label for s in out]
    assert len(set(labels)) == 4
    assert labels[0] == "tariffs, trade" and labels[2] == "tariffs, trade (soybeans)"
    b = doc(KREMLIN + "\n\nQuestion: Back to the grain corridor. Will the grain corridor talks take place in Istanbul?"
            "\n\nDmitry Peskov: The grain corridor talks may take place in Istanbul, the experts on grain will decide.")
    labels = [s.label.lower() for s in segment_briefing(b)]
    assert len(labels) == len(set(labels))


# --------------------------------------------------------------------------- summaries


def test_summary_is_content_from_the_answer_not_a_deflection() -> None:
    text = """Q On the ceasefire in Gaza, can you confirm the talks resume on Monday in Cairo?

MR. KIRBY: Yeah. I cannot confirm that. The State Department is a better place to go for that. What I can tell
you is that the ceasefire talks in Cairo will include both delegations, and the hostage release is at the
center of the ceasefire proposal.

Q A different subject. The flood damage in Vermont: will the President approve the disaster declaration for Vermont?

MR. KIRBY: The President approved the disaster declaration for Vermont this morning, which frees federal money
for the flood repairs of roads and homes."""
    b = doc(text)
    segs = segment_briefing(b)
    gaza = segment_of(b, segs, "On the ceasefire in Gaza")
    assert "delegations" in gaza.summary, gaza.summary
    for bad in ("Yeah.", "cannot confirm", "better place to go"):
        assert bad not in gaza.summary
    assert "?" not in gaza.summary


def test_summary_leaves_out_leading_markers_and_vocatives() -> None:
    text = """MS. PSAKI: Good afternoon. The President meets the governors of six states this afternoon to
talk about the vaccine supply and the school reopening plan.

Q Jen, why is the President focused on his Cabinet before the relief bill?

MS. PSAKI: Well, Peter, the desire to get his Cabinet in place and get his team confirmed is about governing
from day one, and the Senate can confirm nominees while it works on the relief bill."""
    b = doc(text)
    seg = segment_of(b, segment_briefing(b), "the desire")
    assert seg.summary.startswith("The desire to get his Cabinet"), seg.summary
    first = b.text[seg.summary_spans[0][0]:seg.summary_spans[0][1]]
    assert first.startswith("the desire"), first  # an exact span of the text, inside the sentence
    assert seg.summary[1:] == spans_text(b, seg)[1:]


@pytest.mark.parametrize("sentence, expected", [
    ("Well, Peter, the desire to get his Cabinet in place is clear.", "the desire to get"),
    ("And it was just a reflection of him not planning to release the letter.", "it was just"),
    ("So the President will ask the Department of Agriculture to act today.", "the President will"),
    ("Look, Kaitlan, we have been very clear about the sanctions on Moscow.", "we have been"),
    ("Dmitry Sergeyevich, the grain deal was never fulfilled by the other side.", "the grain deal"),
    ("So far, forty states have signed up for the program this year.", "So far"),
    ("Well over a hundred people were rescued from the ship on Friday.", "Well over"),
    ("Now that the bill has passed, the money will go out in the spring.", "Now that"),
    ("Ukraine, Poland and Moldova signed the energy agreement in Warsaw today.", "Ukraine, Poland"),
])
def test_content_start_drops_markers_and_vocatives_only(sentence: str, expected: str) -> None:
    names = {"kaitlan"}
    assert sentence[content_start(sentence, 0, len(sentence), names):].startswith(expected)


def test_title_and_dateline_are_never_in_a_summary() -> None:
    text = ("Floods close three bridges in northern Vermont\n2024-07-12\n"
            "In April, for example, the state closed two bridges after heavy rain, and engineers now say "
            "three more bridges are unsafe after this week's floods.\n"
            "The governor asked for federal money to rebuild the bridges before the winter.\n")
    b = parse_document(text, "text", name="floods.txt", doc_id="floods.txt")  # (lines kept)
    for seg in segment_briefing(b):
        assert "Floods close" not in seg.summary and "2024-07-12" not in seg.summary, seg.summary
    text2 = "WASHINGTON — The Senate passed the water bill on Tuesday, sending funding for dams to the states."
    assert text2[headline_end(text2, 0, len(text2), "Water bill"):].startswith("The Senate")


@pytest.mark.parametrize("line, headline", [
    ("Congress Must Act to Solidify Trump’s Border Wins U.S. Congressman Mark Harris (NC-08)", True),
    ("U.S. Senator Roger Marshall (R-KS)", True),
    ("The Senate passed the bill on Tuesday after a long debate", False),
    ("The Senate Passed The Bill.", False),
])
def test_headlines_and_bylines_are_recognised(line: str, headline: bool) -> None:
    assert is_headline(line) is headline


# --------------------------------------------------------------------------- evaluation


def test_checks_detect_deflection_markers_titles_and_addressed_names() -> None:
    assert topic_checks.is_deflection("State Department is a better place to go for that.")
    assert topic_checks.is_deflection("Yeah.")
    assert not topic_checks.is_deflection("The sanctions freeze the assets of six officials in the United States.")
    assert topic_checks.opens_with_marker("Well, Peter, the desire …", set())
    assert topic_checks.opens_with_marker("Peter, the desire to get his team …", {"Peter"})
    assert not topic_checks.opens_with_marker("The desire to get his team confirmed …", {"Peter"})
    assert topic_checks.contains_title("Floods close bridges In April, for example", "Floods close bridges")
    b = doc(NAMES)
    names = topic_checks.addressed_names(b)
    assert {"Seung", "Peter"} <= names
    assert topic_checks.label_has_name("Netanyahu, Seung Min", names)
    assert not topic_checks.label_has_name("hostage deal, Qatar", names)


def test_judged_shares_per_version(tmp_path: Path) -> None:
    items = [{"id": "t001", "segment": "a", "label": "x", "summary": "s"},
             {"id": "t002", "segment": "b", "label": "y", "summary": "t"}]
    (tmp_path / "items.jsonl").write_text("\n".join(json.dumps(i) for i in items) + "\n")
    key = {"items": {
        "t001": {"digest": topics_judged._digest("a", "x", "s"),
                 "stands_for": [{"version": "before"}, {"version": "after"}]},
        "t002": {"digest": topics_judged._digest("b", "y", "t"), "stands_for": [{"version": "after"}]}}}
    (tmp_path / "key.json").write_text(json.dumps(key))
    (tmp_path / "ratings.jsonl").write_text(
        json.dumps({"id": "t001", "label_rating": "poor", "summary_rating": "good"}) + "\n"
        + json.dumps({"id": "t002", "label_rating": "good", "summary_rating": "acceptable"}) + "\n")
    r = topics_judged.shares(tmp_path)
    assert r["before_label"]["poor"] == 1.0 and r["before_label"]["n"] == 1
    assert r["after_label"]["good"] == 0.5 and r["after_summary"]["acceptable"] == 0.5
    assert not r["stale"]


def test_a_byline_never_labels_its_op_ed() -> None:
    text = """Here is what lawmakers wrote this week.

**Farmers Need the Water Bill Now U.S. Congressman Harold Quimby (ZZ-07)**

The water bill would repair irrigation canals across the valley, and the irrigation canals feed the farms that
grow most of the state's almonds. Without the water bill, the irrigation canals will fail within five years.

Read full op-ed here.

**Our Ports Are Ready for Exports U.S. Senator Delia Frontenac (R-YY)**

The ports on the coast have doubled their container cranes, and port workers now load ships in half the time.
The ports need dredging so that larger ships can reach the container cranes.
"""
    b = doc(text, "roundup.md")
    for seg in segment_briefing(b):
        assert not re.search(r"Quimby|Harold|Delia|Frontenac|ZZ-07|R-YY", seg.label), seg.label


@pytest.mark.parametrize("sentence", [
    "I don’t have anything right now to share on that.",
    "This is the first I’m hearing of that.",
    "We just don’t comment on vacancies where we have not made a nomination.",
    "As a reminder, the contents of this call are embargoed until the call concludes.",
])
def test_deflections_and_procedure_are_recognised(sentence: str) -> None:
    from briefreader.core.topics.cues import DEFLECTION
    assert DEFLECTION.search(sentence)
