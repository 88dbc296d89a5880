"""Notes to and from the outside as W3C Web Annotations (JSON-LD).

``export_collection`` writes an ``AnnotationCollection`` (https://www.w3.org/TR/annotation-model/)
whose items carry a ``TextQuoteSelector`` and a ``TextPositionSelector`` (offsets into
briefreader's canonical text) and a ``briefreader`` extension object with what the W3C
model has no place for (document id, file path, placement state, colour, content hash).
``parse_collection`` reads such a collection back -- briefreader's own, or another
tool's, as long as each annotation has an id and a target with a TextQuoteSelector.
Markdown export is in ``markdown_export.py``.
"""

from __future__ import annotations

import json
import os
import stat
import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path, PurePath
from typing import Any, NamedTuple
from urllib.parse import urlsplit
from urllib.request import url2pathname

from briefreader.core.errors import NoteError
from briefreader.core.model import Note
from briefreader.core.notes.documents import Documents, document_info, note_path
from briefreader.core.notes.fields import NoteState
from briefreader.core.sanitize import clean, clean_data, no_surrogates

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
EXTENSION = "briefreader"
_UUID_URN = "urn:uuid:"
_MAX_OFFSET = 2**40  # far beyond any briefing; a larger offset cannot be stored either

# ------------------------------------------------------------------ export


def note_iri(note_id: str) -> str:
    return _UUID_URN + note_id


def target_source(document: str, info: Mapping[str, Any] | None, path: str = "") -> str:
    """The annotation target's IRI: the briefing's URL, else its file (``path``, else
    the document's), else its id."""
    info = info or {}
    url = info.get("source_url")
    if url:
        return str(url)
    path = path or info.get("path") or ""
    if path:
        p = PurePath(str(path))
        return Path(p).as_uri() if p.is_absolute() else str(path)
    return document


def to_annotation(note: Note, info: Mapping[str, Any] | None = None) -> dict[str, Any]:
    body: list[dict[str, Any]] = []
    if note.body:
        body.append({"type": "TextualBody", "value": note.body, "format": "text/markdown",
                     "purpose": "commenting"})
    body.extend({"type": "TextualBody", "purpose": "tagging", "value": t} for t in note.tags)
    motivation = "commenting" if note.body else ("tagging" if note.tags else "highlighting")
    extension: dict[str, Any] = {"document": note.document, "state": note.state}
    path = note_path(note, info)
    if path:
        extension["path"] = path
    if note.color:
        extension["color"] = note.color
    if note.content_hash:
        extension["content_hash"] = note.content_hash
    item: dict[str, Any] = {
        "@context": ANNO_CONTEXT,
        "id": note_iri(note.id),
        "type": "Annotation",
        "motivation": motivation,
        "created": note.created,
        "modified": note.modified,
    }
    if body:
        item["body"] = body
    item["target"] = {
        "source": target_source(note.document, info, path),
        "selector": [
            {"type": "TextQuoteSelector", "exact": note.text, "prefix": note.prefix,
             "suffix": note.suffix},
            {"type": "TextPositionSelector", "start": note.start, "end": note.end},
        ],
    }
    item[EXTENSION] = extension
    return item


def export_collection(notes: Iterable[Note], documents: Documents) -> dict[str, Any]:
    items = [to_annotation(n, document_info(n, documents)) for n in notes]
    return {
        "@context": ANNO_CONTEXT,
        "type": "AnnotationCollection",
        "label": "briefreader notes",
        "total": len(items),
        "items": items,
    }


# ------------------------------------------------------------------ import


MAX_IMPORT_BYTES = 64 * 1024 * 1024


