"""Evaluate quote extraction against the labelled set in tests/eval/quotes/*.json.

    python -m briefreader.eval quotes [--json] [--verbose] [FILE ...]
    python -m briefreader.eval quotes --set news [--half tune|report|all] [--verbose]

The news set (tests/eval/news, see :mod:`briefreader.eval.news`) is scored
differently: direct/partial quote spans, speakers, and indirect quotes.

Each labelled file names a document (``source``, relative to the repository
root), optionally a ``scope`` (``start_words``/``end_words``) and its quotes in
document order (``text`` or ``start_words``/``end_words``, ``speaker``, ``kind``,
``attribution``), and optionally ``non_quotes`` (strings that must not be
extracted). Labels are resolved to spans of the canonical text; for ``turn``
labels the gold span is the whole turn content, so consecutive predicted
turn-sentences of one turn are merged before comparing.

Spans match *exactly* (same offsets and kind family) or by *overlap* (a shared
character and the same kind family: ``turn`` vs ``direct``/``partial``); each
gold and each prediction is matched at most once. Speaker accuracy is measured
over the overlap-matched pairs, overall and by the label's attribution.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefreader.eval.common import load_sets, resolve_span, source_path

TRANSCRIPT_KINDS = frozenset({"direct", "partial", "turn"})
TARGETS = {"f1_overlap": 0.92, "f1_exact": 0.85, "speaker_accuracy": 0.90,
           "speaker_precision": 0.95}


@dataclass
class Span:
    start: int
    end: int
    family: str  # "turn" | "quote"
    kind: str
    speaker: str | None
    attribution: str = ""
    text: str = ""


@dataclass
class FileResult:
    name: str
    gold: list[Span] = field(default_factory=list)
    pred: list[Span] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)
    non_quotes_hit: list[str] = field(default_factory=list)
    non_quotes: int = 0
    seconds: float = 0.0


def _norm_speaker(s: str | None) -> str | None:
    if s is None:
        return None
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.casefold().replace("’", "'").split()) or None


def _family(kind: str) -> str:
    return "turn" if kind == "turn" else "quote"


def _resolve(text: str, label: Mapping[str, object], pos: int) -> tuple[int, int] | None:
    """resolve_span, retried with Markdown escapes removed (labels come from the raw file)."""
    span = resolve_span(text, label, pos)
    if span is not None:
        return span
    fixed = {}
    for k in ("text", "start_words", "end_words"):
        v = label.get(k)
        if isinstance(v, str):
            fixed[k] = re.sub(r"\\([\\`*_{}\[\]()#+\-.!>~|])", r"\1", v)
    if fixed:
        span = resolve_span(text, fixed, pos)
        if span is not None:
            return span
        # the words may begin before ``pos`` (labels slightly out of order)
        return resolve_span(text, fixed, 0)
    return None


def _merge_turns(quotes: list[Span], turn_of: list[int], text: str) -> list[Span]:
    """Merge the turn-sentence predictions of each turn into one span (other
    quotes inside a turn do not interrupt it)."""
    out: list[Span] = []
    open_turn: dict[int, int] = {}  # turn number -> index in out
    for q, t in zip(quotes, turn_of, strict=True):
        if q.family != "turn" or t < 0:
            out.append(q)
            continue
        k = open_turn.get(t)
        if k is not None and out[k].speaker == q.speaker:
            prev = out[k]
            end = max(prev.end, q.end)
            out[k] = Span(prev.start, end, "turn", "turn", prev.speaker, "",
                          text[prev.start:end])
        else:
            open_turn = {t: len(out)}
            out.append(q)
    return out


def evaluate_file(path: Path, label_set: dict[str, Any],
                  pred_kinds: frozenset[str] | None = None) -> FileResult:
    """Gold and predicted spans of one labelled file; ``pred_kinds`` (default:
    every kind but ``indirect``, which the transcript labels do not mark) are
    the predicted kinds kept."""
    from briefreader.core.ingest import load_file
    from briefreader.core.quotes import extract_quotes

    res = FileResult(path.name)
    src = source_path(label_set)
    briefing = load_file(src, doc_id=str(label_set.get("document") or src.name))
    text = briefing.text
    t0 = time.perf_counter()
    quotes = extract_quotes(briefing)
    res.seconds = time.perf_counter() - t0
    for q in quotes:
        assert text[q.start:q.end] == q.text, f"invariant broken in {path.name} at {q.start}"
    # scope
    lo, hi = 0, len(text)
    scope = label_set.get("scope")
    if isinstance(scope, dict):
        sp = _resolve(text, scope, 0)
        if sp is None:
            res.unresolved.append(f"scope {scope}")
        else:
            lo, hi = sp
    # gold
    prev: tuple[int, int, str] = (lo, lo, "")
    for lab in label_set.get("quotes", []):
        assert isinstance(lab, dict)
        kind = str(lab.get("kind", "direct"))
        # labels are in document order: search from the previous label's start
        # (quotes nest in turns), or from its end when both are turns (turns don't)
        pos = prev[1] if kind == "turn" and prev[2] == "turn" else prev[0]
        sp = _resolve(text, lab, pos)
        if sp is None:
            res.unresolved.append(str(lab.get("text") or lab.get("start_words"))[:60])
            continue
        prev = (sp[0], sp[1], kind)
        res.gold.append(Span(sp[0], sp[1], _family(kind), kind,
                             lab.get("speaker"),
                             str(lab.get("attribution") or "none"), text[sp[0]:sp[1]]))
    # predictions: turn sentences merged per turn, only inside the scope
    block_starts = [b.start for b in briefing.blocks]
    import bisect

    turn_of: list[int] = []
    preds: list[Span] = []
    keep = pred_kinds if pred_kinds is not None else TRANSCRIPT_KINDS
    for q in quotes:
        if q.kind not in keep:
            continue
        k = bisect.bisect_right(block_starts, q.start) - 1
        t = briefing.blocks[k].turn if k >= 0 else -1
        turn_of.append(t)
        preds.append(Span(q.start, q.end, _family(q.kind), q.kind, q.speaker, "",
                          q.text))
    merged = _merge_turns(preds, turn_of, text)
    res.pred = [p for p in merged if lo <= (p.start + p.end) // 2 < hi]
    # non-quotes
    nq = label_set.get("non_quotes") or []
    res.non_quotes = len(nq)
    for s in nq:
        sp = _resolve(text, {"text": s}, lo)
        if sp is None:
            continue
        for p in res.pred:
            if p.family == "quote" and p.start < sp[1] and sp[0] < p.end and \
                    abs((p.end - p.start) - (sp[1] - sp[0])) <= 2:
                res.non_quotes_hit.append(s)
                break
    return res


class AttributionTally:
    """Speaker accuracy by the gold label's attribution (explicit, pronoun, role, ...):
    shared by the transcript and the news figures."""

    def __init__(self) -> None:
        self._counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])

    def add(self, attribution: str, right: bool) -> None:
        c = self._counts[attribution]
        c[0] += 1
        c[1] += right

    def figures(self) -> dict[str, dict[str, float]]:
        return {k: {"n": v[0], "accuracy": round(v[1] / v[0], 4)}
                for k, v in sorted(self._counts.items())}


def fmt3(v: object) -> str:
    """A figure to three decimals ("n/a" when there was nothing to count)."""
    return "n/a" if v is None else f"{v:.3f}"


def span_figures(d: Mapping[str, object]) -> str:
    """``P=… R=… F1=… (matched / predicted / gold)`` of a span match's figures."""
    return (f"P={fmt3(d['precision'])} R={fmt3(d['recall'])} F1={fmt3(d['f1'])} "
            f"({d['matched']} matched / {d['predicted']} predicted / {d['gold']} gold)")


