"""The judged set: segments of briefings of several sources, each shown with the label
and summary of two versions of the code, rated blind (good / acceptable / poor).

    python -m briefreader.eval topics --judged       shares per version from the ratings
    python -m briefreader.eval.topics_judged build   items from before.json and the code now

Files in tests/eval/topics_judged/:

- ``documents.json``: the briefings (chosen with a fixed seed) and the seed;
- ``before.json``, ``after.json``: each version's segments of them (``topics_capture``);
- ``items.jsonl``: ``{id, segment, label, summary}``, both versions shuffled together,
  nothing saying which version made an item (an item both versions show alike is
  one item);
- ``key.json``: ``id`` → the anchors and versions it stands for, and a hash of what
  the rater saw (so that after a change only changed items are rated again);
- ``RUBRIC.md``: what good / acceptable / poor mean;
- ``ratings.jsonl``: ``{id, label_rating, summary_rating}`` from the blind raters.

An anchor is a block of a briefing, drawn with the seed from the segments of the
BEFORE version (at most ``PER_DOC`` per briefing, at most one per segment); each
version is judged on the segment that holds that block.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from briefreader.eval.common import EVAL_DIR

DIR = EVAL_DIR / "topics_judged"
SEED = 16
PER_DOC = 12
RATINGS = ("good", "acceptable", "poor")


def _digest(segment: str, label: str, summary: str) -> str:
    return hashlib.sha1("\x00".join((segment, label, summary)).encode("utf-8")).hexdigest()[:16]


def _holding(segs: Sequence[dict[str, Any]], block: int) -> dict[str, Any]:
    for s in segs:
        if s["first_block"] <= block <= s["last_block"]:
            return s
    raise ValueError(f"no segment holds block {block}")


def build(directory: Path = DIR, seed: int = SEED) -> tuple[int, int]:
    """Write after.json (the code now), items.jsonl and key.json; return (anchors, items)."""
    from briefreader.core.ingest import load_file
    from briefreader.eval.topics_capture import segment_record

    docs = json.loads((directory / "documents.json").read_text(encoding="utf-8"))["documents"]
    before = json.loads((directory / "before.json").read_text(encoding="utf-8"))
    rng = random.Random(seed)
    after: dict[str, Any] = {}
    rows: dict[str, dict[str, Any]] = {}  # digest -> item
    key: dict[str, list[dict[str, Any]]] = defaultdict(list)
    anchors = 0
    for doc in docs:
        b = load_file(doc)
        after[doc] = rec = segment_record(b)
        bsegs: list[dict[str, Any]] = before[doc]["segments"]
        asegs: list[dict[str, Any]] = rec["segments"]  # type: ignore[assignment]
        picked = sorted(rng.sample(range(len(bsegs)), min(PER_DOC, len(bsegs))))
        for i in picked:
            bs = bsegs[i]
            block = rng.randint(bs["first_block"], bs["last_block"])
            anchors += 1
            for version, seg in (("before", bs), ("after", _holding(asegs, block))):
                text = b.text[seg["start"]:seg["end"]]
                d = _digest(text, seg["label"], seg["summary"])
                rows.setdefault(d, {"segment": text, "label": seg["label"], "summary": seg["summary"]})
                key[d].append({"document": doc, "anchor_block": block, "version": version,
                               "start": seg["start"], "end": seg["end"]})
    # an item already rated keeps its id (only changed items need rating again); new
    # items get new ids, shuffled among themselves
    old: dict[str, str] = {}
    if (directory / "key.json").exists():
        prev = json.loads((directory / "key.json").read_text(encoding="utf-8"))["items"]
        old = {v["digest"]: i for i, v in prev.items()}
    ids = {d: old[d] for d in rows if d in old}
    new = sorted(d for d in rows if d not in old)
    rng.shuffle(new)
    top = max((int(i[1:]) for i in old.values()), default=0)
    for n, d in enumerate(new, top + 1):
        ids[d] = f"t{n:03d}"
    digests = sorted(rows, key=lambda d: ids[d])
    with open(directory / "items.jsonl", "w", encoding="utf-8") as fh:
        for d in digests:
            fh.write(json.dumps({"id": ids[d], **rows[d]}, ensure_ascii=False) + "\n")
    mapping = {ids[d]: {"digest": d, "stands_for": key[d]} for d in digests}
    (directory / "key.json").write_text(json.dumps({"seed": seed, "anchors": anchors, "items": mapping},
                                                   indent=1, ensure_ascii=False), encoding="utf-8")
    (directory / "after.json").write_text(json.dumps(after, ensure_ascii=False, indent=0), encoding="utf-8")
    return anchors, len(digests)


def held_out(directory: Path = DIR) -> set[str]:
    """The documents of odd rank in documents.json: the half whose rated items were not
    read when tuning after the first rating (the even half was)."""
    docs = json.loads((directory / "documents.json").read_text(encoding="utf-8"))["documents"]
    return {d for i, d in enumerate(docs) if i % 2 == 1}


def shares(directory: Path = DIR, only: set[str] | None = None) -> dict[str, Any]:
    """Good / acceptable / poor shares of labels and summaries per version, over the
    anchors (an item standing for several anchors counts for each)."""
    key = json.loads((directory / "key.json").read_text(encoding="utf-8"))["items"]
    items = {}
    with open(directory / "items.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                it = json.loads(line)
                items[it["id"]] = it
    ratings: dict[str, dict[str, str]] = {}
    path = directory / "ratings.jsonl"
    if path.exists():
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    r = json.loads(line)
                except json.JSONDecodeError:
                    raise ValueError(f"{path.name} line {n}: not JSON") from None
                ratings[str(r.get("id"))] = r
    stale = [i for i, it in items.items()
             if i in key and key[i]["digest"] != _digest(it["segment"], it["label"], it["summary"])]
    out: dict[str, Any] = {"items": len(items), "rated": sum(1 for i in items if i in ratings), "stale": stale,
                           "unrated": sorted(i for i in items if i not in ratings)}
    for version in ("before", "after"):
        for field in ("label", "summary"):
            counts = dict.fromkeys(RATINGS, 0)
            for i, k in key.items():
                r = ratings.get(i)
                if r is None or i in stale:
                    continue
                val = str(r.get(f"{field}_rating", "")).lower()
                if val not in counts:
                    continue
                counts[val] += sum(1 for a in k["stands_for"] if a["version"] == version
                                   and (only is None or a["document"] in only))
            total = sum(counts.values())
            out[f"{version}_{field}"] = {"n": total, **{c: (counts[c] / total if total else None) for c in RATINGS}}
    return out


def report(directory: Path = DIR) -> None:
    if not (directory / "key.json").exists():
        print("judged set: not built")
        return
    r = shares(directory)
    print(f"judged set: {r['items']} items, {r['rated']} rated" + (f", {len(r['stale'])} changed since rated"
                                                                   if r["stale"] else ""))
    if r["unrated"]:
        print(f"  {len(r['unrated'])} items not rated yet (shares count rated items only): "
              f"{', '.join(r['unrated'][:8])}{' …' if len(r['unrated']) > 8 else ''}")
    if not r["rated"]:
        print("  no ratings yet (tests/eval/topics_judged/ratings.jsonl)")
        return
    _print_shares(r, "")
    _print_shares(shares(directory, held_out(directory)), "held-out half ")
    print("  targets: labels and summaries good >= 70%, poor <= 5%")


def _print_shares(r: dict[str, Any], tag: str) -> None:
    for version in ("before", "after"):
        parts = []
        for field in ("label", "summary"):
            x = r[f"{version}_{field}"]
            if x["n"]:
                name = "labels" if field == "label" else "summaries"
                parts.append(f"{name} good {x['good']:.0%} / acceptable {x['acceptable']:.0%} / poor {x['poor']:.0%}"
                             f" (n={x['n']})")
        print(f"  {tag}{version:6}: " + "; ".join(parts))


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args[:1] == ["build"]:
            anchors, n = build()
            print(f"{anchors} anchors, {n} items written to {DIR}")
            return 0
        report()
    except (OSError, ValueError, KeyError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
