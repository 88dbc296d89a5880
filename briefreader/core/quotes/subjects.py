"""Who a phrase of the narration names: the subject of a cue verb.

``Subjects.who`` reads a subject phrase ("Kremlin spokesman Dmitry Peskov",
"he", "the Kremlin spokesman", "the U.S. Department of Transportation") and
returns a :class:`~.records.SpeakerRef`; ``subject_before`` finds the phrase
before a cue verb (back to a clause boundary), ``main_subject`` the subject of
the clause a participle ("saying") hangs on.
"""

from __future__ import annotations

import re

from briefreader.core.quotes.context import Doc
from briefreader.core.quotes.lexicon import (
    DAYS,
    DEMONYMS,
    INTRO_WORDS,
    KNOWN_PEOPLE,
    MONTH_NAMES,
    NOBODY_WORDS,
    OBJECT_BEFORE,
    ORG_HEADS,
    PRONOUN_GENDER,
    ROLE_HEADS,
    STOP_CAPS,
    TITLE_WORDS,
)
from briefreader.core.quotes.names import (
    ROLE_NP_RE,
    RUN_RE,
    NameParse,
    fold,
    is_title_word,
    parse_name_tokens,
    person_name,
)
from briefreader.core.quotes.patterns import (
    CLAUSE_SPLIT_RE,
    CUE_RE,
    WORD_RE,
    strip_aux_tail,
)
from briefreader.core.quotes.records import SpeakerRef
from briefreader.core.quotes.subject_forms import (
    LastSource,
    appositive_subject,
    description_subject,
    document_source,
    role_then_name,
    turn_person,
    with_subject,
)

# a person before an organisation: "Muhammad Alwi of the Transport Ministry said"
_PERSON_OF_RE = re.compile(r"((?:[A-Z][\w’'.\-]*\s+){2,4})(?:of|from|at)\s+(?:the\s+)?")
_OF_TITLE_RE = re.compile(r"(\w+)\s+(?:of|to|for)(?:\s+the)?(?:\s+[A-Z][\w’'\-]*)*"
                          r"(?:\s+(?:and|&))?\s*$")


# a surname opening with a lower-case particle: "al-Bulani said"
_PARTICLE_SURNAME_RE = re.compile(r"(?<![\w’'\-])((?:al|el|ad|ash|as|at|az|ar|an|bin|ibn|abu|bint)"
                                  r"-[A-Z][\w’'\-]*)\s*$")


