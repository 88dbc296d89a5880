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


def title_from_head(blocks: list[Any]) -> str | None:
    """A document's own title line: the first of its opening lines (up to four) that
    stands alone, is short, and is not a date, a byline or letterhead ("THE WHITE
    HOUSE", "For Immediate Release"). None when the text starts with prose."""
    for b in blocks[:4]:
        if b.kind not in ("paragraph", "heading") or b.speaker_label:
            return None
        line = " ".join(b.text.split())
        if "\n" in b.text.strip() or not 3 <= len(line) <= 150 or len(line.split()) > 20:
            return None
        if _BOILERPLATE.fullmatch(line) or _is_date_line(line):
            continue
        if line[-1] in ".,;:" and not line.endswith(("Jr.", "Sr.", "D.C.", "U.S.")):
            return None
        return line
    return None


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
