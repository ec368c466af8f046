"""One search as the window runs it: the hits, the counts per year, and per month inside a year.

:func:`run_search` runs in the task runner's thread; it takes and returns plain values.
:func:`narrowed` is how a click on a year, a month or a publication changes the request.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TypedDict

from reader.index import SORTS, SearchFilters, SearchResult, Sort
from reader.library import many
from reader.library.library import Library
from reader.library.provisional import Coverage
from reader.model import UNDATED


@dataclass(frozen=True)
class SearchRequest:
    """What to search for and which hits to show.

    ``year`` (``"2022"``, a decade ``"2020s"`` or ``"undated"``), ``month`` (``"2022-09"``),
    ``day`` (``"2022-09-19"``) and ``publication`` narrow the hits; an empty value does not.
    ``archive`` (an archive's key) does the same when several archives are searched as one
    (:func:`run_search_many`).
    """

    query: str
    sort: Sort = "relevance"
    year: str = ""
    month: str = ""
    publication: str = ""
    limit: int = 200
    day: str = ""
    archive: str = ""


@dataclass(frozen=True)
class SearchOutcome:
    """A search's result and the counts the chart draws.

    ``result`` is the library's search result for the request (its facets count per year and
    publication); ``months`` counts hits per month (``"2022-09"``) of ``year`` when the hits
    keep to one year or one is chosen, else it is empty. ``coverage`` is set for a search
    run while the index is built (:func:`run_search_now`): how much of it is provisional.
    """

    request: SearchRequest
    result: SearchResult
    year: str = ""
    months: dict[str, int] = field(default_factory=dict)
    coverage: Coverage | None = None

    @property
    def provisional(self) -> bool:
        """Whether part of the result came from a scan, not the index (to refresh later)."""
        return self.coverage is not None and self.coverage.provisional


def sort_named(name: str) -> Sort:
    """The order called ``name`` (a signal or a setting carries it as plain text).

    Raises:
        ValueError: ``name`` is not one of ``SORTS``.
    """
    for sort in SORTS:
        if sort == name:
            return sort
    raise ValueError(f"sort must be one of {', '.join(SORTS)}, not {name!r}")


def run_search(library: Library, request: SearchRequest) -> SearchOutcome:
    """Search ``library`` for ``request`` (in the worker thread).

    A chosen month narrows the hits and their count; the facets and the month counts stay
    those of the whole year, so the chart still shows every month around the one chosen.
    """
    return _outcome(request, library.search(request.query, **_filters(request)))


def run_search_many(libraries: Mapping[str, Library], request: SearchRequest) -> SearchOutcome:
    """Search several archives (key → opened archive) as one for ``request`` (in the worker).

    As :func:`run_search`; ``request.archive`` keeps one archive's hits, and the result's
    ``facets.archive`` counts each archive's (see :func:`reader.library.many.search_many`).
    """
    archives = (request.archive,) if request.archive else ()
    result = many.search_many(libraries, request.query, archives=archives, **_filters(request))
    return _outcome(request, result)


class Narrowing(TypedDict):
    """The filters of :meth:`Library.search`, as keyword arguments."""

    years: tuple[str, ...]
    publications: tuple[str, ...]
    months: tuple[str, ...]
    days: tuple[str, ...]


def narrowing(request: SearchRequest) -> Narrowing:
    """The filters of :meth:`Library.search` that ``request`` asks for (a decade's ten years too)."""
    return Narrowing(
        years=years_of(request.year),
        publications=(request.publication,) if request.publication else (),
        months=(request.month,) if request.month else (),
        days=(request.day,) if request.day else (),
    )


class _Filters(Narrowing):
    limit: int
    sort: Sort


def _filters(request: SearchRequest) -> _Filters:
    """The search's keyword arguments for ``request``: its order and its filters."""
    return _Filters(limit=request.limit, sort=request.sort, **narrowing(request))


def run_search_now(
    library: Library, request: SearchRequest, budget: float | None = None
) -> SearchOutcome:
    """Search ``library`` for ``request`` at once, while its index is built (in the worker).

    The issues the index holds as they are are searched there, the others scanned within
    ``budget`` seconds (see ``reader.library.provisional``); the outcome's ``coverage`` says
    how much of it is provisional.
    """
    asked = _filters(request)
    found = library.search_now(
        request.query,
        limit=asked["limit"],
        sort=asked["sort"],
        filters=SearchFilters(
            years=asked["years"],
            publications=asked["publications"],
            months=asked["months"],
            days=asked["days"],
        ),
        budget=budget,
    )
    return replace(_outcome(request, found.result), coverage=found.coverage)


def _outcome(request: SearchRequest, result: SearchResult) -> SearchOutcome:
    """The outcome of ``result``, with the month counts of its one year (or the one chosen)."""
    dated = [y for y in result.facets.year if y != UNDATED]
    year = request.year if request.year.isdigit() else ""
    if not year and len(dated) == 1 and not result.facets.year.get(UNDATED):
        year = dated[0]
    months: dict[str, int] = {}
    if year:
        # Every month of the year gets a bar, the empty ones too.
        counted = result.facets.month
        months = {f"{year}-{m:02d}": counted.get(f"{year}-{m:02d}", 0) for m in range(1, 13)}
    return SearchOutcome(request, result, year, months)


def years_of(year: str) -> tuple[str, ...]:
    """The years a year filter keeps: ``"2022"``, the ten of a decade ``"2020s"``, or none."""
    if len(year) == 5 and year.endswith("s") and year[:4].isdigit():
        return tuple(str(int(year[:4]) + n) for n in range(10))
    return (year,) if year else ()


def narrowed(request: SearchRequest, key: str) -> SearchRequest:
    """``request`` showing only the hits of a year, a month or a publication.

    Args:
        request: the search shown.
        key: a year (``2022``), a decade (``2020s``), a month (``2022-09``), a day
            (``2022-09-19``), ``publication:NAME``, ``archive:KEY``, or "" for every hit.
            Choosing the active filter again removes it.

    Returns:
        The request with its filters changed (the query and the order stay).
    """
    if key.startswith("archive:"):
        archive = key.removeprefix("archive:")
        return replace(request, archive="" if archive == request.archive else archive)
    if key.startswith("publication:"):
        name = key.removeprefix("publication:")
        return replace(request, publication="" if name == request.publication else name)
    if len(key) == 10 and key[4] == "-":
        day = "" if key == request.day else key
        return replace(request, year=key[:4], month=key[:7] if day else "", day=day)
    if len(key) == 7 and key[4] == "-":
        month = "" if key == request.month and not request.day else key
        return replace(request, year=key[:4], month=month, day="")
    if key:
        same = key == request.year and not request.month
        return replace(request, year="" if same else key, month="", day="")
    return replace(request, year="", month="", publication="", day="", archive="")
