"""Two terminals on one archive: two `briefreader index` runs at once, and a reader
searching in a loop while a sync runs. No corruption, no deadlock: a second writer waits
for the lock or says "index busy" within lock_timeout; the final index is complete."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import run_env
from tests.stress.conftest import assert_complete, make_corpus, plant, smallest_corpus_files
from tests.test_robustness import index_json

LOCK_TIMEOUT = 10.0  # Library's default index lock_timeout


def start_index(home: Path, corpus: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "briefreader", "index", "--json", str(corpus)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=run_env(home),
                            start_new_session=True)


def finish(proc: subprocess.Popen[str], timeout: float = 600) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=timeout)
    assert "Traceback" not in err, err
    return proc.returncode, out, err


def outcome(rc: int, out: str, err: str) -> str:
    if rc == 0:
        json.loads(out)
        return "synced"
    assert rc == 1 and err.startswith("briefreader: index busy") and err.count("\n") == 1, (rc, err)
    return "busy"


def test_two_index_runs_at_once(tmp_path: Path) -> None:
    corpus, home = tmp_path / "corpus", tmp_path / "home"
    planted = make_corpus(corpus, smallest_corpus_files(240))
    t0 = time.perf_counter()
    a, b = start_index(home, corpus), start_index(home, corpus)
    results = [finish(a), finish(b)]
    took = time.perf_counter() - t0
    outcomes = sorted(outcome(*r) for r in results)
    assert outcomes in (["synced", "synced"], ["busy", "synced"])
    report, _ = index_json(home, corpus)  # whatever happened, one more run completes it
    assert report["failed"] == []
    assert_complete(corpus, home, planted)
    print(f"\ntwo runs at once on 240 files: {outcomes} in {took:.1f} s")


def test_second_run_gets_the_lock_after_the_first(tmp_path: Path) -> None:
    """A short first sync: the second run waits for the lock, then must not add what the
    first one already added (it planned its work before it had the lock)."""
    corpus, home = tmp_path / "corpus", tmp_path / "home"
    planted = make_corpus(corpus, smallest_corpus_files(40))
    a = start_index(home, corpus)
    time.sleep(0.3)
    b = start_index(home, corpus)
    (ra, rb) = finish(a), finish(b)
    assert [outcome(*ra), outcome(*rb)] == ["synced", "synced"], (ra[2], rb[2])
    reports = sorted((r["added"], r["updated"], r["unchanged"])
                     for r in (json.loads(ra[1]), json.loads(rb[1])))
    assert reports == [(0, 0, 40), (40, 0, 0)], reports  # the later one found nothing left to do
    assert_complete(corpus, home, planted)


READER = r"""
import json, sys, time
from pathlib import Path
from briefreader.core.library import Library
corpus, home, word, stop = sys.argv[1:5]
lib = Library([corpus], home=home)
n, errors, totals, common, slowest = 0, [], set(), 0, 0.0
deadline = time.time() + 600
while not Path(stop).exists() and time.time() < deadline:
    t = time.perf_counter()
    try:
        totals.add(lib.search(word, kind="passage", limit=None).total)
        common = max(common, lib.search("president", limit=5).total)
        lib.documents()
        n += 1
    except Exception as exc:
        errors.append(f"{type(exc).__name__}: {exc}")
    slowest = max(slowest, time.perf_counter() - t)
print(json.dumps({"n": n, "errors": errors[:10], "totals": sorted(totals), "common": common,
                  "slowest": slowest}))
"""


def test_reader_searches_while_a_sync_runs(tmp_path: Path) -> None:
    corpus, home = tmp_path / "corpus", tmp_path / "home"
    files = smallest_corpus_files(240)
    planted = make_corpus(corpus, files[:120])
    index_json(home, corpus)
    planted.update(make_corpus(corpus, files[120:], start=120))  # 120 new files
    changed = sorted(planted)[10:40]
    for doc in changed:  # 30 changed files: a second planted word each
        plant(corpus / doc, f"zc{doc.split('/')[-1][:10].replace('-', '')}q")
    for doc in sorted(planted)[40:50]:  # 10 deleted
        (corpus / doc).unlink()
        del planted[doc]
    stop = tmp_path / "stop"
    steady = planted[sorted(planted)[0]]  # an unchanged file: exactly one passage, always
    reader = subprocess.Popen([sys.executable, "-c", READER, str(corpus), str(home), steady, str(stop)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=run_env(home))
    time.sleep(2)
    t0 = time.perf_counter()
    report, err = index_json(home, corpus)
    took = time.perf_counter() - t0
    time.sleep(1)
    stop.write_text("")
    out, rerr = reader.communicate(timeout=60)
    assert reader.returncode == 0 and "Traceback" not in rerr, rerr
    seen = json.loads(out)
    assert seen["errors"] == [] and seen["totals"] == [1] and seen["n"] > 0, seen
    assert (report["added"], report["updated"], report["removed"]) == (120, 30, 10), report
    assert_complete(corpus, home, planted)
    print(f"\nreader during a {took:.1f} s sync: {seen['n']} rounds, slowest {seen['slowest']:.2f} s")


def test_copy_of_corpus_is_unchanged_by_the_runs(tmp_path: Path) -> None:
    """Concurrent runs write only in the state home: the corpus tree is as it was."""
    corpus, home = tmp_path / "corpus", tmp_path / "home"
    make_corpus(corpus, smallest_corpus_files(30))
    before = {p: p.stat().st_mtime_ns for p in corpus.rglob("*")}
    procs = [start_index(home, corpus) for _ in range(3)]
    for p in procs:
        outcome(*finish(p))
    assert {p: p.stat().st_mtime_ns for p in corpus.rglob("*")} == before
    shutil.rmtree(home)


def test_folder_that_changes_while_it_is_indexed(tmp_path: Path) -> None:
    """Files appear, change and disappear during a sync: it finishes without a traceback,
    reports only vanished files as failed, and the next sync makes the index complete."""
    import random
    import threading

    corpus, home = tmp_path / "corpus", tmp_path / "home"
    files = smallest_corpus_files(240)
    planted = make_corpus(corpus, files[:160])
    spare = iter(enumerate(files[160:], 160))
    rng = random.Random(3)
    stop = threading.Event()

    def churn() -> None:
        while not stop.is_set():
            docs = sorted(planted)
            action = rng.random()
            if action < 0.4:
                plant(corpus / rng.choice(docs), "zchurnq")
            elif action < 0.7 and len(docs) > 100:
                doc = rng.choice(docs)
                (corpus / doc).unlink()
                del planted[doc]
            else:
                nxt = next(spare, None)
                if nxt is not None:
                    planted.update(make_corpus(corpus, [nxt[1]], start=nxt[0]))
            time.sleep(0.02)

    worker = threading.Thread(target=churn)
    proc = start_index(home, corpus)
    worker.start()
    rc, out, err = finish(proc)
    stop.set()
    worker.join()
    assert rc == 0, err
    reasons = {row["error"] for row in json.loads(out)["failed"]}
    assert reasons <= {"file vanished before it could be read"}, reasons
    index_json(home, corpus)
    assert_complete(corpus, home, planted)
