"""Where state lives: the index cache and the notes database."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import platformdirs

APP = "briefreader"


def home_dir(home: str | os.PathLike[str] | None = None) -> Path | None:
    """The explicit state home (--home or BRIEFREADER_HOME), or None for platform dirs."""
    value = home or os.environ.get("BRIEFREADER_HOME")
    if not value:
        return None
    path = Path(value).expanduser().resolve()
    if path.exists() and not path.is_dir():
        from briefreader.core.errors import BriefreaderError

        raise BriefreaderError(f"the state home is not a folder: {path}")
    return path


def cache_dir(home: Path | None) -> Path:
    return home / "cache" if home else Path(platformdirs.user_cache_dir(APP))


def data_dir(home: Path | None) -> Path:
    return home / "data" if home else Path(platformdirs.user_data_dir(APP))


def config_dir(home: Path | None) -> Path:
    return home / "config" if home else Path(platformdirs.user_config_dir(APP))


def index_dir(home: Path | None, roots: list[Path]) -> Path:
    """One index per corpus root (or set of roots)."""
    key = "\n".join(sorted(str(r) for r in roots))
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()
    name = roots[0].name if len(roots) == 1 else "multi"
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in name)[:40] or "root"
    return cache_dir(home) / "indexes" / f"{safe}-{digest}"
