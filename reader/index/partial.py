"""A search while the index is being built: the scan's hits counted as the index counts, merged.

:func:`scanned_result` turns a :class:`reader.index.scan.Scan` into the
:class:`SearchResult` the index would give for those articles (the same filters, facets and
orders); :func:`merged` joins it to the index's result for the articles it holds. The two
sets of articles are disjoint, so totals and facet counts add up exactly.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import Counter
from collections.abc import Callable

from reader.index.hits import stored_hit
from reader.index.matches import needles
from reader.index.results import Facets, SearchFilters, SearchResult
from reader.index.scan import Scan, stored_article
from reader.model import Article, Issue
from reader.model.vocabulary import Sort

_NEVER = dt.date.max.toordinal() + 1

# Articles that filter and count alike: their (year, month, day) labels and publication.
Group = tuple[tuple[str, str, str], str]
# Finds an article and its issue by id (the library's catalogue).
Lookup = Callable[[str], tuple[Issue, Article]]


def scanned_result(
    query: str,
    scan: Scan,
    lookup: Lookup,
    *,
    population: int,
    limit: int,
    sort: Sort,
    filters: SearchFilters,
) -> SearchResult:
    """The scan's matches as a search result: filtered, counted and ordered as the index does.

    ``population`` is the number of articles in the whole archive (for ranking, see
    :mod:`reader.index.scan`).
    """
    scores = dict(zip((d.article_id for d in scan.matched), scan.scores(population), strict=True))
    # Filters and facets go by labels and publication, shared by an issue's articles: count
    # each combination once, then filter and count the combinations.
    groups = Counter((d.labels, d.publication) for d in scan.matched)
    in_years = {g for g in groups if not filters.years or g[0][0] in filters.years}
    in_publications = {
        g for g in groups if not filters.publications or g[1] in filters.publications
    }
    kept = in_years & in_publications
    facets = Facets(
        year=_by_key(_counted(groups, in_publications, lambda g: g[0][0])),
        publication=_by_count(_counted(groups, in_years, lambda g: g[1])),
        month=_by_key(_counted(groups, kept, lambda g: g[0][1])),
        day=_by_key(_counted(groups, kept, lambda g: g[0][2])),
    )
    if filters.months:
        kept = {g for g in kept if g[0][1] in filters.months}
    if filters.days:
        kept = {g for g in kept if g[0][2] in filters.days}
    docs = scan.matched
    if len(kept) < len(groups):
        docs = [d for d in docs if (d.labels, d.publication) in kept]
    ranked = heapq.nsmallest(
        max(limit, 0), docs, key=lambda d: _order(sort, scores[d.article_id], d.day)
    )
    wanted = needles(scan.node)
    hits = []
    for doc in ranked:
        issue, article = lookup(doc.article_id)
        hits.append(stored_hit(stored_article(issue, article), scores[doc.article_id], wanted))
    return SearchResult(query, sum(groups[g] for g in kept), tuple(hits), facets)


def merged(first: SearchResult, second: SearchResult, *, limit: int, sort: Sort) -> SearchResult:
    """One result of two over disjoint articles: totals and facets added, hits in ``sort`` order.

    Among hits that rank alike, ``first``'s come first, each result's in its own order.
    """
    hits = sorted(
        (*first.hits, *second.hits),
        key=lambda hit: _order(sort, hit.score, hit.date.toordinal() if hit.date else 0),
    )
    facets = Facets(
        year=_by_key(_added(first.facets.year, second.facets.year)),
        publication=_by_count(_added(first.facets.publication, second.facets.publication)),
        month=_by_key(_added(first.facets.month, second.facets.month)),
        day=_by_key(_added(first.facets.day, second.facets.day)),
    )
    return SearchResult(first.query, first.total + second.total, tuple(hits[:limit]), facets)


def empty_result(query: str) -> SearchResult:
    """What an index with no articles finds."""
    return SearchResult(query, 0, (), Facets())


def _order(sort: Sort, score: float, day: int) -> float:
    """The sort key of a hit: the index's orders (undated issues last by date either way)."""
    if sort == "relevance":
        return -score
    if sort == "newest":
        return -day
    return day or _NEVER


def _counted(
    groups: Counter[Group], chosen: set[Group], label: Callable[[Group], str]
) -> Counter[str]:
    counts: Counter[str] = Counter()
    for group in chosen:
        counts[label(group)] += groups[group]
    return counts


def _added(a: dict[str, int], b: dict[str, int]) -> Counter[str]:
    total: Counter[str] = Counter(a)
    total.update(b)
    return total


def _by_key(counts: Counter[str]) -> dict[str, int]:
    return dict(sorted((key, n) for key, n in counts.items() if n))


def _by_count(counts: Counter[str]) -> dict[str, int]:
    return dict(
        sorted(((k, n) for k, n in counts.items() if n), key=lambda item: (-item[1], item[0]))
    )
