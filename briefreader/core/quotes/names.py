"""People in a briefing: canonical names, name and role mentions, resolution.

Used by :mod:`briefreader.core.quotes`. Pure Python. A *mention* is a place in
the text (outside quotations) where a person is named ("Kremlin spokesman
Dmitry Peskov", "Peskov", "Mr. Peskov") or referred to by a role introduced
with a name ("the Kremlin spokesman"). ``People`` keeps the persons of one
document, maps surnames to the full names introduced in it, and resolves
pronouns and roles.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

from briefreader.core.quotes.lexicon import (
    COMMON_ROLES,
    DAYS_MONTHS,
    DEMONYMS,
    FEMALE_NAMES,
    KNOWN_PEOPLE,
    MALE_NAMES,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NON_PERSON,
    ORG_HEADS,
    ROLE_GENDER,
    ROLE_HEADS,
    ROLE_NORMAL,
    STOP_CAPS,
    SUBJECT_BEFORE,
    TITLE_MODIFIERS,
    TITLE_WORDS,
)

_UPPER = "".join(c for c in map(chr, range(0x41, 0x530)) if c.isupper() and c.isalpha())
UP = "[" + re.escape(_UPPER) + "]"
# a capitalised word or an initial; apostrophes and hyphens inside (O’Brien, Jean-Pierre)
_TOKEN = UP + r"[\w’'\-]*\.?"
_GAP = r"(?:[ \t]+\n?[ \t]*|\n[ \t]*)"
_PART = r"(?:(?:" + "|".join(sorted(NAME_PARTICLES, key=len, reverse=True)) + r")" + _GAP + ")?"
# one or more capitalised words (the caller checks the character before the match)
RUN_RE = re.compile(_TOKEN + r"(?:" + _GAP + _PART + _TOKEN + r")*")
RUN2_RE = re.compile(_TOKEN + r"(?:" + _GAP + _PART + _TOKEN + r")+")
_ROLE_CTX_RE = re.compile(
    r"(?:^|(?<=[\s(]))(?:the|a|an|his|her|their|its|[^\W\d_][\w\-.]*[’']s)"
    r"((?:\s+[\w\-.’']+){0,3}?)\s+$", re.IGNORECASE)
_ROLE_HEAD_ALT = "|".join(sorted(ROLE_HEADS, key=len, reverse=True))
# a role noun phrase: "the Kremlin spokesman", "Russia’s foreign minister"
ROLE_NP_RE = re.compile(
    r"\b(?:the|a|an|his|her|their|its|our|[^\W\d_][\w\-.]*[’']s)"
    r"((?:\s+[\w\-.’']+){0,3}?)\s+(" + _ROLE_HEAD_ALT + r")\b(?![’'-])"
    r"(?!\s+(?:" + _ROLE_HEAD_ALT + r")\b)",  # the last of "official spokesman" is the head
    re.IGNORECASE)
_POSSESSIVE_RE = re.compile(r"[’']s$|[’']$")
_WORD_BEFORE_RE = re.compile(r"([^\W\d_][\w’'\-.]*)\W*$")


def fold(s: str) -> str:
    """Case- and accent-insensitive key."""
    if s.isascii():
        return s.lower()
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.casefold().replace("’", "'")


def _is_initial(tok: str) -> bool:
    return len(tok) == 2 and tok[1] == "." and tok[0].isupper()


def _lower(tok: str) -> str:
    return tok.lower().replace("’", "'")


def _is_title(low: str) -> bool:
    for suffix in ("-designate", "-elect", "-nominee"):
        if low.endswith(suffix):
            low = low[: -len(suffix)]
    return low in TITLE_WORDS or (low.endswith(".") and low in TITLE_WORDS) or \
        (low + "." in TITLE_WORDS)


def _is_name_token(tok: str) -> bool:
    if not tok or not tok[0].isupper():
        return False
    low = _lower(tok)
    if low in STOP_CAPS or low.rstrip(".") in STOP_CAPS:
        return False
    if _is_title(low):
        return _is_initial(tok)
    if tok.isupper() and len(tok.rstrip(".")) > 1 and not tok.endswith("."):
        return False  # acronyms (NATO, EPA) and labels (PSAKI) are not names
    if tok.endswith(".") and not _is_initial(tok) and low not in NAME_SUFFIXES:
        return False
    return True


@dataclass(slots=True)
class NameParse:
    name: list[str]  # tokens of the person's name (empty: none)
    prefix: list[str]  # tokens before it (titles, organisations)
    titled: bool  # a title or role word stands before the name
    gender: str | None
    role: tuple[str, tuple[str, ...]] | None  # (head, modifiers)


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


def _parse_name_tokens(tokens: list[str]) -> NameParse:
    toks = [t for t in tokens if t]
    suffix: list[str] = []
    while len(toks) > 1 and _lower(toks[-1]) in NAME_SUFFIXES:
        suffix.insert(0, toks.pop())
    name: list[str] = []
    k = len(toks) - 1
    if toks and _lower(toks[-1]).rstrip(".") in ORG_HEADS:
        k = -1  # "National Security Council", "Apprenticeship Act"
    while k >= 0 and len(name) < 4:
        tok = toks[k]
        low = _lower(tok)
        if low in NAME_PARTICLES and name:
            name.insert(0, tok)
            k -= 1
            continue
        if not _is_name_token(tok) or (low.endswith("'s") and len(low) > 2):
            break
        if name and (low.rstrip(".") in NON_PERSON or low.rstrip(".") in ORG_HEADS):
            break  # "Sunday" before "Morning Futures", "Kremlin" before a name
        name.insert(0, tok)
        k -= 1
    prefix = toks[: k + 1] if k >= 0 else (toks if not name else [])
    while name and _lower(name[0]) in NAME_PARTICLES:
        prefix.append(name.pop(0))
    titled = False
    gender: str | None = None
    role: tuple[str, tuple[str, ...]] | None = None
    mods: list[str] = []
    for tok in prefix:
        low = _lower(tok)
        if _is_title(low):
            titled = True
            gender = ROLE_GENDER.get(low, gender)
            head = low.rstrip(".")
            if head in ROLE_HEADS:
                role = (ROLE_NORMAL.get(head, head), tuple(mods))
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
    real = [t for t in name if not _is_initial(t)]
    if not real:
        return None
    lows = [_lower(t).rstrip(".") for t in real]
    if lows[-1] in ORG_HEADS or lows[-1] in DEMONYMS or lows[-1] in DAYS_MONTHS:
        return None
    if len(real) >= 2:
        if not parse.titled:
            if all(w in NON_PERSON for w in lows):
                return None
            if parse.prefix and _lower(parse.prefix[-1]).rstrip(".") in NON_PERSON | ORG_HEADS:
                return None
        return " ".join(name)
    if parse.titled and (lows[-1] not in NON_PERSON or parse.gender):
        return " ".join(name)
    return None


_TOKEN_SPLIT_RE = re.compile(r"[^\s,;:()]+")


def canonical_speaker(name: str) -> str:
    """The person's name without titles or roles:
    "Kremlin spokesman Dmitry Peskov" -> "Dmitry Peskov"."""
    s = " ".join(name.split())
    s = re.sub(r"\s*\([^)]*\)\s*$", "", s)  # (R-KS)
    s = s.strip(" ,:;—–-*_")
    if not s:
        return s
    if s.isupper() and any(c.isalpha() for c in s):
        s = " ".join(w if _is_initial(w) else w.title() for w in s.split())
    # appositive: "Dmitry Peskov, the Kremlin spokesman"
    if "," in s:
        first = s.split(",", 1)[0].strip()
        if first and parse_name_tokens(first.split()).name:
            s = first
    # an organisation's possessive: "Fox News’s Bret Baier"
    m = re.search(r"[’']s\s+(?=" + UP + ")", s)
    while m:
        s = s[m.end():]
        m = re.search(r"[’']s\s+(?=" + UP + ")", s)
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


# --- the people of a document ------------------------------------------------------


class Person:
    """One person of a document. A surname-only person ("Biden") is merged into
    the full name the document gives ("Joe Biden") through ``alias``."""

    __slots__ = ("name", "_gender", "alias")

    def __init__(self, name: str, gender: str | None = None) -> None:
        self.name = name
        self._gender = gender
        self.alias: Person | None = None

    def canon(self) -> Person:
        p = self
        while p.alias is not None:
            p = p.alias
        return p

    @property
    def gender(self) -> str | None:
        p = self.canon()
        if p._gender is None:
            words = p.name.split()
            kb = KNOWN_PEOPLE.get(fold(words[-1]))
            if kb and (len(words) == 1 or fold(kb[0]) == fold(p.name)):
                return kb[1]
            if len(words) >= 2:
                first = fold(words[0])
                male, female = first in MALE_NAMES, first in FEMALE_NAMES
                if male != female:
                    return "m" if male else "f"
        return p._gender

    @gender.setter
    def gender(self, value: str | None) -> None:
        self.canon()._gender = value

    @property
    def display(self) -> str:
        """The canonical name: the document's full name, or a well-known full name
        for a surname-only person."""
        p = self.canon()
        words = p.name.split()
        kb = KNOWN_PEOPLE.get(fold(words[-1]))
        if kb:
            if len(words) == 1:
                return kb[0]
            if len(words) > len(kb[0].split()) and fold(words[0]) == fold(kb[0].split()[0]):
                return kb[0]  # "Donald J. Trump" -> "Donald Trump"
        return p.name

    def __repr__(self) -> str:
        return f"Person({self.display!r})"


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    person: Person | None  # None: someone the text does not name ("an alderman")
    subject: bool


_CHUNK = 2048
_DETS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our"})


def _role_np_before(text: str, s0: int) -> tuple[int, str, tuple[str, ...]] | None:
    """The determiner and modifiers before a role noun at ``s0`` ("the Kremlin"
    before "spokesman"): (start, determiner, modifiers), or None."""
    window = text[max(0, s0 - 60):s0]
    if not window.endswith((" ", "\n")):
        return None
    words = list(re.finditer(r"[^\s]+", window))
    mods: list[str] = []
    for w in reversed(words[-5:]):
        tok = w.group()
        low = tok.lower()
        if low in _DETS or (low.endswith(("’s", "'s")) and tok[:1].isupper()):
            return (max(0, s0 - 60) + w.start(), low, tuple(reversed(mods)))
        if not tok[-1:].isalnum() or len(mods) >= 3:
            return None
        mods.append(low)
    return None


def _cut_possessive(tokens: list[str]) -> tuple[list[str], bool]:
    """Tokens up to the first possessive one ("President Biden’s Remarks" ->
    "President Biden"), and whether there was one."""
    for i, t in enumerate(tokens):
        if _POSSESSIVE_RE.search(t) and len(t) > 2:
            return tokens[:i] + [_POSSESSIVE_RE.sub("", t)], True
    return tokens, False


def _surname_key(name: str) -> str:
    words = name.split()
    while len(words) > 1 and _lower(words[-1]) in NAME_SUFFIXES:
        words.pop()
    return fold(words[-1]) if words else ""


class People:
    """The persons of one document and their mentions (outside quotes)."""

    def __init__(self, masked: str, known: dict[str, str] | None = None,
                 title: str = "") -> None:
        self.masked = masked
        self.persons: dict[str, Person] = {}  # folded name -> person
        self.by_surname: dict[str, list[Person]] = {}
        self.mentions: list[Mention] = []
        self.starts: list[int] = []
        self.roles: list[tuple[str, tuple[str, ...], int, Person]] = []
        self.events: list[tuple[int, Person]] = []  # attributed speakers (cue positions)
        self.event_pos: list[int] = []
        for label, canon in (known or {}).items():
            parse = parse_name_tokens(canon.split())
            nm = person_name(parse) if parse.name and len(parse.name) >= 2 else None
            if nm is None:
                continue
            first = _lower(label.split()[0]) if label.split() else ""
            p = self.person(nm, ROLE_GENDER.get(first))
            if p is not None and "president" in _lower(label):
                self._add_role(p, ("president", ()), -1)
        if title:
            self._scan_title(title)
        self._scan()

    def _scan_title(self, title: str) -> None:
        """Persons and roles the title introduces ("Remarks by President Biden")."""
        for m in RUN2_RE.finditer(title):
            tokens, _poss = _cut_possessive(m.group().split())
            if len(tokens) < 2:
                continue
            parse = parse_name_tokens(tokens)
            if not parse.name:
                continue
            if not parse.titled:
                parse = self._role_before(title, m.start(), parse)
            nm = person_name(parse)
            if nm is None:
                continue
            p = self.person(nm, parse.gender)
            if p is not None and parse.role:
                self._add_role(p, parse.role, -1)

    # -- persons -------------------------------------------------------------------
    def person(self, name: str, gender: str | None = None) -> Person | None:
        name = " ".join(name.split())
        if not name:
            return None
        words = name.split()
        if len(words) == 1:
            key = fold(name)
            cands = self.by_surname.get(key)
            if cands:
                p = cands[0].canon()
            else:
                p = Person(name, gender)
                self.persons[key] = p
                self.by_surname[key] = [p]
            if gender and p.gender is None:
                p.gender = gender
            return p
        key = fold(name)
        p = self.persons.get(key)
        if p is None:
            p = Person(name, gender)
            self.persons[key] = p
            lst = self.by_surname.setdefault(_surname_key(name), [])
            kb = KNOWN_PEOPLE.get(_surname_key(name))
            for q in lst:
                if q.alias is None and " " not in q.name:
                    if kb and fold(kb[0].split()[0]) != fold(words[0]):
                        continue  # "President Biden" is not "Hunter Biden"
                    q.alias = p  # "President Biden" ... "Joe Biden"
                    if p._gender is None:
                        p._gender = q._gender
            lst.append(p)
        elif gender and p.gender is None:
            p.gender = gender
        return p

    def surname(self, word: str) -> Person | None:
        """The person a surname stands for: the document's full name with it (the
        well-known one if the document names several, as "Joe Biden" and "Jill
        Biden")."""
        key = fold(word)
        cands = self.by_surname.get(key)
        if not cands:
            return None
        fulls = [p for p in cands if " " in p.name]
        if len(fulls) > 1:
            kb = KNOWN_PEOPLE.get(key)
            if kb:
                for p in fulls:
                    if fold(p.name.split()[0]) == fold(kb[0].split()[0]):
                        return p
        return cands[0].canon()

    def _add_role(self, p: Person, role: tuple[str, tuple[str, ...]], pos: int) -> None:
        head, mods = role
        self.roles.append((head, tuple(_mod(m) for m in mods), pos, p))

    # -- scanning ----------------------------------------------------------------
    def _scan(self) -> None:
        text = self.masked
        seen_ends: set[int] = set()
        # pass 1: runs of two or more capitalised words name (and introduce) persons
        for m in RUN2_RE.finditer(text):
            s0 = m.start()
            if s0 > 0 and (text[s0 - 1].isalnum() or text[s0 - 1] in "’'-_"):
                continue
            tokens = m.group().split()
            if len(tokens) == 2 and _lower(tokens[0]) in STOP_CAPS and \
                    _lower(tokens[1]) in STOP_CAPS:
                continue
            tokens, poss = _cut_possessive(tokens)
            while tokens and not tokens[-1][-1:].isalnum() and tokens[-1][-1:] != ".":
                tokens[-1] = tokens[-1][:-1]
                if not tokens[-1]:
                    tokens.pop()
            if len(tokens) < 2:
                continue
            parse = parse_name_tokens(tokens)
            if not parse.name:
                continue
            if not parse.titled:
                parse = self._role_before(text, s0, parse)
            nm = person_name(parse)
            if nm is None:
                continue
            name_start = s0
            if parse.prefix:
                idx = m.group().rfind(parse.name[0])
                name_start = s0 + max(idx, 0)
            end = s0 + m.group().find(parse.name[-1]) + len(parse.name[-1])
            p = self.person(nm, parse.gender)
            if p is None:
                continue
            if parse.role:
                self._add_role(p, parse.role, name_start)
            self.mentions.append(Mention(name_start, end, p, self._is_subject(s0, end, poss)))
            seen_ends.add(end)
        self.roles.sort(key=lambda r: r[2])
        self.seen_ends = seen_ends
        self.pass1 = sorted(self.mentions, key=lambda x: x.start)
        self._p1_starts = [x.start for x in self.pass1]
        self.mentions = []
        self._surnames = sorted({p.name.split()[-1] for ps in self.by_surname.values()
                                 for p in ps})
        words: set[str] = set(COMMON_ROLES)
        for h in {r[0] for r in self.roles}:
            words.add(h)
            words.update(k for k, v in ROLE_NORMAL.items() if v == h)
        self._role_words = sorted(words)
        self._lower = text.lower()
        self._chunks: dict[int, list[Mention]] = {}

    def _chunk(self, k: int) -> list[Mention]:
        """The mentions starting in chunk ``k`` of the text (surnames standing alone
        and role noun phrases are only looked for where a pronoun needs them)."""
        got = self._chunks.get(k)
        if got is not None:
            return got
        text = self.masked
        lo, hi = k * _CHUNK, min(len(text), (k + 1) * _CHUNK)
        out: list[Mention] = []
        i0 = bisect.bisect_left(self._p1_starts, lo)
        i1 = bisect.bisect_left(self._p1_starts, hi)
        out.extend(self.pass1[i0:i1])
        seen_ends = self.seen_ends
        for sur in self._surnames:
            n = len(sur)
            i = text.find(sur, lo, hi + n)
            while 0 <= i < hi:
                s0, e0 = i, i + n
                i = text.find(sur, e0, hi + n)
                if s0 > 0 and (text[s0 - 1].isalnum() or text[s0 - 1] in "’'-"):
                    continue
                nxt = text[e0:e0 + 2]
                if nxt[:1].isalnum() or nxt[:1] == "-":
                    continue
                if e0 in seen_ends:
                    continue
                poss = nxt in ("’s", "'s")
                j = s0
                while j > 0 and text[j - 1] in " \t":
                    j -= 1
                if j < s0:
                    prev = text[max(0, j - 14):j].split()
                    if prev and prev[-1][:1].isupper() and _lower(prev[-1]) not in STOP_CAPS \
                            and not _is_title(_lower(prev[-1])):
                        continue  # inside a longer name
                p = self.surname(sur)
                if p is not None:
                    out.append(Mention(s0, e0, p, self._is_subject(s0, e0, poss)))
        # role noun phrases: "the Kremlin spokesman" (the person introduced with the
        # role), "the Vice President" or "an alderman" (someone not named)
        lower = self._lower
        for w in self._role_words:
            n = len(w)
            i = lower.find(w, lo, hi + n)
            while 0 <= i < hi:
                s0, e0 = i, i + n
                i = lower.find(w, e0, hi + n)
                if s0 > 0 and (lower[s0 - 1].isalnum() or lower[s0 - 1] in "-’'"):
                    continue
                nxt = text[e0:e0 + 2]
                if nxt[:1].isalnum() or nxt[:1] in "-’'":
                    continue
                if nxt[:1] == " " and nxt[1:2].isupper():
                    continue  # "the Kremlin spokesman Dmitry Peskov": a title
                np = _role_np_before(text, s0)
                if np is None:
                    continue
                start, det, mods = np
                p = None
                if det not in ("a", "an"):
                    p = self.resolve_role(w, mods, s0)
                out.append(Mention(start, e0, p, self._is_subject(start, e0, False)))
        out.sort(key=lambda x: x.start)
        self._chunks[k] = out
        return out

    def _role_before(self, text: str, s0: int, parse: NameParse) -> NameParse:
        """With a lower-case role before the name ("Kremlin spokesman Dmitry
        Peskov") or a title before "of" ("Secretary of State Antony Blinken"), a
        titled copy of ``parse``; else ``parse`` itself."""
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
                             (ROLE_NORMAL.get(last, last), tuple(mods)))
        if parse.prefix and last in ("of", "the") and len(words) >= 2:
            k = len(words) - 1
            while k >= 0 and words[k].lower() in ("of", "the"):
                k -= 1
            if k >= 0 and _is_title(_lower(words[k])):
                head = _lower(words[k])
                role = parse.role
                if head in ROLE_HEADS:
                    role = (ROLE_NORMAL.get(head, head), tuple(_lower(t) for t in parse.prefix))
                return NameParse(parse.name, parse.prefix, True, parse.gender, role)
        return parse

    def _is_subject(self, start: int, end: int, possessive: bool) -> bool:
        """Whether a mention stands where a clause's subject stands (not after a
        preposition or a verb, not a possessive)."""
        if possessive:
            return False
        text = self.masked
        j = start - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        # over a role before the name: "Kremlin spokesman Dmitry Peskov"
        k = j
        while k >= 0 and text[k].isalpha():
            k -= 1
        if text[k + 1:j + 1].lower() in ROLE_HEADS or text[k + 1:j + 1].lower() in TITLE_MODIFIERS:
            j = k
            while True:
                while j >= 0 and text[j] in " \t":
                    j -= 1
                k = j
                while k >= 0 and (text[k].isalnum() or text[k] in "-.’'"):
                    k -= 1
                word = text[k + 1:j + 1]
                if j >= 0 and ((word[:1].isupper() and word.lower() not in STOP_CAPS) or
                               word.lower() in TITLE_MODIFIERS):
                    j = k
                    continue
                break
        if j < 0 or text[j] in "\n.!?,;:—–(”\"’»":
            return True
        mb = _WORD_BEFORE_RE.search(text, max(0, j - 20), j + 1)
        return bool(mb and mb.group(1).lower() in SUBJECT_BEFORE)

    # -- resolution --------------------------------------------------------------
    def resolve_role(self, head: str, mods: tuple[str, ...], pos: int) -> Person | None:
        """The person introduced with this role before ``pos``: the one whose role
        shares most modifiers with the mention's, then the one named with it most
        often ("President Biden" over a single "President Xi"), then the first."""
        head = ROLE_NORMAL.get(head.lower(), head.lower())
        want = {_mod(m) for m in mods} - _GENERIC_MODS
        want.discard("")
        score: dict[int, list[object]] = {}
        for rhead, rmods, rpos, p in self.roles:
            if rpos > pos:
                break
            if rhead != head:
                continue
            have = set(rmods)
            if want and not (want & have):
                continue
            c = p.canon()
            key = id(c)
            entry = score.get(key)
            if entry is None:
                score[key] = [len(want & have), 1, -rpos, c]
            else:
                entry[0] = max(entry[0], len(want & have))  # type: ignore[call-overload]
                entry[1] += 1  # type: ignore[operator]
        if not score:
            return None
        best = max(score.values(), key=lambda e: (e[0], e[1], e[2]))
        return best[3]  # type: ignore[return-value]

    def resolve_pronoun(self, pos: int, gender: str | None,
                        window: int = 2500) -> Person | None:
        """The person a pronoun at ``pos`` refers to: the latest compatible subject
        mention or attributed speaker, else the latest compatible mention. None
        when that is someone the text does not name ("the Vice President said —
        she said" with no Vice President named)."""
        fallback: Mention | None = None
        subject: Mention | None = None
        k = min(pos, len(self.masked) - 1) // _CHUNK if self.masked else -1
        done = False
        while k >= 0 and not done:
            chunk = self._chunk(k)
            k -= 1
            for m in reversed(chunk):
                if m.end > pos:
                    continue
                if pos - m.start > window:
                    done = True
                    break
                g = m.person.gender if m.person is not None else None
                if gender and g and g != gender:
                    continue
                if fallback is None:
                    fallback = m
                if m.subject:
                    subject = m
                    done = True
                    break
        j = bisect.bisect_left(self.event_pos, pos) - 1
        event: tuple[int, Person] | None = None
        while j >= 0:
            ep, person = self.events[j]
            j -= 1
            if pos - ep > window:
                break
            g = person.gender
            if gender and g and g != gender:
                continue
            event = (ep, person)
            break
        if event is not None and (subject is None or event[0] > subject.start):
            return event[1].canon()
        best = subject or fallback
        if best is None or best.person is None:
            return None
        return best.person.canon()

    def add_event(self, pos: int, person: Person) -> None:
        k = bisect.bisect_left(self.event_pos, pos)
        self.event_pos.insert(k, pos)
        self.events.insert(k, (pos, person))


_GENERIC_MODS = {"the", "forme", "then", "new", "top", "senio", "deput", "actin", "chief",
                 "also", "a", "an", "his", "her", "its", "their", "our"}
_MOD_ALIASES = {"u.s.": "us", "u.s": "us", "american": "us", "america": "us", "united": "us",
                "us": "us"}


def _mod(m: str) -> str:
    m = m.lower().replace("’", "'")
    if m.endswith("'s"):
        m = m[:-2]
    if m in _MOD_ALIASES:
        return _MOD_ALIASES[m]
    return m[:5]
