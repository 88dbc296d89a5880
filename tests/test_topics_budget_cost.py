"""The transcript topic budget's merging (``segmentation._fit_budget``) is done with a heap
(it was quadratic in the segments: most of the time of a 2 MB transcript); it must pick
exactly the merges of the plain algorithm: the first segment of highest merit, again and
again, with only the merged segment's two boundaries recomputed."""

from __future__ import annotations

import pytest

import briefreader.core.topics.segmentation as seg
from briefreader.core.ingest import parse_document
from briefreader.core.topics import segment_briefing
from briefreader.core.topics.cohesion import cos, sum_vecs
from briefreader.core.topics.params import SMALL_MERGE_BONUS, SMALL_SEGMENT


def _plain_fit_budget(doc, starts, header):  # type: ignore[no-untyped-def]
    n = len(doc.briefing.blocks)
    budget = seg.topic_budget(sum(doc.content))
    if len(starts) <= budget:
        return starts
    starts = list(starts)
    ends = starts[1:] + [n]
    vecs = [sum_vecs(doc, a, z) for a, z in zip(starts, ends, strict=True)]
    sizes = [sum(doc.content[a:z]) for a, z in zip(starts, ends, strict=True)]

    def merit(i: int) -> float:
        small = min(sizes[i], sizes[i - 1])
        return cos(vecs[i - 1], vecs[i]) + SMALL_MERGE_BONUS * max(0.0, 1.0 - small / SMALL_SEGMENT)

    merits = [0.0] + [merit(i) for i in range(1, len(starts))]
    while len(starts) > budget:
        cands = [i for i in range(1, len(starts)) if not header[starts[i]]]
        if not cands:
            break
        i = max(cands, key=merits.__getitem__)
        merged = dict(vecs[i - 1])
        for t, v in vecs[i].items():
            merged[t] = merged.get(t, 0.0) + v
        vecs[i - 1] = merged
        sizes[i - 1] += sizes[i]
        del starts[i], vecs[i], sizes[i], merits[i]
        for j in (i - 1, i):
            if 1 <= j < len(starts):
                merits[j] = merit(j)
    return starts


_SUBJECTS = [
    ("harbour", "The harbour dredging will deepen the channel for container ships and ferries."),
    ("wheat", "Wheat exports fell because the drought cut the harvest in the southern provinces."),
    ("bridge", "The bridge repairs close two lanes while engineers replace the rusted cables."),
    ("vaccine", "The vaccine campaign reaches rural clinics with refrigerated vans next month."),
    ("tariff", "The tariff on imported steel rises again, and the carmakers protest the cost."),
    ("election", "The election commission counts postal ballots before the polling stations close."),
]


def _transcript(rounds: int) -> str:
    lines = ["# Press briefing by the spokeswoman", ""]
    for r in range(rounds):
        for k, (word, sentence) in enumerate(_SUBJECTS):
            lines += [f"Q: What about the {word} plan, round {r}?", "",
                      f"MS. LANE: {sentence} We will say more about the {word} later. "
                      f"{_SUBJECTS[(k + r) % len(_SUBJECTS)][1]}", ""]
    return "\n".join(lines)


@pytest.mark.parametrize("rounds", [3, 12])
def test_budget_merges_are_those_of_the_plain_algorithm(rounds: int, monkeypatch: pytest.MonkeyPatch) -> None:
    briefing = parse_document(_transcript(rounds), "markdown", name="2024-01-01-briefing.md", doc_id="t")
    assert briefing.format == "transcript"
    fast = segment_briefing(briefing)
    monkeypatch.setattr(seg, "_fit_budget", _plain_fit_budget)
    plain = segment_briefing(briefing)
    assert fast == plain and len(fast) >= 2
