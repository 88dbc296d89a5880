"""Topic segmentation, labels, summaries and cross-briefing topics (core/topics/)."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from briefreader.core.ingest import load_file, parse_document
from briefreader.core.model import Briefing, TopicSegment
from briefreader.core.topics import corpus_topics, segment_briefing, stem_word
from tests.conftest import GOLD, ROUNDUPS, SEED, SHARED, corpus_sample, needs_corpus

SEED_PATH = SEED if SEED.is_file() else SHARED / "seeds" / SEED.name

BOILERPLATE = re.compile(
    r"\b(?:good (?:morning|afternoon|evening)|thank you|thanks|next question|go ahead)\b", re.IGNORECASE)


# --------------------------------------------------------------------------- helpers


def words_of(text: str) -> set[str]:
    """The words of a text, lowercased, with and without a possessive ’s."""
    out = set()
    for w in re.findall(r"\w+(?:['’-]\w+)*", text):
        out.add(w.lower())
        out.add(re.sub(r"['’]s$", "", w.lower()))
    return out


def assert_segments_valid(b: Briefing, segs: tuple[TopicSegment, ...]) -> None:
    """Every contract of a segmentation: coverage, spans, summaries, labels."""
    assert segs, b.path
    assert segs[0].first_block == 0
    assert segs[-1].last_block == len(b.blocks) - 1
    sentence_spans = {(s.start, s.end) for s in b.sentences}
    for prev, seg in zip((None,) + segs[:-1], segs, strict=True):
        if prev is not None:
            assert seg.first_block == prev.last_block + 1
        assert seg.first_block <= seg.last_block
        assert seg.start == b.blocks[seg.first_block].start
        assert seg.end == b.blocks[seg.last_block].end
        seg_text = b.text[seg.start:seg.end]
        # summary: 1–2 whole sentences of the segment, exact spans, joined by a space
        assert 1 <= len(seg.summary_spans) <= 2, seg
        parts = []
        for s, e in seg.summary_spans:
            assert seg.start <= s < e <= seg.end
            piece = b.text[s:e]
            assert piece == piece.strip()
            blk = next(i for i in range(seg.first_block, seg.last_block + 1)
                       if b.blocks[i].start <= s < b.blocks[i].end)
            assert not b.blocks[blk].is_question, piece
            # a sentence of ingest, or one with a speaker label cut off its front
            assert (s, e) in sentence_spans or any(ss < s and ee == e for ss, ee in sentence_spans), piece
            assert not piece.rstrip("”’\"') ").endswith("?"), piece
            assert not BOILERPLATE.match(piece), piece
            parts.append(piece)
        joined = " ".join(parts)
        # only the shown summary may capitalise its first letter
        assert seg.summary == joined[:1].upper() + joined[1:] and seg.summary[1:] == joined[1:]
        # label: 1–5 surface words of the segment (never a stem), no boilerplate
        label_words = re.findall(r"\w+(?:['’-]\w+)*", seg.label)
        assert 1 <= len(label_words) <= 5, seg.label
        present = words_of(seg_text)
        for w in label_words:
            assert w.lower() in present, (w, seg.label)
        assert not BOILERPLATE.search(seg.label), seg.label
        # keywords: surface words of the segment
        assert 1 <= len(seg.keywords) <= 8
        for kw in seg.keywords:
            assert kw.lower() in present, (kw, seg.keywords)


def seed_paragraph_blocks(b: Briefing) -> list[int]:
    """Block index of each gold paragraph (the seed is one paragraph per line)."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    out = []
    for start in gold["paragraph_starts"]:
        out.append(next(i for i, blk in enumerate(b.blocks) if blk.start <= start < blk.end + 1))
    return out


# --------------------------------------------------------------------------- the seed


@pytest.fixture(scope="module")
def seed() -> tuple[Briefing, tuple[TopicSegment, ...]]:
    b = load_file(SEED_PATH)
    return b, segment_briefing(b)


def test_seed_segments_are_valid(seed: tuple[Briefing, tuple[TopicSegment, ...]]) -> None:
    b, segs = seed
    assert_segments_valid(b, segs)


def test_seed_boundaries_match_gold(seed: tuple[Briefing, tuple[TopicSegment, ...]]) -> None:
    b, segs = seed
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["topics"]
    para = seed_paragraph_blocks(b)
    starts = {s.first_block for s in segs}
    assert gold["required_boundaries"] and gold["forbidden_boundaries"]
    for p in gold["required_boundaries"]:
        assert para[p] in starts, f"no topic starts at paragraph {p}"
    for p in gold["forbidden_boundaries"]:
        assert para[p] not in starts, f"a topic starts at paragraph {p}"


