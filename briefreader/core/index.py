"""The Whoosh passage index: schema, writing, query parsing and hits with spans.

Nothing outside this module sees a Whoosh type: callers get ``IndexHit`` records
(stored fields plus absolute highlight offsets) and ``QueryError``/``IndexBusy``.
"""

from __future__ import annotations

import datetime as dt
import heapq
import json
import multiprocessing
import os
import queue as _queue
import re
import shutil
import threading
import time
import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import whoosh
import whoosh.index as windex
from whoosh import collectors, columns, fields, matching, qparser, query, scoring
from whoosh import multiproc as _multiproc
from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemmingAnalyzer
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.codec.whoosh3 import W3LeafMatcher as _W3LeafMatcher
from whoosh.filedb.filestore import FileStorage
from whoosh.util.filelock import try_for
from whoosh.util.numeric import byte_to_length
from whoosh.writing import MERGE_SMALL, LockError, SegmentWriter

from briefreader.core.errors import BriefreaderError, IndexBusy, QueryError
from briefreader.core.model import Analysis
from briefreader.core.phrase import fast_phrases
from briefreader.core.postings import cached_postings

if whoosh.__version__ < (2, 7, 5):  # pragma: no cover - guards against the unmaintained "Whoosh"
    raise ImportError(f"briefreader needs whoosh-reloaded 2.7.5, found {whoosh.__version__}")

INDEX_FORMAT = "briefreader-passages-2"
_WRITELOCK = f"{windex._DEF_INDEX_NAME}_WRITELOCK"
FIELDS = ("body", "title", "speaker", "date", "kind", "qkind", "tag", "doc")
_SPEAKER_ANALYZER = RegexTokenizer(r"[\w'’\-]+") | LowercaseFilter()
# A briefing's own fields: indexed once, on the briefing's "briefing" entry, not on
# each of its ~200 passages (that cost 40% of the indexing time). A query's parts on
# them are turned into the set of briefings they match (PassageIndex._lift).
BRIEFING_FIELDS = ("title", "date")


def make_schema() -> fields.Schema:
    return fields.Schema(
        uid=fields.ID(unique=True, stored=True),  # notes only (passages go by briefing)
        doc=fields.ID(stored=True),  # the briefing of a passage, quote or note
        bdoc=fields.ID(stored=True),  # the briefing a "briefing" entry stands for
        kind=fields.ID(stored=True),  # passage | quote | note | briefing
        qkind=fields.ID(stored=True),  # turn | question | direct | partial | "" (plain passage)
        start=fields.STORED(),
        end=fields.STORED(),
        extra=fields.STORED(),  # JSON: speaker_mention, cue, segment, note id ...
        title=fields.TEXT(analyzer=StemmingAnalyzer()),  # briefing entries only
        date=fields.DATETIME(),  # briefing entries only
        day=fields.COLUMN(columns.NumericColumn("i")),  # YYYYMMDD of the briefing: newest first
        speaker=fields.TEXT(analyzer=_SPEAKER_ANALYZER, stored=True),
        tag=fields.KEYWORD(lowercase=True, commas=True),
        body=fields.TEXT(analyzer=StemmingAnalyzer(), stored=True, phrase=True),
    )


@dataclass(frozen=True, slots=True)
class IndexHit:
    doc: str
    kind: str
    qkind: str
    start: int  # absolute offset of the passage in the canonical text
    end: int
    body: str  # the passage text (== text[start:end])
    speaker: str
    score: float
    highlights: tuple[tuple[int, int], ...]  # absolute offsets
    extra: dict[str, Any]


