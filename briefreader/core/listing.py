"""What the briefing list shows of an analysed briefing besides its title and date: who
speaks in it most and what kind of briefing it is. Both are stored in the catalog
(``DocumentInfo.speakers`` and ``.kind``), so the list reads them without parsing.

- A transcript's main speakers are those who say the most words in its turns (the
  procedural sentences, "Go ahead.", and the reporters' questions left out): the first,
  and a second who says at least a third as much (a guest beside the press secretary).
  A moderator's one-liners never weigh enough.
- A report's main speaker is its most-quoted person: the speaker of the most quotes,
  when quoted at least twice or the only one quoted (two when tied).
- The kind: ``transcript``; ``round-up`` for a report made mostly of quotes of several
  people (or of list items); ``web page`` for another report read from HTML; ``news``
  for the rest.
"""

from __future__ import annotations

from collections import Counter
from pathlib import PurePath

from briefreader.core.model import REPORTER, Analysis, Format
from briefreader.core.sanitize import one_line

KINDS = ("transcript", "news", "web page", "round-up")
_SECOND_SHARE = 1 / 3  # of the first speaker's words, for a second transcript speaker
_ROUND_UP_QUOTED = 0.5  # share of a report's words inside quotes
_ROUND_UP_SPEAKERS = 3
_NAME_MAX = 60  # characters of a speaker's name kept
_HTML = (".html", ".htm")


def main_speakers(analysis: Analysis) -> tuple[str, ...]:
    """The one or two people who speak most (transcript) or are quoted most (report)."""
    words: Counter[str] = Counter()
    quotes: Counter[str] = Counter()
    turns = any(q.kind == "turn" for q in analysis.quotes)
    for q in analysis.quotes:
        if q.procedural or q.is_question or not q.speaker or q.speaker == REPORTER:
            continue
        if (q.kind == "turn") != turns:  # a transcript: what its speakers say in turns
            continue
        name = one_line(q.speaker)[:_NAME_MAX].strip()
        if name:
            words[name] += len(q.text.split())
            quotes[name] += 1
    if not words:
        return ()
    if turns:
        (first, most), *rest = words.most_common(2)
        return (first,) + tuple(n for n, w in rest if w >= most * _SECOND_SHARE)
    ranked = sorted(quotes, key=lambda n: (-quotes[n], -words[n], n))
    top = quotes[ranked[0]]
    if top < 2 and len(ranked) > 1:
        return ()  # everyone quoted once: nobody stands out
    return tuple(n for n in ranked[:2] if quotes[n] == top)


def kind_of(fmt: Format, path: str, analysis: Analysis | None = None) -> str:
    """The kind of briefing the list shows (one of ``KINDS``); without an analysis (a
    row listed before it is read) from the format and the file type alone."""
    if fmt == "transcript":
        return "transcript"
    if fmt == "notes":
        return "round-up"
    if analysis is not None:
        total = len(analysis.briefing.text.split())
        quoted = sum(len(q.text.split()) for q in analysis.quotes if q.kind in ("direct", "partial"))
        voices = {q.speaker for q in analysis.quotes if q.speaker and q.kind != "turn"}
        if total and quoted >= total * _ROUND_UP_QUOTED and len(voices) >= _ROUND_UP_SPEAKERS:
            return "round-up"
    return "web page" if PurePath(path).suffix.lower() in _HTML else "news"


def short_name(name: str) -> str:
    """How a narrow list row names a speaker: a person's last name ("Psaki"); a role
    keeps its words ("Senior Administration Official" is not "Official")."""
    from briefreader.core.quotes.lexicon import ROLE_HEADS

    words = name.split()
    if len(words) < 2:
        return name
    last = words[-1].lower()
    return name if last in ROLE_HEADS or last.removesuffix("s") in ROLE_HEADS else words[-1]