def _read_regular(path: str | Path) -> bytes:
    """The bytes of a regular file of at most MAX_IMPORT_BYTES (a FIFO or a device such
    as /dev/zero would be read forever)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as e:
        raise NoteError(f"cannot read {path}: {e.strerror or e}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NoteError(f"cannot import {path}: not a regular file")
        if st.st_size > MAX_IMPORT_BYTES:
            raise NoteError(f"cannot import {path}: over {MAX_IMPORT_BYTES // 1048576} MB")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(MAX_IMPORT_BYTES + 1)
    except OSError as e:
        raise NoteError(f"cannot read {path}: {e.strerror or e}") from None
    finally:
        os.close(fd)
    if len(data) > MAX_IMPORT_BYTES:
        raise NoteError(f"cannot import {path}: over {MAX_IMPORT_BYTES // 1048576} MB")
    return data


def read_json(path: str | Path) -> dict[str, Any]:
    """An annotation file's JSON, or a NoteError with a one-line reason. Lone
    surrogates (``"\\ud800"``) become U+FFFD: they are not text."""
    raw = _read_regular(path)
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise NoteError(f"{path} is not UTF-8 text") from None
    except json.JSONDecodeError as e:
        raise NoteError(f"{path} is not JSON: {e.msg} at line {e.lineno} column {e.colno}") from None
    except RecursionError:
        raise NoteError(f"{path} is nested too deeply to be an annotation collection") from None
    except (ValueError, OverflowError) as e:  # e.g. a number of 5,000 digits
        raise NoteError(f"{path} is not usable JSON: {str(e).split(';')[0]}") from None
    data = clean_data(data, no_surrogates)
    if not isinstance(data, dict):
        raise NoteError(f"{path} is not a W3C annotation collection (expected a JSON object)")
    return data


def _types(value: Any) -> set[str]:
    if isinstance(value, str):
        return {value}
    if isinstance(value, list):
        return {v for v in value if isinstance(v, str)}
    return set()


def _items(data: Any) -> list[Any]:
    if not isinstance(data, dict):
        raise NoteError("not a W3C annotation collection: expected a JSON object")
    types = _types(data.get("type"))
    if "Annotation" in types:
        return [data]
    if "AnnotationCollection" in types:
        items = data.get("items")
        if items is None and isinstance(data.get("first"), dict):
            items = data["first"].get("items")  # the W3C paged form
        if items is None:
            items = []
    elif "AnnotationPage" in types:
        items = data.get("items", [])
    else:
        found = data.get("type")
        raise NoteError(
            "not a W3C annotation collection: "
            + (f"type is {found!r}" if found else "no \"type\"")
            + " (expected AnnotationCollection)"
        )
    if not isinstance(items, list):
        raise NoteError("not a W3C annotation collection: \"items\" is not a list")
    return items


def _note_id(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError('no "id"')
    value = value.strip()
    if value.lower().startswith(_UUID_URN):
        try:
            return str(uuid.UUID(value[len(_UUID_URN) :]))
        except ValueError:
            raise ValueError(f"id {value!r} is not a valid urn:uuid") from None
    return str(uuid.uuid5(uuid.NAMESPACE_URL, value))  # another tool's IRI: a stable id


def _time(item: dict[str, Any], key: str, default: str) -> str:
    value = item.get(key)
    if value is None:
        return default
    if not isinstance(value, str):
        raise ValueError(f'"{key}" is not a date-time string')
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f'"{key}" is not an ISO 8601 date-time: {value!r}') from None
    return value


def _target(item: dict[str, Any]) -> dict[str, Any]:
    target = item.get("target")
    if isinstance(target, list):
        target = next((t for t in target if isinstance(t, dict) and "selector" in t), None)
    if not isinstance(target, dict):
        raise ValueError('no "target" with a selector')
    if not isinstance(target.get("source"), str) or not target["source"]:
        raise ValueError('"target" has no "source"')
    return target


def _file_path(source: str) -> str:
    """The local path of a file: URI (``file:///data/x.txt``), or ''."""
    try:
        parts = urlsplit(source)
    except ValueError:
        return ""
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost") or not parts.path:
        return ""
    path = url2pathname(parts.path)
    return path if PurePath(path).is_absolute() else ""


def _selector(selectors: list[Any], kind: str) -> dict[str, Any] | None:
    return next((s for s in selectors if isinstance(s, dict) and kind in _types(s.get("type"))), None)


class _Selectors(NamedTuple):
    """A target's TextQuoteSelector, and its TextPositionSelector if it has one."""

    quote: dict[str, Any]
    position: dict[str, Any] | None


def _selectors(target: dict[str, Any]) -> _Selectors:
    sel = target.get("selector")
    sels = sel if isinstance(sel, list) else [sel]
    quote = _selector(sels, "TextQuoteSelector")
    if quote is None:
        raise ValueError('"target.selector" has no TextQuoteSelector')
    if not isinstance(quote.get("exact"), str) or not quote["exact"].strip():
        raise ValueError('the TextQuoteSelector has no "exact" text')
    for key in ("prefix", "suffix"):
        if not isinstance(quote.get(key, ""), str):
            raise ValueError(f'the TextQuoteSelector\'s "{key}" is not a string')
    pos = _selector(sels, "TextPositionSelector")
    return _Selectors(quote, pos)


class _Bodies(NamedTuple):
    """An annotation's textual bodies: the note's text, and its tags."""

    text: str
    tags: list[str]


def _bodies(item: dict[str, Any]) -> _Bodies:
    texts: list[str] = []
    tags: list[str] = []
    if isinstance(item.get("bodyValue"), str):
        texts.append(item["bodyValue"])
    body = item.get("body", [])
    for b in body if isinstance(body, list) else [body]:
        if not isinstance(b, dict):
            continue  # a body given by IRI only: nothing to keep
        value = b.get("value")
        if not isinstance(value, str):
            continue
        if b.get("purpose") == "tagging":
            tags.append(value)
        else:
            texts.append(value)
    return _Bodies("\n\n".join(t for t in texts if t), tags)


def parse_annotation(item: Any, now: str) -> Note:
    """One annotation as a Note (tags and colour not yet checked: the store does
    that); a ValueError with the reason it cannot be read."""
    if not isinstance(item, dict):
        raise ValueError("not a JSON object")
    if "Annotation" not in _types(item.get("type")):
        raise ValueError('"type" is not "Annotation"')
    note_id = _note_id(item.get("id"))
    target = _target(item)
    quote, pos = _selectors(target)
    raw_ext = item.get(EXTENSION)
    ext: dict[str, Any] = raw_ext if isinstance(raw_ext, dict) else {}
    exact = quote["exact"]
    state: NoteState = "placed" if ext.get("state") == "placed" else "unplaced"
    start, end = 0, len(exact)
    if pos is not None:
        s, e = pos.get("start"), pos.get("end")
        if not (isinstance(s, int) and isinstance(e, int)) or isinstance(s, bool) or isinstance(e, bool):
            raise ValueError('the TextPositionSelector\'s "start"/"end" are not integers')
        if not 0 <= s < e <= _MAX_OFFSET:
            raise ValueError(f"the TextPositionSelector [{s}, {e}) is not a span")
        if e - s == len(exact):
            start, end = s, e
        else:
            state = "unplaced"  # positions that do not fit the quote: let re-anchoring decide
    else:
        state = "unplaced"
    document = ext.get("document")
    if not isinstance(document, str) or not document:
        document = target["source"]
    body, tags = _bodies(item)
    created = _time(item, "created", now)
    modified = _time(item, "modified", created)
    color = ext.get("color")
    if color is not None and not isinstance(color, str):
        raise ValueError('"color" is not a string')
    raw_hash = ext.get("content_hash")
    content_hash = raw_hash if isinstance(raw_hash, str) else ""
    raw_path = ext.get("path")
    path = raw_path if isinstance(raw_path, str) else ""
    path = path or _file_path(target["source"])
    # the sanitising boundary (core/sanitize.py): what is shown or matched against the
    # (cleaned) canonical text is cleaned, one for one; ids and paths stay as given (a
    # path names a file) and are cleaned where they are shown
    return Note(
        id=note_id, document=document, start=start, end=end, text=clean(exact),
        prefix=clean(quote.get("prefix", "")), suffix=clean(quote.get("suffix", "")),
        body=clean(body), tags=tuple(clean(t) for t in tags), state=state, created=clean(created),
        modified=clean(modified), color=clean(color) if color is not None else None,
        content_hash=content_hash, path=path,
    )


def parse_collection(data: Any, now: str) -> list[Note]:
    """Every annotation of a collection (or page, or single annotation) as a Note;
    a NoteError naming the first annotation that cannot be read."""
    notes = []
    for i, item in enumerate(_items(data), 1):
        try:
            notes.append(parse_annotation(item, now))
        except ValueError as e:
            label = item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else None
            raise NoteError(f"annotation {i}{f' ({label})' if label else ''}: {e}") from None
    return notes
