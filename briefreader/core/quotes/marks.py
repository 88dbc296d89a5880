"""Quotation-mark pairing for quote extraction (pure Python, no I/O).

``pair_marks(text, start, end)`` finds the quoted regions of one paragraph
``text[start:end]``: it pairs opening and closing marks from a table of rules
(one a mark character), never treats apostrophes (don't, Russia’s, the ’90s) as
marks, leaves stray marks alone, and reports nesting. A region whose opening
mark is never closed in the paragraph is reported as *open*: the caller decides
whether it continues into the next paragraph (a multi-paragraph quote) or is a
stray mark.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

# Families of marks:
#   D: double (“ ” and straight "), S: single (‘ ’), A: angle (« »), a: single angle (‹ ›),
#   G: German low-high („ “/”), g: German single (‚ ‘/’), R/r: reversed angle (» «, › ‹)
MARK_CHARS = "“”\"‘’«»„‹›‚"
MARK_RE = re.compile("[" + re.escape(MARK_CHARS) + "]")
# the marks that may open a quote
OPEN_MARKS = "“\"‘«„‹»"
OPEN_MARK_RE = re.compile("[" + OPEN_MARKS + "]")

# Quotes nest two or three deep in real text; a paragraph of thousands of stray opening
# marks would make every rule's look down the stack (and every region's ``parents``)
# as long as the paragraph: quadratic (40,000 marks took minutes). Past this depth the
# outermost waiting mark is given up as a stray, so pairing is linear in the marks.
MAX_DEPTH = 32

_OPEN_PUNCT = set("([{—–-/\u00a0")
_CLOSE_PUNCT = set(".,;:!?)]}—–-…")


@dataclass(slots=True)
class Region:
    """One quoted region of a paragraph. ``open``/``close`` are the mark
    positions (``close == -1`` when the opening mark is not closed in the
    paragraph); the content is ``text[open + 1:close]``."""

    open: int
    close: int
    mark: str
    depth: int  # 0 for a top-level region
    parents: tuple[int, ...] = ()  # opening positions of the enclosing marks


class _Open(NamedTuple):
    """An opening mark waiting for its closing one."""

    family: str
    pos: int
    char: str


class _At(NamedTuple):
    """A mark's surroundings: the characters beside it, and whether it stands
    where an opening mark stands (after a space, before a word) or a closing one."""

    left: str
    right: str
    opener: bool
    closer: bool


class _Action(NamedTuple):
    close: str | None = None  # the family to close
    push: str | None = None  # the family to open


_SKIP = _Action()
_Rule = Callable[[list[_Open], _At], _Action]


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _letter_or_digit(ch: str) -> bool:
    return ch != "" and ch.isalnum()


def _has(stack: list[_Open], fam: str) -> bool:
    for o in stack:
        if o.family == fam:
            return True
    return False


def _nearest(stack: list[_Open], fams: tuple[str, ...]) -> str:
    for o in reversed(stack):
        if o.family in fams:
            return o.family
    return fams[0]


def _top_is(stack: list[_Open], fam: str) -> bool:
    return bool(stack) and stack[-1].family == fam


# --- the rules, one a mark ----------------------------------------------------------


def _left_double(stack: list[_Open], at: _At) -> _Action:  # “
    if _has(stack, "G") and not at.opener:
        return _Action(close="G")
    if at.closer and _top_is(stack, "D"):
        return _Action(close="D")  # “ misused as a closing mark
    return _Action(push="D")


def _right_double(stack: list[_Open], at: _At) -> _Action:  # ”
    if _has(stack, "D") or _has(stack, "G"):
        return _Action(close=_nearest(stack, ("D", "G")))
    return _SKIP  # a stray closing mark


def _straight_double(stack: list[_Open], at: _At) -> _Action:  # "
    if at.opener:
        return _Action(push="D")
    if at.closer:
        return _Action(close="D") if _has(stack, "D") else _SKIP
    if _top_is(stack, "D") and stack[-1].char == '"':
        return _Action(close="D")
    if not _letter_or_digit(at.left) or not _letter_or_digit(at.right):
        return _Action(push="D")
    return _SKIP  # a straight mark between two letters/digits (5"10) is left alone


def _left_single(stack: list[_Open], at: _At) -> _Action:  # ‘
    if _letter_or_digit(at.left):
        return _SKIP  # a mistyped apostrophe (don‘t)
    if at.right.isdigit():
        return _SKIP  # ‘90s
    if _has(stack, "g") and not at.opener:
        return _Action(close="g")
    if at.opener:
        return _Action(push="S")
    if at.closer and _top_is(stack, "S"):
        return _Action(close="S")
    return _SKIP


def _right_single(stack: list[_Open], at: _At) -> _Action:  # ’
    if _letter_or_digit(at.left) and _letter_or_digit(at.right):
        return _SKIP  # don’t, Russia’s
    if _is_space(at.left) or at.left in _OPEN_PUNCT:
        return _SKIP  # ’90s, ’em
    if _has(stack, "S") and not at.opener:
        return _Action(close="S")
    if _has(stack, "g") and not at.opener:
        return _Action(close="g")
    return _SKIP  # plural possessive (countries’) or stray


def _angle_opening(fam: str, reversed_fam: str) -> _Rule:
    """« and ‹: open a quote, or close a reversed one (» … «)."""

    def rule(stack: list[_Open], at: _At) -> _Action:
        if _has(stack, reversed_fam) and at.closer:
            return _Action(close=reversed_fam)
        return _Action(push=fam)

    return rule


def _angle_closing(fam: str, reversed_fam: str) -> _Rule:
    """» and ›: close a quote, or open a reversed one."""

    def rule(stack: list[_Open], at: _At) -> _Action:
        if _has(stack, fam):
            return _Action(close=fam)
        if at.opener:
            return _Action(push=reversed_fam)
        return _SKIP

    return rule


def _low_double(stack: list[_Open], at: _At) -> _Action:  # „
    return _Action(push="G")


def _low_single(stack: list[_Open], at: _At) -> _Action:  # ‚
    return _Action(push="g") if at.opener else _SKIP


_RULES: dict[str, _Rule] = {
    "“": _left_double,
    "”": _right_double,
    '"': _straight_double,
    "‘": _left_single,
    "’": _right_single,
    "«": _angle_opening("A", "R"),
    "»": _angle_closing("A", "R"),
    "‹": _angle_opening("a", "r"),
    "›": _angle_closing("a", "r"),
    "„": _low_double,
    "‚": _low_single,
}


def pair_marks(text: str, start: int, end: int) -> tuple[list[Region], list[Region]]:
    """Pair the marks of ``text[start:end]``.

    Returns ``(closed, unclosed)``: closed regions (every nesting level) in
    order of their opening mark, and the opening marks left unclosed at the end
    of the paragraph (outermost first), each as a Region with ``close == -1``.
    """
    stack: list[_Open] = []
    closed: list[Region] = []
    for m in MARK_RE.finditer(text, start, end):
        i = m.start()
        ch = text[i]
        left = text[i - 1] if i > start else ""
        right = text[i + 1] if i + 1 < end else ""
        left_open = _is_space(left) or left in _OPEN_PUNCT or left in MARK_CHARS
        right_close = _is_space(right) or right in _CLOSE_PUNCT or right in MARK_CHARS
        at = _At(left, right, left_open and not right_close, right_close and not left_open)
        action = _RULES[ch](stack, at)
        if action.close is not None:
            k = len(stack) - 1
            while k >= 0 and stack[k].family != action.close:
                k -= 1
            if k < 0:
                continue
            opening = stack[k]
            parents = tuple(o.pos for o in stack[:k])
            del stack[k:]
            closed.append(Region(opening.pos, i, opening.char, len(parents), parents))
        elif action.push is not None:
            stack.append(_Open(action.push, i, ch))
            if len(stack) > MAX_DEPTH:
                del stack[0]  # the outermost waiting mark: a stray
    closed.sort(key=lambda r: r.open)
    unclosed = [Region(o.pos, -1, o.char, d, tuple(p.pos for p in stack[:d]))
                for d, o in enumerate(stack)]
    return closed, unclosed


def starts_with_open_mark(text: str, start: int, end: int) -> int:
    """Position of an opening mark that begins ``text[start:end]`` (after
    whitespace), or -1."""
    i = start
    while i < end and text[i].isspace():
        i += 1
    if i < end and text[i] in OPEN_MARKS:
        return i
    return -1


def has_open_mark(text: str, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]`` holds a mark that may open a quote."""
    for ch in OPEN_MARKS:
        if text.find(ch, lo, hi) >= 0:
            return True
    return False