@pytest.mark.parametrize("paragraph, expected", [
    (0, ["ceasefire"]),
    (5, ["arms control", "strategic stability"]),
    (7, ["security guarantees"]),
    (8, ["Dmitriev"]),
    (9, ["tariff", "trade"]),
    (12, ["Iran"]),
])
def test_seed_labels_name_the_subject(seed: tuple[Briefing, tuple[TopicSegment, ...]], paragraph: int,
                                      expected: list[str]) -> None:
    b, segs = seed
    block = seed_paragraph_blocks(b)[paragraph]
    seg = next(s for s in segs if s.first_block == block)
    assert any(e.lower() in seg.label.lower() for e in expected), seg.label
    assert 2 <= len(seg.label.split()) <= 5, seg.label


def test_seed_labels_and_keywords_are_surface_words(seed: tuple[Briefing, tuple[TopicSegment, ...]]) -> None:
    b, segs = seed
    for seg in segs:
        text_words = words_of(b.text[seg.start:seg.end])
        for w in re.findall(r"[\w’'-]+", seg.label) + list(seg.keywords):
            assert w.lower() in text_words, w
    label_words = {w for s in segs for w in re.findall(r"[\w’'-]+", s.label.lower())}
    assert not label_words & {"energi", "secur", "guarante", "stabil", "econom", "ceasefir", "tariff"}


def test_seed_summaries_are_whole_sentences(seed: tuple[Briefing, tuple[TopicSegment, ...]]) -> None:
    b, segs = seed
    sentences = {(s.start, s.end) for s in b.sentences}
    assert sum(len(seg.summary_spans) for seg in segs) >= len(segs) > 3
    for seg in segs:
        for s, e in seg.summary_spans:
            assert (s, e) in sentences
            assert b.text[s:e][-1] in ".!?”\"’"


def test_seed_summary_of_a_cued_topic_is_its_lead(seed: tuple[Briefing, tuple[TopicSegment, ...]]) -> None:
    b, segs = seed
    block = seed_paragraph_blocks(b)[12]
    seg = next(s for s in segs if s.first_block == block)
    assert seg.summary.startswith("Finally, Peskov addressed the Iran nuclear deal")


# --------------------------------------------------------------------------- small briefings


def unwrap(text: str) -> str:
    """Test texts are hard-wrapped for reading; a paragraph is one line here."""
    return "\n\n".join(" ".join(p.split()) for p in text.split("\n\n"))


def transcript(text: str) -> Briefing:
    return parse_document(text, "text", name="t.txt", doc_id="t.txt")


OPENING = """MS. PSAKI: Good afternoon, everyone. I have two items for you at the top.

Tomorrow, the President will travel to Pittsburgh to promote his infrastructure plan, which would
rebuild roads, bridges and rail lines across the country and create millions of union jobs in
construction.

The infrastructure plan also invests in broadband for rural communities, so that every family can
get high-speed internet at an affordable price, and in the power grid.

Also, today the Treasury Department announced new sanctions on Russian officials responsible for the
poisoning of the opposition leader, freezing their assets in the United States.

These sanctions are coordinated with the European Union and the United Kingdom, and we expect allies
to follow with measures of their own against the officials.

With that, go ahead, Peter.

Q Thanks, Jen. On the sanctions, will the President raise the poisoning with President Putin
directly when they speak?

MS. PSAKI: The President has been clear that the sanctions on the officials are a response to the
poisoning, and he will raise it when the two leaders speak.

Q And just to follow up — are more sanctions coming against Russian officials?

MS. PSAKI: We are not going to get ahead of the Treasury Department on sanctions, but we keep every
option on the table.

Q Switching topics. The vaccine rollout: how many doses will be shipped to states next week?

MS. PSAKI: Next week we will ship 15 million doses of vaccine to states, up from 13 million doses
this week, and pharmacies will get another million doses.

Q Thank you.
"""


