"""Notes as Markdown citations: each passage quoted (its quotation marks paired),
then who said it, the briefing's title, date and source URL, then the note and its
tags. Oldest briefing first, passages in reading order."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from briefreader.core.model import Note
from briefreader.core.notes.citation import Citation, balanced_quote, cite_line
from briefreader.core.notes.documents import Documents, document_info

_MD_BLOCK_START = re.compile(r"^(\s*)([#>*+-]|\d+[.)]|=+$|-+$)")


def _escape_block(line: str) -> str:
    return _MD_BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line, count=1)


def _citation(note: Note, documents: Documents, stored: Mapping[str, Citation]) -> Citation:
    """The briefing as indexed now, else the citation stored with the note (its
    briefing is elsewhere, or gone)."""
    c = stored.get(note.id) or Citation()
    info = document_info(note, documents) or {}
    return Citation(str(info.get("title") or c.title or note.document), info.get("date") or c.date,
                    info.get("source_url") or c.source_url, c.speaker)


def export_markdown(notes: Iterable[Note], documents: Documents,
                    citations: Mapping[str, Citation] | None = None) -> str:
    """Every note as a citation: the quoted passage, "— speaker, *title*, date, <url>",
    then the note's text and tags."""
    stored = citations or {}
    cited = [(n, _citation(n, documents, stored)) for n in notes]
    cited.sort(key=lambda nc: (nc[1].date or "9999", nc[1].title, nc[0].path, nc[0].start, nc[0].created))
    out = ["# Notes", ""]
    if not cited:
        out += ["No notes.", ""]
    for n, c in cited:
        out.append("> " + _escape_block(balanced_quote(n.text)))
        out.append(">")
        out.append("> " + cite_line(c))
        out.append("")
        if n.state != "placed":
            out += ["(this passage is no longer in the briefing's current text)", ""]
        if n.body:
            out += [n.body.rstrip(), ""]
        tags = [t for t in n.tags if f"#{t}" not in n.body.lower()]
        if tags:
            out += ["Tags: " + ", ".join(f"#{t}" for t in tags), ""]
        out += ["---", ""]
    return "\n".join(out).rstrip() + "\n"
