"""Check that an ingest optimisation changed nothing: a digest of every briefing's
canonical text, blocks and sentences over a corpus, written before and compared after.

    python -m bench.ingest_digest write before.json [--corpus DIR]
    python -m bench.ingest_digest compare before.json [--corpus DIR]

It also times ``load_file`` over the corpus (one process, wall and CPU time).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

from bench.corpus import briefing_files
from bench.run import DEFAULT_CORPUS


def digest(path: Path) -> str:
    from briefreader.core.ingest import load_file

    try:
        b = load_file(path)
    except Exception as exc:  # a failure is an outcome too
        return f"error: {type(exc).__name__}: {exc}"
    h = hashlib.blake2b(digest_size=16)
    h.update(repr((b.title, b.date, b.format, b.text, b.source_url, b.tags, b.notes,
                   sorted(b.speakers.items()))).encode("utf-8", "surrogatepass"))
    for blk in b.blocks:
        h.update(repr(blk).encode("utf-8", "surrogatepass"))
    for s in b.sentences:
        h.update(repr(s).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.ingest_digest")
    p.add_argument("action", choices=("write", "compare"))
    p.add_argument("file")
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    a = p.parse_args(argv)
    files = briefing_files(a.corpus)
    t0, c0 = time.perf_counter(), time.process_time()
    got = {str(f.relative_to(a.corpus)): digest(f) for f in files}
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"{len(files)} files: load_file {wall:.2f} s wall, {cpu:.2f} s CPU", file=sys.stderr)
    if a.action == "write":
        Path(a.file).write_text(json.dumps(got, indent=0, sort_keys=True))
        return 0
    before = json.loads(Path(a.file).read_text())
    diff = sorted(k for k in before.keys() | got.keys() if before.get(k) != got.get(k))
    for k in diff[:20]:
        print(f"DIFFERENT: {k}")
    print(f"{len(got) - len(diff)} identical, {len(diff)} different")
    return 1 if diff else 0


if __name__ == "__main__":
    raise SystemExit(main())
