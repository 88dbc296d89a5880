"""briefreader benchmark (issue #7): sync, search, reader and memory against raw Whoosh.

    .venv/bin/python -m bench.run [--quick] [--corpus DIR] [--scale 10] [--json FILE]

Every step runs in its own process in a fresh state home under a temporary folder;
the corpus is copied there first (the one-file-changed step edits a file). Prints
one table and writes the same figures as JSON (default bench/results/latest.json).
Timings on a shared machine are noisy: the load average before and after each
corpus is recorded beside the figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.corpus import briefing_files, copy_corpus, scaled_corpus
from bench.procmem import run_watched, tree
from bench.stats import summarize

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "whitehouse-press-briefings"
CLASSES = ("words", "and", "phrases", "quotes")

TARGETS = {
    "ratio": 1.5, "nochange_s": 0.5, "change_s": 1.0, "p95_words": 50, "p95_and": 50,
    "p95_quotes": 50, "p95_phrases": 100, "paint_s": 1.0, "rss_sync_mb": 600, "rss_reader_mb": 300,
    "p95_words_scaled": 100,
}


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def step(name: str, **opts: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """Run ``python -m bench.steps name`` watched; (its result, its process-tree stats)."""
    cmd = [sys.executable, "-m", "bench.steps", name]
    for k, v in opts.items():
        if v is None or v is False:
            continue
        cmd += [f"--{k.replace('_', '-')}", str(v)]
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.pop("BRIEFREADER_HOME", None)
    code, out, err, stats = run_watched(cmd, cwd=REPO, env=env)
    line = next((x for x in reversed(out.splitlines()) if x.startswith("BENCH_RESULT ")), None)
    if code != 0 or line is None:
        raise RuntimeError(f"step {name} failed ({code}):\n{err[-3000:]}")
    return json.loads(line[len("BENCH_RESULT "):]), stats.to_json()


def loadavg() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


# -- grep ----------------------------------------------------------------------------
def grep_times(corpus: Path, qs: dict[str, Any], per_class: int) -> dict[str, dict[str, float]]:
    out = {}
    d = str(corpus)
    for cls in CLASSES:
        times = []
        items = qs[cls][:per_class]
        for item in items:
            if cls == "quotes":
                cmd = ["grep", "-rilF", "--", item["q"], d]
            elif cls == "and":
                w1, w2 = item.split(" AND ")
                cmd = ["sh", "-c", f"grep -rilFZ -- '{w1}' '{d}' | xargs -0r grep -ilF -- '{w2}'"]
            else:
                cmd = ["grep", "-rilF", "--", item.strip('"'), d]
            t = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            times.append(time.perf_counter() - t)
        out[cls] = summarize(times)
    return out


# -- reader --------------------------------------------------------------------------
def reader_core(corpus: Path, home: Path, longest: Path, repeats: int) -> dict[str, Any]:
    runs = []
    mem = []
    for _ in range(repeats):
        t0 = time.time()
        res, stats = step("reader_core", corpus=corpus, home=home, file=longest)
        s = res["stamps"]
        runs.append({
            "start_to_imported_s": s["imported"] - t0,
            "start_to_library_s": s["library"] - t0,
            "start_to_documents_s": s["documents"] - t0,
            "open_longest_s": s["analysis"] - s["documents"],
            "open_longest_cached_s": s["analysis_cached"] - s["analysis"],
        })
        mem.append(stats)
    keys = runs[0].keys()
    return {"median": {k: round(statistics.median(r[k] for r in runs), 4) for k in keys},
            "runs": runs, "mem": max(mem, key=lambda m: m["peak_pss_sum_mb"]),
            "detail": {k: v for k, v in res.items() if k != "stamps"}}


def reader_ui(corpus: Path, home: Path, longest: Path, repeats: int) -> dict[str, Any]:
    """The app headless (Textual run_test): process start to first paint, and the open
    of the longest briefing (request to painted), median of ``repeats`` runs."""
    runs, mem = [], []
    for _ in range(repeats):
        t0 = time.time()
        res, stats = step("reader_ui", corpus=corpus, home=home, file=longest)
        s = res["stamps"]
        runs.append({"start_to_imported_s": s["imported"] - t0, "start_to_first_paint_s": s["first_paint"] - t0,
                     "app_first_paint_s": res["app_first_paint_s"], "open_longest_s": res["open_longest_s"],
                     "analysis_load_s": res["analysis_load_s"]})
        mem.append(stats)
    keys = runs[0].keys()
    return {"median": {k: None if any(r[k] is None for r in runs) else round(statistics.median(r[k] for r in runs), 4)
                       for k in keys},
            "runs": runs, "mem": max(mem, key=lambda m: m["peak_pss_sum_mb"])}


def _tmux(sock: str, *args: str) -> str:
    return subprocess.run(["tmux", "-L", sock, *args], capture_output=True, text=True,
                          check=False).stdout


def ui_launch(corpus: Path, home: Path, repeats: int, settle: float = 2.0) -> dict[str, Any] | None:
    """`briefreader CORPUS` in a detached tmux (100x30): time from exec to the first
    non-blank screen, and the peak RSS of its process tree in the next ``settle`` s."""
    if shutil.which("tmux") is None:
        return None
    exe = Path(sys.executable).with_name("briefreader")
    sock = f"brbench{os.getpid()}"
    runs = []
    for i in range(repeats):
        session = f"b{i}"
        cmd = f"read go; exec env BRIEFREADER_HOME='{home}' '{exe}' '{corpus}'"
        _tmux(sock, "new-session", "-d", "-s", session, "-x", "100", "-y", "30", cmd)
        time.sleep(0.3)
        t0 = time.perf_counter()
        _tmux(sock, "send-keys", "-t", session, "Enter")
        paint = None
        while time.perf_counter() - t0 < 30:
            screen = _tmux(sock, "capture-pane", "-p", "-t", session)
            if screen.strip():
                paint = time.perf_counter() - t0
                break
            time.sleep(0.01)
        pid = _tmux(sock, "display-message", "-p", "-t", session, "#{pane_pid}").strip()
        peak = 0
        end = time.perf_counter() + settle
        while pid.isdigit() and time.perf_counter() < end:
            total = 0
            for p in tree(int(pid)):
                try:
                    with open(f"/proc/{p}/statm") as fh:
                        total += int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
                except OSError:
                    pass
            peak = max(peak, total)
            time.sleep(0.05)
        screen = _tmux(sock, "capture-pane", "-p", "-t", session)
        _tmux(sock, "send-keys", "-t", session, "q")
        time.sleep(0.3)
        _tmux(sock, "kill-session", "-t", session)
        runs.append({"paint_s": paint, "peak_rss_mb": round(peak / 1048576, 1),
                     "screen_lines": sum(1 for x in screen.splitlines() if x.strip())})
    _tmux(sock, "kill-server")
    paints = [r["paint_s"] for r in runs if r["paint_s"] is not None]
    return {"paint_s": round(statistics.median(paints), 3) if paints else None,
            "peak_rss_mb": max(r["peak_rss_mb"] for r in runs), "runs": runs}


def ui_status() -> str:
    """'placeholder' while briefreader/ui/app.py is the stub, else 'app'."""
    try:
        text = (REPO / "briefreader" / "ui" / "app.py").read_text()
    except OSError:
        return "missing"
    return "placeholder" if "Placeholder" in text[:200] else "app"


# -- one corpus ----------------------------------------------------------------------
def bench_corpus(label: str, corpus: Path, work: Path, args: argparse.Namespace,
                 queries: Path, per_class: int, grep_per_class: int, only: set[str]) -> dict[str, Any]:
    r: dict[str, Any] = {"corpus": str(corpus), "load_before": loadavg()}
    files = briefing_files(corpus)
    r["files"] = len(files)
    r["bytes"] = sum(f.stat().st_size for f in files)
    r["errors"] = {}
    for section in ("floor", "sync", "search", "reader"):
        if section not in only:
            continue
        try:
            SECTIONS[section](label, corpus, work, args, queries, per_class, grep_per_class, r, files)
        except Exception as exc:  # one failing step must not lose the others' figures
            log(f"{label}: {section} failed: {exc}")
            r["errors"][section] = str(exc)[-2000:]
    r["load_after"] = loadavg()
    return r


def sec_floor(label, corpus, work, args, queries, per_class, grep_per_class, r, files):  # type: ignore[no-untyped-def]
    passages = work / f"passages-{label}.pickle"
    floor_ix = work / f"floor-{label}"
    saved = work / f"floor-{label}.json"
    if args.reuse_floor and saved.exists() and floor_ix.exists():
        r["floor"], r["floor_mem"] = json.loads(saved.read_text())
        r["floor"]["reused_from"] = str(saved)
        log(f"{label}: floor {r['floor']['seconds']:.1f} s (measured before, reused)")
        return
    log(f"{label}: floor (raw Whoosh)")
    r["floor"], r["floor_mem"] = step("floor", corpus=corpus, index=floor_ix, passages=passages,
                                      limitmb=args.floor_limitmb)
    saved.write_text(json.dumps([r["floor"], r["floor_mem"]]))
    log(f"{label}: floor {r['floor']['seconds']:.1f} s")


def sec_sync(label, corpus, work, args, queries, per_class, grep_per_class, r, files):  # type: ignore[no-untyped-def]
    home = work / f"home-{label}"
    shutil.rmtree(home, ignore_errors=True)  # cold: no index, no analysis cache
    log(f"{label}: full sync (cold)")
    r["sync"], r["sync_mem"] = step("sync", corpus=corpus, home=home, workers=args.workers,
                                    profile=args.profile and str(work / f"profile-sync-{label}.txt"))
    log(f"{label}: sync {r['sync']['sync_s']:.1f} s")
    if args.profile:
        shutil.copy(work / f"profile-sync-{label}.txt", Path(args.json).with_name(f"profile-sync-{label}.txt"))
    if "floor" in r:
        r["ratio"] = r["sync"]["sync_s"] / r["floor"]["seconds"]
    nc = []
    for _ in range(args.repeats):
        res, mem = step("sync", corpus=corpus, home=home)
        nc.append((res["sync_s"], mem["wall_s"], res))
    r["nochange"] = {"sync_s": statistics.median(x[0] for x in nc), "runs_s": [x[0] for x in nc],
                     "process_wall_s": statistics.median(x[1] for x in nc),
                     "unchanged": nc[-1][2]["unchanged"]}
    exe = Path(sys.executable).with_name("briefreader")
    cli = []
    for _ in range(args.repeats):
        t = time.perf_counter()
        subprocess.run([str(exe), "index", str(corpus), "--home", str(home), "--json"],
                       capture_output=True, check=False)
        cli.append(time.perf_counter() - t)
    r["nochange"]["cli_wall_s"] = statistics.median(cli)
    by_size = sorted(files, key=lambda f: (f.stat().st_size, str(f)))
    median_file = by_size[len(by_size) // 2]
    ch = []
    for _ in range(args.repeats):
        res, mem = step("change", corpus=corpus, home=home, file=median_file)
        ch.append((res["sync_s"], res))
    longest_res, _ = step("change", corpus=corpus, home=home, file=by_size[-1])
    r["change"] = {"sync_s": statistics.median(x[0] for x in ch), "runs_s": [x[0] for x in ch],
                   "file": str(median_file.relative_to(corpus)), "bytes": median_file.stat().st_size,
                   "updated": ch[-1][1]["updated"], "longest_sync_s": longest_res["sync_s"],
                   "longest_file": str(by_size[-1].relative_to(corpus))}
    log(f"{label}: no-change {r['nochange']['sync_s']:.2f} s, one file {r['change']['sync_s']:.2f} s")


def sec_search(label, corpus, work, args, queries, per_class, grep_per_class, r, files):  # type: ignore[no-untyped-def]
    passages = work / f"passages-{label}.pickle"
    floor_ix = work / f"floor-{label}"
    home = work / f"home-{label}"
    if not queries.exists():
        log(f"{label}: choosing queries")
        r["queries"], _ = step("queries", corpus=corpus, passages=passages, out=queries,
                               per_class=per_class)
    log(f"{label}: search")
    r["search"], r["search_mem"] = step("search", corpus=corpus, home=home, queries=queries,
                                        floor_index=floor_ix if floor_ix.exists() else None,
                                        rounds=args.rounds)
    log(f"{label}: grep")
    r["grep"] = grep_times(corpus, json.loads(queries.read_text()), grep_per_class)
    r["grep"]["queries_per_class"] = grep_per_class


def sec_reader(label, corpus, work, args, queries, per_class, grep_per_class, r, files):  # type: ignore[no-untyped-def]
    home = work / f"home-{label}"
    log(f"{label}: reader")
    longest = max(files, key=lambda f: (f.stat().st_size, str(f)))
    r["reader_core"] = reader_core(corpus, home, longest, args.repeats)
    r["reader_core"]["longest"] = str(longest.relative_to(corpus))
    r["ui_status"] = ui_status()
    if r["ui_status"] == "app":
        r["reader_ui"] = reader_ui(corpus, home, longest, args.repeats)
    r["ui"] = ui_launch(corpus, home, args.repeats)


SECTIONS = {"floor": sec_floor, "sync": sec_sync, "search": sec_search, "reader": sec_reader}


# -- table ---------------------------------------------------------------------------
def _f(v: Any, fmt: str = "{:.2f}") -> str:
    return "-" if v is None else fmt.format(v)


def _get(d: dict[str, Any] | None, *path: Any) -> Any:
    for p in path:
        if not isinstance(d, dict) or p not in d:
            return None
        d = d[p]
    return d


def _sum(*xs: Any) -> Any:
    return None if any(x is None for x in xs) else sum(xs)


def table(res: dict[str, Any]) -> str:
    cols = [k for k in ("1x", "scaled") if k in res["corpora"]]
    heads = {"1x": "1x", "scaled": f"{res['scale']}x"}
    rows: list[tuple[str, list[str], str]] = []

    def row(name: str, fn: Any, target: str = "") -> None:
        rows.append((name, [fn(res["corpora"][c], c) for c in cols], target))

    row("briefings / MB", lambda r, c: f"{r['files']} / {r['bytes'] / 1e6:.0f}")
    row("passages indexed by the floor", lambda r, c: _f(_get(r, "floor", "passages"), "{:,}"))
    row("floor: raw Whoosh index (s)", lambda r, c: _f(_get(r, "floor", "seconds"), "{:.1f}"))
    row("full sync, cold (s)", lambda r, c: _f(_get(r, "sync", "sync_s"), "{:.1f}"))
    row("  full sync / floor", lambda r, c: _f(r.get("ratio"), "{:.2f}x"), "<= 1.5x (1.0x)")
    row("  cores busy during sync (CPU s / wall s)", lambda r, c: _f(_get(r, "sync_mem", "cores_used"), "{:.2f}"))
    row("  CPU s: floor | sync (all processes)",
        lambda r, c: f"{_f(_get(r, 'floor', 'cpu_s') or _get(r, 'floor_mem', 'cpu_main_s'), '{:.0f}')} | "
                     f"{_f(_sum(_get(r, 'sync_mem', 'cpu_main_s'), _get(r, 'sync_mem', 'cpu_others_s')), '{:.0f}')}")
    row("no-change sync (s): sync() | CLI wall",
        lambda r, c: f"{_f(_get(r, 'nochange', 'sync_s'), '{:.3f}')} | "
                     f"{_f(_get(r, 'nochange', 'cli_wall_s'), '{:.2f}')}", "<= 0.5")
    row("one file changed (s): median | longest",
        lambda r, c: f"{_f(_get(r, 'change', 'sync_s'), '{:.3f}')} | "
                     f"{_f(_get(r, 'change', 'longest_sync_s'), '{:.2f}')}", "<= 1.0")
    targets = {"words": "<= 50 (10x: 100)", "and": "<= 50", "phrases": "<= 100, < floor",
               "quotes": "<= 50"}
    names = {"words": "words", "and": "two-word AND", "phrases": "phrases",
             "quotes": "quote + speaker"}
    for cls in CLASSES:
        row(f"search {names[cls]} p50/p95 (ms): ours",
            lambda r, c, cls=cls: f"{_f(_get(r, 'search', 'ours', cls, 'p50_ms'), '{:.1f}')} / "
                                  f"{_f(_get(r, 'search', 'ours', cls, 'p95_ms'), '{:.1f}')}", targets[cls])
        row("    floor index (top 20 + total)",
            lambda r, c, cls=cls: f"{_f(_get(r, 'search', 'floor', cls, 'p50_ms'), '{:.1f}')} / "
                                  f"{_f(_get(r, 'search', 'floor', cls, 'p95_ms'), '{:.1f}')}")
        row("    grep -ril",
            lambda r, c, cls=cls: f"{_f(_get(r, 'grep', cls, 'p50_ms'), '{:.0f}')} / "
                                  f"{_f(_get(r, 'grep', cls, 'p95_ms'), '{:.0f}')}")
    row("first search in a new process (ms)",
        lambda r, c: _f(None if _get(r, "search", "first_query_s") is None
                        else r["search"]["first_query_s"] * 1000, "{:.0f}"))
    row("launch to first paint, tmux (s)", lambda r, c: _f(_get(r, "ui", "paint_s"), "{:.2f}"), "<= 1.0")
    row("  headless: start to first paint (s)",
        lambda r, c: _f(_get(r, "reader_ui", "median", "start_to_first_paint_s"), "{:.2f}"), "<= 1.0")
    row("  headless: of which imports (s)",
        lambda r, c: _f(_get(r, "reader_ui", "median", "start_to_imported_s"), "{:.2f}"))
    row("  open longest briefing in the app (s)",
        lambda r, c: _f(_get(r, "reader_ui", "median", "open_longest_s"), "{:.3f}"))
    row("  core: start to documents() (s)",
        lambda r, c: _f(_get(r, "reader_core", "median", "start_to_documents_s"), "{:.2f}"))
    row("  core: open longest, analysis() (s)",
        lambda r, c: _f(_get(r, "reader_core", "median", "open_longest_s"), "{:.3f}"))
    row("peak memory sync, PSS sum | largest RSS (MB)",
        lambda r, c: f"{_f(_get(r, 'sync_mem', 'peak_pss_sum_mb'), '{:.0f}')} | "
                     f"{_f(_get(r, 'sync_mem', 'peak_rss_single_mb'), '{:.0f}')}", "<= 600")
    row("peak RSS reader: tmux app | headless | core (MB)",
        lambda r, c: f"{_f(_get(r, 'ui', 'peak_rss_mb'), '{:.0f}')} | "
                     f"{_f(_get(r, 'reader_ui', 'mem', 'peak_rss_sum_mb'), '{:.0f}')} | "
                     f"{_f(_get(r, 'reader_core', 'mem', 'peak_rss_sum_mb'), '{:.0f}')}", "<= 300")
    row("load average before -> after", lambda r, c: f"{r['load_before'][0]} -> {r['load_after'][0]}")
    w0 = max(len(x[0]) for x in rows)
    ws = [max(len(heads[c]), *(len(x[1][i]) for x in rows)) for i, c in enumerate(cols)]
    wt = max(len("target"), *(len(x[2]) for x in rows))
    line = "| " + " | ".join(["measure".ljust(w0)] + [heads[c].rjust(w) for c, w in zip(cols, ws, strict=True)]
                             + ["target".ljust(wt)]) + " |"
    sep = "|" + "|".join("-" * (w + 2) for w in [w0, *ws, wt]) + "|"
    out = [line, sep]
    for name, vals, target in rows:
        out.append("| " + " | ".join([name.ljust(w0)] + [v.rjust(w) for v, w in zip(vals, ws, strict=True)]
                                     + [target.ljust(wt)]) + " |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="source corpus (default: %(default)s)")
    p.add_argument("--scale", type=int, default=10, help="also run on an N-times corpus (1: skip; default 10)")
    p.add_argument("--quick", action="store_true",
                   help="150 briefings, no scaled corpus, 10 queries per class, 1 round")
    p.add_argument("--json", default=str(REPO / "bench" / "results" / "latest.json"))
    p.add_argument("--workdir", type=Path, default=None, help="keep corpora, indexes and homes here")
    p.add_argument("--keep", action="store_true", help="keep the temporary folder")
    p.add_argument("--only", default="floor,sync,search,reader",
                   help="comma-separated subset of floor,sync,search,reader")
    p.add_argument("--workers", type=int, default=0, help="Library.sync(workers=N) (default: its own)")
    p.add_argument("--rounds", type=int, default=3, help="runs per query (the median is kept)")
    p.add_argument("--repeats", type=int, default=3, help="runs of no-change/one-file/reader steps")
    p.add_argument("--floor-limitmb", type=int, default=128, help="floor writer memory (Whoosh default 128)")
    p.add_argument("--profile", action="store_true", help="pyinstrument the cold sync (text + html)")
    p.add_argument("--reuse-floor", action="store_true",
                   help="with --workdir: reuse the floor measured there before (it does not change with our code)")
    args = p.parse_args(argv)
    limit = None
    per_class, grep_per_class = 50, 50
    if args.quick:
        limit, per_class, grep_per_class = 150, 10, 10
        args.scale, args.rounds, args.repeats = 1, 1, 1
    only = set(args.only.split(","))
    if not args.corpus.is_dir():
        print(f"bench: no corpus folder {args.corpus} (use --corpus DIR)", file=sys.stderr)
        return 2
    work = args.workdir or Path(tempfile.mkdtemp(prefix="briefreader-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    res: dict[str, Any] = {
        "command": " ".join([Path(sys.executable).name, "-m", "bench.run", *(argv or sys.argv[1:])]),
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "python": platform.python_version(), "cpus": os.cpu_count(), "machine": platform.machine(),
        "git": subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True).stdout.strip(),
        "git_dirty": bool(subprocess.run(["git", "-C", str(REPO), "status", "--porcelain"],
                                         capture_output=True, text=True).stdout.strip()),
        "scale": args.scale, "quick": args.quick, "targets": TARGETS, "corpora": {},
    }
    try:
        name = args.corpus.name
        c1 = work / "corpus-1x" / name
        if not c1.exists():
            log(f"copying {args.corpus} to {c1}")
            copy_corpus(args.corpus, c1, limit)
        queries = work / "queries.json"
        res["corpora"]["1x"] = bench_corpus("1x", c1, work, args, queries, per_class, grep_per_class, only)
        _save(res, args.json)
        if args.scale > 1:
            cs = work / f"corpus-{args.scale}x" / name
            if not cs.exists():
                log(f"making the {args.scale}x corpus in {cs}")
                scaled_corpus(args.corpus, cs, args.scale, limit)
            res["corpora"]["scaled"] = bench_corpus(f"{args.scale}x", cs, work, args, queries, per_class,
                                                    min(10, grep_per_class), only)
        res["queries"] = json.loads(queries.read_text()) if queries.exists() else None
        _save(res, args.json)
    finally:
        if args.workdir is None and not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        elif args.keep or args.workdir:
            log(f"kept {work}")
    print(table(res))
    print(f"\nJSON: {args.json}")
    return 0


def _save(res: dict[str, Any], path: str) -> None:
    Path(path).write_text(json.dumps(res, indent=1))


if __name__ == "__main__":
    raise SystemExit(main())
