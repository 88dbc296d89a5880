"""Capture what ``segment_briefing`` shows for a set of briefings (label, summary,
spans, blocks of every segment), so that two versions of the code can be compared.

    python -m briefreader.eval.topics_capture OUT.json FILE...  (or --whitehouse-all)
    python -m briefreader.eval.topics_capture --compare BEFORE.json AFTER.json [N] [SEED]

``--compare`` prints N examples chosen at random (a briefing, then a block of it) with
the segment holding that block in each capture.
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from briefreader.core.model import Briefing

CORPUS = Path("/work/shared/corpus")


def whitehouse_files(root: Path | None = None) -> list[Path]:
    """The White House transcripts of the corpus, sorted."""
    base = (root or CORPUS) / "whitehouse-press-briefings"
    return sorted(base.glob("*/*.md"))


def sample_whitehouse(step: int = 29, root: Path | None = None) -> list[Path]:
    """Every ``step``-th White House transcript (sorted): 40 files of 1,154."""
    return whitehouse_files(root)[::step]


def segment_record(b: Briefing) -> dict[str, object]:
    from briefreader.core.topics import segment_briefing

    segs = segment_briefing(b)
    return {
        "title": b.title,
        "blocks": len(b.blocks),
        "segments": [
            {"first_block": s.first_block, "last_block": s.last_block, "start": s.start, "end": s.end,
             "label": s.label, "summary": s.summary, "summary_spans": [list(x) for x in s.summary_spans],
             "keywords": list(s.keywords)}
            for s in segs
        ],
    }


def capture(paths: Iterable[Path], key: str = "path") -> dict[str, dict[str, object]]:
    from briefreader.core.ingest import load_file

    out: dict[str, dict[str, object]] = {}
    for p in paths:
        b = load_file(p)
        out[str(p)] = segment_record(b)
    return out


def compare(before: dict[str, Any], after: dict[str, Any], n: int = 10, seed: int = 16) -> list[str]:
    """N before/after examples: a briefing of both captures and a block of it, drawn with ``seed``."""
    rng = random.Random(seed)
    docs = sorted(set(before) & set(after))
    out = [f"seed {seed}: {n} examples from {len(docs)} briefings"]
    for k in range(1, n + 1):
        doc = rng.choice(docs)
        block = rng.randrange(int(before[doc]["blocks"]))
        out.append(f"{k}. {Path(doc).name} (block {block})")
        for tag, cap in (("before", before), ("after", after)):
            seg = next(s for s in cap[doc]["segments"] if s["first_block"] <= block <= s["last_block"])
            count = len(cap[doc]["segments"])
            out.append(f"   {tag:6} [{seg['first_block']}-{seg['last_block']} of {count} topics] "
                       f"label: {seg['label']!r}")
            out.append(f"          summary: {seg['summary'][:300]!r}")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["--compare"] and len(args) >= 3:
        try:
            b, a = (json.loads(Path(x).read_text(encoding="utf-8")) for x in args[1:3])
            lines = compare(b, a, int(args[3]) if len(args) > 3 else 10, int(args[4]) if len(args) > 4 else 16)
        except (OSError, ValueError, KeyError, StopIteration) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        print("\n".join(lines))
        return 0
    if len(args) < 2:
        print("usage: python -m briefreader.eval.topics_capture OUT.json FILE... | --whitehouse-all",
              file=sys.stderr)
        return 2
    out, rest = Path(args[0]), args[1:]
    paths = whitehouse_files() if rest == ["--whitehouse-all"] else [Path(a) for a in rest]
    t0 = time.process_time()
    try:
        data = capture(paths)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    out.write_text(json.dumps(data, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"{len(data)} briefings captured to {out} in {time.process_time() - t0:.1f} s CPU")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
