"""Benchmark corpora: a private copy of the source corpus (the one-file-changed step
edits a file) and an N-times corpus made of copies with changed names and dates.

Copy k (k >= 1) of a briefing dated YYYY-MM-DD is dated (YYYY + 8k)-MM-DD: in its folder
and file names and in its front matter, so every copy has different bytes (the
per-content-hash analysis cache cannot shortcut it) and a different id. A shift by a
multiple of 4 years keeps 29 February valid (no century year is crossed).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from briefreader.core.ingest import SUFFIXES

_YEAR = re.compile(r"(?<!\d)(19|20)(\d\d)(?=[-_.]\d\d[-_.]\d\d(?!\d))")
_FRONT_DATES = re.compile(r"^((?:date|modified_time|published_time):\s*['\"]?)((?:19|20)\d\d)", re.M)
YEARS_PER_COPY = 8


def briefing_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                  and not p.name.startswith("."))


def _shift_name(name: str, years: int) -> str:
    return _YEAR.sub(lambda m: str(int(m.group(1) + m.group(2)) + years), name)


def _shift_front(data: bytes, years: int) -> bytes:
    text = data.decode("utf-8", errors="surrogateescape")
    if not text.startswith("---"):
        return data
    end = text.find("\n---", 3)
    if end < 0:
        return data
    head = _FRONT_DATES.sub(lambda m: m.group(1) + str(int(m.group(2)) + years), text[:end])
    return (head + text[end:]).encode("utf-8", errors="surrogateescape")


def copy_corpus(src: Path, dest: Path, limit: int | None = None) -> list[Path]:
    """Copy the briefing files of ``src`` (the first ``limit``) into ``dest``."""
    files = briefing_files(src)[:limit] if limit else briefing_files(src)
    out = []
    for f in files:
        target = dest / f.relative_to(src)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(f, target)
        out.append(target)
    return out


def scaled_corpus(src: Path, dest: Path, scale: int, limit: int | None = None) -> list[Path]:
    """``scale`` copies of ``src`` under dest/copyNN/, copy 0 unchanged."""
    files = briefing_files(src)[:limit] if limit else briefing_files(src)
    out = []
    for k in range(scale):
        years = k * YEARS_PER_COPY
        base = dest / f"copy{k:02d}"
        for f in files:
            rel = f.relative_to(src)
            target = base.joinpath(*(_shift_name(part, years) for part in rel.parts))
            target.parent.mkdir(parents=True, exist_ok=True)
            data = f.read_bytes()
            target.write_bytes(_shift_front(data, years) if years else data)
            out.append(target)
    return out
