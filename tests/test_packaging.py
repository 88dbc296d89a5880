"""A plain (non-editable) install ships the seeds and the stylesheet."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import REPO


def test_wheel_ships_seeds_and_tcss(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO)],
        capture_output=True, text=True, timeout=300,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    wheel = next(tmp_path.glob("briefreader-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    seeds = sorted(p.name for p in (REPO / "seeds").iterdir())
    for name in seeds:
        assert f"briefreader/seeds/{name}" in names
    assert any(n.startswith("briefreader/ui/") and n.endswith(".tcss") for n in names)
    assert "briefreader/cli.py" in names
