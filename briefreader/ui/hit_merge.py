"""A quote hit and a passage hit that are the same passage shown once.

The index holds a briefing's passages and, apart, its quotes: a search for a word of a
quote finds both, the passage around the quote and the quote itself. Where a quote hit
overlaps a passage hit of the same briefing and they found the same words (a highlight
in common, or the quote lies inside the passage), the list shows one entry, marked as
the quote, with its speaker (the passage's when the quote has none), where the
better-ranked of the two was.
"""

from __future__ import annotations

from dataclasses import replace

from briefreader.core.model import Hit


def _same_passage(quote: Hit, passage: Hit) -> bool:
    if quote.document != passage.document or quote.end <= passage.start or passage.end <= quote.start:
        return False
    inside = passage.start <= quote.start and quote.end <= passage.end
    return inside or bool(set(quote.highlights) & set(passage.highlights))


def merge_quote_hits(hits: tuple[Hit, ...] | list[Hit]) -> list[Hit]:
    """The hits with each passage that repeats a quote hit folded into the quote (in the
    place of the better-ranked one); the order is otherwise kept."""
    absorbed: dict[int, int] = {}  # passage index -> quote index
    for qi, q in enumerate(hits):
        if q.kind != "quote":
            continue
        for pi, p in enumerate(hits):
            if p.kind == "passage" and pi not in absorbed and _same_passage(q, p):
                absorbed[pi] = qi
    if not absorbed:
        return list(hits)
    place: dict[int, int] = {}  # quote index -> where it is shown
    for pi, qi in absorbed.items():
        place[qi] = min(place.get(qi, qi), pi)
    out: list[tuple[int, Hit]] = []
    for i, h in enumerate(hits):
        if i in absorbed:
            continue
        if i in place:
            folded = [hits[p] for p, q in absorbed.items() if q == i]
            best = max([h.score, *(p.score for p in folded)])
            # an unattributed quote: who says the passage (a reporter quoting a tweet)
            speaker = h.speaker or next((p.speaker for p in folded if p.speaker), None)
            out.append((place[i], replace(h, score=best, speaker=speaker)))
        else:
            out.append((i, h))
    return [h for _, h in sorted(out, key=lambda x: x[0])]