def print_by_attribution(by_attr: Mapping[str, Mapping[str, float]]) -> None:
    """Print the figures of :meth:`AttributionTally.figures`, one line an attribution."""
    for k, v in by_attr.items():
        print(f"  {k:10} n={v['n']:4} accuracy={v['accuracy']:.3f}")


def _match(gold: list[Span], pred: list[Span], exact: bool) -> list[tuple[int, int]]:
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for gi, g in enumerate(gold):
        best = -1
        best_ov = 0
        for pi, p in enumerate(pred):
            if pi in used or p.family != g.family:
                continue
            if exact:
                if p.start == g.start and p.end == g.end:
                    best = pi
                    break
                continue
            ov = min(g.end, p.end) - max(g.start, p.start)
            if ov > best_ov:
                best, best_ov = pi, ov
        if best >= 0:
            used.add(best)
            pairs.append((gi, best))
    return pairs


def _prf(n_match: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = n_match / n_pred if n_pred else 1.0
    r = n_match / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "matched": n_match, "predicted": n_pred, "gold": n_gold}


def summarise(results: list[FileResult]) -> dict[str, object]:
    tot = {"exact": 0, "overlap": 0, "pred": 0, "gold": 0}
    by_fam: dict[str, dict[str, int]] = defaultdict(lambda: {"exact": 0, "overlap": 0,
                                                             "pred": 0, "gold": 0})
    spk_total = spk_ok = given = given_ok = 0
    kind_total = kind_ok = 0
    by_attr = AttributionTally()
    files = []
    for r in results:
        ex = _match(r.gold, r.pred, exact=True)
        ov = _match(r.gold, r.pred, exact=False)
        tot["exact"] += len(ex)
        tot["overlap"] += len(ov)
        tot["pred"] += len(r.pred)
        tot["gold"] += len(r.gold)
        for fam in ("turn", "quote"):
            d = by_fam[fam]
            d["exact"] += sum(1 for gi, _ in ex if r.gold[gi].family == fam)
            d["overlap"] += sum(1 for gi, _ in ov if r.gold[gi].family == fam)
            d["pred"] += sum(1 for p in r.pred if p.family == fam)
            d["gold"] += sum(1 for g in r.gold if g.family == fam)
        f_ok = 0
        for gi, pi in ov:
            g, p = r.gold[gi], r.pred[pi]
            ok = _norm_speaker(g.speaker) == _norm_speaker(p.speaker)
            spk_total += 1
            spk_ok += ok
            f_ok += ok
            by_attr.add(g.attribution, ok)
            if p.speaker is not None:
                given += 1
                given_ok += ok
            if g.family == "quote":
                kind_total += 1
                kind_ok += g.kind == p.kind
        files.append({"file": r.name, "gold": len(r.gold), "predicted": len(r.pred),
                      "exact": len(ex), "overlap": len(ov), "speaker_ok": f_ok,
                      "unresolved": r.unresolved, "non_quotes_hit": r.non_quotes_hit,
                      "ms": round(r.seconds * 1000, 2)})
    out: dict[str, object] = {
        "exact": _prf(tot["exact"], tot["pred"], tot["gold"]),
        "overlap": _prf(tot["overlap"], tot["pred"], tot["gold"]),
        "by_family": {fam: {"exact": _prf(d["exact"], d["pred"], d["gold"]),
                            "overlap": _prf(d["overlap"], d["pred"], d["gold"])}
                      for fam, d in sorted(by_fam.items())},
        "speaker_accuracy": round(spk_ok / spk_total, 4) if spk_total else 1.0,
        "speaker_precision": round(given_ok / given, 4) if given else 1.0,
        "speaker_counts": {"matched": spk_total, "correct": spk_ok, "given": given,
                           "given_correct": given_ok},
        "speaker_by_attribution": by_attr.figures(),
        "kind_accuracy": round(kind_ok / kind_total, 4) if kind_total else 1.0,
        "non_quotes": {"labelled": sum(r.non_quotes for r in results),
                       "extracted": sum(len(r.non_quotes_hit) for r in results)},
        "files": files,
    }
    return out


