"""Reported speech: quotes of kind ``indirect``.

"Peskov said Russia was not included in the list" reports what Peskov said
without quotation marks: the quote is the reported clause ("Russia was not
included in the list": not the cue, not "that", not the final full stop), the
speaker is the cue verb's subject. The forms read, in the narration of reports
(never inside a transcript's turn, where a speaker's own words are the turn):

- ``X said (that) CLAUSE`` and ``X told Y (that) CLAUSE``, with adverbials
  between the verb and "that" ("said on Monday that", "told reporters that");
- ``CLAUSE, X said.`` (the cue after the clause, ending the sentence);
- ``according to X, CLAUSE`` and ``CLAUSE, according to X``.

Only the verbs of reporting_verbs.txt count (not beliefs, plans or questions).
A clause may hold a partial quote ("said the plan was “a disaster”"); a cue
that introduces a direct quote ("said: “…”") is not reported speech.
"""

from __future__ import annotations

import re

from briefreader.core.quotes.context import Doc
from briefreader.core.quotes.lexicon import PRONOUN_GENDER, REPORTING_FINITE, words
from briefreader.core.quotes.patterns import ACC_RE, CLOSERS, MASK, NAME_DOT_RE
from briefreader.core.quotes.records import Candidate, SpeakerRef
from briefreader.core.quotes.subjects import Subjects

# "say" and "tell" after a plural subject ("Officials say the road …", "Police tell
# reporters …"); never after an auxiliary or "to" ("did not say", "to say")
_BASE_FORMS = ("say", "tell")
_VERB_ALT = "|".join(sorted(REPORTING_FINITE | set(_BASE_FORMS), key=len, reverse=True))
_CAPITALISED_NP_RE = re.compile(r"(?:the\s+)?[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,4}")
_PASSIVE_BEFORE_RE = re.compile(r"\b(?:is|was|were|are|been|be)\s+$")
_NEGATED_RE = re.compile(r"(?:\b(?:not|never)|n[’']t)\s+(?:\w+\s+)?$", re.IGNORECASE)
_NOT_BEFORE_BASE_RE = re.compile(
    r"(?:\b(?:to|not|never|will|would|could|can|cannot|may|might|must|shall|should|do|does|"
    r"did|let|let’s|let's|I|you|we|they)|n[’']t)\s+$", re.IGNORECASE)
_VERB_RE = re.compile(r"(?<![\w’'\-])(" + _VERB_ALT + r")(?![\w’'\-])")
# what may stand between the verb and "that": "on Monday", "reporters", "in a statement"
_GAP_THAT_RE = re.compile(r"\s+((?:[^\s,;:.!?" + MASK + r"“”\"]+\s+){0,8}?)that,?\s+")
_OPENERS = frozenset(
    "the a an this these those his her its their our my your there it he she they we i "
    "some many most all no one two three four five several both any each every more "
    "russia’s".split())
_NOT_CLAUSE = frozenset(
    "nothing something anything so it this that much little yes no goodbye hello thanks "
    "sorry more less otherwise".split())
_PREPS = frozenset(
    "on in at during after before to of for with about from by via over through "
    "yesterday today earlier later last this".split())
# words that may open what stands between "said" and "that" ("said again that",
# "said publicly that"), besides prepositions and capitalised words ("said Monday that")
_GAP_WORDS = frozenset("again also publicly repeatedly previously recently today yesterday "
                       "tonight then now later earlier separately".split())
_WH_WORDS = frozenset("why what how where who whom whose which whether".split())
_SUBORDINATE = frozenset("although though while if when because as since once unless".split())
# the object of "told" before a clause: "told CBC News", "told reporters", "told him"
_TOLD_OBJECT_RE = re.compile(
    r"\s*(?:(?:the\s+)?(?:[A-Z][\w’'.\-]*\s+){1,5}|(?:reporters|journalists|the\s+press|"
    r"me|us|him|her|them|lawmakers|parliament|the\s+court|the\s+audience)\s+)")
