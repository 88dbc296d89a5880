"""Search results: passages (or quotes) with the matching words highlighted,
the briefing's title and date; enter opens the briefing at the hit."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.binding import BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefreader.core.model import DocumentInfo, Hit, Quote
from briefreader.ui.excerpts import first_words
from briefreader.ui.keys import RESULTS_BINDINGS
from briefreader.ui.messages import OpenBriefing, Target

HIT_STYLE = "bold $text-warning"


def snippet_content(hit: Hit) -> Content:
    snippet = hit.snippet
    content = Content(snippet)
    for a, b in hit.highlights:
        a, b = a - hit.snippet_start, b - hit.snippet_start
        if b > 0 and a < len(snippet):
            content = content.stylize(HIT_STYLE, max(a, 0), min(b, len(snippet)))
    return content


class SearchResults(OptionList):
    BINDINGS: ClassVar[list[BindingType]] = [*RESULTS_BINDINGS]

    DEFAULT_CSS = """
    SearchResults, SearchResults:focus { height: 1fr; border: none; padding: 0 1; background: $surface;
                                         scrollbar-gutter: stable; }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.targets: dict[str, Target] = {}
        self.query_text = ""

    def show_hits(self, query: str, hits: tuple[Hit, ...]) -> None:
        self.query_text = query
        self.targets = {}
        options: list[Option | None] = []
        for i, h in enumerate(hits):
            oid = f"h{i}"
            first = h.highlights[0] if h.highlights else (h.start, h.end)
            self.targets[oid] = Target(h.document, first[0], query=query, end=first[1])
            kind = h.kind if h.kind != "passage" else ""
            meta = " · ".join(x for x in (h.date or "undated", h.speaker, kind) if x)
            head = Content.assemble((h.title or h.document, "bold"), "\n", (meta, "$text-muted"))
            if options:
                options.append(None)
            options.append(Option(Content.assemble(head, "\n", snippet_content(h)), id=oid))
        self.set_options(options)
        if options:
            self.highlighted = 0

    def show_quotes(self, query: str, quotes: list[Quote], docs: dict[str, DocumentInfo]) -> None:
        self.query_text = query
        self.targets = {}
        options: list[Option | None] = []
        for i, q in enumerate(quotes):
            oid = f"q{i}"
            self.targets[oid] = Target(q.document, q.start, query=query or None, end=q.end)
            d = docs.get(q.document)
            meta = " · ".join(x for x in ((d.date if d else None) or "undated", q.kind) if x)
            who = q.speaker or q.speaker_mention or "unknown speaker"  # (a description when unnamed)
            head = Content.assemble((who, "bold $text-accent"), "  ",
                                    (d.title if d else q.document, "bold"), "\n", (meta, "$text-muted"))
            if options:
                options.append(None)
            options.append(Option(Content.assemble(head, "\n", f"“{first_words(q.text, 60)}”"), id=oid))
        self.set_options(options)
        if options:
            self.highlighted = 0

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        target = self.targets.get(event.option.id or "")
        if target is not None:
            self.post_message(OpenBriefing(target))
