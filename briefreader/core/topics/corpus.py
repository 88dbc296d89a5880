"""Topics across briefings: segments of different briefings grouped by the cosine of
their tf-idf key-term vectors (single-pass centroid clustering over an inverted index),
so a reader can follow one subject across briefings in date order."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from briefreader.core.model import CorpusTopic, TopicSegment
from briefreader.core.topics.tokens import query_stems, surface_key, terms

TOPIC_SIM = 0.42  # cosine to a group's centroid that lets a segment join it
TOPIC_CANDIDATES = 12  # groups compared with each segment (those sharing most lead terms)
TOPIC_LEAD = 3  # a segment's leading terms, looked up among the groups' leading terms
GROUP_LEAD = 5  # a group's leading terms, by which segments find it


class _Entry(NamedTuple):
    """A segment of one briefing, as grouped."""

    date: str  # the briefing's date, or "9999-99-99"
    doc_id: str
    seg_index: int  # the segment's index in its briefing
    segment: TopicSegment


class _KeyTerms(NamedTuple):
    """A segment's key terms."""

    weights: dict[str, float]  # stem -> weight
    forms: dict[str, str]  # stem -> the surface word seen first


def _segment_terms(seg: TopicSegment) -> _KeyTerms:
    """Weighted stems of a segment's label and keywords (its key terms), and the
    surface word seen for each stem."""
    c: dict[str, float] = defaultdict(float)
    forms: dict[str, str] = {}
    toks, stems = terms(seg.label)
    for tok, st in zip(toks, stems, strict=True):
        if st:
            c[st] += 2.0
            forms.setdefault(st, surface_key(tok))
    for rank, kw in enumerate(seg.keywords):
        toks, stems = terms(kw)
        for tok, st in zip(toks, stems, strict=True):
            if st:
                c[st] += 1.5 - 0.1 * rank
                forms.setdefault(st, surface_key(tok))
    return _KeyTerms(c, forms)


@dataclass(slots=True)
class _Group:
    """A group of segments: the centroid of their vectors, and its leading terms."""

    centroid: dict[str, float]
    norm: float
    members: list[int]
    lead: set[str]


class _Ranked(NamedTuple):
    """A group kept, with what ranks it."""

    level: int  # how the query names it: 1 in its label or keywords, 0 in its members'
    briefings: int
    segments: int
    topic: CorpusTopic