class Subjects:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.sources = LastSource()  # what "it said" stands for

    def who(self, phrase: str, pos: int, turn: int, tail: bool = True,
            orgs: bool = True) -> SpeakerRef | None:
        """The speaker a subject phrase at ``pos`` names (the phrase ends at a
        cue verb when ``tail``, else starts after one). None when it names
        nobody ("reports", "we"); a reference whose person and name are None
        when it names someone we cannot resolve ("he" with no antecedent, "a
        flight attendant")."""
        s = phrase.rstrip(" \t\n,")
        words = list(WORD_RE.finditer(s))
        if not words:
            return None
        w = words[-1] if tail else words[0]
        low = w.group().lower().replace("'", "’")
        if "’" in low and low.split("’")[0] in ("he", "she", "i", "you", "we", "they", "it"):
            low = low.split("’")[0]  # "He’s said", "You’ve said", "They’ll say"
        wpos = pos + w.start()
        if tail and len(words) >= 2 and words[-2].group().lower() in OBJECT_BEFORE and \
                (low in PRONOUN_GENDER or low in ("i", "you", "him", "her", "me")):
            return None  # "said to you", "told him": an object, not the speaker
        if low in PRONOUN_GENDER:
            p = self.doc.antecedents.resolve_pronoun(wpos, PRONOUN_GENDER[low])
            if p is not None and p.gender is None:
                p.gender = PRONOUN_GENDER[low]
            return SpeakerRef("pronoun", p, w.group(), wpos)
        if low in ("i", "you"):
            p = turn_person(self.doc, turn, addressee=low == "you")
            if p is None:
                return None
            return SpeakerRef("pronoun", p, w.group(), wpos)
        if low == "it" and turn < 0:
            return self.sources.it_ref(self.doc.masked, wpos, w.group())
        described = description_subject(s, pos, tail) if turn < 0 else None
        if described is not None:
            return described  # "a spokesman for the ministry", "one worker", "officials"
        if low in NOBODY_WORDS:
            return None
        # a document speaking ("the report said"); not inside a transcript's turn,
        # where someone reads it out
        doc_ref = document_source(self, s, words, pos, tail) if turn < 0 else None
        if doc_ref is not None:
            return doc_ref
        if not tail:
            named = role_then_name(self, s, pos)
            if named is not None:
                return named
        else:
            pm = _PARTICLE_SURNAME_RE.search(s) if "-" in s else None
            before = s[:pm.start()].split()[-1:] if pm else []
            if before and before[0][:1].isupper():
                pm = None  # "Suleiman al-Amr": the whole name is read below
            known = self.doc.people.surname(pm.group(1)) if pm else None
            if pm is not None and known is not None:
                return SpeakerRef("explicit", known, pm.group(1), pos + pm.start(1))  # "al-Bulani"
        # a name (or an organisation) ending (starting) the phrase
        run = None
        for r in RUN_RE.finditer(s):
            if r.start() > 0 and (s[r.start() - 1].isalnum() or s[r.start() - 1] in "’'-."):
                continue  # inside a word, or an abbreviation ("S." of "U.S.")
            if tail:
                rest = s[r.end():].strip()
                if not rest:
                    run = r
            else:
                if r.start() == words[0].start() or (
                        words[0].group().lower() == "the" and len(words) > 1
                        and r.start() == words[1].start()):
                    run = r
                break
        if run is not None:
            res = self.name_run(s, run, pos, tail)
            if res is not None and res.person is None and res.name and not orgs and \
                    " " not in res.name and not res.name.isupper():
                res = None  # "Catherine, I should say": a single word far from the verb
            if res is not None:
                return res
        if tail and run is None:
            named = _web_or_dotted_org(s, pos)
            if named is not None:
                return named  # "Secunia.com", "the U.S. Environmental Protection Agency"
        # a role: "the Kremlin spokesman", "the President"
        role_m = None
        for rm in ROLE_NP_RE.finditer(s):
            if tail and s[rm.end():].strip(" ,"):
                continue
            if not tail and rm.start() > words[0].start():
                break
            role_m = rm
            if not tail:
                break
        people = self.doc.people
        if role_m is not None:
            head = role_m.group(2).lower()
            det = s[role_m.start():role_m.start(1)].strip().lower()
            mods = tuple(x.lower() for x in role_m.group(1).split())
            mention = s[role_m.start():role_m.end()]
            if det in ("a", "an", "one", "another"):
                return SpeakerRef("role", None, mention, pos + role_m.start())
            p = people.resolve_role(head, mods, pos + role_m.start())
            return SpeakerRef("role", p, mention, pos + role_m.start())
        if run is not None:
            toks = [t.lower() for t in run.group().split()]
            if toks and toks[-1] in ROLE_HEADS:
                p = people.resolve_role(toks[-1], tuple(toks[:-1]), pos + run.start())
                return SpeakerRef("role", p, run.group(), pos + run.start())
        return None

    def name_run(self, s: str, run: re.Match[str], pos: int, tail: bool) -> SpeakerRef | None:
        """The person (or organisation) a run of capitalised words names."""
        tokens = run.group().split()
        if tokens and tokens[-1][-2:] in ("’s", "'s"):
            return None  # "Russia’s foreign minister" is handled as a role
        parse = parse_name_tokens(tokens)
        rpos = pos + run.start()
        if not parse.name:
            known = self.doc.people.surname(tokens[0]) if len(tokens) == 1 else None
            if known is not None and " " in known.name:
                # "Park" of Lisa Park; "King" of Lisa King, though "king" is a title
                return SpeakerRef("explicit", known, run.group(), rpos)
            if all(is_title_word(t) for t in tokens):
                return None  # "The President": a role
            return self._org(tokens, run, rpos, s)
        if not parse.titled:
            before = s[:run.start()].split()[-1:] if run.start() else []
            if (before and before[0].lower().strip(",") in ROLE_HEADS) or \
                    (parse.prefix and _title_of_before(s, run.start())):
                # "spokesman Dmitry Peskov", "Secretary of the Treasury Scott Bessent"
                parse = NameParse(parse.name, parse.prefix, True, parse.gender, parse.role)
        nm = person_name(parse)
        mention = run.group() if parse.prefix else " ".join(parse.name)
        full = _extend_role(s, run.start())
        if full:
            mention = full + " " + run.group()
        people = self.doc.people
        if nm is not None:
            # coordinated names: "George Santos and Ralph Norman said"
            if tail and not parse.prefix:
                cm = re.search(r"((?:[A-Z][\w’'\-.]*\s+){1,3}[A-Z][\w’'\-.]*)\s+and\s+$",
                               s[:run.start()])
                if cm:
                    other = person_name(parse_name_tokens(cm.group(1).split()))
                    if other and len(other.split()) >= 2:
                        name = other + " and " + nm
                        return SpeakerRef("explicit", None, cm.group(1) + " and " + run.group(),
                                          pos + cm.start(1), name)
            if " " not in nm:
                p = people.surname(nm) or people.person(nm, parse.gender)
            else:
                p = people.person(nm, parse.gender)
            return SpeakerRef("explicit", p, mention, rpos)
        real = [t for t in parse.name if not (len(t) == 2 and t.endswith("."))]
        if len(real) == 1 and not parse.titled:
            p = people.surname(real[0])
            if p is None and fold(real[0]) in KNOWN_PEOPLE:
                p = people.person(real[0])  # the last resort: a well-known surname
            if p is not None:
                return SpeakerRef("explicit", p, mention, rpos)
        return self._org(tokens, run, rpos, s)

    def _org(self, tokens: list[str], run: re.Match[str], rpos: int,
             s: str) -> SpeakerRef | None:
        """An organisation (its acronym spelt out as the text defines it), or the
        person named before "of the Org" ("Muhammad Alwi of the Transport Ministry")."""
        pm = _PERSON_OF_RE.search(s, 0, run.start())
        if pm is not None and pm.end() == run.start():
            parse = parse_name_tokens(pm.group(1).split())
            nm = person_name(parse)
            if nm is not None and len(parse.name) >= 2:
                p = self.doc.people.person(nm, parse.gender)
                return SpeakerRef("explicit", p, pm.group(1).strip(), rpos - (run.start() - pm.start()))
        res = org_ref(tokens, run, rpos, s)
        if res is not None and res.name in self.doc.acronyms:
            res = res._replace(name=self.doc.acronyms[res.name])
        return res

    def subject_before(self, lo: int, verb_at: int, turn: int) -> SpeakerRef | None:
        """The subject of a cue verb at ``verb_at``: the phrase before it back to a
        clause boundary (over auxiliaries, and over appositives in commas)."""
        res = self._subject_before(lo, verb_at, turn)
        if res is None or res.person is None:
            # "Tom Hale, a lawyer for the family, said", "Tom Hale, QC, said", "Ann
            # Orr, an Ottawa New Democrat MP, said": the name, not the description,
            # the letters or the party after it
            res = appositive_subject(self, lo, verb_at, turn) or res
        return res

    def _subject_before(self, lo: int, verb_at: int, turn: int) -> SpeakerRef | None:
        m = self.doc.masked
        window = m[lo:verb_at]
        stripped = strip_aux_tail(window)
        seg_end = lo + len(stripped)
        for step in range(3):
            cut = lo
            last_b = None
            for b in CLAUSE_SPLIT_RE.finditer(m, max(lo, seg_end - 160), seg_end):
                cut = b.end()
                last_b = b
            phrase = m[cut:seg_end]
            if phrase.strip():
                res = self.who(phrase, cut, turn, orgs=step == 0)
                if res is not None and step > 0 and \
                        len(phrase.split()) > len(res.mention.split()) + 1:
                    return None  # "…has seen the videos of Tyre Nichols, said"
                if res is not None:
                    if last_b is not None and last_b.group().lower() == "and" and \
                            res.how == "explicit" and res.person is not None:
                        res = self._coordinated(res, lo, last_b.start())
                    return res
                first = phrase.strip()[:1]
                if len(phrase.split()) > 2 and not first.islower() or len(phrase.split()) > 7:
                    return None
            if cut <= lo or m[cut - 1] not in ",—–":
                return None
            seg_end = cut - 1
        return None

    def _coordinated(self, res: SpeakerRef, lo: int, and_at: int) -> SpeakerRef:
        """"George Santos and Ralph Norman said": both names."""
        m = self.doc.masked
        seg = m[max(lo, and_at - 80):and_at].rstrip()
        runs = [r for r in RUN_RE.finditer(seg) if not seg[r.end():].strip()]
        if not runs or res.person is None:
            return res
        parse = parse_name_tokens(runs[-1].group().split())
        other = person_name(parse)
        if other is None or len(other.split()) < 2:
            return res
        p = self.doc.people.person(other, parse.gender)
        first = p.display if p is not None else other
        name = first + " and " + res.person.display
        return SpeakerRef("explicit", None, runs[-1].group() + " and " + res.mention, res.pos, name)

    def with_subject(self, lo: int, verb_at: int, turn: int) -> SpeakerRef | None:
        """The subject of an absolute participle: "with Boswell stating"."""
        return with_subject(self, lo, verb_at, turn)

    def main_subject(self, lo: int, hi: int, turn: int) -> SpeakerRef | None:
        """The subject of the clause a participle ("saying", "noting") hangs on:
        the sentence's first cue verb's subject, else the noun phrase the
        sentence starts with (after an introductory phrase)."""
        m = self.doc.masked
        for cm in CUE_RE.finditer(m, lo, hi):
            if cm.group(1):
                res = self.subject_before(lo, cm.start(), turn)
                if res is not None:
                    return res
        s = lo
        first = WORD_RE.search(m, s, hi)
        if first and first.group().lower() in INTRO_WORDS:
            comma = m.find(",", s, hi)
            if comma >= 0:
                s = comma + 1
        while s < hi and m[s].isspace():
            s += 1
        end = hi
        for b in CLAUSE_SPLIT_RE.finditer(m, s, hi):
            end = b.start()
            break
        phrase = m[s:end]
        words = list(WORD_RE.finditer(phrase))
        if not words:
            return None
        if words[0].group().lower() in PRONOUN_GENDER:
            return self.who(phrase[: words[0].end()], s, turn)
        rm = ROLE_NP_RE.match(phrase, words[0].start())
        if rm:
            return self.who(phrase[: rm.end()], s, turn)
        run = RUN_RE.match(phrase, words[0].start())
        if run:
            res = self.who(phrase[: run.end()], s, turn, orgs=False)
            if res is not None:
                return res
        # "Venezuelan president Hugo Chavez sent …": titles, then a name
        for r in RUN_RE.finditer(phrase, words[0].start()):
            lead = phrase[words[0].start():r.start()].split()
            if lead and all(w[:1].isupper() or w.lower() in TITLE_WORDS for w in lead):
                parse = parse_name_tokens(r.group().split())
                if person_name(parse) is not None and len(parse.name) >= 2:
                    return self.who(phrase[: r.end()], s, turn, orgs=False)
            if lead:
                break
        return None


