"""Index hits as the facade's records: search hits with snippets, and quotes (a
spokesperson's turn found by a search gives its sentences that matched)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from briefreader.core.model import DocumentInfo, Hit, HitKind, Quote, QuoteKind
from briefreader.core.search.engine import IndexHit
from briefreader.core.sentences import split_spans

SNIPPET_CHARS = 240


def search_hit(h: IndexHit, info: DocumentInfo | None, as_quotes: bool = False) -> Hit:
    """The hit of a search, with a snippet around its first highlight; ``info`` is its
    briefing's (None: gone from the catalog)."""
    if h.kind == "note":
        return Hit(document=h.document, kind="note", start=h.start, end=h.end, score=h.score,
                   snippet=" ".join(h.text.split())[:SNIPPET_CHARS], highlights=h.highlights,
                   title=info.title if info else h.document, date=info.date if info else None,
                   speaker=None, snippet_start=h.start)
    first = h.highlights[0][0] if h.highlights else h.start
    rel = first - h.start
    lo = 0 if len(h.text) <= SNIPPET_CHARS else max(0, rel - SNIPPET_CHARS // 3)
    if lo > 0:
        sp = h.text.find(" ", lo)
        lo = sp + 1 if 0 <= sp < rel else lo
    hi = min(len(h.text), lo + SNIPPET_CHARS)
    if hi < len(h.text):
        sp = h.text.rfind(" ", lo, hi)
        hi = sp if sp > rel else hi
    # with --kind quote, a spokesperson's turn is a quote (turns are quotes of kind
    # "turn"); in a plain search it is the passage it is
    kind: HitKind = "quote" if as_quotes and h.quote_kind == "turn" else h.kind
    return Hit(
        document=h.document, kind=kind, start=h.start, end=h.end, score=h.score,
        snippet=h.text[lo:hi].replace("\n", " "), highlights=h.highlights,
        title=info.title if info else h.document, date=info.date if info else None,
        speaker=h.speaker or None, snippet_start=h.start + lo,
    )


def hit_quotes(hits: Iterable[IndexHit], limit: int | None, include_procedural: bool = True) -> list[Quote]:
    """The quotes of a quote search's hits: a quote entry as it is, a turn (or a
    question) as its sentences (those holding a highlight, when there are some).
    A turn sentence that only runs the briefing ("Go ahead.") is ``procedural``
    (recomputed from the passage's text, as the extraction does) and left out
    unless ``include_procedural``."""
    from briefreader.core.quotes.patterns import LETTER_RE
    from briefreader.core.quotes.procedural import is_procedural

    out: list[Quote] = []
    for h in hits:
        if h.kind == "quote":
            out.append(Quote(h.document, h.start, h.end, h.text, h.speaker or None,
                             h.speaker_mention, h.cue, cast(QuoteKind, h.quote_kind),
                             ((h.start, h.end),), h.segment))
            continue
        marks = [a for a, _ in h.highlights]
        for s, e in split_spans(h.text):
            a, b = h.start + s, h.start + e
            if marks and not any(a <= m < b for m in marks):
                continue
            question = h.quote_kind == "question"
            procedural = not question and e - s <= 48 and is_procedural(
                h.text[s:e], more_in_turn=LETTER_RE.search(h.text, e) is not None)
            if procedural and not include_procedural:
                continue
            out.append(Quote(h.document, a, b, h.text[s:e], h.speaker or None,
                             h.label, h.label, "turn", ((a, b),),
                             None, question, procedural))
        if limit is not None and len(out) >= limit:
            break
    return out[:limit] if limit is not None else out
