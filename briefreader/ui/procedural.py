"""Procedural turns of a briefing ("Hi, everybody.", "Go ahead.", "Okay.", "Thank
you."): hidden in the Quotes tab by default.

A UI-side stand-in: the core is getting a ``procedural`` flag on ``Quote``; when it
lands, ``is_procedural`` becomes ``quote.procedural`` (one place to change).
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

MAX_WORDS = 12  # a longer turn is never procedural
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@cache
def procedural_words() -> frozenset[str]:
    text = files("briefreader.ui").joinpath("procedural_words.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def is_procedural(text: str) -> bool:
    """A short turn made only of greetings, thanks and turn-giving ("Go ahead, Steve"
    is procedural too: one name after them is allowed)."""
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text)]
    if not words or len(words) > MAX_WORDS:
        return False
    known = procedural_words()
    other = [w for w in words if w not in known]
    if not other:
        return True
    # "Go ahead, Steve." / "Yeah, Mary." / "Thanks, Jen.": one name, capitalised in the text
    return len(other) == 1 and len(words) >= 2 and re.search(rf"\b{other[0].capitalize()}\b", text) is not None
