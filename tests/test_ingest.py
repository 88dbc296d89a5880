"""Ingest of real briefings: canonical text, blocks, turns, metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefreader.core.ingest import load_file, parse_document
from briefreader.core.model import Briefing
from tests.conftest import CORPUS, ROUNDUPS, SEED, SEEDS, corpus_sample, needs_corpus


def assert_invariant(b: Briefing) -> None:
    assert b.blocks, b.path
    last = -1
    for blk in b.blocks:
        assert b.text[blk.start:blk.end] == blk.text
        assert blk.start > last
        last = blk.end
        if blk.label_start >= 0:
            assert blk.start <= blk.label_start < blk.label_end <= blk.content_start <= blk.end
    for s in b.sentences:
        assert b.text[s.start:s.end] == s.text
        blk = b.blocks[s.block]
        assert blk.start <= s.start < s.end <= blk.end
        assert s.text == s.text.strip() and s.text


def seed_files() -> list[Path]:
    return sorted(p for p in SEEDS.iterdir() if p.suffix in (".txt", ".md"))


@pytest.mark.parametrize("path", seed_files(), ids=lambda p: p.name[:40])
def test_invariant_on_every_seed(path: Path) -> None:
    assert_invariant(load_file(path))


@needs_corpus
def test_invariant_on_corpus_sample() -> None:
    files = corpus_sample(25) + sorted(ROUNDUPS.glob("*.md"))
    assert len(files) >= 45
    for path in files:
        assert_invariant(load_file(path))


def test_plain_text_canonical_text_is_the_file() -> None:
    b = load_file(SEED)
    assert b.text == SEED.read_text(encoding="utf-8")
    # one paragraph per line: the gold paragraph starts
    assert [blk.start for blk in b.blocks] == [0, 178, 371, 510, 723, 872, 1017, 1299, 1530,
                                              1807, 2003, 2145, 2431, 2573]
    assert b.format == "report"


def test_seed_metadata_comes_from_its_sidecar() -> None:
    b = load_file(SEED)
    assert b.date == "2025-04-04"
    assert "ceasefire" in b.title.lower()
    assert "kremlin" in b.tags


def test_crlf_and_cr_become_newlines_and_nothing_else() -> None:
    b = parse_document("A line.\r\nSecond  line.\rThird.", "text", name="x.txt")
    assert b.text == "A line.\nSecond  line.\nThird."


@needs_corpus
def test_markdown_front_matter_and_hard_wraps() -> None:
    b = load_file(CORPUS / "2021-01/2021-01-20-press-briefing-by-press-secretary-jen-psaki-january-20-2021.md")
    assert b.title == "Press Briefing by Press Secretary Jen Psaki, January 20, 2021"
    assert b.date == "2021-01-20"
    assert b.source_url and b.source_url.startswith("https://bidenwhitehouse.archives.gov/")
    assert b.format == "transcript"
    assert not b.text.startswith("---")
    # hard-wrapped lines are joined into one paragraph of reading text
    para = next(blk for blk in b.blocks if blk.text.startswith("When the President asked me"))
    assert "\n" not in para.text and "the importance of bringing truth" in para.text
    assert "  " not in para.text


def test_markdown_block_kinds_and_source_lines() -> None:
    src = "---\ntitle: T\ndate: 2024-05-06\n---\n# Head\n\nPara one\nwrapped.\n\n- item one\n- item two\n\n> quoted\n"
    b = parse_document(src, "markdown", name="a.md")
    kinds = [(blk.kind, blk.text) for blk in b.blocks]
    assert kinds == [("heading", "Head"), ("paragraph", "Para one wrapped."),
                     ("list_item", "item one"), ("list_item", "item two"), ("quote_block", "quoted")]
    assert b.text == "Head\n\nPara one wrapped.\n\nitem one\n\nitem two\n\nquoted"
    assert b.blocks[0].line == 4 and b.blocks[1].line == 6
    assert b.title == "T" and b.date == "2024-05-06"


def test_html_strips_scripts_and_markup() -> None:
    src = ("<html><head><title>Briefing X</title><script>var a = 'no';</script>"
           "<style>p{}</style></head><body><h1>Daily briefing</h1><p>MR. PRICE: Good <b>afternoon</b>.</p>"
           "<p>Q: What about Iran?</p><p>MR. PRICE: We said “no” &amp; meant it.</p><ul><li>one</li></ul>"
           "<p>MR. PRICE: Thanks.</body>")
    b = parse_document(src, "html", name="x.html")
    assert "var a" not in b.text and "p{}" not in b.text
    assert b.title == "Daily briefing"  # the page's <h1> comes before its <title>
    assert "We said “no” & meant it." in b.text
    turns = [blk for blk in b.blocks if blk.label_start >= 0]
    assert [t.speaker_label for t in turns] == ["MR. PRICE", "Q", "MR. PRICE", "MR. PRICE"]
    assert turns[1].speaker == "Reporter"


def test_date_and_title_fall_back_to_file_name_then_text() -> None:
    b = parse_document("Some text.", "text", name="2023-02-01-press-briefing-by-someone.txt")
    assert b.date == "2023-02-01" and b.title == "Press briefing by someone"
    b = parse_document("Moscow, April 4, 2025. The Kremlin said...", "text", name="abc123.txt")
    assert b.date == "2025-04-04"
    b = parse_document("Peskov spoke on 4 April 2025 in Moscow.", "text", name="0a1b2c3d.txt")
    assert b.date == "2025-04-04" and b.title.startswith("Peskov spoke")


def test_kremlin_style_plain_text_transcript() -> None:
    src = ("Press briefing by Dmitry Peskov\n\nQuestion: Will Putin call Trump?\n\n"
           "Dmitry Peskov: No contacts are planned.\n\nQuestion: And Iran?\n\n"
           "Dmitry Peskov: All sides must show restraint. (Laughter.)\n\nVladimir Putin: Thank you.\n")
    b = parse_document(src, "text", name="kremlin.txt")
    assert b.format == "transcript"
    turns = [(blk.speaker, b.text[blk.content_start:blk.end]) for blk in b.blocks if blk.label_start >= 0]
    assert turns == [("Reporter", "Will Putin call Trump?"), ("Dmitry Peskov", "No contacts are planned."),
                     ("Reporter", "And Iran?"),
                     ("Dmitry Peskov", "All sides must show restraint. (Laughter.)"),
                     ("Vladimir Putin", "Thank you.")]


def test_foreign_ministry_style_outlets_ask_the_questions() -> None:
    """Foreign ministries label each question with the news organisation asking it, most
    of them once ("Reuters:"); those turns are questions, the spokesperson's are answers."""
    src = ("Foreign Ministry Spokesperson Mao Ning's Regular Press Conference on June 1, 2023\n\n"
           "AFP: The US Defense Secretary said China had declined a meeting. Any comment?\n\n"
           "Mao Ning: China has always been open to communication.\n\n"
           "Reuters: A follow-up question. Will China send a delegation?\n\n"
           "Mao Ning: I have no information to offer on that.\n\n"
           "Global Times: How will China respond to the new export controls?\n\n"
           "Mao Ning: We firmly oppose the politicization of trade.\n")
    b = parse_document(src, "text", name="2023-06-01-mfa.txt")
    assert b.title.startswith("Foreign Ministry Spokesperson Mao Ning's Regular Press Conference")
    turns = [(blk.speaker_label, blk.speaker) for blk in b.blocks if blk.label_start >= 0]
    assert turns == [("AFP", "Reporter"), ("Mao Ning", "Mao Ning"), ("Reuters", "Reporter"),
                     ("Mao Ning", "Mao Ning"), ("Global Times", "Reporter"), ("Mao Ning", "Mao Ning")]


