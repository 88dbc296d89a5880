"""HTML ingest speed per MB: ``load_file`` over saved web pages, CPU time, best of five.

    python bench/html_speed.py [DIR]

To time an older commit: ``git archive COMMIT briefreader | tar -x -C /tmp/before`` and run
this file from /tmp/before with ``PYTHONPATH=/tmp/before``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def main() -> None:
    import briefreader.core.ingest as ingest

    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/corpus/whitehouse-html")
    files = sorted(folder.rglob("*.html"))
    mb = sum(f.stat().st_size for f in files) / 1048576
    ingest.load_file(files[0])
    best = float("inf")
    for _ in range(5):
        t0 = time.process_time()
        for f in files:
            ingest.load_file(f)
        best = min(best, time.process_time() - t0)
    print(f"{ingest.__file__}: {len(files)} pages, {mb:.2f} MB, {best * 1000:.0f} ms CPU, "
          f"{best * 1000 / mb:.0f} ms/MB")


if __name__ == "__main__":
    main()
