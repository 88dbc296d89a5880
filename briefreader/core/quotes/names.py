"""Names of people: parsing runs of capitalised words into titles and a name,
canonical speaker names, and matching a query against a speaker.

Pure functions over strings (no document state): ``parse_name_tokens`` splits
"US President Donald Trump" into its title part and its name part,
``person_name`` says whether a run names a person at all, ``canonical_speaker``
strips titles and roles ("Kremlin spokesman Dmitry Peskov" -> "Dmitry Peskov").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

from briefreader.core.lexicon import ACRONYMS
from briefreader.core.quotes.lexicon import (
    DAYS_MONTHS,
    DEMONYMS,
    FEMALE_NAMES,
    MALE_NAMES,
    MOD_ALIASES,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NON_PERSON,
    ORG_HEADS,
    ROLE_GENDER,
    ROLE_HEADS,
    ROLE_NORMAL,
    SPEAKER_NOUNS,
    STOP_CAPS,
    TITLE_SURNAMES,
    TITLE_WORDS,
)

_UPPER = "".join(c for c in map(chr, range(0x41, 0x530)) if c.isupper() and c.isalpha())
UP = "[" + re.escape(_UPPER) + "]"
# a capitalised word or an initial; apostrophes and hyphens inside (O’Brien, Jean-Pierre)
_TOKEN = UP + r"[\w’'\-]*\.?"
_GAP = r"(?:[ \t]+\n?[ \t]*|\n[ \t]*)"
_PART = r"(?:(?:" + "|".join(sorted(NAME_PARTICLES, key=len, reverse=True)) + r")" + _GAP + "){0,2}"
# one or more capitalised words (the caller checks the character before the match)
# an Arabic article or a particle joined by a hyphen inside a name ("Suleiman al-Amr")
_HYPHEN_PART = r"(?:(?=[abei])(?:al|el|ad|ash|as|at|az|ar|an|bin|ibn|abu|bint)-)?"
HYPHEN_PART_RE = re.compile(_HYPHEN_PART + UP)
RUN_RE = re.compile(_TOKEN + r"(?:" + _GAP + _PART + _HYPHEN_PART + _TOKEN + r")*")
RUN2_RE = re.compile(_TOKEN + r"(?:" + _GAP + _PART + _HYPHEN_PART + _TOKEN + r")+")
_ROLE_HEAD_ALT = "|".join(sorted(ROLE_HEADS, key=len, reverse=True))
# a role noun phrase: "the Kremlin spokesman", "Russia’s foreign minister"
ROLE_NP_RE = re.compile(
    r"\b(?:the|a|an|his|her|their|its|our|[^\W\d_][\w\-.]*[’']s)"
    r"((?:\s+[\w\-.’']+){0,3}?)\s+(" + _ROLE_HEAD_ALT + r")\b(?![’'-])"
    r"(?!\s+(?:" + _ROLE_HEAD_ALT + r")\b)",  # the last of "official spokesman" is the head
    re.IGNORECASE)
_POSSESSIVE_RE = re.compile(r"[’']s$|[’']$")
_ORG_POSSESSIVE_RE = re.compile(r"[’']s\s+(?=" + UP + ")")


def fold(s: str) -> str:
    """Case- and accent-insensitive key."""
    if s.isascii():
        return s.lower()
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.casefold().replace("’", "'")


def is_initial(tok: str) -> bool:
    return len(tok) == 2 and tok[1] == "." and tok[0].isupper()


def lower_token(tok: str) -> str:
    return tok.lower().replace("’", "'")


def is_title(low: str) -> bool:
    """Whether a lower-cased token is a title ("sen.", "president-elect")."""
    for suffix in ("-designate", "-elect", "-nominee"):
        if low.endswith(suffix):
            low = low[: -len(suffix)]
    return low in TITLE_WORDS or (low.endswith(".") and low in TITLE_WORDS) or \
        (low + "." in TITLE_WORDS)


def is_title_word(tok: str) -> bool:
    """A word of a role label ("The Vice President", "First Lady")."""
    low = tok.lower()
    return low in ROLE_HEADS or low in ("the", "vice", "prime", "first", "lady", "former")


def _is_name_token(tok: str) -> bool:
    if not tok or not tok[0].isupper():
        return bool(tok) and "-" in tok[:5] and HYPHEN_PART_RE.fullmatch(tok[:tok.index("-") + 2]) \
            is not None  # "al-Amr"
    low = lower_token(tok)
    if low in STOP_CAPS or low.rstrip(".") in STOP_CAPS:
        return False
    if is_title(low):
        return is_initial(tok)
    if tok.isupper() and len(tok.rstrip(".")) > 1 and not tok.endswith("."):
        return False  # acronyms (NATO, EPA) and labels (PSAKI) are not names
    if tok.endswith(".") and not is_initial(tok) and low not in NAME_SUFFIXES:
        return False
    return True


class RoleTitle(NamedTuple):
    """A role given with a name: "Kremlin spokesman" -> ("spokesperson", ("kremlin",))."""

    head: str
    mods: tuple[str, ...]


@dataclass(slots=True)
class NameParse:
    name: list[str]  # tokens of the person's name (empty: none)
    prefix: list[str]  # tokens before it (titles, organisations)
    titled: bool  # a title or role word stands before the name
    gender: str | None
    role: RoleTitle | None


_PARSE_CACHE: dict[tuple[str, ...], NameParse] = {}


def parse_name_tokens(tokens: list[str]) -> NameParse:
    """Split capitalised tokens ("US President Donald Trump") into the title
    part and the name part (walking back from the end). The result is shared:
    do not change it."""
    key = tuple(tokens)
    got = _PARSE_CACHE.get(key)
    if got is None:
        if len(_PARSE_CACHE) > 20000:
            _PARSE_CACHE.clear()
        got = _PARSE_CACHE[key] = _parse_name_tokens(tokens)
    return got


def _occupation(low: str) -> bool:
    """A capitalised occupation noun before a name ("Cartoonist", "Novelist",
    "Historian"), not a given name ("Christian", "Brian")."""
    if low in MALE_NAMES or low in FEMALE_NAMES:
        return False
    return low in SPEAKER_NOUNS or (len(low) > 5 and low.endswith(("ist", "ian")))


def _parse_name_tokens(tokens: list[str]) -> NameParse:
    toks = [t for t in tokens if t]
    suffix: list[str] = []
    while len(toks) > 1 and lower_token(toks[-1]) in NAME_SUFFIXES:
        suffix.insert(0, toks.pop())
    name: list[str] = []
    k = len(toks) - 1
    if toks and lower_token(toks[-1]).rstrip(".") in ORG_HEADS and not (
            len(toks) >= 2 and (lower_token(toks[-2]) in MALE_NAMES or
                                lower_token(toks[-2]) in FEMALE_NAMES)):
        k = -1  # "National Security Council", "Apprenticeship Act" — not "Lisa Park"
    words = 0  # the name's words, particles apart ("Hamad bin Jassim Al Thani")
    while k >= 0 and words < 4:
        tok = toks[k]
        low = lower_token(tok)
        if low in NAME_PARTICLES and name:
            name.insert(0, tok)
            k -= 1
            continue
        if not name and k == len(toks) - 1 and k > 0 and low in TITLE_SURNAMES and \
                _is_name_token(toks[k - 1]) and lower_token(toks[k - 1]) not in DEMONYMS:
            name.insert(0, tok)  # "Lisa King": a surname, not the title
            words += 1
            k -= 1
            continue
        if not _is_name_token(tok) or (low.endswith("'s") and len(low) > 2):
            break
        if name and (low.rstrip(".") in NON_PERSON or low.rstrip(".") in ORG_HEADS) and \
                not (len(name) == 1 and (low in MALE_NAMES or low in FEMALE_NAMES)):
            break  # "Sunday" before "Morning Futures", "Kremlin" before a name (not "Bill")
        if len(name) >= 2 and _occupation(low):
            break  # "Cartoonist Lars Vilks": an occupation before a full name
        name.insert(0, tok)
        words += 1
        k -= 1
    prefix = toks[: k + 1] if k >= 0 else (toks if not name else [])
    while name and lower_token(name[0]) in NAME_PARTICLES:
        prefix.append(name.pop(0))
    titled = False
    gender: str | None = None
    role: RoleTitle | None = None
    mods: list[str] = []
    for tok in prefix:
        low = lower_token(tok)
        if is_title(low):
            titled = True
            gender = ROLE_GENDER.get(low, gender)
            head = low.rstrip(".")
            if head in ROLE_HEADS:
                role = RoleTitle(ROLE_NORMAL.get(head, head), tuple(mods))
            mods.append(head)
        else:
            mods.append(low)
    return NameParse(name + suffix if name else [], prefix, titled, gender, role)


def person_name(parse: NameParse) -> str | None:
    """The person's name in a parsed run, or None for an organisation or place.
    A single word counts only after a title ("Secretary Austin")."""
    name = parse.name
    if not name:
        return None
    real = [t for t in name if not is_initial(t)]
    if not real:
        return None
    lows = [lower_token(t).rstrip(".") for t in real]
    given = len(lows) >= 2 and (lows[-2] in MALE_NAMES or lows[-2] in FEMALE_NAMES)
    if (lows[-1] in ORG_HEADS and not given) or lows[-1] in DEMONYMS or \
            lows[-1] in DAYS_MONTHS:
        return None
    if len(real) >= 2:
        if not parse.titled:
            if all(w in NON_PERSON for w in lows):
                return None
            if parse.prefix and lower_token(parse.prefix[-1]).rstrip(".") in NON_PERSON | ORG_HEADS:
                return None
        return " ".join(name)
    if parse.titled and (lows[-1] not in NON_PERSON or parse.gender):
        return " ".join(name)
    return None


def role_before(text: str, s0: int, parse: NameParse) -> NameParse:
    """With a lower-case role before the name at ``s0`` ("Kremlin spokesman
    Dmitry Peskov") or a title before "of" ("Secretary of State Antony
    Blinken"), a titled copy of ``parse``; else ``parse`` itself."""
    if s0 == 0 or text[s0 - 1] not in " \t\n":
        return parse
    words = text[max(0, s0 - 60):s0].split()[-5:]
    if not words:
        return parse
    last = words[-1].lower()
    if last in ROLE_HEADS:
        mods: list[str] = []
        for w in reversed(words[:-1]):
            if w[:1].isupper() and w[-1:] not in ".,;:!?":
                mods.insert(0, w.lower())
            else:
                break
        return NameParse(parse.name, parse.prefix, True,
                         parse.gender or ROLE_GENDER.get(last),
                         RoleTitle(ROLE_NORMAL.get(last, last), tuple(mods)))
    if parse.prefix and last in ("of", "the") and len(words) >= 2:
        k = len(words) - 1
        while k >= 0 and words[k].lower() in ("of", "the"):
            k -= 1
        if k >= 0 and is_title(lower_token(words[k])):
            head = lower_token(words[k])
            role = parse.role
            if head in ROLE_HEADS:
                role = RoleTitle(ROLE_NORMAL.get(head, head),
                                 tuple(lower_token(t) for t in parse.prefix))
            return NameParse(parse.name, parse.prefix, True, parse.gender, role)
    return parse


def cut_possessive(tokens: list[str]) -> tuple[list[str], bool]:
    """Tokens up to the first possessive one ("President Biden’s Remarks" ->
    "President Biden"), and whether there was one."""
    for i, t in enumerate(tokens):
        if _POSSESSIVE_RE.search(t) and len(t) > 2:
            return tokens[:i] + [_POSSESSIVE_RE.sub("", t)], True
    return tokens, False


def surname_key(name: str) -> str:
    """The folded surname of a full name (suffixes dropped)."""
    words = name.split()
    while len(words) > 1 and lower_token(words[-1]) in NAME_SUFFIXES:
        words.pop()
    return fold(words[-1]) if words else ""


def role_mod(m: str) -> str:
    """A role modifier's matching key ("U.S." and "American" -> "us", else its
    first five letters)."""
    m = m.lower().replace("’", "'")
    if m.endswith("'s"):
        m = m[:-2]
    if m in MOD_ALIASES:
        return MOD_ALIASES[m]
    return m[:5]


def canonical_speaker(name: str) -> str:
    """The person's name without titles or roles:
    "Kremlin spokesman Dmitry Peskov" -> "Dmitry Peskov"."""
    s = " ".join(name.split())
    s = re.sub(r"\s*\([^)]*\)\s*$", "", s)  # (R-KS)
    s = s.strip(" ,:;—–-*_")
    if not s:
        return s
    if s.isupper() and any(c.isalpha() for c in s):
        s = " ".join(w if is_initial(w) or w.lower() in ACRONYMS else w.title() for w in s.split())
    # appositive: "Dmitry Peskov, the Kremlin spokesman"
    if "," in s:
        first = s.split(",", 1)[0].strip()
        if first and parse_name_tokens(first.split()).name:
            s = first
    # an organisation's possessive: "Fox News’s Bret Baier"
    m = _ORG_POSSESSIVE_RE.search(s)
    while m:
        s = s[m.end():]
        m = _ORG_POSSESSIVE_RE.search(s)
    tokens = s.split()
    parse = parse_name_tokens(tokens)
    if parse.name:
        return " ".join(parse.name)
    return s


def speaker_matches(query: str, speaker: str | None) -> bool:
    """Whether ``query`` names ``speaker``: the full name or the surname,
    case- and accent-insensitive ("peskov", "PESKOV", "Dmitry Peskov")."""
    if not speaker or not query or not query.strip():
        return False
    sp = fold(" ".join(speaker.replace("-", " ").split())).split()
    if not sp:
        return False
    for cand in (query, canonical_speaker(query)):
        words = fold(" ".join(cand.replace("-", " ").split())).split()
        if not words or len(words) > len(sp):
            continue
        if words == sp or sp[-len(words):] == words:
            return True
    return False


def person_of_run(text: str, start: int, tokens: list[str]) -> tuple[NameParse, str] | None:
    """The person a run of capitalised words at ``start`` names, with how it was read:
    the tokens parsed as a name, a role written before it looked for when the run has no
    title ("Kremlin spokesman Dmitry Peskov"); None when the run names no person."""
    if len(tokens) < 2:
        return None
    parse = parse_name_tokens(tokens)
    if not parse.name:
        return None
    if not parse.titled:
        parse = role_before(text, start, parse)
    name = person_name(parse)
    return None if name is None else (parse, name)
