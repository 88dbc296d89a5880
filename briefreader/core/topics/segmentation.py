"""Choosing a briefing's segment boundaries, on block boundaries.

Headings (and short stand-alone header lines) cut the briefing into sections; each
section is segmented as a transcript (``transcript.py``) or as prose (``prose.py``);
segments too small to be a subject are then merged into a neighbour.
"""

from __future__ import annotations

import heapq

from briefreader.core.topics.cohesion import cos, dot, norm, sum_vecs
from briefreader.core.topics.cues import cue_strength, is_header
from briefreader.core.topics.document import Doc, block_body
from briefreader.core.topics.params import (
    BUDGET_BASE,
    BUDGET_WORDS,
    CUED_BLOCK_CONTENT,
    MAX_TOPICS,
    MIN_CONTENT_TERMS,
    OPENING_BLOCK_CONTENT,
    SMALL_MERGE_BONUS,
    SMALL_SEGMENT,
    TRANSCRIPT_MIN_CONTENT,
)
from briefreader.core.topics.prose import prose_starts
from briefreader.core.topics.transcript import transcript_starts


def segment_starts(doc: Doc) -> list[int]:
    """The first block of each segment, in order (``[0, …]``; empty without blocks)."""
    b = doc.briefing
    n = len(b.blocks)
    if n == 0:
        return []
    # Headings cut the briefing into sections, segmented separately.
    header = [is_header(b.blocks[bi], block_body(doc, bi)) for bi in range(n)]
    hard = [0]
    for bi in range(1, n):
        if header[bi] and not header[bi - 1]:  # a heading and its sub-heading open one section
            hard.append(bi)
        elif header[bi] and header[bi - 1] and _body_end(doc, bi - 1) == ":":
            # a lead-in line ("Here's what you missed:") introduces the sections
            # after it and belongs to what came before; the next heading opens one
            if hard and hard[-1] == bi - 1:
                hard[-1] = bi
            else:
                hard.append(bi)
    transcript = b.format == "transcript" or any(blk.kind == "turn" for blk in b.blocks)
    starts: list[int] = []
    bounds = hard + [n]
    for a, z in zip(bounds, bounds[1:], strict=False):
        if transcript:
            starts.extend(transcript_starts(doc, a, z))
        else:
            first = a
            while first < z and header[first]:
                first += 1
            starts.append(a)
            starts.extend(s for s in prose_starts(doc, first, z, statement=False) if s > first)
    starts = _merge_small(doc, sorted(set(starts)), header, transcript)
    starts = _keep_answers(doc, starts)
    if transcript:
        starts = _fit_budget(doc, starts, header)
    return starts


def _keep_answers(doc: Doc, starts: list[int]) -> list[int]:
    """A question and its answer are never split: a segment that would open on an
    answer opens on the question before it instead."""
    blocks = doc.briefing.blocks
    out: list[int] = []
    for s in starts:
        if s > 0 and blocks[s - 1].is_question and not blocks[s].is_question:
            q = s - 1
            while q > 0 and blocks[q - 1].is_question:
                q -= 1
            s = q
        if not out or s > out[-1]:
            out.append(s)
    return out


