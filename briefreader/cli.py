"""The command line: `briefreader [PATH...]` opens the reader; subcommands give the
same answers as text or JSON (DESIGN.md). Bad input: one line on stderr, non-zero exit."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any

from briefreader import __version__
from briefreader.cli_output import emit, err, field, out

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
    commands: dict[str, argparse.ArgumentParser] = {}
    main.commands = commands  # type: ignore[attr-defined]  # each command's own parser

    p = sub.add_parser("index", help="sync the index; prints added/updated/removed/failed")
    commands["index"] = p
    p.add_argument("paths", nargs="*", metavar="PATH")
    _common(p)

    p = sub.add_parser("list", help="the indexed briefings, newest first")
    commands["list"] = p
    p.add_argument("paths", nargs="*", metavar="PATH")
    _common(p)

    p = sub.add_parser("search", help="passages, quotes and notes matching QUERY")
    commands["search"] = p
    p.add_argument("query", metavar="QUERY")
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument("--kind", choices=("passage", "quote", "note"))
    p.add_argument("--speaker", metavar="NAME")
    _common(p)

    p = sub.add_parser("quotes", help="quotes, newest briefing first; --speaker NAME, --kind KIND")
    commands["quotes"] = p
    p.add_argument("query", nargs="?", metavar="QUERY")
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument("--speaker", metavar="NAME")
    p.add_argument("--kind", choices=("direct", "partial", "indirect", "turn", "question"))
    p.add_argument("--all", action="store_true",
                   help="also the turns that only run the briefing (\"Go ahead.\", \"Thank you.\")")
    _common(p)

    p = sub.add_parser("topics", help="topic segments per briefing; --corpus for cross-briefing topics")
    commands["topics"] = p
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument("--corpus", nargs="?", const="", default=None, metavar="QUERY",
                   help="cross-briefing topics, optionally filtered by QUERY")
    p.add_argument("--in", dest="within", action="append", metavar="PATH",
                   help="corpus path for --corpus (default: bundled seeds)")
    _common(p)

    p = sub.add_parser("notes", help="annotations: list | add | export | import")
    nsub = p.add_subparsers(dest="notes_command", parser_class=_Parser)
    n = nsub.add_parser("list", help="list notes")
    commands["notes list"] = n
    n.add_argument("--tag")
    n.add_argument("--state", choices=("placed", "unplaced"))
    n.add_argument("--document", metavar="PATH_OR_ID")
    n.add_argument("--in", dest="within", action="append", metavar="PATH")
    _common(n)
    n = nsub.add_parser("add", help="annotate the passage QUOTE of the briefing at PATH")
    commands["notes add"] = n
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
    commands["notes export"] = n
    n.add_argument("--format", choices=("md", "json"), default="md")
    n.add_argument("-o", "--output", metavar="FILE")
    n.add_argument("--tag")
    n.add_argument("--in", dest="within", action="append", metavar="PATH")
    _common(n)
    n = nsub.add_parser("import", help="import a JSON export (no duplicates)")
    commands["notes import"] = n
    n.add_argument("file", metavar="FILE")
    n.add_argument("--in", dest="within", action="append", metavar="PATH")
    _common(n)
    return reader, main


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass
    try:
        reader, parser = build_parsers()
        args_list = _hoist_global_options(args_list)
        if args_list and args_list[0] in COMMANDS:
            return _run(_parse_command(parser, args_list))
        if args_list and args_list[0] in ("-h", "--help"):
            reader.print_help()
            out(f"\ncommands: {', '.join(COMMANDS)}  (briefreader COMMAND --help)")
            return 0
        args = reader.parse_intermixed_args(args_list)
        return _open_reader(args)
    except UsageError as exc:
        err(str(exc))
        return 2
    except KeyboardInterrupt:
        err("briefreader: interrupted")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        from briefreader.core.errors import BriefreaderError, QueryError

        if isinstance(exc, QueryError):
            err(f"briefreader: bad query: {exc}")
            return 2
        if isinstance(exc, BriefreaderError):
            err(f"briefreader: {exc}")
            return 1
        if os.environ.get("BRIEFREADER_DEBUG"):
            raise
        err(f"briefreader: {_sentence(exc)}")
        return 1


def _sentence(exc: BaseException) -> str:
    """An unexpected failure as a plain sentence (no exception class name)."""
    import sqlite3

    if isinstance(exc, OSError):
        where = f" ({exc.filename})" if exc.filename else ""
        if exc.errno == 30:  # EROFS
            return f"cannot write{where}: read-only file system; choose a writable state home with --home DIR"
        if exc.errno == 13:  # EACCES
            return f"permission denied{where}"
        if exc.errno == 28:  # ENOSPC
            return f"the disk is full{where}"
        return f"a file could not be read or written{where}: {exc.strerror or exc}"
    if isinstance(exc, sqlite3.Error):
        text = str(exc)
        if "readonly" in text or "read-only" in text:
            return "cannot write the state home (read-only); use --home DIR"
        if "disk" in text or "full" in text:
            return f"the state database failed: {text} (is the disk full?)"
        return f"the state database failed: {text}"
    if isinstance(exc, RecursionError):
        return "the input is nested too deeply to read"
    if isinstance(exc, MemoryError):
        return "out of memory"
    if isinstance(exc, (UnicodeError, OverflowError, ValueError)):
        return f"the input could not be read: {exc}"
    return f"something went wrong ({exc or 'no details'}); set BRIEFREADER_DEBUG=1 for details"


NOTES_COMMANDS = ("list", "add", "export", "import")


def _parse_command(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    """A command's arguments, options anywhere (``briefreader search QUERY PATH --json``,
    as with git, grep and ripgrep). argparse cannot parse intermixed arguments with
    subparsers, so the command's own parser (one without subparsers) parses them."""
    commands: dict[str, argparse.ArgumentParser] = parser.commands  # type: ignore[attr-defined]
    cmd, rest = argv[0], argv[1:]
    key, notes_command = cmd, None
    if cmd == "notes":
        if not rest or rest[0] in ("-h", "--help"):
            if rest:
                parser.parse_args(argv)  # the notes help
            raise UsageError("briefreader notes: choose list, add, export or import")
        if rest[0] not in NOTES_COMMANDS:
            raise UsageError(f"briefreader notes: unknown command {rest[0]!r} (choose list, add, export or import)")
        notes_command, rest = rest[0], rest[1:]
        key = f"notes {notes_command}"
    args = commands[key].parse_intermixed_args(rest)
    args.command, args.notes_command = cmd, notes_command
    return args


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


