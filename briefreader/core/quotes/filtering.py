"""A quote's kind (a direct quote or a partial one), and the quoted regions
that are no quotes: scare quotes, titles, terms and designations ("a program
called “Build Back Better”", "what they mean by “mismatched data”")."""

from __future__ import annotations

import re

from briefreader.core.model import QuoteKind
from briefreader.core.quotes.context import Doc
from briefreader.core.quotes.lexicon import (
    DETERMINERS,
    PREPOSITIONS,
    SMALL_WORDS,
    TERM_PHRASES,
    TERM_WORDS,
)
from briefreader.core.quotes.patterns import CLOSERS, CUE_RE, LETTER_RE
from briefreader.core.quotes.records import Candidate


def kind_of(doc: Doc, c: Candidate, lo: int) -> QuoteKind:
    """``partial`` for a fragment (starting lower-case, or a number inside a
    sentence), else ``direct``."""
    first = doc.text[c.start]
    if first.isalpha() and first.islower():
        return "partial"
    if first.isdigit() and not doc.starts_sentence(c.open, lo):
        return "partial"
    return "direct"


def not_a_quote(doc: Doc, c: Candidate, lo: int) -> bool:
    """Whether an attributed-or-not candidate (of the block at ``lo``) is a
    term, a title or scare quotes rather than a quote."""
    if c.prev is not None or c.split:
        return False
    content = doc.text[c.start:c.end]
    words = content.split()
    nwords = len(words)
    ends_sentence = content[-1:] in ".!?…" or (content[-1:] in CLOSERS and
                                               content[-2:-1] in ".!?")
    m = doc.masked
    pre = m[max(lo, c.open - 60):c.open]
    pw = re.findall(r"[\w’'\-]+", pre)
    prev_word = pw[-1].lower() if pw else ""
    prev2 = " ".join(w.lower() for w in pw[-2:])
    title_case = _title_case(words)
    explicit = c.how in ("explicit", "pronoun", "role", "label", "inherited") and \
        c.speaker is not None
    if prev_word in TERM_WORDS or prev2 in TERM_PHRASES:
        if not explicit or prev_word in TERM_WORDS - {"called", "named"}:
            return True
    if nwords <= 2 and not ends_sentence and c.cue != "quote" and \
            (prev_word in DETERMINERS or prev_word in PREPOSITIONS) and \
            pre.rstrip()[-1:].isalnum() and not CUE_RE.search(m, max(lo, c.open - 25),
                                                              c.open):
        return True  # a term: "what they mean by “mismatched data”"
    if prev_word in DETERMINERS and nwords <= 3 and not ends_sentence and \
            c.cue != "quote" and not doc.starts_sentence(c.open, lo):
        return True  # a term: "when you say a “final proposal”"
    if prev_word in ("called", "call", "calls", "calling") and not explicit and \
            (title_case or nwords <= 3):
        return True
    has_cue = c.how is not None or c.cue is not None
    if not has_cue:
        pre_strip = pre.rstrip()
        if nwords <= 2 or (title_case and not ends_sentence and nwords <= 8):
            return True
        if prev_word in DETERMINERS or (prev_word in PREPOSITIONS and
                                        pre_strip[-1:].isalnum()):
            return True  # "an “illegal”", "the principle of “…”"
        if pre_strip.endswith(":") and c.turn >= 0:
            return True  # "the question is: “…?”" (no one says it)
        if LETTER_RE.match(m, c.close + 1 if c.close >= 0 else c.end) is None and \
                nwords <= 4 and not ends_sentence and prev_word in DETERMINERS:
            return True
        return False
    if title_case and not ends_sentence and nwords <= 6 and c.how != "label" and \
            not doc.starts_sentence(c.open, lo) and c.attr_end <= c.close and \
            c.cue != "quote" and pre.rstrip()[-1:] not in (":", ","):
        return True
    return c.how == "heading" and nwords <= 2 and title_case


def _title_case(words: list[str]) -> bool:
    seen = False
    for i, w in enumerate(words):
        core = w.strip("“”\"‘’«»,.;:!?()[]—–-…")
        if not core or not core[0].isalpha():
            continue
        if core[0].isupper():
            seen = True
            continue
        if i > 0 and core.lower() in SMALL_WORDS:
            continue
        return False
    return seen