_CLAUSE_VERBS = frozenset("is was are were has had have will would could can may might must "
                          "should did does remains seemed".split())
# "it wasn’t", "there won’t": a negated auxiliary opens a clause like the auxiliary
_NEGATED_AUX_RE = re.compile(r"(?:is|was|are|were|has|had|have|wo|would|could|ca|must|should|"
                             r"did|does|do)n[’']t")
# "According to the Saudi Interior Ministry over …": the source's capitalised words,
# then the reported clause in lower case or digits
_ACC_NAME_RE = re.compile(r"\s*According\s+to\s+((?:the\s+)?[A-Z][\w’'.\-]*"
                          r"(?:\s+(?:of\s+(?:the\s+)?|for\s+(?:the\s+)?)?[A-Z][\w’'.\-]*)*)"
                          r"\s+(?=[a-z0-9])")
# words that continue the source's phrase rather than open the clause
_NAME_OF_RE = re.compile(r"(?:[A-Z][\w’'.\-]*\s+){1,3}[A-Z][\w’'\-]*\s+(?:of|from|at)\s")
_ABOUT = frozenset("over about nearly almost around some up more less at".split())
_AND_BEFORE_RE = re.compile(r",?\s*\b(?:and|but)(?:\s+(?:also|then|later|(?:it|this)\s+(?:is|was)))?"
                            r"\s+$")
_PARTICIPLE_TAIL_RE = re.compile(r"[,;]\s*(?:saying|adding|noting|stressing|explaining|warning|"
                                 r"arguing|insisting|claiming|stating|according\s+to)\b")
# a participle reporting what the sentence's subject said: "…, saying (that) CLAUSE"
# (not after a noun for what is said that follows a preposition: "talked about media
# reports, claiming that …" is the reports' claim; "dismissed the reports, saying that …"
# is the subject's)
_REPORT_NOUN_BEFORE_RE = re.compile(
    r"\b(?i:about|of|on|over|amid|after|following|regarding|concerning|despite|in|to)\s+"
    r"(?:[\w’'\-]+\s+){0,3}?(?i:" + "|".join(sorted(words("report_nouns.txt"), key=len, reverse=True))
    + r")\W*$")
_PARTICIPLE_CUE_RE = re.compile(r"[,;]\s*(saying|adding|noting|stressing|explaining|warning|"
                                r"arguing|insisting|claiming|stating)(?![\w’'\-])")
_TRAIL_RE = re.compile(r",\s*(?:(?:he|she|they|it|we)\s+|[^,;:" + MASK + r"“”\"]{1,80}?\s+)(?:"
                       + _VERB_ALT + r")(?:\s+[^,;:.!?" + MASK + r"“”\"]{0,60})?\s*[.!?]?\s*$")


def indirect_quotes(doc: Doc, subjects: Subjects, quoted: list[Candidate]) -> list[Candidate]:
    """The indirect quotes of the report's narration, attributed."""
    out: list[Candidate] = []
    direct_open = sorted(c.open for c in quoted if not c.drop)
    for bi, bl in enumerate(doc.blocks):
        if bl.kind not in ("paragraph", "list_item", "quote_block") or bl.turn >= 0:
            continue
        if doc.turn_first.get(bi, -1) >= 0:
            continue
        pos = bl.start
        text = doc.text
        while pos < bl.end:
            while pos < bl.end and text[pos].isspace():
                pos += 1
            if pos >= bl.end:
                break
            ss, se = doc.sentence(pos, bl.start, bl.end)
            ss = max(ss, pos)
            if se <= pos:
                break
            _sentence(doc, subjects, bi, ss, se, direct_open, out)
            pos = se
    return out


