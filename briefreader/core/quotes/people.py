"""The persons of one document: canonical names, surnames, roles.

``People`` is the registry: it merges a surname-only person ("Biden") into the
full name the document gives ("Joe Biden"), remembers the roles persons are
introduced with ("Kremlin spokesman Dmitry Peskov") and resolves a role noun
phrase ("the Kremlin spokesman") to one of them. Finding the mentions in the
text is :mod:`.mentions`' work; pronouns are :mod:`.pronouns`'.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from briefreader.core.quotes.lexicon import (
    FEMALE_NAMES,
    GENERIC_MODS,
    KNOWN_PEOPLE,
    MALE_NAMES,
    ROLE_GENDER,
    ROLE_NORMAL,
)
from briefreader.core.quotes.names import (
    RUN2_RE,
    RoleTitle,
    cut_possessive,
    fold,
    lower_token,
    parse_name_tokens,
    person_name,
    person_of_run,
    role_mod,
    surname_key,
)


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
            if kb and (len(words) == 1 or fold(kb.name) == fold(p.name)):
                return kb.gender
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
        """The canonical name: the document's full name (as the text gives it), or
        a well-known full name for a surname the document never gives in full."""
        p = self.canon()
        words = p.name.split()
        kb = KNOWN_PEOPLE.get(fold(words[-1]))
        if kb:
            if len(words) == 1:
                return kb.name  # the last resort: a surname never given in full
            if len(words) > len(kb.name.split()) and fold(words[0]) == fold(kb.name.split()[0]):
                return kb.name  # the same name without its middle initial ("Donald J. Trump")
        return p.name  # the text's own full name: never another person's from the list

    def __repr__(self) -> str:
        return f"Person({self.display!r})"


class Role(NamedTuple):
    """A person introduced with a role at ``pos`` (-1: by the title or the labels)."""

    head: str
    mods: tuple[str, ...]  # modifier keys (see names.role_mod)
    pos: int
    person: Person


@dataclass(slots=True)
class _Score:
    """How well a person's roles match a role mention."""

    shared: int  # most modifiers shared by one of the person's roles
    count: int  # roles of the person with this head
    first: int  # minus the position of the first
    person: Person


def _merge_variants(entries: list[_Score]) -> list[_Score]:
    """One entry a person whose names vary ("Donald J. Trump", "Donald Trump"): a
    name whose words are all in a longer one with the same last word counts as it."""
    entries = sorted(entries, key=lambda e: -len(e.person.name.split()))
    out: list[_Score] = []
    for e in entries:
        words = e.person.name.split()
        for o in out:
            longer = o.person.name.split()
            if words[-1:] == longer[-1:] and set(words) <= set(longer):
                o.count += e.count
                o.first = max(o.first, e.first)
                break
        else:
            out.append(e)
    return out


