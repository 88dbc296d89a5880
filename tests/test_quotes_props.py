"""Property tests: quote extraction never fails and keeps every offset exact, on
random paragraphs full of quotation marks, apostrophes, names and cue words."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefreader.core.model import REPORTER, Block, Briefing, Sentence
from briefreader.core.quotes import extract_quotes, speaker_matches
from tests.helpers import plain_briefing

MARKS = ["“", "”", '"', "‘", "’", "«", "»", "„", "‹", "›", "‚", "'"]
WORDS = ["he", "she", "said", "says", "told", "added", "noting", "saying", "according to",
         "the", "Kremlin", "spokesman", "Dmitry", "Peskov", "Mr.", "Ms.", "President",
         "Biden", "Russia’s", "don’t", "’90s", "on", "Monday", "Moscow", "called", "as",
         "described", "quote", "End", "Q", "U.S.", "a", "an", "of", "We", "will", "I",
         "you", "—", ":", ",", ".", "?", "!", "(R-TX)", "Sen.", "Ted", "Cruz", "On",
         "tariffs", "Secretary", "of", "the", "Treasury", "Scott", "Bessent", "…", "-",
         "and", "that", "The", "word", "so-called", "[", "]", "\n"]

token = st.one_of(st.sampled_from(WORDS), st.sampled_from(MARKS),
                  st.text(alphabet="abcXYZ’'“”\" .,", min_size=1, max_size=4))
paragraph = st.lists(token, min_size=0, max_size=40).map(
    lambda toks: "".join(t if t in MARKS else t + " " for t in toks).strip())
kinds = st.sampled_from(["paragraph", "list_item", "heading", "turn", "stage",
                         "quote_block"])


@st.composite
def briefings(draw: st.DrawFn) -> Briefing:
    paras = draw(st.lists(st.tuples(paragraph, kinds, st.booleans()), min_size=0,
                          max_size=8))
    parts: list[str] = []
    blocks: list[Block] = []
    sentences: list[Sentence] = []
    pos = 0
    turn = -1
    for text, kind, labelled in paras:
        if kind == "turn":
            if labelled or turn < 0:
                turn += 1
                label = draw(st.sampled_from(["MS. PSAKI", "Q", "THE PRESIDENT", "MR. X"]))
                speaker = {"Q": REPORTER, "MS. PSAKI": "Jen Psaki",
                           "THE PRESIDENT": "The President", "MR. X": "X"}[label]
                line = f"{label}: {text}"
                blocks.append(Block("turn", pos, pos + len(line), line, 0, label, speaker,
                                    turn, pos, pos + len(label), pos + len(label) + 2))
            else:
                line = text
                prev = blocks[-1] if blocks and blocks[-1].kind == "turn" else None
                speaker = prev.speaker if prev else "Jen Psaki"
                label = prev.speaker_label if prev else "MS. PSAKI"
                blocks.append(Block("turn", pos, pos + len(line), line, 0, label, speaker,
                                    turn, -1, -1, pos))
            # sentences: random cuts inside the block, sometimes none at all
            if draw(st.booleans()) and line:
                cuts = sorted(set(draw(st.lists(st.integers(0, len(line)), max_size=4))))
                edges = [0, *cuts, len(line)]
                for a, b in zip(edges, edges[1:], strict=False):
                    if b > a:
                        sentences.append(Sentence(pos + a, pos + b, line[a:b],
                                                  len(blocks) - 1))
        else:
            line = text
            blocks.append(Block(kind, pos, pos + len(line), line,  # type: ignore[arg-type]
                                1 if kind == "heading" else 0))
        parts.append(line)
        pos += len(line) + 2
    full = "\n\n".join(parts)
    fmt = "transcript" if any(b.kind == "turn" for b in blocks) else "report"
    title = draw(st.sampled_from(["t", "Remarks by President Biden", ""]))
    speakers = {b.speaker_label: b.speaker for b in blocks
                if b.speaker_label and b.speaker}
    return Briefing("doc", "doc.md", title, None, fmt, full,  # type: ignore[arg-type]
                    tuple(blocks), tuple(sentences), speakers=speakers)


def _check(b: Briefing) -> None:
    quotes = extract_quotes(b)
    last = (-1, -1)
    for q in quotes:
        assert 0 <= q.start < q.end <= len(b.text)
        assert b.text[q.start:q.end] == q.text
        assert q.spans == ((q.start, q.end),)
        assert q.kind in ("direct", "partial", "indirect", "turn")
        assert (q.start, q.end) >= last
        last = (q.start, q.end)
        assert q.speaker is None or q.speaker.strip()
        if q.kind == "turn":
            assert q.speaker is not None
            assert q.is_question == (q.speaker == REPORTER)
        if q.speaker:
            assert isinstance(speaker_matches(q.speaker, q.speaker), bool)


@settings(max_examples=200, deadline=None)
@given(briefings())
def test_random_briefings_keep_offsets_exact(b: Briefing) -> None:
    _check(b)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(MARKS + list("ab ,.:\n—Hhe said")), max_size=200))
def test_random_mark_soup_without_blocks(text: str) -> None:
    # no blocks at all: the extractor falls back to one block per line
    _check(plain_briefing(text, path="doc.txt"))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60), st.one_of(st.none(), st.text(max_size=40)))
def test_speaker_matches_never_fails(query: str, speaker: str | None) -> None:
    assert speaker_matches(query, speaker) in (True, False)