def corpus_topics(
    items: Iterable[tuple[str, str | None, Sequence[TopicSegment]]],
    query: str | None = None,
    limit: int = 50,
) -> list[CorpusTopic]:
    """Group segments of different briefings that speak of the same subject.

    ``items`` holds (document id, date or None, that briefing's segments). Segments are
    compared by the cosine of tf-idf vectors of their key terms (label and keywords),
    grouped in one pass in date order (a segment joins the closest group whose
    centroid shares a leading term, if close enough), and a group is kept when it spans
    two briefings or more; its members are in date order. With ``query``, only groups
    whose label, keywords or member summaries hold every query word (stemmed) are
    returned. Groups come largest first (by briefings)."""
    entries: list[_Entry] = []
    for doc_id, date, segs in items:
        for si, seg in enumerate(segs):
            entries.append(_Entry(date or "9999-99-99", doc_id, si, seg))
    if not entries:
        return []
    entries.sort(key=lambda x: (x.date, x.doc_id, x.seg_index))
    raw = [_segment_terms(e.segment) for e in entries]
    n = len(entries)
    df: Counter[str] = Counter()
    for kt in raw:
        df.update(kt.weights.keys())
    idf = {t: math.log((n + 1) / d) for t, d in df.items()}
    vecs: list[dict[str, float]] = []
    for kt in raw:
        strongest = sorted(((t, x * idf[t]) for t, x in kt.weights.items()), key=lambda kv: -kv[1])[:10]
        norm = math.sqrt(sum(x * x for _, x in strongest)) or 1.0
        vecs.append({t: x / norm for t, x in strongest})

    groups: list[_Group] = []
    postings: dict[str, set[int]] = defaultdict(set)
    for i, v in enumerate(vecs):
        if not v:
            continue
        shared: Counter[int] = Counter()
        for t in list(v)[:TOPIC_LEAD]:
            shared.update(postings.get(t, ()))
        best, best_sim = -1, TOPIC_SIM
        for gi, _ in shared.most_common(TOPIC_CANDIDATES):
            g = groups[gi]
            c = g.centroid
            sim = sum(x * c.get(t, 0.0) for t, x in v.items()) / g.norm
            if sim > best_sim:
                best, best_sim = gi, sim
        if best < 0:
            groups.append(_Group(dict(v), 1.0, [i], set()))
            best = len(groups) - 1
        else:
            g = groups[best]
            m = len(g.members)
            c = {t: x * m / (m + 1) for t, x in g.centroid.items()}
            for t, x in v.items():
                c[t] = c.get(t, 0.0) + x / (m + 1)
            if len(c) > 40:
                c = dict(sorted(c.items(), key=lambda kv: -kv[1])[:40])
            g.centroid = c
            g.norm = math.sqrt(sum(x * x for x in c.values())) or 1.0
            g.members.append(i)
        g = groups[best]
        lead = set(sorted(g.centroid, key=g.centroid.__getitem__, reverse=True)[:GROUP_LEAD])
        for t in g.lead - lead:
            postings[t].discard(best)
        for t in lead - g.lead:
            postings[t].add(best)
        g.lead = lead

    qstems = query_stems(query) if query else []
    topics: list[_Ranked] = []
    for g in groups:
        mem = g.members
        docs = {entries[i].doc_id for i in mem}
        if len(docs) < 2:
            continue
        c = g.centroid
        top = sorted(c, key=lambda t: (-c[t], t))[:8]
        surface: dict[str, str] = {}
        for t in top:
            seen = Counter(raw[i].forms[t] for i in mem if t in raw[i].forms)
            surface[t] = seen.most_common(1)[0][0] if seen else t
        keywords = tuple(dict.fromkeys(surface[t] for t in top))
        label = _topic_label(entries, mem, c, surface, top)
        level = _topic_matches(qstems, label, keywords, entries, mem) if qstems else 0
        if level < 0:
            continue
        ordered = tuple((entries[i].doc_id, entries[i].seg_index) for i in mem)
        topics.append(_Ranked(level, len(docs), len(mem), CorpusTopic(label, keywords, ordered)))
    # groups named by the query first, then by size
    topics.sort(key=lambda x: (-x.level, -x.briefings, -x.segments, x.topic.label))
    return [t.topic for t in topics[:limit]]


def _topic_label(entries: list[_Entry], mem: list[int], centroid: dict[str, float],
                 surface: dict[str, str], top: list[str]) -> str:
    """A group's label: the label phrase its members share most (weighted by the
    group's key terms), else its top terms."""
    phrases: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for i in mem:
        for part in entries[i].segment.label.split(", "):
            key = part.lower()
            if key:
                phrases[key] += 1
                shown.setdefault(key, part)
    best, best_score = "", 0.0
    for key, k in phrases.items():
        if k < 2:
            continue
        stems = [s for s in terms(key)[1] if s]
        weight = sum(centroid.get(s, 0.0) for s in stems)
        if weight <= 0:
            continue
        score = k * weight
        if score > best_score:
            best, best_score = shown[key], score
    return best or ", ".join(surface[t] for t in top[:3])


def _topic_matches(qstems: list[str], label: str, keywords: tuple[str, ...],
                   entries: list[_Entry], mem: list[int]) -> int:
    """1 when every query stem is in the group's label or keywords; 0 when the rest
    are in the label, keywords or summary of its members; -1 when not."""
    have = {s for s in terms(" ".join((label,) + keywords))[1] if s}
    need = [q for q in qstems if q not in have]
    if not need:
        return 1
    for i in mem:
        seg = entries[i].segment
        stems = set(terms(" ".join((seg.label, seg.summary) + seg.keywords))[1])
        need = [q for q in need if q not in stems]
        if not need:
            return 0
    return -1