def org_ref(tokens: list[str], run: re.Match[str], rpos: int, s: str = "") -> SpeakerRef | None:
    """An organisation, a publication or a country as the subject of a cue
    ("the U.S. Department of Transportation announced")."""
    org = " ".join(t for t in tokens if t)
    if s:
        om = re.search(r"((?:[A-Z][\w’'.\-]*\s+)+(?:of|in|for)(?:\s+the)?\s+)$",
                       s[:run.start()])
        if om:
            org = om.group(1) + org
            rpos -= len(om.group(1))
    org = re.sub(r"^(?:The|the)\s+", "", org).strip(" .,")
    low_toks = [t.lower().replace("’", "'").rstrip(".") for t in org.split()]
    if not low_toks or any(t in STOP_CAPS for t in low_toks[:1]):
        return None
    if all(t in MONTH_NAMES or t in DAYS for t in low_toks):
        return None
    if low_toks[-1] in ROLE_HEADS:
        return None  # a title alone ("The President"): a role
    if all(t in TITLE_WORDS or t + "." in TITLE_WORDS for t in low_toks):
        return None  # "Mr.", "Sen.": a title alone names nobody
    if len(low_toks) == 1 and low_toks[0] in DEMONYMS:
        return None  # "the Afghan team’s coach": an adjective, nobody speaking
    return SpeakerRef("explicit", None, run.group(), rpos, org)


