"""The sync's analysing processes (a multiprocessing pool in the core), seen from the
UI: start multiprocessing's resource tracker before Textual takes stderr, lower the
workers' priority while the reader is in use, and end them on an interrupted quit."""

from __future__ import annotations

import os
import sys


def start_resource_tracker() -> None:
    """The sync's process pool needs multiprocessing's resource tracker, which is spawned
    with ``sys.stderr.fileno()``: once Textual captures stderr that is -1 and the spawn
    fails ("bad value(s) in fds_to_keep"). Start it while stderr is still the terminal."""
    quiet = "ignore:resource_tracker:UserWarning"  # its "leaked semaphores" note after a quit
    sys.warnoptions.append(quiet)  # passed on to the tracker's interpreter as -W
    try:
        from multiprocessing import resource_tracker

        resource_tracker.ensure_running()
    except Exception:  # noqa: S110 - without it the sync reports its own error
        pass
    finally:
        sys.warnoptions.remove(quiet)


def nice_pool_workers(done: set[int], niceness: int = 10) -> None:
    """Lower the CPU priority of the processes the sync's pool started (once each)."""
    import multiprocessing

    for child in multiprocessing.active_children():
        pid = child.pid
        if pid is None or pid in done:
            continue
        done.add(pid)
        try:
            os.setpriority(os.PRIO_PROCESS, pid, niceness)
        except (OSError, AttributeError):
            pass


def stop_pool_workers() -> None:
    """End the analysing processes of an interrupted sync (they would wait forever)."""
    import multiprocessing

    for child in multiprocessing.active_children():
        child.terminate()
