"""Finding briefing files under the given roots (no link followed outside them)."""

from __future__ import annotations

import os
import re
import stat
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


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as text that can always be printed and stored: bytes of a file name that
    are not UTF-8 are shown as \\xNN escapes."""
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def _valid_name(path: str) -> bool:
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:  # undecodable bytes in a name surface as lone surrogates
        return False
    return True


def scan(roots: list[Path], failures: list[tuple[str, str]]) -> Iterator[Found]:
    """Yield every briefing file below ``roots`` (sorted, stable ids); problems go
    to ``failures`` as (path, reason)."""
    resolved = list(dict.fromkeys(r.resolve() for r in roots))
    prefixes = _prefixes(resolved)
    seen: set[str] = set()

    def walk_error(exc: OSError) -> None:
        failures.append((display_path(exc.filename or "?"),
                         f"cannot read folder: {exc.strerror or exc}"))

    for root, prefix in zip(resolved, prefixes, strict=True):
        if root.is_file():
            found = _stat(root, prefix + root.name, failures)
            if found:
                found = _with_sidecar(found, root, None)
            if found and found.path not in seen:
                seen.add(found.path)
                yield found
            continue
        for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=walk_error):
            kept = []
            for d in sorted(dirnames):
                if d.startswith("."):
                    continue
                full = Path(dirpath) / d
                if full.is_symlink():  # never followed; say so when it leads out of the corpus
                    reason = _link_problem(full, resolved)
                    if reason:
                        failures.append((display_path(full), reason))
                    continue
                kept.append(d)
            dirnames[:] = kept
            sidecars = {n for n in filenames if n.lower().endswith(SIDECAR_SUFFIXES)}
            for name in sorted(filenames):
                if name.startswith(".") or name.lower().endswith(SIDECAR_SUFFIXES) \
                        or _NOT_BRIEFINGS.match(name):
                    continue
                if Path(name).suffix.lower() not in SUFFIXES:
                    continue
                full = Path(dirpath) / name
                if not _valid_name(str(full)):
                    failures.append((display_path(full), "file name is not valid UTF-8; rename the file"))
                    continue
                if full.is_symlink():
                    reason = _link_problem(full, resolved)
                    if reason:
                        failures.append((str(full), reason))
                        continue
                rel = full.relative_to(root).as_posix()
                found = _stat(full, prefix + rel, failures)
                if found and sidecars:
                    found = _with_sidecar(found, full, sidecars)
                if found and found.path not in seen:
                    seen.add(found.path)
                    yield found


def _with_sidecar(found: Found, path: Path, names: set[str] | None) -> Found:
    """A metadata file beside a briefing is part of it: its size and mtime join the
    briefing's, so editing it alone is seen by the stat-only check."""
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    for suffix in SIDECAR_SUFFIXES:
        side = path.with_name(stem + suffix)
        if names is not None and side.name not in names:
            continue
        try:
            st = side.stat()
        except OSError:
            continue
        return Found(found.path, found.doc_id, found.size + st.st_size,
                     max(found.mtime_ns, st.st_mtime_ns) + st.st_size)
    return found


def _prefixes(roots: list[Path]) -> list[str]:
    """Id prefixes of several roots: their names, with as many parent folders as it
    takes to tell apart two roots of the same name ("a/2021/", "b/2021/")."""
    if len(roots) < 2:
        return [""]
    depth = [1] * len(roots)
    while True:
        names = ["/".join(r.parts[-d:]) if d < len(r.parts) else r.as_posix()
                 for r, d in zip(roots, depth, strict=True)]
        clash = {n for n in names if names.count(n) > 1}
        if not clash:
            return [n.rstrip("/") + "/" for n in names]
        for i, n in enumerate(names):
            if n in clash:
                depth[i] += 1


def _link_problem(link: Path, roots: list[Path]) -> str | None:
    try:
        target = link.resolve(strict=True)
    except (OSError, RuntimeError):
        return "broken or looping symbolic link"
    if not _within(target, roots):
        return "symbolic link points outside the corpus; not followed"
    return None


def _stat(path: Path, doc_id: str, failures: list[tuple[str, str]]) -> Found | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        failures.append((str(path), "file vanished before it could be read"))
        return None
    except OSError as exc:
        failures.append((str(path), f"cannot stat: {exc.strerror or exc}"))
        return None
    if not stat.S_ISREG(st.st_mode):  # a named pipe would block the reader forever
        failures.append((str(path), "not a regular file"))
        return None
    return Found(str(path), doc_id, st.st_size, st.st_mtime_ns)
