"""Query parts that expand into many words are refused with one clear line."""

from __future__ import annotations

import pytest

from briefreader.core.errors import QueryError
from briefreader.core.library import Library
from briefreader.core.search.budget import check_expansions


@pytest.fixture(scope="module")
def seeds_library(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    lib = Library(None, home=tmp_path_factory.mktemp("home"))
    lib.sync(workers=1)
    yield lib
    lib.close()


def test_a_lone_star_still_matches_everything(seeds_library) -> None:  # type: ignore[no-untyped-def]
    assert seeds_library.search("*", limit=1).total == seeds_library.search("* OR ceasefire", limit=1).total > 500


@pytest.mark.parametrize("text", ["?*", "[a TO z]", "c*", "*e*"])
def test_wide_expansions_are_refused(seeds_library, text: str) -> None:  # type: ignore[no-untyped-def]
    ix = seeds_library.index
    with pytest.raises(QueryError, match=r"^.(\?\*|\[a TO z\]|c\*|\*e\*). stands for more than 50 words"):
        check_expansions(ix.parse(text), ix.searcher().reader(), limit=50)


@pytest.mark.parametrize("text", ["ceasefir*", "tariff*", "[tariff TO tariffs]", "ceasefire~", "peskov"])
def test_narrow_expansions_run(seeds_library, text: str) -> None:  # type: ignore[no-untyped-def]
    ix = seeds_library.index
    check_expansions(ix.parse(text), ix.searcher().reader(), limit=50)
    assert seeds_library.search(text).total >= 0


def test_date_ranges_are_not_counted_as_words(seeds_library) -> None:  # type: ignore[no-untyped-def]
    res = seeds_library.search("date:[2021 TO 2025] AND ceasefire")
    assert res.total > 0
