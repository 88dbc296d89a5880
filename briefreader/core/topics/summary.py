"""A segment's extractive summary: 1–2 whole sentences chosen by centrality (degree
centrality of the sentence similarity graph, as in LexRank, computed through the
segment centroid) with a position prior; never a question, a greeting or turn-taking."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import NamedTuple

from briefreader.core.topics.cues import BOILERPLATE_START, DEFLECTION
from briefreader.core.topics.document import Doc
from briefreader.core.topics.openings import content_start
from briefreader.core.topics.params import SUMMARY_CANDIDATES, SUMMARY_MAX_WORDS

_STAGE = re.compile(r"^\s*[(\[][^()\[\]]*[)\]]\W*$")


class Summary(NamedTuple):
    """A summary's text and the spans of its sentences in the canonical text."""

    text: str
    spans: tuple[tuple[int, int], ...]


def summarise(doc: Doc, unit_ids: Sequence[int], score: dict[str, float]) -> Summary:
    """The summary of the sentences ``unit_ids`` given their terms' weights ``score``
    (``""`` and no spans when every sentence is a question or stage direction)."""
    text = doc.briefing.text
    blocks = doc.briefing.blocks
    cands = [ui for ui in unit_ids if doc.units[ui].candidate]
    if not cands:
        # fall back to any non-question sentence, then to anything
        cands = [ui for ui in unit_ids if not blocks[doc.units[ui].block].is_question
                 and not text[doc.units[ui].start:doc.units[ui].end].rstrip(
                     " ”’\"')]").endswith("?")
                 and blocks[doc.units[ui].block].kind != "stage"]
        if not cands:
            return Summary("", ())
        # (not a stage direction within a turn, "(Laughs.)"; a deflection only if
        # nothing else is left)
        cands = [ui for ui in cands if not _STAGE.match(text[doc.units[ui].start:doc.units[ui].end])] or cands
        plain = [ui for ui in cands if not DEFLECTION.search(text[doc.units[ui].start:doc.units[ui].end])
                 and not BOILERPLATE_START.match(text[doc.units[ui].start:doc.units[ui].end])]
        best = max(plain or cands, key=lambda ui: doc.units[ui].end - doc.units[ui].start)
        return _shown(doc, [best])
    # Degree centrality over the sentence similarity graph, through the centroid:
    # sum_j sim(i, j) = v_i · (sum_j v_j) - v_i · v_i for (unnormalised) vectors.
    # (Later sentences rarely win against the position prior: weigh the first ones.)
    cands = cands[:SUMMARY_CANDIDATES]
    vecs = []
    centroid: dict[str, float] = defaultdict(float)
    for ui in cands:
        v = {t: c * score[t] for t, c in Counter(doc.units[ui].stems).items() if t in score}
        nv = math.sqrt(sum(x * x for x in v.values())) or 1.0
        v = {t: x / nv for t, x in v.items()}
        vecs.append(v)
        for t, x in v.items():
            centroid[t] += x
    scored = []
    for rank, (ui, v) in enumerate(zip(cands, vecs, strict=True)):
        cent = sum(x * centroid[t] for t, x in v.items()) - (1.0 if v else 0.0)
        cent = cent / max(len(cands) - 1, 1) if len(cands) > 1 else 1.0
        key = sum(score[t] for t in v) / (len(doc.units[ui].stems) ** 0.5 + 1)
        prior = 1.0 + 0.6 / (1.0 + rank)
        scored.append(((cent + 0.05 * key) * prior, ui))
    scored.sort(key=lambda x: -x[0])
    best = scored[0][1]
    pick = [best]
    words = len(text[doc.units[best].start:doc.units[best].end].split())
    if words < 18 and len(scored) > 1:
        for sc, ui in scored[1:4]:
            w2 = len(text[doc.units[ui].start:doc.units[ui].end].split())
            if sc >= 0.6 * scored[0][0] and words + w2 <= SUMMARY_MAX_WORDS:
                pick.append(ui)
                break
    pick.sort()
    return _shown(doc, pick)


def _shown(doc: Doc, pick: Sequence[int]) -> Summary:
    """The summary of these sentences: each span without the discourse markers and
    vocatives it opens with; the shown text capitalised."""
    text = doc.briefing.text
    spans = []
    for n, ui in enumerate(pick):
        u = doc.units[ui]
        # (the first sentence only: a later one shows as it is, after a full stop)
        spans.append((content_start(text, u.start, u.end, doc.names) if n == 0 else u.start, u.end))
    shown = " ".join(text[a:z] for a, z in spans)
    if shown[:1].islower():
        shown = shown[0].upper() + shown[1:]
    return Summary(shown, tuple(spans))
