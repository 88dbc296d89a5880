"""Notes as Markdown: grouped by briefing, each passage quoted with its note, tags
and a citation (title, date, URL, characters)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from briefreader.core.model import Note
from briefreader.core.notes.documents import Documents, document_info, note_path

_MD_BLOCK_START = re.compile(r"^(\s*)([#>*+-]|\d+[.)]|=+$|-+$)")


def _quote_lines(text: str) -> str:
    """``text`` as a Markdown blockquote, its lines kept, block markers escaped."""
    out = []
    for line in text.splitlines() or [""]:
        line = line.rstrip()
        line = _MD_BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line, count=1)
        out.append(f"> {line}" if line else ">")
    return "\n".join(out)


def export_markdown(notes: Iterable[Note], documents: Documents) -> str:
    """Notes grouped by briefing: heading, then each passage quoted, the note, tags, citation."""
    by_doc: dict[tuple[str, str], list[Note]] = {}  # (document id, file path) -> notes
    for n in notes:
        by_doc.setdefault((n.document, n.path), []).append(n)
    infos = {key: document_info(group[0], documents) or {} for key, group in by_doc.items()}

    def order(key: tuple[str, str]) -> tuple[str, str, str, str]:
        info = infos[key]
        return (str(info.get("date") or "9999"), str(info.get("title") or key[0]), *key)

    out = ["# Notes", ""]
    if not by_doc:
        out += ["No notes.", ""]
    for key in sorted(by_doc, key=order):
        doc, info = key[0], infos[key]
        title = str(info.get("title") or doc)
        date = info.get("date")
        url = info.get("source_url")
        path = note_path(by_doc[key][0], info)
        out.append(f"## {title}")
        out.append("")
        meta = [str(date) if date else None, f"<{url}>" if url else None, f"`{path}`" if path else None]
        out.append(" · ".join(m for m in meta if m) or f"`{doc}`")
        out.append("")
        for n in sorted(by_doc[key], key=lambda n: (n.start, n.created, n.id)):
            out.append(_quote_lines(n.text))
            out.append("")
            if n.body:
                out.append(n.body.rstrip())
                out.append("")
            if n.tags:
                out.append("Tags: " + ", ".join(f"#{t}" for t in n.tags))
                out.append("")
            cite = f"— {title}" + (f", {date}" if date else "") + (f", {url}" if url else "")
            if n.state == "placed":
                cite += f" (characters {n.start}–{n.end})"
            else:
                cite += " (unplaced: this passage is no longer in the current text)"
            out.append(cite)
            out.append("")
    return "\n".join(out).rstrip() + "\n"
