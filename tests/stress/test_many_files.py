"""10,000 tiny files: indexed, searchable, and a second sync costs only stat calls."""

from __future__ import annotations

import time
from pathlib import Path

from tests.stress.conftest import assert_complete
from tests.test_robustness import index_json

N = 10_000


def test_ten_thousand_tiny_files(tmp_path: Path) -> None:
    corpus, home = tmp_path / "corpus", tmp_path / "home"
    planted = {}
    for i in range(N):
        folder = corpus / f"{i // 100:03d}"
        if i % 100 == 0:
            folder.mkdir(parents=True)
        name = f"note-{i:05d}.{'md' if i % 2 else 'txt'}"
        planted[f"{folder.name}/{name}"] = f"zt{i}q"
        (folder / name).write_text(f"Tiny note {i}\n\nThe spokesman said talks go on. Word zt{i}q.\n")
    t0 = time.perf_counter()
    first, err = index_json(home, corpus)
    first_s = time.perf_counter() - t0
    assert (first["added"], first["failed"]) == (N, []), err
    t0 = time.perf_counter()
    second, _ = index_json(home, corpus)
    second_s = time.perf_counter() - t0
    assert (second["unchanged"], second["added"], second["updated"]) == (N, 0, 0)
    assert second_s < max(10.0, first_s / 5), (first_s, second_s)
    assert_complete(corpus, home, planted)
    print(f"\n10,000 tiny files: first sync {first_s:.1f} s, second {second_s:.1f} s")