NO_TERMINAL = "briefreader: the reader needs a terminal; use a command: briefreader search QUERY [PATH ...]"


def _open_reader(args: argparse.Namespace) -> int:
    if not (_isatty(sys.stdin) and _isatty(sys.stdout)):  # before the UI is imported
        missing = next((p for p in args.paths if not os.path.exists(p)), None)
        if missing is not None:
            err(f"briefreader: no such file or folder: {missing}")
            return 1
        err(NO_TERMINAL)
        return 2
    from briefreader.core.library import Library

    library = Library(args.paths or None, home=args.home)
    from briefreader.ui.app import run_app

    return run_app(library)


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream is not None and stream.isatty())
    except (OSError, ValueError):
        return False


def _library(paths: list[str] | None, home: str | None, sync: bool = True, quiet: bool = True) -> Any:
    from briefreader.core.library import Library

    lib = Library(paths or None, home=home)
    for m in lib.messages:
        err(f"briefreader: {m}")
    if sync:
        lib.sync()
    return lib


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
        emit(report.to_json())
    else:
        out(f"{report.added} added, {report.updated} updated, {report.removed} removed, "
              f"{report.unchanged} unchanged, {len(report.failed)} failed in {report.seconds:.2f} s")
        for path, error in report.failed[: args.limit or len(report.failed)]:
            out(f"  failed: {field(path)}: {field(error)}")
    return 0


def _cmd_list(args: argparse.Namespace) -> int:
    lib = _library(args.paths, args.home)
    docs = lib.documents()[: args.limit or None]
    if args.json:
        emit({"documents": [d.to_json() for d in docs]})
        return 0
    for d in docs:
        out(f"{d.date or 'undated':10}  {field(d.format):10}  {field(d.title)}")
    return 0