def test_reporters_named_once_in_a_kremlin_transcript_are_questioners_turns() -> None:
    src = ("Vladimir Putin: Good afternoon, colleagues.\n\n"
           "Pavel Zarubin: Mr President, will there be a meeting this year?\n\n"
           "Vladimir Putin: It is possible.\n\n"
           "Alexander Yunashev: And what about the economy?\n\n"
           "Vladimir Putin: Growth is steady. Regarding prices: we watch them.\n")
    b = parse_document(src, "text", name="kremlin-news-conference.txt")
    labels = [blk.speaker_label for blk in b.blocks if blk.label_start >= 0]
    assert labels == ["Vladimir Putin", "Pavel Zarubin", "Vladimir Putin", "Alexander Yunashev",
                      "Vladimir Putin"]
    # a label used once that asks nothing stays text ("Regarding prices:" is inside a turn)
    assert sum(blk.label_start >= 0 for blk in b.blocks) == 5


def test_title_is_the_documents_own_first_line_before_the_file_name() -> None:
    src = ("THE WHITE HOUSE\n\nOffice of the Press Secretary\n\nFor Immediate Release   January 5, 2012\n\n"
           "PRESS BRIEFING BY PRESS SECRETARY JAY CARNEY\n\nMR. CARNEY: Good afternoon.\n\nQ Thanks, Jay.\n\n"
           "MR. CARNEY: Sure.\n")
    b = parse_document(src, "text", name="2012-01-05-carney.txt")
    assert b.title == "PRESS BRIEFING BY PRESS SECRETARY JAY CARNEY"
    b = parse_document("Department Press Briefing – March 12, 2024\n\nMR MILLER: Hello.\n\nQUESTION: Hi?\n\n"
                       "MR MILLER: Bye.\n", "text", name="2024-03-12-dpb.txt")
    assert b.title == "Department Press Briefing – March 12, 2024"
    # prose first: the file name, as before
    b = parse_document("MOSCOW, Jan 15 (Reuters) - The Kremlin said on Wednesday that no talks had been "
                       "scheduled.\n", "text", name="2025-01-15-kremlin-says-no-talks.txt")
    assert b.title == "Kremlin says no talks"


