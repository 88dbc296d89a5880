"""Benchmark steps, each run in its own process by bench.run:

    python -m bench.steps STEP [options]

Each prints one line ``BENCH_RESULT {json}`` at the end. Running every step in a
fresh process gives honest cold-start figures and a per-step memory peak.
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import sys
import time
from collections import Counter
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from bench.stats import summarize


def _emit(result: dict[str, Any]) -> None:
    sys.stdout.write("BENCH_RESULT " + json.dumps(result) + "\n")
    sys.stdout.flush()


# -- passages (floor input, query selection) ---------------------------------------
def _passages_of(args: tuple[str, str]) -> tuple[str, list[tuple[int, str, str]], str | None]:
    """The index passages of one file: (start, body, speaker) per non-stage block,
    body from the turn's content start, as the briefreader index cuts them."""
    from briefreader.core.ingest import load_file

    path, doc_id = args
    try:
        b = load_file(path, doc_id=doc_id)
    except Exception as exc:  # counted, as the sync counts failures
        return doc_id, [], f"{type(exc).__name__}: {exc}"
    out = []
    for block in b.blocks:
        if block.kind == "stage":
            continue
        start = block.content_start if block.content_start >= 0 else block.start
        if start < block.end:
            out.append((start, b.text[start:block.end], block.speaker or ""))
    return doc_id, out, None