def _verbose(results: list[FileResult]) -> None:
    for r in results:
        ov = _match(r.gold, r.pred, exact=False)
        ex = {(gi, pi) for gi, pi in _match(r.gold, r.pred, exact=True)}
        mg = {gi for gi, _ in ov}
        mp = {pi for _, pi in ov}
        lines = []
        for gi, g in enumerate(r.gold):
            if gi not in mg:
                lines.append(f"  MISS  [{g.kind}/{g.attribution}] {g.speaker!r}: "
                             f"{g.text[:90]!r}")
        for gi, pi in ov:
            g, p = r.gold[gi], r.pred[pi]
            if _norm_speaker(g.speaker) != _norm_speaker(p.speaker):
                lines.append(f"  SPKR  [{g.kind}/{g.attribution}] gold {g.speaker!r} "
                             f"got {p.speaker!r}: {g.text[:70]!r}")
            elif (gi, pi) not in ex:
                lines.append(f"  SPAN  gold {g.text[:60]!r}... [{len(g.text)}] "
                             f"got {p.text[:60]!r}... [{p.end - p.start}]"
                             f" d=({p.start - g.start},{p.end - g.end})")
        for pi, p in enumerate(r.pred):
            if pi not in mp:
                lines.append(f"  EXTRA [{p.kind}] {p.speaker!r}: {p.text[:90]!r}")
        for u in r.unresolved:
            lines.append(f"  UNRESOLVED {u!r}")
        if lines:
            print(f"{r.name}:")
            print("\n".join(lines))


