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
    for tok in analyzer(body, chars=True, mode="index"):
        if tok.text in terms:
            yield tok.startchar, tok.endchar


def highlight_spans(body: str, terms: set[str]) -> list[tuple[int, int]]:
    """Offsets in ``body`` of tokens whose stemmed form is in ``terms``."""
    return list(token_spans(make_schema()["body"].analyzer, body, terms))