def _sentence(doc: Doc, subjects: Subjects, bi: int, ss: int, se: int,
              direct_open: list[int], out: list[Candidate]) -> None:
    m = doc.masked
    end = se
    while end > ss and (m[end - 1].isspace() or m[end - 1] in ".!?"):
        if m[end - 1] == "." and NAME_DOT_RE.match(m, end - 1):
            break
        end -= 1
    if end - ss < 12:
        return
    verbs = list(_VERB_RE.finditer(m, ss, end))
    found = False
    for k, vm in enumerate(verbs):
        if found and not _AND_BEFORE_RE.search(m, max(ss, vm.start() - 14), vm.start()):
            continue  # after a first clause, only a coordinated one: "…, and said that …"
        # the clause ends where a coordinated reporting verb starts another one
        limit = end
        for nxt in verbs[k + 1:]:
            am = _AND_BEFORE_RE.search(m, max(ss, nxt.start() - 14), nxt.start())
            if am is not None:
                limit = am.start()
                break
        cand = _after_verb(doc, subjects, bi, ss, limit, vm)
        if cand is not None:
            out.append(cand)
            found = True
    for pm in _PARTICIPLE_CUE_RE.finditer(m, ss, end):
        if _REPORT_NOUN_BEFORE_RE.search(m, max(ss, pm.start() - 60), pm.start() + 1) is not None:
            continue  # the reports claim it, not the sentence's subject
        tail = _PARTICIPLE_TAIL_RE.search(m, pm.end(), end)
        cand = _after_verb(doc, subjects, bi, ss, tail.start() if tail else end, pm,
                           participle=True)
        if cand is not None:
            out.append(cand)
            found = True
    if found:
        return
    cand = _before_cue(doc, subjects, bi, ss, end)
    if cand is not None:
        out.append(cand)


def _after_verb(doc: Doc, subjects: Subjects, bi: int, ss: int, end: int,
                vm: re.Match[str], participle: bool = False) -> Candidate | None:
    """``X said (that) CLAUSE``; with ``participle``, ``X …, saying (that) CLAUSE``
    (the speaker is the subject of the clause the participle hangs on)."""
    m = doc.masked
    text = doc.text
    verb = vm.group(1)
    after = vm.end()
    if _NEGATED_RE.search(m, max(ss, vm.start() - 16), vm.start()):
        return None  # "have not said why …", "never told anyone": nothing reported
    if verb in _BASE_FORMS and _NOT_BEFORE_BASE_RE.search(m, max(ss, vm.start() - 12),
                                                           vm.start()):
        return None  # "did not say", "to tell", "we say": no report of a third party
    if m[max(ss, vm.start() - 3):vm.start()].rstrip()[-1:] in CLOSERS:
        return None  # "“…,” said X": the cue of a direct quote
    rest = m[after:end]
    if not rest.strip() or rest.lstrip()[:1] in (",", ":", "—", "–", "("):
        return None  # "said: “…”", "said, “…”": a direct quote; "said." nothing
    if not re.search(r"\b[a-z]{2,}\b", rest.replace(MASK, " ")):
        return None  # "…,” said Senate Majority Leader Harry Reid: a name, no clause
    if rest.lstrip()[:1] in ("“", "\"", "‘"):
        # a clause opening with a quotation is reported speech only when it goes on
        # after the closing mark ("said “the proudest moment” was in 1993")
        mq = re.match(r"\s*[“\"‘]" + MASK + r"*[.!?,]?[”\"’]\s+(?:[a-z]+\s+){1,}", rest)
        if mq is None:
            return None
    tm = _GAP_THAT_RE.match(m, after, end)
    if tm is not None and tm.group(1) and verb not in ("told", "tells", "tell"):
        gap_first = tm.group(1).split()[0]
        if not (gap_first.lower() in _PREPS or gap_first.lower() in _GAP_WORDS
                or gap_first[:1].isupper()):
            tm = None  # "said her return shows people that …": the clause starts at "her"
    passive = tm is not None and tm.group(1).startswith("by ") and \
        _PASSIVE_BEFORE_RE.search(m, max(ss, vm.start() - 12), vm.start()) is not None
    # "it is asserted by the Crown that …": the agent speaks (or nobody we know)
    agent = _agent(subjects, tm.group(1)[3:], tm.start(1) + 3) if passive and tm else None
    if tm is not None and not re.search(r"\b(?:who|which|whether|if)\b", tm.group(1)):
        start = tm.end()
    else:
        words = rest.split()
        if verb in ("told", "tells", "tell"):
            om = _TOLD_OBJECT_RE.match(rest)
            if om is None or not _opens_clause(rest[om.end():].split()):
                return None  # "told reporters …" without a clause after the object
            after += om.end()
            words = rest[om.end():].split()
        if not _opens_clause(words):
            return None
        start = after
        while start < end and m[start].isspace():
            start += 1
    # the clause ends before a trailing attribution (", he added") or a semicolon
    stop = end
    semi = m.find(";", start, end)
    if semi >= 0:
        stop = semi
    part = _PARTICIPLE_TAIL_RE.search(m, start, stop)
    if part is not None:
        stop = part.start()  # "…, saying no contacts are planned": another statement
    span_end = stop
    while span_end > start and (text[span_end - 1].isspace() or text[span_end - 1] in ",;:"):
        span_end -= 1
    if span_end - start < 8 or len(text[start:span_end].split()) < 3:
        return None
    if text[start] in "“\"" and MASK in m[start:span_end] and \
            m[start:span_end].rstrip(".!?”\"’ ").endswith(MASK):
        return None  # the whole clause is a quotation: a direct quote already
    if participle:
        return _make(doc, bi, start, span_end, subjects.main_subject(ss, vm.start(), -1), verb)
    if passive:
        return _make(doc, bi, start, span_end, agent, verb)
    res = subjects.subject_before(ss, vm.start(), -1)
    if res is None and _AND_BEFORE_RE.search(m, max(ss, vm.start() - 14), vm.start()):
        res = subjects.main_subject(ss, vm.start(), -1)  # "X did …, and concluded that"
    return _make(doc, bi, start, span_end, res, verb)


