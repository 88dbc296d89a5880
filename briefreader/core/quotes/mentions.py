"""Mentions of people in the narration of a document (its quotes masked).

A *mention* is a place in the text where a person is named ("Kremlin spokesman
Dmitry Peskov", "Peskov", "Mr. Peskov") or referred to by a role introduced
with a name ("the Kremlin spokesman"). ``Mentions`` scans the runs of
capitalised words once (they introduce the document's persons into
:class:`~.people.People`); surnames standing alone and role noun phrases are
looked for lazily, chunk by chunk, where a pronoun needs them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from briefreader.core.quotes.lexicon import (
    COMMON_ROLES,
    CUE_FINITE,
    NAME_SUFFIXES,
    ROLE_HEADS,
    ROLE_NORMAL,
    SPEAKER_NOUNS,
    STOP_CAPS,
    SUBJECT_BEFORE,
    SUBORDINATORS,
    TITLE_MODIFIERS,
    TITLE_WORDS,
)
from briefreader.core.quotes.names import (
    RUN2_RE,
    cut_possessive,
    is_title,
    lower_token,
    person_of_run,
)
from briefreader.core.quotes.patterns import MASK
from briefreader.core.quotes.people import People, Person

CHUNK = 2048  # characters of text per lazily scanned chunk
_DETS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our"})
_WORD_BEFORE_RE = re.compile(r"([^\W\d_][\w’'\-.]*)\W*$")


def word_hits(hay: str, word: str, lo: int, hi: int, before: str, after: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each ``word`` in ``hay`` starting in ``[lo, hi)`` that is not part of
    a longer word: no letter or digit, nor one of ``before`` / ``after``, touches it."""
    n = len(word)
    i = hay.find(word, lo, hi + n)
    while 0 <= i < hi:
        s0, e0 = i, i + n
        i = hay.find(word, e0, hi + n)
        if s0 > 0 and (hay[s0 - 1].isalnum() or hay[s0 - 1] in before):
            continue
        if e0 < len(hay) and (hay[e0].isalnum() or hay[e0] in after):
            continue
        yield s0, e0


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    person: Person | None  # None: someone the text does not name ("an alderman")
    subject: bool
    subordinate: bool = False  # the subject of a subordinate clause ("after Judge X ruled")


class RoleNP(NamedTuple):
    """The words before a role noun: "the Kremlin" before "spokesman"."""

    start: int
    determiner: str
    mods: tuple[str, ...]


def role_np_before(text: str, s0: int) -> RoleNP | None:
    """The determiner and modifiers before a role noun at ``s0``, or None."""
    window = text[max(0, s0 - 60):s0]
    if not window.endswith((" ", "\n")):
        return None
    words = list(re.finditer(r"[^\s]+", window))
    mods: list[str] = []
    for w in reversed(words[-5:]):
        tok = w.group()
        low = tok.lower()
        if low in _DETS or (low.endswith(("’s", "'s")) and tok[:1].isupper()):
            return RoleNP(max(0, s0 - 60) + w.start(), low, tuple(reversed(mods)))
        if not tok[-1:].isalnum() or len(mods) >= 3:
            return None
        mods.append(low)
    return None


_CUE_AFTER_RE = re.compile(r"\s+(?:\w+\s+){0,2}?(?:" + "|".join(sorted(CUE_FINITE, key=len, reverse=True))
                           + r")\b")


def is_subject(text: str, start: int, end: int, possessive: bool) -> bool:
    """Whether a mention stands where a clause's subject stands (not after a
    preposition or a verb, not a possessive)."""
    return subject_kind(text, start, end, possessive) > 0


# a noun phrase opening its sentence, up to the noun: "The mayor", "Her lawyer"
_NP_STARTS_SENTENCE_RE = re.compile(r"(?:^|[.!?\n”\"]\s*)(?:[A-Z][\w’']*)(?:\s+[\w’'\-]+){0,3}\s+$")


