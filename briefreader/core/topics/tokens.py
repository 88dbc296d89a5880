"""The tokenizer and stems of topic segmentation.

Pure Python and offline. ``terms()`` turns a piece of text into aligned lists of
surface words and stems, where a stop word or a punctuation mark gets the stem ``""``
(punctuation is kept as a phrase breaker for labels). Stems come from Whoosh's Porter
stemmer behind a process-wide cache: the same few thousand words make up most briefings.
"""

from __future__ import annotations

import re

from whoosh.lang.porter import stem as _porter

from briefreader.core.topics.wordlists import STOP_WORDS, TITLE_WORDS

# A word (with inner apostrophes or hyphens: "Russia’s", "COVID-19"), or a run of
# punctuation, which breaks a phrase. A word that starts with a digit gets no stem:
# numbers make poor topic terms. The fragment of a stutter ("Biparti- — Bipartisan")
# is no word at all.
TOKEN = re.compile(r"\w++(?:['’\-‐]\w++)*+(?![\-‐])|[.,;:!?()\[\]“”\"—–…/]+")

_STEM_CACHE_MAX = 200_000
_stem_cache: dict[str, str] = {}


def _init_cache() -> None:
    for w in STOP_WORDS:
        _stem_cache[w] = ""
        _stem_cache[w.replace("'", "’")] = ""


_init_cache()


def stem_word(lower: str) -> str:
    """The stem of a lowercased word; ``""`` for a stop word or a one-letter word."""
    s = _stem_cache.get(lower)
    if s is None:
        w = lower.replace("’", "'")
        if w.endswith("'s"):
            w = w[:-2]
        if len(w) < 2 or w in STOP_WORDS:
            s = ""
        else:
            s = _porter(w)
            if len(s) < 2:
                s = ""
        if len(_stem_cache) < _STEM_CACHE_MAX:
            _stem_cache[lower] = s
    return s


def terms(text: str) -> tuple[list[str], list[str]]:
    """Aligned surface tokens and stems of ``text`` (stem ``""`` for stop words and
    punctuation; punctuation tokens start with a non-letter)."""
    toks = TOKEN.findall(text)
    get = _stem_cache.get
    stems = [s if (s := get(t.lower())) is not None else _miss(t) for t in toks]
    return toks, stems


def _miss(tok: str) -> str:
    lw = tok.lower()
    if tok[0].isalpha():
        return stem_word(lw)
    if len(_stem_cache) < _STEM_CACHE_MAX:
        _stem_cache[lw] = ""
    return ""


# The stems of titles and offices ("minist", "presid"): part of a name, no subject alone.
TITLE_STEMS = frozenset(stem_word(w) for w in TITLE_WORDS)


def query_stems(text: str) -> list[str]:
    """The content stems of a user's query, in order, without duplicates."""
    out: list[str] = []
    for s in terms(text)[1]:
        if s and s not in out:
            out.append(s)
    return out


def surface_key(token: str) -> str:
    """A surface word as shown in a label or keyword: possessive dropped."""
    if token.endswith(("'s", "’s")):
        return token[:-2]
    return token
