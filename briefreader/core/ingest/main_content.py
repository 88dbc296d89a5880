"""Which blocks of a rendered web page are the briefing (the page's main content).

The extractor (trafilatura, imported here only, when an HTML file is read) finds the
main text; the page's own blocks that it kept are the briefing, so block kinds, bold
labels and the canonical-text layout stay ours. What extractors drop from inside the
briefing is put back from the page: speaker labels on a line of their own ("Q",
"<b>Vladimir Putin:</b>"), stage notes, time and date lines ("5:39 P.M. EDT", "END"),
the page's <h1> and a lead paragraph between it and the text.
"""

from __future__ import annotations

import re

from briefreader.core.ingest.blocks import RawBlock
from briefreader.core.ingest.transcript import is_stage, match_label

MIN_CHARS = 200  # main content shorter than this (and than a tenth of the page) is a failure
_WS = re.compile(r"\s+")
_TIME_OR_DATE = re.compile(
    r"\d{1,2}:\d{2}\s*[AaPp]\.?\s?[Mm]\.?|\b(?:19|20)\d\d\b")
_BULLET = re.compile(r"^[-*•] ")  # the extractor's list bullets
_LONG = 25  # a block this long matches anywhere in the extracted text; a shorter one, a line


def _norm(s: str) -> str:
    return _WS.sub(" ", s.replace("\u00a0", " ")).strip()


def extract_main_text(source: str) -> str | None:
    """The page's main text as the extractor gives it (None when it finds none)."""
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - a pinned dependency
        return None
    try:
        return trafilatura.extract(source, include_comments=False, include_tables=True, fast=True,
                                   favor_recall=True, deduplicate=False)
    except Exception:  # the extractor's failure is a fallback, never a crash
        return None


def _is_small_line(seg: str) -> bool:
    """A line extractors drop that belongs to the briefing when it sits inside it: a
    label alone, a stage note, a time or date line."""
    s = _norm(seg)
    if len(s) > 80:
        return False
    m = match_label(s)
    if m and not s[m[2]:].strip():
        return True
    if is_stage(s) or s.startswith("END"):
        return True
    return bool(_TIME_OR_DATE.search(s)) and len(s.split()) <= 8


def select_main(source: str, page_text: str,
                blocks: list[RawBlock]) -> tuple[list[RawBlock], str, str]:
    """(kept blocks, a note when the whole page is kept, text of the page's header
    blocks left out — context for naming speakers)."""
    extracted = extract_main_text(source)
    if not extracted or len(extracted.strip()) < min(MIN_CHARS, len(page_text) // 10 + 1):
        return blocks, "main content not found: the whole page is kept", ""
    lines = [_BULLET.sub("", _norm(x)) for x in extracted.split("\n")]
    lines = [x for x in lines if x]
    joined = " ".join(lines)
    line_set = set(lines)
    line_text = "\n" + "\n".join(lines) + "\n"
    segs = [_norm(page_text[b.start:b.end]) for b in blocks]

    def matched(i: int) -> bool:
        s = segs[i]
        if not s or blocks[i].links > 0.6 and len(s) < 80:
            return False
        if len(s) >= _LONG:
            if s in joined:
                return True
            m = match_label(s)  # the extractor dropped the label: the words are there
            return bool(m) and len(s[m[2]:]) >= _LONG and s[m[2]:].strip() in joined
        return s in line_set or ("\n" + s + " ") in line_text

    hits = [i for i in range(len(blocks)) if matched(i)]
    long_hits = [i for i in hits if len(segs[i]) >= _LONG]
    if not long_hits:
        return blocks, "main content not found: the whole page is kept", ""
    lo, hi = long_hits[0], long_hits[-1]
    lo = _start_at_h1(blocks, segs, [i for i in hits if i >= lo], hi)
    for j in hits:  # short lines the extractor kept after the last long one
        if hi < j <= hi + 6:
            hi = j
    hi = _end(blocks, segs, hi)
    hit_set = set(hits)
    keep = [i for i in range(lo, hi + 1)
            if i in hit_set or (blocks[i].links < 0.5 and _is_small_line(segs[i]))]
    while lo > 0 and blocks[lo - 1].kind == "paragraph" and blocks[lo - 1].links < 0.3 \
            and len(segs[lo - 1]) <= 80 and (blocks[lo].kind != "heading" or blocks[lo].level != 1):
        lo -= 1  # the place, date and time lines that open the text ("March 31, 2020 5:30 P.M. EDT")
        keep.insert(0, lo)
    head = _head(blocks, segs, lo)
    context = " ".join(segs[i] for i in range(head[0] if head else lo, lo) if i not in head)
    kept = [blocks[i] for i in head + keep]
    if sum(len(segs[i]) for i in head + keep) < min(MIN_CHARS, len(page_text) // 10 + 1):
        return blocks, "main content not found: the whole page is kept", ""
    return kept, "", context


def _head(blocks: list[RawBlock], segs: list[str], lo: int) -> list[int]:
    """The page's <h1> before the main text, with the lead paragraphs between them
    (long, not links); [] when there is no <h1> there."""
    h1 = next((i for i in range(lo - 1, -1, -1) if blocks[i].kind == "heading" and blocks[i].level == 1), None)
    if h1 is None or lo - h1 > 12:
        return []
    lead = [i for i in range(h1 + 1, lo) if blocks[i].kind == "paragraph" and len(segs[i]) >= 60
            and blocks[i].links < 0.3 and not _is_small_line(segs[i])]
    return [h1] + lead


def _start_at_h1(blocks: list[RawBlock], segs: list[str], hits: list[int], hi: int) -> int:
    """The briefing starts at the page's <h1> when the extractor kept only a few short
    lines above it (a site banner, "For Immediate Release")."""
    lo = hits[0]
    h1 = next((i for i in range(lo, hi) if blocks[i].kind == "heading" and blocks[i].level == 1), None)
    if h1 is None:
        return lo
    above = [i for i in hits if i < h1]
    if len(above) <= 8 and all(len(segs[i]) < 60 for i in above):
        return h1
    return lo


def _short(b: RawBlock, seg: str) -> bool:
    return b.kind == "paragraph" and b.links < 0.3 and 0 < len(seg) <= 80


def _end(blocks: list[RawBlock], segs: list[str], hi: int) -> int:
    """The last block of the briefing: extractors drop its closing lines ("Thanks,
    everybody." "END" "3:03 P.M. EDT"); they are taken back when short lines lead from
    the last extracted block to an END, stage or time line."""
    last = hi
    for i in range(hi + 1, min(len(blocks), hi + 8)):
        if not _short(blocks[i], segs[i]):
            break
        if _is_small_line(segs[i]) and not match_label(segs[i]):
            last = i
    return last
