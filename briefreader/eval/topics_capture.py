"""Capture what ``segment_briefing`` shows for a set of briefings (label, summary,
spans, blocks of every segment), so that two versions of the code can be compared.

    python -m briefreader.eval.topics_capture OUT.json FILE...  (or --whitehouse-all)
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

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


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
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
