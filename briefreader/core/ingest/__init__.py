"""File -> Briefing: plain text, Markdown, HTML; front matter; transcript turns.

``load_file`` is the one entry point; the formats live in sibling modules.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefreader.core.errors import IngestError
from briefreader.core.ingest.decode import MAX_FILE_BYTES

if TYPE_CHECKING:
    from briefreader.core.ingest.blocks import RawBlock
    from briefreader.core.model import Block, Briefing, Format, Sentence

# The format modules (Markdown, HTML, YAML, the lexicon) are imported where a file is
# parsed: a sync that finds nothing changed, the reader and the search commands never
# parse, and those imports were a third of their start-up.

SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
FORMATS = ("transcript", "report", "notes")

__all__ = ["SUFFIXES", "load_file", "parse_document", "content_hash", "briefing_hash", "MAX_FILE_BYTES"]


def briefing_hash(path: Path, data: bytes) -> str:
    """The content hash of a briefing: its file's bytes and its metadata file's."""
    from briefreader.core.ingest.frontmatter import sidecar_for

    side = sidecar_for(path)
    if side is None:
        return content_hash(data)
    try:
        extra = side.read_bytes()[:1048576]
    except OSError:
        return content_hash(data)
    return content_hash(data + b"\0meta\0" + extra)


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def read_bytes(path: Path) -> bytes:
    """Read a file with a size limit; every failure is an IngestError with a reason.

    Only regular files are read (a named pipe would block forever), and the limit is
    checked on what was read too, so a file that grows meanwhile cannot exceed it.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise IngestError("file vanished before it could be read") from None
    except PermissionError:
        raise IngestError("permission denied") from None
    except IsADirectoryError:
        raise IngestError("is a directory") from None
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror or exc}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise IngestError("not a regular file")
        if st.st_size > MAX_FILE_BYTES:
            raise IngestError(_too_big(st.st_size))
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except IngestError:
        raise
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:
        raise IngestError(_too_big(len(data)))
    return data


def _too_big(size: int) -> str:
    return f"skipped: {size / 1048576:.1f} MB is over the {MAX_FILE_BYTES // 1048576} MB limit"


def load_file(path: str | os.PathLike[str], doc_id: str | None = None,
              data: bytes | None = None) -> Briefing:
    """Read and parse one file into a Briefing (raises IngestError with a reason)."""
    from briefreader.core.ingest.decode import decode_bytes
    from briefreader.core.ingest.frontmatter import read_sidecar

    p = Path(path)
    kind = SUFFIXES.get(p.suffix.lower())
    if kind is None:
        raise IngestError(f"unsupported file type {p.suffix or '(none)'}")
    if data is None:
        data = read_bytes(p)
    text, remark = decode_bytes(data)
    side, side_remark = read_sidecar(p)
    remarks = [r for r in (remark, side_remark) if r]
    briefing = parse_document(text, kind, name=p.name, doc_id=doc_id or p.name, path=str(p),
                              extra_meta=side, remarks=remarks)
    if not briefing.text.strip():
        raise IngestError("empty file" if not data else "no readable text")
    return replace(briefing, content_hash=briefing_hash(p, data))


def parse_document(source: str, kind: str, name: str = "", doc_id: str = "", path: str = "",
                   extra_meta: dict[str, Any] | None = None,
                   remarks: list[str] | None = None) -> Briefing:
    """Parse decoded ``source`` of a given kind (text|markdown|html) into a Briefing."""
    from briefreader.core.ingest import metadata as md_meta
    from briefreader.core.ingest.frontmatter import split_front_matter
    from briefreader.core.ingest.html import html_fields, render_html
    from briefreader.core.ingest.markdown import render_markdown
    from briefreader.core.ingest.plaintext import plain_blocks
    from briefreader.core.ingest.transcript import build_blocks, resolve_speakers
    from briefreader.core.model import Briefing
    from briefreader.core.sanitize import clean, clean_data, one_line

    if "\r" in source:
        source = source.replace("\r\n", "\n").replace("\r", "\n")
    # the sanitising boundary (core/sanitize.py): the body, one for one (offsets kept);
    # metadata, file name and remarks as they come in
    source = clean(source)
    name = clean(name)
    remarks = list(remarks or [])
    meta: dict[str, Any] = {}
    context = ""  # words left out of the text that name its speakers (a page's byline)
    raw: list[RawBlock]
    if kind == "markdown":
        front, body, fm_remark = split_front_matter(source)
        if fm_remark:
            remarks.append(fm_remark)
        meta.update(front)
        line_offset = source.count("\n", 0, len(source) - len(body))
        text, raw = render_markdown(body, line_offset)
    elif kind == "html":
        text, raw, html_meta = render_html(source)
        meta.update(html_fields(html_meta))
        if html_meta.get("note"):
            remarks.append(html_meta["note"])
        context = html_meta.get("context", "")
    else:
        text = source
        raw = plain_blocks(text)
    for key, value in (extra_meta or {}).items():
        meta.setdefault(key, value)
    meta = clean_data(meta)

    title = md_meta.clean_title(meta["title"]) if meta.get("title") else ""
    blocks, turns = build_blocks(text, raw)
    if not title:
        heading = next((b for b in blocks if b.kind == "heading" and b.level == 1), None)
        stem = name.rsplit(".", 1)[0] if name else ""
        title = (heading.text if heading else None) or md_meta.title_from_head(blocks) \
            or md_meta.title_from_name(stem) or md_meta.title_from_text(text) or name or "Untitled"
    title = one_line(title)
    if turns:
        labels = {b.speaker_label for b in blocks if b.speaker_label}
        names = resolve_speakers({x for x in labels if x}, title + ("\n" + context if context else ""), text)
        blocks = [replace(b, speaker=names.get(b.speaker_label or "")) if b.speaker_label else b
                  for b in blocks]
    else:
        names = {}
    date = md_meta.normalise_date(meta.get("date")) or md_meta.date_from_name(name) \
        or md_meta.date_from_text(text) or (md_meta.date_from_text(context) if context else None)
    fmt = _format(meta.get("format"), blocks, turns)
    return Briefing(
        id=doc_id, path=path, title=title, date=date, format=fmt, text=text,
        blocks=tuple(blocks), sentences=tuple(sentences_of(text, blocks)),
        source_url=str(meta["source_url"]) if meta.get("source_url") else (
            str(meta["url"]) if meta.get("url") else None),
        tags=md_meta.as_tags(meta.get("tags")), notes=tuple(one_line(r) for r in remarks),
        speakers=names,
    )


def sentences_of(text: str, blocks: list[Block] | tuple[Block, ...]) -> list[Sentence]:
    from briefreader.core.model import Sentence
    from briefreader.core.sentences import split_spans

    out: list[Sentence] = []
    for i, b in enumerate(blocks):
        start = b.content_start if b.content_start >= 0 else b.start
        for s, e in split_spans(text, start, b.end):
            out.append(Sentence(s, e, text[s:e], i))
    return out


def _format(declared: Any, blocks: list[Block], turns: int) -> Format:
    if isinstance(declared, str) and declared.lower() in FORMATS:
        return declared.lower()  # type: ignore[return-value]
    if turns:
        return "transcript"
    listish = sum(1 for b in blocks if b.kind == "list_item")
    if blocks and listish >= max(3, len(blocks) // 2):
        return "notes"
    return "report"
