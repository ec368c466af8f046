"""Several archives searched as one: totals and facets are the sums, hits merge in order."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.library import Library
from reader.library.many import search_many, trend_many
from reader.library.searching import SearchRequest, narrowed, run_search_many
from reader.library.trends import count_days
from tests.generator.generate import generate

SAMPLE = Path(__file__).resolve().parents[2] / "sample_issues"
QUERIES = ("县", "会议", "长子", '"人民群众"', "县 -会议", "nothing-at-all-here")


@pytest.fixture(scope="module")
def three(tmp_path_factory):
    """Three archives, each with its own index: the sample and two generated weeklies."""
    root = tmp_path_factory.mktemp("many")
    shutil.copytree(SAMPLE, root / "sample")
    generate(root / "weekly-a", issues=12, articles=6, seed=1)
    generate(root / "weekly-b", issues=20, articles=5, seed=2)
    libraries = {}
    for name in ("sample", "weekly-a", "weekly-b"):
        library = Library.open(root / name)
        library.use_index_dir(root / f"index-{name}")
        library.update_index()
        libraries[name] = library
    yield libraries
    for library in libraries.values():
        library.close()


@pytest.mark.parametrize("query", QUERIES)
def test_totals_and_facets_are_the_sums_of_each_archive(three, query):
    alone = {key: library.search(query, limit=0) for key, library in three.items()}
    both = search_many(three, query, limit=0)
    assert both.total == sum(r.total for r in alone.values())
    assert both.facets.archive == {key: r.total for key, r in alone.items()}
    for facet in ("year", "publication", "month", "day"):
        summed: dict[str, int] = {}
        for result in alone.values():
            for key, count in getattr(result.facets, facet).items():
                summed[key] = summed.get(key, 0) + count
        assert getattr(both.facets, facet) == summed, facet
    assert list(both.facets.year) == sorted(both.facets.year)


def test_a_common_word_is_found_in_every_archive(three):
    result = search_many(three, "县", limit=1000)
    assert {hit.archive for hit in result.hits} == set(three)
    assert len(result.hits) == result.total
    for hit in result.hits:  # each hit names the archive that holds it
        issue, article = three[hit.archive].article(hit.article_id)
        assert issue.id == hit.issue_id and article.title.startswith(hit.title[:5])


@pytest.mark.parametrize("sort", ["relevance", "newest", "oldest"])
def test_hits_merge_in_the_order_asked(three, sort):
    result = search_many(three, "会议", limit=25, sort=sort)
    assert len(result.hits) == min(25, result.total) == 25
    if sort == "relevance":
        scores = [hit.score for hit in result.hits]
        assert scores == sorted(scores, reverse=True)
    else:
        days = [hit.date for hit in result.hits if hit.date]
        assert days == sorted(days, reverse=sort == "newest")
    # The first hits are exactly the best of all archives' own first hits.
    pool = [
        (key, hit)
        for key, library in three.items()
        for hit in library.search("会议", limit=25, sort=sort).hits
    ]
    if sort == "relevance":
        best = sorted(pool, key=lambda pair: -pair[1].score)[:25]
        assert sorted(h.score for _k, h in best) == sorted(h.score for h in result.hits)


def test_choosing_an_archive_keeps_its_hits_and_every_archive_count(three):
    everything = search_many(three, "县", limit=0)
    only = search_many(three, "县", limit=50, archives=("weekly-b",))
    assert only.total == three["weekly-b"].search("县", limit=0).total
    assert {hit.archive for hit in only.hits} == {"weekly-b"}
    assert only.facets.archive == everything.facets.archive
    assert only.facets.year == three["weekly-b"].search("县", limit=0).facets.year


def test_the_window_request_narrows_by_archive_and_back(three):
    request = SearchRequest("县", limit=10)
    picked = narrowed(request, "archive:weekly-a")
    assert picked.archive == "weekly-a"
    outcome = run_search_many(three, picked)
    assert {hit.archive for hit in outcome.result.hits} == {"weekly-a"}
    assert narrowed(picked, "archive:weekly-a").archive == ""  # the same choice again: off
    assert narrowed(picked, "").archive == ""


def test_the_trend_over_several_archives_sums_their_days(three):
    trend = trend_many(three, ["县"], period="year")
    expected: dict[str, int] = {}
    for library in three.values():
        for _query, days in count_days(library, ["县"]):
            for day, count in days.items():
                year = day[:4] if day[:4].isdigit() else day
                expected[year] = expected.get(year, 0) + count
    series = trend.series[0]
    assert {key: series.count(key) for key in trend.keys if series.count(key)} == {
        key: count for key, count in expected.items() if key.isdigit()
    }
    articles = sum(len(i.articles) for library in three.values() for i in library.issues if i.date)
    assert sum(trend.totals.values()) == articles


@pytest.mark.parametrize("sort", ["relevance", "newest", "oldest"])
def test_every_hit_streamed_for_export_is_the_ranked_list(three, sort):
    from reader.library.many_export import hit_entries_many, search_hits_many

    shown = search_many(three, "县", limit=10_000, sort=sort)
    total, hits = search_hits_many(three, SearchRequest("县", sort=sort))
    streamed = list(hits)
    assert total == shown.total == len(streamed) > 0
    assert [(h.archive, h.article_id) for h in streamed] == [
        (h.archive, h.article_id) for h in shown.hits
    ]
    # Each entry is read from its own archive; one archive's filter keeps its hits only.
    entries = list(hit_entries_many(three, streamed[:40]))
    assert [e.article.id for e in entries] == [h.article_id for h in streamed[:40]]
    assert all(e.archive == h.archive for e, h in zip(entries, streamed, strict=False))
    total, hits = search_hits_many(three, SearchRequest("县", sort=sort, archive="weekly-b"), 3)
    assert total == 3 and {h.archive for h in hits} == {"weekly-b"}


def test_a_library_concordance_and_trend_report_progress_over_every_archive(three):
    from reader.library.shelf_search import concordance_many, count_days_many

    request = SearchRequest(query="会议")
    total = sum(library.search("会议", limit=0).total for library in three.values())
    seen: list[tuple[int, int]] = []
    found = concordance_many(
        three, request, width=10, limit=10_000, progress=lambda d, t: seen.append((d, t))
    )
    assert found.lines
    # The hits of all three archives, read on from one archive to the next.
    assert {t for _d, t in seen} == {total}
    assert [d for d, _t in seen] == list(range(1, total + 1))
    counted: list[tuple[int, int]] = []
    count_days_many(three, ["会议"], progress=lambda d, t: counted.append((d, t)))
    assert counted == [(0, 3), (1, 3), (2, 3), (3, 3)]
