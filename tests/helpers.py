"""Briefing builders shared by the tests (beside conftest.py's paths and fixtures)."""

from __future__ import annotations

from briefreader.core.model import Block, BlockKind, Briefing


def report(*paragraphs: str, kinds: tuple[BlockKind, ...] = (), doc_id: str = "doc",
           path: str = "doc.md", title: str = "t") -> Briefing:
    """A report with one block per paragraph (blank lines between them)."""
    text = "\n\n".join(paragraphs)
    blocks = []
    pos = 0
    for i, p in enumerate(paragraphs):
        kind: BlockKind = kinds[i] if i < len(kinds) else "paragraph"
        blocks.append(Block(kind, pos, pos + len(p), p))
        pos += len(p) + 2
    return Briefing(doc_id, path, title, None, "report", text, tuple(blocks))


def plain_briefing(text: str, doc_id: str = "doc", path: str | None = None, title: str = "t",
                   date: str | None = None, content_hash: str = "h", source_url: str | None = None) -> Briefing:
    """A briefing of one text and no blocks: what the notes store and anchoring need."""
    return Briefing(id=doc_id, path=path or f"/data/{doc_id}.txt", title=title, date=date, format="report",
                    text=text, blocks=(), source_url=source_url, content_hash=content_hash)