def _clause_after_name(words: list[str]) -> bool:
    """Whether ``words`` (after "According to The Source", no comma) open the
    reported clause: a determiner or pronoun, a number, "over 300"."""
    if len(words) < 3:
        return False
    first = words[0].lower()
    return first in _OPENERS or first[:1].isdigit() or (
        first in _ABOUT and words[1][:1].isdigit())


def _agent(subjects: Subjects, phrase: str, pos: int) -> SpeakerRef | None:
    """The agent of a passive cue ("asserted by the Crown"): whom it names, else a
    capitalised name as written."""
    res = subjects.who(phrase, pos, -1)
    if res is None and _CAPITALISED_NP_RE.fullmatch(phrase.strip()):
        name = phrase.strip()
        return SpeakerRef("explicit", None, name, pos, name)
    return res


def _opens_clause(words: list[str]) -> bool:
    """Whether ``words`` can open a reported clause (a subject or a subordinator)."""
    if len(words) < 3:
        return False
    first = words[0].lower().strip(",")
    if first in ("it", "this", "that", "there") and (
            words[1].lower() in _CLAUSE_VERBS or _NEGATED_AUX_RE.fullmatch(words[1].lower())):
        return True  # "said it was …", "says it wasn’t …" (not "said it.")
    if first in _NOT_CLAUSE or first in _PREPS:
        return False
    if first.isalpha() and " to be " in " " + " ".join(w.lower() for w in words[1:4]) + " ":
        return True  # "declared pilot error to be behind the crash"
    if first.isalpha() and first not in _WH_WORDS and any(
            w.lower() in _CLAUSE_VERBS or _NEGATED_AUX_RE.fullmatch(w.lower()) for w in words[1:4]):
        return True  # "said officials had found a knife", "said prices could rise"
    return first in _OPENERS or first in _SUBORDINATE or words[0][:1].isupper() or \
        first in PRONOUN_GENDER or first[:1].isdigit() or words[0][:1] in "“\"‘"


