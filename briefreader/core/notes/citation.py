"""What a citation of a passage needs, kept with each note (notes schema v3) so a
note cites correctly even when its briefing is not in the current index; and the
citation as text (the Markdown export, the reader's copy-a-citation key)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from briefreader.core.model import Briefing, Quote

OPEN, CLOSE = "“", "”"
_INNER = str.maketrans({OPEN: "‘", CLOSE: "’"})
_COVER = 1 / 3  # of a passage covered by someone's quotes: they are its speaker


@dataclass(frozen=True, slots=True)
class Citation:
    title: str = ""
    date: str | None = None
    source_url: str | None = None
    speaker: str | None = None

    @property
    def empty(self) -> bool:
        return not (self.title or self.date or self.source_url or self.speaker)


def citation_of(briefing: Briefing, start: int, end: int | None = None,
                quotes: Sequence[Quote] = ()) -> Citation:
    """The citation of the passage ``[start, end)`` of ``briefing``: its title, date and
    source, and its speaker: who is quoted in it (:func:`quoted_speaker`), else the
    speaker of the transcript turn it is in (if any)."""
    starts = [b.start for b in briefing.blocks]
    i = bisect_right(starts, start) - 1
    speaker = quoted_speaker(quotes, start, end if end is not None and end > start else start + 1)
    if speaker is None:
        speaker = briefing.blocks[i].speaker if 0 <= i < len(briefing.blocks) else None
    return Citation(briefing.title, briefing.date, briefing.source_url, speaker)


def quoted_speaker(quotes: Sequence[Quote], start: int, end: int) -> str | None:
    """The speaker whose quotes (or turn sentences) cover most of ``[start, end)``, when
    they cover at least a third of it (“…,” said Ann Lee, who leads the council.);
    where a quote inside a turn covers as much as the turn (the words of someone the
    speaker quotes), the quoted person."""
    cover: dict[str, list[tuple[int, int]]] = {}
    attributed: set[str] = set()
    for q in quotes:
        if not q.speaker:
            continue
        for s, e in q.spans or ((q.start, q.end),):
            a, b = max(s, start), min(e, end)
            if a < b:
                cover.setdefault(q.speaker, []).append((a, b))
                if q.kind != "turn":
                    attributed.add(q.speaker)
    best: tuple[int, bool, str] | None = None
    for name, spans in cover.items():
        covered, reach = 0, start
        for a, b in sorted(spans):  # the union of the spans
            a = max(a, reach)
            if b > a:
                covered, reach = covered + b - a, b
        key = (covered, name in attributed, name)
        if best is None or key[:2] > best[:2]:
            best = key
    return best[2] if best is not None and best[0] >= (end - start) * _COVER else None


def balanced_quote(text: str) -> str:
    """``text`` in quotation marks that pair up. A passage that starts inside a
    quotation (``nuances,” he said.``) gets only the opening mark it lacks
    (“nuances,” he said.); one that ends inside one gets the closing mark; a passage
    with no unpaired mark is wrapped, its own marks turned into single ones."""
    text = " ".join(text.split())
    depth, missing_open = 0, 0
    for ch in text:
        if ch == OPEN:
            depth += 1
        elif ch == CLOSE:
            if depth:
                depth -= 1
            else:
                missing_open += 1
    if missing_open or depth:
        return OPEN * missing_open + text + CLOSE * depth
    return OPEN + text.translate(_INNER) + CLOSE


def cite_line(c: Citation) -> str:
    """"— Speaker, Title, date, <url>" (what is known of it)."""
    parts = [c.speaker or "", f"*{c.title}*" if c.title else "", c.date or "",
             f"<{c.source_url}>" if c.source_url else ""]
    return "— " + ", ".join(p for p in parts if p)


def citation_text(passage: str, c: Citation) -> str:
    """A passage and its citation as plain text (for the clipboard)."""
    parts = [c.speaker or "", c.title, c.date or "", c.source_url or ""]
    return f"{balanced_quote(passage)} — " + ", ".join(p for p in parts if p)
