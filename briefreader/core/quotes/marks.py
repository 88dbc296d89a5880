"""Quotation-mark pairing for quote extraction (pure Python, no I/O).

``pair_marks(text, start, end)`` finds the quoted regions of one paragraph
``text[start:end]``: it pairs opening and closing marks from a table, never
treats apostrophes (don't, Russia’s, the ’90s) as marks, leaves stray marks
alone, and reports nesting. A region whose opening mark is never closed in the
paragraph is reported as *open*: the caller decides whether it continues into
the next paragraph (a multi-paragraph quote) or is a stray mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# family -> (opening chars, closing chars)
#   D: double (“ ” and straight "), S: single (‘ ’), A: angle (« »), a: single angle,
#   G: German low-high („ “/”), g: German single (‚ ‘/’), R/r: reversed angle (» «)
MARK_CHARS = "“”\"‘’«»„‹›‚"
MARK_RE = re.compile("[" + re.escape(MARK_CHARS) + "]")

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


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _letter_or_digit(ch: str) -> bool:
    return ch != "" and ch.isalnum()


def pair_marks(text: str, start: int, end: int) -> tuple[list[Region], list[Region]]:
    """Pair the marks of ``text[start:end]``.

    Returns ``(closed, unclosed)``: closed regions (every nesting level) in
    order of their opening mark, and the opening marks left unclosed at the end
    of the paragraph (outermost first), each as a Region with ``close == -1``.
    """
    stack: list[tuple[str, int, str]] = []  # (family, pos, char)
    closed: list[Region] = []
    for m in MARK_RE.finditer(text, start, end):
        i = m.start()
        ch = text[i]
        left = text[i - 1] if i > start else ""
        right = text[i + 1] if i + 1 < end else ""
        left_open = _is_space(left) or left in _OPEN_PUNCT or left in MARK_CHARS
        right_close = _is_space(right) or right in _CLOSE_PUNCT or right in MARK_CHARS
        opener_like = left_open and not right_close
        closer_like = right_close and not left_open
        fam: str | None = None  # family to close
        push: str | None = None  # family to open
        if ch == "“":
            if _has(stack, "G") and not opener_like:
                fam = "G"
            elif closer_like and stack and stack[-1][0] == "D":
                fam = "D"  # “ misused as a closing mark
            else:
                push = "D"
        elif ch == "”":
            if _has(stack, "D") or _has(stack, "G"):
                fam = _nearest(stack, ("D", "G"))
            # else: stray closing mark
        elif ch == '"':
            if opener_like:
                push = "D"
            elif closer_like:
                if _has(stack, "D"):
                    fam = "D"
            elif stack and stack[-1][0] == "D" and stack[-1][2] == '"':
                fam = "D"
            elif not _letter_or_digit(left) or not _letter_or_digit(right):
                push = "D"
            # a straight mark between two letters/digits (5"10) is left alone
        elif ch == "‘":
            if _letter_or_digit(left):
                continue  # a mistyped apostrophe (don‘t)
            if right.isdigit():
                continue  # ‘90s
            if _has(stack, "g") and not opener_like:
                fam = "g"
            elif opener_like:
                push = "S"
            elif closer_like and stack and stack[-1][0] == "S":
                fam = "S"
        elif ch == "’":
            if _letter_or_digit(left) and _letter_or_digit(right):
                continue  # don’t, Russia’s
            if _is_space(left) or left in _OPEN_PUNCT:
                continue  # ’90s, ’em
            if _has(stack, "S") and not opener_like:
                fam = "S"
            elif _has(stack, "g") and not opener_like:
                fam = "g"
            else:
                continue  # plural possessive (countries’) or stray
        elif ch == "«":
            if _has(stack, "R") and closer_like:
                fam = "R"
            else:
                push = "A"
        elif ch == "»":
            if _has(stack, "A"):
                fam = "A"
            elif opener_like:
                push = "R"
        elif ch == "‹":
            if _has(stack, "r") and closer_like:
                fam = "r"
            else:
                push = "a"
        elif ch == "›":
            if _has(stack, "a"):
                fam = "a"
            elif opener_like:
                push = "r"
        elif ch == "„":
            push = "G"
        elif ch == "‚":
            if opener_like:
                push = "g"
        if fam is not None:
            k = len(stack) - 1
            while k >= 0 and stack[k][0] != fam:
                k -= 1
            if k < 0:
                continue
            _, pos, och = stack[k]
            parents = tuple(p for _, p, _ in stack[:k])
            del stack[k:]
            closed.append(Region(pos, i, och, len(parents), parents))
        elif push is not None:
            stack.append((push, i, ch))
    closed.sort(key=lambda r: r.open)
    unclosed = [Region(pos, -1, och, d, tuple(p for _, p, _ in stack[:d]))
                for d, (_, pos, och) in enumerate(stack)]
    return closed, unclosed


def _has(stack: list[tuple[str, int, str]], fam: str) -> bool:
    for f, _, _ in stack:
        if f == fam:
            return True
    return False


def _nearest(stack: list[tuple[str, int, str]], fams: tuple[str, ...]) -> str:
    for f, _, _ in reversed(stack):
        if f in fams:
            return f
    return fams[0]


def starts_with_open_mark(text: str, start: int, end: int) -> int:
    """Position of an opening mark that begins ``text[start:end]`` (after
    whitespace), or -1."""
    i = start
    while i < end and text[i].isspace():
        i += 1
    if i < end and text[i] in "“\"‘«„‹»":
        return i
    return -1
