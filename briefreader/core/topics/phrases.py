"""Candidate label phrases of a segment: one pass over its first sentences collects
the surface form a reader would recognise for each key term, and the runs of key terms
that may name the segment; the runs are then scored."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from briefreader.core.topics.document import Doc
from briefreader.core.topics.keyterms import not_a_subject, verbish
from briefreader.core.topics.tokens import surface_key
from briefreader.core.topics.wordlists import FIRST_NAMES

_SENTENCE_OPEN = frozenset(".!?:“\"—–(")


@dataclass(slots=True)
class Scan:
    """One pass over a segment's tokens: surface forms of its key terms and the runs
    of key terms that may name it."""

    forms: dict[str, str]
    occ: Counter[tuple[str, ...]]
    surf: dict[tuple[str, ...], list[str]]


def scan_segment(doc: Doc, unit_ids: Sequence[int], wanted: set[str]) -> Scan:
    """Surface forms: the form a reader would recognise for each stem (the most
    frequent word, lowercase unless always capitalised inside sentences). Phrases:
    runs of 1–3 wanted terms (no stop word or punctuation inside; a possessive ends a
    run: "Dmitriev’s | two-day visit"), with their counts and first surface words."""
    lower: dict[str, dict[str, int]] = {}
    cased: dict[str, dict[str, int]] = {}  # capitalised inside a sentence, or all caps
    inner_lower: set[str] = set()
    occ: Counter[tuple[str, ...]] = Counter()
    surf: dict[tuple[str, ...], list[str]] = {}
    units = doc.units
    opening = _SENTENCE_OPEN

    def flush(run: list[int], toks: list[str], stems: list[str]) -> None:
        n = len(run)
        if n == 1:
            key1 = (stems[run[0]],)
            occ[key1] += 1
            if key1 not in surf:
                surf[key1] = [surface_key(toks[run[0]])]
            return
        for a in range(n):
            for ln in (1, 2, 3):
                if a + ln > n:
                    break
                key = tuple(stems[x] for x in run[a:a + ln])
                if ln > 1 and len(set(key)) < ln:
                    continue
                occ[key] += 1
                if key not in surf:
                    surf[key] = [surface_key(toks[x]) for x in run[a:a + ln]]

    for ui in unit_ids:
        u = units[ui]
        if u.headline:  # ("U.S. Congressman Andy Biggs (AZ-05)": the author, not the subject)
            continue
        toks, stems = u.toks, u.stems
        run: list[int] = []
        for i, st in enumerate(stems):
            if st not in wanted:
                if run:
                    if len(run) == 1:
                        key1 = (stems[run[0]],)
                        occ[key1] += 1
                        if key1 not in surf:
                            surf[key1] = [surface_key(toks[run[0]])]
                    else:
                        flush(run, toks, stems)
                    run = []
                continue
            tok = toks[i]
            w = tok[:-2] if tok.endswith(("’s", "'s")) else tok
            lw = w.lower()
            d = lower.get(st)
            if d is None:
                d = lower[st] = {}
            d[lw] = d.get(lw, 0) + 1
            if w[0].isupper():
                if w.isupper() or (i and toks[i - 1] not in opening):
                    d = cased.get(st)
                    if d is None:
                        d = cased[st] = {}
                    d[w] = d.get(w, 0) + 1
            elif i and toks[i - 1] not in opening:
                inner_lower.add(st)
            run.append(i)
            if w is not tok:  # a possessive ends the run
                flush(run, toks, stems)
                run = []
        if run:
            flush(run, toks, stems)
    forms: dict[str, str] = {}
    for st, d in lower.items():
        low = max(d, key=lambda k: (d[k], -len(k)))
        c = cased.get(st)
        if st in inner_lower or not c:
            forms[st] = low
            continue
        same = [k for k in c if k.lower() == low]
        forms[st] = max(same, key=c.__getitem__) if same else low
    return Scan(forms, occ, surf)


class Phrase(NamedTuple):
    """A run of key terms that may name a segment."""

    score: float
    key: tuple[str, ...]  # its stems
    words: list[str]  # its first surface words
    occurrences: int


def phrases(scan: Scan, score: dict[str, float], opener: set[str]) -> list[Phrase]:
    """Candidate label phrases scored by their terms and how often they occur."""
    occ, surf = scan.occ, scan.surf
    out: list[Phrase] = []
    for key, c in occ.items():
        words = surf[key]
        if len(key) > 1:
            if c < 2 and not all(w[:1].isupper() for w in words) and not all(t in opener for t in key):
                continue  # a one-off run of words is no name for a subject (unless a name,
                # or the words of the opening question)
            if verbish(key[-1], words[-1]):
                continue  # "Putin announced": no name for a subject
            if words[-2][:1].isupper() and words[-1][:1].islower() \
                    and words[-1].endswith("s") and not words[-1].endswith("ss"):
                continue  # "Putin supports": a name and its verb
        if verbish(key[0], words[0], 10):
            continue  # "recently approved"
        if len(key) == 1 and (not_a_subject(words[0]) or words[0][:1].isupper() and words[0].lower() in FIRST_NAMES
                              and any(len(k) > 1 and k[0] == key[0] for k in occ)):
            continue  # "fair", "optimistic"; "Mitch" of "Mitch McConnell" (but "Jordan" the country)
        base = sum(score[t] for t in key) / (len(key) ** 0.5)
        if len(key) == 1 and c < 2 and not words[0][:1].isupper():
            base *= 0.6
        out.append(Phrase(base * (1.0 + 0.3 * math.log(c)), key, words, c))
    out.sort(key=lambda p: (-p.score, p.key))
    return out
