"""`briefreader notes list|add|export|import`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from briefreader.core.errors import BriefreaderError
from briefreader.core.model import Note


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
            print(f"briefreader: the passage occurs {len(matches)} times; annotating occurrence "
                  f"{args.occurrence} (use --occurrence N)", file=sys.stderr)
        note = lib.add_note_by_quote(doc.id, args.quote, args.body, tuple(args.tag), args.color,
                                     args.occurrence)
        if args.json:
            json.dump(_note_json(note), sys.stdout, ensure_ascii=False, indent=1)
            print()
        else:
            print(f"added note {note.id} on {doc.title} [{note.start}:{note.end}]")
        return 0
    lib = Library(args.within or None, home=args.home)
    lib.sync()  # notes are shown with the briefings they belong to
    if cmd == "list":
        document = lib.find_document(args.document).id if args.document else None
        notes = lib.list_notes(document=document, tag=args.tag, state=args.state)
        if args.limit:
            notes = notes[: args.limit]
        if args.json:
            json.dump({"notes": [_note_json(n) for n in notes]}, sys.stdout, ensure_ascii=False, indent=1)
            print()
            return 0
        docs = {d.id: d for d in lib.documents()}
        for n in notes:
            d = docs.get(n.document)
            tags = " ".join(f"#{t}" for t in n.tags if f"#{t}" not in n.body.lower())
            state = "" if n.state == "placed" else " [UNPLACED]"
            print(f"{n.id[:8]}  {d.title if d else n.document} ({(d.date if d else None) or 'undated'}){state}")
            print(f"    > {' '.join(n.text.split())[:160]}")
            if n.body or tags:
                print(f"    {n.body} {tags}".rstrip())
        if not notes:
            print("no notes")
        return 0
    if cmd == "export":
        out = lib.export_notes(args.format, tag=args.tag)
        if args.output:
            try:
                Path(args.output).write_text(out, encoding="utf-8")
            except OSError as exc:
                raise BriefreaderError(f"cannot write {args.output}: {exc.strerror or exc}") from None
            print(f"exported {len(lib.list_notes(tag=args.tag))} notes to {args.output}", file=sys.stderr)
        else:
            sys.stdout.write(out if out.endswith("\n") else out + "\n")
        return 0
    if cmd == "import":
        from briefreader.core.notes import read_json

        data = read_json(args.file)
        added, skipped = lib.import_notes(data)
        if args.json:
            json.dump({"added": added, "skipped": skipped}, sys.stdout)
            print()
        else:
            print(f"{added} notes imported, {skipped} already present")
        return 0
    raise BriefreaderError(f"unknown notes command {cmd}")
