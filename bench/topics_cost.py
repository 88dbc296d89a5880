"""Cost of segmenting and describing topics against the cost of indexing the same text
(raw Whoosh, one document per passage, as ``bench.steps.step_floor``), on N White House
transcripts chosen with a fixed seed.

    python -m bench.topics_cost [N] [SEED]
"""

from __future__ import annotations

import random
import sys
import tempfile
import time


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    n = int(args[0]) if args else 200
    seed = int(args[1]) if len(args) > 1 else 16
    from whoosh import index

    from bench.steps import floor_schema
    from briefreader.core.ingest import load_file
    from briefreader.core.topics import segment_briefing
    from briefreader.eval.topics_capture import whitehouse_files

    files = whitehouse_files()
    if not files:
        print("error: no corpus files", file=sys.stderr)
        return 1
    paths = random.Random(seed).sample(files, min(n, len(files)))
    briefings = [load_file(p) for p in paths]
    c0 = time.process_time()
    segs = sum(len(segment_briefing(b)) for b in briefings)
    topics_cpu = time.process_time() - c0
    with tempfile.TemporaryDirectory() as d:
        c0 = time.process_time()
        ix = index.create_in(d, floor_schema())
        w = ix.writer()
        for b in briefings:
            for blk in b.blocks:
                if blk.kind == "stage":
                    continue
                s = blk.content_start if blk.content_start >= 0 else blk.start
                if s < blk.end:
                    w.add_document(id=f"{b.id}\x00{s}", body=b.text[s:blk.end])
        w.commit()
        index_cpu = time.process_time() - c0
    print(f"{len(briefings)} files (seed {seed}): {segs} segments; segmenting+describing {topics_cpu:.2f} s CPU, "
          f"raw Whoosh index {index_cpu:.2f} s CPU: ratio {topics_cpu / index_cpu:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
