"""The records the phases of quote extraction pass each other: a quote
candidate (a quoted region and what is learnt about it) and a reference to a
speaker found in the narration."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, NamedTuple

from briefreader.core.model import QuoteKind
from briefreader.core.quotes.people import Person

# how a speaker was found: a name, a pronoun or a role noun phrase before or after a
# cue verb; a label ("Sen. Ted Cruz: “…”"); a round-up heading; another quote's
RefKind = Literal["explicit", "pronoun", "role"]
How = Literal["explicit", "pronoun", "role", "label", "heading", "inherited"]


class SpeakerRef(NamedTuple):
    """The speaker a phrase of the narration names. ``person`` and ``name`` are
    both None for someone the text does not let us resolve ("he" with no
    antecedent, "a flight attendant"); ``name`` alone is set for a speaker who
    is no person of the document (an organisation, "X and Y")."""

    how: RefKind
    person: Person | None
    mention: str  # the words that name the speaker
    pos: int  # where they start in the text
    name: str | None = None


class HeadingSpeaker(NamedTuple):
    """The person a round-up heading names ("Secretary X on Fox News Sunday")."""

    name: str
    mention: str


@dataclass(slots=True)
class Candidate:
    """A quoted region (marks excluded) of one block, and its attribution."""

    start: int
    end: int
    open: int  # the opening mark
    close: int  # the closing mark; -1: the paragraph ends the piece (multi-paragraph quote)
    block: int
    prev: Candidate | None = None  # previous paragraph's piece of the same quote
    split: bool = False  # continues the previous quote (“We will,” he said, “do it.”)
    speaker: str | None = None
    person: Person | None = None
    mention: str | None = None
    cue: str | None = None
    kind: QuoteKind = "direct"
    how: How | None = None
    attr_end: int = -1  # the end of the attribution after the quote
    drop: bool = False  # not a quote (a term, a title, scare quotes)
    turn: int = -1  # first block of the enclosing transcript turn
