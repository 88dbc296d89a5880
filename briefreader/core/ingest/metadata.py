"""Title and date: front matter or sidecar first, then the file name, then the text."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from briefreader.core.lexicon import MONTH_ABBREVIATIONS, MONTH_NUMBERS, MONTHS, alternation

_MONTHS = MONTH_NUMBERS
_MON = "(" + "|".join(m.capitalize() for m in MONTHS) + "|" + alternation(MONTH_ABBREVIATIONS, True) + r")\.?"
_ISO = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.](\d\d)[-_.](\d\d)(?!\d)")
_COMPACT = re.compile(r"(?<!\d)((?:19|20)\d\d)(\d\d)(\d\d)(?!\d)")
_MDY = re.compile(_MON + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)", re.I)
_DMY = re.compile(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?\s+" + _MON + r",?\s+((?:19|20)\d\d)", re.I)


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def normalise_date(value: Any) -> str | None:
    """A YYYY-MM-DD string from a front-matter value (date, datetime or text)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return date_from_text(str(value), head=200)


def date_from_name(name: str) -> str | None:
    for rx in (_ISO, _COMPACT):
        m = rx.search(name)
        if m:
            got = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if got:
                return got
    return None


def date_from_text(text: str, head: int = 3000) -> str | None:
    sample = text[:head]
    found: list[tuple[int, str]] = []
    for m in _ISO.finditer(sample):
        got = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if got:
            found.append((m.start(), got))
            break
    m2 = _MDY.search(sample)
    if m2:
        got = _valid(int(m2.group(3)), _MONTHS[m2.group(1).lower().rstrip(".")], int(m2.group(2)))
        if got:
            found.append((m2.start(), got))
    m3 = _DMY.search(sample)
    if m3:
        got = _valid(int(m3.group(3)), _MONTHS[m3.group(2).lower().rstrip(".")], int(m3.group(1)))
        if got:
            found.append((m3.start(), got))
    return min(found)[1] if found else None


def title_from_name(stem: str) -> str | None:
    """"2021-01-20-press-briefing-by-jen-psaki" -> "Press briefing by jen psaki"."""
    s = _ISO.sub(" ", stem)
    s = re.sub(r"[-_]+", " ", s).strip()
    if not re.search(r"[A-Za-z]{3}", s) or re.fullmatch(r"[0-9a-f ]+", s.lower()):
        return None  # an id, not a title
    return s[:1].upper() + s[1:]


_BOILERPLATE = re.compile(
    r"(?:the white house|office of the .{3,60}|for immediate release.*|embargoed.*|by\s.*|https?://\S*|www\.\S*"
    r"|washington(?:,? d\.?c\.?)?|transcript|press release|\W*"
    r"|\d{1,2}:\d{2}\s*(?:[ap]\.?\s?m\.?)?\s*(?:[ecmp][sd]t)?)",  # a time: "2:07 p.m. EDT"
    re.I,
)
_WORD = re.compile(r"[^\W\d_]{3,}")


def _is_date_line(line: str) -> bool:
    """A date and little else: "6 January 2025", "Monday, January 6, 2025"."""
    return date_from_text(line) is not None and len(_WORD.findall(line)) <= 3


_BYLINE = re.compile(r"(?:by|from|posted by|written by)\s+[A-Z][\w.'’\-]+(?:[ ,]+[\w.'’\-&]+){0,8}\s*$", re.I)
_DATED = re.compile(r"(?:published|posted|updated|last updated|dated?)\b:?", re.I)
_DATELINE_LEAD = re.compile(  # "MOSCOW, Jan 15 (Reuters) - "
    r"^[A-Z][A-Z .'’\-]{2,30},?(?:\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([\w .]+\))?\s+[-–—]\s")


def is_dateline(line: str) -> bool:
    """A line under a headline that is metadata: a date ("2017-07-21", "Monday, January
    6, 2025", "Published: 6 Jan 2025 10:14"), a byline ("By Jane Smith, Reuters")."""
    line = " ".join(line.split())
    if not line or len(line) > 100:
        return False
    if _is_date_line(line) or (_DATED.match(line) and date_from_text(line) is not None):
        return True
    return bool(_BYLINE.fullmatch(line)) and not line.endswith((".", "?", "!"))


def looks_like_headline(line: str) -> bool:
    """A news headline: short, one line, not a date, a byline, a speaker's turn or a
    dateline-led sentence ("MOSCOW, Jan 15 (Reuters) - …"); a full stop or question
    mark at its end does not matter."""
    line = " ".join(line.split())
    if not 3 <= len(line) <= 150 or len(line.split()) > 25 or len(_WORD.findall(line)) < 2:
        return False
    if _is_date_line(line) or is_dateline(line) or _DATELINE_LEAD.match(line) or _BOILERPLATE.fullmatch(line):
        return False
    return not line.endswith((":", ",", ";"))


def title_from_head(blocks: list[Any]) -> str | None:
    """A document's own title line: the first of its opening lines (up to four) that
    stands alone, is short, and is not a date, a byline or letterhead ("THE WHITE
    HOUSE", "For Immediate Release"). None when the text starts with prose."""
    for i, b in enumerate(blocks[:4]):
        if b.kind not in ("paragraph", "heading") or b.speaker_label:
            return None
        line = " ".join(b.text.split())
        if "\n" in b.text.strip() or not 3 <= len(line) <= 150 or len(line.split()) > 20:
            return None
        if _BOILERPLATE.fullmatch(line) or _is_date_line(line) or is_dateline(line):
            continue
        if line[-1] in ",;:":
            return None
        if line[-1] in ".!" and not line.endswith(("Jr.", "Sr.", "D.C.", "U.S.")) \
                and not _headline_before_prose(line, blocks[i + 1:i + 3]):
            return None
        return line
    return None


def _headline_before_prose(line: str, after: list[Any]) -> bool:
    """A headline that ends with a full stop ("Minister resigns after vote."): short,
    and followed (perhaps past a dateline) by a paragraph of prose at least twice as long."""
    if not looks_like_headline(line) or len(line.split()) > 15:
        return False
    for b in after:
        text = " ".join(b.text.split())
        if is_dateline(text) or _is_date_line(text):
            continue
        return b.kind == "paragraph" and not b.speaker_label and len(text) >= 2 * len(line) \
            and len(text.split()) >= 12
    return False


def title_from_text(text: str) -> str | None:
    for line in text.splitlines():
        line = line.strip().strip("#*_ ").strip()
        if len(line) >= 3:
            return line if len(line) <= 120 else line[:117].rsplit(" ", 1)[0] + "…"
    return None


def clean_title(value: Any) -> str:
    return " ".join(str(value).replace("\u00a0", " ").split())


def as_tags(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        items = re.split(r"[,\s]+", value)
    elif isinstance(value, (list, tuple)):
        items = [str(v) for v in value]
    else:
        items = [str(value)]
    return tuple(t.strip() for t in items if t and t.strip())
