"""The word lists of topic segmentation, read from this package's ``*.txt`` files.

A list file holds words separated by white space; a line starting with ``#`` is a
comment. Each list is read once, when this module is first imported.
"""

from __future__ import annotations

from importlib.resources import files

from briefreader.core.lexicon import MONTHS, WEEKDAYS


def read_words(name: str) -> frozenset[str]:
    """The words of the list file ``name`` in this package."""
    text = files(__package__ or __name__).joinpath(name).read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


# Function words and the words of spoken briefings that carry no subject.
STOP_WORDS = read_words("stop_words.txt") | frozenset(WEEKDAYS) | (frozenset(MONTHS) - {"march", "may"})
# Words that, in a short sentence, mark the capitalised word beside them as a vocative.
VOCATIVE_CONTEXT = read_words("vocative_words.txt")
# Titles and offices: part of a name ("Prime Minister Netanyahu"), no subject alone.
TITLE_WORDS = read_words("title_words.txt")
# Common first names: in a vocative position, a reporter's or briefer's name.
FIRST_NAMES = read_words("first_names.txt")
# Words that describe or qualify, never a subject on their own.
QUALIFIERS = read_words("qualifiers.txt")
# Small words that, capitalised beside a word, do not make it part of a name.
SMALL_WORDS = read_words("label_small_words.txt")
# Words dropped from the front of a subject a cue names ("possible security guarantees").
LEADING_DROP = read_words("label_leading_drop.txt")
# Endings of capitalised adjectives of nationality ("Indian", "Chinese"): no subject alone.
DEMONYM_SUFFIXES = tuple(sorted(read_words("demonym_suffixes.txt")))
# Words of a cue that changes the subject without naming one ("On a separate matter,").
GENERIC_SUBJECT = read_words("generic_subject_words.txt")
# Nouns too vague to name a subject, and words of speech ("front", "blush", "altogether").
WEAK_LABEL_WORDS = read_words("label_weak_words.txt")