_DOMAIN_RE = re.compile(r"(?<![\w.])([A-Z][\w\-]*(?:\.[A-Za-z][\w\-]*)*"
                        r"\.(?:com|org|net|gov|edu|info|io|co\.uk|news))\s*$")
_DOTTED_ORG_RE = re.compile(r"(?<![\w.])((?:[A-Z][\w’'\-]*\.?(?:[A-Z]\.)*\s+){1,6}"
                            r"([A-Z][\w’'\-]*))\s*$")


def _web_or_dotted_org(s: str, pos: int) -> SpeakerRef | None:
    """A web site ("Secunia.com") or an organisation written with a dotted
    abbreviation ("the U.S. Environmental Protection Agency") ending the phrase."""
    dm = _DOMAIN_RE.search(s)
    if dm is not None:
        return SpeakerRef("explicit", None, dm.group(1), pos + dm.start(1), dm.group(1))
    om = _DOTTED_ORG_RE.search(s) if "." in s else None
    if om is None or om.group(2).lower() not in ORG_HEADS or "." not in om.group(1):
        return None
    return SpeakerRef("explicit", None, om.group(1), pos + om.start(1), om.group(1))


def _title_of_before(s: str, rel: int) -> bool:
    """A title governing an "of" (to, for) phrase before a name: "Secretary of
    Housing and Urban Development Scott Turner", "Ambassador to the United States
    Tomas Vell"."""
    m = _OF_TITLE_RE.search(s, max(0, rel - 80), rel)
    return bool(m and m.group(1).lower() in ROLE_HEADS)


def _extend_role(s: str, rel: int) -> str | None:
    """The lower-case role before a name ("Kremlin spokesman" before "Dmitry Peskov")."""
    words = s[:rel].split()
    if not words or words[-1].lower() not in ROLE_HEADS:
        return None
    k = len(words) - 1
    while k > 0 and words[k - 1][:1].isupper() and words[k - 1][-1:] not in ".,;:":
        k -= 1
    return " ".join(words[k:])
