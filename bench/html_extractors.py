"""Compare main-content extractors on saved web pages (issue 15).

    python -m bench.html_extractors [--pages DIR] [--own DIR]

Gold for the shared White House pages is the page's own article container (its <h1> and
the body field), rendered by the old whole-page renderer; for the pages written for the
tests (tests/data/html) it is their ``*.expect.txt``. For each extractor: chrome lines
kept (output lines that are not part of the briefing), briefing lines lost, speaker
labels kept (lines opening with a label, output against gold) and ms per MB.
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable
from pathlib import Path

from briefreader.core.ingest.transcript import match_label

_WS = re.compile(r"\s+")


def norm(s: str) -> str:
    return _WS.sub(" ", s.replace("\u00a0", " ")).strip()


def whole_page(html: str) -> str:
    from briefreader.core.ingest.html import render_html_page

    return render_html_page(html)[0]


def gold_of(html: str) -> list[str]:
    """The briefing's lines of a shared White House page, from its article container."""
    import lxml.html

    root = lxml.html.fromstring(html)
    parts = root.xpath("//h1") + root.xpath("//div[contains(@class,'field-name-field-forall-body')]")
    if not root.xpath("//div[contains(@class,'field-name-field-forall-body')]"):
        content = root.xpath("//div[contains(@class,'page-content__content')]")
        for c in content:
            for aside in c.xpath(".//aside"):
                aside.getparent().remove(aside)
        parts += content
    out: list[str] = []
    for p in parts:
        out += [norm(x) for x in whole_page(lxml.html.tostring(p, encoding="unicode")).split("\n") if norm(x)]
    return out


def ex_trafilatura(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False, include_tables=True, deduplicate=False) or ""


def ex_trafilatura_recall(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False, favor_recall=True) or ""


def ex_readability(html: str) -> str:
    from readability import Document

    return whole_page(Document(html).summary(html_partial=True))


def ex_resiliparse(html: str) -> str:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    return extract_plain_text(HTMLTree.parse(html), main_content=True, preserve_formatting=True,
                              list_bullets=False, alt_texts=False, links=False)


def ex_justext(html: str) -> str:
    import justext

    paras = justext.justext(html.encode("utf-8"), justext.get_stoplist("English"))
    return "\n".join(p.text for p in paras if not p.is_boilerplate)


def ex_briefreader(html: str) -> str:
    from briefreader.core.ingest.html import render_html

    return render_html(html)[0]


EXTRACTORS: dict[str, Callable[[str], str]] = {
    "whole page (fallback)": whole_page, "trafilatura": ex_trafilatura,
    "trafilatura recall": ex_trafilatura_recall, "readability-lxml": ex_readability,
    "resiliparse": ex_resiliparse, "justext": ex_justext, "briefreader (chosen)": ex_briefreader,
}


def score(out: str, gold: list[str]) -> tuple[int, int, int, int]:
    lines = [norm(x) for x in out.split("\n") if norm(x)]
    gold_text = " ".join(gold)
    out_text = " ".join(lines)
    chrome = sum(1 for x in lines if x not in gold_text)
    lost = sum(1 for x in gold if x not in out_text)
    labels_gold = sum(1 for x in gold if match_label(x))
    labels_out = sum(1 for x in lines if match_label(x) and x in gold_text)
    return chrome, lost, min(labels_out, labels_gold), labels_gold


def own_gold(path: Path) -> list[str]:
    exp = path.with_name(path.stem + ".expect.txt").read_text(encoding="utf-8").splitlines()
    return [x[2:] for x in exp if x.startswith("+ ")]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", default="../shared/corpus/whitehouse-html")
    ap.add_argument("--own", default="tests/data/html")
    ap.add_argument("--only", nargs="*")
    args = ap.parse_args()
    shared = sorted(Path(args.pages).rglob("*.html"))
    own = sorted(Path(args.own).glob("*.html"))
    pages = [(p, p.read_text(encoding="utf-8", errors="replace")) for p in shared]
    golds = [gold_of(h) for _, h in pages]
    mb = sum(len(h.encode()) for _, h in pages) / 1048576
    print(f"{len(pages)} shared pages, {mb:.2f} MB; {len(own)} own pages (chrome lines only counted there "
          "against the '-' lines)")
    print(f"{'extractor':22} {'chrome kept':>11} {'lines lost':>10} {'labels kept':>14} {'own chrome':>10} "
          f"{'own lost':>8} {'ms/MB':>7}")
    for name, fn in EXTRACTORS.items():
        if args.only and name not in args.only:
            continue
        fn(pages[0][1])
        best = float("inf")
        for _ in range(3):  # CPU time, best of three (the machine is shared)
            t0 = time.process_time()
            outs = [fn(h) for _, h in pages]
            best = min(best, time.process_time() - t0)
        ms = best * 1000 / mb
        tot = [0, 0, 0, 0]
        for out, gold in zip(outs, golds, strict=True):
            for i, v in enumerate(score(out, gold)):
                tot[i] += v
        own_chrome = own_lost = 0
        for p in own:
            out = fn(p.read_text(encoding="utf-8"))
            exp = p.with_name(p.stem + ".expect.txt").read_text(encoding="utf-8").splitlines()
            text = norm(out)
            own_chrome += sum(1 for x in exp if x.startswith("- ") and x[2:] in text)
            own_lost += sum(1 for x in own_gold(p) if x not in text)
        print(f"{name:22} {tot[0]:>11} {tot[1]:>10} {tot[2]:>6}/{tot[3]:<7} {own_chrome:>10} {own_lost:>8} {ms:>7.0f}")



def ex_trafilatura_fast(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False, fast=True, favor_recall=True) or ""


EXTRACTORS["trafilatura fast"] = ex_trafilatura_fast


if __name__ == "__main__":
    main()
