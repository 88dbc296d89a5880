"""Word lists for quote extraction and attribution, loaded from the data files
beside this module: cue verbs, titles and roles, the capitalised words that are
not people (days, months, places, organisations), well-known people, and the
small words the filters look at.

General English newswire vocabulary only; nothing here names a document. A
``.txt`` list is whitespace-separated words; a ``.tsv`` table has one entry a
line, tab-separated; in both, a line starting with ``#`` is a comment.
"""

from __future__ import annotations

from importlib.resources import files
from typing import NamedTuple

from briefreader.core import lexicon as shared
from briefreader.core.lexicon import MONTHS, WEEKDAYS

_DATA = files(__package__)


def _lines(name: str) -> list[str]:
    text = (_DATA / name).read_text(encoding="utf-8")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def phrases(name: str) -> frozenset[str]:
    """The lines of a ``.txt`` list of phrases (one a line)."""
    return frozenset(" ".join(ln.split()) for ln in _lines(name))


def phrase_alternatives(name: str) -> list[str]:
    """The phrases of a ``.txt`` list written ``a|b|c`` (several a line)."""
    return [" ".join(p.split()) for ln in _lines(name) for p in ln.split("|") if p.strip()]


def word_list(name: str) -> list[str]:
    """The words of a ``.txt`` list, in file order."""
    return [w for ln in _lines(name) for w in ln.split()]


def words(name: str) -> frozenset[str]:
    """The words of a ``.txt`` list as a set."""
    return frozenset(word_list(name))


def table(name: str) -> list[list[str]]:
    """The rows of a ``.tsv`` table, in file order."""
    return [ln.split("\t") for ln in _lines(name)]


def mapping(name: str) -> dict[str, str]:
    """A two-column ``.tsv`` table as a dict."""
    return {row[0]: row[1] for row in table(name)}


# --- cue verbs -------------------------------------------------------------

# base -> its finite forms and participle ("say" -> said, says, saying)
_CUE_FORMS: list[str] = [f for _base, forms in table("cue_verbs.tsv") for f in forms.split()]

CUE_FINITE: frozenset[str] = frozenset(
    [f for f in _CUE_FORMS if not f.endswith("ing")] + word_list("cue_base_forms.txt")
)
CUE_PARTICIPLE: frozenset[str] = frozenset(f for f in _CUE_FORMS if f.endswith("ing"))
AUX_WORDS: frozenset[str] = words("aux_words.txt")
# the finite forms of the verbs that report speech without quotation marks
REPORTING_FINITE: frozenset[str] = frozenset(
    f for base, forms in table("cue_verbs.tsv") if base in words("reporting_verbs.txt")
    for f in forms.split() if not f.endswith("ing"))
# cues that attribute a quote even when their subject names nobody ("reports said")
STRONG_CUES: frozenset[str] = words("strong_cues.txt")

# --- pronouns ----------------------------------------------------------------

PRONOUN_GENDER = {"he": "m", "she": "f"}

# --- titles and roles --------------------------------------------------------

# heads of role noun phrases: "the Kremlin spokesman", "the president", "the minister"
ROLE_HEADS: frozenset[str] = words("role_heads.txt")
DOCUMENT_HEADS: frozenset[str] = words("document_heads.txt")
TITLE_SURNAMES: frozenset[str] = words("title_surnames.txt")
LINK_MARKERS: frozenset[str] = words("link_markers.txt")
# capitalised titles that may stand directly before a name (lower-cased); every role
# head is also a title
TITLE_WORDS: frozenset[str] = words("titles.txt") | ROLE_HEADS
ROLE_GENDER: dict[str, str] = mapping("role_gender.tsv")
# role words that are normalised to one head for matching
ROLE_NORMAL: dict[str, str] = mapping("role_normal.tsv")
# role nouns looked for in every document ("the President said", "an official said"):
# a pronoun after one that names nobody resolves to nobody
COMMON_ROLES: tuple[str, ...] = tuple(word_list("common_roles.txt"))
# lower-case words that may stand before a title ("former President Trump")
TITLE_MODIFIERS: frozenset[str] = words("title_modifiers.txt")
# role modifiers that do not tell two roles apart (cut to five letters), and aliases
GENERIC_MODS: frozenset[str] = words("generic_modifiers.txt")
MOD_ALIASES: dict[str, str] = mapping("modifier_aliases.tsv")

