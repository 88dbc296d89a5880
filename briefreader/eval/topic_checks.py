"""Checks of what a reader sees of a briefing's topics, on White House transcripts:

- topics per briefing (median, 90th percentile, largest; briefings over 30);
- summaries that are procedure or deflection ("I cannot confirm that.", "Yeah.");
- summaries that open with a discourse marker or an address ("Well,", "So,", "Peter,");
- summaries that contain the briefing's title;
- labels that contain a name the briefing uses to address a reporter ("Go ahead, Peter.").

    python -m briefreader.eval topics --checks [--all] [--capture FILE.json]

The detectors here are the evaluation's own (word lists in ``checks_*.txt`` beside this
file), written independently of the rules in ``core/topics``.
"""

from __future__ import annotations

import json
import re
import statistics
import time
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from pathlib import Path

from briefreader.core.model import Briefing


@cache
def _words(name: str) -> tuple[str, ...]:
    raw = resources.files("briefreader.eval").joinpath(name).read_text(encoding="utf-8")
    return tuple(ln.strip() for ln in raw.splitlines() if ln.strip() and not ln.startswith("#"))


@cache
def _deflection_re() -> re.Pattern[str]:
    return re.compile(r"(?i)(?:" + "|".join(_words("checks_deflection.txt")) + r")")


@cache
def _marker_re() -> re.Pattern[str]:
    return re.compile(r"(?:" + "|".join(_words("checks_markers.txt")) + r")\b[,.!]?")


def is_deflection(summary: str) -> bool:
    """A summary that says nothing of the subject: a deflection, a referral, turn-taking,
    or a bare acknowledgement."""
    s = summary.strip()
    if not s:
        return False
    if len(re.findall(r"[A-Za-z]+", s)) <= 3:
        return True  # "Yeah." "Thank you." "Sure, absolutely."
    return bool(_deflection_re().search(s))


# Turn-taking that names the reporter addressed: "Go ahead, Peter." "Yes, Kaitlan."
_ADDRESS = re.compile(
    r"(?:^|[.!?]\s+)(?:Go ahead|Yes|Yeah|Sure|Okay|OK|Thanks|Thank you|Hi|Hey|All right|Alright|"
    r"Let's go to|We'll go to|Next,? we'll go to|Next is|Next question,? from)(?:,|\s)\s*"
    r"((?:[A-Z][a-z’']+)(?:\s[A-Z][a-z’']+)?)"
    r"(?=[.!?]|,\s+(?:go ahead|and then|then|you|please|yes|in the|over|back)\b"
    r"|\s+(?:at|with|from|of)\s+[A-Z])"
    r"|(?:^|[.!?]\s+)([A-Z][a-z’']+), "
    r"(?:go ahead|yes|yeah|please|you(?:'re| are) up|in the back|over here|back there)\b")


def addressed_names(b: Briefing) -> set[str]:
    """Words a briefing uses to address a reporter, read from its answers and the
    moderator's turn-taking."""
    out: set[str] = set()
    stop = set(_words("checks_not_names.txt"))
    for blk in b.blocks:
        if blk.is_question or blk.kind != "turn":
            continue
        cs = blk.content_start if blk.content_start >= blk.start else blk.start
        body = b.text[cs:blk.end]
        for m in _ADDRESS.finditer(body[:400]):
            name = m.group(1) or m.group(2)
            for w in name.split():
                if w.lower() not in stop:
                    out.add(w)
    return out


def opens_with_marker(summary: str, names: set[str]) -> bool:
    """A summary that opens with a discourse marker ("Well,", "So,", "And") or an
    address ("Peter,")."""
    s = summary.lstrip(" \"“‘'(")
    if _marker_re().match(s):
        return True
    m = re.match(r"([A-Z][a-z’']+),", s)
    return bool(m and m.group(1) in names)


def contains_title(summary: str, title: str) -> bool:
    t = " ".join(title.split())
    return len(t.split()) >= 3 and t.lower() in " ".join(summary.split()).lower()


def label_has_name(label: str, names: set[str]) -> bool:
    return any(w in names for w in re.findall(r"[A-Za-z’']+", label))


def _pct(xs: Sequence[float], q: float) -> float:
    if not xs:
        return 0.0
    s = sorted(xs)
    i = min(len(s) - 1, max(0, round(q * (len(s) - 1))))
    return float(s[i])


