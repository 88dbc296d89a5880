"""Subject starts in a transcript.

A reporter's question opens a subject unless it follows up: a question that names the
subject under way ("On the sanctions, …"), or shares enough of its key terms (a long
question needs more, a follow-up cue less); a switch cue ("Switching topics",
"separately") always opens one, and lead-ins with no content ("Just one more.") or the
rest of an interrupted question never do. The briefer's statements are split per
announcement (paragraph cues, a new official taking the floor, low cohesion); an answer
splits where it takes up the second part of a question.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from briefreader.core.model import Block
from briefreader.core.topics.cohesion import cos, sum_vecs
from briefreader.core.topics.cues import (
    ABOUT_CUE,
    ANSWER_PART,
    CLOSING_CUE,
    FOLLOW_UP,
    HOSTS,
    INTERRUPTED,
    LABEL_CUE,
    ON_CUE,
    SWITCH,
    strip_greeting,
)
from briefreader.core.topics.document import Doc, block_body
from briefreader.core.topics.params import (
    ANSWER_WEIGHT,
    FOLLOW_FACTOR,
    LONG_FACTOR,
    LONG_QUESTION,
    QUESTION_MIN_CONTENT,
    QUESTION_SIM,
    SPEAKER_MIN_CONTENT,
    STATEMENT_MIN_CONTENT,
)
from briefreader.core.topics.prose import prose_starts
from briefreader.core.topics.tokens import terms


def _turn_heads(blocks: Sequence[Block]) -> list[bool]:
    heads = []
    prev_turn = None
    for blk in blocks:
        head = blk.kind == "turn" and (blk.label_start >= 0 or blk.turn != prev_turn)
        heads.append(head)
        if blk.kind == "turn":
            prev_turn = blk.turn
    return heads


def _statement_starts(doc: Doc, lo: int, hi: int, heads: list[bool]) -> list[int]:
    """Announcements within a briefer's statement ``[lo, hi)``: each new official who
    takes the floor with remarks of their own, then cues and cohesion dips in each
    official's remarks."""
    blocks = doc.briefing.blocks
    parts = [lo]
    for bi in range(lo + 1, hi):
        blk = blocks[bi]
        if not heads[bi] or HOSTS.search(blk.speaker_label or ""):
            continue
        # the speaker's whole turn
        e = bi + 1
        while e < hi and not heads[e]:
            e += 1
        if sum(doc.content[bi:e]) >= SPEAKER_MIN_CONTENT and blk.speaker != blocks[parts[-1]].speaker:
            parts.append(bi)
    starts: list[int] = []
    for a, z in zip(parts, parts[1:] + [hi], strict=True):
        starts.extend(prose_starts(doc, a, z, statement=True))
    return starts


def _answer_starts(doc: Doc, lo: int, hi: int) -> list[int]:
    """Where an answer takes up another part of a two-part question ("On your second
    question, …"), and closing announcements ("Before we close, …"), which go on as a
    statement."""
    out = []
    for bi in range(lo + 1, hi):
        if doc.content[bi] < STATEMENT_MIN_CONTENT:
            continue
        head = block_body(doc, bi)[:160]
        if CLOSING_CUE.match(head):
            out.extend(prose_starts(doc, bi, hi, statement=True))
            break
        if ANSWER_PART.match(head) or LABEL_CUE.match(head):
            out.append(bi)
    return out


@dataclass(slots=True)
class Subject:
    """The subject under way in a transcript: its weighted terms, and those of the
    latest exchange."""

    all: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    recent: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    def reset(self) -> None:
        self.all = defaultdict(float)
        self.recent = defaultdict(float)

    def add(self, doc: Doc, lo: int, hi: int, recent: bool = True) -> None:
        idf = doc.idf
        if recent:
            self.recent = defaultdict(float)
        for bi in range(lo, hi):
            for t, v in doc.block_vec[bi].items():
                w = v * idf[t]
                self.all[t] += w
                self.recent[t] += w


@dataclass(slots=True, frozen=True)
class QuestionFeatures:
    """What decides whether a question opens a subject."""

    switch: bool  # a cue that announces a change of subject ("Switching topics")
    follow: bool  # a follow-up cue ("to follow up", "on that")
    qterms: int  # content terms of the question (distinct in each of its blocks)
    sim: float  # closeness to the subject under way, or to its latest exchange
    named: bool | None  # it names the subject under way (True), another one (False), none (None)


