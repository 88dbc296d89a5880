"""Re-anchoring suite: notes on real briefings, the briefings edited, the notes placed again.

Passages (40-300 characters, whole sentences, unique in their briefing) are picked
deterministically from the corpus; each edit kind is applied to a copy of the text
and the true new span of the passage is tracked through the edit. A placement is
*correct* when it is exactly the tracked span, *wrong* when it is any other span.

Print the table:  .venv/bin/python tests/test_anchoring.py   (or pytest -s)
"""

from __future__ import annotations

import functools
import random
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

if __package__ in (None, ""):  # run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefreader.core.notes import (
    NormalizedText,
    anchor,
    context_of,
    count_occurrences,
    find_all,
    normalize,
)

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "whitehouse-press-briefings"
SEED = 20250406
N_DOCS = 40
PER_DOC = 6

# ---------------------------------------------------------------- the corpus


@functools.lru_cache(maxsize=1)
def corpus_files() -> list[Path]:
    return sorted(CORPUS.rglob("*.md"))


def load_text(path: Path) -> str:
    """The canonical text for this suite: the file text with newlines normalised."""
    return path.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")


def body_start(text: str) -> int:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end >= 0:
            return end + 5
    return 0


_PARA = re.compile(r"\S(?:.|\n(?![ \t]*\n))*")  # a run of non-blank lines
_SENT = re.compile(r"\S.*?(?:[.!?][\"'\u201d\u2019)]*(?=\s|$)|$)", re.S)


def paragraphs(text: str) -> list[tuple[int, int]]:
    base = body_start(text)
    return [(m.start(), m.end()) for m in _PARA.finditer(text, base)]


def sentences(text: str, ps: int, pe: int) -> list[tuple[int, int]]:
    out = []
    for m in _SENT.finditer(text, ps, pe):
        s, e = m.start(), m.end()
        while e > s and text[e - 1].isspace():
            e -= 1
        out.append((s, e))
    return out


@dataclass
class Case:
    doc: str
    text: str
    start: int
    end: int
    para: int  # index of the passage's paragraph
    paras: list[tuple[int, int]]

    @property
    def exact(self) -> str:
        return self.text[self.start : self.end]


def pick_cases(seed: int = SEED, n_docs: int = N_DOCS, per_doc: int = PER_DOC) -> list[Case]:
    rng = random.Random(seed)
    files = corpus_files()
    cases: list[Case] = []
    for path in rng.sample(files, len(files)):
        if len(cases) >= n_docs * per_doc:
            break
        text = load_text(path)
        paras = paragraphs(text)
        nt = NormalizedText(text)
        spans = []
        for i, (ps, pe) in enumerate(paras):
            sents = sentences(text, ps, pe)
            for j in range(len(sents)):
                for k in range(j, min(j + 3, len(sents))):
                    s, e = sents[j][0], sents[k][1]
                    if 40 <= e - s <= 300:
                        spans.append((i, s, e))
        rng.shuffle(spans)
        chosen: list[tuple[int, int, int]] = []
        for i, s, e in spans:
            if len(chosen) == per_doc:
                break
            if i == 0 or any(i == c[0] for c in chosen):
                continue  # not the first paragraph; one passage per paragraph
            if count_occurrences(nt, text[s:e]) != 1:
                continue
            chosen.append((i, s, e))
        if len(chosen) < per_doc:
            continue
        for i, s, e in chosen:
            cases.append(Case(str(path.relative_to(CORPUS)), text, s, e, i, paras))
    return cases


def filler_paragraph(rng: random.Random) -> str:
    """A paragraph from another briefing (inserted text looks like the corpus)."""
    files = corpus_files()
    while True:
        text = load_text(files[rng.randrange(len(files))])
        paras = [text[s:e] for s, e in paragraphs(text) if 80 <= e - s <= 600]
        if paras:
            return rng.choice(paras)


# ---------------------------------------------------------------- edits

Sub = tuple[int, int, str]  # replace text[a:b] with the string


def apply_subs(text: str, subs: list[Sub]) -> str:
    out, last = [], 0
    for a, b, r in sorted(subs, key=lambda x: (x[0], x[1])):
        assert a >= last, "overlapping edits"
        out.append(text[last:a])
        out.append(r)
        last = b
    out.append(text[last:])
    return "".join(out)


