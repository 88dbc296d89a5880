"""What a note's fields may hold: its state, tags (also #words in its body), colour
and times, checked and cleaned as the store keeps them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Literal

from briefreader.core.errors import NoteError

NoteState = Literal["placed", "unplaced"]
STATES: tuple[NoteState, ...] = ("placed", "unplaced")

_TAG_IN_BODY = re.compile(r"(?<![\w&#/])#([^\W\d_][\w-]*)")
_COLOR = re.compile(r"[A-Za-z][\w-]{0,31}|#[0-9A-Fa-f]{3,8}")


def now_iso() -> str:
    """The current time, ISO 8601 UTC with milliseconds: 2025-04-04T09:30:00.000Z."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def clean_tag(tag: str) -> str:
    """A tag as stored: lower case, no leading '#', inner whitespace as '-'."""
    return re.sub(r"\s+", "-", tag.strip().lstrip("#").strip().lower()).strip("-")


def body_tags(body: str) -> list[str]:
    """Tags written in a note's body as #words (not '# headings', '#1' or URL#fragments)."""
    return [clean_tag(m.group(1)) for m in _TAG_IN_BODY.finditer(body)]


def merge_tags(*groups: Sequence[str]) -> tuple[str, ...]:
    """The tags of ``groups`` cleaned, in order, each once."""
    out: dict[str, None] = {}
    for group in groups:
        for t in [group] if isinstance(group, str) else group:
            if not isinstance(t, str):
                raise NoteError(f"a tag must be text, not {type(t).__name__}")
            t = clean_tag(t)
            if t:
                out.setdefault(t)
    return tuple(out)


def check_color(color: str | None) -> str | None:
    """A colour as stored (a name or a hex value; '' or None: no colour), or a NoteError."""
    if color is None or color == "":
        return None
    if not isinstance(color, str) or not _COLOR.fullmatch(color):
        raise NoteError(f"bad colour {color!r}: use a name such as 'yellow' or a hex value such as '#ffcc00'")
    return color


def excerpt(text: str, n: int = 60) -> str:
    """``text`` on one line, cut to ``n`` characters for a message."""
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
