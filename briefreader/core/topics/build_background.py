"""Build the background tables of topic labels from a folder of briefings.

    python -m briefreader.core.topics.build_background CORPUS_DIR [--out DIR]

Reads every ``*.md`` file under ``CORPUS_DIR`` (recursively; the shipped tables were
made from the 1,154 White House press briefings of ../shared/corpus/
whitehouse-press-briefings) with ``ingest.load_file``, tokenises and stems its text
with ``tokens.terms``, and writes into ``DIR`` (default: the current folder):

- ``doc_percent.tsv``: for each stem used by at least ``--min-share`` (4%) of the
  files, the percentage of files that use it (rounded);
- ``verb_like.tsv``: for each stem seen at least ``--min-contexts`` (15) times after a
  word of ``NOUN_CONTEXT`` or of ``VERB_CONTEXT``, with ``n`` noun and ``v`` verb
  contexts, the percentage ``100 (n + 1) / (n + v + 2)`` (rounded) when it is below
  ``--max-noun`` (30%).

The format is the one ``background.py`` reads. The shipped tables are older than
today's tokenizer and stop words, and the context word lists used for them were not
recorded (``NOUN_CONTEXT`` and ``VERB_CONTEXT`` below are a reconstruction from the
examples kept in the documentation), so a rebuild from the same corpus gives close but
not identical tables. Pass ``--out briefreader/core/topics`` to replace the shipped ones
(that changes topic labels, and the analysis version).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from briefreader.core.ingest import load_file
from briefreader.core.topics.background import DOC_PERCENT_FILE, VERB_LIKE_FILE
from briefreader.core.topics.tokens import terms

# Words that precede nouns ("the", "a", "our", "of") …
NOUN_CONTEXT = frozenset("the a an our their his her its your my this these those of".split())
# … and words that precede verbs, adjectives and adverbs ("to", "will", "we", "is", "very", "not").
VERB_CONTEXT = frozenset(
    "to will would can could should must may might we i you they he she it is are was were be been am "
    "very not also just really so too".split()
)


class Counts(NamedTuple):
    """What the tables are made of."""

    files: int
    doc_freq: Counter[str]  # stem -> files that use it
    noun: Counter[str]  # stem -> occurrences after a word of NOUN_CONTEXT
    verb: Counter[str]  # stem -> occurrences after a word of VERB_CONTEXT


def count(paths: Iterable[Path]) -> Counts:
    """Document frequencies and noun/verb contexts of the stems of these files."""
    files = 0
    doc_freq: Counter[str] = Counter()
    noun: Counter[str] = Counter()
    verb: Counter[str] = Counter()
    for path in paths:
        toks, stems = terms(load_file(path).text)
        files += 1
        doc_freq.update({s for s in stems if s})
        for i in range(1, len(toks)):
            s = stems[i]
            if not s:
                continue
            prev = toks[i - 1].lower()
            if prev in NOUN_CONTEXT:
                noun[s] += 1
            elif prev in VERB_CONTEXT:
                verb[s] += 1
    return Counts(files, doc_freq, noun, verb)


def doc_percent_table(c: Counts, min_share: float = 0.04) -> dict[str, int]:
    """Stem -> percentage of files that use it, for the stems of at least ``min_share``."""
    n = max(c.files, 1)
    return {s: round(100 * d / n) for s, d in c.doc_freq.items() if d / n >= min_share}


def verb_like_table(c: Counts, min_contexts: int = 15, max_noun: float = 0.30) -> dict[str, int]:
    """Stem -> percentage of noun contexts, for the stems mostly used as verbs,
    adjectives or adverbs."""
    out: dict[str, int] = {}
    for s in c.noun.keys() | c.verb.keys():
        n, v = c.noun[s], c.verb[s]
        share = (n + 1) / (n + v + 2)
        if n + v >= min_contexts and share < max_noun:
            out[s] = round(100 * share)
    return out


def write_table(path: Path, column: str, table: Mapping[str, int], by_value: bool) -> None:
    """A ``stem<TAB>column`` table: by descending value then stem, or by stem."""
    rows = sorted(table.items(), key=(lambda kv: (-kv[1], kv[0])) if by_value else (lambda kv: kv[0]))
    path.write_text(f"stem\t{column}\n" + "".join(f"{s}\t{v}\n" for s, v in rows), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m briefreader.core.topics.build_background",
                                 description="Build the background tables of topic labels.")
    ap.add_argument("corpus", type=Path, help="a folder of briefings (*.md, searched recursively)")
    ap.add_argument("--out", type=Path, default=Path("."), help="where to write the tables (default: .)")
    ap.add_argument("--min-share", type=float, default=0.04)
    ap.add_argument("--min-contexts", type=int, default=15)
    ap.add_argument("--max-noun", type=float, default=0.30)
    args = ap.parse_args(argv)
    paths = sorted(args.corpus.rglob("*.md"))
    if not paths:
        print(f"no *.md files under {args.corpus}", file=sys.stderr)
        return 2
    c = count(paths)
    dp = doc_percent_table(c, args.min_share)
    vl = verb_like_table(c, args.min_contexts, args.max_noun)
    args.out.mkdir(parents=True, exist_ok=True)
    write_table(args.out / DOC_PERCENT_FILE, "percent", dp, by_value=True)
    write_table(args.out / VERB_LIKE_FILE, "noun_percent", vl, by_value=False)
    print(f"{c.files} files: {len(dp)} stems in {DOC_PERCENT_FILE}, {len(vl)} in {VERB_LIKE_FILE} ({args.out})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