def subject_kind(text: str, start: int, end: int, possessive: bool) -> int:
    """0: not a subject; 1: the subject of a clause; 2: the subject of a
    subordinate clause ("after Judge Ruth Abbot ruled", "when Smith left")."""
    if possessive:
        return 0
    j = start - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    # over a role before the name: "Kremlin spokesman Dmitry Peskov"
    k = j
    while k >= 0 and text[k].isalpha():
        k -= 1
    if text[k + 1:j + 1].lower() in ROLE_HEADS or text[k + 1:j + 1].lower() in TITLE_MODIFIERS:
        j = k
        while True:
            while j >= 0 and text[j] in " \t":
                j -= 1
            k = j
            while k >= 0 and (text[k].isalnum() or text[k] in "-.’'"):
                k -= 1
            word = text[k + 1:j + 1]
            if j >= 0 and ((word[:1].isupper() and word.lower() not in STOP_CAPS) or
                           word.lower() in TITLE_MODIFIERS):
                j = k
                continue
            break
    if j >= 1 and text[j] in "”\"’»" and text[j - 1] == MASK:
        # after a quotation: the subject of a cue ("“…,” Peskov said") — or an
        # apposition to it ("her “dear friend” Sarah Brady"), no subject
        return 1 if _CUE_AFTER_RE.match(text, end) else 0
    if j > 0 and text[j] == ",":
        w = _WORD_BEFORE_RE.search(text, max(0, j - 20), j)
        if w is not None and w.group(1)[:1].isupper() and w.group(1).lower() in TITLE_WORDS:
            return 0  # an apposition: "greeted by the First Lady, Carla Bruni"
        if w is not None and w.group(1)[:1].islower() and w.group(1) in SPEAKER_NOUNS and \
                not _NP_STARTS_SENTENCE_RE.search(text, max(0, w.start(1) - 40), w.start(1)):
            # an apposition inside a clause: "said the judge, Mary Lind, had ruled"
            # (but "The mayor, Lisa King, thanked her": the subject)
            return 0
    if j < 0 or text[j] in "\n.!?,;:—–(”\"’»":
        return 1
    mb = _WORD_BEFORE_RE.search(text, max(0, j - 20), j + 1)
    if not (mb and mb.group(1).lower() in SUBJECT_BEFORE):
        return 0
    return 2 if mb.group(1).lower() in SUBORDINATORS else 1


_ABBREV_ALT = "|".join(sorted({a.rstrip(".").capitalize() for a in TITLE_WORDS | NAME_SUFFIXES
                               if a.endswith(".")}, key=len, reverse=True))
# a word ending a sentence inside a run (not an abbreviated title: "Sen.", "Jr.")
_SENTENCE_END_TOKEN_RE = re.compile(r"(?<![^\s])(?!(?:" + _ABBREV_ALT + r")\.)[^\s.]{2,}\.(?=\s)")


_DOTTED = frozenset(w.rstrip(".") for w in TITLE_WORDS | NAME_SUFFIXES if w.endswith("."))


def _ends_inside(text: str, a: int, b: int) -> bool:
    """Whether a full stop that may end a sentence lies inside ``text[a:b]`` (not
    one of "Sen.", "Mr.", "J." or "U.S.")."""
    for sep in (". ", ".\n"):
        i = text.find(sep, a, b)
        while i >= 0:
            j = text.rfind(" ", a, i) + 1
            if j < a:
                j = a
            tok = text[j:i]
            if len(tok) >= 2 and "." not in tok and tok.lower() not in _DOTTED:
                return True
            i = text.find(sep, i + 1, b)
    return False


def _sentence_end_dot(tok: str) -> bool:
    """Whether the full stop ending a name's last word ends the sentence ("Hale."),
    not an initial, an abbreviation or a dotted title ("J.", "Jr.", "U.S.")."""
    return len(tok) > 2 and tok.endswith(".") and "." not in tok[:-1] and \
        tok[:-1].lower() not in _DOTTED


def _split_run(text: str, m: re.Match[str]) -> list[tuple[int, str]]:
    """The parts of the run ``m`` of capitalised words within one sentence, where
    a sentence ends inside it ("… Congresswoman Ann Gifford. Gifford, who …")."""
    out: list[tuple[int, str]] = []
    run, base = m.group(), m.start()
    start = 0
    for t in _SENTENCE_END_TOKEN_RE.finditer(run):
        if is_title(lower_token(t.group())):
            continue  # a title written without its full stop in the list
        if " " in run[start:t.end() - 1].strip():
            out.append((base + start, run[start:t.end() - 1]))
        start = t.end()
        while start < len(run) and run[start].isspace():
            start += 1
    if " " in run[start:].strip():
        out.append((base + start, run[start:]))
    return out


def _sentence_pieces(text: str) -> list[tuple[int, str]]:
    """The runs of two or more capitalised words, cut where a sentence ends
    inside one (most runs hold no full stop: the run itself, with no call made)."""
    out: list[tuple[int, str]] = []
    for m in RUN2_RE.finditer(text):
        g = m.group()
        if (". " in g or ".\n" in g) and _ends_inside(text, m.start(), m.end()):
            out.extend(_split_run(text, m))
        else:
            out.append((m.start(), g))
    return out


