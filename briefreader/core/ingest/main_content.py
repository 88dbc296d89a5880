"""Which blocks of a rendered web page are the briefing (the page's main content).

The extractor (resiliparse, imported here only, when an HTML file is read) finds the
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
_CLOSING = re.compile(r"END\b|\(?\d{1,2}:\d{2}\s*[AaPp]\.?\s?[Mm]\.?")  # "END", "3:03 P.M. EDT"
_BULLET = re.compile(r"^[-*•] ")  # the extractor's list bullets
_LONG = 25  # a block this long matches anywhere in the extracted text; a shorter one, a line


def _norm(s: str) -> str:
    return _WS.sub(" ", s.replace("\u00a0", " ")).strip()


# boxes around a briefing that a main-content extractor may keep: share bars, breadcrumbs,
# "see also" and related links, tag lists, tooltips, photo captions
CHROME_SELECTORS = [
    "figcaption", "[role=tooltip]", "[class*=share]", "[class*=social]", "[class*=breadcrumb]",
    "[class*=related]", "[class*=see-also]", "[class*=see_also]", "[class*=seealso]", "[class*=tooltip]",
    "[class*=tags]", "[aria-hidden=true]", "[class*=meta]", "[class*=caption]",
]


def extract_main_text(source: str) -> str | None:
    """The page's main text as the extractor (resiliparse) gives it, None when it fails."""
    try:
        from resiliparse.extract.html2text import extract_plain_text
    except ImportError:  # pragma: no cover - a pinned dependency
        return None
    try:
        return str(extract_plain_text(source, preserve_formatting=True, main_content=True, list_bullets=False,
                                      alt_texts=False, links=False, skip_elements=CHROME_SELECTORS))
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
            return m is not None and len(s[m[2]:]) >= _LONG and s[m[2]:].strip() in joined
        return s in line_set or ("\n" + s + " ") in line_text

    hits = [i for i in range(len(blocks)) if matched(i)]
    body = [i for i in hits if len(segs[i]) >= _LONG and blocks[i].kind != "heading"]
    if not body:
        return blocks, "main content not found: the whole page is kept", ""
    lo = _past_banner(blocks, segs, hits, body)
    hi = _last(blocks, segs, set(hits), body)
    hi = _end(blocks, segs, hi)
    hit_set = set(hits)
    keep = [i for i in range(lo, hi + 1)  # and, inside the text, what extractors drop: short lines, list items
            if i in hit_set or (blocks[i].links < 0.3 and not blocks[i].boxed
                                and (_is_small_line(segs[i]) or blocks[i].kind == "list_item"))]
    first = lo
    while first > 0 and first > lo - 4 and _short(blocks[first - 1], segs[first - 1]):
        first -= 1  # the place, date and time lines that open the text ("March 31, 2020 5:30 P.M. EDT")
    head = _head(blocks, segs, first)
    keep = list(range(first, lo)) + keep
    context = " ".join(segs[i] for i in range(head[0] if head else first, first) if i not in head)
    kept = [blocks[i] for i in head + keep]
    if sum(len(segs[i]) for i in head + keep) < min(MIN_CHARS, len(page_text) // 10 + 1):
        return blocks, "main content not found: the whole page is kept", ""
    return kept, "", context


def _head(blocks: list[RawBlock], segs: list[str], lo: int) -> list[int]:
    """The page's <h1> before the main text, with the lead paragraphs between them
    (long, not links); [] when there is no <h1> there. The rest between them (a
    dateline, a byline, a share bar) is the page's, not the briefing's."""
    h1 = next((i for i in range(lo - 1, max(-1, lo - 40), -1)
               if blocks[i].kind == "heading" and blocks[i].level == 1), None)
    if h1 is None:
        return []
    lead = [i for i in range(h1 + 1, lo) if blocks[i].kind == "paragraph" and len(segs[i]) >= 60
            and blocks[i].links < 0.3 and not blocks[i].boxed and not _is_small_line(segs[i])]
    return [h1] + lead


def _past_banner(blocks: list[RawBlock], segs: list[str], hits: list[int], body: list[int]) -> int:
    """The first block of the text: the first long one the extractor kept, or, when a
    page's <h1> follows a few lines kept above it (a site banner, a letterhead), the
    first long one after that <h1>."""
    lo = body[0]
    h1 = next((i for i in range(lo, body[-1]) if blocks[i].kind == "heading" and blocks[i].level == 1), None)
    if h1 is None:
        return lo
    above = [i for i in hits if lo <= i < h1]
    if len(above) <= 8 and all(len(segs[i]) < 200 for i in above):
        return next((i for i in body if i > h1), lo)
    return lo


def _last(blocks: list[RawBlock], segs: list[str], hits: set[int], body: list[int]) -> int:
    """The last block the extractor kept that belongs to the text: not a short line
    after a gap of blocks it dropped ("Publication date: …" below a tag list)."""
    k = len(body) - 1
    while k > 0 and len(segs[body[k]]) < 100 and body[k] - 1 not in hits \
            and not _is_small_line(segs[body[k] - 1]):
        k -= 1
    hi = body[k]
    while True:  # short lines kept right after it, or a short turn ("MR. PRICE: Thanks.") soon after
        nxt = next((j for j in range(hi + 1, min(len(blocks), hi + 4)) if j in hits), None)
        if nxt is None or len(segs[nxt]) >= _LONG or (nxt > hi + 1 and not _is_turn(segs[nxt])):
            return hi
        hi = nxt


def _is_turn(seg: str) -> bool:
    m = match_label(seg)
    return m is not None and bool(seg[m[2]:].strip())


def _short(b: RawBlock, seg: str) -> bool:
    return b.kind == "paragraph" and b.links < 0.3 and not b.boxed and 0 < len(seg) <= 80


def _end(blocks: list[RawBlock], segs: list[str], hi: int) -> int:
    """The last block of the briefing: extractors drop its closing lines ("Thanks,
    everybody." "END" "3:03 P.M. EDT"); they are taken back when short lines lead from
    the last extracted block to an END, stage or time line."""
    last = hi
    for i in range(hi + 1, min(len(blocks), hi + 8)):
        if not _short(blocks[i], segs[i]):
            break
        if _CLOSING.match(segs[i]) or is_stage(segs[i]):
            last = i
    return last
