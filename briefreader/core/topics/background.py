"""Background word statistics for topic labels (generated data, read on first use).

``doc_percent()`` (``doc_percent.tsv``): the share of briefings (in percent) that use
each stem, for the 3,090 stems used by at least 4% of the 1,154 White House press
briefings of 2021–2025 (../shared/corpus), tokenised and stemmed by ``tokens.terms``. A
stem absent from the table is rarer than that. The labeller uses it to prefer a
segment's distinctive words ("tariffs", "Dmitriev") over words every briefing uses
("countries", "efforts"); it is a mild weight, not a stop list, so subjects common in
this corpus can still name a segment.

``verb_like()`` (``verb_like.tsv``): the stems that, in the same corpus, mostly follow
words that precede verbs, adjectives and adverbs ("to", "will", "we", "is", "very",
"not") rather than words that precede nouns ("the", "a", "our", "of"): the percentage
of noun contexts (below 30%), for stems seen at least 15 times in either context.
Labels name subjects, so such words ("felt", "welcome", "adjust", "unacceptable")
weigh less.

Both files are tab-separated (``stem``, then the percentage) with a header line, and
are written by ``python -m briefreader.core.topics.build_background CORPUS_DIR``.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib.resources import files

DOC_PERCENT_FILE = "doc_percent.tsv"
VERB_LIKE_FILE = "verb_like.tsv"


def read_table(name: str) -> dict[str, int]:
    """A ``stem<TAB>percent`` table of this package (its header line skipped)."""
    text = files(__package__ or __name__).joinpath(name).read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines()[1:] if line)
    return {stem: int(value) for stem, value in rows}


@cache
def doc_percent() -> Mapping[str, int]:
    """The percentage of briefings that use each common stem."""
    return read_table(DOC_PERCENT_FILE)


@cache
def verb_like() -> Mapping[str, int]:
    """The percentage of noun contexts of each stem mostly used as a verb, adjective
    or adverb."""
    return read_table(VERB_LIKE_FILE)
