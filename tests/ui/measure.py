"""Measure the reader on a built index (not a test: run it by hand).

    BRIEFREADER_HOME=/tmp/ui-home-corpus .venv/bin/python -m tests.ui.measure \
        /work/shared/corpus/whitehouse-press-briefings

Prints, over several runs: construction-to-first-paint, search (after the
debounce: request to results painted), opening the longest transcript (request
to text painted), scrolling it, and opening a synthetic 40,000-word transcript.
The app runs headless (Pilot) at 160x45; timings come from ``app.metrics``.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from briefreader.core.library import Library
from briefreader.ui.app import BriefreaderApp
from briefreader.ui.messages import Target

QUERIES = ["ceasefire", "inflation", "\"supply chain\"", "vaccin*", "ukraine AND russia", "tariffs",
           "speaker:kirby gaza", "climate"]


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def ms(values: list[float]) -> str:
    v = sorted(x * 1000 for x in values)
    return f"median {statistics.median(v):6.1f} ms  max {max(v):6.1f} ms  (n={len(v)})"


async def measure(paths: list[str]) -> None:
    t0 = time.perf_counter()
    lib = Library(paths or None)
    docs = lib.documents()
    took = 1000 * (time.perf_counter() - t0)
    print(f"{len(docs)} briefings indexed; Library() + documents() {took:.1f} ms")
    longest = max(docs, key=lambda d: d.words)
    print(f"longest: {longest.id} ({longest.words} words)")

    paints, opens, loads, searches, cores, scrolls = [], [], [], [], [], []
    for run in range(5):
        app = BriefreaderApp(lib, sync_on_start=(run == 0), restore=False)
        async with app.run_test(size=(160, 45)) as pilot:
            await settle(pilot)
            paints.append(app.metrics["first_paint"])
            # open the longest transcript (from another briefing, so it is really loaded)
            lib._cache.clear()  # noqa: SLF001 - measure a cold open, not the facade's cache
            app.open_target(Target(longest.id))
            await settle(pilot)
            opens.append(app.metrics["open"])
            loads.append(app.metrics["analysis_load"])
            reader = app.reader
            t = time.perf_counter()
            for _ in range(20):
                await pilot.press("space")
            await pilot.press("G")
            scrolls.append((time.perf_counter() - t) / 21)
            await pilot.press("slash")
            for q in QUERIES:
                app.search_bar.query_input.value = q
                await pilot.press("enter")
                await settle(pilot)
                searches.append(app.metrics["search"])
                cores.append(app.metrics["search_core"])
            await pilot.press("escape")
            assert reader.analysis is not None
    print(f"first paint (App() to first screen):       {ms(paints)}")
    print(f"open longest transcript (request to paint): {ms(opens)}")
    print(f"  of which library.analysis in the worker: {ms(loads)}")
    print(f"page down in it (keypress to painted):      {ms(scrolls)}")
    print(f"search, request to results painted:         {ms(searches)}")
    print(f"  of which library.search in the worker:   {ms(cores)}")
    lib.close()


async def synthetic(words: int = 40_000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        body, n, turn = [], 0, 0
        sentence = ("The administration remains committed to working with our partners on the ceasefire "
                    "and on humanitarian assistance for civilians in the region. ")
        while n < words:
            speaker = "Q" if turn % 2 else "MS. SPOKESPERSON:"
            text = sentence * (1 + turn % 5)
            body.append(f"{speaker} {text.strip()}\n")
            n += len(text.split())
            turn += 1
        (folder / "2024-01-01-synthetic-briefing.txt").write_text(
            "Synthetic briefing\n\n" + "\n".join(body), encoding="utf-8")
        lib = Library([folder], home=Path(tmp) / "home")
        t = time.perf_counter()
        lib.sync()
        print(f"synthetic {words}-word transcript: sync {time.perf_counter() - t:.1f} s")
        doc = lib.documents()[0]
        opens, loads = [], []
        for _ in range(3):
            app = BriefreaderApp(lib, sync_on_start=False, restore=False)
            async with app.run_test(size=(160, 45)) as pilot:
                await settle(pilot)
                lib._cache.clear()  # noqa: SLF001
                app.analysis = None
                app.open_target(Target(doc.id))
                await settle(pilot)
                opens.append(app.metrics["open"])
                loads.append(app.metrics["analysis_load"])
        print(f"open synthetic transcript:                  {ms(opens)}")
        print(f"  of which library.analysis in the worker: {ms(loads)}")
        lib.close()


if __name__ == "__main__":
    asyncio.run(measure(sys.argv[1:]))
    asyncio.run(synthetic())
