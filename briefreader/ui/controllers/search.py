"""Searching: passages or quotes for the search bar (in a worker, newest request wins),
and the hits of a query inside the open briefing, for the reader's n/N."""

from __future__ import annotations

import time

from textual import on, work
from textual.worker import get_current_worker

from briefreader.core.errors import QueryError
from briefreader.ui.controllers.base import Controller
from briefreader.ui.host import SearchHost
from briefreader.ui.messages import DocumentHits, SearchDone, SearchFailed, SearchRequest
from briefreader.ui.phrase_hits import phrase_spans, query_phrases
from briefreader.ui.widgets.search_bar import QUOTES

SEARCH_LIMIT = 50  # results per page


class SearchController(Controller):
    def __init__(self, host: SearchHost) -> None:
        super().__init__()
        self.host = host
        self.seq = 0  # of the latest request: older results are dropped
        self._go = False  # move to the results when they come
        self._t_search = 0.0
        self.last: SearchRequest | None = None  # the search bar's latest request
        self.limit = SEARCH_LIMIT  # grows by a page with "more"
        self.newest_first = False
        self.hide_questions = False

    def more(self) -> None:
        last = self.last
        if last is not None:
            self.limit += SEARCH_LIMIT
            self.request(last.query, last.mode, last.speaker, go=False, keep_page=True)

    def toggle_order(self) -> None:
        self.newest_first = not self.newest_first
        self.notify("Results newest first" if self.newest_first else "Best results first", timeout=2)
        self.search_again()

    def toggle_questions(self) -> None:
        self.hide_questions = not self.hide_questions
        self.notify("Reporters' questions hidden" if self.hide_questions else "Reporters' questions shown",
                    timeout=2)
        self.search_again()

    def search_again(self) -> None:
        """The index grew (or a sync finished): run the latest search again."""
        last = self.last
        if last is not None and (last.query or last.speaker):
            self.request(last.query, last.mode, last.speaker, go=False, keep_page=True)

    # -- the search bar -----------------------------------------------------------------
    def request(self, query: str, mode: str, speaker: str, go: bool, keep_page: bool = False) -> None:
        if not keep_page:
            self.limit = SEARCH_LIMIT
        self.seq += 1
        request = SearchRequest(self.seq, query, mode, speaker)
        self.last = request
        self._go = go
        if not query and not (mode == QUOTES and speaker):
            self.host.results.set_options([])
            self.host.search_bar.set_status("")
            return
        self._t_search = time.perf_counter()
        self.host.search_bar.set_status("searching…")
        self._run_search(request)

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def _run_search(self, request: SearchRequest) -> None:
        library = self.host.library
        t0 = time.perf_counter()
        try:
            with self.host.lib_lock:
                if get_current_worker().is_cancelled or request.seq != self.seq:
                    return
                if request.mode == QUOTES:
                    quotes = library.quotes(request.query or None, speaker=request.speaker or None,
                                            limit=self.limit)
                    result = None
                else:
                    result = library.search(request.query, limit=self.limit, newest_first=self.newest_first)
                    quotes = None
        except QueryError as exc:
            self.post_message(SearchFailed(request, str(exc)))
            return
        except Exception as exc:  # never crash on a search
            self.post_message(SearchFailed(request, f"search failed: {type(exc).__name__}: {exc}"))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(SearchDone(request, result, quotes, time.perf_counter() - t0))

    @on(SearchDone)
    def _on_done(self, event: SearchDone) -> None:
        event.stop()
        if event.request.seq != self.seq:
            return
        host = self.host
        results = host.results
        if event.result is not None:
            hidden = results.show_hits(event.request.query, event.result.hits, event.result.total,
                                       self.hide_questions)
            # a passage shown as the quote it repeats counts once
            n, total = len(event.result.hits) - results.merged, event.result.total - results.merged
            first = "newest" if self.newest_first else "best"
            status = f"{total} passages" if n == total else f"{first} {n} of {total} passages"
            if hidden:
                status += f" · {hidden} reporters' questions hidden (ctrl+r)"
        else:
            quotes = event.quotes or []
            results.show_quotes(event.request.query, quotes, {d.id: d for d in host.documents})
            who = f" by {event.request.speaker}" if event.request.speaker else ""
            status = f"{len(quotes)} quotes{who}"
            if len(quotes) >= self.limit:
                status += f" (newest first, first {self.limit})"
        if host.syncing:
            grown = host.searchable
            status += (f" · indexing: {grown[0]} of {grown[1]} new briefings searchable so far"
                       if grown and grown[0] else " · indexing still running: results may be incomplete")
        tip = " · ↓/enter: results, enter: open" if results.option_count else ""
        host.search_bar.set_status(status + tip)
        if self._go and results.option_count:
            results.focus()
        t0 = self._t_search

        def shown() -> None:
            host.metrics["search"] = time.perf_counter() - t0
            host.metrics["search_core"] = event.seconds

        self.call_after_refresh(shown)

    @on(SearchFailed)
    def _on_failed(self, event: SearchFailed) -> None:
        event.stop()
        if event.request.seq != self.seq:
            return
        self.host.results.set_options([])
        self.host.search_bar.set_status(event.error.splitlines()[0] if event.error else "bad query",
                                        error=True)

    # -- hits in the open briefing ------------------------------------------------------------
    @work(thread=True, exclusive=True, exit_on_error=False, group="doc-hits")
    def load_document_hits(self, doc_id: str, query: str) -> None:
        try:
            with self.host.lib_lock:
                result = self.host.library.search(query, document=doc_id, limit=None)
        except Exception as exc:
            self.post_message(DocumentHits(doc_id, query, [], str(exc)))
            return
        spans: set[tuple[int, int]] = set()
        for h in result.hits:
            spans.update(h.highlights or ((h.start, h.end),))
        phrases = query_phrases(query)
        if phrases:  # a quoted phrase: one hit per occurrence, not per word
            try:
                text = self.host.library.analysis(doc_id).briefing.text
            except Exception:  # noqa: BLE001 - the words' hits then
                text = None
            if text is not None:
                spans = set(phrase_spans(text, 0, spans, phrases))
        if not get_current_worker().is_cancelled:
            self.post_message(DocumentHits(doc_id, query, sorted(spans)))

    @on(DocumentHits)
    def _on_document_hits(self, event: DocumentHits) -> None:
        event.stop()
        analysis = self.host.analysis
        if analysis is None or analysis.briefing.id != event.doc_id:
            return
        self.host.reader.set_hits(event.spans, event.query)
        self.host.update_topic_bar()