def topic_budget(content: int) -> int:
    """How many subjects a reader would mark in a transcript with this many content
    words: a few, plus one per ``BUDGET_WORDS``, never over ``MAX_TOPICS``."""
    return min(MAX_TOPICS, BUDGET_BASE + content // BUDGET_WORDS)


def _fit_budget(doc: Doc, starts: list[int], header: list[bool]) -> list[int]:
    """Merge the closest neighbouring segments (cosine of their term vectors, small
    segments first) until the transcript has no more subjects than ``topic_budget``.
    Heading-led segments keep their heading."""
    n = len(doc.briefing.blocks)
    budget = topic_budget(sum(doc.content))
    if len(starts) <= budget:
        return starts
    # The same merges as picking, at each step, the first segment of highest merit and
    # recomputing the merits beside it, in O(merges log segments): a heap of (-merit, id)
    # with stale entries skipped (ids keep the segments' order, so ties go to the first),
    # the merged vector updated in place (the same keys in the same order as a copy) and
    # each vector's norm kept (the same sum as ``cos`` takes). Rescanning every segment
    # and copying the growing vector at each merge was quadratic: most of the time of a
    # 2 MB transcript.
    starts = list(starts)
    ends = starts[1:] + [n]
    vecs = [sum_vecs(doc, a, z) for a, z in zip(starts, ends, strict=True)]
    sizes = [sum(doc.content[a:z]) for a, z in zip(starts, ends, strict=True)]
    norms = [norm(v) for v in vecs]
    prev = list(range(-1, len(starts) - 1))  # the live neighbours of each segment id
    nxt = list(range(1, len(starts) + 1))
    alive = [True] * len(starts)
    version = [0] * len(starts)

    def merit(i: int) -> float:  # of merging segment i into the live segment before it
        h = prev[i]
        small = min(sizes[i], sizes[h])
        d = dot(vecs[h], vecs[i])
        return (d / (norms[h] * norms[i]) if d != 0.0 else 0.0) + \
            SMALL_MERGE_BONUS * max(0.0, 1.0 - small / SMALL_SEGMENT)

    heap = [(-merit(i), i, 0) for i in range(1, len(starts)) if not header[starts[i]]]
    heapq.heapify(heap)
    count = len(starts)
    while count > budget and heap:
        _neg, i, ver = heapq.heappop(heap)
        if not alive[i] or ver != version[i]:
            continue
        h = prev[i]
        merged = vecs[h]
        for t, v in vecs[i].items():
            merged[t] = merged.get(t, 0.0) + v
        norms[h] = norm(merged)
        sizes[h] += sizes[i]
        alive[i] = False
        count -= 1
        nxt[h] = nxt[i]
        if nxt[i] < len(starts):
            prev[nxt[i]] = h
        # only the merged segment's two boundaries change
        for j in (h, nxt[h]):
            if 1 <= j < len(starts) and alive[j] and prev[j] >= 0 and not header[starts[j]]:
                version[j] += 1
                heapq.heappush(heap, (-merit(j), j, version[j]))
    return [s for s, live in zip(starts, alive, strict=True) if live]


def _body_end(doc: Doc, bi: int) -> str:
    body = block_body(doc, bi).rstrip()
    return body[-1:] if body else ""


def _merge_small(doc: Doc, starts: list[int], header: list[bool], transcript: bool) -> list[int]:
    """Merge segments too small to be a subject into a neighbour: a single block
    (unless heading-led, or a full paragraph opened by a cue), or too few content
    words. A heading-led segment never loses its heading."""
    n = len(doc.briefing.blocks)
    min_content = TRANSCRIPT_MIN_CONTENT if transcript else MIN_CONTENT_TERMS
    blocks = doc.briefing.blocks

    def small(idx: int) -> bool:
        s = starts[idx]
        e = starts[idx + 1] if idx + 1 < len(starts) else n
        if header[s]:
            body = s
            while body < e and header[body]:
                body += 1
            return sum(doc.content[body:e]) < min_content
        content = sum(doc.content[s:e])
        if content < min_content:
            return True
        if e - s == 1:
            if idx == 0 and transcript and content >= OPENING_BLOCK_CONTENT and not blocks[s].is_question:
                return False  # an opening announcement of its own
            return not (content >= CUED_BLOCK_CONTENT and cue_strength(block_body(doc, s)) > 0)
        return False

    idx = 0
    while idx < len(starts) and len(starts) > 1:
        if not small(idx):
            idx += 1
            continue
        s = starts[idx]
        e = starts[idx + 1] if idx + 1 < len(starts) else n
        nxt_header = e < n and header[e]
        if header[s] or idx == 0:
            # a heading without content, or a preamble, takes in what follows
            if e >= n or nxt_header:
                idx += 1
                continue
            del starts[idx + 1]
            continue
        into_next = False
        if idx + 1 < len(starts) and not nxt_header:
            pv = sum_vecs(doc, starts[idx - 1], s)
            nv = sum_vecs(doc, e, starts[idx + 2] if idx + 2 < len(starts) else n)
            v = sum_vecs(doc, s, e)
            into_next = cos(v, nv) > cos(v, pv) and not blocks[e].is_question
        if into_next:
            del starts[idx + 1]
        else:
            del starts[idx]
            idx = max(idx - 1, 0)
    return starts
