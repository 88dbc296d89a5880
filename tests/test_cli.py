"""The command line: JSON contracts, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import SEED, run_env


def br(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefreader", *args], capture_output=True, text=True,
                          env=run_env(home), timeout=120)


def test_search_json_on_seeds(home: Path) -> None:
    out = br(home, "search", "ceasefire", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) == {"query", "total", "hits"} and data["query"] == "ceasefire"
    text = SEED.read_text(encoding="utf-8")
    seed_hits = [h for h in data["hits"] if h["document"] == SEED.name]
    assert len(seed_hits) >= 3
    for h in seed_hits:
        assert {"document", "kind", "start", "end", "score", "snippet", "highlights"} <= set(h)
        for a, b in h["highlights"]:
            assert text[a:b].lower() == "ceasefire"


def test_index_json_shape_and_second_run(home: Path) -> None:
    first = json.loads(br(home, "index", "--json").stdout)
    assert set(first) == {"added", "updated", "removed", "unchanged", "failed", "seconds"}
    assert first["added"] == 9 and first["failed"] == []
    second = json.loads(br(home, "index", "--json").stdout)
    assert second["unchanged"] == 9 and second["added"] == 0


def test_bad_query_exits_2_with_one_line(home: Path) -> None:
    out = br(home, "search", '"unbalanced')
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr


def test_missing_path_and_bad_usage(home: Path, tmp_path: Path) -> None:
    out = br(home, "search", "x", str(tmp_path / "nope"))
    assert out.returncode == 1 and out.stderr.startswith("briefreader: no such file or folder")
    out = br(home, "quotes", "--limit", "zero")
    assert out.returncode == 2 and "Traceback" not in out.stderr
    out = br(home, "frobnicate-not-a-path")
    assert out.returncode == 1 and "no such file or folder" in out.stderr


def test_version_and_help(home: Path) -> None:
    out = br(home, "--version")
    assert out.returncode == 0 and out.stdout.startswith("briefreader ")
    out = br(home, "--help")
    assert out.returncode == 0 and "search" in out.stdout
