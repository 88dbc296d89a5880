"""Run a command and watch its whole process tree (pool workers, forkserver, ...).

``getrusage(RUSAGE_CHILDREN).ru_maxrss`` (and ``wait4``) only see descendants that were
reaped by their parent, and report the single largest process, so a sampler reads
/proc every ``interval`` seconds as well: the peak of the summed RSS and PSS of the
tree (PSS counts copy-on-write pages shared by forked workers once), the largest
single process, and the CPU time used by the main process and by the other
processes over time (to show whether parsing overlaps with writing).
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

_PAGE = os.sysconf("SC_PAGE_SIZE")
_TICK = os.sysconf("SC_CLK_TCK")


def _children_map() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as fh:
                data = fh.read()
        except OSError:
            continue
        rest = data[data.rfind(b")") + 2:].split()
        kids.setdefault(int(rest[1]), []).append(int(entry.name))
    return kids


def tree(root: int) -> list[int]:
    kids = _children_map()
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(kids.get(pid, ()))
    return out


def _rss_cpu(pid: int) -> tuple[int, float] | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            data = fh.read()
    except OSError:
        return None
    rest = data[data.rfind(b")") + 2:].split()
    # fields after the command: state(0) ppid(1) ... utime(11) stime(12) ... rss(21)
    return int(rest[21]) * _PAGE, (int(rest[11]) + int(rest[12])) / _TICK


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as fh:
            for line in fh:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


@dataclass
class TreeStats:
    peak_rss_sum: int = 0
    peak_pss_sum: int = 0
    peak_rss_single: int = 0
    wait4_maxrss: int = 0  # ru_maxrss of the child and the descendants it reaped
    cpu_main: float = 0.0
    cpu_others: float = 0.0
    wall: float = 0.0
    # (t, main cpu s, others cpu s) samples, for an overlap timeline
    timeline: list[tuple[float, float, float]] = field(default_factory=list)

    def overlap(self, bucket: float = 1.0) -> dict[str, float]:
        """Per-bucket CPU use of the main process and of the others (cores)."""
        if len(self.timeline) < 2:
            return {}
        both = main_only = others_only = 0
        n = 0
        t0, m0, o0 = self.timeline[0]
        for t, m, o in self.timeline[1:]:
            if t - t0 < bucket:
                continue
            dm, do = (m - m0) / (t - t0), (o - o0) / (t - t0)
            n += 1
            if dm > 0.3 and do > 0.3:
                both += 1
            elif dm > 0.3:
                main_only += 1
            elif do > 0.3:
                others_only += 1
            t0, m0, o0 = t, m, o
        return {"buckets": n, "both_busy": both / n if n else 0.0,
                "main_only": main_only / n if n else 0.0, "workers_only": others_only / n if n else 0.0}

    def to_json(self) -> dict[str, float]:
        mb = 1024 * 1024
        out = {
            "peak_pss_sum_mb": round(self.peak_pss_sum / mb, 1),
            "peak_rss_sum_mb": round(self.peak_rss_sum / mb, 1),
            "peak_rss_single_mb": round(self.peak_rss_single / mb, 1),
            "wait4_maxrss_mb": round(self.wait4_maxrss / mb, 1),
            "cpu_main_s": round(self.cpu_main, 2),
            "cpu_others_s": round(self.cpu_others, 2),
            "wall_s": round(self.wall, 3),
            "cores_used": round((self.cpu_main + self.cpu_others) / self.wall, 2) if self.wall else 0.0,
        }
        out.update({f"overlap_{k}": round(v, 3) for k, v in self.overlap().items()})
        return out


def run_watched(cmd: list[str], cwd: str | Path | None = None, env: dict[str, str] | None = None,
                interval: float = 0.1, pss: bool = True) -> tuple[int, str, str, TreeStats]:
    """Run ``cmd``; return (exit code, stdout, stderr, stats of its process tree)."""
    stats = TreeStats()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    stop = threading.Event()
    cpu_seen: dict[int, float] = {}

    def sample() -> None:
        while not stop.is_set():
            pids = tree(proc.pid)
            rss_sum = pss_sum = 0
            for pid in pids:
                got = _rss_cpu(pid)
                if got is None:
                    continue
                rss, cpu = got
                rss_sum += rss
                stats.peak_rss_single = max(stats.peak_rss_single, rss)
                cpu_seen[pid] = max(cpu_seen.get(pid, 0.0), cpu)
                if pss:
                    pss_sum += _pss(pid)
            stats.peak_rss_sum = max(stats.peak_rss_sum, rss_sum)
            stats.peak_pss_sum = max(stats.peak_pss_sum, pss_sum)
            main = cpu_seen.get(proc.pid, 0.0)
            others = sum(v for k, v in cpu_seen.items() if k != proc.pid)
            stats.timeline.append((time.perf_counter() - t0, main, others))
            stop.wait(interval)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    out_chunks: list[str] = []
    err_chunks: list[str] = []
    readers = [threading.Thread(target=lambda: out_chunks.append(proc.stdout.read()), daemon=True),  # type: ignore[union-attr]
               threading.Thread(target=lambda: err_chunks.append(proc.stderr.read()), daemon=True)]  # type: ignore[union-attr]
    for r in readers:
        r.start()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    stats.wall = time.perf_counter() - t0
    stop.set()
    th.join()
    for r in readers:
        r.join()
    stats.wait4_maxrss = usage.ru_maxrss * 1024
    stats.cpu_main = cpu_seen.get(proc.pid, usage.ru_utime + usage.ru_stime)
    stats.cpu_others = sum(v for k, v in cpu_seen.items() if k != proc.pid)
    return proc.returncode, "".join(out_chunks), "".join(err_chunks), stats
