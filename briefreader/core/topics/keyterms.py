"""Key terms of a segment: its term frequencies, and how well a term or a word can name
a subject (words most briefings use, words mostly used as verbs, adjectives or adverbs,
titles and qualifiers weigh less; names weigh more)."""

from __future__ import annotations

import math
from collections import defaultdict

from briefreader.core.topics.background import doc_percent, verb_like
from briefreader.core.topics.document import Doc
from briefreader.core.topics.tokens import TITLE_STEMS
from briefreader.core.topics.wordlists import QUALIFIERS

_KEY_WEIGHTS_MAX = 200_000


def segment_tf(doc: Doc, s: int, e: int) -> dict[str, float]:
    """Term frequencies of blocks ``[s, e)``; a question's words count less than
    the answer's."""
    tf: dict[str, float] = defaultdict(float)
    for bi in range(s, e):
        w = 0.6 if doc.briefing.blocks[bi].is_question else 1.0
        for t, v in doc.block_vec[bi].items():
            tf[t] += v * w
    return tf


_BG_LOG = math.log(100 / 4)

_key_weights: dict[str, float] = {}


def key_weight(stem: str) -> float:
    """How well a term can name a subject: words most briefings use weigh less (a
    background table), and so do words mostly used as verbs, adjectives or adverbs."""
    w = _key_weights.get(stem)
    if w is None:
        w = _key_weights[stem] = _compute_key_weight(stem) if len(_key_weights) < _KEY_WEIGHTS_MAX else 1.0
    return w


def _compute_key_weight(stem: str) -> float:
    p = doc_percent().get(stem)
    w = 1.0 if p is None else 0.35 + 0.65 * min(1.0, math.log(100 / max(p, 1)) / _BG_LOG)
    v = verb_like().get(stem)
    if v is not None:
        w *= 0.25 + 0.75 * v / 30
    if stem in TITLE_STEMS:
        w *= 0.4
    return w


def form_weight(form: str | None, stem: str) -> float:
    """Names weigh more (and are no verbs); adverbs weigh less."""
    if not form:
        return 1.0
    if form[0].isupper():
        v = verb_like().get(stem)
        return 1.3 / (0.25 + 0.75 * v / 30) if v is not None else 1.3
    if form.endswith("ly"):
        return 0.3
    if form.endswith("ed") and stem not in doc_percent():
        return 0.5
    return 1.0


def verbish(stem: str, word: str, limit: int = 20) -> bool:
    """Whether a lower-case word reads as a verb, adjective or adverb: by its ending,
    or by the background table."""
    if word[:1].isupper():
        return False
    if word.endswith(("ly", "ed")) and len(word) > 5:
        return True
    v = verb_like().get(stem)
    return v is not None and v < limit


def not_a_subject(word: str) -> bool:
    """A lower-case word that qualifies rather than names: an adjective or adverb by
    its ending, or a common qualifier."""
    w = word.lower()
    if not word[:1].islower():
        return False
    return w in QUALIFIERS or (len(w) > 6 and w.endswith(("ous", "ful", "ible", "able", "istic")))