def map_span(subs: list[Sub], s: int, e: int) -> tuple[int, int]:
    """The new span of ``[s, e)``; no edit may straddle either end."""
    ds = de = 0
    for a, b, r in subs:
        assert not (a < s < b) and not (a < e < b), "an edit straddles the passage's end"
        d = len(r) - (b - a)
        if b <= s:
            ds += d
        if b <= e and a < e:
            de += d
    return s + ds, e + de


Edit = Callable[[Case, random.Random], "tuple[str, tuple[int, int] | None] | None"]


def edit_unchanged(c: Case, rng: random.Random):
    return c.text, (c.start, c.end)


NEAR = 3000  # whitespace edits and re-wrapping are applied this far around the passage


def edit_whitespace(c: Case, rng: random.Random):
    """Runs of spaces inside lines become one or two spaces or a tab; trailing spaces go."""
    subs: list[Sub] = []
    lo = max(body_start(c.text), c.start - NEAR)
    for m in re.compile(r"[ \t]+").finditer(c.text, lo, c.end + NEAR):
        a, b = m.span()
        nxt = c.text[b : b + 1]
        repl = "" if nxt in ("\n", "") else rng.choice([" ", "  ", " ", "\t"])
        if a > 0 and c.text[a - 1] == "\n" and repl == "":
            continue
        if c.text[a:b] != repl:
            subs.append((a, b, repl))
    return apply_subs(c.text, subs), map_span(subs, c.start, c.end)


def edit_rewrap(c: Case, rng: random.Random):
    """The paragraphs around the passage re-wrapped at another width (or unwrapped)."""
    width = rng.choice([50, 60, 90, 100, 10_000])
    subs: list[Sub] = []
    for ps, pe in c.paras[max(0, c.para - 6) : c.para + 6]:
        col = 0
        for m in re.finditer(r"\S+|\s+", c.text[ps:pe]):
            tok = m.group()
            a = ps + m.start()
            if tok[0].isspace():
                nxt = re.match(r"\S+", c.text[a + len(tok) : pe])
                wl = len(nxt.group()) if nxt else 0
                repl = "\n" if col + 1 + wl > width else " "
                col = 0 if repl == "\n" else col + 1
                if tok != repl:
                    subs.append((a, a + len(tok), repl))
            else:
                col += len(tok)
    return apply_subs(c.text, subs), map_span(subs, c.start, c.end)


_SWAP = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "'": "\u2019", "\u201c": '"', "\u201d": '"', '"': "\u201d"}
)


def edit_quotes(c: Case, rng: random.Random):
    """Curly quotes made straight and straight ones curly (offsets unchanged)."""
    if not re.search("['\"\u2018\u2019\u201c\u201d]", c.exact):
        return None  # the passage has no quote marks: nothing to test
    return c.text.translate(_SWAP), (c.start, c.end)


def _typo(text: str, i: int, rng: random.Random) -> Sub:
    kind = rng.choice(["delete", "insert", "swap", "replace"])
    ch = text[i]
    letter = rng.choice("etaoinshrdlu")
    if kind == "delete":
        return (i, i + 1, "")
    if kind == "insert":
        return (i, i, letter)
    if kind == "swap" and text[i + 1].isalpha() and text[i + 1] != ch:
        return (i, i + 2, text[i + 1] + ch)
    return (i, i + 1, letter if letter != ch else "x")


def _letters(text: str, lo: int, hi: int) -> list[int]:
    hi = min(len(text) - 1, hi)
    return [i for i in range(max(0, lo), hi) if text[i].isalpha() and text[i + 1].isalpha()]


def edit_typo_inside(c: Case, rng: random.Random):
    """One or two typo fixes inside the passage (not on its first/last 3 characters)."""
    spots = _letters(c.text, c.start + 3, c.end - 4)
    if not spots:
        return None
    n = 1 if len(c.exact) < 80 else rng.choice([1, 2])
    picks = sorted(rng.sample(spots, min(n, len(spots))))
    subs: list[Sub] = []
    for i in picks:
        if subs and i < subs[-1][1] + 2:
            continue
        subs.append(_typo(c.text, i, rng))
    return apply_subs(c.text, subs), map_span(subs, c.start, c.end)