def _date(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.strptime(value, "%Y-%m-%d")
    except ValueError:
        return None


def _day(date: dt.datetime | None) -> int:
    return date.year * 10000 + date.month * 100 + date.day if date is not None else 0


def analysis_documents(analysis: Analysis) -> Iterator[dict[str, Any]]:
    """The index documents of one analysed briefing: its "briefing" entry (title,
    date), a passage per block (turn blocks carry their speaker), and a document
    per direct/partial quote."""
    b = analysis.briefing
    date = _date(b.date)
    head: dict[str, Any] = {"bdoc": b.id, "kind": "briefing", "title": b.title}
    if date is not None:
        head["date"] = date
    yield head
    base: dict[str, Any] = {"doc": b.id, "day": _day(date)}
    for block in b.blocks:
        if block.kind == "stage":
            continue
        start = block.content_start if block.content_start >= 0 else block.start
        if start >= block.end:
            continue
        qkind = ""
        if block.kind == "turn":
            qkind = "question" if block.is_question else "turn"
        doc = dict(base)
        doc.update(kind="passage", qkind=qkind, start=start,
                   end=block.end, speaker=block.speaker or "", body=b.text[start:block.end],
                   extra=json.dumps({"label": block.speaker_label} if block.speaker_label else {}))
        yield doc
    for q in analysis.quotes:
        if q.kind == "turn":
            continue  # turn quotes are the sentences of turn passages (no double indexing)
        doc = dict(base)
        doc.update(kind="quote", qkind=q.kind,
                   start=q.start, end=q.end, speaker=q.speaker or "", body=q.text,
                   extra=json.dumps({"speaker_mention": q.speaker_mention, "cue": q.cue,
                                     "segment": q.segment}))
        if not q.speaker and q.speaker_mention:
            # no name, a description ("the Prime Minister's official spokesman"): found
            # by its words with --speaker, still no speaker in the results
            doc["speaker"], doc["_stored_speaker"] = q.speaker_mention, ""
        yield doc


def note_document(note: Any, date: str | None) -> dict[str, Any]:
    """The index entry of a note: its body, then its passage (highlights map into the
    passage part only, so their offsets stay offsets into the canonical text)."""
    head = (note.body or "").strip()
    prefix = head + "\n\n" if head else ""
    return {
        "uid": f"note\x00{note.id}", "doc": note.document, "kind": "note", "qkind": "",
        "start": note.start, "end": note.end, "speaker": "", "day": _day(_date(date)),
        "tag": ",".join(note.tags), "body": prefix + note.text,
        "extra": json.dumps({"note": note.id, "offset": len(prefix), "state": note.state}),
    }


class PassageIndex:
    """A Whoosh index in a directory we created (never one from elsewhere)."""

    def __init__(self, directory: Path, lock_timeout: float = 10.0) -> None:
        self.dir = directory
        self.lock_timeout = lock_timeout
        self.schema = make_schema()
        self.rebuilt_reason: str | None = None
        self._ix = self._open()
        self._searcher: Any = None
        self._searcher_gen: int | None = None

    # -- opening -----------------------------------------------------------------
    # Whoosh's table of contents holds pickles, so a directory is opened only when it
    # carries our FORMAT marker (we write it in our own state home, never elsewhere).
    # A directory that is empty is created, one that is foreign or unreadable is
    # rebuilt; both only while holding the write lock, so a directory another process
    # is writing (or rebuilding) is never deleted under its feet.
    _OPEN_TRIES = 4

    def _open(self) -> Any:
        self.dir.mkdir(parents=True, exist_ok=True)
        ix, problem = self._try_open()
        for attempt in range(1, self._OPEN_TRIES):
            if ix is not None or problem is None:
                break
            time.sleep(0.1 * attempt)  # another process may be committing: look again
            ix, problem = self._try_open()
        if ix is not None:
            return ix
        lock = FileStorage(str(self.dir)).lock(_WRITELOCK)  # the lock Whoosh's writers take
        if not try_for(lock.acquire, timeout=self.lock_timeout, delay=0.1):
            raise IndexBusy(f"index busy: another briefreader is writing {self.dir} "
                            f"(waited {self.lock_timeout:.0f} s)")
        try:
            ix, again = self._try_open()  # it may have been created or rebuilt meanwhile
            if ix is not None:
                return ix
            problem = problem or again
            for entry in self.dir.iterdir():
                if entry.name == _WRITELOCK:
                    continue
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry, ignore_errors=True)
                else:
                    entry.unlink(missing_ok=True)
            ix = windex.FileIndex.create(_storage(self.dir), self.schema)
            tmp = self.dir / "FORMAT.tmp"
            tmp.write_text(INDEX_FORMAT + "\n")
            tmp.replace(self.dir / "FORMAT")
            if problem:
                self.rebuilt_reason = f"index at {self.dir} {problem}; rebuilt"
            return ix
        finally:
            lock.release()

    def _try_open(self) -> tuple[Any, str | None]:
        """(index, None) when readable; (None, None) when there is no index at all;
        (None, why) when the directory holds something we must not or cannot read."""
        names = {p.name for p in self.dir.iterdir()} - {_WRITELOCK}
        if not names:
            return None, None
        try:
            marker = (self.dir / "FORMAT").read_text(encoding="utf-8", errors="replace").strip()
        except OSError:
            return None, "is not a briefreader index (no FORMAT marker)"
        if marker != INDEX_FORMAT:
            return None, f"has another format ({marker[:40]!r}, expected {INDEX_FORMAT!r})"
        try:
            ix = _storage(self.dir).open_index(schema=self.schema)
            with ix.searcher() as s:  # touch the TOC and every segment's files
                s.doc_count_all()
                list(s.lexicon("kind"))
            return ix, None
        except OSError as exc:
            if isinstance(exc, FileNotFoundError):  # a segment the table of contents names is gone
                return None, f"was unreadable ({type(exc).__name__})"
            raise BriefreaderError(f"cannot read the index at {self.dir}: {exc.strerror or exc}") from None
        except Exception as exc:  # corrupt, truncated or half-written
            return None, f"was unreadable ({type(exc).__name__})"

    @property
    def created_fresh(self) -> bool:
        return self.doc_count() == 0

    def doc_count(self) -> int:
        return int(self._ix.doc_count())

    # -- writing -----------------------------------------------------------------
    @contextmanager
    def writer(self, procs: int = 1) -> Iterator[Any]:
        """The index's one writer. With ``procs > 1`` the documents are indexed by that
        many processes, each adding its own segment (a large sync uses both cores)."""
        try:
            if procs > 1:
                w = _ParallelWriter(self._ix, procs, timeout=self.lock_timeout, limitmb=_PROC_LIMITMB)
            else:
                w = self._ix.writer(timeout=self.lock_timeout, limitmb=256)
        except LockError:
            raise IndexBusy(
                f"index busy: another briefreader is writing {self.dir} (waited {self.lock_timeout:.0f} s)"
            ) from None
        try:
            yield w
        except BaseException:
            w.cancel()
            raise
        else:
            w.commit(mergetype=_merge_policy)
            self._drop_searcher()

    @staticmethod
    def add_analysis(w: Any, analysis: Analysis) -> None:
        for doc in analysis_documents(analysis):
            w.add_document(**doc)

    @staticmethod
    def delete_document(w: Any, doc_id: str) -> None:
        w.delete_by_term("doc", doc_id)
        w.delete_by_term("bdoc", doc_id)

    @staticmethod
    def add_raw(w: Any, docs: Iterable[dict[str, Any]]) -> None:
        for doc in docs:
            w.add_document(**doc)

    @staticmethod
    def delete_uid(w: Any, uid: str) -> None:
        w.delete_by_term("uid", uid)

    # -- reading -----------------------------------------------------------------
    def _drop_searcher(self) -> None:
        # Not closed here: another thread (the reader searching while a sync commits)
        # may still be reading with it; its files close when it is collected.
        self._searcher = None

    def searcher(self) -> Any:
        # whoosh-reloaded's searcher.refresh() can return stale documents: a new
        # searcher is opened whenever the index generation changed.
        gen = self._ix.latest_generation()
        if self._searcher is None or gen != self._searcher_gen:
            self._drop_searcher()
            self._ix = _storage(self.dir).open_index(schema=self.schema)
            self._searcher = self._ix.searcher()
            self._searcher_gen = gen
        return self._searcher

    def close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
        self._searcher = None

    def parse(self, text: str) -> Any:
        return parse_query(text, self.schema)

    def search(self, q: Any, limit: int | None, filter_q: Any = None,
               sort_by_date: bool = False, highlight: bool = True) -> tuple[int, list[IndexHit]]:
        s = self.searcher()
        # fast_phrases: Whoosh's matches and scores, faster
        q = fast_phrases(self._lift(s, q), self._per_searcher(s))
        allow = self._filter_docs(s, filter_q) if filter_q is not None else None
        if allow is not None and not allow:
            return 0, []  # Whoosh reads an empty allow-set as "no filter"
        if sort_by_date:
            c: Any = collectors.SortingCollector(fields_sort("day", reverse=True), limit=limit)
        elif not limit or limit >= s.doc_count():
            c = collectors.UnlimitedCollector()
        elif allow is None and type(q) is query.Term:
            # one word: scored in a tight loop (_term_top), else by Whoosh, which skips
            # the blocks that cannot reach the top N; the total is the word's document
            # frequency (see _term_total)
            c = collectors.TopCollector(limit)
        else:
            # Whoosh's top-N search skips what cannot reach the top, then counts the
            # total in a second pass over every match (as long again, or longer: the
            # second pass does not skip). Scoring every match in one pass and
            # counting as it goes is cheaper. No matcher replacement: a union swapped
            # for a cheaper matcher drops documents from the count.
            c = collectors.TopCollector(limit, usequality=False, replace=0)
        if allow is not None:  # the filters (kind, briefing, speaker) never allow a briefing entry
            c = collectors.FilterCollector(c, allow=allow)
        elif _may_match_briefings(q):
            c = collectors.FilterCollector(c, restrict=self._briefing_entries(s))
        filtered = type(c) is collectors.FilterCollector
        fast: tuple[list[tuple[int, float]], int] | None = None
        if type(c) is collectors.TopCollector:  # no filter, no sort, a limit
            fast = _term_top(self._per_searcher(s), s, q, limit) or _and2_top(self._per_searcher(s), s, q, limit)
        if fast is not None:
            top, total = fast
        else:
            s.search_with_collector(q, c)
            results = c.results()
            top = [(hit.docnum, hit.score) for hit in results]
            total = (None if filtered else _term_total(s, q)) or len(results)
        terms = _highlight_terms(q, s.reader()) if highlight else set()
        analyzer = self.schema["body"].analyzer
        hits: list[IndexHit] = []
        for docnum, score in top:
            f = s.stored_fields(docnum)
            body = f.get("body", "")
            start = int(f.get("start", 0))
            extra = json.loads(f.get("extra") or "{}")
            shift = int(extra.get("offset", 0))
            spans = tuple((start + a - shift, start + b - shift) for a, b in _spans(analyzer, body, terms)
                          if a >= shift) if terms else ()
            hits.append(IndexHit(
                doc=f["doc"], kind=f.get("kind", "passage"), qkind=f.get("qkind", ""),
                start=start, end=int(f.get("end", start + len(body))), body=body,
                speaker=f.get("speaker", ""), score=float(score or 0.0), highlights=spans,
                extra=extra,
            ))
        return total, hits

    def _per_searcher(self, s: Any) -> dict[Any, Any]:
        """A cache that lives as long as the searcher ``s`` is current."""
        if getattr(self, "_filters_of", None) is not s:
            self._filters_of, self._filters = s, {}
        return self._filters  # type: ignore[no-any-return]

    def _lift(self, s: Any, q: Any) -> Any:
        """``q`` with each part on a briefing field (``title:``, ``date:``, ``NOT
        title:x``...) replaced by the entries of the briefings that part matches
        (found among the "briefing" entries, which alone hold those fields)."""
        try:
            f = q.field()
        except AttributeError:
            f = None
        if f in BRIEFING_FIELDS:
            lifted = self._per_searcher(s).setdefault("lifted", {})
            got = lifted.get(q)
            if got is None:
                nums = s.docs_for_query(query.And([q, query.Term("kind", "briefing")]))
                if len(lifted) >= self._FILTER_CACHE:
                    lifted.clear()
                got = lifted[q] = _InBriefings(frozenset(s.stored_fields(n)["bdoc"] for n in nums), q,
                                               getattr(q, "boost", 1.0))
            return got
        if q.is_leaf():
            return q
        return q.apply(lambda sub: self._lift(s, sub))

    def _briefing_entries(self, s: Any) -> set[int]:
        cache = self._per_searcher(s)
        got = cache.get("briefing entries")
        if got is None:
            got = cache["briefing entries"] = set(s.docs_for_query(query.Term("kind", "briefing")))
        return got  # type: ignore[no-any-return]

    # Filters (kind, speaker, document...) are the same for many searches, and Whoosh
    # computes one by running it as a query over the whole index on every search
    # (seconds for "quotes of Psaki" in 1,154 briefings): here a filter is a set of
    # document numbers, made from posting lists with set operations, cached with
    # each of its parts for as long as the searcher is current.
    _FILTER_CACHE = 64

    def _filter_docs(self, s: Any, fq: Any) -> set[int]:
        """The documents matching filter query ``fq`` (a set Whoosh's collector takes
        as is; shared by the cache: never changed)."""
        cache: dict[Any, Any] = self._per_searcher(s)
        got = cache.get(fq)
        if got is None:
            if isinstance(fq, query.And):
                parts = sorted((self._filter_docs(s, sub) for sub in fq.subqueries), key=len)
                got = parts[0].intersection(*parts[1:]) if parts else set(range(s.doc_count_all()))
            elif isinstance(fq, query.Or) and (fq.minmatch or 0) <= 1:
                got = set().union(*(self._filter_docs(s, sub) for sub in fq.subqueries))
            else:
                got = set(s.docs_for_query(fq))
            if len(cache) >= self._FILTER_CACHE:
                for key in [k for k in cache if not isinstance(k, tuple)]:
                    del cache[key]
            cache[fq] = got
        return got


