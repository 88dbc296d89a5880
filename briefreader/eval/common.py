"""Shared helpers for the evaluation scripts: find labelled words in canonical text.

Labels name passages by their words, not by offsets, so that they survive changes
to ingest: ``text`` (the whole passage) or ``start_words``/``end_words`` (its first
and last words). Whitespace in a label matches any run of whitespace in the text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EVAL_DIR = REPO / "tests" / "eval"


def words_pattern(words: str) -> re.Pattern[str]:
    parts = [re.escape(p) for p in words.split()]
    return re.compile(r"\s+".join(parts))


def find_words(text: str, words: str, pos: int = 0) -> tuple[int, int] | None:
    """The span of ``words`` in ``text`` at or after ``pos`` (whitespace-insensitive)."""
    m = words_pattern(words).search(text, pos)
    return (m.start(), m.end()) if m else None


def resolve_span(text: str, label: Mapping[str, object], pos: int = 0) -> tuple[int, int] | None:
    """Resolve a label with ``text`` or ``start_words``/``end_words`` to ``[start, end)``."""
    if label.get("text"):
        return find_words(text, str(label["text"]), pos)
    start = find_words(text, str(label["start_words"]), pos)
    if start is None:
        return None
    if not label.get("end_words"):
        return start
    end = find_words(text, str(label["end_words"]), start[0])
    if end is None:
        return None
    return (start[0], end[1])


def load_sets(kind: str) -> list[tuple[Path, dict[str, object]]]:
    """Every labelled file of ``tests/eval/<kind>/`` with its parsed JSON."""
    out = []
    for path in sorted((EVAL_DIR / kind).glob("*.json")):
        out.append((path, json.loads(path.read_text(encoding="utf-8"))))
    return out


def source_path(label_set: dict[str, object]) -> Path:
    """The labelled document's file; ``source`` is relative to the repository root."""
    return (REPO / str(label_set["source"])).resolve()
