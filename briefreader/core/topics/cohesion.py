"""Lexical cohesion: idf-weighted term vectors, their cosine, and TextTiling depth
scores over a run of blocks."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence

from briefreader.core.topics.document import Doc
from briefreader.core.topics.params import WINDOW


def weighted(doc: Doc, c: Counter[str] | dict[str, float]) -> dict[str, float]:
    """A term vector weighted by the terms' idf over the briefing's blocks."""
    idf = doc.idf
    return {t: v * idf.get(t, 1.0) for t, v in c.items()}


def cos(a: dict[str, float], b: dict[str, float]) -> float:
    """The cosine of two sparse vectors."""
    d = dot(a, b)
    return d / (norm(a) * norm(b)) if d != 0.0 else 0.0


def dot(a: dict[str, float], b: dict[str, float]) -> float:
    """The dot product of two sparse vectors (over the smaller one's terms)."""
    if len(a) > len(b):
        a, b = b, a
    out = 0.0
    for t, v in a.items():
        w = b.get(t)
        if w:
            out += v * w
    return out


def norm(v: dict[str, float]) -> float:
    return math.sqrt(sum(x * x for x in v.values()))


def sum_vecs(doc: Doc, lo: int, hi: int) -> dict[str, float]:
    """The idf-weighted term vector of blocks ``[lo, hi)``."""
    out: dict[str, float] = defaultdict(float)
    idf = doc.idf
    for bi in range(max(lo, 0), min(hi, len(doc.block_vec))):
        for t, v in doc.block_vec[bi].items():
            out[t] += v * idf[t]
    return out


def depth_scores(vecs: Sequence[dict[str, float]], window: int = WINDOW) -> list[float]:
    """TextTiling depth score at each gap: ``out[i]`` is the depth of the gap before
    unit ``i`` (``out[0] == 0``). Similarity is the cosine of the summed vectors of
    ``window`` units on each side; depth is how far the similarity dips below the
    nearest peaks on its left and right (0..2)."""
    n = len(vecs)
    sims = [0.0] * n
    for i in range(1, n):
        left: dict[str, float] = defaultdict(float)
        for j in range(max(0, i - window), i):
            for t, v in vecs[j].items():
                left[t] += v
        right: dict[str, float] = defaultdict(float)
        for j in range(i, min(n, i + window)):
            for t, v in vecs[j].items():
                right[t] += v
        sims[i] = cos(left, right)
    depth = [0.0] * n
    for i in range(1, n):
        s = sims[i]
        lp = s
        j = i - 1
        while j >= 1 and sims[j] >= lp:
            lp = sims[j]
            j -= 1
        rp = s
        j = i + 1
        while j < n and sims[j] >= rp:
            rp = sims[j]
            j += 1
        depth[i] = (lp - s) + (rp - s)
    return depth
