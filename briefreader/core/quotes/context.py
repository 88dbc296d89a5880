"""The shared context of one extraction: the briefing, its blocks, the masked
text (quotes replaced by ``MASK`` once the candidates are found), transcript
turns, and the document's people (built lazily over the masked text)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from briefreader.core.model import Block, Briefing
from briefreader.core.quotes.lexicon import ABBREVIATIONS
from briefreader.core.quotes.mentions import Mentions
from briefreader.core.quotes.patterns import BOUNDARY_RE, CLOSERS
from briefreader.core.quotes.people import People
from briefreader.core.quotes.pronouns import Antecedents


def paragraph_blocks(text: str) -> tuple[Block, ...]:
    """One paragraph block a non-blank line (for a briefing without blocks)."""
    return tuple(Block("paragraph", m.start(), m.end(), m.group())
                 for m in re.finditer(r"[^\n]+", text) if m.group().strip())


# a name and its acronym in parentheses: "Korean Central News Agency (KCNA)"; the
# parenthesis found first, the name then looked for just before it (a scan of the
# name pattern from every capital of the text cost more than the rest of a document)
_ACRONYM_PAREN_RE = re.compile(r"\(([A-Z]{2,8})\)")
_ACRONYM_NAME_RE = re.compile(r"(?:[A-Z][\w’'\-]*\s+(?:(?:of|for|and|the)\s+)*){1,8}\Z")
_ACRONYM_WINDOW = 400


def _span(phrase: str, n_caps: int) -> int:
    """How many words of ``phrase`` (from the end) hold its last ``n_caps`` capitalised ones."""
    words = phrase.split()
    k, caps = len(words), 0
    while k > 0 and caps < n_caps:
        k -= 1
        caps += words[k][:1].isupper()
    return len(words) - k


class Cast(NamedTuple):
    """The persons of the document, and what resolves its pronouns."""

    people: People
    antecedents: Antecedents


@dataclass(slots=True)
class Doc:
    briefing: Briefing
    text: str
    blocks: tuple[Block, ...]
    masked: str  # the text until the quotes are masked
    turn_first: dict[int, int]  # block of a transcript turn -> first block of its turn
    transcript: bool
    _cast: Cast | None = field(default=None, repr=False)
    _acronyms: dict[str, str] | None = field(default=None, repr=False)

    @property
    def acronyms(self) -> dict[str, str]:
        """Acronyms the text defines: "Korean Central News Agency (KCNA)" -> KCNA."""
        if self._acronyms is None:
            self._acronyms = {}
            text = self.text
            for m in _ACRONYM_PAREN_RE.finditer(text):
                before = text[max(0, m.start() - _ACRONYM_WINDOW):m.start()]
                n = _ACRONYM_NAME_RE.search(before)
                if n is None:
                    continue
                phrase, acr = n.group(), m.group(1)
                words = [w for w in phrase.split() if w[:1].isupper()]
                if len(acr) <= len(words) and \
                        "".join(w[0] for w in words[-len(acr):]).upper() == acr.upper():
                    self._acronyms[acr] = " ".join(phrase.split()[-_span(phrase, len(acr)):])
        return self._acronyms

    @classmethod
    def of(cls, briefing: Briefing) -> Doc:
        blocks = briefing.blocks or paragraph_blocks(briefing.text)
        turn_first: dict[int, int] = {}
        transcript = any(bl.kind == "turn" for bl in blocks)
        if transcript:
            first: dict[int, int] = {}
            for bi, bl in enumerate(blocks):
                if bl.kind == "turn" and bl.turn >= 0:
                    turn_first[bi] = first.setdefault(bl.turn, bi)
        return cls(briefing, briefing.text, blocks, briefing.text, turn_first, transcript)

    # -- the people of the document (over the masked text: first used after masking) --
    @property
    def cast(self) -> Cast:
        if self._cast is None:
            b = self.briefing
            people = People(dict(b.speakers), b.title)
            self._cast = Cast(people, Antecedents(Mentions(self.masked, people)))
        return self._cast

    @property
    def people(self) -> People:
        return self.cast.people

    @property
    def antecedents(self) -> Antecedents:
        return self.cast.antecedents

    # -- the masked text -------------------------------------------------------------
    def sentence(self, pos: int, lo: int, hi: int) -> tuple[int, int]:
        """The sentence of the masked text around ``pos``, inside ``[lo, hi)``."""
        m = self.masked
        start = lo
        wlo = max(lo, pos - 600)
        for b in BOUNDARY_RE.finditer(m, wlo, pos):
            if not _is_abbrev(m, b.start(), wlo):
                start = b.end()
        end = hi
        for b in BOUNDARY_RE.finditer(m, pos, min(hi, pos + 600)):
            if not _is_abbrev(m, b.start(), pos):
                end = b.end()
                break
        while start < pos and m[start].isspace():
            start += 1
        return start, end

    def starts_sentence(self, o: int, lo: int) -> bool:
        """Whether the opening mark at ``o`` starts a sentence (of the block at ``lo``)."""
        m = self.masked
        j = o - 1
        while j >= lo and m[j].isspace():
            j -= 1
        if j < lo:
            return True
        if m[j] in ".!?:":
            return True
        return m[j] in CLOSERS and j > lo and m[j - 1] in ".!?"

    def starts_block(self, pos: int) -> bool:
        """Whether only spaces stand between a line's start and ``pos``."""
        m = self.masked
        j = pos - 1
        while j >= 0 and m[j] in " \t":
            j -= 1
        return j < 0 or m[j] == "\n"


def _is_abbrev(m: str, dot: int, lo: int) -> bool:
    if m[dot] != ".":
        return False
    j = dot
    while j > lo and not m[j - 1].isspace():
        j -= 1
    word = m[j:dot].lower().lstrip("(“\"[")
    if not word:
        return False
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())
