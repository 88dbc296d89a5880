"""YAML front matter and sidecar metadata files."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)

SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml", ".meta.json")


def split_front_matter(text: str) -> tuple[dict[str, Any], str, str | None]:
    """Return (metadata, body, remark). Broken YAML gives ({}, body, remark)."""
    m = _FRONT.match(text)
    if not m:
        return {}, text, None
    body = text[m.end():]
    raw = m.group(1) or ""
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0] if str(exc) else "parse error"
        return {}, body, f"front matter ignored: invalid YAML ({first})"
    if data is None:
        return {}, body, None
    if not isinstance(data, dict):
        return {}, body, "front matter ignored: not a mapping"
    return {str(k): v for k, v in data.items()}, body, None


def sidecar_for(path: Path) -> Path | None:
    """``name.meta.yaml`` (or .yml/.json) beside ``name.ext``, if any."""
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    for suffix in SIDECAR_SUFFIXES:
        candidate = path.with_name(stem + suffix)
        if candidate.is_file():
            return candidate
    return None


def read_sidecar(path: Path) -> tuple[dict[str, Any], str | None]:
    side = sidecar_for(path)
    if side is None:
        return {}, None
    try:
        data = yaml.safe_load(side.read_text(encoding="utf-8"))  # JSON is YAML too
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        return {}, f"metadata file {side.name} ignored: {type(exc).__name__}"
    if not isinstance(data, dict):
        return {}, f"metadata file {side.name} ignored: not a mapping"
    return {str(k): v for k, v in data.items()}, None
