"""`briefreader notes list|add|export|import`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from briefreader.cli_output import err, field, json_text, out
from briefreader.core.errors import BriefreaderError
from briefreader.core.model import Note
from briefreader.core.sanitize import clean, json_safe


def _note_json(n: Note) -> dict[str, Any]:
    return {"id": n.id, "document": n.document, "start": n.start, "end": n.end, "text": n.text,
            "body": n.body, "tags": list(n.tags), "state": n.state, "created": n.created,
            "modified": n.modified}


def run_notes(args: argparse.Namespace) -> int:
    from briefreader.core.library import Library

    cmd = args.notes_command
    if cmd == "add":
        roots = args.within or [args.path]
        lib = Library(roots, home=args.home)
        lib.sync()
        doc = lib.find_document(args.path)
        matches = lib.notes.find_quote(doc.id, args.quote)
        if len(matches) > 1:
            err(f"briefreader: the passage occurs {len(matches)} times; annotating occurrence "
                f"{args.occurrence} (use --occurrence N)")
        note = lib.add_note_by_quote(doc.id, args.quote, clean(args.body), tuple(clean(t) for t in args.tag),
                                     args.color, args.occurrence)
        if args.json:
            out(json_text(_note_json(note)))
        else:
            out(f"added note {note.id} on {field(doc.title)} [{note.start}:{note.end}]")
        return 0
    lib = Library(args.within or None, home=args.home)
    lib.sync()  # notes are shown with the briefings they belong to
    if cmd == "list":
        document = lib.find_document(args.document).id if args.document else None
        notes = lib.list_notes(document=document, tag=args.tag, state=args.state)
        if args.limit:
            notes = notes[: args.limit]
        if args.json:
            out(json_text({"notes": [_note_json(n) for n in notes]}))
            return 0
        docs = {d.id: d for d in lib.documents()}
        for n in notes:
            d = docs.get(n.document)
            tags = " ".join(f"#{t}" for t in n.tags if f"#{t}" not in n.body.lower())
            state = "" if n.state == "placed" else " [UNPLACED]"
            out(f"{n.id[:8]}  {field(d.title if d else n.document)} "
                f"({(d.date if d else None) or 'undated'}){state}")
            out(f"    > {field(' '.join(n.text.split())[:160])}")
            if n.body or tags:
                out(f"    {field(n.body)} {field(tags)}".rstrip())
        if not notes:
            out("no notes")
        return 0
    if cmd == "export":
        text = lib.export_notes(args.format, tag=args.tag)
        # notes stored before the sanitising boundary: JSON escaped losslessly, Markdown cleaned
        text = json_safe(text) if args.format == "json" else clean(text)
        if args.output:
            try:
                Path(args.output).write_text(text, encoding="utf-8", errors="replace")
            except OSError as exc:
                raise BriefreaderError(f"cannot write {args.output}: {exc.strerror or exc}") from None
            err(f"exported {len(lib.list_notes(tag=args.tag))} notes to {args.output}")
        else:
            out(text[:-1] if text.endswith("\n") else text)
        return 0
    if cmd == "import":
        from briefreader.core.notes import read_json

        data = read_json(args.file)
        added, skipped = lib.import_notes(data)
        if args.json:
            out(json_text({"added": added, "skipped": skipped}, indent=None))
        else:
            out(f"{added} notes imported, {skipped} already present")
        return 0
    raise BriefreaderError(f"unknown notes command {cmd}")