def edit_typo_near(c: Case, rng: random.Random):
    """A typo fix within 30 characters before or after the passage."""
    spots = _letters(c.text, c.start - 30, c.start - 1) + _letters(c.text, c.end + 1, c.end + 30)
    spots = [i for i in spots if not (c.start - 2 <= i < c.end + 1)]
    if not spots:
        return None
    subs = [_typo(c.text, rng.choice(spots), rng)]
    return apply_subs(c.text, subs), map_span(subs, c.start, c.end)


def edit_para_inserted(c: Case, rng: random.Random):
    """One to three paragraphs inserted before the passage (often just before it)."""
    subs: list[Sub] = []
    slots = sorted({rng.randrange(c.para) for _ in range(rng.choice([1, 2, 3]))} | {c.para - 1})
    for k in slots:
        pe = c.paras[k][1]
        subs.append((pe, pe, "\n\n" + filler_paragraph(rng)))
    return apply_subs(c.text, subs), map_span(subs, c.start, c.end)


def edit_para_removed(c: Case, rng: random.Random):
    """One or two paragraphs before the passage removed (one is the one just before)."""
    ks = {c.para - 1} | {rng.randrange(c.para)}
    subs = [(c.paras[k][0], c.paras[k + 1][0], "") for k in sorted(ks)]
    return apply_subs(c.text, subs), map_span(subs, c.start, c.end)


def edit_para_moved(c: Case, rng: random.Random):
    """The passage's paragraph moved before another paragraph."""
    ps, pe = c.paras[c.para]
    if c.para + 1 < len(c.paras):
        cut = (ps, c.paras[c.para + 1][0])
    else:
        cut = (c.paras[c.para - 1][1], pe)
    others = [k for k in range(len(c.paras)) if k not in (c.para, c.para + 1)]
    if not others:
        return None
    dest = c.paras[rng.choice(others)][0]
    piece = c.text[ps:pe] + "\n\n"
    subs = [(cut[0], cut[1], ""), (dest, dest, piece)]
    new = apply_subs(c.text, subs)
    shift = sum(len(r) - (b - a) for a, b, r in subs if b <= dest and (a, b) != (dest, dest))
    s = dest + shift + (c.start - ps)
    return new, (s, s + (c.end - c.start))


def edit_word_changed(c: Case, rng: random.Random):
    """One word inside the passage (not its first or last) replaced by another word."""
    words = [m for m in re.finditer(r"[A-Za-z]{3,}", c.exact)][1:-1]
    if not words:
        return None
    m = rng.choice(words)
    repl = rng.choice(["important", "new", "several", "critical", "other", "Tuesday", "clear"])
    if repl == m.group():
        repl = "certain"
    subs = [(c.start + m.start(), c.start + m.end(), repl)]
    return apply_subs(c.text, subs), map_span(subs, c.start, c.end)


def edit_typo_and_moved(c: Case, rng: random.Random):
    """A typo fix inside the passage, and its paragraph moved."""
    made = edit_para_moved(c, rng)
    if made is None:
        return None
    new, (s, e) = made
    spots = _letters(new, s + 3, e - 4)
    if not spots:
        return None
    subs = [_typo(new, rng.choice(spots), rng)]
    return apply_subs(new, subs), map_span(subs, s, e)


def edit_deleted(c: Case, rng: random.Random):
    """The passage deleted (with the spaces after it)."""
    e = c.end
    while e < len(c.text) and c.text[e] in " \t":
        e += 1
    return apply_subs(c.text, [(c.start, e, "")]), None


def edit_para_deleted(c: Case, rng: random.Random):
    """The passage's whole paragraph deleted."""
    ps, pe = c.paras[c.para]
    end = c.paras[c.para + 1][0] if c.para + 1 < len(c.paras) else pe
    return apply_subs(c.text, [(ps, end, "")]), None


def edit_deleted_near_copy(c: Case, rng: random.Random):
    """The passage deleted, and a copy of it with one letter changed put in
    another paragraph: still unplaced, the copy is not where the note was."""
    spots = _letters(c.text, c.start + 3, c.end - 4)
    if not spots:
        return None
    i = rng.choice(spots) - c.start
    ex = c.exact
    copy = ex[:i] + ("x" if ex[i] != "x" else "z") + ex[i + 1 :]
    others = [k for k in range(len(c.paras)) if abs(k - c.para) > 1]
    if not others:
        return None
    dest = c.paras[rng.choice(others)][0]
    e = c.end
    while e < len(c.text) and c.text[e] in " \t":
        e += 1
    return apply_subs(c.text, [(c.start, e, ""), (dest, dest, copy + "\n\n")]), None


