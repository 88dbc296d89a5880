"""Property tests (hypothesis) for ingest, and for quotes and topics on what ingest makes.

For random Unicode and for documents built from small grammars (Markdown: headings,
nested lists and quotes, emphasis, links, code, front matter; HTML tag soup; transcript
text with speaker labels and quote marks): parsing never raises, every span satisfies
``text[start:end] == span.text``, and no word of the document is lost or duplicated.

Examples are derandomized so the fast suite is reproducible; set
BRIEFREADER_HYPOTHESIS=explore for many more, random examples.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefreader.core.errors import IngestError
from briefreader.core.ingest import parse_document
from briefreader.core.ingest.decode import decode_bytes
from briefreader.core.model import Briefing
from briefreader.core.sanitize import clean

EXPLORE = os.environ.get("BRIEFREADER_HYPOTHESIS") == "explore"


def props(examples: int) -> Callable[[Callable[..., None]], Callable[..., None]]:
    return settings(max_examples=examples * 20 if EXPLORE else examples, derandomize=not EXPLORE,
                    deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# -- invariants ------------------------------------------------------------------------------
def check_briefing(b: Briefing) -> None:
    text = b.text
    last = -1
    for blk in b.blocks:
        assert 0 <= blk.start < blk.end <= len(text)
        assert text[blk.start:blk.end] == blk.text
        assert blk.start > last, "blocks overlap or are out of order"
        last = blk.end
        if blk.label_start >= 0:
            assert blk.start <= blk.label_start < blk.label_end <= blk.content_start <= blk.end
        if blk.content_start >= 0:
            assert blk.start <= blk.content_start <= blk.end
    for s in b.sentences:
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start:s.end] == s.text
        blk = b.blocks[s.block]
        assert blk.start <= s.start < s.end <= blk.end
    assert b.title and "\n" not in b.title
    assert b.date is None or re.fullmatch(r"\d{4}-\d\d-\d\d", b.date)


def check_analysis(b: Briefing) -> None:
    """Quotes and topic segments of a briefing keep the span invariant (once those
    modules exist)."""
    text = b.text
    try:
        from briefreader.core.quotes import extract_quotes
    except ImportError:  # pragma: no cover - during development only
        extract_quotes = None
    try:
        from briefreader.core.topics import segment_briefing
    except ImportError:  # pragma: no cover
        segment_briefing = None
    if extract_quotes is not None:
        for q in extract_quotes(b):
            assert 0 <= q.start <= q.end <= len(text)
            spans = q.spans or ((q.start, q.end),)
            for a, e in spans:
                assert q.start <= a <= e <= q.end, (q, spans)
            if len(spans) == 1:
                assert text[q.start:q.end] == q.text, q
            else:
                assert q.text == " ".join(text[a:e] for a, e in spans), q
            assert q.kind in ("direct", "partial", "indirect", "turn")
    if segment_briefing is not None:
        end = 0
        for seg in segment_briefing(b):
            assert end <= seg.start <= seg.end <= len(text), seg
            end = seg.end
            for a, e in seg.summary_spans:
                assert seg.start <= a <= e <= seg.end, seg
                assert text[a:e][1:] in seg.summary, seg  # (the first letter may be capitalised)


# -- random Unicode --------------------------------------------------------------------------
unicode_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=400)


@props(150)
@given(source=unicode_text, kind=st.sampled_from(["text", "markdown", "html"]))
def test_random_unicode_parses_with_exact_spans(source: str, kind: str) -> None:
    b = parse_document(source, kind, name="random.txt")
    check_briefing(b)
    if kind == "text":
        # exactly the source, but for the characters the sanitising boundary replaces one for one
        assert b.text == clean(source.replace("\r\n", "\n").replace("\r", "\n"))


@props(150)
@given(data=st.binary(max_size=600))
def test_random_bytes_decode_or_refuse_with_a_reason(data: bytes) -> None:
    try:
        text, remark = decode_bytes(data)
    except IngestError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert "\r" not in text
    assert not re.search("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]", text)
    assert remark is None or "\n" not in remark


readable = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=300)


@props(100)
@given(text=readable, bom=st.booleans(), newline=st.sampled_from(["\n", "\r\n", "\r"]))
def test_utf8_and_utf16_round_trip(text: str, bom: bool, newline: str) -> None:
    source = text.replace("\n", newline)
    assert decode_bytes((codecs.BOM_UTF8 if bom else b"") + source.encode())[0] == text.replace("\r", "\n")
    assert decode_bytes(codecs.BOM_UTF16_LE + source.encode("utf-16-le"))[0] == text.replace("\r", "\n")


# Windows-1252 text in which no accented letter is followed by another non-ASCII
# character (such a pair can be valid UTF-8 by accident: "é’“" is E9 92 93)
cp_words = st.lists(st.tuples(st.sampled_from("éèàçôüñÉ’“”—…"),
                              st.from_regex(r"[a-z .,]{1,6}", fullmatch=True)), min_size=1, max_size=30)


@props(80)
@given(pieces=cp_words)
def test_windows_1252_falls_back_sensibly(pieces: list[tuple[str, str]]) -> None:
    text = "".join(a + b for a, b in pieces)
    decoded, remark = decode_bytes(text.encode("cp1252"))
    assert decoded == text and remark and "Windows-1252" in remark


# -- a small Markdown grammar ----------------------------------------------------------------
WORD = "\ue000"  # each one becomes a unique word after generation
noise = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Co"),
                              blacklist_characters="<>&[]`\\*_!|#~-=+:\n\r\t{}()0123456789"),
                min_size=1, max_size=4)
inline = st.one_of(
    st.just(WORD), st.just(f"*{WORD}*"), st.just(f"**{WORD}**"), st.just(f"_{WORD}_"),
    st.just(f"`{WORD}`"), st.just(f"<b>{WORD}</b>"), st.just(f"[{WORD}](http://example.com/a)"),
    st.just(f"![{WORD}](img.png)"), st.just(f"\u201c{WORD}\u201d"), st.just(f"\u201c{WORD}"),
    st.sampled_from(["\u201c", "\u201d", '"', "\u2018", "\u2019", "\u00ab", "\u00bb", ",", ".", "?", ";"]),
    noise,
)
line = st.lists(inline, min_size=1, max_size=8).map(lambda xs: WORD + " " + " ".join(xs))
leaf = st.one_of(
    line,
    st.tuples(st.integers(1, 6), line).map(lambda t: "#" * t[0] + " " + t[1]),
    st.lists(line, min_size=2, max_size=3).map("\n".join),  # a hard-wrapped paragraph
    line.map(lambda s: f"```\n{s}\n```"),
)


def _item(marker: str, body: str) -> str:
    pad = " " * len(marker)
    return marker + body.replace("\n", "\n" + pad)


def containers(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.lists(children, min_size=1, max_size=3).map(lambda xs: "\n".join(_item("- ", x) for x in xs)),
        st.lists(children, min_size=1, max_size=3).map(
            lambda xs: "\n".join(_item(f"{i + 1}. ", x) for i, x in enumerate(xs))),
        children.map(lambda x: "\n".join("> " + s for s in x.split("\n"))),
    )


block = st.recursive(leaf, containers, max_leaves=12)
front = st.sampled_from([
    "", "---\ntitle: Front title\ndate: 2021-03-04\ntags: [a, b]\n---\n", "---\ntitle: [broken\n---\n",
    "---\ndate: 2021-02-30\n---\n", "---\n- not\n- a mapping\n---\n", "---\n---\n",
])


def numbered(doc: str) -> tuple[str, list[str]]:
    words: list[str] = []

    def repl(_: re.Match[str]) -> str:
        words.append(f"wd{len(words)}q")
        return words[-1]

    return re.sub(WORD, repl, doc), words


markdown_docs = st.tuples(front, st.lists(block, min_size=1, max_size=6)).map(
    lambda t: numbered(t[0] + "\n\n".join(t[1]) + "\n"))


@props(200)
@given(doc=markdown_docs)
def test_markdown_grammar_keeps_every_word_once(doc: tuple[str, list[str]]) -> None:
    source, words = doc
    b = parse_document(source, "markdown", name="doc.md")
    check_briefing(b)
    found = re.findall(r"wd\d+q", b.text)
    assert sorted(found) == sorted(words), source


@props(30)
@given(depth=st.integers(30, 300), kind=st.sampled_from(["> ", "- ", "1. ", "> - ", "  "]))
def test_markdown_nesting_deeper_than_the_parser_allows_loses_nothing(depth: int, kind: str) -> None:
    if kind == "  ":
        source = "\n".join("  " * i + f"- wd{i}q" for i in range(depth))
    else:
        source = "\n".join(kind * i + f"wd{i}q" for i in range(1, depth))
    b = parse_document(source, "markdown")
    check_briefing(b)
    expected = range(depth) if kind == "  " else range(1, depth)
    assert all(f"wd{i}q" in b.text for i in expected)


# -- HTML tag soup ---------------------------------------------------------------------------
tags = st.sampled_from(["p", "div", "b", "i", "span", "ul", "li", "h1", "h2", "h3", "table", "tr", "td",
                        "blockquote", "section", "article", "pre", "a", "em", "strong"])
html_piece = st.one_of(
    st.just(WORD), noise, st.just(f"&amp; {WORD} &lt;"),
    tags.map(lambda t: f"<{t}>"), tags.map(lambda t: f"</{t}>"), st.just("<br>"), st.just("<hr/>"),
    st.just("<script>var x = '<p>scriptword</p>';</script>"), st.just("<style>p {color: red}</style>"),
    st.just("<!-- comment -->"), st.just('<img src="x.png" alt="alt">'),
)
html_docs = st.tuples(
    st.sampled_from(["", "<!doctype html><html><head><title>Soup</title>", "<html><head><meta name=date "
                     "content=2022-01-02>", "<head><title>T</title><body>"]),
    st.lists(html_piece, min_size=1, max_size=40),
).map(lambda t: numbered(t[0] + " ".join(t[1])))


@props(150)
@given(doc=html_docs)
def test_html_tag_soup_keeps_every_word_once(doc: tuple[str, list[str]]) -> None:
    source, words = doc
    b = parse_document(source, "html", name="page.html")
    check_briefing(b)
    assert sorted(re.findall(r"wd\d+q", b.text)) == sorted(words), source
    assert "scriptword" not in b.text


# -- transcripts and quotes: ingest, then quotes and topics ----------------------------------
label = st.sampled_from(["MS. PSAKI: ", "Q ", "Q: ", "Q. ", "THE PRESIDENT: ", "Vladimir Putin: ",
                         "MR. KIRBY: ", "Question: ", "Dmitry Peskov: ", ""])
say = st.sampled_from([" said ", " told reporters ", ", he said, ", " according to Peskov ", " added ",
                       " the spokesman said ", " she noted ", " "])
speech = st.lists(st.one_of(
    st.just(WORD), say, noise, st.just("."), st.just(" \u201c"), st.just("\u201d "), st.just(' "'),
    st.just('" '), st.just(" \u2018"), st.just("\u2019"), st.just(" \u00ab"), st.just("\u00bb "),
    st.just(" (Laughter.) "), st.just(" Dmitry Peskov"), st.just(" the Kremlin"),
), min_size=1, max_size=25).map("".join)
turn = st.tuples(label, speech).map("".join)
transcripts = st.tuples(
    st.sampled_from(["", "Press Briefing by Press Secretary Jen Psaki, January 20, 2021\n\n",
                     "# Kremlin briefing\n\n"]),
    st.lists(turn, min_size=1, max_size=12),
    st.sampled_from(["\n\n", "\n"]),
).map(lambda t: numbered(t[0] + t[2].join(t[1])))


@props(120)
@given(doc=transcripts, kind=st.sampled_from(["text", "markdown"]))
def test_transcripts_quotes_and_topics_keep_exact_spans(doc: tuple[str, list[str]], kind: str) -> None:
    source, words = doc
    b = parse_document(source, kind, name="2021-01-20-briefing.txt", doc_id="t")
    check_briefing(b)
    if kind == "text":
        assert b.text == source
    check_analysis(b)


@props(60)
@given(doc=markdown_docs)
def test_quotes_and_topics_on_markdown_grammar(doc: tuple[str, list[str]]) -> None:
    b = parse_document(doc[0], "markdown", name="doc.md", doc_id="m")
    check_analysis(b)


@pytest.mark.parametrize("source", [
    "He said " + "\u201c\u2018" * 200 + "core" + "\u2019\u201d" * 200,
    ("MS. PSAKI: \u201cunclosed and \u201cagain \"straight \u2018single " * 300),
    "\u201d" * 500 + "\u201c" * 500,
    "Q " * 2000,
    ("Dmitry Peskov said: \u00ab" + "word " * 5000),
], ids=["nested", "unclosed", "reversed", "many-q", "guillemet-run"])
def test_pathological_quote_marks(source: str) -> None:
    b = parse_document(source, "text", name="q.txt")
    check_briefing(b)
    check_analysis(b)
