"""Highlights: the body words a query matched, found again in a hit's text (the
words' analysed forms, so stemming and phrases highlight what they matched)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from briefreader.core.search.schema import make_schema


def highlight_terms(q: Any, reader: Any) -> set[str]:
    try:
        terms = q.existing_terms(reader, expand=True)
    except Exception:
        terms = set(q.all_terms())
    out = set()
    for fieldname, text in terms:
        if fieldname == "body":
            out.add(text.decode("utf-8") if isinstance(text, bytes) else text)
    return out


def token_spans(analyzer: Any, body: str, terms: set[str]) -> Iterator[tuple[int, int]]:
    plain = _plain_chain(analyzer)
    if plain is None:
        for tok in analyzer(body, chars=True, mode="index"):
            if tok.text in terms:
                yield tok.startchar, tok.endchar
        return
    expression, stops, minsize, maxsize, stem, ignore = plain
    stems = _STEMS
    for m in expression.finditer(body):
        text = m.group().lower()
        n = len(text)
        if n < minsize or (maxsize is not None and n > maxsize) or text in stops:
            continue
        if text not in ignore:
            got = stems.get(text)
            if got is None:
                if len(stems) > 200_000:
                    stems.clear()
                got = stems[text] = stem(text)
            text = got
        if text in terms:
            yield m.start(), m.end()


# Highlighting re-analyses each hit's text: Whoosh's analyzer chain makes a Token and
# runs four generators per word (most of a quote search's time: 1 ms per hit). The
# body analyzer's chain (tokenizer, lowercase, stop words, stemmer) is run here as one
# loop with the same settings, the stems kept in a dict; another chain goes through
# Whoosh.
_STEMS: dict[str, str] = {}
_CHAINS: dict[int, Any] = {}


def _plain_chain(analyzer: Any) -> Any:
    key = id(analyzer)
    if key not in _CHAINS:
        _CHAINS[key] = (analyzer, _chain_parts(analyzer))
    return _CHAINS[key][1]


def _chain_parts(analyzer: Any) -> Any:
    from whoosh.analysis import CompositeAnalyzer, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter

    items = getattr(analyzer, "items", None)
    if type(analyzer) is not CompositeAnalyzer or not items or len(items) != 4:
        return None
    tok, low, stop, stem = items
    if type(tok) is not RegexTokenizer or tok.gaps or type(low) is not LowercaseFilter \
            or type(stop) is not StopFilter or type(stem) is not StemFilter:
        return None
    return tok.expression, stop.stops, stop.min, stop.max, stem.stemfn, stem.ignore


def highlight_spans(body: str, terms: set[str]) -> list[tuple[int, int]]:
    """Offsets in ``body`` of tokens whose stemmed form is in ``terms``."""
    return list(token_spans(make_schema()["body"].analyzer, body, terms))

