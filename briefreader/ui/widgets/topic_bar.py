"""The line above the reader: the topic at the cursor (or the briefing's length), and
the search hits in the open briefing (n/N walk them)."""

from __future__ import annotations

from textual.widgets import Static

from briefreader.core.model import Analysis
from briefreader.ui.plain import plain
from briefreader.ui.widgets.reader import Reader


class TopicBar(Static):
    def show_position(self, analysis: Analysis | None, reader: Reader) -> None:
        a, r = analysis, reader
        if a is None:
            self.update("")
            return
        parts = []
        if a.segments and r.segment is not None:
            seg = a.segments[r.segment]
            parts.append(f"Topic {r.segment + 1}/{len(a.segments)} · {seg.label or '—'}")
        else:
            parts.append(f"{len(a.briefing.text.split())} words")
        if r.hits:  # first: the topic label may be cut off at the right
            where = f"{r.hit_index + 1}/" if r.hit_index is not None else ""
            parts.insert(0, f"“{r.hit_query}”: hit {where}{len(r.hits)} (n/N)")
        elif r.hit_query:
            parts.insert(0, f"“{r.hit_query}”: no hits here")
        self.update(plain("  ·  ".join(parts), line=True))  # a label or a query: never markup
