"""``segment_briefing``: a briefing's outline, phase by phase — analyse it once
(``document``), choose the segment boundaries (``segmentation``), weigh each segment's
terms against the others' (``keyterms``), and describe each segment (``describe``)."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import replace
from typing import NamedTuple

from briefreader.core.model import Briefing, TopicSegment
from briefreader.core.topics.describe import describe_segment
from briefreader.core.topics.document import analyse
from briefreader.core.topics.keyterms import key_weight, segment_tf
from briefreader.core.topics.segmentation import segment_starts


class _Bounds(NamedTuple):
    """A segment's blocks ``[first, end)``."""

    first: int
    end: int


def segment_briefing(briefing: Briefing) -> tuple[TopicSegment, ...]:
    """The subjects of a briefing, in order, covering all its blocks on block
    boundaries, each with a label, keywords and a 1–2 sentence summary."""
    if not briefing.blocks:
        return ()
    doc = analyse(briefing)
    starts = segment_starts(doc)
    n = len(briefing.blocks)
    bounds = [_Bounds(s, e) for s, e in zip(starts, starts[1:] + [n], strict=True)]
    tfs = [segment_tf(doc, b.first, b.end) for b in bounds]
    seg_df: Counter[str] = Counter()
    for tf in tfs:
        seg_df.update(tf.keys())
    # tf × idf over the briefing's segments (what sets a segment apart), times how
    # well the term can name a subject
    k = len(bounds) + 1
    weights = {t: (math.log(k / d) + 0.2) * key_weight(t) for t, d in seg_df.items()
               if t not in doc.names}
    segs = [describe_segment(doc, b.first, b.end, tf, weights) for b, tf in zip(bounds, tfs, strict=True)]
    return tuple(distinct_labels(segs))


def distinct_labels(segs: list[TopicSegment]) -> list[TopicSegment]:
    """Two segments of a briefing never share a label: a repeated label takes the
    segment's first keyword it does not hold yet ("tariffs, trade" and "tariffs,
    trade (steel)"), else its position."""
    seen: Counter[str] = Counter(s.label.lower() for s in segs)
    used: set[str] = set()
    out = []
    for seg in segs:
        name = seg.label
        if seen[name.lower()] > 1 and name.lower() in used:
            have = set(name.lower().replace(",", " ").split())
            extra = next((k for k in seg.keywords if k.lower() not in have and k.lower() not in name.lower()), None)
            cand = f"{name} ({extra})" if extra else name
            n = 2
            while cand.lower() in used:
                cand = f"{name} ({n})"
                n += 1
            name = cand
        used.add(name.lower())
        out.append(replace(seg, label=name) if name != seg.label else seg)
    return out
