"""Transcript turns: speaker labels ("MS. PSAKI:", "Q", "Question:", "Vladimir Putin:"),
stage notes ("(Laughter.)"), speaker names resolved from the title and text."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from briefreader.core.ingest.blocks import RawBlock
from briefreader.core.lexicon import ACRONYMS, HONORIFICS
from briefreader.core.model import REPORTER, Block

_UPPER_WORD = r"(?:[A-Z][A-Z0-9.'’\-]*|&|of|de|la|del|van|von|du)"
_UPPER = re.compile(
    rf"(?P<label>(?:MR|MS|MRS|DR)\.?[ \t\u00a0]+[A-Z][A-Z.'’\-]+(?:[ \t\u00a0]+[A-Z][A-Z.'’\-]+){{0,2}}"
    rf"|[A-Z][A-Z0-9.'’\-]+(?:[ \t\u00a0]+{_UPPER_WORD}){{0,6}})"
    r"(?P<paren>[ \t\u00a0]*\([^()\n]{1,40}\))?[ \t\u00a0]*:(?=\s|$)[ \t\u00a0]*"
)
_Q = re.compile(r"(?P<label>Q)(?:[ \t\u00a0]*[:.])?(?:[ \t\u00a0]+|$)")
_MIXED_WORD = r"(?:[A-Z][\w'’\-]*\.?|\d{1,3}|of|de|da|di|van|von|bin|al|el|la|le|du|der|den|dos|y)"
_MIXED = re.compile(  # "Vladimir Putin:", "D.Peskov:", "Speaker 2:"
    rf"(?P<label>(?:[A-Z]\.[ \t\u00a0]?)?[A-Z][\w'’\-]*\.?(?:[ \t\u00a0]+{_MIXED_WORD}){{0,4}})"
    r"(?P<paren>[ \t\u00a0]*\([^()\n]{1,40}\))?[ \t\u00a0]*:(?:[ \t\u00a0]+(?=\S)|[ \t\u00a0]*$)"
)  # (the label alone on its line: the words follow in the next block)
_NOT_UPPER = {
    "NOTE", "UPDATE", "END", "EDITOR'S NOTE", "EDITOR’S NOTE", "WHEN", "WHERE", "WHAT", "WHO",
    "WHY", "HOW", "BACKGROUND", "SUMMARY", "TIME", "DATE", "LOCATION", "SUBJECT", "RE", "PS",
    "FACT SHEET", "BREAKING", "WATCH", "READ", "MORE", "TRANSCRIPT", "ATTENTION", "WARNING",
    "IMPORTANT", "EMBARGOED", "FOR IMMEDIATE RELEASE", "CONTACT", "SOURCE", "PHOTO", "VIDEO",
    "TOPICS", "AGENDA", "TAGS", "URL", "HTTP", "HTTPS", "Q&A", "EST", "EDT", "A.M", "P.M",
}
_NOT_MIXED = {
    "Note", "Update", "Source", "Sources", "Photo", "Summary", "Tags", "Date", "Related",
    "Read more", "Watch", "Location", "Time", "Subject", "Background", "Editor's note",
    "Example", "Warning", "Important", "Also", "However", "Meanwhile", "Finally", "First",
    "Second", "Third", "Here", "Why", "What", "How", "Who", "When", "Where", "Yes", "No", "Topics", "Agenda",
    "Contact", "Read", "Video", "Transcript", "Link", "Https", "Http", "Quote", "End quote",
    "Bottom line", "Result", "Results", "Key points", "Highlights", "Context",
}
_QUESTION_LABELS = {"q", "question", "questions", "reporter", "journalist", "remark", "comment"}
_STAGE = re.compile(r"^(?:[\(\[][^()\[\]]{1,120}[\)\]][.,]?|END\b.*|\d{1,2}:\d{2}\s*[AP]\.?M\.?.*)$", re.I)
_TITLES = HONORIFICS | {
    "the", "press", "secretary", "director", "coordinator", "advisor",
    "adviser", "administrator", "acting", "general", "surgeon", "chair", "chairman", "ambassador",
    "president", "vice", "senior", "deputy", "national", "security", "principal", "assistant",
    "special", "envoy", "governor", "senator", "representative", "admiral", "commissioner",
    "minister", "spokesman", "spokeswoman", "spokesperson", "council", "economic", "domestic",
    "policy", "chief", "of", "staff", "communications", "strategic", "for", "and", "by", "with",
    "on", "in", "at", "to", "from", "a", "an", "white", "house", "briefing", "gaggle", "remarks",
    "en", "route", "aboard", "air", "force", "one", "response", "team", "covid", "officials",
    "official", "administration", "department", "state", "defense", "homeland", "treasury",
    "agriculture", "commerce", "education", "energy", "labor", "transportation", "interior",
    "justice", "health", "human", "services", "veterans", "affairs", "climate", "medical",
    "nsc", "kremlin", "foreign", "ministry", "us", "u.s.", "united", "states", "first", "lady",
    "attorney", "cdc", "fema", "sba", "epa", "usda", "hud", "doe", "dhs", "dod", "ceo",
    "drs", "doctors", "doctor", "prime", "lieutenant", "colonel", "major", "captain", "sergeant", "rear",
    "gen", "adm", "lt", "col",
}


def _upper_label(text: str) -> re.Match[str] | None:
    m = _UPPER.match(text)
    if not m:
        return None
    label = m.group("label").rstrip(".")
    letters = [c for c in label if c.isalpha()]
    if len(letters) < 2 or label in _NOT_UPPER or len(label) > 60:
        return None
    if any(c.islower() for c in label.replace(" of ", " ").replace(" de ", " ")
           .replace(" la ", " ").replace(" van ", " ").replace(" von ", " ").replace(" du ", " ")):
        return None
    return m


# a time stamp right after a label ("Jen Psaki: (00:01)", as transcription services
# write them) is not part of what was said
_STAMP_AFTER = re.compile(r"[\(\[]\d{1,2}:\d{2}(?::\d{2})?[\)\]][ \t\u00a0]*\n?")


_STAMP_BEFORE = re.compile(  # "[00:01:23] ", "5:19 P.M. EDT "
    r"[\(\[]?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t\u00a0]*[AaPp]\.?[Mm]\.?)?(?:[ \t\u00a0]*[ECMP][SD]T\b)?[\)\]]?"
    r"[ \t\u00a0]+(?=\S)")


def match_label(text: str) -> tuple[str, int, int] | None:
    """(label, label_end, content_start) for a block beginning with a speaker label,
    perhaps after a time stamp ("[00:01:23] MR. KIRBY: …"; offsets from the block start)."""
    st = _STAMP_BEFORE.match(text)
    shift = st.end() if st else 0
    got = _match_label(text[shift:]) if shift else _match_label(text)
    if got is None:
        return None
    label, lend, cstart = got[0], got[1] + shift, got[2] + shift
    m = _STAMP_AFTER.match(text, cstart)
    return label, lend, m.end() if m else cstart


def _match_label(text: str) -> tuple[str, int, int] | None:
    m = _Q.match(text)
    if m and (m.end() < len(text) or m.group(0).strip() != "Q"):
        return "Q", 1, m.end()
    m = _upper_label(text)
    if m:
        label = m.group("label")
        return label, len(label), m.end()
    m = _MIXED.match(text)
    if m:
        label = m.group("label")
        if label in _NOT_MIXED or label.rstrip(".") in _NOT_MIXED or len(label) > 50:
            return None
        if label.endswith(".") and label.count(" ") == 0 and label.rstrip(".") not in ("Q",):
            return None
        return label, len(label), m.end()
    return None


def starts_with_label(line: str) -> bool:
    m = match_label(line)
    return m is not None and (m[0] == "Q" or _upper_label(line) is not None)


def is_stage(text: str) -> bool:
    return bool(_STAGE.match(text.strip()))


def build_blocks(text: str, raw: list[RawBlock]) -> tuple[list[Block], int]:
    """Turn raw blocks into Blocks, detecting transcript turns.

    Returns (blocks, number of labelled turns). Turns are kept only when the
    document reads as a transcript (see ``is_transcript``); otherwise labels are
    ordinary text.
    """
    found: list[tuple[str, int, int] | None] = []
    counts: Counter[str] = Counter()
    for rb in raw:
        m = match_label(text[rb.start:rb.end]) if rb.kind in ("paragraph", "list_item") else None
        found.append(m)
        if m:
            counts[m[0]] += 1
    # Mixed-case labels ("Vladimir Putin:") make a Kremlin-style transcript: they count
    # when used at least twice, or beside a mixed-case question label ("Question:"),
    # and never in a transcript whose speakers are upper-case labels ("MS. PSAKI:"),
    # where "Politico Playbook: ..." inside a turn is a read-out, not a speaker.
    upper_turns = sum(n for lbl, n in counts.items() if lbl == "Q" or _upper_label(lbl + ":"))
    has_question = any(lbl != "Q" and lbl.lower().rstrip(".") in _QUESTION_LABELS for lbl in counts)

    # a transcript of mixed-case labels (one used twice or more): a label used once
    # whose turn asks something is a questioner ("Reuters:", "Pavel Zarubin:")
    mixed_speakers = upper_turns < 3 and any(
        n >= 2 and lbl != "Q" and _upper_label(lbl + ":") is None for lbl, n in counts.items())

    def accepted(label: str) -> bool:
        if label == "Q" or label.lower() in _QUESTION_LABELS:
            return True
        if _upper_label(label + ":") is not None:
            return counts[label] >= 1
        if upper_turns >= 3:
            return False
        return counts[label] >= 2 or (has_question and counts[label] >= 1)

    segs = [text[rb.start:rb.end] for rb in raw]
    # labels set in bold ("<b>Sergei Lavrov:</b>", "**Spokesman:**"), but not the bold
    # name heading a quotation in a round-up ("**Senator X:** “…”")
    bold = [m is not None and _bold_label(rb.lead, m[0]) and seg[m[2]:m[2] + 1] not in ("“", '"', "«", "„")
            for rb, m, seg in zip(raw, found, segs, strict=True)]
    # ... when someone speaks twice or questions are asked: bold "**Gaza:** …" lead-ins
    # of a news digest, or "**When:**" of an advisory, are not speakers
    bold_labels = [m[0] for m, b in zip(found, bold, strict=True) if m and b]
    speaking = Counter(_same_speaker(lbl, bold_labels) for lbl in bold_labels)
    two_bold = len(bold_labels) >= 2 and (max(speaking.values()) >= 2 or any(
        lbl.lower().rstrip(".") in _QUESTION_LABELS for lbl in bold_labels))

    def said(i: int) -> str:
        """What block i's label introduces: its text after the label, or (a label on a
        line of its own) the next block."""
        m = found[i]
        rest = segs[i][m[2]:] if m else ""
        return rest if rest.strip() or i + 1 >= len(segs) or found[i + 1] else segs[i + 1]

    def accepted_at(i: int) -> bool:
        m = found[i]
        return m is not None and (accepted(m[0]) or (two_bold and bold[i]) or (
            mixed_speakers and counts[m[0]] == 1 and "?" in said(i)))

    ok = [accepted_at(i) for i in range(len(found))]
    labelled = sum(ok)
    distinct = {m[0] for m, good in zip(found, ok, strict=True) if m and good}
    transcript = labelled >= 3 and (len(distinct) >= 2 or labelled >= 6)
    blocks: list[Block] = []
    turn = -1
    speaker_label: str | None = None
    for rb, m, seg, good in zip(raw, found, segs, ok, strict=True):
        if transcript and m and good:
            label, lend, cstart = m
            turn += 1
            speaker_label = label
            blocks.append(Block("turn", rb.start, rb.end, seg, rb.level, label, None, turn,
                                rb.start, rb.start + lend, rb.start + min(cstart, len(seg)), rb.line))
            continue
        if rb.kind == "heading":
            speaker_label = None
        if transcript and is_stage(seg):
            blocks.append(Block("stage", rb.start, rb.end, seg, rb.level, line=rb.line))
            continue
        if transcript and speaker_label is not None and rb.kind in ("paragraph", "list_item", "quote_block"):
            blocks.append(Block("turn", rb.start, rb.end, seg, rb.level, speaker_label, None, turn,
                                -1, -1, rb.start, rb.line))
            continue
        kind = rb.kind if rb.kind in ("heading", "paragraph", "list_item", "quote_block") else "paragraph"
        blocks.append(Block(kind, rb.start, rb.end, seg, rb.level, line=rb.line))  # type: ignore[arg-type]
    return blocks, (labelled if transcript else 0)


_PERSON = r"([A-ZÀ-Ý][\w'’\-]+(?:\s+[A-ZÀ-Ý][\w'’\-]+){1,2})"
_ROLES = {"spokesman", "spokeswoman", "spokesperson", "moderator", "chair", "chairman", "chairwoman",
          "press secretary", "ambassador", "minister", "foreign minister", "secretary", "host"}


def _person_in_role(label: str, haystack: str) -> str | None:
    """A role label ("Spokesman") as the person the briefing introduces in that role
    ("… by Stéphane Dujarric, Spokesman for the Secretary-General")."""
    role = " ".join(label.lower().split())
    if role not in _ROLES:
        return None
    head = haystack[:3000]
    m = re.search(_PERSON + r",\s+(?:the\s+)?(?i:" + re.escape(role) + r")\b", head) or \
        re.search(r"(?i:\b" + re.escape(role) + r")\s+" + _PERSON + r"\b", head)
    if not m:
        return None
    name = m.group(1)
    return None if name.split()[0].lower() in _TITLES else name


def _same_speaker(label: str, labels: list[str] | set[str]) -> str:
    """The shortest other label ``label`` ends with, as the same person ("President of
    Russia Vladimir Putin" -> "Vladimir Putin"), else ``label``."""
    short = [x for x in labels if x != label and len(x.split()) >= 2 and label.endswith(" " + x)]
    return min(short, key=len) if short else label


_PAREN_TAIL = re.compile(r"\s*\([^()]{1,40}\)\s*$")  # "(retranslated)", "(via interpreter)"


def _bold_label(lead: str, label: str) -> bool:
    lead = _PAREN_TAIL.sub("", lead.strip().rstrip(":").rstrip())
    return bool(lead) and lead == label.rstrip(":").rstrip()


_NAME_BEFORE = r"((?:[A-Z][a-z’'\-]+\.?\s+)(?:[A-Z][a-z’'\-]+\s+|[A-Z]\.\s+){0,2})"


def resolve_speakers(labels: set[str], title: str, text: str) -> dict[str, str]:
    """Map labels to canonical names: "MS. PSAKI" -> "Jen Psaki" (from the title or the
    introduction), "Q" -> "Reporter", unresolved -> the label in title case."""
    out: dict[str, str] = {}
    haystack = title + "\n" + text
    for label in labels:
        low = label.lower().rstrip(".")
        if low in _QUESTION_LABELS or is_news_outlet(label):
            out[label] = REPORTER  # the turn is a question (the label stays on the block)
            continue
        if not label.isupper() and not re.fullmatch(r"(?:Mr|Ms|Mrs|Dr)\.?\s+[A-Z][A-Z'’\-]+", label):
            # mixed case: already a name; the shortest other label it ends with is the
            # same person ("President of Russia Vladimir Putin" -> "Vladimir Putin")
            initial = re.fullmatch(r"([A-Z])\.\s?([A-Z][\w'’\-]+)", label)  # "D.Peskov"
            if initial:
                full = _find_full_name(initial.group(2).upper(), haystack)
                out[label] = full if full and full.startswith(initial.group(1)) else \
                    f"{initial.group(1)}. {initial.group(2)}"
                continue
            same = _same_speaker(label, labels)
            out[label] = " ".join(same.split()) if same != label else (
                _person_in_role(label, haystack) or " ".join(label.split()))
            continue
        words = [w for w in re.split(r"\s+", label.upper()) if w]
        low_words = [w.lower().rstrip(".") for w in words]
        if low in ("the president", "the vice president", "the first lady") or not (
                low_words[0] in _HONORIFICS or low_words[0] in _LEADING):
            out[label] = _titlecase(label)  # a role: "Senior Administration Official", "Moderator"
            continue
        i = 0
        while i < len(words) - 1 and low_words[i] in _TITLES | _HONORIFICS:
            i += 1
        surname = " ".join(w.strip(".") for w in words[i:])
        if low_words[-1] in _TITLES or len(surname) < 2:
            out[label] = _titlecase(label)
            continue
        name = _find_full_name(surname, haystack)
        out[label] = name or _titlecase_name(surname)
    return out


# News organisations asking questions in a transcript ("AFP:", "Global Times:", as in
# foreign ministries' press conferences): their turns are questions, like "Q".
_OUTLETS = {
    "afp", "ap", "associated press", "reuters", "bloomberg", "bloomberg news", "cnn", "bbc", "cctv", "cgtn",
    "nhk", "tass", "ria novosti", "interfax", "xinhua", "xinhua news agency", "kyodo", "kyodo news",
    "yonhap", "efe", "ansa", "dpa", "nbc", "cbs", "abc", "npr", "fox news", "sky news", "al jazeera",
    "anadolu", "anadolu agency", "rt", "sputnik", "izvestia", "kommersant", "politico", "axios", "nikkei",
    "asahi shimbun", "prensa latina", "cnbc", "phoenix tv", "global times", "china daily", "the paper",
    "beijing daily", "beijing youth daily", "dragon tv", "shenzhen tv", "hubei media group", "china news service",
    "people's daily", "ukrinform", "pti", "ani", "upi", "rtve", "tvb", "rthk", "afp news agency",
}
_OUTLET_TAIL = {
    "news", "tv", "times", "daily", "media", "radio", "agency", "television", "journal", "network",
    "broadcasting", "channel", "newspaper", "gazette", "herald", "tribune", "post", "press", "wire",
}


def is_news_outlet(label: str) -> bool:
    """"Reuters", "AFP", "Global Times", "Bloomberg News": a news organisation's name."""
    words = label.replace("’", "'").lower().rstrip(".").split()
    if not words or any(w in ("secretary", "office", "officer", "spokesperson", "spokesman") for w in words):
        return False
    return " ".join(words) in _OUTLETS or (len(words) >= 2 and words[-1] in _OUTLET_TAIL)


_NAME_REACH = 300  # characters before a surname a full name's given names may start


def _names_before(pattern: re.Pattern[str], sur: str, haystack: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(haystack)`` for a pattern ending in ``sur``: only the text just
    before each occurrence of the surname (found by a literal search) is tried. Trying
    the pattern at every capital letter of the text, for every label, was a third of
    parsing a 2 MB transcript, and grows with the labels times the text."""
    done = 0
    for occ in re.finditer(re.escape(sur) + r"\b", haystack):
        end = occ.end()
        if end <= done:
            continue
        stop = min(len(haystack), end + 1)  # with the character after it (the pattern's word end)
        while True:
            m = pattern.search(haystack, max(done, occ.start() - _NAME_REACH), stop)
            if m is None:
                break
            done = m.end()
            yield m
            if done >= end:
                break


def _find_full_name(surname: str, haystack: str) -> str | None:
    sur = _titlecase_name(surname)
    pattern = re.compile(_NAME_BEFORE + re.escape(sur) + r"\b")
    best: Counter[str] = Counter()
    for m in _names_before(pattern, sur, haystack):
        # not a title, nor a word ending a sentence ("… of Japan. Prime Minister Abe")
        firsts = [w for w in m.group(1).split() if w.lower().rstrip(".") not in _TITLES
                  and not (w.endswith(".") and len(w) > 3)]
        if not firsts:
            continue
        # keep the given name(s) nearest the surname: "Press Secretary Jen" -> "Jen"
        firsts = firsts[-2:]
        if len(firsts) == 2 and not re.fullmatch(r"[A-Z]\.", firsts[1]) and firsts[0][-1] != ".":
            firsts = firsts[-1:]
        best[" ".join(firsts + [sur])] += 1
    if not best:
        return None
    return best.most_common(1)[0][0]


_HONORIFICS = HONORIFICS | {"sr", "sra"}  # Spanish señor, señora
_LEADING = {
    "secretary", "administrator", "director", "chair", "chairman", "ambassador", "surgeon",
    "acting", "governor", "senator", "representative", "admiral", "general", "commissioner",
    "minister", "deputy", "president", "vice", "coordinator", "advisor", "adviser", "mayor",
    "special", "principal", "assistant", "lieutenant", "colonel", "major", "captain",
    "sergeant", "rear", "gen", "adm", "lt", "col", "attorney", "leader", "speaker", "prime",
}


def _titlecase_name(word: str) -> str:
    """"JEAN-PIERRE" -> "Jean-Pierre", "O’CONNELL" -> "O’Connell"."""
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0)[:1].upper() + m.group(0)[1:].lower(), word)


def _titlecase(label: str) -> str:
    return " ".join(
        w.lower() if w.lower() in ("of", "de", "la", "van", "von", "du")
        else w if (not re.search(r"[AEIOUY]", w) and len(w) >= 2 and not w.endswith(".")
                   and w.lower() not in _HONORIFICS) or w.lower() in ACRONYMS
        # an acronym: "CNN", "NSC", "FBI" (not an abbreviation: "MR.", "JR.", "LT.")
        else _titlecase_name(w)
        for w in label.split()
    )
