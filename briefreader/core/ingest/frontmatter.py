"""YAML front matter and sidecar metadata files."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)

SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml", ".meta.json")


def split_front_matter(text: str) -> tuple[dict[str, Any], str, str | None]:
    """Return (metadata, body, remark). Broken YAML gives ({}, body, remark)."""
    m = _FRONT.match(text)
    if not m:
        return {}, text, None
    body = text[m.end():]
    data, problem = _load_yaml(m.group(1) or "")
    if problem:
        return {}, body, f"front matter ignored: {problem}"
    if data is None:
        return {}, body, None
    if not isinstance(data, dict):
        return {}, body, "front matter ignored: not a mapping"
    return {str(k): v for k, v in data.items()}, body, None


_MAX_DEPTH = 20


def _load_yaml(raw: str) -> tuple[Any, str | None]:
    """Safe YAML, refusing what metadata never needs and a hostile file can abuse:
    aliases (exponential "billion laughs" expansion) and deep nesting (recursion)."""
    import yaml  # here: a sync that finds nothing changed never parses YAML (~0.05 s of imports)

    try:
        depth = 0
        for event in yaml.parse(raw, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                return None, "YAML aliases (*name) are not supported"
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > _MAX_DEPTH:
                    return None, "YAML nested too deeply"
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
        return yaml.safe_load(raw), None
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0] if str(exc) else "parse error"
        return None, f"invalid YAML ({first})"
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:  # e.g. date: 2021-02-30
        return None, f"invalid YAML value ({exc})"


_MAX_SIDECAR_BYTES = 1024 * 1024


def sidecar_for(path: Path) -> Path | None:
    """``name.meta.yaml`` (or .yml/.json) beside ``name.ext``, if any."""
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    for suffix in SIDECAR_SUFFIXES:
        candidate = path.with_name(stem + suffix)
        try:
            if candidate.is_file():
                return candidate
        except (OSError, ValueError):  # ENAMETOOLONG: a 246-byte stem makes a 256-byte name
            continue  # such a sidecar cannot exist
    return None


def read_sidecar(path: Path) -> tuple[dict[str, Any], str | None]:
    side = sidecar_for(path)
    if side is None:
        return {}, None
    try:
        if side.is_symlink():  # it could point outside the corpus: never followed
            return {}, f"metadata file {side.name} ignored: symbolic link"
        if side.stat().st_size > _MAX_SIDECAR_BYTES:
            return {}, f"metadata file {side.name} ignored: over 1 MB"
        raw = side.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        why = "not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else (exc.strerror or "unreadable")
        return {}, f"metadata file {side.name} ignored: {why}"
    data, problem = _load_yaml(raw)  # JSON is YAML too
    if problem:
        return {}, f"metadata file {side.name} ignored: {problem}"
    if not isinstance(data, dict):
        return {}, f"metadata file {side.name} ignored: not a mapping"
    return {str(k): v for k, v in data.items()}, None