def main_transcripts(args: argparse.Namespace) -> int:
    """The transcript set (tests/eval/quotes): ``args`` as parsed by :mod:`briefreader.eval.quotes_cli`."""
    try:
        sets = load_sets("quotes")
    except (OSError, ValueError) as exc:
        print(f"cannot read the labelled set tests/eval/quotes: {exc}", file=sys.stderr)
        return 2
    if args.files:
        import fnmatch

        sets = [(p, d) for p, d in sets
                if any(fnmatch.fnmatch(p.name, f) or p.name.startswith(f) for f in args.files)]
    if not sets:
        print("no labelled files in tests/eval/quotes/", file=sys.stderr)
        return 2
    results: list[FileResult] = []
    failed = 0
    for path, data in sets:
        try:
            results.append(evaluate_file(path, data))
        except Exception as exc:  # one broken label file must not hide the others
            failed += 1
            print(f"{path.name}: {type(exc).__name__}: {exc}", file=sys.stderr)
    if not results:
        print("no labelled file of tests/eval/quotes could be evaluated", file=sys.stderr)
        return 2
    summary = summarise(results)
    if args.json:
        print(json.dumps(summary, indent=1, ensure_ascii=False))
    else:
        if args.verbose:
            _verbose(results)
            print()
        _print(summary)
    if failed:
        print(f"{failed} labelled file(s) could not be evaluated", file=sys.stderr)
        return 1
    return 0


def _print(s: dict[str, Any]) -> None:
    ex, ov = s["exact"], s["overlap"]
    assert isinstance(ex, dict) and isinstance(ov, dict)
    print(f"{'file':60} gold pred exact overl spk   ms")
    for f in s["files"]:
        print(f"{f['file'][:60]:60} {f['gold']:4} {f['predicted']:4} {f['exact']:5} "
              f"{f['overlap']:5} {f['speaker_ok']:3} {f['ms']:6}"
              + (f"  unresolved={len(f['unresolved'])}" if f["unresolved"] else "")
              + (f"  non_quotes_hit={f['non_quotes_hit']}" if f["non_quotes_hit"] else ""))
    print()
    for name, d in (("exact", ex), ("overlap", ov)):
        print(f"spans {name:8} {span_figures(d)}")
    for fam, d in s["by_family"].items():
        e, o = d["exact"], d["overlap"]
        print(f"  {fam:6} exact F1={e['f1']:.3f} (P={e['precision']:.3f} R={e['recall']:.3f})"
              f"  overlap F1={o['f1']:.3f} (P={o['precision']:.3f} R={o['recall']:.3f})")
    sc = s["speaker_counts"]
    assert isinstance(sc, dict)
    print(f"speaker accuracy {s['speaker_accuracy']:.3f} ({sc['correct']}/{sc['matched']} "
          f"matched quotes)")
    print(f"of quotes given a speaker, correct {s['speaker_precision']:.3f} "
          f"({sc['given_correct']}/{sc['given']})")
    print_by_attribution(s["speaker_by_attribution"])
    print(f"kind accuracy (direct/partial) {s['kind_accuracy']:.3f}")
    nq = s["non_quotes"]
    assert isinstance(nq, dict)
    print(f"non-quotes extracted {nq['extracted']}/{nq['labelled']}")
    print("targets: " + ", ".join(f"{k} >= {v}" for k, v in TARGETS.items()))

