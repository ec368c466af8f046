"""One search as the window runs it: narrowing by year, month and publication, and month counts."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.library import SORTS, Library
from reader.library.searching import SearchRequest, narrowed, run_search, sort_named


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    root = tmp_path_factory.mktemp("searching")
    shutil.copytree(Path(__file__).resolve().parents[2] / "sample_issues", root / "archive")
    with Library.open(root / "archive") as opened:
        opened.update_index(opened.index_dir(root / "indexes"))
        yield opened


def test_hits_of_one_year_are_counted_month_by_month(library: Library) -> None:
    outcome = run_search(library, SearchRequest("郭强"))
    assert outcome.result.total == 3
    assert outcome.year == "2022"
    assert list(outcome.months) == [f"2022-{m:02d}" for m in range(1, 13)]
    assert outcome.months["2022-09"] == 3 and sum(outcome.months.values()) == 3


def test_a_month_narrows_the_hits_but_not_the_counts(library: Library) -> None:
    whole = run_search(library, SearchRequest("郭强"))
    september = run_search(library, SearchRequest("郭强", year="2022", month="2022-09"))
    assert september.result.total == 3 and len(september.result.hits) == 3
    august = run_search(library, SearchRequest("郭强", year="2022", month="2022-08"))
    assert august.result.total == 0 and august.result.hits == ()
    # The chart and the facets still show the year around the month chosen.
    assert august.months == whole.months and august.result.facets == whole.result.facets
    assert august.year == "2022"


def test_a_publication_and_a_year_narrow_the_hits(library: Library) -> None:
    assert run_search(library, SearchRequest("郭强", publication="今日长子")).result.total == 3
    assert run_search(library, SearchRequest("郭强", publication="其他")).result.total == 0
    other_year = run_search(library, SearchRequest("郭强", year="2021"))
    assert other_year.result.total == 0 and other_year.year == "2021"


def test_no_hits_no_months(library: Library) -> None:
    outcome = run_search(library, SearchRequest("没有这个词语"))
    assert outcome.result.total == 0 and outcome.year == "" and outcome.months == {}


@pytest.mark.parametrize("sort", SORTS)
def test_every_order_keeps_the_hits(library: Library, sort: str) -> None:
    outcome = run_search(library, SearchRequest("郭强", sort=sort, limit=2))  # type: ignore[arg-type]
    assert outcome.result.total == 3 and len(outcome.result.hits) == 2


def test_narrowing_by_a_key_and_choosing_it_again_undoes_it() -> None:
    start = SearchRequest("q", sort="newest")
    by_year = narrowed(start, "2022")
    assert (by_year.year, by_year.month) == ("2022", "")
    by_month = narrowed(by_year, "2022-09")
    assert (by_month.year, by_month.month) == ("2022", "2022-09")
    assert narrowed(by_month, "2022-09") == by_year  # the month again: back to its year
    assert narrowed(by_year, "2022") == start
    assert narrowed(by_month, "2022").month == ""  # the year of a chosen month: the whole year
    paper = narrowed(by_month, "publication:今日长子")
    assert paper.publication == "今日长子" and paper.month == "2022-09"
    assert narrowed(paper, "publication:今日长子").publication == ""
    cleared = narrowed(paper, "")
    assert cleared == SearchRequest("q", sort="newest")
    assert narrowed(start, "undated").year == "undated"


def test_an_order_is_named_by_its_plain_text() -> None:
    assert [sort_named(name) for name in ("relevance", "newest", "oldest")] == list(SORTS)
    with pytest.raises(ValueError, match="sort must be one of"):
        sort_named("random")
