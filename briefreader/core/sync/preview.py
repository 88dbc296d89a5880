"""A briefing's list row read cheaply (front matter, sidecar, file name, first lines),
so a first sync can list briefings before they are analysed.

The row is provisional: the catalog keeps it with size -1 and no hash, so the sync
analyses the file as changed and replaces the row with what the analysis found.
"""

from __future__ import annotations

import re
from pathlib import Path

from briefreader.core.ingest import SUFFIXES, read_bytes
from briefreader.core.ingest import metadata as md_meta
from briefreader.core.ingest.decode import decode_bytes
from briefreader.core.ingest.frontmatter import read_sidecar, split_front_matter
from briefreader.core.model import DocumentInfo, Format
from briefreader.core.sanitize import clean, one_line

_HEAD = 65536  # bytes read of each file: front matter and the opening lines
_LABEL = re.compile(r"^(?:Q|[A-Z][A-Z.'\- ]{1,40}):\s", re.M)  # "MS. PSAKI:  Good…"
_HTML_TITLE = re.compile(r"<title[^>]*>([^<]{3,300})</title>", re.I)


def preview(path: str, doc_id: str) -> DocumentInfo:
    """Title, date, format and source of one file without parsing it (never raises:
    what cannot be read falls back to the file name)."""
    p = Path(path)
    kind = SUFFIXES.get(p.suffix.lower(), "text")
    meta: dict[str, object] = {}
    text = ""
    try:
        text, _remark = decode_bytes(read_bytes(p)[:_HEAD])
        if kind == "markdown":
            front, text, _ = split_front_matter(text)
            meta.update(front)
        elif kind == "html":
            m = _HTML_TITLE.search(text)
            if m:
                meta["title"] = m.group(1)
            text = ""
        side, _ = read_sidecar(p)
        for key, value in side.items():
            meta.setdefault(key, value)
    except Exception:  # noqa: BLE001 - a preview only: the sync reports the real failure
        pass
    title = md_meta.clean_title(meta["title"]) if meta.get("title") else ""
    title = title or md_meta.title_from_name(p.stem) or md_meta.title_from_text(text) or p.name
    date = md_meta.normalise_date(meta.get("date")) or md_meta.date_from_name(p.name) \
        or md_meta.date_from_text(text)
    declared = str(meta.get("format") or "").lower()
    fmt: Format
    if declared in ("transcript", "report", "notes"):
        fmt = declared  # type: ignore[assignment]
    else:
        fmt = "transcript" if len(_LABEL.findall(text, 0, 20000)) >= 3 else "report"
    url = meta.get("source_url") or meta.get("url")
    # what enters the catalog is data: cleaned as parse_document cleans it
    return DocumentInfo(doc_id, path, one_line(title), date, fmt, clean(str(url)) if url else None,
                        len(text.split()))
