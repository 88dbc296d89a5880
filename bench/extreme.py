"""Extreme inputs of issue #18: many small briefings, and one huge briefing.

    python -m bench.extreme many DIR [--n 50000]     # small .md briefings in year/month folders
    python -m bench.extreme big FILE [--mb 19]        # corpus transcripts in one file, one front matter
    python -m bench.extreme index PATH --home DIR [--repeats 3]

``index`` runs ``briefreader index PATH`` (the first run indexes, the next ones find
nothing changed) watched with bench.procmem: wall seconds, CPU of the process tree,
peak RSS (largest process and summed), with the load average beside each run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from pathlib import Path

from bench.procmem import run_watched

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "whitehouse-press-briefings"


def _bodies(src: Path, limit: int | None = None) -> list[str]:
    out = []
    for f in sorted(src.rglob("*.md"))[:limit]:
        text = f.read_text(encoding="utf-8", errors="replace")
        if text.startswith("---"):
            end = text.find("\n---", 3)
            text = text[end + 4:] if end >= 0 else text
        out.append(text.strip())
    return out


def many(dest: Path, n: int, src: Path = CORPUS) -> None:
    """``n`` small briefings (four corpus paragraphs each, a speaker label) in
    year/month folders: 25 years of 12 months."""
    paras = [p.strip() for body in _bodies(src, 300) for p in body.split("\n\n") if 80 < len(p.strip()) < 600]
    rnd = random.Random(7)
    for i in range(n):
        y, m, d = 2000 + i % 25, 1 + (i // 25) % 12, 1 + (i // 300) % 28
        folder = dest / str(y) / f"{m:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        body = "\n\n".join(rnd.sample(paras, 4))
        (folder / f"{y}-{m:02d}-{d:02d}-briefing-{i:05d}.md").write_text(
            f"---\ntitle: Generated briefing {i}\ndate: '{y}-{m:02d}-{d:02d}'\n---\n\nMS. SPEAKER{i % 40}: {body}\n",
            encoding="utf-8")


def big(dest: Path, mb: float, src: Path = CORPUS) -> None:
    """Corpus transcripts, in name order, in one file of about ``mb`` MB."""
    parts, size = [], 0
    for body in _bodies(src):
        parts.append(body)
        size += len(body.encode())
        if size >= mb * 1e6:
            break
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text("---\ntitle: All the briefings in one file\ndate: '2024-12-01'\n---\n\n"
                    + "\n\n".join(parts) + "\n", encoding="utf-8")


def index(path: Path, home: Path, repeats: int) -> list[dict[str, object]]:
    exe = Path(sys.executable).with_name("briefreader")
    runs = []
    for _ in range(1 + repeats):
        load = os.getloadavg()[0]
        code, out, err, stats = run_watched([str(exe), "index", str(path), "--home", str(home), "--json"], cwd=REPO)
        if code != 0:
            raise SystemExit(f"briefreader index failed ({code}): {err[-500:]}")
        report = json.loads(out)
        j = stats.to_json()
        runs.append({"load": round(load, 2), "wall_s": j["wall_s"],
                     "cpu_s": round(j["cpu_main_s"] + j["cpu_others_s"], 2),
                     "peak_rss_single_mb": j["peak_rss_single_mb"], "peak_rss_sum_mb": j["peak_rss_sum_mb"],
                     "sync_s": report["seconds"], "added": report["added"], "unchanged": report["unchanged"]})
        print(json.dumps(runs[-1]), flush=True)
    return runs


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.extreme", description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("many")
    m.add_argument("dest", type=Path)
    m.add_argument("--n", type=int, default=50_000)
    b = sub.add_parser("big")
    b.add_argument("dest", type=Path)
    b.add_argument("--mb", type=float, default=19.0)
    i = sub.add_parser("index")
    i.add_argument("path", type=Path)
    i.add_argument("--home", type=Path, required=True)
    i.add_argument("--repeats", type=int, default=3)
    a = p.parse_args(argv)
    if a.cmd == "many":
        many(a.dest, a.n)
    elif a.cmd == "big":
        big(a.dest, a.mb)
    else:
        index(a.path, a.home, a.repeats)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
