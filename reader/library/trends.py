"""Trends over time: hits of one or more queries per day, month, year or decade, and the articles.

Pure functions over issues and search facets (no Qt), and :func:`run_trend`, which searches
the library for each query once (no hits are fetched: the per-day facet has every count).
Periods are named by keys a search can be narrowed by: ``1946-05-15``, ``1946-05``, ``1946``
and ``1940s``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from reader.library.library import Library
from reader.model import Issue

Period = Literal["day", "month", "year", "decade"]
PERIODS: tuple[Period, ...] = ("day", "month", "year", "decade")
Scale = Literal["count", "per_thousand", "percent"]
SCALES: tuple[Scale, ...] = ("count", "per_thousand", "percent")


def period_key(date: dt.date, period: Period) -> str:
    """The key of the period ``date`` falls in: ``1946-05-15``, ``1946-05``, ``1946``, ``1940s``."""
    if period == "day":
        return date.isoformat()
    if period == "month":
        return f"{date.year:04d}-{date.month:02d}"
    if period == "year":
        return f"{date.year:04d}"
    return f"{date.year // 10 * 10:04d}s"


def key_start(key: str) -> dt.date:
    """The first day of the period a key names (``1940s`` → 1940-01-01).

    Raises:
        ValueError: ``key`` names no period.
    """
    if len(key) == 5 and key.endswith("s"):
        return dt.date(int(key[:4]), 1, 1)
    parts = [int(part) for part in key.split("-")]
    return dt.date(*(parts + [1] * (3 - len(parts))))


def _next(date: dt.date, period: Period) -> dt.date:
    """The first day of the period after the one that starts on ``date``."""
    if period == "day":
        return date + dt.timedelta(days=1)
    if period == "month":
        return dt.date(date.year + date.month // 12, date.month % 12 + 1, 1)
    step = 1 if period == "year" else 10
    return dt.date(date.year + step, 1, 1) if date.year + step <= dt.MAXYEAR else dt.date.max


def periods_between(first: dt.date, last: dt.date, period: Period) -> list[str]:
    """Every period from the one holding ``first`` to the one holding ``last``, empty ones too."""
    keys: list[str] = []
    date = key_start(period_key(first, period))
    end = period_key(last, period)
    while True:
        key = period_key(date, period)
        keys.append(key)
        if key >= end or date == dt.date.max:
            return keys
        date = _next(date, period)


def period_count(first: dt.date, last: dt.date, period: Period) -> int:
    """How many periods ``first`` to ``last`` spans (without listing them)."""
    if period == "day":
        return (last - first).days + 1
    if period == "month":
        return (last.year - first.year) * 12 + last.month - first.month + 1
    if period == "year":
        return last.year - first.year + 1
    return last.year // 10 - first.year // 10 + 1


def choose_period(first: dt.date, last: dt.date, room: int) -> Period:
    """The finest period whose bars from ``first`` to ``last`` fit in ``room`` bars (else decades)."""
    for period in PERIODS:
        if period_count(first, last, period) <= max(1, room):
            return period
    return "decade"


def dated_span(issues: Iterable[Issue], publication: str = "") -> tuple[dt.date, dt.date] | None:
    """The first and last issue dates (of ``publication`` when given), or None if none is dated."""
    dates = [i.date for i in issues if i.date and (not publication or i.publication == publication)]
    return (min(dates), max(dates)) if dates else None


def article_totals(
    issues: Iterable[Issue], period: Period, publication: str = ""
) -> dict[str, int]:
    """How many articles the dated issues (of ``publication`` when given) hold, per period."""
    totals: dict[str, int] = {}
    for issue in issues:
        if issue.date is None or (publication and issue.publication != publication):
            continue
        key = period_key(issue.date, period)
        totals[key] = totals.get(key, 0) + len(issue.articles)
    return totals


def per_period(day_counts: Mapping[str, int], period: Period) -> dict[str, int]:
    """Counts per day (``1946-05-15``; other keys, such as ``undated``, are left out) per period."""
    counts: dict[str, int] = {}
    for day, count in day_counts.items():
        if len(day) == 10 and day[4] == "-":
            key = period_key(dt.date.fromisoformat(day), period)
            counts[key] = counts.get(key, 0) + count
    return counts


def normalised(count: int, total: int, scale: Scale) -> float:
    """``count`` as it is, per 1,000 of ``total`` articles, or as a percentage (0 when none)."""
    if scale == "count":
        return float(count)
    if total <= 0:
        return 0.0
    return count * (1000.0 if scale == "per_thousand" else 100.0) / total


@dataclass(frozen=True)
class Series:
    """One query's hits per period; ``undated`` counts its hits in undated issues (not drawn)."""

    query: str
    counts: Mapping[str, int]
    undated: int = 0

    def count(self, key: str) -> int:
        """The hits in the period ``key`` (0 when none)."""
        return self.counts.get(key, 0)