def _style(text: str, spans: Sequence[tuple[int, int]], offset: int, on: bool) -> str:
    """A snippet, cleaned for one line, with its hits in bold yellow when ``on``
    (stdout is a terminal): the only escape codes briefreader ever writes."""
    text = field(text)  # one for one: the highlight offsets stay valid
    if not on or not spans:
        return text
    parts, pos = [], 0
    for a, b in spans:
        a, b = a - offset, b - offset
        if b <= pos or a >= len(text):
            continue
        a = max(a, pos)
        parts.append(text[pos:a])
        parts.append(f"\x1b[1;33m{text[a:b]}\x1b[0m")
        pos = b
    parts.append(text[pos:])
    return "".join(parts)


def _cmd_search(args: argparse.Namespace) -> int:
    lib = _library(args.paths, args.home)
    result = lib.search(args.query, limit=args.limit or 20, kind=args.kind, speaker=args.speaker)
    if args.json:
        emit({"query": result.query, "total": result.total, "hits": [h.to_json() for h in result.hits]})
        return 0
    color = sys.stdout.isatty()
    out(f"{result.total} matches for {field(repr(result.query))}")
    for h in result.hits:
        who = f" — {h.speaker}" if h.speaker else ""
        out(f"\n{field(h.title)} ({h.date or 'undated'}) [{h.kind}{field(who)}] {field(h.document)}:{h.start}")
        out("  " + _style(h.snippet, h.highlights, h.snippet_start, color), styled=True)
    return 0


def _quote_json(q: Any) -> dict[str, Any]:
    return {"document": q.document, "start": q.start, "end": q.end, "text": q.text,
            "speaker": q.speaker, "speaker_mention": q.speaker_mention, "cue": q.cue,
            "kind": q.kind, "segment": q.segment, "procedural": q.procedural}


def _cmd_quotes(args: argparse.Namespace) -> int:
    args.query, args.paths = _query_or_path(args.query, args.paths)
    lib = _library(args.paths, args.home)
    quotes = lib.quotes(args.query, speaker=args.speaker, kind=args.kind, limit=args.limit or 50,
                        include_procedural=args.all)
    if args.json:
        emit({"quotes": [_quote_json(q) for q in quotes]})
        return 0
    docs = {d.id: d for d in lib.documents()}
    for q in quotes:
        d = docs.get(q.document)
        out(f"“{field(' '.join(q.text.split()))}”")
        who = q.speaker or q.speaker_mention or "unknown speaker"  # (a description when unnamed)
        out(f"    — {field(who)} ({q.kind}), {field(d.title if d else q.document)}, "
            f"{(d.date if d else None) or 'undated'}\n")
    if not quotes:
        out("no quotes found")
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
            emit({"topics": [{"label": t.label, "keywords": list(t.keywords), "segments": [
                {"document": d, "date": docs[d].date if d in docs else None, "segment": i,
                 "label": segs[d][i].label, "summary": segs[d][i].summary,
                 "start": segs[d][i].start, "end": segs[d][i].end}
                for d, i in t.members]} for t in topics]})
            return 0
        for t in topics:
            out(f"## {field(t.label)}  ({len(t.members)} segments; {field(', '.join(t.keywords[:5]))})")
            for d, i in t.members:
                info = docs.get(d)
                out(f"  {(info.date if info else None) or '----------'}  {field(info.title if info else d)}")
                out(f"      {field(segs[d][i].summary[:200])}")
            out()
        if not topics:
            out("no topics found")
        return 0
    lib = _library(args.paths, args.home)
    briefings = []
    for info, segments in lib.topics():
        briefings.append({"document": info.id, "segments": [
            {"start": s.start, "end": s.end, "label": s.label, "keywords": list(s.keywords),
             "summary": s.summary, "summary_spans": [list(x) for x in s.summary_spans]}
            for s in segments]})
    if args.limit:
        briefings = briefings[: args.limit]
    if args.json:
        emit({"briefings": briefings})
        return 0
    docs = {d.id: d for d in lib.documents()}
    for b in briefings:
        d = docs[b["document"]]
        out(f"# {field(d.title)} ({d.date or 'undated'})")
        for s in b["segments"]:
            out(f"  - {field(s['label'])}: {field(s['summary'][:200])}")
        out()
    return 0


def _cmd_notes(args: argparse.Namespace) -> int:
    from briefreader.cli_notes import run_notes

    return run_notes(args)


if __name__ == "__main__":
    raise SystemExit(main())