# --- names ---------------------------------------------------------------------

NAME_SUFFIXES: frozenset[str] = words("name_suffixes.txt")
NAME_PARTICLES: frozenset[str] = words("name_particles.txt")
# common given names with a usual gender, for he/she agreement when the text gives
# no title (Mr./Ms.) or pronoun for a person
MALE_NAMES: frozenset[str] = words("male_names.txt")
FEMALE_NAMES: frozenset[str] = words("female_names.txt")


class KnownPerson(NamedTuple):
    name: str  # full name
    gender: str  # "m" or "f"


# well-known public figures of briefings: surname -> full name and gender. Used only
# when a document names someone by surname or title alone and never gives the full name.
KNOWN_PEOPLE: dict[str, KnownPerson] = {
    row[0]: KnownPerson(row[1], row[2]) for row in table("known_people.tsv")
}

# --- capitalised words that are not names --------------------------------------

STOP_CAPS: frozenset[str] = words("stop_caps.txt")
DAYS: frozenset[str] = frozenset(WEEKDAYS)
_MONTHS = [m for m in MONTHS if m != "may"]  # "may" is a verb before it is a month
DEMONYMS: frozenset[str] = words("demonyms.txt")
NON_PERSON: frozenset[str] = (DAYS | frozenset(_MONTHS) | words("places.txt") | DEMONYMS
                              | words("organisations.txt"))
# months that are also common given or family names are only non-persons alone
MONTH_NAMES: frozenset[str] = frozenset(_MONTHS + ["may"])
DAYS_MONTHS: frozenset[str] = DAYS | frozenset(_MONTHS)
# nouns that end the names of organisations, laws, events ("Domestic Policy Council")
ORG_HEADS: frozenset[str] = words("org_heads.txt")

# --- sentences and clauses -------------------------------------------------------

# words that start a sentence with an introductory phrase (the subject follows a comma)
INTRO_WORDS: frozenset[str] = words("intro_words.txt")
# subjects that name no one speaker ("we said", "people say")
NOBODY_WORDS: frozenset[str] = words("nobody_words.txt")
# nouns that describe an unnamed speaker ("a spokesman for the ministry", "officials")
SPEAKER_NOUNS: frozenset[str] = words("speaker_nouns.txt") | words("role_heads.txt")
SPEAKER_PLURALS: frozenset[str] = words("speaker_plurals.txt")
# words before a name that leave it the subject of its clause
SUBJECT_BEFORE: frozenset[str] = words("subject_before.txt")
SUBORDINATORS: frozenset[str] = words("subordinators.txt")
ABBREVIATIONS: frozenset[str] = (shared.HONORIFICS | shared.TITLE_ABBREVIATIONS | shared.MONTH_ABBREVIATIONS
                                 | shared.ABBREVIATIONS | words("abbreviations.txt"))

# --- filters ---------------------------------------------------------------------

SMALL_WORDS: frozenset[str] = words("small_words.txt")  # left lower-case in title case
DETERMINERS: frozenset[str] = words("determiners.txt")
PREPOSITIONS: frozenset[str] = words("prepositions.txt")
OBJECT_BEFORE: frozenset[str] = words("object_before.txt")  # "said to you", "told him"
TERM_WORDS: frozenset[str] = words("term_words.txt")  # "the word “…”", "so-called “…”"
TERM_PHRASES: frozenset[str] = phrases("term_phrases.txt")  # "known as “…”"
