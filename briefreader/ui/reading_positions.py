"""Where each briefing was left, and the theme (UI state): ``<data dir>/positions.json``.

``{"last": doc_id, "positions": {doc_id: offset}, "theme": name}``; a broken file is
ignored (positions are a convenience, never worth an error)."""

from __future__ import annotations

import json
import os
from pathlib import Path

MAX_ENTRIES = 2000


class ReadingPositions:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.last: str | None = None
        self.offsets: dict[str, int] = {}
        self.theme: str | None = None
        self._dirty = False
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            self.last = data.get("last") if isinstance(data.get("last"), str) else None
            self.theme = data.get("theme") if isinstance(data.get("theme"), str) else None
            raw = data.get("positions", {})
            if isinstance(raw, dict):
                self.offsets = {k: int(v) for k, v in raw.items() if isinstance(v, int) and v >= 0}
        except (OSError, ValueError, AttributeError):
            pass

    def get(self, doc_id: str) -> int | None:
        return self.offsets.get(doc_id)

    def set(self, doc_id: str, offset: int) -> None:
        if self.offsets.get(doc_id) != offset or self.last != doc_id:
            self.offsets.pop(doc_id, None)
            self.offsets[doc_id] = offset  # most recent last
            self.last = doc_id
            self._dirty = True

    def set_theme(self, name: str) -> None:
        if name != self.theme:
            self.theme = name
            self._dirty = True

    def save(self) -> None:
        if not self._dirty:
            return
        items = list(self.offsets.items())[-MAX_ENTRIES:]
        data = {"last": self.last, "positions": dict(items), "theme": self.theme}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, self.path)
            self._dirty = False
        except OSError:
            pass
