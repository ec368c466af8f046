"""Trends: hits per period equal the index's facets, article totals, normalising, CSV, narrowing."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from reader.library import Library
from reader.library.searching import SearchRequest, narrowed, run_search
from reader.library.trends import (
    build_trend,
    choose_period,
    count_days,
    normalised,
    period_key,
    periods_between,
    run_trend,
    trend_csv,
)
from tests.conftest import shared_path
from tests.generator.generate import generate


def test_period_keys_and_runs_of_periods():
    day = dt.date(1813, 11, 16)
    assert [period_key(day, p) for p in ("day", "month", "year", "decade")] == [
        "1813-11-16",
        "1813-11",
        "1813",
        "1810s",
    ]
    assert periods_between(dt.date(1813, 11, 16), dt.date(1814, 2, 1), "month") == [
        "1813-11",
        "1813-12",
        "1814-01",
        "1814-02",
    ]
    assert periods_between(dt.date(1999, 12, 30), dt.date(2000, 1, 2), "day") == [
        "1999-12-30",
        "1999-12-31",
        "2000-01-01",
        "2000-01-02",
    ]
    decades = periods_between(dt.date(1813, 1, 1), dt.date(2022, 9, 19), "decade")
    assert decades[0] == "1810s" and decades[-1] == "2020s" and len(decades) == 22


def test_the_period_is_the_finest_that_fits():
    first, last = dt.date(1813, 11, 16), dt.date(2022, 9, 19)
    assert choose_period(first, last, 300) == "year"  # 210 years fit in 300 bars
    assert choose_period(first, last, 100) == "decade"
    assert choose_period(dt.date(1946, 5, 1), dt.date(1946, 5, 31), 40) == "day"
    assert choose_period(dt.date(1946, 1, 1), dt.date(1946, 12, 31), 40) == "month"


def test_normalised():
    assert normalised(3, 40, "count") == 3.0
    assert normalised(3, 40, "per_thousand") == pytest.approx(75.0)
    assert normalised(3, 40, "percent") == pytest.approx(7.5)
    assert normalised(0, 0, "percent") == 0.0  # no articles: nothing to divide


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """Sixty generated issues (four a week from January 2015), indexed in tmp."""
    root = tmp_path_factory.mktemp("trends")
    files = generate(root / "archive", issues=60, articles=6)
    library = Library.open(root / "archive")
    library.use_index_dir(root / "index")
    library.update_index(root / "index")
    yield library, files
    library.close()


def test_trend_counts_per_period_equal_the_facets(generated):
    library, _files = generated
    for query in ("县", "会议"):
        result = library.search(query, limit=0)
        assert result.total > 0
        for period, facet in (("month", result.facets.month), ("year", result.facets.year)):
            trend = run_trend(library, [query], period=period)
            (series,) = trend.series
            assert {k: n for k, n in series.counts.items() if n} == facet
            assert sum(series.counts.values()) == result.total
        days = run_trend(library, [query], period="day")
        assert sum(days.series[0].counts.values()) == result.total
        assert set(days.keys) >= set(days.series[0].counts)


def test_article_totals_count_every_article_of_the_period(generated):
    library, files = generated
    # Six articles an issue, the issue's date in its file name: counted apart from the library.
    expected = Counter()
    for path in files:
        expected[path.name[:7]] += 6
    trend = run_trend(library, ["县"], period="month")
    assert {k: n for k, n in trend.totals.items() if n} == dict(expected)
    assert sum(trend.totals.values()) == sum(len(i.articles) for i in library.issues)
    (series,) = trend.series
    for key in trend.keys:
        share = series.count(key) * 1000 / expected[key] if expected[key] else 0.0
        assert trend.value(series, key, "per_thousand") == pytest.approx(share)
        assert trend.value(series, key, "percent") == pytest.approx(share / 10)


def test_several_queries_give_several_series_and_parse_back_as_csv(generated):
    library, _files = generated
    queries = ["县", "会议", "nothing-like-this"]
    trend = run_trend(library, queries, period="month")
    assert [s.query for s in trend.series] == queries
    rows = list(csv.DictReader(io.StringIO(trend_csv(trend))))
    assert len(rows) == len(trend.keys) * len(queries)
    assert set(rows[0]) == {
        "period",
        "query",
        "count",
        "total_articles",
        "per_1000_articles",
        "percent",
    }
    for row in rows:
        series = next(s for s in trend.series if s.query == row["query"])
        assert int(row["count"]) == series.count(row["period"])
        assert int(row["total_articles"]) == trend.totals.get(row["period"], 0)
        share = float(row["per_1000_articles"])
        assert share == pytest.approx(
            normalised(int(row["count"]), int(row["total_articles"]), "per_thousand"), abs=1e-4
        )
    assert sum(int(r["count"]) for r in rows if r["query"] == "nothing-like-this") == 0


def test_a_day_or_a_decade_narrows_the_hits(generated):
    library, _files = generated
    days = dict(count_days(library, ["县"])[0][1])
    day, count = max(days.items(), key=lambda item: item[1])
    request = narrowed(SearchRequest("县"), day)
    assert (request.year, request.month, request.day) == (day[:4], day[:7], day)
    outcome = run_search(library, request)
    assert outcome.result.total == count
    assert {hit.date.isoformat() for hit in outcome.result.hits} == {day}
    # The same day again removes the day; a decade keeps its ten years.
    assert narrowed(request, day).day == ""
    decade = run_search(library, narrowed(SearchRequest("县"), "2010s"))
    assert decade.result.total == library.search("县", limit=0).total
    assert run_search(library, narrowed(SearchRequest("县"), "1990s")).result.total == 0


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """The 1813 Delpher sample, the 1946 People's Daily and the 2022 seed in one folder."""
    root = tmp_path_factory.mktemp("mixed")
    for name in ("samples/kb-delpher-didl-1813", "samples/rmrb-1946-05-15", "seed"):
        source = shared_path(name)
        shutil.copytree(source, root / "archive" / Path(name).name)
    library = Library.open(root / "archive")
    library.use_index_dir(root / "index")
    library.update_index(root / "index")
    yield library
    library.close()


def test_a_mixed_archive_from_1813_to_2022(mixed):
    years = {i.date.year for i in mixed.issues if i.date}
    assert {1813, 1946, 2022} <= years
    trend = run_trend(mixed, ["de", "人民"], room=100)
    assert trend.period == "decade"
    assert trend.first is not None and trend.first.year == 1813
    assert trend.keys[0] == "1810s" and trend.keys[-1] == "2020s"
    for series in trend.series:
        facets = mixed.search(series.query, limit=0).facets.year
        by_decade = Counter()
        for year, n in facets.items():
            if re.fullmatch(r"\d{4}", year):
                by_decade[f"{year[:3]}0s"] += n
        assert {k: n for k, n in series.counts.items() if n} == dict(by_decade)
    totals = Counter()
    for issue in mixed.issues:
        if issue.date:
            totals[f"{issue.date.year // 10}0s"] += len(issue.articles)
    assert {k: n for k, n in trend.totals.items() if n} == dict(totals)


def test_no_dated_issue_gives_an_empty_trend():
    trend = build_trend((), [("x", {"undated": 3})])
    assert trend.keys == () and trend.series[0].undated == 3
