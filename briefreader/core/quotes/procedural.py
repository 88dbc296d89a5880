"""Procedural turn sentences: "Go ahead.", "Thank you, Karine.", "Okay.", "Next
question." run a briefing but say nothing; such turn quotes get
``procedural=True`` so that readers and the CLI can leave them out. Fillers
("Yeah.", "Sure.") are procedural only when the same turn goes on."""

from __future__ import annotations

import re

from briefreader.core.quotes.lexicon import phrase_alternatives

PROCEDURAL: frozenset[str] = frozenset(phrase_alternatives("procedural_turns.txt"))
FILLERS: frozenset[str] = frozenset(phrase_alternatives("filler_turns.txt"))
_VOCATIVE_RE = re.compile(
    r"(?:,?\s+(?:everybody|everyone|all|guys|folks|sir|ma’am|ma'am|again|both|so much|"
    r"very much)|,\s*(?:[A-Z][\w’'.\-]*\s*){1,3})$")


def _norm(text: str) -> str:
    s = text.strip().rstrip(".!…").strip()
    for _ in range(3):
        t = _VOCATIVE_RE.sub("", s).strip()
        if t == s:
            break
        s = t
    s = re.sub(r"[^\w\s’'\-]", " ", s.lower())
    return " ".join(s.split())


def is_procedural(text: str, more_in_turn: bool = False) -> bool:
    """Whether a turn sentence only runs the briefing ("Go ahead, Peter."); a
    filler ("Yeah.") counts when ``more_in_turn`` (the turn goes on after it).
    A question ("Okay?") is never procedural."""
    if len(text) > 60 or text.rstrip().endswith("?"):
        return False
    if re.fullmatch(r"\s*\([^()]*\)[.!]?\s*", text):
        return True  # a stage note: "(Laughter.)", "(Inaudible)"
    n = _norm(text)
    if not n:
        return False
    parts = [p.strip() for p in re.split(r"(?<=\w)[.!]\s+", text.strip()) if p.strip()]
    if len(parts) > 1:
        return all(is_procedural(p, more_in_turn) for p in parts)
    return n in PROCEDURAL or (more_in_turn and n in FILLERS)
