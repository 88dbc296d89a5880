"""Plain text -> blocks. The canonical text is the file's text itself."""

from __future__ import annotations

import re

from briefreader.core.ingest.blocks import RawBlock
from briefreader.core.ingest.metadata import is_dateline, looks_like_headline
from briefreader.core.ingest.transcript import starts_with_label

_PARA_SPLIT = re.compile(r"\n[ \t]*\n\s*")
_WRAP_MIN = 40  # a hard-wrapped line is at least this long...
_WRAP_MAX = 110  # ...and at most this long


def plain_blocks(text: str) -> list[RawBlock]:
    """Blank-line paragraphs; inside one, hard-wrapped lines stay together while
    lines of one paragraph each (or speaker-labelled lines) become their own block."""
    blocks: list[RawBlock] = []
    pos = 0
    line_no = 0
    head = _headline_lines(text)
    if head:  # "Headline\n2017-07-21\n\nBody": the headline and dateline are blocks of their own
        for i, (s, e) in enumerate(head):
            blocks.append(RawBlock("heading" if i == 0 else "paragraph", s, e, 1 if i == 0 else 0, i))
        pos = head[-1][1]
        while pos < len(text) and text[pos] in " \t\n":
            pos += 1
        line_no = text.count("\n", 0, pos)
    for m in _PARA_SPLIT.finditer(text + "\n\n", pos):
        chunk_end = m.start()
        if chunk_end > pos:
            _chunk_blocks(text, pos, min(chunk_end, len(text)), line_no, blocks)
        line_no += text.count("\n", pos, min(m.end(), len(text)))
        pos = m.end()
    return blocks


def _chunk_blocks(text: str, start: int, end: int, line_no: int, out: list[RawBlock]) -> None:
    lines: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        lines.append((pos, stop))
        pos = stop + 1
    wrapped = len(lines) > 1 and all(
        _WRAP_MIN <= (e - s) <= _WRAP_MAX for s, e in lines[:-1]
    )
    group: list[tuple[int, int, int]] = []  # (start, end, line)
    for i, (s, e) in enumerate(lines):
        if not text[s:e].strip():
            continue
        starts_new = not wrapped or starts_with_label(text[s:e].lstrip())
        if group and starts_new:
            _emit(text, group, out)
            group = []
        group.append((s, e, line_no + i))
    if group:
        _emit(text, group, out)


def _emit(text: str, group: list[tuple[int, int, int]], out: list[RawBlock]) -> None:
    s, e = group[0][0], group[-1][1]
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append(RawBlock("paragraph", s, e, 0, group[0][2]))


def _headline_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of a news file's headline and the dateline/byline lines under it
    when the file opens "Headline\nDate or byline\n..." with no blank line between;
    [] otherwise (a headline followed by a blank line is a paragraph of its own anyway)."""
    lines: list[tuple[int, int]] = []
    pos = 0
    while len(lines) < 4:
        nl = text.find("\n", pos)
        end = len(text) if nl == -1 else nl
        if not text[pos:end].strip():
            break
        lines.append((pos, end))
        if nl == -1:
            break
        pos = nl + 1
    if len(lines) < 2 or not looks_like_headline(text[lines[0][0]:lines[0][1]].strip()):
        return []
    out = [_trim(text, *lines[0])]
    for s, e in lines[1:]:
        if not is_dateline(text[s:e].strip()):
            break
        out.append(_trim(text, s, e))
    return out if len(out) >= 2 else []


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e