def question_features(doc: Doc, i: int, j: int, k: int, cur: Subject) -> QuestionFeatures:
    """What decides whether the question at blocks ``[i, j)`` (answered by
    ``[j, k)``) opens a subject: cue phrases and how much it shares with the
    subject under way."""
    raw = " ".join(block_body(doc, bi) for bi in range(i, j)).strip()
    q = strip_greeting(raw)
    qvec: dict[str, float] = defaultdict(float)
    for bi in range(i, j):
        for t, n in doc.block_vec[bi].items():
            qvec[t] += n * doc.idf[t]
    # the question, and half the first paragraph of its answer
    for t, v in sum_vecs(doc, j, min(k, j + 1)).items():
        qvec[t] += ANSWER_WEIGHT * v
    named: bool | None = None
    m = ON_CUE.match(q) or ABOUT_CUE.match(q)
    if m:
        stems = [s for s in terms(m.group(1))[1] if s and s not in doc.names]
        if stems:
            # named: one of the subject's leading terms, or used twice in it
            top = set(sorted(cur.all, key=cur.all.__getitem__, reverse=True)[:15])
            named = any(s in top or cur.all.get(s, 0.0) >= 2 * doc.idf.get(s, 9.0) for s in stems)
    return QuestionFeatures(
        switch=bool(SWITCH.search(q[:150]) or SWITCH.search(raw[:60])),
        follow=bool(FOLLOW_UP.search(q[:100])),
        qterms=sum(1 for bi in range(i, j) for _ in doc.block_vec[bi]),
        sim=max(cos(qvec, cur.all), cos(qvec, cur.recent)),
        named=named,
    )


def _question_opens(f: QuestionFeatures) -> bool:
    if f.switch:
        return True
    if f.named is not None:
        return not f.named
    # A long question brings in new matter: it needs more in common with the
    # subject under way to count as a follow-up.
    th = QUESTION_SIM * (LONG_FACTOR if f.qterms >= LONG_QUESTION else 1.0)
    if f.follow:
        th *= FOLLOW_FACTOR
    return f.sim < th


class _Run(NamedTuple):
    """A reporter's question (one or more reporter blocks), or the blocks up to the
    next question (answers, stage directions, other officials)."""

    question: bool
    start: int
    end: int


def _runs(blocks: Sequence[Block], lo: int, hi: int) -> list[_Run]:
    runs: list[_Run] = []
    i = lo
    while i < hi:
        q = blocks[i].is_question
        j = i + 1
        while j < hi and blocks[j].is_question == q:
            j += 1
        runs.append(_Run(q, i, j))
        i = j
    return runs


def transcript_starts(doc: Doc, lo: int, hi: int) -> list[int]:
    """Subject starts of the transcript blocks ``[lo, hi)``."""
    blocks = doc.briefing.blocks
    heads = _turn_heads(blocks)
    starts = [lo]
    cur = Subject()
    runs = _runs(blocks, lo, hi)
    substantive_q = False  # a real question has been asked in this range
    for r, (is_q, a, z) in enumerate(runs):
        if is_q:
            content = sum(doc.content[a:z])
            if content < QUESTION_MIN_CONTENT or INTERRUPTED.match(block_body(doc, a)):
                # "Good afternoon." "Just one last one." "(Inaudible.)", or the rest
                # of a question cut off by an answer ("Q — which the President…")
                cur.add(doc, a, z, recent=False)
                continue
            k = runs[r + 1].end if r + 1 < len(runs) else z
            if not cur.all:
                opens = a > lo
            else:
                opens = _question_opens(question_features(doc, a, z, k, cur))
            if opens:
                starts.append(a)
                cur.reset()
            cur.add(doc, a, z)
            substantive_q = True
            continue
        if not substantive_q and sum(doc.content[a:z]) >= STATEMENT_MIN_CONTENT:
            parts = _statement_starts(doc, a, z, heads)
            for s in parts:
                if s > lo:
                    starts.append(s)
            last = parts[-1] if parts else a
            if last > a:
                cur.reset()
            cur.add(doc, last, z)
        else:
            parts = _answer_starts(doc, a, z)
            if parts:
                starts.extend(parts)
                cur.reset()
                cur.add(doc, parts[-1], z)
            else:
                cur.add(doc, a, z, recent=False)
    return sorted(set(starts))
