"""Highlights run the body analyzer's chain as one loop (highlights.token_spans): the
same words as Whoosh's analyzer finds, at the same offsets, on sentences of our own."""

from __future__ import annotations

from whoosh.analysis import RegexTokenizer

from briefreader.core.search.highlights import token_spans
from briefreader.core.search.schema import make_schema

SENTENCES = [
    "The President's ministers were presiding over the U.S. presidency's talks in 2021.",
    "Inflation, inflated prices and inflationary pressure: it is what it is, a U.N. report said.",
    "We don't know; they didn't say. A b c -- e.g. the 3.5 per cent figure, or 19 COVID-19 cases.",
    "ÉLYSÉE officials met Zürich's mayor; the café's running runners ran.",
]


def _whoosh(analyzer, text: str, terms: set[str]) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    return [(t.startchar, t.endchar) for t in analyzer(text, chars=True, mode="index") if t.text in terms]


def test_fast_highlights_match_whoosh_analyzer() -> None:
    analyzer = make_schema()["body"].analyzer
    for text in SENTENCES:
        every = {t.text for t in analyzer(text, mode="index")}
        for terms in (every, {"presid", "inflat", "run", "u.s", "don't", "3.5", "covid", "élysé"}, set()):
            assert list(token_spans(analyzer, text, terms)) == _whoosh(analyzer, text, terms)
    spans = list(token_spans(analyzer, SENTENCES[0], {"presid"}))
    assert [SENTENCES[0][a:b] for a, b in spans] == ["President", "presiding", "presidency"]


def test_other_analyzers_go_through_whoosh() -> None:
    analyzer = RegexTokenizer(r"\w+")
    text = "Alpha beta alpha"
    assert list(token_spans(analyzer, text, {"alpha"})) == [(11, 16)]