def test_acronym_labels_keep_their_capitals() -> None:
    src = "CNN: Is it true?\n\nMS. PSAKI: Yes.\n\nCNN: Why?\n\nMS. PSAKI: Because.\n"
    b = parse_document(src, "text", name="t.txt")
    assert [blk.speaker for blk in b.blocks if blk.label_start >= 0][:2] == ["Reporter", "Psaki"]
    src = "NSC SPOKESPERSON: Hello.\n\nQ Is it true?\n\nNSC SPOKESPERSON: Yes.\n"
    b = parse_document(src, "text", name="t.txt")
    assert b.blocks[0].speaker == "NSC Spokesperson"
    # acronyms with vowels come from the list of office acronyms
    src = "FBI OFFICIAL: Hello.\n\nQ Is it true?\n\nDOD OFFICIAL: Yes.\n\nSENIOR OFFICIAL: No.\n"
    b = parse_document(src, "text", name="t.txt")
    assert [blk.speaker for blk in b.blocks if blk.label_start >= 0 and blk.speaker != "Reporter"] == [
        "FBI Official", "DOD Official", "Senior Official"]


FORMATS = Path(__file__).parent / "data" / "formats"


def test_html_bold_labels_make_a_transcript_and_a_long_label_is_its_short_name() -> None:
    b = load_file(FORMATS / "2024-06-14-kremlin-meeting.html", doc_id="k")
    assert b.title == "Meeting with Foreign Ministry leadership"  # not "… • President of Russia"
    assert b.format == "transcript"
    turns = [(blk.speaker, b.text[blk.content_start:blk.end][:20]) for blk in b.blocks if blk.label_start >= 0]
    assert turns == [("Vladimir Putin", "Good afternoon, coll"), ("Sergei Lavrov", "Mr President, the Mi"),
                     ("Vladimir Putin", "Thank you. Let us be")]


def test_markdown_bold_question_labels_and_topic_headings() -> None:
    b = load_file(FORMATS / "2024-02-05-un-noon-briefing.md", doc_id="un")
    turns = [(blk.speaker_label, blk.speaker) for blk in b.blocks if blk.label_start >= 0]
    assert turns == [("Question", "Reporter"), ("Spokesman", "Stéphane Dujarric")] * 2  # introduced so
    assert [blk.text for blk in b.blocks if blk.kind == "heading"][1:] == ["Gaza", "Sudan", "Questions and Answers"]


@pytest.mark.parametrize(("title", "h1", "want"), [
    ("Readout of the call | The White House", "", "Readout of the call"),
    ("Department Press Briefing - March 12, 2024 - United States Department of State", "",
     "Department Press Briefing - March 12, 2024"),
    ("Department Press Briefing – March 12, 2024", "", "Department Press Briefing – March 12, 2024"),
    ("Q&A - Why?", "", "Q&A - Why?"),
    ("Meeting with the Government • President of Russia", "Meeting with the Government",
     "Meeting with the Government"),
    ("Briefing on Iran | The White House", "The White House", "Briefing on Iran"),  # the logo's <h1>
    ("Readout  of\n the   call | The White House", "", "Readout of the call"),
])
def test_html_page_title_drops_the_site_name(title: str, h1: str, want: str) -> None:
    from briefreader.core.ingest.html import page_title

    assert page_title(title, h1) == want