def _storage(directory: Path) -> FileStorage:
    """The index's files, read without mmap: whoosh-reloaded opens a segment of a
    mapped storage by copying its postings and term files out of the map into a
    BytesIO, for every reader -- 280 MB and 0.2 s per searcher for 1,154 briefings,
    2.7 GB and 1-2 s for the 10x corpus (each delete_by_term, doc_count and search in
    a new process paid it). Unmapped, a segment file is read where needed."""
    return FileStorage(str(directory), supports_mmap=False)


_PROC_LIMITMB = 64  # per indexing process: Whoosh's estimate; the real memory is about twice


def _merge_policy(writer: Any, segments: list[Any]) -> list[Any]:
    """Whoosh's MERGE_SMALL, after dropping the segments whose documents were all
    deleted (a sync that re-analyses everything -- a new version of the analysing
    code -- leaves the old segments empty; searching them still scans all their
    postings: word searches were 3-7x slower until they were merged, which Whoosh
    does not do for large segments)."""
    return MERGE_SMALL(writer, [seg for seg in segments if seg.doc_count() > 0])


class _SubWriter(_multiproc.SubWriterTask):
    """Whoosh's indexing subprocess, started by the forkserver (forking a process with
    threads, such as the reader's, is unsafe) and exiting if its parent dies."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.daemon = True
        self.parent = os.getpid()

    @staticmethod
    def _Popen(process_obj: Any) -> Any:  # noqa: N802 - multiprocessing's name
        from multiprocessing.popen_forkserver import Popen

        return Popen(process_obj)

    def run(self) -> None:
        parent = self.parent

        def watch() -> None:
            while True:
                time.sleep(1.0)
                try:
                    os.kill(parent, 0)
                except ProcessLookupError:
                    os._exit(1)
                except OSError:
                    pass

        threading.Thread(target=watch, daemon=True).start()
        super().run()


class _ParallelWriter(_multiproc.MpWriter):
    """Whoosh's MpWriter with one segment per process (``multisegment``: no merge at
    commit), forkserver processes, a cancel that stops them, and a commit that fails
    rather than lose the documents of a process that died."""

    def __init__(self, ix: Any, procs: int, **kwargs: Any) -> None:
        super().__init__(ix, procs=procs, multisegment=True, **kwargs)
        ctx = multiprocessing.get_context("forkserver")
        self.jobqueue = ctx.Queue(self.procs * 4)
        self.resultqueue = ctx.Queue()

    def _new_task(self) -> Any:
        task = _SubWriter(self.storage, self.indexname, self.jobqueue, self.resultqueue,
                          self.subargs, self.multisegment)
        self.tasks.append(task)
        task.start()
        return task

    def cancel(self) -> None:
        for task in self.tasks:
            task.terminate()
        for task in self.tasks:
            task.join()
        SegmentWriter.cancel(self)

    def _commit(self, mergetype: Any, optimize: Any, merge: Any) -> None:
        if self.docbuffer:
            self._enqueue()
        for _task in self.tasks:
            self.jobqueue.put(None)
        finalsegments = self._merge_segments(mergetype, optimize, merge)
        results: list[Any] = []
        failed = False
        while len(results) < len(self.tasks) and not failed:  # read before joining
            try:
                results.append(self.resultqueue.get(timeout=0.5))
            except _queue.Empty:
                failed = any(t.exitcode not in (None, 0) for t in self.tasks) or all(
                    t.exitcode is not None for t in self.tasks)
        for task in self.tasks:
            task.join()
        if failed or any(task.exitcode != 0 for task in self.tasks):
            self.cancel()
            raise BriefreaderError("an indexing process failed; nothing was written")
        finalsegments += [seg for _run, _names, seg in results]
        if self._added:
            finalsegments.append(self._finalize_segment())
        else:
            self._close_segment()
        self._commit_toc(finalsegments)
        self._finish()


class _InBriefings(query.Query):
    """Every passage, quote and note of some briefings: what a part of a query on a
    briefing field becomes (PassageIndex._lift). Unscored (a constant weight)."""

    def __init__(self, docs: frozenset[str], source: Any, boost: float = 1.0) -> None:
        self.docs = docs
        self.source = source  # the part of the query it stands for
        self.boost = boost

    def __eq__(self, other: object) -> bool:
        return type(other) is _InBriefings and other.docs == self.docs and other.boost == self.boost

    def __hash__(self) -> int:
        return hash((self.docs, self.boost))

    def __repr__(self) -> str:
        return f"_InBriefings({self.source!r}: {len(self.docs)} briefings)"

    def is_leaf(self) -> bool:
        return True

    def field(self) -> str:
        return "doc"

    def estimate_size(self, ixreader: Any) -> int:
        return min(int(ixreader.doc_count()), 200 * len(self.docs))

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        ids = _entries_of(searcher.reader(), self.docs)
        return matching.ListMatcher(ids, all_weights=self.boost) if ids else matching.NullMatcher()


# per segment reader: the sorted document numbers of a set of briefings' entries
_ENTRIES: weakref.WeakKeyDictionary[Any, dict[frozenset[str], list[int]]] = weakref.WeakKeyDictionary()


def _entries_of(r: Any, docs: frozenset[str]) -> list[int]:
    per = _ENTRIES.setdefault(r, {})
    got = per.get(docs)
    if got is None:
        ids: set[int] = set()
        for d in docs:
            if ("doc", d) in r:
                ids.update(r.postings("doc", d).all_ids())  # deleted entries are skipped
        if len(per) >= 32:
            per.clear()
        got = per[docs] = sorted(ids)
    return got


def _may_match_briefings(q: Any) -> bool:
    """Whether ``q`` can match a "briefing" entry: a negation, everything, or a
    word of a field those entries hold."""
    if isinstance(q, (query.Not, query.Every)):
        return True
    if isinstance(q, _InBriefings):
        return False  # the entries of briefings, never their "briefing" entry (no doc field)
    if q.is_leaf():
        return getattr(q, "fieldname", None) in ("kind", "bdoc", "uid", *BRIEFING_FIELDS)
    return any(_may_match_briefings(c) for c in q.children())


def fields_sort(name: str, reverse: bool = False) -> Any:
    from whoosh import sorting

    return sorting.FieldFacet(name, reverse=reverse)


def _term_total(s: Any, q: Any) -> int | None:
    """The number of documents holding one term, from the term's document frequency
    where a segment has no deletions: Whoosh's count runs the query a second time
    over every posting (10 ms per 100,000). None: let Whoosh count."""
    if type(q) is not query.Term:
        return None
    field = s.schema[q.fieldname] if q.fieldname in s.schema else None
    if field is None:
        return None
    try:
        btext = field.to_bytes(q.text)
    except ValueError:
        return None
    total = 0
    for sub, _offset in s.leaf_searchers():
        r = sub.reader()
        if (q.fieldname, btext) not in r:
            continue
        total += r.doc_frequency(q.fieldname, btext)
        if r.has_deletions():  # the frequency counts deleted documents: take them off
            m = r.postings(q.fieldname, btext)
            m = getattr(m, "child", m)  # the postings themselves, deleted documents included
            m.reset()  # (the deletion filter has already stepped over the first deleted ones)
            for d in sorted(r.deleted_docs_set):  # a cached property of SegmentReader
                if not m.is_active():
                    break
                if m.id() < d:
                    m.skip_to(d)
                if m.is_active() and m.id() == d:
                    total -= 1
    return total


def _term_top(cache: dict[Any, Any], s: Any, q: Any, limit: int) -> tuple[list[tuple[int, float]], int] | None:
    """The top ``limit`` (document number, score) of a one-word query and the total: exactly what
    Whoosh's TopCollector gives (same BM25F scores, same order, ties to the lower
    document number), but scored in a tight loop over the posting blocks, with
    the field lengths read once per segment and a score per (frequency, length)
    pair computed once. Whoosh's block-quality skipping barely skips anything on
    a common word (some short passage in every block can score high), so it
    scores every posting through several layers of matcher objects: 0.4-0.6 s for
    a word in 50,000 passages of the 10x corpus. None: let Whoosh do it (another
    weighting, a boost, another codec)."""
    w = s.weighting
    if type(q) is not query.Term or type(w) is not scoring.BM25F or q.boost != 1.0 or \
            q.fieldname not in s.schema:
        return None
    try:
        btext = s.schema[q.fieldname].to_bytes(q.text)
    except ValueError:
        return None
    heap: list[tuple[float, int]] = []
    for sub, offset in s.leaf_searchers():
        r = sub.reader()
        if (q.fieldname, btext) not in r or not r.doc_count():
            continue
        m = r.postings(q.fieldname, btext)
        m = getattr(m, "child", m)  # under the deletion filter (skipped below)
        lengths = _field_lengths(cache, r, q.fieldname)
        if type(m) is not _W3LeafMatcher or lengths is None:
            return None
        m.reset()
        deleted = r.deleted_docs_set if r.has_deletions() else ()
        scorer = w.scorer(sub, q.fieldname, btext)
        if type(scorer) is not scoring.BM25FScorer:
            return None  # a field without lengths (an ID): Whoosh scores it
        score = scorer._score
        scores: dict[tuple[float, int], float] = {}
        nlen = len(lengths)
        while m.is_active():
            m._read_ids()
            m._read_weights()
            for docnum, weight in zip(m._ids, m._weights, strict=False):
                if docnum in deleted:
                    continue
                lb = lengths[docnum] if docnum < nlen else 0
                sc = scores.get((weight, lb))
                if sc is None:
                    if not lb:
                        return None  # Whoosh's length lookup would give None here
                    sc = scores[(weight, lb)] = score(weight, byte_to_length(lb))
                if len(heap) < limit:
                    heapq.heappush(heap, (sc, -(docnum + offset)))
                elif sc > heap[0][0]:
                    heapq.heapreplace(heap, (sc, -(docnum + offset)))
            if m._lastblock:
                break
            m._next_block()
    heap.sort(reverse=True)
    total = _term_total(s, q)
    return ([(-negdoc, sc) for sc, negdoc in heap], total) if total is not None else None


def _and2_top(cache: dict[Any, Any], s: Any, q: Any, limit: int) -> tuple[list[tuple[int, float]], int] | None:
    """``_term_top`` for two words that must both occur ("tariffs AND china"): the
    posting lists intersected as sets, the score of a match the sum of the two
    words' BM25F scores (as Whoosh's IntersectionMatcher adds them; with two terms
    the order of the addition cannot change the float), the total counted on the
    way. Whoosh leapfrogs the two lists posting by posting in Python: 50-75 ms for a
    word AND "president" in 1,154 briefings. None: let Whoosh do it."""
    w = s.weighting
    if type(q) is not query.And or q.boost != 1.0 or len(q.subqueries) != 2 or type(w) is not scoring.BM25F:
        return None
    terms = q.subqueries
    if any(type(t) is not query.Term or t.boost != 1.0 or t.fieldname not in s.schema for t in terms) or \
            terms[0] == terms[1]:
        return None
    try:
        keys = [(t.fieldname, s.schema[t.fieldname].to_bytes(t.text)) for t in terms]
    except ValueError:
        return None
    heap: list[tuple[float, int]] = []
    total = 0
    for sub, offset in s.leaf_searchers():
        r = sub.reader()
        if any(k not in r for k in keys) or not r.doc_count():
            continue
        sides = []
        for fieldname, btext in keys:
            postings = cached_postings(cache, r, fieldname, btext)
            lengths = _field_lengths(cache, r, fieldname)
            scorer = w.scorer(sub, fieldname, btext)
            if postings is None or lengths is None or type(scorer) is not scoring.BM25FScorer:
                return None
            sides.append((postings, lengths, scorer._score))
        (ids_a, ws_a), (ids_b, ws_b) = sides[0][0], sides[1][0]
        small = (dict(zip(ids_a, ws_a, strict=False)) if len(ids_a) <= len(ids_b)
                 else dict(zip(ids_b, ws_b, strict=False)))
        big_ids, big_ws = (ids_b, ws_b) if len(ids_a) <= len(ids_b) else (ids_a, ws_a)
        weights_a_first = len(ids_a) <= len(ids_b)
        deleted = r.deleted_docs_set if r.has_deletions() else ()
        cache_a: dict[tuple[float, int], float] = {}
        cache_b: dict[tuple[float, int], float] = {}
        (_, len_a, score_a), (_, len_b, score_b) = sides
        for docnum, big_w in zip(big_ids, big_ws, strict=False):  # ascending document numbers
            small_w = small.get(docnum)
            if small_w is None or docnum in deleted:
                continue
            wa, wb = (small_w, big_w) if weights_a_first else (big_w, small_w)
            sa = _cached_score(cache_a, score_a, wa, len_a, docnum)
            sb = _cached_score(cache_b, score_b, wb, len_b, docnum)
            if sa is None or sb is None:
                return None
            sc = sa + sb
            total += 1
            if len(heap) < limit:
                heapq.heappush(heap, (sc, -(docnum + offset)))
            elif sc > heap[0][0]:
                heapq.heapreplace(heap, (sc, -(docnum + offset)))
    heap.sort(reverse=True)
    return [(-negdoc, sc) for sc, negdoc in heap], total


def _cached_score(cache: dict[tuple[float, int], float], score: Any, weight: float, lengths: bytes,
                  docnum: int) -> float | None:
    lb = lengths[docnum] if docnum < len(lengths) else 0
    sc = cache.get((weight, lb))
    if sc is None:
        if not lb:
            return None
        sc = cache[(weight, lb)] = score(weight, byte_to_length(lb))
    return sc


def _field_lengths(cache: dict[Any, Any], r: Any, fieldname: str) -> bytes | None:
    """The length bytes of ``fieldname`` for every document of segment reader ``r``
    (Whoosh's one-byte column), read at once and kept with the searcher."""
    key = ("lengths", id(r), fieldname)
    if key not in cache:
        try:
            col = r._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
            cache[key] = None if col is None or col._fixedlen != 1 else bytes(col._dbfile.get(col._basepos, col._count))
        except AttributeError:  # another codec or column layout
            cache[key] = None
    return cache[key]  # type: ignore[no-any-return]


def _highlight_terms(q: Any, reader: Any) -> set[str]:
    try:
        terms = q.existing_terms(reader, expand=True)
    except Exception:
        terms = set(q.all_terms())
    out = set()
    for fieldname, text in terms:
        if fieldname == "body":
            out.add(text.decode("utf-8") if isinstance(text, bytes) else text)
    return out


def _spans(analyzer: Any, body: str, terms: set[str]) -> Iterator[tuple[int, int]]:
    for tok in analyzer(body, chars=True, mode="index"):
        if tok.text in terms:
            yield tok.startchar, tok.endchar


def highlight_spans(body: str, terms: set[str]) -> list[tuple[int, int]]:
    """Offsets in ``body`` of tokens whose stemmed form is in ``terms``."""
    return list(_spans(make_schema()["body"].analyzer, body, terms))


# -- query parsing ---------------------------------------------------------------
_FIELD_RX = re.compile(r"(?<![\w\"])([A-Za-z_]+):(?=\S)")


def parse_query(text: str, schema: fields.Schema) -> Any:
    """Parse Whoosh query syntax; raise QueryError with one clear line when it is bad."""
    stripped = text.strip()
    if not stripped:
        raise QueryError("empty query")
    if stripped.count('"') % 2:
        raise QueryError("unbalanced quotation mark in query")
    depth = 0
    in_phrase = False
    for ch in stripped:
        if ch == '"':
            in_phrase = not in_phrase
        elif not in_phrase and ch == "(":
            depth += 1
        elif not in_phrase and ch == ")":
            depth -= 1
            if depth < 0:
                raise QueryError("unbalanced parenthesis in query")
    if depth:
        raise QueryError("unbalanced parenthesis in query")
    outside = re.sub(r'"[^"]*"', " phrase ", stripped)  # a phrase is a word for the checks below
    for m in _FIELD_RX.finditer(outside):
        name = m.group(1)
        if name not in FIELDS:
            raise QueryError(f"unknown field '{name}:' (fields: {', '.join(FIELDS)})")
    if re.search(r"(?:^|\s)(AND|OR|NOT|ANDNOT|ANDMAYBE)\s*$", outside) or re.match(r"\s*(AND|OR)\b", outside):
        raise QueryError("query starts or ends with an operator")
    parser = qparser.QueryParser("body", schema)
    try:
        q = parser.parse(stripped)
    except Exception as exc:
        raise QueryError(f"cannot parse query: {exc}") from None
    if isinstance(q, query.qcore._NullQuery):
        raise QueryError("query has no searchable words")
    for sub in q.leaves() if hasattr(q, "leaves") else [q]:
        if isinstance(sub, query.qcore._NullQuery):
            continue
        if type(sub).__name__ == "ErrorQuery":
            raise QueryError(f"bad query: {sub}")
    if "date:" in outside:
        for part in re.findall(r"date:(\[[^\]]*\]|\{[^}]*\}|[^\s()]+)", outside):
            try:
                date_q = parser.parse(f"date:{part}")
            except Exception:
                date_q = None
            if date_q is None or isinstance(date_q, query.qcore._NullQuery):
                raise QueryError(f"bad date '{part}' (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return q


def term_query(fieldname: str, value: str) -> Any:
    return query.Term(fieldname, value)


def any_of(*queries: Any) -> Any:
    return query.Or(list(queries))


def all_of(*queries: Any) -> Any:
    return query.And(list(queries))


def every() -> Any:
    return query.Every()


def speaker_query(name: str) -> Any:
    """All words of ``name`` must appear in the speaker field ("peskov" matches
    "Dmitry Peskov")."""
    words = [t.text for t in _SPEAKER_ANALYZER(name)]
    if not words:
        raise QueryError("empty speaker name")
    return query.And([query.Term("speaker", w) for w in words])
