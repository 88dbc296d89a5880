"""The one sanitising boundary for text that comes from outside: a briefing's body, its
metadata (front matter, ``NAME.meta.yaml``, HTML ``<meta>``), file names, and imported
notes. Nothing here moves an offset: every character replaced is replaced by exactly
one character, so a span ``[start, end)`` of the canonical text stays valid.

Replaced by U+FFFD (REPLACEMENT CHARACTER):

- C0 controls but tab, newline and form feed (ESC starts every terminal escape
  sequence: ``ESC ] 0 ; title BEL`` sets the window title, ``ESC ] 52 ; c ; … BEL``
  writes the clipboard), DEL, and C1 controls (U+0080–U+009F: U+009B is a one-character
  CSI, U+009D an OSC);
- the bidirectional embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069:
  a right-to-left override in a title would reverse everything printed after it on the
  line ("Trojan Source");
- lone surrogates (U+D800–U+DFFF, possible in JSON ``\\ud800``): not text, and a UTF-8
  terminal or pipe cannot even be written them.

Kept: U+200E/U+200F (LEFT-TO-RIGHT and RIGHT-TO-LEFT MARK) and U+061C (ARABIC LETTER
MARK). They are ordinary in Arabic, Hebrew and Persian text, are invisible, and act
only on the neutral characters beside them: unlike an override they cannot reverse
the letters that follow, nor does their effect outlast the paragraph.

``clean`` is for stored text (newlines kept); ``one_line`` for a value shown on one
line of output (a file name with a newline must not split a line); ``clean_data``
cleans the strings of a parsed YAML/JSON value.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

REPLACEMENT = "\ufffd"

# C0 but \t \n \f; DEL; C1; bidi embeddings/overrides/isolates; lone surrogates
_UNSAFE = re.compile("[\x00-\x08\x0b\x0d-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# the same, and the characters that break a line (one_line replaces them visibly)
_LINE_BREAKS = {"\n": "\u2424", "\f": "\u2424", "\u2028": "\u2424", "\u2029": "\u2424",
                "\x85": "\u2424", "\r": "\u2424", "\x0b": "\u2424", "\t": " "}
_UNSAFE_OR_BREAK = re.compile(
    "[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\u2028\u2029]")

# in JSON text a raw newline is layout (json escapes those in strings): not replaced
_JSON_UNSAFE = re.compile("[\x00-\x08\x0b\x0d-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\u2028\u2029]")

_MAX_DEPTH = 50


def clean(text: str) -> str:
    """``text`` with unsafe characters (module docstring) replaced, one for one."""
    if not isinstance(text, str):
        text = str(text)
    return _UNSAFE.sub(REPLACEMENT, text)


def is_clean(text: str) -> bool:
    return _UNSAFE.search(text) is None


def one_line(text: str) -> str:
    """``text`` cleaned for one line of output: a newline becomes a visible ␤ and a
    tab a space; other unsafe characters become U+FFFD (the length is kept)."""
    if not isinstance(text, str):
        text = str(text)
    return _UNSAFE_OR_BREAK.sub(lambda m: _LINE_BREAKS.get(m.group(), REPLACEMENT), text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def no_surrogates(text: str) -> str:
    """``text`` with lone surrogates replaced (one for one), nothing else changed."""
    return _SURROGATE.sub(REPLACEMENT, text)


def clean_data(value: Any, fix: Callable[[str], str] = clean, _depth: int = 0) -> Any:
    """A parsed YAML/JSON value with every string (keys too) passed through ``fix``
    (``clean``, or ``no_surrogates``); nesting deeper than 50 is left as it is."""
    if isinstance(value, str):
        return fix(value)
    if _depth > _MAX_DEPTH:
        return value
    if isinstance(value, dict):
        return {fix(k) if isinstance(k, str) else k: clean_data(v, fix, _depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_data(v, fix, _depth + 1) for v in value]
    if isinstance(value, tuple):
        return tuple(clean_data(v, fix, _depth + 1) for v in value)
    return value


def json_safe(dumped: str) -> str:
    """JSON text (as ``json.dumps(..., ensure_ascii=False)`` writes it) with every
    unsafe character -- which can only stand inside a string -- written as its
    ``\\uXXXX`` escape: the same JSON value, losslessly, and no raw control byte, bidi
    override or lone surrogate on the terminal."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)