@pytest.mark.parametrize(("src", "want"), [
    # the label on a line of its own
    ("MR. KIRBY:\n\nGood afternoon.\n\nQ:\n\nOn Israel?\n\nMR. KIRBY:\n\nWe support them.\n",
     ["Kirby", "Reporter", "Kirby"]),
    # a transcription service's numbered speakers and time stamps
    ("Jen Psaki: (00:01)\nGood afternoon.\n\nSpeaker 2: (00:15)\nJen, on Ukraine?\n\n"
     "Jen Psaki: (00:20)\nWe are watching.\n", ["Jen Psaki", "Speaker 2", "Jen Psaki"]),
    # time stamps before the labels
    ("[00:00:01] MR. KIRBY: Good afternoon.\n\n[00:00:10] Q: On Israel?\n\n[00:00:15] MR. KIRBY: We support them.\n",
     ["Kirby", "Reporter", "Kirby"]),
    ("5:19 P.M. EDT MODERATOR: Thanks for joining.\n\nQ: On Israel?\n\nMODERATOR: Next question.\n",
     ["Moderator", "Reporter", "Moderator"]),
    # a name label alone on its line, the words in the next paragraph
    ("Vladimir Putin:\nGood afternoon.\n\nQuestion:\nWill there be talks?\n\nVladimir Putin:\nWe will see.\n",
     ["Vladimir Putin", "Reporter", "Vladimir Putin"]),
    # an initial and a surname, the full name given in the introduction
    ("Dmitry Peskov answered questions.\n\nD.Peskov: Good afternoon.\n\nQuestion: Talks?\n\nD.Peskov: No.\n",
     ["Dmitry Peskov", "Reporter", "Dmitry Peskov"]),
])
def test_other_label_layouts(src: str, want: list[str]) -> None:
    b = parse_document(src, "text", name="t.txt")
    assert b.format == "transcript"
    assert [blk.speaker for blk in b.blocks if blk.label_start >= 0] == want
    for blk in b.blocks:
        assert "(00:" not in b.text[blk.content_start:blk.end]  # time stamps are not words said


def test_bold_lead_ins_of_a_digest_or_advisory_are_not_speakers() -> None:
    digest = ("# Morning digest\n\n**Ukraine:** Officials said talks continue.\n\n**Gaza:** Aid trucks crossed.\n\n"
              "**Sudan:** Fighting went on.\n\nMore updates follow tomorrow.\n")
    advisory = "**Who:** The Secretary\n\n**When:** 10 a.m.\n\n**Where:** The briefing room\n"
    for src in (digest, advisory):
        b = parse_document(src, "markdown", name="d.md")
        assert b.format != "transcript" and not any(blk.kind == "turn" for blk in b.blocks)


def test_a_date_line_is_not_a_title() -> None:
    for line in ("6 January 2025", "Monday, January 6, 2025", "2:07 p.m. EDT"):
        b = parse_document(f"{line}\n\nThe minister spoke about trade today.\n", "text",
                           name="2025-01-06-minister-on-trade.txt")
        assert b.title == "Minister on trade", line


def test_html_og_title_with_a_long_run_of_spaces_is_quick() -> None:
    import time

    from briefreader.core.ingest.html import render_html

    src = '<html><head><meta property="og:title" content="a' + " " * 80000 + '- b"></head><body><p>x</p></body></html>'
    t = time.perf_counter()
    render_html(src)
    assert time.perf_counter() - t < 1.0


def test_report_with_colons_is_not_a_transcript() -> None:
    src = "Regarding Iran: the spokesman said little.\n\nOn tariffs: nothing new.\n\nHe left."
    b = parse_document(src, "text", name="r.txt")
    assert b.format == "report" and not any(blk.kind == "turn" for blk in b.blocks)


def test_stage_notes_are_text_not_speakers() -> None:
    src = ("MS. PSAKI: Hello.\n\n(Laughter.)\n\nQ Is it true?\n\nMS. PSAKI: Yes.\n\n"
           "(As interpreted.)\n\nQ Thanks.\n\nEND 3:02 P.M. EST")
    b = parse_document(src, "text", name="t.txt")
    kinds = [(blk.kind, blk.speaker) for blk in b.blocks]
    assert kinds == [("turn", "Psaki"), ("stage", None), ("turn", "Reporter"),
                     ("turn", "Psaki"), ("stage", None), ("turn", "Reporter"), ("stage", None)]


def test_hard_wrapped_plain_text_paragraphs_stay_together() -> None:
    line = "This is a fairly long line of hard-wrapped text in a plain file that"
    src = f"{line}\n{line}\nends here.\n\nNext paragraph."
    b = parse_document(src, "text", name="w.txt")
    assert [blk.text for blk in b.blocks] == [f"{line}\n{line}\nends here.", "Next paragraph."]


