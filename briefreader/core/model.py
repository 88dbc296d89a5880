"""The domain model: frozen dataclasses shared by every layer.

Every span is a pair of code-point offsets ``[start, end)`` into ``Briefing.text``
and ``briefing.text[start:end]`` is exactly the span's text (the canonical-text
invariant, see DESIGN.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "list_item", "quote_block", "turn", "stage"]
Format = Literal["transcript", "report", "notes"]
QuoteKind = Literal["direct", "partial", "indirect", "turn"]
HitKind = Literal["passage", "quote", "note"]

REPORTER = "Reporter"


@dataclass(frozen=True, slots=True)
class Block:
    """A block of reading text: a heading, paragraph, list item, quote block,
    transcript turn (paragraph spoken by a labelled speaker) or stage note.

    For a turn, ``speaker_label`` is the label as written ("MS. PSAKI", "Q"),
    ``label_start``/``label_end`` its span (label only, colon excluded), and
    ``content_start`` where the spoken words begin. A turn that runs over several
    paragraphs gives one block per paragraph, all with the same ``turn`` number;
    only the first has a label span (the others have ``label_start == -1``).
    """

    kind: BlockKind
    start: int
    end: int
    text: str
    level: int = 0  # heading level, list/quote nesting depth
    speaker_label: str | None = None
    speaker: str | None = None  # canonical name ("Jen Psaki", "Reporter")
    turn: int = -1  # index of the transcript turn this block belongs to
    label_start: int = -1
    label_end: int = -1
    content_start: int = -1  # where the spoken words begin (after the label)
    line: int = -1  # first source line (0-based) of the block, where known

    @property
    def is_question(self) -> bool:
        return self.speaker == REPORTER


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    block: int  # index into Briefing.blocks


@dataclass(frozen=True, slots=True)
class Quote:
    """An attributed utterance. ``start``/``end`` cover the whole utterance
    (marks excluded); a split quote (“We will,” he said, “do it.”) keeps its
    pieces in ``spans``; for an unsplit quote ``spans == ((start, end),)`` and
    ``text`` is the text of the spans joined by a single space when split."""

    document: str
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_mention: str | None
    cue: str | None
    kind: QuoteKind
    spans: tuple[tuple[int, int], ...] = ()
    segment: int | None = None
    is_question: bool = False
    procedural: bool = False  # a turn sentence that runs the briefing ("Go ahead.")


@dataclass(frozen=True, slots=True)
class TopicSegment:
    """A topic span of one briefing, on block boundaries."""

    start: int
    end: int
    label: str
    keywords: tuple[str, ...]
    summary: str
    summary_spans: tuple[tuple[int, int], ...]
    first_block: int = 0
    last_block: int = 0  # inclusive


@dataclass(frozen=True, slots=True)
class Briefing:
    id: str
    path: str
    title: str
    date: str | None  # YYYY-MM-DD
    format: Format
    text: str
    blocks: tuple[Block, ...]
    sentences: tuple[Sentence, ...] = ()
    source_url: str | None = None
    tags: tuple[str, ...] = ()
    content_hash: str = ""
    notes: tuple[str, ...] = ()  # ingest remarks, e.g. "decoded as cp1252"
    speakers: dict[str, str] = field(default_factory=dict)  # label -> canonical name

    def document_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "path": self.path,
            "title": self.title,
            "date": self.date,
            "format": self.format,
        }


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What the briefing list shows, read from the catalog without parsing."""

    id: str
    path: str
    title: str
    date: str | None
    format: Format
    source_url: str | None = None
    words: int = 0
    speakers: tuple[str, ...] = ()  # who speaks (or is quoted) most (core.listing)
    kind: str = ""  # transcript | news | web page | round-up (core.listing); "" if not known

    def to_json(self) -> dict[str, object]:
        return {"id": self.id, "path": self.path, "title": self.title,
                "date": self.date, "format": self.format}


@dataclass(frozen=True, slots=True)
class CorpusTopic:
    """Segments of different briefings about one subject, in date order."""

    label: str
    keywords: tuple[str, ...]
    members: tuple[tuple[str, int], ...]  # (document id, segment index), date order


@dataclass(frozen=True, slots=True)
class Analysis:
    """A briefing with everything the core derives from it (cached per content hash)."""

    briefing: Briefing
    quotes: tuple[Quote, ...] = ()
    segments: tuple[TopicSegment, ...] = ()


@dataclass(frozen=True, slots=True)
class Note:
    id: str
    document: str
    start: int
    end: int
    text: str  # the exact annotated passage (TextQuoteSelector.exact)
    prefix: str
    suffix: str
    body: str
    tags: tuple[str, ...]
    state: Literal["placed", "unplaced"]
    created: str  # ISO 8601 UTC
    modified: str
    color: str | None = None
    content_hash: str = ""
    path: str = ""  # absolute path of the briefing file the note was made on; "" if unknown


@dataclass(frozen=True, slots=True)
class Hit:
    document: str
    kind: HitKind
    start: int
    end: int
    score: float
    snippet: str
    highlights: tuple[tuple[int, int], ...]  # absolute offsets into the canonical text
    title: str = ""
    date: str | None = None
    speaker: str | None = None
    snippet_start: int = 0  # offset of the snippet's first character in the text

    def to_json(self) -> dict[str, object]:
        return {
            "document": self.document,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "score": round(self.score, 4),
            "snippet": self.snippet,
            "highlights": [list(h) for h in self.highlights],
            "title": self.title,
            "date": self.date,
            "speaker": self.speaker,
        }


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: str
    total: int
    hits: tuple[Hit, ...]


@dataclass(slots=True)
class SyncReport:
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    seconds: float = 0.0

    def to_json(self) -> dict[str, object]:
        return {
            "added": self.added,
            "updated": self.updated,
            "removed": self.removed,
            "unchanged": self.unchanged,
            "failed": [{"path": p, "error": e} for p, e in self.failed],
            "seconds": round(self.seconds, 3),
        }
