"""Evaluate quote extraction on the labelled news set (tests/eval/news/*.json).

    python -m briefreader.eval quotes --set news [--half tune|report|all] [--verbose] [--json]

The labels (see tests/eval/news/GUIDE.md) mark ``direct`` and ``partial`` quotes
(the words inside the marks) and ``indirect`` quotes (the reported clause,
without the cue and without "that"), each with the speaker as the article names
them. ``split.tsv`` fixes two halves by article: rules are tuned on ``tune``
and the figures that count are those of ``report`` (the default).

Figures:

- direct-quote spans: gold direct/partial vs predicted direct/partial, matched
  exactly and by overlap (each matched at most once), P/R/F1;
- speaker accuracy over the overlap-matched direct/partial pairs (a gold
  ``null`` speaker is right only when none is given), and attributed-speaker
  precision (of matched quotes given a speaker, right);
- indirect quotes found: gold indirect quotes overlapped by a predicted
  indirect quote (recall), and speaker accuracy over those.

Speakers compare case- and accent-insensitively, ignoring a leading "the"
("the IMF" = "IMF"). The command exits non-zero when a labelled file or its
article cannot be read, or when the half has no gold quote.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from briefreader.eval.common import EVAL_DIR
from briefreader.eval.quotes import (
    AttributionTally,
    FileResult,
    Span,
    _match,
    _norm_speaker,
    evaluate_file,
    fmt3,
    print_by_attribution,
    span_figures,
)

NEWS_DIR = EVAL_DIR / "news"
QUOTE_KINDS = frozenset({"direct", "partial"})
TARGETS = {"span_f1": 0.95, "speaker_accuracy": 0.95, "speaker_precision": 0.97,
           "indirect_recall": 0.80, "indirect_speaker_accuracy": 0.90}


def norm_speaker(s: str | None) -> str | None:
    n = _norm_speaker(s)
    if n is not None and n.startswith("the "):
        n = n[4:] or None
    return n


def _split(half: str) -> set[str]:
    """The article files (``corpus/name.txt``) of ``half`` ("all": every one)."""
    path = NEWS_DIR / "split.tsv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    if not rows or "file" not in rows[0] or "half" not in rows[0]:
        raise ValueError(f"{path}: expected columns 'file' and 'half'")
    return {r["file"] for r in rows if half == "all" or r["half"] == half}


def _label_file_name(article: str) -> str:
    corpus, _, name = article.partition("/")
    return f"{corpus}__{Path(name).stem}.json"


def _only(spans: list[Span], kinds: frozenset[str]) -> list[Span]:
    return [s for s in spans if s.kind in kinds]


def _speaker_figures(pairs: list[tuple[Span, Span]]) -> dict[str, object]:
    ok = given = given_ok = 0
    for g, p in pairs:
        right = norm_speaker(g.speaker) == norm_speaker(p.speaker)
        ok += right
        if p.speaker is not None:
            given += 1
            given_ok += right
    return {"matched": len(pairs), "correct": ok, "given": given, "given_correct": given_ok,
            "accuracy": round(ok / len(pairs), 4) if pairs else None,
            "precision": round(given_ok / given, 4) if given else None}


def _prf(n_match: int, n_pred: int, n_gold: int) -> dict[str, object]:
    p = n_match / n_pred if n_pred else None
    r = n_match / n_gold if n_gold else None
    f = 2 * p * r / (p + r) if p is not None and r is not None and p + r else None
    return {"precision": None if p is None else round(p, 4),
            "recall": None if r is None else round(r, 4),
            "f1": None if f is None else round(f, 4),
            "matched": n_match, "predicted": n_pred, "gold": n_gold}


def summarise_news(results: list[FileResult]) -> dict[str, object]:
    ex_n = ov_n = n_pred = n_gold = 0
    q_pairs: list[tuple[Span, Span]] = []
    i_pairs: list[tuple[Span, Span]] = []
    i_gold = i_pred = 0
    by_attr = AttributionTally()
    files = []
    for r in results:
        gq, pq = _only(r.gold, QUOTE_KINDS), _only(r.pred, QUOTE_KINDS)
        ex = _match(gq, pq, exact=True)
        ov = _match(gq, pq, exact=False)
        ex_n += len(ex)
        ov_n += len(ov)
        n_pred += len(pq)
        n_gold += len(gq)
        pairs = [(gq[gi], pq[pi]) for gi, pi in ov]
        q_pairs += pairs
        for g, p in pairs:
            by_attr.add(g.attribution, norm_speaker(g.speaker) == norm_speaker(p.speaker))
        gi_, pi_ = _only(r.gold, frozenset({"indirect"})), _only(r.pred, frozenset({"indirect"}))
        iov = _match(gi_, pi_, exact=False)
        i_pairs += [(gi_[a], pi_[b]) for a, b in iov]
        i_gold += len(gi_)
        i_pred += len(pi_)
        files.append({"file": r.name, "gold": len(gq), "predicted": len(pq), "exact": len(ex),
                      "overlap": len(ov),
                      "speaker_ok": sum(norm_speaker(g.speaker) == norm_speaker(p.speaker)
                                        for g, p in pairs),
                      "indirect_gold": len(gi_), "indirect_pred": len(pi_),
                      "indirect_found": len(iov), "unresolved": r.unresolved})
    ind = _speaker_figures(i_pairs)
    return {
        "exact": _prf(ex_n, n_pred, n_gold),
        "overlap": _prf(ov_n, n_pred, n_gold),
        "speaker": _speaker_figures(q_pairs),
        "speaker_by_attribution": by_attr.figures(),
        "indirect": {"gold": i_gold, "predicted": i_pred, "found": len(i_pairs),
                     "recall": round(len(i_pairs) / i_gold, 4) if i_gold else None,
                     "precision": round(len(i_pairs) / i_pred, 4) if i_pred else None,
                     "speaker_accuracy": ind["accuracy"],
                     "speaker_correct": ind["correct"]},
        "files": files,
    }


def _print(s: dict[str, object], half: str) -> None:
    print(f"{'file':44} gold pred exact overl spk  ind:gold pred found")
    files = s["files"]
    assert isinstance(files, list)
    for f in files:
        print(f"{f['file'][:44]:44} {f['gold']:4} {f['predicted']:4} {f['exact']:5} "
              f"{f['overlap']:5} {f['speaker_ok']:3}  {f['indirect_gold']:8} "
              f"{f['indirect_pred']:4} {f['indirect_found']:5}"
              + (f"  unresolved={len(f['unresolved'])}" if f["unresolved"] else ""))
    print()
    print(f"news set, half: {half}")
    for name in ("exact", "overlap"):
        d = s[name]
        assert isinstance(d, dict)
        print(f"direct-quote spans {name:7} {span_figures(d)}")
    sp = s["speaker"]
    assert isinstance(sp, dict)
    print(f"speaker accuracy {fmt3(sp['accuracy'])} ({sp['correct']}/{sp['matched']} matched "
          f"direct/partial quotes)")
    print(f"attributed-speaker precision {fmt3(sp['precision'])} "
          f"({sp['given_correct']}/{sp['given']} given a speaker)")
    by_attr = s["speaker_by_attribution"]
    assert isinstance(by_attr, dict)
    print_by_attribution(by_attr)
    ind = s["indirect"]
    assert isinstance(ind, dict)
    print(f"indirect quotes found {fmt3(ind['recall'])} ({ind['found']}/{ind['gold']}; "
          f"{ind['predicted']} predicted, precision {fmt3(ind['precision'])}), "
          f"speaker accuracy {fmt3(ind['speaker_accuracy'])} "
          f"({ind['speaker_correct']}/{ind['found']})")
    print("targets: " + ", ".join(f"{k} >= {v}" for k, v in TARGETS.items()))


def _verbose(results: list[FileResult]) -> None:
    for r in results:
        lines: list[str] = []
        for kinds in (QUOTE_KINDS, frozenset({"indirect"})):
            gold, pred = _only(r.gold, kinds), _only(r.pred, kinds)
            ov = _match(gold, pred, exact=False)
            mg = {gi for gi, _ in ov}
            mp = {pi for _, pi in ov}
            for gi, g in enumerate(gold):
                if gi not in mg:
                    lines.append(f"  MISS  [{g.kind}/{g.attribution}] {g.speaker!r}: "
                                 f"{g.text[:100]!r}")
            for gi, pi in ov:
                g, p = gold[gi], pred[pi]
                if norm_speaker(g.speaker) != norm_speaker(p.speaker):
                    lines.append(f"  SPKR  [{g.kind}/{g.attribution}] gold {g.speaker!r} "
                                 f"got {p.speaker!r}: {g.text[:80]!r}")
                elif (g.start, g.end) != (p.start, p.end) and g.kind != "indirect":
                    lines.append(f"  SPAN  gold {g.text[:60]!r} got {p.text[:60]!r}")
            for pi, p in enumerate(pred):
                if pi not in mp:
                    lines.append(f"  EXTRA [{p.kind}] {p.speaker!r}: {p.text[:100]!r}")
        lines += [f"  UNRESOLVED {u!r}" for u in r.unresolved]
        if lines:
            print(f"{r.name}:")
            print("\n".join(lines))


def main_news(args: argparse.Namespace) -> int:
    try:
        wanted = _split(args.half)
    except (OSError, ValueError, csv.Error) as exc:
        print(f"cannot read the news split: {exc}", file=sys.stderr)
        return 2
    names = sorted(_label_file_name(a) for a in wanted)
    if args.files:
        import fnmatch

        names = [n for n in names
                 if any(fnmatch.fnmatch(n, f) or n.startswith(f) for f in args.files)]
    if not names:
        print(f"no labelled news file in half {args.half!r}", file=sys.stderr)
        return 2
    results: list[FileResult] = []
    failed = 0
    kinds = frozenset({"direct", "partial", "indirect"})
    for name in names:
        path = NEWS_DIR / name
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            results.append(evaluate_file(path, data, pred_kinds=kinds))
        except Exception as exc:  # report every unreadable file, then fail
            failed += 1
            print(f"{name}: {type(exc).__name__}: {exc}", file=sys.stderr)
    summary = summarise_news(results)
    if args.json:
        print(json.dumps(summary, indent=1, ensure_ascii=False))
    else:
        if args.verbose:
            _verbose(results)
            print()
        _print(summary, args.half)
    if failed:
        print(f"{failed} labelled news file(s) could not be evaluated", file=sys.stderr)
        return 1
    ov = summary["overlap"]
    assert isinstance(ov, dict)
    if not ov["gold"]:
        print("no gold quote in the files evaluated", file=sys.stderr)
        return 1
    return 0
