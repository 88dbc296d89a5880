"""Evaluate topic segmentation against the hand-labelled set in tests/eval/topics/.

    python -m briefreader.eval topics [--json] [--verbose]   Pk / WindowDiff and the judged-set shares
    python -m briefreader.eval topics --checks [--all]      counts, summary and label checks
    python -m briefreader.eval topics --judged              the judged-set shares only

Each labelled file names a document (``source``, relative to the repository root), an
optional ``scope`` ({start_words, end_words}) and its ``topics``: the first words of
the paragraph that opens each topic. Those are found in the canonical text in order and
mapped to the block that holds them; segmentations are compared over the blocks in scope
with Pk and WindowDiff (k = half the mean reference segment length, in blocks), for
``segment_briefing`` and for a plain TextTiling baseline (lexical cohesion depth score
over the same blocks: no cues, no transcript rules).
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence

from briefreader.core.model import Briefing
from briefreader.core.topics import depth_scores, segment_briefing, terms
from briefreader.eval.common import find_words, load_sets, resolve_span, source_path

TARGET_PK = 0.20
TARGET_GAIN = 0.30  # Pk at least 30% lower than the baseline's


# --------------------------------------------------------------------------- metrics


def _labels(n: int, starts: Sequence[int]) -> list[int]:
    """TopicSegment number of each of ``n`` units, given the units that open a segment."""
    s = set(starts) | {0}
    out = []
    seg = -1
    for i in range(n):
        if i in s:
            seg += 1
        out.append(seg)
    return out


def pk(ref: Sequence[int], hyp: Sequence[int], n: int, k: int) -> float:
    """Beeferman's Pk: the share of unit pairs ``k`` apart on which the reference and
    the hypothesis disagree about being in the same segment."""
    if n <= k:
        return 0.0
    r, h = _labels(n, ref), _labels(n, hyp)
    errors = sum((r[i] == r[i + k]) != (h[i] == h[i + k]) for i in range(n - k))
    return errors / (n - k)


def window_diff(ref: Sequence[int], hyp: Sequence[int], n: int, k: int) -> float:
    """Pevzner and Hearst's WindowDiff: the share of windows of ``k`` units in which
    the number of boundaries differs."""
    if n <= k:
        return 0.0
    rb = [0] * n
    hb = [0] * n
    for i in set(ref):
        if 0 < i < n:
            rb[i] = 1
    for i in set(hyp):
        if 0 < i < n:
            hb[i] = 1
    errors = 0
    for i in range(n - k):
        if sum(rb[i + 1:i + k + 1]) != sum(hb[i + 1:i + k + 1]):
            errors += 1
    return errors / (n - k)


# --------------------------------------------------------------------------- baseline


def texttiling(briefing: Briefing, lo: int, hi: int, window: int = 3) -> list[int]:
    """Plain TextTiling over blocks ``[lo, hi)``: cosine of term counts (stemmed,
    stop words removed) of ``window`` blocks on each side of every gap, depth scores,
    and a boundary at each local maximum of depth above mean − sd/2 (Hearst 1997).
    Returns block indices (absolute) that open a segment, ``lo`` included."""
    vecs: list[dict[str, float]] = []
    for bi in range(lo, hi):
        blk = briefing.blocks[bi]
        cs = blk.content_start if blk.content_start >= blk.start else blk.start
        c = Counter(s for s in terms(briefing.text[cs:blk.end])[1] if s)
        vecs.append({t: float(v) for t, v in c.items()})
    depth = depth_scores(vecs, window)
    gaps = depth[1:]
    if not gaps:
        return [lo]
    mean = statistics.fmean(gaps)
    sd = statistics.pstdev(gaps) if len(gaps) > 1 else 0.0
    cutoff = mean - sd / 2
    starts = [lo]
    for i in range(1, len(depth)):
        d = depth[i]
        if d <= 0 or d <= cutoff:
            continue
        left = depth[i - 1] if i > 1 else -1.0
        right = depth[i + 1] if i + 1 < len(depth) else -1.0
        if d >= left and d > right:
            starts.append(lo + i)
    return starts


# --------------------------------------------------------------------------- reference


def _block_at(briefing: Briefing, offset: int) -> int:
    starts = [b.start for b in briefing.blocks]
    i = bisect_right(starts, offset) - 1
    return max(i, 0)


def reference(briefing: Briefing, label_set: dict[str, object]) -> tuple[int, int, list[int]]:
    """(first block, end block (exclusive), opening blocks) of the labelled scope."""
    text = briefing.text
    lo, hi = 0, len(briefing.blocks)
    pos = 0
    scope = label_set.get("scope")
    if isinstance(scope, dict) and scope:
        span = resolve_span(text, scope)
        if span is None:
            raise ValueError(f"scope not found: {scope}")
        lo = _block_at(briefing, span[0])
        hi = _block_at(briefing, max(span[1] - 1, span[0])) + 1
        pos = briefing.blocks[lo].start
    starts: list[int] = []
    topics = label_set.get("topics") or []
    assert isinstance(topics, list)
    for t in topics:
        words = str(t["start_words"])
        span = find_words(text, words, pos)
        if span is None:
            raise ValueError(f"topic start not found: {words!r}")
        bi = _block_at(briefing, span[0])
        starts.append(bi)
        pos = span[1]
    starts = sorted({s for s in starts if lo <= s < hi} | {lo})
    return lo, hi, starts


# --------------------------------------------------------------------------- main


def evaluate(verbose: bool = False) -> dict[str, object]:
    from briefreader.core.ingest import load_file

    rows = []
    for path, label_set in load_sets("topics"):
        src = source_path(label_set)
        briefing = load_file(src, doc_id=str(label_set.get("document") or src.name))
        lo, hi, ref = reference(briefing, label_set)
        n = hi - lo
        t0 = time.perf_counter()
        segs = segment_briefing(briefing)
        ms = (time.perf_counter() - t0) * 1000
        hyp = sorted({s.first_block for s in segs if lo <= s.first_block < hi} | {lo})
        base = texttiling(briefing, lo, hi)
        k = max(1, round(n / len(ref) / 2))
        rel = [s - lo for s in ref]
        row = {
            "file": path.name,
            "kind": label_set.get("kind"),
            "blocks": n,
            "k": k,
            "ref_segments": len(ref),
            "segments": len(hyp),
            "baseline_segments": len(base),
            "pk": pk(rel, [s - lo for s in hyp], n, k),
            "windowdiff": window_diff(rel, [s - lo for s in hyp], n, k),
            "baseline_pk": pk(rel, [s - lo for s in base], n, k),
            "baseline_windowdiff": window_diff(rel, [s - lo for s in base], n, k),
            "ms": ms,
        }
        if verbose:
            row["missed"] = [s for s in ref if s not in hyp]
            row["extra"] = [s for s in hyp if s not in ref]
            row["_briefing"] = briefing
        rows.append(row)
    mean = {key: statistics.fmean(float(r[key]) for r in rows) if rows else math.nan  # type: ignore[arg-type]
            for key in ("pk", "windowdiff", "baseline_pk", "baseline_windowdiff")}
    gain = 1 - mean["pk"] / mean["baseline_pk"] if mean["baseline_pk"] else 0.0
    return {
        "documents": rows,
        "mean": mean,
        "gain_over_baseline": gain,
        "targets": {"pk": TARGET_PK, "gain": TARGET_GAIN},
        "met": bool(rows) and mean["pk"] <= TARGET_PK and gain >= TARGET_GAIN,
    }


def _show_errors(row: dict[str, object]) -> None:
    b = row["_briefing"]
    assert isinstance(b, Briefing)
    for tag in ("missed", "extra"):
        for bi in row[tag]:  # type: ignore[attr-defined]
            print(f"    {tag:6} {bi:4}  {b.blocks[bi].text[:90]!r}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m briefreader.eval topics",
                                 description="Pk / WindowDiff of topic segmentation")
    ap.add_argument("--json", action="store_true", help="machine output on stdout")
    ap.add_argument("--verbose", action="store_true", help="list missed and extra boundaries")
    ap.add_argument("--checks", action="store_true",
                    help="topic counts, summary and label checks on 40 sample White House transcripts")
    ap.add_argument("--all", action="store_true", help="with --checks: also on all White House transcripts")
    ap.add_argument("--capture", metavar="FILE", help="with --checks: read segments from a capture file")
    ap.add_argument("--examples", type=int, default=0, metavar="N", help="with --checks: N failures of each kind")
    ap.add_argument("--judged", action="store_true", help="only the judged-set shares")
    args = ap.parse_args(list(argv) if argv is not None else None)
    if args.checks:
        from briefreader.eval import topic_checks
        return topic_checks.main(args.all, args.capture, args.examples, args.json)
    if args.judged:
        from briefreader.eval import topics_judged
        return topics_judged.main([])
    try:
        result = evaluate(verbose=args.verbose)
    except (ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    rows = result["documents"]
    assert isinstance(rows, list)
    if args.json:
        for r in rows:
            r.pop("_briefing", None)
        print(json.dumps(result, indent=1, default=str))
        return 0
    head = f"{'document':48} {'blocks':>6} {'k':>3} {'ref':>4} {'hyp':>4} {'Pk':>6} {'WD':>6} " \
           f"{'base':>4} {'bPk':>6} {'bWD':>6} {'ms':>6}"
    print(head)
    print("-" * len(head))
    for r in rows:
        print(f"{str(r['file'])[:48]:48} {r['blocks']:6} {r['k']:3} {r['ref_segments']:4} "
              f"{r['segments']:4} {r['pk']:6.3f} {r['windowdiff']:6.3f} {r['baseline_segments']:4} "
              f"{r['baseline_pk']:6.3f} {r['baseline_windowdiff']:6.3f} {r['ms']:6.1f}")
        if args.verbose:
            _show_errors(r)
    m = result["mean"]
    assert isinstance(m, dict)
    print("-" * len(head))
    print(f"{'mean':48} {'':6} {'':3} {'':4} {'':4} {m['pk']:6.3f} {m['windowdiff']:6.3f} {'':4} "
          f"{m['baseline_pk']:6.3f} {m['baseline_windowdiff']:6.3f}")
    print(f"Pk {m['pk']:.3f} vs baseline {m['baseline_pk']:.3f}: "
          f"{result['gain_over_baseline']:.0%} lower (targets: Pk <= {TARGET_PK}, "
          f">= {TARGET_GAIN:.0%} lower); targets met: {'yes' if result['met'] else 'no'}")
    from briefreader.eval import topics_judged
    try:
        topics_judged.report()
    except (OSError, ValueError, KeyError) as exc:
        print(f"judged set: error: {exc}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
