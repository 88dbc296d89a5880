"""Phase 1: the quoted regions of a briefing, and the masked text.

``find_candidates`` pairs the quotation marks of every block that holds one
(:mod:`.marks`) and keeps the top-level regions with letters in them; a region
left open at a paragraph's end continues into the next paragraph when that one
opens with a mark (a multi-paragraph quote). ``mask`` replaces the quoted text
by ``MASK`` so that cues and names are only looked for in the narration.
"""

from __future__ import annotations

import bisect
import re

from briefreader.core.model import Block
from briefreader.core.quotes.marks import OPEN_MARK_RE, pair_marks, starts_with_open_mark
from briefreader.core.quotes.patterns import LETTER_RE, MASK
from briefreader.core.quotes.records import Candidate


def quoted_words(text: str, s: int, e: int) -> tuple[int, int] | None:
    """``[s, e)`` between quotation marks without its outer white space; None when no
    letter is left (a quote must say something)."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if e > s and LETTER_RE.search(text, s, e) else None

def find_candidates(text: str, blocks: tuple[Block, ...]) -> list[Candidate]:
    """The quoted regions of ``text``'s blocks, in document order."""
    cands: list[Candidate] = []
    carry: Candidate | None = None  # an open piece waiting for its continuation
    marks = [m.start() for m in OPEN_MARK_RE.finditer(text)]
    if not marks:
        return cands
    for bi, bl in enumerate(blocks):
        if bl.kind == "stage":
            continue
        lo, hi = bl.start, bl.end
        k = bisect.bisect_left(marks, lo)
        if lo >= hi or k >= len(marks) or marks[k] >= hi:
            carry = None
            continue
        new_carry: Candidate | None = None
        first_mark = starts_with_open_mark(text, lo, hi)
        for o, c in _regions(text, blocks, bi):
            span = quoted_words(text, o + 1, c if c >= 0 else hi)
            if span is None:
                continue
            cand = Candidate(*span, o, c, bi)
            if carry is not None and o == first_mark:
                cand.prev = carry
            cands.append(cand)
            if c < 0:
                new_carry = cand
        carry = new_carry
    return cands


def _regions(text: str, blocks: tuple[Block, ...], bi: int) -> list[tuple[int, int]]:
    """The top-level (opening, closing) mark pairs of block ``bi``, in order;
    closing -1 for a quote that goes on in the next paragraph."""
    bl = blocks[bi]
    lo, hi = bl.start, bl.end
    closed, unclosed = pair_marks(text, lo, hi)
    cont_open = -1
    if unclosed:
        nxt = _next_block(blocks, bi)
        if nxt is not None and starts_with_open_mark(text, nxt.start, nxt.end) >= 0:
            cont_open = unclosed[0].open
    real = {r.open for r in closed}
    if cont_open >= 0:
        real.add(cont_open)
    items = [(r.open, r.close) for r in closed
             if not any(p in real for p in r.parents)]
    if cont_open >= 0:
        items.append((cont_open, -1))
    elif unclosed and closed:
        # “A … “B.” — an inner quote closing the paragraph closes both
        u = unclosed[0].open
        inner = [r for r in closed if u in r.parents]
        if inner:
            last = max(inner, key=lambda r: r.close)
            if not LETTER_RE.search(text, last.close + 1, hi):
                items.append((u, last.close))
    items.sort()
    return items


def _next_block(blocks: tuple[Block, ...], bi: int) -> Block | None:
    for k in range(bi + 1, len(blocks)):
        if blocks[k].kind != "stage":
            return blocks[k]
    return None


# a party/state parenthesis after a name: "Rep. Ann Baker (D-Ore.)", "(R-Ohio)",
# "(D., N.Y.)", "(D Ohio)" — blanked in the masked copy so that the name meets its verb
PARTY_RE = re.compile(r"\((?:[DRI]|Dem|Rep|Ind)\.?(?:-|–|,[ \t]?|[ \t])[A-Z][A-Za-z.]{0,8}"
                      r"(?:[ \t][A-Z][A-Za-z.]{0,8})?\)")


def mask(text: str, blocks: tuple[Block, ...], cands: list[Candidate]) -> str:
    """``text`` with the quoted text of ``cands`` replaced by ``MASK`` (a final
    sentence mark kept, so that sentence ends stay visible)."""
    parts: list[str] = []
    pos = 0
    for c in cands:
        end = c.close if c.close >= 0 else blocks[c.block].end
        if c.open + 1 < pos:
            continue
        parts.append(text[pos: c.open + 1])
        inner = text[c.open + 1: end]
        stripped = inner.rstrip()
        if stripped and stripped[-1] in ".!?…":
            # keep the sentence's final mark so that sentence ends stay visible
            parts.append(MASK * (len(stripped) - 1))
            parts.append(stripped[-1] + inner[len(stripped):])
        else:
            parts.append(MASK * len(inner))
        pos = end
    parts.append(text[pos:])
    out = "".join(parts)
    if "(D" not in out and "(R" not in out and "(I" not in out:
        return out  # (a quick test: no party parenthesis can be there)
    return PARTY_RE.sub(lambda m: " " * len(m.group()), out)
