"""A quoted phrase of a query ("arms control") is one hit per occurrence: the index
highlights its words one by one; here they become one span per occurrence of the
phrase (for the results' snippets and the reader's n/N)."""

from __future__ import annotations

import re
from collections.abc import Iterable

_PHRASE = re.compile(r'"([^"]+)"')
_WORD = re.compile(r"\w+(?:['’]\w+)*")


def query_phrases(query: str) -> list[str]:
    """The quoted phrases of ``query`` with two words or more."""
    return [p for p in _PHRASE.findall(query) if len(_WORD.findall(p)) >= 2]


def _phrase_rx(phrase: str) -> re.Pattern[str]:
    words = _WORD.findall(phrase)
    return re.compile(r"(?<!\w)" + r"\W+".join(re.escape(w) for w in words) + r"(?!\w)", re.I)


def phrase_spans(text: str, offset: int, spans: Iterable[tuple[int, int]],
                 phrases: list[str]) -> list[tuple[int, int]]:
    """``spans`` (absolute offsets of highlighted words in ``text``, which starts at
    ``offset``) with the words of each occurrence of a phrase merged into one span;
    other highlights (words of the query outside a phrase) are kept."""
    spans = sorted(set(spans))
    if not phrases:
        return spans
    found: list[tuple[int, int]] = []
    for phrase in phrases:
        for m in _phrase_rx(phrase).finditer(text):
            a, b = m.start() + offset, m.end() + offset
            if any(s < b and e > a for s, e in spans):
                found.append((a, b))
    phrase_words = {w.lower() for p in phrases for w in _WORD.findall(p)}
    rest = [(s, e) for s, e in spans
            if not any(s < b and e > a for a, b in found)
            and text[s - offset:e - offset].lower() not in phrase_words]
    return sorted(set(found) | set(rest))
