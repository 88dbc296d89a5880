"""What an export says of a note's briefing: title, date, source URL and file.

``Documents`` maps a document id -- or a briefing file's path, looked up first --
to {"title", "date", "source_url", "path"}: one document id may name files of
several corpora, and a note knows the file it was made on.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from briefreader.core.model import Note

Documents = Mapping[str, Mapping[str, Any]]


def document_info(note: Note, documents: Documents) -> Mapping[str, Any] | None:
    """What ``documents`` says of ``note``'s briefing: keyed by its file path, else its id."""
    if note.path and note.path in documents:
        return documents[note.path]
    return documents.get(note.document)


def note_path(note: Note, info: Mapping[str, Any] | None) -> str:
    """The file the note was made on: its own path, else the document's."""
    if note.path:
        return note.path
    return str((info or {}).get("path") or "")