# Hand-read from the raw files (grep of the label lines), not from the parser's output:
# (speaker, first words of the turn) for every turn.
_KJP = "Karine Jean-Pierre"
HAND_READ = {
    "2021-06/2021-06-14-background-press-call-by-a-senior-administration-official-on-"
    "president-bidens-engagements-at-nato-summit.md": [
        ("Moderator", "Good afternoon, everyone."),
        ("Senior Administration Official", "Thanks, everybody, for joining"),
        ("Reporter", "Thanks, \\[senior administration official\\]".replace("\\", "")),
        ("Senior Administration Official", "Yeah, on the second thing,"),
        ("Senior Administration Official", "Thanks so much, again, everybody,"),
    ],
    "2021-05/2021-05-19-press-gaggle-by-principal-deputy-press-secretary-karine-jean-pierre.md": [
        (_KJP, "Good morning. As you all know,"), ("Reporter", "Did you get any assurances"),
        (_KJP, "I’m just going to reiterate"), ("Reporter", "Why the deadline? Why the deadline?"),
        (_KJP, "Well, again, I’m going to"), ("Reporter", "A significant de-escalation is not"),
        (_KJP, "The President is very clear"), ("Reporter", "Can you say whether he"),
        (_KJP, "No, but we have —"), ("Reporter", "But it’s been coy in"),
        (_KJP, "I’m going to let the readouts"), ("Reporter", "Has he spoken to any"),
        (_KJP, "I don’t have anything to"), ("Reporter", "Did the weapons sale come up?"),
        ("Reporter", "What’s the difference between expressing"), (_KJP, "Well, it says here he"),
        ("Reporter", "And was the President looking"), (_KJP, "Well, I mean, just to"),
        ("Reporter", "But there are lots of"), ("Aide", "Sorry, guys. We have to"),
        (_KJP, "I’m sorry. We have to end."), ("Reporter", "Can you confirm the Nord Stream"),
        ("Reporter", "Yeah, can you — can you"), (_KJP, "I’m going to do this last one,"),
        ("Reporter", "Are they easing sanctions?"), (_KJP, "We’re getting pulled."),
    ],
    "2024-03/2024-03-28-press-gaggle-by-press-secretary-karine-jean-pierre-en-route-queens-ny-2.md": [
        (_KJP, "All right, guys. So much fun."), ("Reporter", "Thank you. So, President Biden"),
        (_KJP, "Yeah, so — so, I don’t"), ("Reporter", "Do you have an update on —"),
        ("Reporter", "(Inaudible.)"), ("Reporter", "Sorry. Do you have an update"),
        (_KJP, "Yeah."), ("Reporter", "— and when that will go"),
        (_KJP, "So, I don’t have any update"), ("Reporter", "Does the President plan to attend"),
        (_KJP, "I — nothing to share."), ("Reporter", "Can you t- —"),
        (_KJP, "— (inaudible) ceremony."), ("Reporter", "Can you tell us what he’s"),
        (_KJP, "Yeah."), ("Reporter", "— hours on the schedule."),
        (_KJP, "Well, I — I mean, for sure,"), ("Aide", "(Inaudible.)"),
        (_KJP, "Yeah, absolutely. Thank you."), ("Reporter", "So, fair to assume it’s all"),
        (_KJP, "Yeah."), ("Reporter", "Okay."), (_KJP, "It is fair to assume."),
        ("Reporter", "Is the President planning to do"), (_KJP, "So, we —"),
        ("Reporter", "— to mark Ramadan?"), (_KJP, "We have — we have done"),
        ("Reporter", "Has the President spoken to"), ("Aide", "(Inaudible.)"),
        (_KJP, "Yeah. Yep, no problem."), ("Reporter", "Thanks, Karine."),
        (_KJP, "Okay. Thanks, everybody."),
    ],
}


@needs_corpus
@pytest.mark.parametrize("rel", sorted(HAND_READ), ids=lambda r: r[:24])
def test_transcript_turns_match_hand_read_expectations(rel: str) -> None:
    b = load_file(CORPUS / rel)
    assert b.format == "transcript"
    turns = [blk for blk in b.blocks if blk.label_start >= 0]
    got = [(t.speaker, b.text[t.content_start:t.end]) for t in turns]
    expected = HAND_READ[rel]
    assert len(got) == len(expected), [g[0] for g in got]
    for (speaker, text), (want_speaker, want_words) in zip(got, expected, strict=True):
        assert speaker == want_speaker
        assert text.startswith(want_words), (text[:60], want_words)