class Mentions:
    """The mentions of persons in ``masked`` (the text with its quotes masked)."""

    def __init__(self, masked: str, people: People) -> None:
        self.masked = masked
        self.people = people
        self.seen_ends: set[int] = set()
        self.pass1 = self._scan_names()
        self._p1_starts = [x.start for x in self.pass1]
        self._surnames = people.surnames()
        words: set[str] = set(COMMON_ROLES)
        for h in people.role_heads():
            words.add(h)
            words.update(k for k, v in ROLE_NORMAL.items() if v == h)
        self._role_words = sorted(words)
        self._lower = masked.lower()
        self._chunks: dict[int, list[Mention]] = {}

    def _scan_names(self) -> list[Mention]:
        """Pass 1: runs of two or more capitalised words name (and introduce)
        persons, in text order."""
        text = self.masked
        people = self.people
        found: list[Mention] = []
        for s0, run in _sentence_pieces(text):
            if s0 > 0 and (text[s0 - 1].isalnum() or text[s0 - 1] in "’'-_"):
                continue
            tokens = run.split()
            if len(tokens) == 2 and lower_token(tokens[0]) in STOP_CAPS and \
                    lower_token(tokens[1]) in STOP_CAPS:
                continue
            tokens, poss = cut_possessive(tokens)
            while tokens and not tokens[-1][-1:].isalnum() and tokens[-1][-1:] != ".":
                tokens[-1] = tokens[-1][:-1]
                if not tokens[-1]:
                    tokens.pop()
            if tokens and tokens[-1][-1] == "." and _sentence_end_dot(tokens[-1]):
                tokens[-1] = tokens[-1][:-1]  # "… met Tom Hale." ends the sentence
            read = person_of_run(text, s0, tokens)
            if read is None:
                continue
            parse, nm = read
            name_start = s0
            if parse.prefix:
                idx = run.rfind(parse.name[0])
                name_start = s0 + max(idx, 0)
            end = s0 + run.find(parse.name[-1]) + len(parse.name[-1])
            p = people.person(nm, parse.gender)
            if p is None:
                continue
            if parse.role:
                people.add_role(p, parse.role, name_start)
            kind = subject_kind(text, s0, end, poss)
            found.append(Mention(name_start, end, p, kind > 0, kind == 2))
            self.seen_ends.add(end)
        people.sort_roles()
        return sorted(found, key=lambda x: x.start)

    def chunk(self, k: int) -> list[Mention]:
        """The mentions starting in chunk ``k`` of the text, in text order."""
        got = self._chunks.get(k)
        if got is not None:
            return got
        lo, hi = k * CHUNK, min(len(self.masked), (k + 1) * CHUNK)
        out: list[Mention] = []
        i0 = bisect.bisect_left(self._p1_starts, lo)
        i1 = bisect.bisect_left(self._p1_starts, hi)
        out.extend(self.pass1[i0:i1])
        self._surname_mentions(lo, hi, out)
        self._role_mentions(lo, hi, out)
        out.sort(key=lambda x: x.start)
        self._chunks[k] = out
        return out

    def _surname_mentions(self, lo: int, hi: int, out: list[Mention]) -> None:
        """Surnames standing alone ("Peskov said")."""
        text = self.masked
        seen_ends = self.seen_ends
        for sur in self._surnames:
            for s0, e0 in word_hits(text, sur, lo, hi, before="’'-", after="-"):
                nxt = text[e0:e0 + 2]
                if e0 in seen_ends:
                    continue
                poss = nxt in ("’s", "'s")
                j = s0
                while j > 0 and text[j - 1] in " \t":
                    j -= 1
                if j < s0:
                    prev = text[max(0, j - 14):j].split()
                    if prev and prev[-1][:1].isupper() and lower_token(prev[-1]) not in STOP_CAPS \
                            and not is_title(lower_token(prev[-1])):
                        continue  # inside a longer name
                p = self.people.surname(sur)
                if p is not None:
                    kind = subject_kind(text, s0, e0, poss)
                    out.append(Mention(s0, e0, p, kind > 0, kind == 2))

    def _role_mentions(self, lo: int, hi: int, out: list[Mention]) -> None:
        """Role noun phrases: "the Kremlin spokesman" (the person introduced with
        the role), "the Vice President" or "an alderman" (someone not named)."""
        text = self.masked
        lower = self._lower
        for w in self._role_words:
            for s0, e0 in word_hits(lower, w, lo, hi, before="-’'", after="-’'"):
                nxt = text[e0:e0 + 2]
                if nxt[:1] == " " and nxt[1:2].isupper():
                    continue  # "the Kremlin spokesman Dmitry Peskov": a title
                np = role_np_before(text, s0)
                if np is None:
                    continue
                p = None
                if np.determiner not in ("a", "an"):
                    p = self.people.resolve_role(w, np.mods, s0)
                out.append(Mention(np.start, e0, p, is_subject(text, np.start, e0, False)))