def test_transcript_opening_statement_splits_per_announcement() -> None:
    b = transcript(unwrap(OPENING))
    assert b.format == "transcript"
    segs = segment_briefing(b)
    assert_segments_valid(b, segs)
    starts = [b.blocks[s.first_block].text for s in segs]
    assert any(t.startswith("Also, today the Treasury") for t in starts), starts
    # the question on the sanctions follows the announcement of the sanctions
    assert not any(t.startswith("Q Thanks, Jen. On the sanctions") for t in starts), starts
    assert not any(t.startswith("Q And just to follow up") for t in starts), starts
    assert any(t.startswith("Q Switching topics") for t in starts), starts
    labels = " | ".join(s.label for s in segs).lower()
    assert "peter" not in labels and "jen" not in labels and "psaki" not in labels
    assert "infrastructure" in segs[0].label.lower() or "pittsburgh" in segs[0].label.lower()
    assert "sanction" in segs[1].label.lower() or "poisoning" in segs[1].label.lower()
    assert "vaccine" in segs[-1].label.lower() or "doses" in segs[-1].label.lower()
    # the last "Thank you." stays in the last topic and is never a summary
    assert segs[-1].last_block == len(b.blocks) - 1
    assert "Thank you" not in segs[-1].summary


def test_no_question_or_greeting_is_a_summary() -> None:
    b = transcript(unwrap(OPENING))
    segs = segment_briefing(b)
    assert any(seg.summary_spans for seg in segs)
    for seg in segs:
        for s, e in seg.summary_spans:
            blk = next(x for x in b.blocks if x.start <= s < x.end)
            assert not blk.is_question
            assert not b.text[s:e].endswith("?")


REPORT = """Kremlin spokesman Dmitry Peskov said on Monday that talks with Washington on the grain deal are
continuing, and that the Black Sea shipping corridor is still open for Ukrainian grain.

He said the corridor would stay open as long as the guarantees for Russian fertiliser exports were
honoured by the other parties to the grain deal.

Regarding the energy prices in Europe, Peskov said that the gas supplies through the pipeline depend
on the turbines that are under repair in Canada.

“The turbines must come back, and then the gas will flow again,” he said, adding that energy prices
were rising across Europe.

As for the upcoming summit in Tehran, the spokesman said President Putin would meet the Iranian and
Turkish presidents to discuss Syria.
"""


def test_report_cues_open_subjects_and_quotes_continue_them() -> None:
    b = parse_document(unwrap(REPORT), "text", name="r.txt", doc_id="r.txt")
    segs = segment_briefing(b)
    assert_segments_valid(b, segs)
    starts = [s.first_block for s in segs]
    assert starts == [0, 2, 4], [(s.first_block, s.label) for s in segs]
    assert "energy" in segs[1].label.lower()  # the surface word, not the stem "energi"
    assert "summit" in segs[2].label.lower() or "tehran" in segs[2].label.lower()


def test_markdown_headings_are_boundaries() -> None:
    md = """# Daily roundup

## Ukraine

The Secretary spoke about the grain corridor and the security of the ports on the Black Sea.

The grain corridor will stay open, the Secretary said, and the ports are being protected.

## Budget

The budget negotiations in Congress continue, and the appropriations bills must pass by Friday.

The budget talks include disaster aid and funding for the appropriations of the agencies.
"""
    b = parse_document(md, "markdown", name="r.md", doc_id="r.md")
    segs = segment_briefing(b)
    assert_segments_valid(b, segs)
    heads = [b.blocks[s.first_block].text for s in segs]
    assert "Budget" in heads
    budget = next(s for s in segs if b.blocks[s.first_block].text == "Budget")
    assert "budget" in budget.label.lower() or "appropriations" in budget.label.lower()


def test_empty_briefing_has_no_segments() -> None:
    b = parse_document("", "text", name="e.txt", doc_id="e.txt")
    assert segment_briefing(b) == ()


# --------------------------------------------------------------------------- the corpus


@needs_corpus
@pytest.mark.parametrize("path", corpus_sample(60), ids=lambda p: p.name[:50])
def test_corpus_segments_are_valid(path: Path) -> None:
    b = load_file(path)
    segs = segment_briefing(b)
    assert_segments_valid(b, segs)
    names = {w.lower() for lab in b.speakers for w in re.findall(r"[^\W\d_]+", lab)}
    names.discard("q")
    assert segs
    for seg in segs:
        label_words = {w.lower() for w in re.findall(r"[^\W\d_]+", seg.label)}
        assert not label_words & names, (seg.label, names)


@needs_corpus
def test_corpus_transcript_questions_open_topics() -> None:
    """In a question-and-answer briefing most topics open at a reporter's question."""
    path = next(p for p in corpus_sample(7) if "press-briefing-by-press-secretary" in p.name)
    b = load_file(path)
    segs = segment_briefing(b)
    assert b.format == "transcript"
    assert len(segs) >= 5
    qa = [s for s in segs if any(b.blocks[i].is_question for i in range(s.first_block, s.last_block + 1))]
    opened_by_q = [s for s in qa if b.blocks[s.first_block].is_question]
    assert len(opened_by_q) >= len(qa) // 2