def check(items: Iterable[tuple[Briefing, Sequence[dict[str, object]]]]) -> dict[str, object]:
    """The figures over ``(briefing, segments)`` pairs (segments as ``topics_capture``
    records), with examples of each failure."""
    counts: list[int] = []
    n_sum = defl = marker = title = 0
    n_lab = named = 0
    dup_briefings = 0
    examples: dict[str, list[str]] = {"deflection": [], "marker": [], "title": [], "name": []}
    for b, segs in items:
        counts.append(len(segs))
        names = addressed_names(b)
        labels = [str(s["label"]) for s in segs]
        if len(set(labels)) < len(labels):
            dup_briefings += 1
        for s in segs:
            summ = str(s["summary"])
            lab = str(s["label"])
            n_lab += 1
            if label_has_name(lab, names):
                named += 1
                hit = sorted(names & set(lab.replace(",", " ").split()))
                examples["name"].append(f"{b.id}: {lab!r} (addressed: {hit})")
            if not summ:
                continue
            n_sum += 1
            if is_deflection(summ):
                defl += 1
                examples["deflection"].append(f"{b.id}: {summ[:120]!r}")
            if opens_with_marker(summ, names):
                marker += 1
                examples["marker"].append(f"{b.id}: {summ[:80]!r}")
            if contains_title(summ, b.title):
                title += 1
                examples["title"].append(f"{b.id}: {summ[:120]!r}")
    return {
        "briefings": len(counts),
        "topics_median": statistics.median(counts) if counts else 0,
        "topics_p90": _pct(counts, 0.9),
        "topics_max": max(counts, default=0),
        "briefings_over_30": sum(1 for c in counts if c > 30),
        "summaries": n_sum,
        "deflection": defl / max(n_sum, 1),
        "marker_or_address": marker / max(n_sum, 1),
        "title_in_summary": title,
        "labels": n_lab,
        "labels_with_addressed_name": named,
        "briefings_with_repeated_label": dup_briefings,
        "examples": examples,
    }


def run(paths: Sequence[Path], capture: dict[str, dict[str, object]] | None = None) -> dict[str, object]:
    from briefreader.core.ingest import load_file
    from briefreader.eval.topics_capture import segment_record

    pairs = []
    seg_cpu = 0.0
    for p in paths:
        b = load_file(p)
        if capture is not None and str(p) in capture:
            segs = capture[str(p)]["segments"]
        else:
            t0 = time.process_time()
            segs = segment_record(b)["segments"]
            seg_cpu += time.process_time() - t0
        assert isinstance(segs, list)
        pairs.append((b, segs))
    out = check(pairs)
    out["segment_cpu_s"] = seg_cpu
    return out


def report(name: str, r: dict[str, object], examples: int = 0) -> None:
    print(f"{name}: {r['briefings']} briefings; topics per briefing median {r['topics_median']}, "
          f"p90 {r['topics_p90']}, max {r['topics_max']}, over 30: {r['briefings_over_30']}")
    print(f"  summaries {r['summaries']}: procedure/deflection {r['deflection']:.1%}, "
          f"open with marker/address {r['marker_or_address']:.1%}, contain the title {r['title_in_summary']}")
    print(f"  labels {r['labels']}: with an addressed reporter's name {r['labels_with_addressed_name']}; "
          f"briefings with a repeated label {r['briefings_with_repeated_label']}")
    if r.get("segment_cpu_s"):
        print(f"  segmenting+describing: {r['segment_cpu_s']:.1f} s CPU")
    ex = r["examples"]
    assert isinstance(ex, dict)
    for k, v in ex.items():
        for line in v[:examples]:
            print(f"    [{k}] {line}")


def plain_text_files() -> list[Path]:
    """Wikinews reports (title, date, one paragraph a line) and the round-ups."""
    from briefreader.eval.topics_capture import CORPUS

    return sorted((CORPUS / "news-wikinews").glob("*/*.txt")) + sorted((CORPUS / "whitehouse-roundups").glob("*.md"))


def main(all_files: bool = False, capture_file: str | None = None, examples: int = 0,
         as_json: bool = False) -> int:
    from briefreader.eval.topics_capture import sample_whitehouse, whitehouse_files

    cap = json.loads(Path(capture_file).read_text(encoding="utf-8")) if capture_file else None
    sets = [("40 sample White House transcripts (every 29th)", sample_whitehouse()),
            ("plain-text news and round-ups (title on the first line)", plain_text_files())]
    if all_files:
        sets.append(("all White House transcripts", whitehouse_files()))
    results = {}
    for name, paths in sets:
        if not paths:
            print(f"error: no transcripts found for {name}")
            return 1
        results[name] = r = run(paths, cap)
        if not as_json:
            report(name, r, examples)
    if as_json:
        print(json.dumps(results, indent=1))
    return 0
