"""Pronoun resolution: the person "he" or "she" refers to.

``Antecedents`` keeps the speakers already attributed (at their cue's
position) beside the document's mentions, and resolves a pronoun to the most
recent compatible one.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from briefreader.core.quotes.mentions import CHUNK, Mention, Mentions
from briefreader.core.quotes.people import Person

_CAP_WORD_RE = re.compile(r"\b[A-Z][a-z]+\b")


class Event(NamedTuple):
    """A speaker attributed at ``pos`` (the mention that named them)."""

    pos: int
    person: Person


class Antecedents:
    def __init__(self, mentions: Mentions, strict: bool = True) -> None:
        self.mentions = mentions
        # strict: a pronoun resolves only when no one else it fits could be meant
        self.strict = strict
        self.events: list[Event] = []  # attributed speakers, in text order
        self.event_pos: list[int] = []

    def add_event(self, pos: int, person: Person) -> None:
        k = bisect.bisect_left(self.event_pos, pos)
        self.event_pos.insert(k, pos)
        self.events.insert(k, Event(pos, person))

    def resolve_pronoun(self, pos: int, gender: str | None,
                        window: int = 2500) -> Person | None:
        """The person a pronoun at ``pos`` refers to: the latest compatible subject
        mention or attributed speaker, else the latest compatible mention. None
        when that is someone the text does not name ("the Vice President said —
        she said" with no Vice President named)."""
        masked = self.mentions.masked
        fallback: Mention | None = None
        subject: Mention | None = None
        k = min(pos, len(masked) - 1) // CHUNK if masked else -1
        done = False
        while k >= 0 and not done:
            chunk = self.mentions.chunk(k)
            k -= 1
            for m in reversed(chunk):
                if m.end > pos:
                    continue
                if pos - m.start > window:
                    done = True
                    break
                g = m.person.gender if m.person is not None else None
                if gender and g and g != gender:
                    continue
                if fallback is None:
                    fallback = m
                if m.subject and subject is not None:
                    # the subject of a subordinate clause was seen: the sentence's own
                    # subject, if one comes earlier in the same sentence, wins
                    if not _same_sentence(masked, m.end, subject.start):
                        done = True
                        break
                    if not m.subordinate:
                        subject = m
                        done = True
                        break
                elif m.subject:
                    subject = m
                    if not m.subordinate:
                        done = True
                        break
        j = bisect.bisect_left(self.event_pos, pos) - 1
        event: Event | None = None
        while j >= 0:
            ev = self.events[j]
            j -= 1
            if pos - ev.pos > window:
                break
            g = ev.person.gender
            if gender and g and g != gender:
                continue
            event = ev
            break
        if event is not None and (subject is None or event.pos > subject.start):
            chosen, apos = event.person.canon(), event.pos
        else:
            best = subject or fallback
            if best is None or best.person is None:
                return None
            chosen, apos = best.person.canon(), best.start
        if self.strict and self._ambiguous(chosen, apos, pos, gender):
            return None
        return chosen

    def _ambiguous(self, chosen: Person, apos: int, pos: int, gender: str | None) -> bool:
        """Whether a pronoun at ``pos`` resolved to ``chosen`` (named at ``apos``)
        could as well mean someone else: another person the pronoun fits is the
        subject of a main clause between them (or, of the pronoun's gender, earlier in
        the antecedent's sentence), or the antecedent is in an earlier paragraph
        and a person of the pronoun's gender is named in the pronoun's own
        paragraph before it."""
        masked = self.mentions.masked
        para = masked.rfind("\n", 0, pos)  # the pronoun's paragraph starts after it
        breaks = para > apos
        lo = max(masked.rfind(ch, 0, apos) for ch in ".!?\n") + 1
        k = lo // CHUNK
        while k * CHUNK < pos:
            for m in self.mentions.chunk(k):
                if m.start < lo or m.start == apos or m.end > pos or m.person is None:
                    continue
                other = m.person.canon()
                if other is chosen:
                    continue
                g = other.gender
                if gender is not None and g is not None and g != gender:
                    continue
                if m.start < apos:
                    if m.subject and g is not None:
                        return True  # "Ann Baker said Carla Diaz had ...": either
                elif (m.subject and not m.subordinate) or \
                        (breaks and m.start > para and g is not None):
                    return True
            k += 1
        return breaks and self._first_name_between(chosen, para, pos, gender)

    def _first_name_between(self, chosen: Person, lo: int, hi: int,
                            gender: str | None) -> bool:
        """Whether someone else the pronoun fits, named in full earlier, is named by
        first name alone in ``[lo, hi)`` ("Thomas' sister asked him …")."""
        first: dict[str, list[Person]] = {}
        for p in self.mentions.people.persons.values():
            c = p.canon()
            words = c.name.split()
            if len(words) >= 2 and c is not chosen:
                first.setdefault(words[0], []).append(c)
        for w in _CAP_WORD_RE.findall(self.mentions.masked, lo, hi):
            for c in first.get(w, ()):
                if gender is None or c.gender is None or c.gender == gender:
                    if w not in chosen.name.split():
                        return True
        return False


def _same_sentence(text: str, lo: int, hi: int) -> bool:
    """Whether no sentence ends between ``lo`` and ``hi``."""
    return not any(ch in ".!?\n" for ch in text[lo:hi])