def _before_cue(doc: Doc, subjects: Subjects, bi: int, ss: int,
                end: int) -> Candidate | None:
    """``CLAUSE, X said.`` and ``CLAUSE, according to X.`` / ``According to X, CLAUSE``."""
    m = doc.masked
    seg = m[ss:end]
    if MASK in seg and seg.lstrip()[:1] in ("“", "\""):
        return None
    am = re.match(r"\s*According\s+to\s+", seg)
    if am:
        acc = ACC_RE.match(m, ss, end)
        comma = m.find(",", ss + am.end(), end)
        nm = _ACC_NAME_RE.match(seg)
        if nm is not None and (comma < 0 or ss + nm.end() < comma) and \
                _clause_after_name(seg[nm.end():].split()):
            # no comma after the source: "According to the Saudi Interior Ministry
            # over 300 …" (a capitalised name, then the clause in lower case)
            res = subjects.who(nm.group(1), ss + nm.start(1), -1)
            return _make(doc, bi, ss + nm.end(), end, res, "according to")
        if acc is None or comma < 0:
            return None
        res = None
        if _NAME_OF_RE.match(acc.group("subj")):  # "Tom Hale of the ministry"
            res = subjects.who(acc.group("subj"), acc.start("subj"), -1, tail=False)
            if res is not None and res.person is None:
                res = None  # "Deputy Mayor of the County Tina Rudd": read from the end
        if res is None:
            res = subjects.who(acc.group("subj"), acc.start("subj"), -1) or \
                subjects.who(acc.group("subj"), acc.start("subj"), -1, tail=False)
        named = _appositive_name(doc, subjects, comma + 1, end) \
            if res is None or (res.how == "role" and res.name is None) else None
        if named is not None:  # "According to the team’s coach, Ana Brel, CLAUSE"
            res, comma = named
        start = comma + 1
        while start < end and m[start].isspace():
            start += 1
        return _make(doc, bi, start, end, res, "according to")
    tail = re.search(r"(?:,\s*|\s+)according\s+to\s+[^,;:" + MASK + r"“”\"]{2,80}$", seg)
    if tail:
        acc = ACC_RE.match(m, ss + tail.start(), end)
        if acc is None:
            return None
        res = subjects.who(acc.group("subj"), acc.start("subj"), -1, tail=False)
        return _make(doc, bi, ss, ss + tail.start(), res, "according to")
    tm = _TRAIL_RE.search(seg)
    if tm is None:
        return None
    vm = list(_VERB_RE.finditer(m, ss + tm.start(), end))
    if not vm:
        return None
    res = subjects.subject_before(ss + tm.start() + 1, vm[0].start(), -1)
    if res is None:
        return None
    return _make(doc, bi, ss, ss + tm.start(), res, vm[0].group(1))


def _appositive_name(doc: Doc, subjects: Subjects, at: int,
                     end: int) -> tuple[SpeakerRef, int] | None:
    """A person's name alone between commas at ``at`` (after "according to the
    team’s coach,"): the name and its closing comma."""
    m = doc.masked
    comma = m.find(",", at, end)
    if comma < 0:
        return None
    phrase = m[at:comma].strip()
    if not phrase or len(phrase.split()) > 4 or not all(w[:1].isupper() for w in phrase.split()):
        return None
    res = subjects.who(phrase, at + m[at:comma].find(phrase), -1)
    if res is None or res.how != "explicit" or res.person is None:
        return None
    return res, comma


def _make(doc: Doc, bi: int, start: int, end: int, res: SpeakerRef | None,
          cue: str) -> Candidate | None:
    text = doc.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    if end - start < 8 or len(text[start:end].split()) < 3:
        return None
    c = Candidate(start, end, start - 1, end, bi)
    c.kind = "indirect"
    c.cue = cue
    if res is not None:
        c.person = res.person
        c.speaker = res.person.display if res.person is not None else res.name
        c.mention = res.mention.strip(" ,") if res.mention else None
        c.how = res.how
    return c
