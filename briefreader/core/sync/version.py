"""The analysing code's version (``analysis_version``), remembered beside the catalog.

The version is a digest of the source and data files analysing a briefing depends on,
found by reading their imports: 30 ms, or 0.2 s on a loaded machine, at every sync --
most of a sync that finds nothing changed in a small corpus. A stamp of the package's
files (path, size and mtime of every module and data file, ~230 stat calls) is taken
instead, and the digest is computed only when the stamp is not the one remembered
with it. An edited module changes its mtime, so the stamp changes and the digest is
computed again; the stamp covers every file of the package, so it can only change
more often than the digest, never less.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

_PACKAGE_ROOT = Path(__file__).resolve().parents[2]  # .../briefreader
_SUFFIXES = (".py", ".txt", ".json", ".tsv", ".csv")
_FILE = "code-version.json"


def code_stamp(root: Path | None = None) -> str:
    """A digest of the path, size and mtime of every module and data file under ``root``
    (default: the briefreader package)."""
    h = hashlib.blake2b(digest_size=12)
    stack = [str(root or _PACKAGE_ROOT)]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            continue
        for e in entries:
            if e.name.startswith(".") or e.name == "__pycache__":
                continue
            if e.is_dir(follow_symlinks=False):
                stack.append(e.path)
            elif e.name.endswith(_SUFFIXES):
                try:
                    st = e.stat()
                except OSError:
                    continue
                h.update(f"{e.path}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    return h.hexdigest()


def current_version(folder: Path) -> str:
    """``analysis_version()``, read from ``folder``'s record when the code's files are
    the ones it was computed for (else computed, and recorded: best effort)."""
    from briefreader.core.analysis import analysis_version

    stamp = code_stamp()
    record = folder / _FILE
    try:
        saved = json.loads(record.read_text(encoding="utf-8"))
        if isinstance(saved, dict) and saved.get("stamp") == stamp and isinstance(saved.get("version"), str):
            return str(saved["version"])
    except (OSError, ValueError):
        pass
    version = analysis_version()
    try:
        tmp = record.with_name(f"{_FILE}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"stamp": stamp, "version": version}), encoding="utf-8")
        tmp.replace(record)
    except OSError:  # a read-only state folder: computed again next time
        pass
    return version
