"""The performance fast paths (issue #7) give exactly what the plain paths give:
Markdown laid out without markdown-it where it is plain prose, FastPhrase instead of
Whoosh's Phrase, filters as cached document sets, one-pass totals."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from whoosh.qparser import QueryParser

from briefreader.core.ingest.blocks import TextBuilder
from briefreader.core.ingest.markdown import _BLANKISH, _parse_whole, _render_tokens, render_markdown
from briefreader.core.search.phrase import FastPhrase, fast_phrases

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "whitehouse-press-briefings"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here")

_PIECES = [
    "Plain text here.", "MR. PSAKI:  Hello there.", "Q  Thanks, Jen.", "- item one", "* star item",
    "+ plus", "1. first", "2) second", "2021. The year", "1.5 million", "# Heading", "## Sub *em*",
    "> quoted", "> > deep", "---", "***", "___", "===", "Title", "    indented code", "  two spaces",
    "\tTabbed", "| a | b |", "|---|---|", "a | b", "--|--", "```", "~~~", "<div>", "</div>",
    "<!-- comment -->", "<script>", "</script>", "<p>para</p>", "[ref]: http://x", "[link](http://y) x",
    "see [ref] now", "a *b* c", "_under_ score", "snake_case_word", "a \\* star", "\\- escaped",
    "&amp; entity", "AT&T", "x < y", "<http://auto.link>", "~~strike~~", "`code`", "!bang",
    "![img](x.png)", "\u00a0nbsp start", "trail  ", "\u2003em space", "“Quoted”", "(Laughter.)",
    "—dash", "", "", "", "", " ", "\u00a0", "\x0c", "Line with | pipe", "10. ten", "1234567890. big",
    "(1) paren", "  - nested", "    - deeper", "  more para", "------", "<pre>", "</pre>", "<?php ?>",
    "**bold** start", "Ünïcödé line", "٣. arabic digit", "'apos", "$5", "?q", ":colon", "…ell",
    "> " * 45 + "deep", "- " * 41 + "x",
]


def _whole(body: str, offset: int) -> tuple[str, list]:  # type: ignore[type-arg]
    b = TextBuilder()
    _render_tokens(_parse_whole(_BLANKISH.sub("", body)), offset, b)
    return b.text(), b.blocks


def test_markdown_fast_path_equals_markdown_it() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        lines = [rng.choice(_PIECES) for _ in range(rng.randint(1, 14))]
        if rng.random() < 0.3:
            lines = [x + " " + rng.choice(_PIECES) for x in lines]
        body = "\n".join(lines) + rng.choice(["", "\n", "\n\n"])
        offset = rng.randint(0, 5)
        assert render_markdown(body, offset) == _whole(body, offset), body


@needs_corpus
def test_markdown_fast_path_on_corpus() -> None:
    from briefreader.core.ingest.decode import decode_bytes
    from briefreader.core.ingest.frontmatter import split_front_matter

    paths = sorted(CORPUS.glob("*/*.md"))[::25]
    assert len(paths) > 40
    for path in paths:
        text, _ = decode_bytes(path.read_bytes())
        _, body, _ = split_front_matter(text)
        assert render_markdown(body, 3) == _whole(body, 3), path.name


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from whoosh import fields, index
    from whoosh.analysis import StemmingAnalyzer

    rng = random.Random(3)
    words = ("white house vice president secretary of state the press covid relief plan "
             "supply chain build back better united states america very").split()
    schema = fields.Schema(id=fields.ID(stored=True), body=fields.TEXT(analyzer=StemmingAnalyzer()))
    ix = index.create_in(str(tmp_path_factory.mktemp("ix")), schema)
    for seg in range(2):  # two segments, and deletions in the first
        w = ix.writer()
        for i in range(400):
            w.add_document(id=f"{seg}-{i}", body=" ".join(rng.choice(words) for _ in range(rng.randint(3, 40))))
        w.commit(merge=False)
    w = ix.writer()
    for i in range(0, 400, 7):
        w.delete_by_term("id", f"0-{i}")
    w.commit(merge=False)
    with ix.searcher() as s:
        yield s


PHRASES = ['"white house"', '"vice president"', '"secretary of state"', '"build back better"',
           '"very very"', '"united states of america"', '"press"', '"white house" OR "vice president"',
           'covid AND "supply chain"', '"white house" OR press', 'plan AND NOT "white house"']


@pytest.mark.parametrize("cache", [None, "cache"])
@pytest.mark.parametrize("text", PHRASES)
def test_fast_phrase_same_matches_and_scores(searcher, text: str, cache: str | None,  # type: ignore[no-untyped-def]
                                             monkeypatch) -> None:
    """Both matchers (leapfrogging, and over candidates from posting lists read whole)."""
    from whoosh import collectors

    from briefreader.core.search import phrase

    monkeypatch.setattr(phrase, "_CANDIDATES_FROM", 1)  # (this index's words are in few documents)

    q = QueryParser("body", searcher.schema).parse(text)
    fq = fast_phrases(q, {} if cache else None)
    if '"' in text and len(text.split('"')[1].split()) > 1:
        assert any(isinstance(x, FastPhrase) for x in fq.leaves()) or isinstance(fq, FastPhrase)
    want = [(h.docnum, round(h.score, 9)) for h in searcher.search(q, limit=None)]
    got = [(h.docnum, round(h.score, 9)) for h in searcher.search(fq, limit=None)]
    assert got == want
    # top 10 and the total in one pass (as QueryRunner.run does)
    c = collectors.TopCollector(10, usequality=False, replace=0)
    searcher.search_with_collector(fq, c)
    r = c.results()
    assert len(r) == len(want)
    assert [h.docnum for h in r] == [d for d, _ in sorted(want, key=lambda x: (-x[1], x[0]))[:10]]


def test_passage_index_filters_and_totals(seeds_library) -> None:  # type: ignore[no-untyped-def]
    from briefreader.core.search.query import all_of, fields_sort, quote_query, speaker_query, term_query

    ix = seeds_library.index
    s = ix.searcher()
    quote_filter = quote_query(None)
    for text in ("president", "people AND president", '"white house"', "vaccine OR vaccines"):
        q = ix.parse(text)
        for flt in (None, term_query("kind", "passage"), all_of(quote_filter, speaker_query("psaki"))):
            for sort in (False, True):
                kw = {"limit": 10, "filter": flt}
                if sort:
                    kw["sortedby"] = fields_sort("day", reverse=True)
                want = s.search(q, **kw)
                expected = [(s.stored_fields(h.docnum)["doc"], s.stored_fields(h.docnum)["start"],
                             round(h.score or 0.0, 6)) for h in want]
                total, hits = ix.search_query(q, 10, flt, sort_by_date=sort, highlight=False)
                assert total == len(want), (text, flt, sort)
                assert [(h.document, h.start, round(h.score, 6)) for h in hits] == expected, (text, flt, sort)


def test_term_top_equals_whoosh_top_collector(searcher) -> None:  # type: ignore[no-untyped-def]
    from whoosh import collectors
    from whoosh.query import Term

    from briefreader.core.search.topn import term_top

    for word in [t.decode() for t in searcher.lexicon("body")] + ["missing"]:
        q = Term("body", word)
        for limit in (1, 5, 20, 1000):
            c = collectors.TopCollector(limit)
            searcher.search_with_collector(q, c)
            want = [(h.docnum, h.score) for h in c.results()]
            got = term_top({}, searcher, q, limit)
            assert got is not None and got[0] == want and got[1] == len(list(searcher.docs_for_query(q))), (word, limit)
    assert term_top({}, searcher, Term("id", "0-1"), 5) is None  # not scored by length: Whoosh's


def test_and2_top_equals_whoosh(searcher) -> None:  # type: ignore[no-untyped-def]
    from whoosh import collectors
    from whoosh.query import And, Term

    from briefreader.core.search.topn import and2_top

    words = [t.decode() for t in searcher.lexicon("body")]
    assert len(words) > 10
    for a in words:
        for b in words[::3]:
            if a == b:
                continue
            q = And([Term("body", a), Term("body", b)])
            c = collectors.TopCollector(7, usequality=False, replace=0)
            searcher.search_with_collector(q, c)
            got = and2_top({}, searcher, q, 7)
            assert got is not None
            assert got[0] == [(h.docnum, h.score) for h in c.results()], (a, b)
            assert got[1] == len(list(searcher.docs_for_query(q))), (a, b)


def test_and2_top_with_kept_postings_equals_whoosh(searcher, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """With every posting list kept decoded (and a budget small enough to evict), the
    results stay Whoosh's, query after query, and the kept postings stay in budget."""
    from whoosh import collectors
    from whoosh.query import And, Term

    from briefreader.core.search import postings, topn

    monkeypatch.setattr(postings, "_KEEP_POSTINGS_FROM", 1)
    monkeypatch.setattr(postings, "_POSTINGS_BUDGET", 600)
    cache: dict = {}
    words = [t.decode() for t in searcher.lexicon("body")]
    for _round in range(2):
        for a in words[:6]:
            for b in words[::4]:
                if a == b:
                    continue
                q = And([Term("body", a), Term("body", b)])
                c = collectors.TopCollector(7, usequality=False, replace=0)
                searcher.search_with_collector(q, c)
                got = topn.and2_top(cache, searcher, q, 7)
                assert got is not None and got[0] == [(h.docnum, h.score) for h in c.results()], (a, b)
                assert got[1] == len(list(searcher.docs_for_query(q))), (a, b)
                kept = cache["postings"]
                assert cache["postings size"] == sum(len(i) for i, _ in kept.values())
                assert cache["postings size"] <= 600 or len(kept) == 1
    assert cache["postings"]  # some were kept
