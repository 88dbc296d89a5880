"""What the briefing list shows of a title: the part that differs; and the row's second
line (date, the rest of the title, the kind of briefing and its main speakers).

An archive's titles share long openings ("Press Briefing by Press Secretary …",
"Communiqué du ministère …"): a row cut at 30 columns would show only that. The
longest word prefix that many titles share is dropped, as long as what is left still
says something (two words that are not a date); the full title stays in the header.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from rich.cells import cell_len

from briefreader.core.lexicon import MONTHS
from briefreader.core.listing import short_name

_MAX_PREFIX = 10  # words
_MIN_SHARE = 0.05  # of the titles (and at least 3)
_WORD = re.compile(r"\S+")
_ALPHA = re.compile(r"[^\W\d_]{2,}")
_MONTH_WORDS = {m.lower() for m in MONTHS}
_CONNECTIVE = re.compile(r"^[\s,:;–—-]+")
_REST_MIN = 12  # cells of a title's second part kept before the kind and speakers


def _words(title: str) -> list[str]:
    return [w.lower().strip(",:;") for w in _WORD.findall(title)]


def _says_something(rest: str) -> bool:
    return sum(1 for w in _ALPHA.findall(rest) if w.lower() not in _MONTH_WORDS) >= 2


def short_titles(titles: Iterable[str]) -> dict[str, str]:
    """Each distinct title -> the text a row shows (the title itself when no opening
    is shared by enough titles). Two different titles never get the same text: the
    one that would is cut less."""
    unique = list(dict.fromkeys(titles))
    counts: Counter[tuple[str, ...]] = Counter()
    for t in unique:
        words = _words(t)
        for k in range(2, min(len(words) - 1, _MAX_PREFIX) + 1):
            counts[tuple(words[:k])] += 1
    need = max(3, int(len(unique) * _MIN_SHARE))
    options: dict[str, list[str]] = {}  # shortest first, the title itself last
    for t in unique:
        spans = list(_WORD.finditer(t))
        words = _words(t)
        found = []
        for k in range(min(len(words) - 1, _MAX_PREFIX), 1, -1):
            if counts[tuple(words[:k])] < need:
                continue
            rest = _CONNECTIVE.sub("", t[spans[k - 1].end():])
            if _says_something(rest):
                found.append(rest[:1].upper() + rest[1:])
        options[t] = [*found, t]
    out = {t: opts[0] for t, opts in options.items()}
    for _ in range(_MAX_PREFIX):
        owners: dict[str, list[str]] = {}
        for t, short in out.items():
            owners.setdefault(short.lower(), []).append(t)
        clashes = [ts for ts in owners.values() if len(ts) > 1]
        if not clashes:
            break
        for ts in clashes:
            for t in ts:
                opts = options[t]
                i = opts.index(out[t])
                if i + 1 < len(opts):
                    out[t] = opts[i + 1]
    return out


def distinct_share(shown: list[str]) -> float:
    """The share of ``shown`` rows whose text no other row has (for the tests)."""
    c = Counter(shown)
    return sum(1 for s in shown if c[s] == 1) / len(shown) if shown else 1.0


def _surnames(speakers: tuple[str, ...]) -> str:
    return ", ".join(short_name(s) for s in speakers)


def second_line(rest: str, kind: str, speakers: tuple[str, ...], room: int) -> tuple[str, str]:
    """What follows the date on a row's second line, in ``room`` cells: the rest of a
    title that did not fit on the first line, then " · kind · speakers". Where that is too
    long: surnames for names, then the rest of the title cut (to ``_REST_MIN`` cells at
    least, with "…"), then the kind left out (who speaks tells rows apart better), then
    the first surname only ("Zients +1"); the caller crops what still does not fit.
    Returns (rest, meta)."""
    tail = f" {rest}" if rest else ""
    full, short = ", ".join(speakers), _surnames(speakers)
    least = f"{_surnames(speakers[:1])} +{len(speakers) - 1}" if len(speakers) > 1 else short

    def meta(*parts: str) -> str:
        text = " · ".join(p for p in parts if p)
        return f" · {text}" if text else ""

    def cut(tail: str, left: int, floor: int = _REST_MIN) -> str:
        if cell_len(tail) <= left:
            return tail
        keep = max(left, min(floor, cell_len(tail))) - 1
        return tail[:keep].rstrip() + "…" if keep > 1 else ""

    for m in (meta(kind, full), meta(kind, short)):
        if cell_len(tail) + cell_len(m) <= room:
            return tail, m
    for m in (meta(kind, short), meta(short) if short else meta(kind), meta(least)):
        left = room - cell_len(m)
        if left >= min(_REST_MIN, cell_len(tail)):
            return cut(tail, left), m
    left = room - cell_len(m)  # the shortest meta: the rest of the title gives way
    return (cut(tail, left, 0) if left >= _REST_MIN // 2 else " …" if tail else ""), m
