"""A laptop that dies mid-sync: kill -9 at various moments, then a new sync. The index
ends complete and consistent (no duplicates, no missing briefings) and notes survive."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import run_env
from tests.stress.conftest import assert_complete, make_corpus, plant, smallest_corpus_files
from tests.test_robustness import br, index_json


def kill_during_index(home: Path, corpus: Path, after: float) -> dict[str, object]:
    """Start `briefreader index`, SIGKILL the process after `after` seconds; report
    whether it had finished, and whether any of its worker processes outlived it."""
    proc = subprocess.Popen([sys.executable, "-m", "briefreader", "index", "--json", str(corpus)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=run_env(home),
                            start_new_session=True)
    time.sleep(after)
    finished = proc.poll() is not None
    if not finished:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    orphans = False
    deadline = time.time() + 15
    while True:  # pool workers and the forkserver should leave with their parent
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            break
        if time.time() > deadline:
            orphans = True
            os.killpg(proc.pid, signal.SIGKILL)  # our own process group: clean up
            break
        time.sleep(0.2)
    return {"after": after, "finished": finished, "orphans": orphans}


def notes_of(home: Path, corpus: Path) -> list[dict[str, object]]:
    out = br(home, "notes", "list", "--in", str(corpus), "--json")
    assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr
    return json.loads(out.stdout)["notes"]


def test_kill_9_during_sync_then_resync(tmp_path: Path) -> None:
    corpus, home = tmp_path / "corpus", tmp_path / "home"
    files = smallest_corpus_files(240)
    planted = make_corpus(corpus, files[:200])
    kills = [kill_during_index(home, corpus, t) for t in (1.0, 4.0)]
    t0 = time.perf_counter()
    index_json(home, corpus)
    full = time.perf_counter() - t0
    assert_complete(corpus, home, planted)

    noted = sorted(planted)[0]
    added = br(home, "notes", "add", str(corpus / noted), "--quote", f"Tracking word {planted[noted]}",
               "--body", "must survive", "--in", str(corpus), "--json")
    assert added.returncode == 0, added.stderr
    note = json.loads(added.stdout)

    planted.update(make_corpus(corpus, files[200:], start=200))  # 40 new
    for doc in sorted(planted)[1:41]:  # 40 changed
        plant(corpus / doc, "zchangedq")
    for doc in sorted(planted)[41:51]:  # 10 deleted
        (corpus / doc).unlink()
        del planted[doc]
    target = corpus / noted  # the noted briefing changes too: its note is re-anchored
    target.write_text("A new first paragraph.\n\n" + target.read_text(encoding="utf-8"), encoding="utf-8")
    kills += [kill_during_index(home, corpus, t) for t in (1.0, 2.5, 6.0)]
    report, err = index_json(home, corpus)
    assert report["failed"] == [], report
    assert_complete(corpus, home, planted)

    notes = notes_of(home, corpus)
    assert [(n["id"], n["body"], n["state"], n["text"]) for n in notes] == \
        [(note["id"], "must survive", "placed", f"Tracking word {planted[noted]}")]
    text = (corpus / noted).read_text(encoding="utf-8")
    assert notes[0]["start"] > note["start"] and f"Tracking word {planted[noted]}" in text
    assert not any(k["orphans"] for k in kills), kills
    print(f"\nkills: {kills}; a full sync of 200 files took {full:.1f} s")


CRASH = r"""
import os, sys
from pathlib import Path
from briefreader.core.library import Library
corpus, home, point = sys.argv[1:4]
die = lambda *a, **k: os._exit(9)
if point == "before-toc":  # segment files written, table of contents not
    import whoosh.index
    whoosh.index.TOC.write = die
elif point == "before-cleanup":  # new table of contents written, old files not cleaned
    import whoosh.index
    whoosh.index.clean_files = die
elif point == "before-catalog-commit":  # index committed, catalog not
    from briefreader.core import catalog
    catalog.Catalog.commit = die
lib = Library([corpus], home=home)
lib.sync(workers=1)
os._exit(0)
"""


@pytest.mark.parametrize("point", ["before-toc", "before-cleanup", "before-catalog-commit"])
def test_crash_points_inside_a_sync(tmp_path: Path, point: str) -> None:
    corpus, home = tmp_path / "corpus", tmp_path / "home"
    files = smallest_corpus_files(30)
    planted = make_corpus(corpus, files[:20])
    index_json(home, corpus)
    noted = sorted(planted)[0]
    quote = f"Tracking word {planted[noted]}"
    added = br(home, "notes", "add", str(corpus / noted), "--quote", quote, "--body", "zqkeptq",
               "--in", str(corpus))
    assert added.returncode == 0, added.stderr
    planted.update(make_corpus(corpus, files[20:], start=20))
    for doc in sorted(planted)[:5]:
        plant(corpus / doc, "zcrashq")
    died = subprocess.run([sys.executable, "-c", CRASH, str(corpus), str(home), point],
                          capture_output=True, text=True, env=run_env(home), timeout=300)
    assert died.returncode == 9, died.stderr
    report, err = index_json(home, corpus)
    assert report["failed"] == [] and "Traceback" not in err
    assert_complete(corpus, home, planted)
    again, _ = index_json(home, corpus)
    assert again["unchanged"] == 30
    assert [(n["text"], n["state"]) for n in notes_of(home, corpus)] == [(quote, "placed")]
    found = json.loads(br(home, "search", "zqkeptq", str(corpus), "--json").stdout)
    assert [h["kind"] for h in found["hits"]] == ["note"]
