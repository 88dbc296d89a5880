"""Finding briefing files under the given roots (no link followed outside them)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from briefreader.core.ingest import SUFFIXES
from briefreader.core.ingest.frontmatter import SIDECAR_SUFFIXES


# project documents beside briefings are not briefings
_NOT_BRIEFINGS = re.compile(r"^(README|SOURCES|LICEN[CS]E|CHANGELOG|CONTRIBUTING|NOTICE)(\.[A-Za-z]+)?$")


@dataclass(frozen=True, slots=True)
class Found:
    path: str  # absolute
    doc_id: str
    size: int
    mtime_ns: int


def _within(path: Path, roots: list[Path]) -> bool:
    return any(path == r or r in path.parents for r in roots)


def scan(roots: list[Path], failures: list[tuple[str, str]]) -> Iterator[Found]:
    """Yield every briefing file below ``roots`` (sorted, stable ids); problems go
    to ``failures`` as (path, reason)."""
    resolved = [r.resolve() for r in roots]
    multi = len(roots) > 1
    seen: set[str] = set()
    for root in resolved:
        prefix = root.name + "/" if multi else ""
        if root.is_file():
            found = _stat(root, prefix + root.name, failures)
            if found and found.path not in seen:
                seen.add(found.path)
                yield found
            continue
        for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=None):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if name.startswith(".") or name.lower().endswith(SIDECAR_SUFFIXES) \
                        or _NOT_BRIEFINGS.match(name):
                    continue
                if Path(name).suffix.lower() not in SUFFIXES:
                    continue
                full = Path(dirpath) / name
                if full.is_symlink():
                    try:
                        target = full.resolve(strict=True)
                    except (OSError, RuntimeError):
                        failures.append((str(full), "broken or looping symbolic link"))
                        continue
                    if not _within(target, resolved):
                        failures.append((str(full), "symbolic link points outside the corpus; not followed"))
                        continue
                rel = full.relative_to(root).as_posix()
                found = _stat(full, prefix + rel, failures)
                if found and found.path not in seen:
                    seen.add(found.path)
                    yield found


def _stat(path: Path, doc_id: str, failures: list[tuple[str, str]]) -> Found | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        failures.append((str(path), "file vanished before it could be read"))
        return None
    except OSError as exc:
        failures.append((str(path), f"cannot stat: {exc.strerror or exc}"))
        return None
    return Found(str(path), doc_id, st.st_size, st.st_mtime_ns)