EDITS: dict[str, Edit] = {
    "unchanged": edit_unchanged,
    "whitespace": edit_whitespace,
    "rewrap": edit_rewrap,
    "quotes": edit_quotes,
    "typo inside": edit_typo_inside,
    "typo near": edit_typo_near,
    "paragraphs inserted before": edit_para_inserted,
    "paragraphs removed before": edit_para_removed,
    "paragraph moved": edit_para_moved,
    "word changed inside": edit_word_changed,
    "typo inside + paragraph moved": edit_typo_and_moved,
    "passage deleted": edit_deleted,
    "paragraph deleted": edit_para_deleted,
    "deleted, near copy elsewhere": edit_deleted_near_copy,
}
# Harder edits, beyond the targets: reported, and held to "never placed wrongly".
# A typo fix in a passage whose paragraph also moved looks exactly like a deleted
# passage with a near copy elsewhere (below): both are rightly left unplaced
# when no context confirms the place.
HARDER = ["word changed inside", "typo inside + paragraph moved"]
KEEPS_PASSAGE = [k for k in EDITS if k != "unchanged" and "deleted" not in k and k not in HARDER]

# ---------------------------------------------------------------- the run


@dataclass
class Result:
    kind: str
    doc: str
    exact: str
    truth: tuple[int, int] | None
    got: tuple[int, int] | None
    outcome: str
    seconds: float
    chars: int

    @property
    def verdict(self) -> str:
        if self.got is None:
            return "unplaced"
        return "correct" if self.got == self.truth else "wrong"


def run(cases: list[Case] | None = None, seed: int = SEED, unknown_uniqueness: bool = False) -> list[Result]:
    cases = pick_cases(seed) if cases is None else cases
    results = []
    for n, c in enumerate(cases):
        prefix, suffix = context_of(c.text, c.start, c.end)
        occ = None if unknown_uniqueness else count_occurrences(c.text, c.exact)
        for kind, edit in EDITS.items():
            rng = random.Random(f"{seed}:{n}:{kind}")
            made = edit(c, rng)
            if made is None:
                continue
            new, truth = made
            if truth is None and find_all(new, c.exact):
                continue  # the deletion left an identical passage: no truth to check
            t0 = time.perf_counter()
            p = anchor(new, c.exact, prefix, suffix, c.start, occurrences=occ)
            dt = time.perf_counter() - t0
            got = (p.start, p.end) if p else None
            outcome = p.outcome if p else "unplaced"
            results.append(Result(kind, c.doc, c.exact, truth, got, outcome, dt, len(new)))
    return results


def table(results: list[Result]) -> str:
    by: dict[str, Counter[str]] = defaultdict(Counter)
    for r in results:
        by[r.kind][r.verdict] += 1
        by[r.kind]["n"] += 1
    lines = [f"{'edit':30} {'notes':>5} {'correct':>8} {'unplaced':>8} {'wrong':>6}"]
    for kind in EDITS:
        c = by.get(kind)
        if not c:
            continue
        lines.append(f"{kind:30} {c['n']:5} {c['correct']:8} {c['unplaced']:8} {c['wrong']:6}")
    for label, kinds in (
        ("edits that keep the passage", KEEPS_PASSAGE),
        ("with the harder edits", KEEPS_PASSAGE + HARDER),
    ):
        keep = [r for r in results if r.kind in kinds]
        ok = sum(r.verdict == "correct" for r in keep)
        lines.append(f"{label}: {ok}/{len(keep)} placed correctly ({100 * ok / max(1, len(keep)):.1f}%)")
    times = sorted(r.seconds for r in results)
    lines.append(
        f"time per note (text normalised per note): median {1000 * times[len(times) // 2]:.2f} ms, "
        f"p99 {1000 * times[int(len(times) * 0.99)]:.2f} ms, max {1000 * times[-1]:.2f} ms"
    )
    return "\n".join(lines)


