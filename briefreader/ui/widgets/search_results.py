"""Search results: passages (or quotes) with the matching words highlighted (a
quoted phrase as one hit), grouped by briefing with their counts (a passage that
repeats a quote hit shown once, as the quote: ``hit_merge``); a last entry loads more;
enter opens the briefing at the hit."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.binding import BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefreader.core.model import REPORTER, DocumentInfo, Hit, Quote
from briefreader.ui.excerpts import first_words
from briefreader.ui.hit_merge import merge_quote_hits
from briefreader.ui.keys import RESULTS_BINDINGS
from briefreader.ui.messages import OpenBriefing, Target
from briefreader.ui.phrase_hits import phrase_spans, query_phrases

HIT_STYLE = "bold $text-warning"
MORE = "more"


def hit_spans(hit: Hit, phrases: list[str]) -> list[tuple[int, int]]:
    """The hit's highlights in its snippet, a quoted phrase as one span."""
    return phrase_spans(hit.snippet, hit.snippet_start, hit.highlights, phrases)


def snippet_content(hit: Hit, spans: list[tuple[int, int]] | None = None) -> Content:
    snippet = hit.snippet
    content = Content(snippet)
    for a, b in (hit.highlights if spans is None else spans):
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

    class More(Message):
        """Load the next page of results."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.targets: dict[str, Target] = {}
        self.query_text = ""
        self.merged = 0  # passages shown as the quote hit they repeat

    def show_hits(self, query: str, hits: tuple[Hit, ...], total: int = 0,
                  hide_questions: bool = False) -> int:
        """The hits grouped by briefing (in the order of each briefing's first hit), a
        passage that repeats a quote hit shown once, as the quote; returns how many
        reporters' questions were hidden."""
        self.query_text = query
        self.targets = {}
        phrases = query_phrases(query)
        merged = merge_quote_hits(hits)
        self.merged = len(hits) - len(merged)
        shown = [h for h in merged if not (hide_questions and h.speaker == REPORTER)]
        groups: dict[str, list[Hit]] = {}
        for h in shown:
            groups.setdefault(h.document, []).append(h)
        options: list[Option | None] = []
        i = 0
        for doc_hits in groups.values():
            h0 = doc_hits[0]
            n = len(doc_hits)
            head = Content.assemble((h0.title or h0.document, "bold"), "\n",
                                    (f"{h0.date or 'undated'} · {n} hit{'s' if n > 1 else ''}", "$text-muted"))
            if options:
                options.append(None)
            options.append(Option(head, disabled=True))
            for h in doc_hits:
                oid = f"h{i}"
                i += 1
                spans = hit_spans(h, phrases)
                first = spans[0] if spans else (h.highlights[0] if h.highlights else (h.start, h.end))
                self.targets[oid] = Target(h.document, first[0], query=query, end=first[1])
                kind = h.kind if h.kind != "passage" else ""
                meta = " · ".join(x for x in (h.speaker, kind) if x)
                body = snippet_content(h, spans)
                options.append(Option(Content.assemble(("  " + meta + "\n", "$text-muted") if meta else "",
                                                       body), id=oid))
        if total > len(hits):
            options.append(Option(Content(f"▼ {min(50, total - len(hits))} more of {total} (enter)").stylize(
                "$text-accent"), id=MORE))
        self.set_options(options)
        if options:
            self.action_first()
        return len(merged) - len(shown)

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
        if event.option.id == MORE:
            self.post_message(self.More())
            return
        target = self.targets.get(event.option.id or "")
        if target is not None:
            self.post_message(OpenBriefing(target))
