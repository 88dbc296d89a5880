"""The reader's notes: annotations of passages, kept in SQLite, placed again when a
briefing changes, exported and imported as W3C Web Annotations or Markdown.

- ``service.py``: :class:`NotesService`, the notes of one corpus (what the library uses)
- ``store.py``: :class:`NoteStore`, the SQLite store; ``schema.py`` its schema and
  migrations, ``rows.py`` its rows, ``reanchor.py`` re-anchoring a briefing's notes
- ``fields.py``: tags, colours, states and times as stored
- ``anchoring.py``: :func:`anchor`, placing one passage again in a changed text, with
  ``normalize.py``, ``selectors.py``, ``fuzzy.py`` and ``thresholds.py``
- ``webannotation.py`` (W3C JSON-LD export and import), ``markdown_export.py``,
  ``documents.py`` (what an export says of a briefing)
"""

from briefreader.core.notes.anchoring import Outcome, Placement, anchor
from briefreader.core.notes.documents import Documents
from briefreader.core.notes.fields import STATES, NoteState, body_tags, clean_tag, now_iso
from briefreader.core.notes.markdown_export import export_markdown
from briefreader.core.notes.normalize import NormalizedText, count_occurrences, find_all, normalize
from briefreader.core.notes.reanchor import Reanchored, ReanchorOutcome
from briefreader.core.notes.schema import schema_version
from briefreader.core.notes.selectors import CONTEXT, Context, context_of
from briefreader.core.notes.service import Corpus, NoteIndexer, NotesService
from briefreader.core.notes.store import ImportResult, NoteStore
from briefreader.core.notes.webannotation import (
    ANNO_CONTEXT,
    export_collection,
    parse_collection,
    read_json,
)

__all__ = [
    "ANNO_CONTEXT",
    "CONTEXT",
    "STATES",
    "Context",
    "Corpus",
    "Documents",
    "ImportResult",
    "NoteIndexer",
    "NoteState",
    "NoteStore",
    "NormalizedText",
    "NotesService",
    "Outcome",
    "Placement",
    "ReanchorOutcome",
    "Reanchored",
    "anchor",
    "body_tags",
    "clean_tag",
    "context_of",
    "count_occurrences",
    "export_collection",
    "export_markdown",
    "find_all",
    "normalize",
    "now_iso",
    "parse_collection",
    "read_json",
    "schema_version",
]
