"""The command line: `briefreader [PATH...]` opens the reader; subcommands give the
same answers as text or JSON (DESIGN.md). Bad input: one line on stderr, non-zero exit."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import Any

from briefreader import __version__

COMMANDS = ("index", "list", "search", "quotes", "topics", "notes")


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="machine output on stdout")
    p.add_argument("--limit", type=_positive, default=None, metavar="N", help="at most N results")
    p.add_argument("--home", metavar="DIR", help="state folder (default: platform dirs; env BRIEFREADER_HOME)")


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return n


def build_parsers() -> tuple[argparse.ArgumentParser, argparse.ArgumentParser]:
    reader = _Parser(prog="briefreader", description=(
        "A keyboard-driven terminal reader for press briefings. "
        f"Commands: {', '.join(COMMANDS)} (briefreader COMMAND --help)."))
    reader.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: bundled seeds)")
    reader.add_argument("--home", metavar="DIR", help="state folder (env BRIEFREADER_HOME)")
    reader.add_argument("--version", action="version", version=f"briefreader {__version__}")

    main = _Parser(prog="briefreader")
    main.add_argument("--version", action="version", version=f"briefreader {__version__}")
    sub = main.add_subparsers(dest="command", parser_class=_Parser)

    p = sub.add_parser("index", help="sync the index; prints added/updated/removed/failed")
    p.add_argument("paths", nargs="*", metavar="PATH")
    _common(p)

    p = sub.add_parser("list", help="the indexed briefings, newest first")
    p.add_argument("paths", nargs="*", metavar="PATH")
    _common(p)

    p = sub.add_parser("search", help="passages, quotes and notes matching QUERY")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument("--kind", choices=("passage", "quote", "note"))
    p.add_argument("--speaker", metavar="NAME")
    _common(p)

    p = sub.add_parser("quotes", help="quotes, newest briefing first; --speaker NAME, --kind KIND")
    p.add_argument("query", nargs="?", metavar="QUERY")
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument("--speaker", metavar="NAME")
    p.add_argument("--kind", choices=("direct", "partial", "indirect", "turn", "question"))
    _common(p)

    p = sub.add_parser("topics", help="topic segments per briefing; --corpus for cross-briefing topics")
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument("--corpus", nargs="?", const="", default=None, metavar="QUERY",
                   help="cross-briefing topics, optionally filtered by QUERY")
    p.add_argument("--in", dest="within", action="append", metavar="PATH",
                   help="corpus path for --corpus (default: bundled seeds)")
    _common(p)

    p = sub.add_parser("notes", help="annotations: list | add | export | import")
    nsub = p.add_subparsers(dest="notes_command", parser_class=_Parser)
    n = nsub.add_parser("list", help="list notes")
    n.add_argument("--tag")
    n.add_argument("--state", choices=("placed", "unplaced"))
    n.add_argument("--document", metavar="PATH_OR_ID")
    n.add_argument("--in", dest="within", action="append", metavar="PATH")
    _common(n)
    n = nsub.add_parser("add", help="annotate the passage QUOTE of the briefing at PATH")
    n.add_argument("path", metavar="PATH")
    n.add_argument("--quote", required=True, help="the exact passage")
    n.add_argument("--body", default="")
    n.add_argument("--tag", action="append", default=[])
    n.add_argument("--color", default=None)
    n.add_argument("--occurrence", type=int, default=0, metavar="N",
                   help="which occurrence of the passage (0 = first)")
    n.add_argument("--in", dest="within", action="append", metavar="PATH",
                   help="corpus the briefing belongs to (default: the file itself)")
    _common(n)
    n = nsub.add_parser("export", help="export notes as Markdown or W3C JSON-LD")
    n.add_argument("--format", choices=("md", "json"), default="md")
    n.add_argument("-o", "--output", metavar="FILE")
    n.add_argument("--tag")
    n.add_argument("--in", dest="within", action="append", metavar="PATH")
    _common(n)
    n = nsub.add_parser("import", help="import a JSON export (no duplicates)")
    n.add_argument("file", metavar="FILE")
    n.add_argument("--in", dest="within", action="append", metavar="PATH")
    _common(n)
    return reader, main


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        reader, parser = build_parsers()
        args_list = _hoist_global_options(args_list)
        if args_list and args_list[0] in COMMANDS:
            args = parser.parse_args(args_list)
            if args.command == "notes" and not args.notes_command:
                raise UsageError("briefreader notes: choose list, add, export or import")
            return _run(args)
        if args_list and args_list[0] in ("-h", "--help"):
            reader.print_help()
            print(f"\ncommands: {', '.join(COMMANDS)}  (briefreader COMMAND --help)")
            return 0
        args = reader.parse_args(args_list)
        return _open_reader(args)
    except UsageError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("briefreader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        from briefreader.core.errors import BriefreaderError, QueryError

        if isinstance(exc, QueryError):
            print(f"briefreader: bad query: {exc}", file=sys.stderr)
            return 2
        if isinstance(exc, BriefreaderError):
            print(f"briefreader: {exc}", file=sys.stderr)
            return 1
        if os.environ.get("BRIEFREADER_DEBUG"):
            raise
        print(f"briefreader: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


def _hoist_global_options(argv: list[str]) -> list[str]:
    """`briefreader --home DIR search x` = `briefreader search x --home DIR`."""
    moved: list[str] = []
    rest = list(argv)
    while rest and (rest[0] in ("--home", "--json") or rest[0].startswith("--home=")):
        opt = rest.pop(0)
        moved.append(opt)
        if opt == "--home" and rest:
            moved.append(rest.pop(0))
    if moved and rest and rest[0] in COMMANDS:
        cmd = rest[0]
        if cmd == "notes" and len(rest) > 1 and not rest[1].startswith("-"):
            return rest[:2] + moved + rest[2:]
        return rest[:1] + moved + rest[1:]
    if moved and "--json" in moved:
        raise UsageError("briefreader: --json goes with a command (index, search, quotes, topics, notes)")
    return moved + rest


def _query_or_path(query: str | None, paths: list[str]) -> tuple[str | None, list[str]]:
    """A PATH given where the optional QUERY goes is a PATH (never searched as words)."""
    if query and ("/" in query or query.endswith((".md", ".txt", ".html", ".htm", ".markdown"))) \
            and os.path.exists(query):
        return None, [query, *paths]
    return query, paths


def _open_reader(args: argparse.Namespace) -> int:
    from briefreader.core.library import Library

    library = Library(args.paths or None, home=args.home)
    from briefreader.ui.app import run_app

    return run_app(library)


def _library(paths: list[str] | None, home: str | None, sync: bool = True, quiet: bool = True) -> Any:
    from briefreader.core.library import Library

    lib = Library(paths or None, home=home)
    for m in lib.messages:
        print(f"briefreader: {m}", file=sys.stderr)
    if sync:
        lib.sync()
    return lib


def _emit(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


def _run(args: argparse.Namespace) -> int:
    return {"index": _cmd_index, "list": _cmd_list, "search": _cmd_search, "quotes": _cmd_quotes,
            "topics": _cmd_topics, "notes": _cmd_notes}[args.command](args)


def _cmd_index(args: argparse.Namespace) -> int:
    lib = _library(args.paths, args.home, sync=False)
    show = sys.stderr.isatty() and not args.json

    def progress(done: int, total: int, path: str) -> None:
        if show:
            width = 30
            filled = int(width * done / max(total, 1))
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
            sys.stderr.flush()

    report = lib.sync(progress=progress)
    if show:
        sys.stderr.write("\r" + " " * 60 + "\r")
    if args.json:
        _emit(report.to_json())
    else:
        print(f"{report.added} added, {report.updated} updated, {report.removed} removed, "
              f"{report.unchanged} unchanged, {len(report.failed)} failed in {report.seconds:.2f} s")
        for path, error in report.failed[: args.limit or len(report.failed)]:
            print(f"  failed: {path}: {error}")
    return 0


def _cmd_list(args: argparse.Namespace) -> int:
    lib = _library(args.paths, args.home)
    docs = lib.documents()[: args.limit or None]
    if args.json:
        _emit({"documents": [d.to_json() for d in docs]})
        return 0
    for d in docs:
        print(f"{d.date or 'undated':10}  {d.format:10}  {d.title}")
    return 0


def _style(text: str, spans: Sequence[tuple[int, int]], offset: int, on: bool) -> str:
    if not on or not spans:
        return text
    out, pos = [], 0
    for a, b in spans:
        a, b = a - offset, b - offset
        if b <= pos or a >= len(text):
            continue
        a = max(a, pos)
        out.append(text[pos:a])
        out.append(f"\x1b[1;33m{text[a:b]}\x1b[0m")
        pos = b
    out.append(text[pos:])
    return "".join(out)


def _cmd_search(args: argparse.Namespace) -> int:
    lib = _library(args.paths, args.home)
    result = lib.search(args.query, limit=args.limit or 20, kind=args.kind, speaker=args.speaker)
    if args.json:
        _emit({"query": result.query, "total": result.total, "hits": [h.to_json() for h in result.hits]})
        return 0
    color = sys.stdout.isatty()
    print(f"{result.total} matches for {result.query!r}")
    for h in result.hits:
        who = f" — {h.speaker}" if h.speaker else ""
        print(f"\n{h.title} ({h.date or 'undated'}) [{h.kind}{who}] {h.document}:{h.start}")
        print("  " + _style(h.snippet, h.highlights, h.snippet_start, color))
    return 0


def _quote_json(q: Any) -> dict[str, Any]:
    from briefreader.core.quotes.procedural import is_procedural

    return {"document": q.document, "start": q.start, "end": q.end, "text": q.text,
            "speaker": q.speaker, "speaker_mention": q.speaker_mention, "cue": q.cue,
            "kind": q.kind, "segment": q.segment,
            "procedural": bool(q.procedural or (q.kind == "turn" and is_procedural(q.text)))}


def _cmd_quotes(args: argparse.Namespace) -> int:
    args.query, args.paths = _query_or_path(args.query, args.paths)
    lib = _library(args.paths, args.home)
    quotes = lib.quotes(args.query, speaker=args.speaker, kind=args.kind, limit=args.limit or 50)
    if args.json:
        _emit({"quotes": [_quote_json(q) for q in quotes]})
        return 0
    docs = {d.id: d for d in lib.documents()}
    for q in quotes:
        d = docs.get(q.document)
        print(f"“{' '.join(q.text.split())}”")
        who = q.speaker or q.speaker_mention or "unknown speaker"  # (a description when unnamed)
        print(f"    — {who} ({q.kind}), {d.title if d else q.document}, {(d.date if d else None) or 'undated'}\n")
    if not quotes:
        print("no quotes found")
    return 0


def _cmd_topics(args: argparse.Namespace) -> int:
    if args.corpus is not None:
        query, paths = _query_or_path(args.corpus or None, args.paths)
        args.corpus = query or ""
        lib = _library((args.within or []) + paths, args.home)
        topics = lib.corpus_topics(args.corpus or None, limit=args.limit or 20)
        docs = {d.id: d for d in lib.documents()}
        segs = {d: s for d, _date, s in lib.catalog.all_segments()}
        if args.json:
            _emit({"topics": [{"label": t.label, "keywords": list(t.keywords), "segments": [
                {"document": d, "date": docs[d].date if d in docs else None, "segment": i,
                 "label": segs[d][i].label, "summary": segs[d][i].summary,
                 "start": segs[d][i].start, "end": segs[d][i].end}
                for d, i in t.members]} for t in topics]})
            return 0
        for t in topics:
            print(f"## {t.label}  ({len(t.members)} segments; {', '.join(t.keywords[:5])})")
            for d, i in t.members:
                info = docs.get(d)
                print(f"  {(info.date if info else None) or '----------'}  {info.title if info else d}")
                print(f"      {segs[d][i].summary[:200]}")
            print()
        if not topics:
            print("no topics found")
        return 0
    lib = _library(args.paths, args.home)
    out = []
    for info, segments in lib.topics():
        out.append({"document": info.id, "segments": [
            {"start": s.start, "end": s.end, "label": s.label, "keywords": list(s.keywords),
             "summary": s.summary, "summary_spans": [list(x) for x in s.summary_spans]}
            for s in segments]})
    if args.limit:
        out = out[: args.limit]
    if args.json:
        _emit({"briefings": out})
        return 0
    docs = {d.id: d for d in lib.documents()}
    for b in out:
        d = docs[b["document"]]
        print(f"# {d.title} ({d.date or 'undated'})")
        for s in b["segments"]:
            print(f"  - {s['label']}: {s['summary'][:200]}")
        print()
    return 0


def _cmd_notes(args: argparse.Namespace) -> int:
    from briefreader.cli_notes import run_notes

    return run_notes(args)


if __name__ == "__main__":
    raise SystemExit(main())