@needs_corpus
def test_roundup_sections_follow_bold_headers() -> None:
    path = ROUNDUPS / "2025-02-23-sunday-shows-most-transparent-administration-in-history.md"
    b = load_file(path)
    segs = segment_briefing(b)
    assert_segments_valid(b, segs)
    heads = [b.blocks[s.first_block].text for s in segs]
    assert any(h.startswith("Special Envoy Steve Witkoff on State of the Union") for h in heads)
    assert not any(h.startswith("Here’s what you missed") for h in heads)


@needs_corpus
def test_segmenting_is_fast() -> None:
    """The budget is Whoosh's indexing time of the same text (~15 ms per 40 KB);
    measured in CPU time, not wall time, so a loaded machine does not fail it; this
    only guards against a gross regression on a shared machine."""
    files = corpus_sample(40)
    briefings = [load_file(p) for p in files]
    size = sum(len(b.text) for b in briefings)
    t = time.process_time()
    for b in briefings:
        segment_briefing(b)
    per_40k = (time.process_time() - t) / (size / 40_000)
    assert per_40k < 0.200, f"{per_40k * 1000:.1f} ms per 40 KB"


# --------------------------------------------------------------------------- corpus topics


def seg(label: str, keywords: tuple[str, ...], summary: str) -> TopicSegment:
    return TopicSegment(0, 10, label, keywords, summary, ((0, 10),), 0, 0)


def test_corpus_topics_groups_a_subject_across_briefings_in_date_order() -> None:
    tariffs = [seg("steel tariffs", ("tariffs", "steel", "aluminum", "imports", "duties"),
                   "The President imposed tariffs on steel and aluminum imports.") for _ in range(3)]
    other = [seg("hurricane recovery", ("hurricane", "FEMA", "recovery", "Florida", "aid"),
                 "FEMA is leading the hurricane recovery in Florida."),
             seg("student debt relief", ("borrowers", "student", "debt", "relief", "loans"),
                 "Borrowers will see their student debt relief restored."),
             seg("Gaza ceasefire talks", ("Gaza", "ceasefire", "hostages", "Cairo", "talks"),
                 "Talks on a Gaza ceasefire continue in Cairo.")]
    items = [
        ("c", "2025-03-01", [other[0], tariffs[2]]),
        ("a", "2025-01-01", [tariffs[0], other[1]]),
        ("b", "2025-02-01", [other[2], tariffs[1]]),
    ]
    topics = corpus_topics(items)
    tariff = next(t for t in topics if "tariff" in t.label.lower())
    assert tariff.members == (("a", 0), ("b", 1), ("c", 1))
    assert "tariffs" in tariff.keywords or "steel" in tariff.keywords
    assert corpus_topics(items, query="tariff")[0].members == tariff.members
    assert corpus_topics(items, query="tariffs steel")
    assert corpus_topics(items, query="hurricane") == []  # only one briefing speaks of it
    assert corpus_topics([], query="x") == []


@needs_corpus
def test_corpus_topics_on_real_segments() -> None:
    files = corpus_sample(25)
    items = []
    for p in files:
        b = load_file(p)
        items.append((b.id, b.date, segment_briefing(b)))
    total = sum(len(s) for _, _, s in items)
    t = time.perf_counter()
    topics = corpus_topics(items, limit=30)
    dt = time.perf_counter() - t
    assert dt < 0.5 + total / 15_000 * 3, dt
    assert topics
    dates = {doc: date or "" for doc, date, _ in items}
    segments = {doc: segs for doc, _, segs in items}
    for topic in topics:
        docs = [d for d, _ in topic.members]
        assert len(set(docs)) >= 2
        order = [dates[d] for d in docs]
        assert order == sorted(order)
        assert topic.label and topic.keywords
        for d, i in topic.members:
            assert 0 <= i < len(segments[d])
    q = corpus_topics(items, query="vaccines")
    for topic in q:
        stems = set()
        for d, i in topic.members:
            s = segments[d][i]
            stems.update(stem_word(w.lower()) for w in re.findall(r"[^\W\d_]+", " ".join(
                (s.label, s.summary, *s.keywords))))
        head = " ".join((topic.label,) + topic.keywords)
        stems.update(stem_word(w.lower()) for w in re.findall(r"[^\W\d_]+", head))
        assert "vaccin" in stems


