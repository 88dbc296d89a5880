"""The news-set evaluation: halves, and a non-zero exit when files cannot be read."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefreader.eval import news
from briefreader.eval.quotes_cli import main

NEWS = Path(__file__).resolve().parent / "eval" / "news"


def test_split_has_two_fixed_halves() -> None:
    tune, report = news._split("tune"), news._split("report")
    assert len(tune) == len(report) == 21 and not tune & report
    for article in tune | report:
        assert (NEWS / news._label_file_name(article)).exists()


def test_unreadable_files_fail(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(NEWS / "split.tsv", tmp_path / "split.tsv")
    monkeypatch.setattr(news, "NEWS_DIR", tmp_path)
    # no labelled file at all: an error, never 1.000 for 0/0
    assert main(["--set", "news", "--half", "tune"]) != 0
    name = news._label_file_name(sorted(news._split("tune"))[0])
    (tmp_path / name).write_text("{not json", encoding="utf-8")
    assert main(["--set", "news", "--half", "tune", name]) != 0
    assert "JSONDecodeError" in capsys.readouterr().err


def test_missing_split_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(news, "NEWS_DIR", tmp_path)
    assert main(["--set", "news"]) == 2


def test_one_file_scores(capsys: pytest.CaptureFixture[str]) -> None:
    name = news._label_file_name(sorted(news._split("tune"))[0])
    assert main(["--set", "news", "--half", "tune", name]) == 0
    out = capsys.readouterr().out
    assert "speaker accuracy" in out and "indirect quotes found" in out
