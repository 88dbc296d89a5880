"""A writer killed with SIGKILL mid-loop loses no committed note and leaves a sound database."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefreader.core.notes import NoteStore

REPO = Path(__file__).resolve().parents[1]

# The child adds notes in a loop, each in its own transaction, and prints each
# note's id once add() has returned (that is, after COMMIT), flushed.
CHILD = r"""
import sys
from pathlib import Path
from briefreader.core.model import Briefing
from briefreader.core.notes import NoteStore

text = " ".join(f"word{i}" for i in range(3000))
b = Briefing(id="doc", path="doc.txt", title="t", date=None, format="report", text=text,
             blocks=(), content_hash="h")
store = NoteStore(Path(sys.argv[1]))
print("ready", flush=True)
i = 0
while True:
    start = (i * 37) % (len(text) - 100)
    note = store.add(b, start, start + 60, f"note {i} #crash " + "body " * (i % 400),
                     tags=[f"t{i % 7}"])
    print(note.id, flush=True)
    i += 1
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_mid_loop_loses_no_committed_note(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    rng = random.Random(7)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    reported: list[str] = []
    t_end = time.monotonic() + 8.0
    for round_ in range(4):
        proc = subprocess.Popen([sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE,
                                text=True, env=env, cwd=tmp_path)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        # one committed note first (a loaded machine may start slowly), then let it
        # write a while and kill it wherever it is
        first = proc.stdout.readline().strip()
        time.sleep(rng.uniform(0.05, 0.4))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate(timeout=10)
        assert proc.returncode == -signal.SIGKILL
        ids = [first, *out.split()]
        reported.extend(i for i in ids if len(i) == 36)  # a last line may be cut off
        assert ids, f"round {round_}: the child committed nothing before it was killed"

        db = sqlite3.connect(path)
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        db.close()
        with NoteStore(path) as store:
            have = {n.id for n in store.list()}
            missing = [i for i in reported if i not in have]
            assert not missing, f"round {round_}: {len(missing)} committed notes lost"
            assert all(n.tags and n.state == "placed" for n in store.list())
        if time.monotonic() > t_end:
            break
    assert len(reported) > round_  # at least one committed note per round
