"""Helpers for the worker processes of a sync (analysis pool, index sub-writers)."""

from __future__ import annotations

import os
import threading
import time


def exit_with_parent(parent: int) -> None:
    """In a worker process: exit when process ``parent`` is gone (kill -9, a crash), instead
    of waiting forever on a task queue; checked once a second by a daemon thread."""

    def watch() -> None:
        while True:
            time.sleep(1.0)
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                os._exit(1)
            except OSError:
                pass

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()