# ---------------------------------------------------------------- tests

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here")


@pytest.fixture(scope="module")
def results() -> list[Result]:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not here")
    res = run()
    print("\n" + table(res))
    return res


def test_enough_notes(results: list[Result]) -> None:
    assert len({(r.doc, r.exact) for r in results}) >= 200


def test_unchanged_text_is_kept(results: list[Result]) -> None:
    rs = [r for r in results if r.kind == "unchanged"]
    assert rs and all(r.verdict == "correct" and r.outcome == "kept" for r in rs)


def test_kept_passages_placed_correctly(results: list[Result]) -> None:
    rs = [r for r in results if r.kind in KEEPS_PASSAGE]
    ok = sum(r.verdict == "correct" for r in rs)
    assert ok / len(rs) >= 0.97, table(results)


def test_nothing_placed_wrongly(results: list[Result]) -> None:
    wrong = [r for r in results if r.verdict == "wrong"]
    assert not wrong, "\n".join(f"{r.kind}: {r.doc}: {r.exact[:60]!r} {r.truth} -> {r.got}" for r in wrong)


def test_deleted_passages_unplaced(results: list[Result]) -> None:
    rs = [r for r in results if "deleted" in r.kind]
    assert rs and all(r.verdict == "unplaced" for r in rs)


def largest_briefing() -> str:
    return load_text(max(corpus_files(), key=lambda p: p.stat().st_size))


def timed_placements(text: str, n: int = 12) -> dict[str, float]:
    """Best-of-3 seconds per note on ``text``, by kind of placement."""
    rng = random.Random(SEED)
    spans = [(s, s + 150) for s in sorted(rng.sample(range(body_start(text), len(text) - 200), n))]
    out: dict[str, float] = {}
    for kind in ("moved", "fuzzy", "unplaced"):
        worst = 0.0
        for s, e in spans:
            while text[s].isspace():
                s += 1
            p, x = context_of(text, s, e)
            if kind == "moved":
                new = "A new first paragraph.\n\n" + text
            elif kind == "fuzzy":
                new = text[: s + 70] + "#" + text[s + 71 :]
            else:
                new = text[:s] + text[e:]
            best = min(_timed(new, text[s:e], p, x, s) for _ in range(3))
            worst = max(worst, best)
        out[kind] = worst
    return out


def _timed(new: str, exact: str, p: str, x: str, s: int) -> float:
    t0 = time.process_time()  # CPU time: a loaded machine does not fail it
    anchor(new, exact, p, x, s, occurrences=1)
    return time.process_time() - t0


@needs_corpus
def test_fast_on_a_100_kb_briefing() -> None:
    text = largest_briefing()
    assert len(text) > 90_000
    worst = timed_placements(text)
    assert max(worst.values()) < 0.025, worst  # typically 1-5 ms; the machine is shared


@needs_corpus
def test_unknown_uniqueness_never_wrong() -> None:
    """Notes imported without their uniqueness count: still never placed wrongly."""
    res = run(pick_cases(SEED + 1, n_docs=10), seed=SEED + 1, unknown_uniqueness=True)
    wrong = [r for r in res if r.verdict == "wrong"]
    assert not wrong, "\n".join(f"{r.kind}: {r.exact[:60]!r} {r.truth} -> {r.got}" for r in wrong)


# A passage whose text occurs more than once: placed only where its context says.

DUP_TEXT = (
    "MS. PSAKI:  Go ahead.\n\nQ  Thank you.  On Ukraine, what is the plan?\n\n"
    "MS. PSAKI:  We will speak to it tomorrow.\n\nQ  Thank you.  On tariffs, any update?\n\n"
    "MS. PSAKI:  Nothing new today.\n"
)


def _note_on(text: str, needle: str, nth: int) -> tuple[str, str, str, int, int]:
    s, e = find_all(text, needle)[nth]
    p, x = context_of(text, s, e)
    return text[s:e], p, x, s, count_occurrences(text, needle)


def test_duplicate_passage_follows_its_context() -> None:
    exact, p, x, s, occ = _note_on(DUP_TEXT, "Thank you.", 1)
    new = "Intro paragraph.\n\n" + DUP_TEXT
    got = anchor(new, exact, p, x, s, occurrences=occ)
    assert got and new[got.start : got.end] == "Thank you." and new[got.end :].startswith("  On tariffs")