class People:
    """The persons of one document, by name and surname, and their roles."""

    def __init__(self, known: dict[str, str] | None = None, title: str = "") -> None:
        self.persons: dict[str, Person] = {}  # folded name -> person
        self.by_surname: dict[str, list[Person]] = {}
        self.roles: list[Role] = []  # in text order once the text is scanned
        # "Ban Ki-moon", "Nouri al-Maliki": the full names ending with a hyphenated word,
        # by their first word and by the word after the hyphen
        self._hyphen_ends: dict[str, set[Person]] = {}
        for label, canon in (known or {}).items():
            parse = parse_name_tokens(canon.split())
            nm = person_name(parse) if parse.name and len(parse.name) >= 2 else None
            if nm is None:
                continue
            first = lower_token(label.split()[0]) if label.split() else ""
            p = self.person(nm, ROLE_GENDER.get(first))
            if p is not None and "president" in lower_token(label):
                self.add_role(p, RoleTitle("president", ()), -1)
        if title:
            self._scan_title(title)

    def _scan_title(self, title: str) -> None:
        """Persons and roles the title introduces ("Remarks by President Biden")."""
        for m in RUN2_RE.finditer(title):
            tokens, _poss = cut_possessive(m.group().split())
            read = person_of_run(title, m.start(), tokens)
            if read is None:
                continue
            parse, nm = read
            p = self.person(nm, parse.gender)
            if p is not None and parse.role:
                self.add_role(p, parse.role, -1)

    def person(self, name: str, gender: str | None = None) -> Person | None:
        """The person of this name, added if new (a full name takes over the
        surname-only person of the same surname)."""
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
        found = self.persons.get(key)
        if found is None:
            p = Person(name, gender)
            self.persons[key] = p
            if "-" in words[-1]:
                for k in (fold(words[0]), fold(words[-1]).split("-", 1)[1]):
                    self._hyphen_ends.setdefault(k, set()).add(p)
            lst = self.by_surname.setdefault(surname_key(name), [])
            kb = KNOWN_PEOPLE.get(surname_key(name))
            for q in lst:
                if q.alias is None and " " not in q.name:
                    if kb and fold(kb.name.split()[0]) != fold(words[0]):
                        continue  # "President Biden" is not "Hunter Biden"
                    q.alias = p  # "President Biden" ... "Joe Biden"
                    if p._gender is None:
                        p._gender = q._gender
            lst.append(p)
            return p
        if gender and found.gender is None:
            found.gender = gender
        return found

    def surname(self, word: str) -> Person | None:
        """The person a surname stands for: the document's full name with it (the
        well-known one if the document names several, as "Joe Biden" and "Jill
        Biden")."""
        key = fold(word)
        cands = self.by_surname.get(key)
        if not cands:
            return self._family_name_first(key)
        fulls = [p for p in cands if " " in p.name]
        if len(fulls) > 1:
            kb = KNOWN_PEOPLE.get(key)
            if kb:
                for p in fulls:
                    if fold(p.name.split()[0]) == fold(kb.name.split()[0]):
                        return p
        return cands[0].canon()

    def _family_name_first(self, key: str) -> Person | None:
        """"Ban" of Ban Ki-moon, "Kim" of Kim Jong-un, "Maliki" of Nouri al-Maliki:
        the one person whose name starts with the word and ends with a hyphenated
        given name, or ends with the word after a particle."""
        cands = self._hyphen_ends.get(key)
        if not cands or key in MALE_NAMES or key in FEMALE_NAMES:
            return None
        found = {p.canon() for p in cands}
        return found.pop() if len(found) == 1 else None

    def surnames(self) -> list[str]:
        """The last words of every person's name, sorted."""
        return sorted({p.name.split()[-1] for ps in self.by_surname.values() for p in ps})

    def add_role(self, p: Person, role: RoleTitle, pos: int) -> None:
        self.roles.append(Role(role.head, tuple(role_mod(m) for m in role.mods), pos, p))

    def sort_roles(self) -> None:
        """Put the roles in text order (after the text's names are scanned)."""
        self.roles.sort(key=lambda r: r.pos)

    def role_heads(self) -> set[str]:
        return {r.head for r in self.roles}

    def resolve_role(self, head: str, mods: tuple[str, ...], pos: int) -> Person | None:
        """The person introduced with this role before ``pos``: the one whose role
        shares most modifiers with the mention's, then the one named with it most
        often ("President Biden" over a single "President Xi"; a name's variants
        count as one person). None when two people tie: the role is ambiguous."""
        head = ROLE_NORMAL.get(head.lower(), head.lower())
        want = {role_mod(m) for m in mods} - GENERIC_MODS
        want.discard("")
        score: dict[int, _Score] = {}
        for role in self.roles:
            if role.pos > pos:
                break
            if role.head != head:
                continue
            have = set(role.mods)
            if want and not (want & have):
                continue
            c = role.person.canon()
            key = id(c)
            entry = score.get(key)
            if entry is None:
                score[key] = _Score(len(want & have), 1, -role.pos, c)
            else:
                entry.shared = max(entry.shared, len(want & have))
                entry.count += 1
        if not score:
            return None
        top = max(e.shared for e in score.values())
        best = _merge_variants([e for e in score.values() if e.shared == top])
        best.sort(key=lambda e: (e.count, e.first), reverse=True)
        if len(best) > 1 and best[0].count <= best[1].count:
            return None  # two people hold the role as often: "the minister" is either
        return best[0].person