def load_passages(corpus: Path, cache: Path, procs: int = 2) -> list[tuple[str, int, str, str]]:
    if cache.exists():
        with open(cache, "rb") as fh:
            return pickle.load(fh)
    from briefreader.core.scan import scan

    failures: list[tuple[str, str]] = []
    jobs = [(f.path, f.doc_id) for f in scan([corpus.resolve()], failures)]
    rows: list[tuple[str, int, str, str]] = []
    with get_context("forkserver").Pool(procs) as pool:
        for doc_id, passages, _err in pool.imap(_passages_of, jobs, chunksize=16):
            rows.extend((doc_id, s, body, sp) for s, body, sp in passages)
    with open(cache, "wb") as fh:
        pickle.dump(rows, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return rows


# -- floor ---------------------------------------------------------------------------
def floor_schema() -> Any:
    from whoosh import fields
    from whoosh.analysis import StemmingAnalyzer

    return fields.Schema(id=fields.ID(stored=True), body=fields.TEXT(analyzer=StemmingAnalyzer()))


def step_floor(a: argparse.Namespace) -> dict[str, Any]:
    """Raw Whoosh: one document per passage, id + stemmed body, one writer."""
    from whoosh import index

    t = time.perf_counter()
    rows = load_passages(Path(a.corpus), Path(a.passages))
    load_s = time.perf_counter() - t
    ixdir = Path(a.index)
    ixdir.mkdir(parents=True, exist_ok=True)
    t0, c0 = time.perf_counter(), time.process_time()
    ix = index.create_in(str(ixdir), floor_schema())
    w = ix.writer(limitmb=a.limitmb)
    for doc_id, start, body, _sp in rows:
        w.add_document(id=f"{doc_id}\x00{start}", body=body)
    t1 = time.perf_counter()
    w.commit()
    t2, c2 = time.perf_counter(), time.process_time()
    return {"seconds": t2 - t0, "add_s": t1 - t0, "commit_s": t2 - t1, "cpu_s": c2 - c0, "passages": len(rows),
            "briefings": len({r[0] for r in rows}), "chars": sum(len(r[2]) for r in rows),
            "untimed_load_s": load_s, "limitmb": a.limitmb}


# -- sync ----------------------------------------------------------------------------
def _profiled(a: argparse.Namespace, fn: Any) -> Any:
    if not a.profile:
        return fn()
    try:
        from pyinstrument import Profiler
    except ImportError:
        raise SystemExit("--profile needs pyinstrument: pip install -e '.[bench]'") from None

    prof = Profiler(interval=0.005)
    prof.start()
    try:
        return fn()
    finally:
        prof.stop()
        Path(a.profile).write_text(prof.output_text(unicode=True, color=False, show_all=False))
        if a.profile.endswith(".txt"):
            Path(a.profile[:-4] + ".html").write_text(prof.output_html())


def step_sync(a: argparse.Namespace) -> dict[str, Any]:
    t0 = time.perf_counter()
    from briefreader.core.library import Library

    t1 = time.perf_counter()
    lib = Library([a.corpus], home=a.home)
    t2 = time.perf_counter()
    kwargs = {"workers": a.workers} if a.workers else {}
    report = _profiled(a, lambda: lib.sync(**kwargs))
    t3 = time.perf_counter()
    lib.close()
    return {"import_s": t1 - t0, "open_s": t2 - t1, "sync_s": t3 - t2, "added": report.added,
            "updated": report.updated, "removed": report.removed, "unchanged": report.unchanged,
            "failed": len(report.failed), "failures": report.failed[:5]}


def step_change(a: argparse.Namespace) -> dict[str, Any]:
    """Append a sentence to one file, then sync (fresh process, existing index)."""
    path = Path(a.file)
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(f"\n\nThe benchmark appended this sentence at {time.time_ns()}.\n")
    return step_sync(a)


# -- queries -------------------------------------------------------------------------
_WORD = re.compile(r"[a-z]+")
# function words are never chosen as query words (Whoosh's own stop list is short)
_FUNCTION_WORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each even few for from further
get going got had has have having he her here hers herself him himself his how i if in into is it
its itself just know let like lot make many may me more most much must my myself no nor not now of
off on once one only or other our ours ourselves out over own really said same say says she should
so some such than that the their theirs them themselves then there these they thing things think
this those through to too under until up us very want was way we well were what when where which
while who whom why will with would yeah yes yet you your yours yourself yourselves
""".split())


def _spread(n: int, lo: int, hi: int) -> list[int]:
    """n ranks spread log-uniformly over [lo, hi]."""
    return [round(lo * (hi / lo) ** (i / (n - 1))) for i in range(n)]


def _pick(ranked: list[Any], ranks: list[int]) -> list[Any]:
    out: list[Any] = []
    for r in ranks:
        r = min(r, len(ranked) - 1)
        while r < len(ranked) - 1 and ranked[r] in out:
            r += 1
        out.append(ranked[r])
    return out


def step_queries(a: argparse.Namespace) -> dict[str, Any]:
    """Deterministic queries from corpus statistics (passage frequencies)."""
    from whoosh.analysis import STOP_WORDS as _WHOOSH_STOP

    STOP_WORDS = _WHOOSH_STOP | _FUNCTION_WORDS
    rows = load_passages(Path(a.corpus), Path(a.passages))
    n = a.per_class
    df: Counter[str] = Counter()
    bigrams: Counter[tuple[str, ...]] = Counter()
    trigrams: Counter[tuple[str, ...]] = Counter()
    speakers: Counter[str] = Counter()
    speaker_df: dict[str, Counter[str]] = {}
    tokens_of: list[set[str]] = []
    for _doc, _s, body, sp in rows:
        low = body.lower()
        toks = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(low)]
        words = {t for t, _, _ in toks if len(t) >= 4 and t not in STOP_WORDS}
        df.update(words)
        tokens_of.append(words)
        grams2: set[tuple[str, ...]] = set()
        grams3: set[tuple[str, ...]] = set()
        for i in range(len(toks) - 1):
            (w1, _, e1), (w2, s2, e2) = toks[i], toks[i + 1]
            if not low[e1:s2].isspace() or min(len(w1), len(w2)) < 3 \
                    or w1 in STOP_WORDS or w2 in STOP_WORDS:
                continue
            grams2.add((w1, w2))
            if i + 2 < len(toks):
                w3, s3, _ = toks[i + 2]
                if low[e2:s3].isspace() and len(w3) >= 3 and w3 not in STOP_WORDS:
                    grams3.add((w1, w2, w3))
        bigrams.update(grams2)
        trigrams.update(grams3)
        if sp and sp != "Reporter":
            speakers[sp] += 1
            speaker_df.setdefault(sp, Counter()).update(words)
    ranked = [w for w, _ in sorted(df.items(), key=lambda kv: (-kv[1], kv[0]))]
    words = _pick(ranked, _spread(n, 50, 5000))
    # two-word AND: A spread over ranks 30..3000, B its most frequent companion in the top 500
    firsts = _pick([w for w in ranked if w not in words], _spread(n, 30, 3000))
    top = set(ranked[:500])
    companions: dict[str, Counter[str]] = {w: Counter() for w in firsts}
    for toks in tokens_of:
        hit = [w for w in firsts if w in toks]
        for w in hit:
            companions[w].update(t for t in toks if t in top and t != w)
    ands = []
    for w in firsts:
        best = sorted(companions[w].items(), key=lambda kv: (-kv[1], kv[0]))
        if best:
            ands.append(f"{w} AND {best[0][0]}")
    ranked2 = [g for g, _ in sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0]))]
    ranked3 = [g for g, _ in sorted(trigrams.items(), key=lambda kv: (-kv[1], kv[0]))]
    n3 = max(1, n // 5)
    phrases = ['"' + " ".join(g) + '"' for g in _pick(ranked2, _spread(n - n3, 10, 1000))]
    phrases += ['"' + " ".join(g) + '"' for g in _pick(ranked3, _spread(n3, 5, 200))]
    roles = {"the", "senior", "moderator", "operator", "administration", "official", "participant"}
    people = [s for s, _ in speakers.most_common() if s.split()[0].lower() not in roles
              and 2 <= len(s.split()) <= 4][:5]
    quotes = []
    per = max(1, -(-n // max(1, len(people))))
    for sp in people:
        own = [w for w, _ in sorted(speaker_df[sp].items(), key=lambda kv: (-kv[1], kv[0]))]
        surname = sp.split()[-1]
        for w in _pick(own, _spread(per, 20, 500)):
            quotes.append({"q": w, "speaker": surname})
    quotes = quotes[:n]
    doc = {"words": words, "and": ands[:n], "phrases": phrases, "quotes": quotes,
           "speakers": {sp: speakers[sp] for sp in people},
           "df": {w: df[w] for w in words}}
    Path(a.out).write_text(json.dumps(doc, indent=1))
    return {"counts": {k: len(v) for k, v in doc.items() if isinstance(v, list)}, "speakers": people}


# -- search --------------------------------------------------------------------------
def _timed(fn: Any, rounds: int) -> tuple[float, Any]:
    best: list[float] = []
    out = None
    for _ in range(rounds):
        t = time.perf_counter()
        out = fn()
        best.append(time.perf_counter() - t)
    best.sort()
    return best[len(best) // 2], out  # the median of the rounds


def step_search(a: argparse.Namespace) -> dict[str, Any]:
    from whoosh import index
    from whoosh.qparser import QueryParser

    from briefreader.core.library import Library

    qs = json.loads(Path(a.queries).read_text())
    t0 = time.perf_counter()
    lib = Library([a.corpus], home=a.home)
    open_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    first = lib.search(qs["words"][0])
    first_s = time.perf_counter() - t0
    _ = first.total
    classes = {
        "words": [(q, None) for q in qs["words"]],
        "and": [(q, None) for q in qs["and"]],
        "phrases": [(q, None) for q in qs["phrases"]],
        "quotes": [(d["q"], d["speaker"]) for d in qs["quotes"]],
    }
    ours: dict[str, list[float]] = {}
    totals: dict[str, list[int]] = {}
    for cls, items in classes.items():
        times = []
        tot = []
        for q, sp in items:
            if cls == "quotes":
                dt, res = _timed(lambda q=q, sp=sp: lib.quotes(q, speaker=sp), a.rounds)
                tot.append(len(res))
            else:
                dt, res = _timed(lambda q=q: lib.search(q), a.rounds)
                tot.append(res.total)
            times.append(dt)
        ours[cls] = times
        totals[cls] = tot
    lib.close()

    floor: dict[str, list[float]] = {}
    floor_totals: dict[str, list[int]] = {}
    floor_top: dict[str, list[float]] = {}
    if a.floor_index and Path(a.floor_index).exists():
        ix = index.open_dir(a.floor_index)
        s = ix.searcher()
        parser = QueryParser("body", ix.schema)

        def run_floor(q: str, total: bool) -> int:
            r = s.search(parser.parse(q), limit=20)
            _ids = [h["id"] for h in r]
            return len(r) if total else len(_ids)

        run_floor(qs["words"][0], True)
        for cls, items in classes.items():
            times, tops, tot = [], [], []
            for q, _sp in items:  # the floor has no speaker field: the words alone
                dt, n = _timed(lambda q=q: run_floor(q, True), a.rounds)
                times.append(dt)
                tot.append(n)
                dt2, _ = _timed(lambda q=q: run_floor(q, False), a.rounds)
                tops.append(dt2)
            floor[cls], floor_totals[cls], floor_top[cls] = times, tot, tops
        s.close()
    return {"open_s": open_s, "first_query_s": first_s, "rounds": a.rounds,
            "ours": {k: summarize(v) for k, v in ours.items()},
            "floor": {k: summarize(v) for k, v in floor.items()},
            "floor_top20_only": {k: summarize(v) for k, v in floor_top.items()},
            "totals": totals, "floor_totals": floor_totals,
            "raw_ms": {k: [round(x * 1000, 2) for x in v] for k, v in ours.items()},
            "floor_raw_ms": {k: [round(x * 1000, 2) for x in v] for k, v in floor.items()}}


# -- reader (core part) --------------------------------------------------------------
def step_reader_core(a: argparse.Namespace) -> dict[str, Any]:
    """What the reader needs before and at opening a briefing: Library() +
    documents() + analysis(longest). Absolute time.time() stamps: bench.run
    subtracts the moment it started this process."""
    stamps = {"imported_start": time.time()}
    from briefreader.core.library import Library

    stamps["imported"] = time.time()
    lib = Library([a.corpus], home=a.home)
    stamps["library"] = time.time()
    docs = lib.documents()
    stamps["documents"] = time.time()
    target = next((d for d in docs if d.path == str(Path(a.file).resolve())), None)
    if target is None:
        raise SystemExit(f"not indexed: {a.file}")
    an = lib.analysis(target.id)
    stamps["analysis"] = time.time()
    a2 = lib.analysis(target.id)
    stamps["analysis_cached"] = time.time()
    return {"stamps": stamps, "documents": len(docs), "blocks": len(an.briefing.blocks),
            "quotes": len(an.quotes), "segments": len(an.segments), "chars": len(a2.briefing.text)}


def step_reader_ui(a: argparse.Namespace) -> dict[str, Any]:
    """The reader app headless (Textual's run_test, 100x30): process start to first
    paint (the app's own metric), then opening the longest briefing (request to
    painted). Absolute time.time() stamps, as for reader_core."""
    import asyncio

    stamps = {"imported_start": time.time()}
    from briefreader.core.library import Library
    from briefreader.ui.app import BriefreaderApp
    from briefreader.ui.messages import Target

    stamps["imported"] = time.time()
    lib = Library([a.corpus], home=a.home)
    app = BriefreaderApp(lib, restore=False)
    out: dict[str, Any] = {}

    async def drive() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            while "first_paint" not in app.metrics:
                await pilot.pause(0.005)
            stamps["first_paint"] = time.time()
            deadline = time.time() + 30
            while "open" not in app.metrics and time.time() < deadline:  # the newest, opened at start
                await pilot.pause(0.005)
            out["open_newest_s"] = app.metrics.get("open")
            target = next(d for d in lib.documents() if d.path == str(Path(a.file).resolve()))
            app.metrics.pop("open", None)
            stamps["open_requested"] = time.time()
            app.open_target(Target(target.id))
            while "open" not in app.metrics and time.time() < deadline:
                await pilot.pause(0.005)
            stamps["opened"] = time.time()
            out["open_longest_s"] = app.metrics.get("open")
            out["analysis_load_s"] = app.metrics.get("analysis_load")
            while app.syncing and time.time() < deadline:  # let the start-up sync finish
                await pilot.pause(0.05)

    asyncio.run(drive())
    out["stamps"] = stamps
    out["app_first_paint_s"] = app.metrics.get("first_paint")
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.steps")
    p.add_argument("step", choices=("floor", "sync", "change", "queries", "search", "reader_core",
                                    "reader_ui"))
    p.add_argument("--corpus")
    p.add_argument("--home")
    p.add_argument("--index")
    p.add_argument("--passages")
    p.add_argument("--limitmb", type=int, default=128)
    p.add_argument("--workers", type=int, default=0)
    p.add_argument("--profile", default="")
    p.add_argument("--file")
    p.add_argument("--queries")
    p.add_argument("--floor-index", dest="floor_index")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--per-class", dest="per_class", type=int, default=50)
    p.add_argument("--out")
    a = p.parse_args(argv)
    fn = {"floor": step_floor, "sync": step_sync, "change": step_change, "queries": step_queries,
          "search": step_search, "reader_core": step_reader_core, "reader_ui": step_reader_ui}[a.step]
    _emit(fn(a))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
