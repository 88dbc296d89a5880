"""A budget for query parts that expand into many words (``t*``, ``?*``, ``[a TO z]``,
``word~``): past it the query is refused with a clear line instead of running for seconds."""

from __future__ import annotations

from itertools import islice
from typing import Any

from whoosh import query

from briefreader.core.errors import QueryError

MAX_EXPANSION = 5_000  # words one part may stand for
_EXPANDING = (query.Prefix, query.Wildcard, query.Regex, query.TermRange, query.FuzzyTerm)


def _parts(q: Any) -> list[Any]:
    out = [q]
    for child in q.children() if hasattr(q, "children") else ():
        out.extend(_parts(child))
    return out


def check_expansions(q: Any, reader: Any, limit: int = MAX_EXPANSION) -> None:
    """Raise QueryError when a part of ``q`` expands to more than ``limit`` words of
    ``reader``'s lexicon (counting stops at ``limit + 1``). A lone ``*`` (every entry) is
    not an expansion: it is read straight from the index."""
    for part in _parts(q):
        if isinstance(part, _EXPANDING):
            n = sum(1 for _ in islice(part._btexts(reader), limit + 1))
            if n > limit:
                raise QueryError(f"'{_shown(part)}' stands for more than {limit:,} words: make it more precise")


def _shown(part: Any) -> str:
    """The part as the user wrote it (no index field name)."""
    if isinstance(part, query.TermRange):
        return f"[{part.start or ''} TO {part.end or ''}]"
    if isinstance(part, query.Prefix):
        return f"{part.text}*"
    if isinstance(part, query.FuzzyTerm):
        return f"{part.text}~"
    return str(part.text)