# --------------------------------------------------------------------------- evaluation


def test_eval_meets_targets() -> None:
    from briefreader.eval.common import EVAL_DIR
    from briefreader.eval.topics import evaluate

    if not list((EVAL_DIR / "topics").glob("*.json")):
        pytest.skip("no hand-labelled topic sets")
    result = evaluate()
    mean = result["mean"]
    assert isinstance(mean, dict)
    assert mean["pk"] <= 0.20, mean
    assert result["gain_over_baseline"] >= 0.30, result["gain_over_baseline"]


def test_eval_metrics_on_known_cases() -> None:
    from briefreader.eval.topics import pk, window_diff

    assert pk([0, 5], [0, 5], 10, 2) == 0.0
    assert window_diff([0, 5], [0, 5], 10, 2) == 0.0
    assert pk([0, 5], [0], 10, 2) > 0
    assert window_diff([0, 5], [0, 4, 5], 10, 2) > 0


def test_topic_headings_name_their_segments() -> None:
    """A briefing whose subjects are headed ("Gaza", "Sudan"): the headings are the
    labels; a heading naming a part of the briefing ("Questions and Answers") is not."""
    from tests.test_ingest import FORMATS

    b = load_file(FORMATS / "2024-02-05-un-noon-briefing.md", doc_id="un")
    segs = segment_briefing(b)
    labels = {b.text[s.start:s.end].split("\n")[0]: s.label for s in segs}
    assert labels["Gaza"] == "Gaza" and labels["Sudan"] == "Sudan"
    assert labels["Questions and Answers"] != "Questions and Answers"


def test_label_keeps_the_capitals_of_a_name() -> None:
    from briefreader.core.topics.label import fix_case

    forms = {"world": "world", "food": "food", "programm": "Programme"}
    assert fix_case(["Food", "Programme"], ["food", "programm"], forms) == ["Food", "Programme"]
    assert fix_case(["Food", "prices"], ["food", "price"], forms) == ["food", "prices"]


def test_reporters_introducing_themselves_and_qualifiers_never_label_a_topic() -> None:
    src = ("MS. TANDEN: Good afternoon. Today we open applications for student loan relief. Borrowers "
           "can apply online in ten minutes, and the student loan relief reaches most borrowers.\n\n"
           "Q Hi, this is Katie Lobosco at CNN. Is there a deadline for student loan relief applications? "
           "Katie Lobosco would like to know if the deadline is fair to borrowers.\n\n"
           "MS. TANDEN: The deadline for student loan relief applications is the end of the year. It is fair.\n\n"
           "Q Thanks. Orion Donovan Smith with the Spokesman-Review. On wildfire smoke in Spokane, is FEMA "
           "sending help? Orion Donovan Smith asks because wildfire smoke is heavy.\n\n"
           "MS. TANDEN: FEMA is sending air filters for the wildfire smoke to Spokane schools.\n")
    b = parse_document(src, "text", name="2023-10-01-call.txt")
    labels = " ".join(s.label for s in segment_briefing(b)).lower()
    for word in ("katie", "lobosco", "orion", "smith", "fair"):
        assert word not in labels.split() and word not in labels.replace(",", " ").split(), (word, labels)
    assert "student loan" in labels and "wildfire smoke" in labels, labels


@pytest.mark.parametrize(("sentence", "names"), [
    ("Hi. This is Bo Erickson.", {"Bo Erickson"}),
    ("Hey, it’s Michael Stratford from Politico.", {"Michael Stratford", "Politico"}),
    ("Hi. Orion Donovan Smith with the Spokesman-Review.", {"Orion Donovan Smith", "Spokesman-Review"}),
    ("Thank you. Bo Erickson here with CBS.", {"Bo Erickson", "CBS"}),
    ("Is the Supreme Court ruling with the administration?", set()),
    ("Thank you. On Gaza, Israel at the United Nations said this?", set()),
])
def test_a_reporters_self_introduction_gives_names(sentence: str, names: set[str]) -> None:
    from briefreader.core.topics.cues import SELF_INTRO

    got = {g for m in SELF_INTRO.finditer(sentence) for g in m.groups() if g}
    assert got == names


def test_qualifiers_are_not_subjects() -> None:
    from briefreader.core.topics.keyterms import not_a_subject

    assert all(not_a_subject(w) for w in ("fair", "optimistic", "incredible", "valuable", "dangerous"))
    nouns = ("economy", "tariffs", "Fair", "border", "vaccine", "executive", "initiative")
    assert not any(not_a_subject(w) for w in nouns)
