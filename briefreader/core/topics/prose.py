"""Subject starts in prose (a report, or a briefer's statement): cue phrases and dips
in lexical cohesion between neighbouring blocks."""

from __future__ import annotations

import math

from briefreader.core.topics.cohesion import cos, depth_scores, weighted
from briefreader.core.topics.cues import cue_strength
from briefreader.core.topics.document import Doc, block_body
from briefreader.core.topics.params import DEPTH_FLOOR, DEPTH_SD, DISJOINT_COS, STATEMENT_MIN_CONTENT


def prose_starts(doc: Doc, lo: int, hi: int, statement: bool) -> list[int]:
    """Subject starts among blocks ``[lo, hi)`` of prose (a report, or a briefer's
    statement): cue phrases and dips in lexical cohesion. Always includes ``lo``."""
    starts = [lo]
    if hi - lo < 2:
        return starts
    vecs = [weighted(doc, doc.block_vec[bi]) for bi in range(lo, hi)]
    depth = depth_scores(vecs)
    gaps = depth[1:]
    mean = sum(gaps) / len(gaps)
    sd = math.sqrt(sum((g - mean) ** 2 for g in gaps) / len(gaps))
    # The cohesion dip that alone opens a subject: relative to this text's own
    # depth scores, never below an absolute floor.
    alone = max(DEPTH_FLOOR, mean + DEPTH_SD * sd)
    min_content = STATEMENT_MIN_CONTENT if statement else 1
    for k in range(1, hi - lo):
        bi = lo + k
        blk = doc.briefing.blocks[bi]
        if blk.kind == "stage" or doc.content[bi] < min_content:
            continue
        cue = cue_strength(block_body(doc, bi))
        d = depth[k]
        if cue >= 1.0:
            ok = True
        elif cue > 0:
            # (an announcement cued after a paragraph it shares nothing with, even
            # where a statement is too short for depth scores)
            ok = d >= alone * (1.0 - cue) or (statement and cos(vecs[k - 1], vecs[k]) < DISJOINT_COS)
        elif cue < 0:
            ok = False
        else:
            ok = d >= alone
        if ok:
            starts.append(bi)
    return starts