def test_duplicate_passage_deleted_is_unplaced() -> None:
    exact, p, x, s, occ = _note_on(DUP_TEXT, "Thank you.", 1)
    new = DUP_TEXT.replace("Q  Thank you.  On tariffs", "Q  On tariffs")
    assert anchor(new, exact, p, x, s, occurrences=occ) is None


def test_lone_remaining_copy_of_duplicate_is_not_taken() -> None:
    exact, p, x, s, occ = _note_on(DUP_TEXT, "Q  Thank you.", 1)
    new = DUP_TEXT.replace("Q  Thank you.  On tariffs, any update?", "Q  On tariffs?")
    assert anchor(new, exact, p, x, s, occurrences=occ) is None


def test_offsets_are_exact_in_the_new_text() -> None:
    text = "He said: \u201cWe\u2019re  going\n to   do it.\u201d Then he left."
    new = "Before.  He said: \"We're going to do it.\" Then he left."
    got = anchor(new, "We\u2019re  going\n to   do it.", "He said: \u201c", "\u201d Then", 10, occurrences=1)
    assert got and new[got.start : got.end] == "We're going to do it." and got.outcome == "moved"
    assert text  # (the old text only supplied the selectors)


def test_short_quote_is_never_fuzzy() -> None:
    assert anchor("Thank yuo very much.", "Thank you.", "", " very", 0, occurrences=1) is None


def test_passage_edited_in_place_is_fuzzy_but_not_when_moved_away() -> None:
    before = "MS. PSAKI:  Good afternoon, everyone.  Let me start with some news on vaccines.\n\n"
    passage = "The President will travel to Ohio on Tuesday to talk about the jobs plan."
    after = "  He will be joined by the Secretary.\n\nQ  Thanks, Jen."
    text = before + passage + after
    exact, p, x, s, occ = _note_on(text, passage, 0)
    edited = "The President will travel to Cleveland on Wednesday to talk about the jobs plan."
    got = anchor(before + edited + after, exact, p, x, s, occurrences=occ)
    assert got and got.outcome == "fuzzy"  # quote ratio 87.6: only both sides of context allow it
    assert (got.start, got.end) == (len(before), len(before) + len(edited))
    elsewhere = before + "Nothing else today." + after + "\n\nMS. PSAKI:  " + edited + "  Other words."
    assert anchor(elsewhere, exact, p, x, s, occurrences=occ) is None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["word", "Q", "\u2019s", "\u201cquote\u201d", "'", '"', "-", "\u2014",
                                 " ", "  ", "\n", "\xa0", "\t", "\n\n", "Psaki:"]), min_size=1, max_size=40),
       st.data())
def test_find_all_gives_exact_offsets_back(tokens: list[str], data: st.DataObject) -> None:
    text = "".join(tokens)
    starts = [i for i in range(len(text)) if not text[i].isspace()]
    if not starts:
        return
    s = data.draw(st.sampled_from(starts))
    ends = [j + 1 for j in range(s, len(text)) if not text[j].isspace()]
    e = data.draw(st.sampled_from(ends))
    nt = NormalizedText(text)
    assert (s, e) in find_all(nt, text[s:e])
    assert all(normalize(text[a:b]) == normalize(text[s:e]) for a, b in find_all(nt, text[s:e]))
    assert all(nt.to_source(nt.from_source(i)) <= i for i in range(len(text)))


def main() -> None:
    t0 = time.perf_counter()
    res = run()
    print(table(res))
    notes = len({(r.doc, r.exact) for r in res})
    print(f"({notes} notes, {len(res)} placements, {time.perf_counter() - t0:.1f} s)")
    text = largest_briefing()
    worst = timed_placements(text)
    print(
        f"largest briefing ({len(text) // 1000} KB), slowest of 12 notes, best of 3: "
        + ", ".join(f"{k} {1000 * v:.1f} ms" for k, v in worst.items())
    )
    for r in res:
        if r.verdict == "wrong" or (r.verdict == "unplaced" and r.truth is not None):
            print(f"  {r.verdict:8} {r.kind}: {r.doc}: {r.exact[:70]!r} truth={r.truth} got={r.got}")


if __name__ == "__main__":
    main()
