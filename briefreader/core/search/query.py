"""Whoosh queries of the passage index: parsing the query language (one clear line
for a bad query), small query builders, and a ``SearchFilter`` as a filter query."""

from __future__ import annotations

import re
from typing import Any

from whoosh import fields, qparser, query

from briefreader.core.errors import QueryError
from briefreader.core.search.filters import SearchFilter, parse_day
from briefreader.core.search.schema import CONTEXT_BOOSTS, CONTEXT_FIELDS, FIELDS, SPEAKER_ANALYZER

_FIELD_RX = re.compile(r"(?<![\w\"])([A-Za-z_]+):(?=\S)")


def parse_query(text: str, schema: fields.Schema, context: bool = False) -> Any:
    """Parse Whoosh query syntax; raise QueryError with one clear line when it is bad.
    The bare words search the body, or with ``context`` a quote's context fields."""
    stripped = text.strip()
    if not stripped:
        raise QueryError("empty query")
    if stripped.count('"') % 2:
        raise QueryError("unbalanced quotation mark in query")
    depth = 0
    in_phrase = False
    for ch in stripped:
        if ch == '"':
            in_phrase = not in_phrase
        elif not in_phrase and ch == "(":
            depth += 1
        elif not in_phrase and ch == ")":
            depth -= 1
            if depth < 0:
                raise QueryError("unbalanced parenthesis in query")
    if depth:
        raise QueryError("unbalanced parenthesis in query")
    outside = re.sub(r'"[^"]*"', " phrase ", stripped)  # a phrase is a word for the checks below
    for m in _FIELD_RX.finditer(outside):
        name = m.group(1)
        if name not in FIELDS:
            raise QueryError(f"unknown field '{name}:' (fields: {', '.join(FIELDS)})")
    if re.search(r"(?:^|\s)(AND|OR|NOT|ANDNOT|ANDMAYBE)\s*$", outside) or re.match(r"\s*(AND|OR)\b", outside):
        raise QueryError("query starts or ends with an operator")
    for part in re.findall(r"date:([^\s()\[\]{}]+)", outside):
        problem = _impossible_date(part)
        if problem:
            raise QueryError(problem)
    parser: Any = (qparser.MultifieldParser(list(CONTEXT_FIELDS), schema, fieldboosts=CONTEXT_BOOSTS)
                   if context else qparser.QueryParser("body", schema))
    try:
        q = parser.parse(stripped)
    except Exception as exc:
        raise QueryError(f"cannot parse query: {exc}") from None
    if isinstance(q, query.qcore._NullQuery):
        raise QueryError("query has no searchable words")
    for sub in q.leaves() if hasattr(q, "leaves") else [q]:
        if isinstance(sub, query.qcore._NullQuery):
            continue
        if type(sub).__name__ == "ErrorQuery":
            raise QueryError(f"bad query: {sub}")
    if "date:" in outside:
        for part in re.findall(r"date:(\[[^\]]*\]|\{[^}]*\}|[^\s()]+)", outside):
            try:
                date_q = parser.parse(f"date:{part}")
            except Exception:
                date_q = None
            if date_q is None or isinstance(date_q, query.qcore._NullQuery):
                raise QueryError(f"bad date '{part}' (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return q


def _impossible_date(part: str) -> str | None:
    """Why ``date:part`` names no day ("2025-13": there is no month 13), or None."""
    import datetime as dt

    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", part)
    if not m:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    if month is not None and not 1 <= int(month) <= 12:
        return f"impossible date '{part}': there is no month {int(month)} (months are 01-12)"
    if day is not None:
        try:
            dt.date(year, int(month or 1), int(day))
        except ValueError:
            return f"impossible date '{part}': {dt.date(year, int(month or 1), 1):%B %Y} has no day {int(day)}"
    return None


def term_query(fieldname: str, value: str) -> Any:
    return query.Term(fieldname, value)


def any_of(*queries: Any) -> Any:
    return query.Or(list(queries))


def all_of(*queries: Any) -> Any:
    return query.And(list(queries))


def every() -> Any:
    return query.Every()


def speaker_query(name: str) -> Any:
    """All words of ``name`` must appear in the speaker field ("peskov" matches
    "Dmitry Peskov")."""
    words = [t.text for t in SPEAKER_ANALYZER(name)]
    if not words:
        raise QueryError("empty speaker name")
    return query.And([query.Term("speaker", w) for w in words])


def fields_sort(name: str, reverse: bool = False) -> Any:
    from whoosh import sorting

    return sorting.FieldFacet(name, reverse=reverse)


# -- filters ---------------------------------------------------------------------
def quote_query(quote_kind: str | None) -> Any:
    """Quotes (of one kind): quote entries, and the passages of labelled turns."""
    quote_docs = term_query("kind", "quote")
    turns = all_of(term_query("kind", "passage"), term_query("qkind", "turn"))
    questions = all_of(term_query("kind", "passage"), term_query("qkind", "question"))
    if quote_kind is None:
        return any_of(quote_docs, turns)
    if quote_kind == "turn":
        return turns
    if quote_kind == "question":
        return questions
    return all_of(quote_docs, term_query("qkind", quote_kind))


def filter_query(flt: SearchFilter) -> Any | None:
    """``flt`` as a Whoosh filter query (None: no restriction); QueryError for a kind,
    a date or a speaker name that cannot filter. Its date range is on the briefings'
    own entries: the search lifts it to their passages, quotes and notes."""
    flt.check()
    parts = []
    if flt.quotes_only:
        parts.append(quote_query(flt.quote_kind))
    elif flt.kind:
        parts.append(term_query("kind", flt.kind))
    if flt.speaker:
        parts.append(speaker_query(flt.speaker))
    if flt.documents:
        docs = [term_query("doc", d) for d in flt.documents]
        parts.append(docs[0] if len(docs) == 1 else any_of(*docs))
    if flt.date_from or flt.date_to:
        parts.append(query.DateRange("date", parse_day(flt.date_from) if flt.date_from else None,
                                     parse_day(flt.date_to) if flt.date_to else None))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else all_of(*parts)
