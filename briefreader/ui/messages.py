"""Typed messages between the workers, the panes and the app."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from briefreader.core.model import Analysis, Note, Quote, SearchResult, SyncReport


# -- sync ---------------------------------------------------------------------------
class SyncProgress(Message):
    """Posted from the sync worker (throttled): ``done`` of ``total`` files analysed."""

    def __init__(self, done: int, total: int, path: str) -> None:
        super().__init__()
        self.done, self.total, self.path = done, total, path

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, SyncProgress)


class IndexGrew(Message):
    """Posted from the sync worker: a large sync committed what it has so far (``done``
    of ``total`` briefings analysed; 0 when only the new files' rows are listed)."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done, self.total = done, total

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, IndexGrew)


class SyncStage(Message):
    """Posted from the sync worker: what it does now (saving, placing notes)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class SyncFinished(Message):
    def __init__(self, report: SyncReport | None, error: str | None = None, busy: bool = False) -> None:
        super().__init__()
        self.report, self.error, self.busy = report, error, busy


# -- opening a briefing ----------------------------------------------------------------
@dataclass
class Target:
    """Where to open a briefing: an offset to show, and a query whose hits to walk."""

    doc_id: str
    offset: int | None = None
    query: str | None = None
    end: int | None = None  # end of the span at ``offset`` (a hit or quote) to mark
    exact: bool = False  # show ``offset`` at the very top (a remembered position)
    requested: float = 0.0  # perf_counter() when asked (to measure opening)


class OpenBriefing(Message):
    """Any pane asks the app to open a briefing (optionally at an offset)."""

    def __init__(self, target: Target) -> None:
        super().__init__()
        self.target = target


class AnalysisLoaded(Message):
    def __init__(self, target: Target, analysis: Analysis | None, seconds: float,
                 error: str | None = None) -> None:
        super().__init__()
        self.target, self.analysis, self.seconds, self.error = target, analysis, seconds, error


class JumpTo(Message):
    """A side pane asks the reader to show an offset (of the open briefing)."""

    def __init__(self, start: int, end: int | None = None, segment: int | None = None) -> None:
        super().__init__()
        self.start, self.end, self.segment = start, end, segment


class PositionChanged(Message):
    """The reader's position moved (throttled by the reader): side panes follow it."""

    def __init__(self, offset: int, segment: int | None) -> None:
        super().__init__()
        self.offset, self.segment = offset, segment

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, PositionChanged)


# -- search ---------------------------------------------------------------------------
@dataclass(frozen=True)
class SearchRequest:
    seq: int
    query: str
    mode: str  # "passages" | "quotes"
    speaker: str = ""


class SearchDone(Message):
    def __init__(self, request: SearchRequest, result: SearchResult | None, quotes: list[Quote] | None,
                 seconds: float) -> None:
        super().__init__()
        self.request, self.result, self.quotes, self.seconds = request, result, quotes, seconds


class SearchFailed(Message):
    def __init__(self, request: SearchRequest, error: str) -> None:
        super().__init__()
        self.request, self.error = request, error


class DocumentHits(Message):
    """The hits of a query inside the open briefing, for n/N."""

    def __init__(self, doc_id: str, query: str, spans: list[tuple[int, int]],
                 error: str | None = None) -> None:
        super().__init__()
        self.doc_id, self.query, self.spans, self.error = doc_id, query, spans, error


# -- notes ----------------------------------------------------------------------------
class NotesChanged(Message):
    """Notes of ``doc_id`` were added, edited or deleted."""

    def __init__(self, doc_id: str) -> None:
        super().__init__()
        self.doc_id = doc_id


class NotesMarks(Message):
    """The ids of the briefings that have notes."""

    def __init__(self, ids: set[str]) -> None:
        super().__init__()
        self.ids = ids


class NotesLoaded(Message):
    """The notes of ``doc_id``; ``notes`` is None when they are unavailable (``unavailable``: why)."""

    def __init__(self, doc_id: str, notes: list[Note] | None, unavailable: str | None = None) -> None:
        super().__init__()
        self.doc_id, self.notes, self.unavailable = doc_id, notes, unavailable
