"""Searching while the index is built: the scan finds exactly what the index finds (the truth
check over the benchmark's queries), the rest of the archive is scanned, coverage is reported."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.index import QueryError, SearchFilters
from reader.library import Library
from reader.library.provisional import Scanner
from tests.conftest import shared_path
from tests.generator.generate import generate
from tests.generator.queries import queries

SAMPLE_ISSUES = Path(__file__).resolve().parents[2] / "sample_issues"
# Beyond the benchmark's set: every field prefix, Latin words (whole words only), phrases,
# terms that overlap themselves (哈哈 in 哈哈哈 counts twice), NOT and dates combined.
MORE = (
    "title:供热",
    "author:郭强",
    "column:要闻",
    "page:2",
    "publication:今日长子",
    "number:1810",
    "the",
    "Paris",
    '"de la"',
    "la -le",
    "(a OR the) date:1800..1900",
    "哈哈",
    "人人",
    '"a a"',
    "2022",
    "-县",
    "县 date:..2018",
)


def _queries() -> list[str]:
    return [query.text for query in queries(3)] + list(MORE)


def _truth_check(archive: Path, tmp_path: Path) -> int:
    """Search ``archive`` by scan alone (no index yet), then by its index: the same hits,
    totals and counts for every query. Returns how many hits the queries found."""
    found = 0
    with Library.open(archive, cache_root=tmp_path / "cache") as library:
        library.use_index_dir(tmp_path / "not-built")
        scanned = {q: library.search_now(q, limit=100_000) for q in _queries()}
        library.update_index(tmp_path / "index")
        library.use_index_dir(tmp_path / "index")
        for query, now in scanned.items():
            assert now.coverage.indexed == 0 and now.coverage.complete
            assert now.coverage.provisional == bool(now.coverage.articles)
            indexed = library.search(query, limit=100_000)
            assert now.result.total == indexed.total, query
            assert {h.article_id for h in now.result.hits} == {h.article_id for h in indexed.hits}
            assert now.result.facets == indexed.facets, query
            found += indexed.total
            # Once the index is complete, searching now is searching the index.
            again = library.search_now(query, limit=100_000)
            assert not again.coverage.provisional and again.coverage.scanned == 0
            assert again.result == indexed
    return found


def test_the_scan_finds_what_the_index_finds_in_the_sample(tmp_path: Path) -> None:
    assert _truth_check(SAMPLE_ISSUES, tmp_path) > 0


def test_the_scan_finds_what_the_index_finds_in_a_generated_archive(tmp_path: Path) -> None:
    generate(tmp_path / "archive", issues=20, seed=3)
    assert _truth_check(tmp_path / "archive", tmp_path) > 1000


@pytest.mark.parametrize("sample", ["rmrb-1946-05-15", "bl-hmd-lsga-1832", "bnl-luxzeit-1858"])
def test_the_scan_finds_what_the_index_finds_in_real_samples(sample: str, tmp_path: Path) -> None:
    assert _truth_check(shared_path(f"samples/{sample}"), tmp_path) > 0


def test_during_an_update_changed_and_new_issues_are_scanned(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    files = generate(archive, issues=6, seed=5)
    with Library.open(archive, cache_root=tmp_path / "cache") as library:
        library.update_index(library.index_dir(tmp_path / "indexes"))
    # One issue rewritten (another seed's text), two added: the index is the previous build.
    generate(tmp_path / "other", issues=8, seed=9)
    shutil.copy(tmp_path / "other" / files[2].name, files[2])
    for path in sorted((tmp_path / "other").glob("*.txt"))[6:]:
        shutil.copy(path, archive / path.name)
    with Library.open(archive, cache_root=tmp_path / "cache") as library:
        library.index_dir(tmp_path / "indexes")
        assert not library.index_current()
        now = {q: library.search_now(q, limit=1000, sort="oldest") for q in _queries()}
        per_issue = 16
        assert now["县"].coverage.articles == 8 * per_issue
        assert now["县"].coverage.indexed == 5 * per_issue
        assert now["县"].coverage.scanned == 3 * per_issue
        assert now["县"].coverage.provisional and now["县"].coverage.complete
        library.update_index()
        for query, result in now.items():
            indexed = library.search(query, limit=1000, sort="oldest")
            assert result.result.total == indexed.total, query
            assert result.result.facets == indexed.facets, query
            # By date, index hits and scanned hits interleave as the index orders them.
            assert [h.date for h in result.result.hits] == [h.date for h in indexed.hits], query
            assert {h.article_id for h in result.result.hits} == {
                h.article_id for h in indexed.hits
            }


def test_filters_and_orders_apply_to_scanned_hits(tmp_path: Path) -> None:
    generate(tmp_path / "archive", issues=12, seed=3)
    with Library.open(tmp_path / "archive", cache_root=tmp_path / "cache") as library:
        library.use_index_dir(tmp_path / "not-built")
        filters = SearchFilters(years=("2015",), months=("2015-01",))
        now = library.search_now("会议", limit=5, sort="newest", filters=filters)
        library.update_index(tmp_path / "index")
        library.use_index_dir(tmp_path / "index")
        indexed = library.search(
            "会议", limit=5, sort="newest", months=("2015-01",), years=("2015",)
        )
    assert now.result.total == indexed.total > 5
    assert len(now.result.hits) == 5
    assert [h.date for h in now.result.hits] == [h.date for h in indexed.hits]
    assert now.result.facets == indexed.facets
    # A scanned hit is shown as an index hit is: its snippet marks the match.
    hit = now.result.hits[0]
    assert hit.snippet.spans and "会议" in "".join(
        hit.snippet.text[a:b] for a, b in hit.snippet.spans
    )


def test_a_time_budget_cuts_the_scan_and_says_how_much_it_covers(tmp_path: Path) -> None:
    generate(tmp_path / "archive", issues=4, seed=3)
    with Library.open(tmp_path / "archive", cache_root=tmp_path / "cache") as library:
        library.use_index_dir(tmp_path / "not-built")
        cut = library.search_now("县", budget=0.0)
        whole = library.search_now("县")
    assert not cut.coverage.complete and cut.coverage.share < 1
    assert cut.result.total < whole.result.total
    assert whole.coverage.complete and whole.coverage.share == 1


def test_nothing_is_kept_beyond_the_bound_and_the_hits_are_the_same(tmp_path: Path) -> None:
    generate(tmp_path / "archive", issues=3, seed=3)
    with Library.open(tmp_path / "archive", cache_root=tmp_path / "cache") as library:
        kept, bounded = Scanner(), Scanner(max_chars=0)
        first = kept.search(library, None, "县 OR 会议", 50, "relevance", SearchFilters())
        second = bounded.search(library, None, "县 OR 会议", 50, "relevance", SearchFilters())
    assert kept.cached_chars > 0 and bounded.cached_chars == 0
    assert first == second


def test_a_malformed_query_is_an_error_without_an_index(tmp_path: Path) -> None:
    with Library.open(SAMPLE_ISSUES, cache_root=tmp_path / "cache") as library:
        library.use_index_dir(tmp_path / "not-built")
        with pytest.raises(QueryError):
            library.search_now("(供热")
