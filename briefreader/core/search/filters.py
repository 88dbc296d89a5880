"""What a search may return, in the domain's words: ``SearchFilter``.

The facade, the command line and the reader describe a search's restrictions with a
``SearchFilter`` (kinds of entries, quote kinds, a speaker, briefings, a date range);
each search engine turns it into its own filter (the Whoosh one: ``query.filter_query``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from briefreader.core.errors import QueryError

ENTRY_KINDS = ("passage", "quote", "note")
QUOTE_KINDS = ("direct", "partial", "indirect", "turn", "question")


@dataclass(frozen=True, slots=True)
class SearchFilter:
    """Restrictions on a search's results; a field left empty restricts nothing.

    - ``kind``: ``passage`` (a block of a briefing: a turn, a question, a paragraph),
      ``quote`` (an attributed quote, or a spokesperson's turn) or ``note``.
    - ``quote_kind``: quotes of one kind only: ``direct``, ``partial``, ``indirect``
      (reported speech: "Peskov said Russia was not ..."), ``turn`` (a spokesperson's
      turn) or ``question`` (a reporter's question); implies quotes.
    - ``speaker``: every word of the name is in the entry's speaker ("peskov" matches
      "Dmitry Peskov").
    - ``documents``: the ids of the briefings the entries belong to.
    - ``date_from`` / ``date_to``: the briefing's date, YYYY-MM-DD, both ends included.
    """

    kind: str | None = None
    quote_kind: str | None = None
    speaker: str | None = None
    documents: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None

    @property
    def quotes_only(self) -> bool:
        """Whether only quotes (of any kind, turns included) may be returned."""
        return self.kind == "quote" or self.quote_kind is not None

    def check(self) -> None:
        """Raise QueryError (one line) for a kind or a date the index does not know."""
        if self.kind and self.kind not in ENTRY_KINDS:
            raise QueryError(f"unknown kind '{self.kind}' ({', '.join(ENTRY_KINDS)})")
        if self.quote_kind is not None:
            if self.quote_kind not in QUOTE_KINDS:
                raise QueryError(f"unknown quote kind '{self.quote_kind}' ({', '.join(QUOTE_KINDS)})")
            if self.kind not in (None, "quote"):
                raise QueryError(f"a quote kind filters quotes, not {self.kind}s")
        for value in (self.date_from, self.date_to):
            if value is not None:
                parse_day(value)


def parse_day(value: str) -> dt.datetime:
    """A YYYY-MM-DD date of a filter (QueryError when it is not one)."""
    try:
        return dt.datetime.strptime(value, "%Y-%m-%d")
    except ValueError:
        raise QueryError(f"bad date '{value}' (use YYYY-MM-DD)") from None
