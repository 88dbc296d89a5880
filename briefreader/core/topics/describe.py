"""A segment described: its keywords (5–8 surface words), label and summary, from its
key terms (tf × idf over the briefing's segments, times how well each term can name a
subject)."""

from __future__ import annotations

import heapq
from collections.abc import Sequence

from briefreader.core.model import TopicSegment
from briefreader.core.topics.document import Doc
from briefreader.core.topics.keyterms import form_weight
from briefreader.core.topics.label import label
from briefreader.core.topics.params import CENTRAL_COUNT, KEY_CANDIDATES, OPENER_BONUS, SCAN_UNITS
from briefreader.core.topics.phrases import scan_segment
from briefreader.core.topics.summary import summarise
from briefreader.core.topics.tokens import surface_key, terms


def _first_form(doc: Doc, unit_ids: Sequence[int], stem: str) -> str | None:
    """The first surface word of ``stem`` in these sentences (lowercase unless a
    capitalised word inside a sentence)."""
    for ui in unit_ids:
        u = doc.units[ui]
        if stem in u.stems:
            i = u.stems.index(stem)
            w = surface_key(u.toks[i])
            return w if i and w[:1].isupper() else w.lower()
    return None


def central_terms(doc: Doc, s: int, e: int) -> set[str]:
    """The terms central to blocks ``[s, e)``: in a question and in an answer, or
    used three times; in a text without questions, used twice."""
    blocks = doc.briefing.blocks
    asked: set[str] = set()
    answered: set[str] = set()
    count: dict[str, float] = {}
    for bi in range(s, e):
        vec = doc.block_vec[bi]
        (asked if blocks[bi].is_question else answered).update(vec)
        for t, v in vec.items():
            count[t] = count.get(t, 0) + v
    need = CENTRAL_COUNT if asked else CENTRAL_COUNT - 1
    return {t for t, c in count.items() if c >= need or (t in asked and t in answered)}


def describe_segment(doc: Doc, s: int, e: int, tf: dict[str, float], weights: dict[str, float]) -> TopicSegment:
    """Label, keywords and summary of blocks ``[s, e)`` with term frequencies ``tf``.
    ``weights`` are the idf of each term over the briefing's segments times its
    ``keyterms.key_weight``."""
    blocks = doc.briefing.blocks
    unit_ids = [ui for bi in range(s, e) for ui in doc.block_units[bi]]
    pre = {t: v * weights[t] for t, v in tf.items() if t in weights}
    cands = heapq.nlargest(KEY_CANDIDATES, pre, key=pre.__getitem__)
    # The subject is named early: read the first sentences for phrases and forms.
    scan = scan_segment(doc, unit_ids[:SCAN_UNITS], set(cands))
    forms = scan.forms
    score = {t: pre[t] * form_weight(forms.get(t), t) for t in cands}
    # the words of the question that opens the segment name its subject
    opener = set(doc.block_vec[s]) if blocks[s].is_question else set()
    for t in opener:
        if t in score:
            score[t] *= OPENER_BONUS
    ranked = sorted(score, key=lambda t: (-score[t], t))
    top = [t for t in ranked[:8] if score[t] >= 0.25 * score[ranked[0]]] if ranked else []
    if len(top) < 5:
        top = ranked[:5]
    for t in top:
        if t not in forms:
            form = _first_form(doc, unit_ids[SCAN_UNITS:], t)
            if form:
                forms[t] = form
    keywords = tuple(dict.fromkeys(forms[t] for t in top if t in forms))
    name = label(doc, s, e, scan, score, opener, central_terms(doc, s, e))
    summary = summarise(doc, unit_ids, pre, {st for st in terms(name)[1] if st})
    return TopicSegment(
        start=blocks[s].start,
        end=blocks[e - 1].end,
        label=name,
        keywords=keywords,
        summary=summary.text,
        summary_spans=summary.spans,
        first_block=s,
        last_block=e - 1,
    )
