"""Several archives searched as one: one ranked hit list, summed facets and a count per archive.

Each archive keeps its own index; a search asks each for its first ``limit`` hits and merges
them, so the cost grows with the number of archives, not with the hits shown. The caller names
each archive with a key of its own (the library window uses the collections store's archive
id, the command line the path); hits carry that key in ``Hit.archive`` and ``Facets.archive``
counts the matches per key.

Relevance scores come from each archive's own index statistics: two archives of very different
vocabularies rank their hits on slightly different scales, as any federated search does.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from itertools import islice

from reader.index import Facets, Hit, SearchResult, Sort
from reader.library.library import Library
from reader.library.trends import Period, Trend, build_trend, count_days
from reader.model import Issue


def search_many(
    libraries: Mapping[str, Library],
    query: str,
    *,
    limit: int = 20,
    sort: Sort = "relevance",
    years: tuple[str, ...] = (),
    publications: tuple[str, ...] = (),
    months: tuple[str, ...] = (),
    days: tuple[str, ...] = (),
    archives: tuple[str, ...] = (),
) -> SearchResult:
    """Search every library in ``libraries`` (key → opened archive) as one archive.

    ``archives`` keeps only the hits of those keys (all when empty); the other filters are
    :meth:`Library.search`'s. ``facets.archive`` counts each archive's matches under the other
    filters, so a person sees what choosing another archive would give; the other facets and
    the total count the chosen archives only. Every library must have a usable index.

    Raises:
        QueryError: The query is malformed.
        IndexUnavailable: An archive has no index yet, or it is damaged.
    """
    chosen = set(archives) if archives else set(libraries)
    results: dict[str, SearchResult] = {}
    for key, library in libraries.items():
        results[key] = library.search(
            query,
            limit=limit if key in chosen else 0,
            sort=sort,
            years=years,
            publications=publications,
            months=months,
            days=days,
        )
    kept = [(key, result) for key, result in results.items() if key in chosen]
    facets = Facets(
        year=_summed((r.facets.year for _k, r in kept), by_key=True),
        publication=_summed(r.facets.publication for _k, r in kept),
        month=_summed((r.facets.month for _k, r in kept), by_key=True),
        day=_summed((r.facets.day for _k, r in kept), by_key=True),
        archive={key: result.total for key, result in results.items()},
    )
    hits = _merged(kept, limit, sort)
    return SearchResult(query, sum(r.total for _k, r in kept), hits, facets)


def trend_many(
    libraries: Mapping[str, Library],
    queries: Sequence[str],
    *,
    period: Period | None = None,
    room: int = 200,
    publication: str = "",
) -> Trend:
    """The trend of ``queries`` over all ``libraries``: counts and articles per period summed.

    Raises:
        QueryError: A query is malformed.
        IndexUnavailable: An archive has no index yet, or it is damaged.
    """
    counted: dict[str, dict[str, int]] = {query: {} for query in queries}
    issues: list[Issue] = []
    for library in libraries.values():
        for query, per_day in count_days(library, queries, publication):
            into = counted[query]
            for day, count in per_day.items():
                into[day] = into.get(day, 0) + count
        issues.extend(library.issues)
    return build_trend(
        issues, list(counted.items()), period=period, room=room, publication=publication
    )


def _summed(facets: Iterable[dict[str, int]], by_key: bool = False) -> dict[str, int]:
    """Counts added key by key: sorted by key, or (as the index does) most first."""
    total: dict[str, int] = {}
    for facet in facets:
        for key, count in facet.items():
            total[key] = total.get(key, 0) + count
    if by_key:
        return dict(sorted(total.items()))  # "undated" sorts after every year, as in the index
    return dict(sorted(total.items(), key=lambda item: (-item[1], item[0])))


def _merged(results: Sequence[tuple[str, SearchResult]], limit: int, sort: Sort) -> tuple[Hit, ...]:
    """The first ``limit`` hits of all ``results`` in ``sort`` order, each with its archive.

    Each archive's hits are in order already; among equals, the archive named first wins and
    an archive's own order stays (print order within an issue).
    """

    key = rank_key(sort)
    runs = [
        [(key(hit), n, rank, replace(hit, archive=archive)) for rank, hit in enumerate(r.hits)]
        for n, (archive, r) in enumerate(results)
    ]
    return tuple(hit for _key, _n, _rank, hit in islice(heapq.merge(*runs), max(limit, 0)))


def rank_key(sort: Sort) -> Callable[[Hit], float]:
    """What orders hits of several archives in ``sort`` order (smallest first)."""

    def key(hit: Hit) -> float:
        if sort == "relevance":
            return -hit.score
        if hit.date is None:  # undated issues last, whichever way
            return float("inf")
        day = hit.date.toordinal()
        return float(-day if sort == "newest" else day)

    return key