@dataclass(frozen=True)
class Trend:
    """Several queries' hits over the same periods, and the articles in each period."""

    period: Period
    keys: tuple[str, ...]
    totals: Mapping[str, int]
    series: tuple[Series, ...]
    first: dt.date | None = None  # the first day charted (1813-11-16 in the 1810s)

    def value(self, series: Series, key: str, scale: Scale) -> float:
        """What the chart draws for ``series`` in period ``key`` on ``scale``."""
        return normalised(series.count(key), self.totals.get(key, 0), scale)


def build_trend(
    issues: Sequence[Issue],
    day_counts: Sequence[tuple[str, Mapping[str, int]]],
    *,
    period: Period | None = None,
    room: int = 200,
    publication: str = "",
) -> Trend:
    """A trend from each query's hits per day (the index's day facet).

    Args:
        issues: the archive's issues (their dates and article counts give the totals).
        day_counts: (query, hits per day) for each query, in the legend's order.
        period: the period of a bar; None chooses the finest that fits ``room`` bars.
        room: how many bars fit, for choosing the period.
        publication: count only this publication's articles ("" for all).
    """
    span = dated_span(issues, publication)
    days = [d for _q, counts in day_counts for d, n in counts.items() if n and d[:1].isdigit()]
    if days:
        hit_span = (dt.date.fromisoformat(min(days)), dt.date.fromisoformat(max(days)))
        span = hit_span if span is None else (min(span[0], hit_span[0]), max(span[1], hit_span[1]))
    if span is None:
        return Trend(
            period or "year", (), {}, tuple(Series(q, {}, sum(c.values())) for q, c in day_counts)
        )
    chosen = period or choose_period(span[0], span[1], room)
    series = tuple(
        Series(
            query,
            per_period(counts, chosen),
            sum(n for d, n in counts.items() if not d[:1].isdigit()),
        )
        for query, counts in day_counts
    )
    keys = tuple(periods_between(span[0], span[1], chosen))
    return Trend(chosen, keys, article_totals(issues, chosen, publication), series, span[0])


def run_trend(
    library: Library,
    queries: Sequence[str],
    *,
    period: Period | None = None,
    room: int = 200,
    publication: str = "",
) -> Trend:
    """Search ``library`` for each query (counts only) and make their trend (in a worker thread).

    Raises:
        QueryError: A query is malformed.
        IndexUnavailable: There is no index yet, or it is damaged.
    """
    counted = count_days(library, queries, publication)
    return build_trend(library.issues, counted, period=period, room=room, publication=publication)


def count_days(
    library: Library, queries: Sequence[str], publication: str = ""
) -> list[tuple[str, dict[str, int]]]:
    """Each query's hits per day (``undated`` too), from the index's facets: no hit is fetched.

    Raises:
        QueryError: A query is malformed.
        IndexUnavailable: There is no index yet, or it is damaged.
    """
    publications = (publication,) if publication else ()
    counted = []
    for query in queries:
        result = library.search(query, limit=0, publications=publications)
        counted.append((query, dict(result.facets.day)))
    return counted


def trend_csv(trend: Trend) -> str:
    """The trend as CSV: period, query, count, total articles, per 1,000 articles, percent."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["period", "query", "count", "total_articles", "per_1000_articles", "percent"])
    for series in trend.series:
        for key in trend.keys:
            count, total = series.count(key), trend.totals.get(key, 0)
            writer.writerow(
                [
                    key,
                    series.query,
                    count,
                    total,
                    f"{normalised(count, total, 'per_thousand'):.4f}",
                    f"{normalised(count, total, 'percent'):.4f}",
                ]
            )
    return out.getvalue()
