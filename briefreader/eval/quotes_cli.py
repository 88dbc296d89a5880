"""``python -m briefreader.eval quotes``: the command line of the quote evaluations (the
transcript set in :mod:`briefreader.eval.quotes`, the news set in :mod:`briefreader.eval.news`)."""

from __future__ import annotations

import argparse

from briefreader.eval.news import main_news
from briefreader.eval.quotes import main_transcripts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m briefreader.eval quotes",
                                 description="Evaluate quote extraction on tests/eval/quotes.")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--verbose", action="store_true", help="list every miss and extra")
    ap.add_argument("--set", dest="set_name", default="transcripts",
                    choices=("transcripts", "quotes", "news"),
                    help="the labelled set: transcripts (tests/eval/quotes, the default) "
                         "or news (tests/eval/news)")
    ap.add_argument("--half", choices=("tune", "report", "all"), default="report",
                    help="news set only: the half of split.tsv to evaluate (default report)")
    ap.add_argument("files", nargs="*", help="only these labelled files (names or globs)")
    args = ap.parse_args(argv)
    return main_news(args) if args.set_name == "news" else main_transcripts(args)
