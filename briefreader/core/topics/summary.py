"""A segment's extractive summary: 1–2 whole sentences chosen by centrality (degree
centrality of the sentence similarity graph, as in LexRank, computed through the
segment centroid) with a position prior, weighed by how well each sentence can stand
for the segment (``sentence_quality``); never a question's sentence (what a reporter
asserts is not what was said in the answer), a greeting or turn-taking."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from typing import NamedTuple

from briefreader.core.topics.cues import BOILERPLATE_START, DEFLECTION
from briefreader.core.topics.document import Doc
from briefreader.core.topics.openings import content_start
from briefreader.core.topics.params import (
    SUMMARY_CANDIDATES,
    SUMMARY_MAX_WORDS,
)
from briefreader.core.topics.sentence_quality import QUALITY_MAX, quality

_STAGE = re.compile(r"^\s*[(\[][^()\[\]]*[)\]]\W*$")


class Summary(NamedTuple):
    """A summary's text and the spans of its sentences in the canonical text."""

    text: str
    spans: tuple[tuple[int, int], ...]


class _Cand(NamedTuple):
    start: int
    end: int
    stems: list[str]


def _is_question(text: str) -> bool:
    return text.rstrip(" ”’\"')]").endswith("?")


def summarise(doc: Doc, unit_ids: Sequence[int], score: dict[str, float],
              subject: Collection[str] = ()) -> Summary:
    """The summary of the sentences ``unit_ids`` given their terms' weights ``score``
    and the stems of the segment's label ``subject`` (``""`` and no spans when every
    sentence is a question or stage direction)."""
    text = doc.briefing.text
    blocks = doc.briefing.blocks
    units = doc.units
    cands = [_Cand(units[ui].start, units[ui].end, units[ui].stems)
             for ui in unit_ids if units[ui].candidate][:SUMMARY_CANDIDATES]
    scored = _ranked(doc, cands, score, subject)
    if not scored:
        # fall back to any non-question sentence, then to anything
        rest = [ui for ui in unit_ids if not blocks[units[ui].block].is_question
                and not _is_question(text[units[ui].start:units[ui].end])
                and blocks[units[ui].block].kind != "stage"]
        if not rest:
            return Summary("", ())
        # (not a stage direction within a turn, "(Laughs.)"; a deflection only if
        # nothing else is left)
        rest = [ui for ui in rest if not _STAGE.match(text[units[ui].start:units[ui].end])] or rest
        plain = [ui for ui in rest if not DEFLECTION.search(text[units[ui].start:units[ui].end])
                 and not BOILERPLATE_START.match(text[units[ui].start:units[ui].end])]
        longest = max(plain or rest, key=lambda ui: units[ui].end - units[ui].start)
        return _shown(doc, [(units[longest].start, units[longest].end)])
    best = scored[0][1]
    pick = [best]
    words = len(text[best.start:best.end].split())
    if words < 18 and len(scored) > 1:
        for sc, c, _ in scored[1:4]:
            w2 = len(text[c.start:c.end].split())
            if (sc >= 0.5 * scored[0][0] and words + w2 <= SUMMARY_MAX_WORDS
                    and not _restates(best.stems, c.stems)):
                pick.append(c)
                break
    pick.sort()
    return _shown(doc, [(c.start, c.end) for c in pick])


def _ranked(doc: Doc, allc: Sequence[_Cand], score: dict[str, float],
            subject: Collection[str]) -> list[tuple[float, _Cand, float]]:
    """Candidate sentences with their scores (centrality, position, quality) and
    quality, best first; those that could not reach half the best are left out."""
    text = doc.briefing.text
    # Degree centrality over the sentence similarity graph, through the centroid:
    # sum_j sim(i, j) = v_i · (sum_j v_j) - v_i · v_i for (unnormalised) vectors.
    # (Later sentences rarely win against the position prior: weigh the first ones.)
    vecs = []
    centroid: dict[str, float] = defaultdict(float)
    for c in allc:
        v = {t: n * score[t] for t, n in Counter(c.stems).items() if t in score}
        nv = math.sqrt(sum(x * x for x in v.values())) or 1.0
        v = {t: x / nv for t, x in v.items()}
        vecs.append(v)
        for t, x in v.items():
            centroid[t] += x
    base = []
    for rank, (c, v) in enumerate(zip(allc, vecs, strict=True)):
        cent = sum(x * centroid[t] for t, x in v.items()) - (1.0 if v else 0.0)
        cent = cent / max(len(allc) - 1, 1) if len(allc) > 1 else 1.0
        key = sum(score[t] for t in v) / (len(c.stems) ** 0.5 + 1)
        prior = 1.0 + 0.6 / (1.0 + rank)
        base.append(((max(cent, 0.0) + 0.05 * key + 0.02) * prior, c))
    base.sort(key=lambda x: -x[0])
    # weigh by quality from the most central down, until no sentence left could reach
    # half the best (the share a second sentence needs)
    scored: list[tuple[float, _Cand, float]] = []
    top = 0.0
    for b0, c in base:
        if b0 * QUALITY_MAX < 0.5 * top:
            break
        qc = quality(text[c.start:c.end], c.stems, subject)
        sc = b0 * qc
        scored.append((sc, c, qc))
        top = max(top, sc)
    scored.sort(key=lambda x: -x[0])
    return scored


def _restates(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether a sentence says again what another said (most content words shared)."""
    sa, sb = {t for t in a if t}, {t for t in b if t}
    return not sb or len(sa & sb) >= 0.6 * min(len(sa), len(sb))


def _shown(doc: Doc, pick: Sequence[tuple[int, int]]) -> Summary:
    """The summary of these sentences: each span without the discourse markers and
    vocatives it opens with; the shown text capitalised."""
    text = doc.briefing.text
    spans = []
    for n, (a, z) in enumerate(pick):
        # (the first sentence only: a later one shows as it is, after a full stop)
        spans.append((content_start(text, a, z, doc.names) if n == 0 else a, z))
    shown = " ".join(text[a:z] for a, z in spans)
    if shown[:1].islower():
        shown = shown[0].upper() + shown[1:]
    return Summary(shown, tuple(spans))
