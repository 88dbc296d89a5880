"""Analysing briefings in a process pool, streamed to the one process that writes the index.

A worker analyses a file and prepares what the writer needs (index entries, catalog fields,
the analysis pickled where it was made); the writer takes results in order as they come.
"""

from __future__ import annotations

import itertools
import pickle
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from typing import Any, NamedTuple

from briefreader.core.analysis import analyze
from briefreader.core.errors import IngestError
from briefreader.core.listing import kind_of, main_speakers
from briefreader.core.model import Analysis, TopicSegment
from briefreader.core.search import briefing_entries


class PrePickled:
    """An Analysis pickled where it was made (a pool worker): pickling this for the
    catalog is a copy of bytes, and unpickling it gives the Analysis (the catalog's
    blob reads back as before). Unpickling and re-pickling the dataclasses cost ~10 ms
    per briefing in the process that writes the index, which both cores wait for."""

    __slots__ = ("raw",)

    def __init__(self, raw: bytes) -> None:
        self.raw = raw

    def __reduce__(self) -> tuple[Any, tuple[bytes]]:
        return pickle.loads, (self.raw,)


class Prepared(NamedTuple):
    """What the writing process needs of one analysed briefing, in types that pickle
    fast: its index documents, catalog fields, segments, and the analysis pre-pickled."""

    docs: list[dict[str, Any]]
    info: tuple[Any, ...]  # DocumentInfo fields after id and path
    content_hash: str
    segments: tuple[TopicSegment, ...]
    analysis: bytes  # the Analysis, pickled


def _pickled(a: Analysis) -> bytes:
    return pickle.dumps(a, protocol=pickle.HIGHEST_PROTOCOL)


def prepare(a: Analysis) -> Prepared:
    b = a.briefing
    info = (b.title, b.date, b.format, b.source_url, len(b.text.split()),
            main_speakers(a), kind_of(b.format, b.path, a))
    return Prepared(list(briefing_entries(a)), info, b.content_hash, a.segments, _pickled(a))


def job(args: tuple[str, str]) -> tuple[str, str, Prepared | None, str | None]:
    path, doc_id = args
    try:
        return path, doc_id, prepare(analyze(path, doc_id)), None
    except IngestError as exc:
        return path, doc_id, None, str(exc)
    except RecursionError:
        return path, doc_id, None, "too deeply nested to parse"
    except Exception as exc:  # a parser bug must not stop the sync: report it
        return path, doc_id, None, f"cannot parse: {type(exc).__name__}: {exc}"


_BATCH = 4  # files per pool task
_WINDOW = 3  # tasks in flight per worker


def _jobs(batch: list[tuple[str, str]]) -> list[tuple[str, str, Prepared | None, str | None]]:
    return [job(args) for args in batch]


def streamed(pool: ProcessPoolExecutor, args: list[tuple[str, str]], n: int):
    """``job`` over ``args``, in order, with at most ``n * _WINDOW`` tasks in flight.

    ``pool.map`` submits every task at once: the finished analyses then pile up in
    memory while the single writer catches up (over 1 GB for 1,154 briefings). Here
    the workers stay a few tasks ahead of the writer, which indexes each result as
    soon as it comes, and a cancelled sync leaves little work to wait for.
    """
    head = [args[i:i + 1] for i in range(min(n, len(args)))]  # the first results come soon
    rest = args[len(head):]
    batches = iter(head + [rest[i:i + _BATCH] for i in range(0, len(rest), _BATCH)])
    pending: deque[Any] = deque(pool.submit(_jobs, b) for b in itertools.islice(batches, n * _WINDOW))
    try:
        while pending:
            done = pending.popleft().result()
            for b in itertools.islice(batches, 1):
                pending.append(pool.submit(_jobs, b))
            yield from done
    finally:
        for fut in pending:
            fut.cancel()
