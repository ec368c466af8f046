"""One search as the worker runs it: the hits, the counts per year, and per month inside a year.

Runs in the task runner's thread; it takes and returns plain values and touches no widget.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from reader.library import Library

UNDATED = "undated"


@dataclass(frozen=True)
class SearchRequest:
    """What to search for and which hits to show.

    ``year`` (``"2022"`` or ``"undated"``), ``month`` (``"2022-09"``) and ``publication``
    narrow the hits; an empty value does not.
    """

    query: str
    sort: str = "relevance"
    year: str = ""
    month: str = ""
    publication: str = ""
    limit: int = 200


@dataclass(frozen=True)
class SearchOutcome:
    """A search's result and the counts the chart draws.

    ``result`` is the library's search result for the request (its facets count per year and
    publication); ``months`` counts hits per month (``"2022-09"``) of ``year`` when the hits
    keep to one year or one is chosen, else it is empty.
    """

    request: SearchRequest
    result: Any
    year: str = ""
    months: dict[str, int] = field(default_factory=dict)


def run_search(library: Library, request: SearchRequest) -> SearchOutcome:
    """Search ``library`` for ``request`` (in the worker thread)."""
    years = (request.year,) if request.year else ()
    publications = (request.publication,) if request.publication else ()
    result = library.search(
        request.query,
        limit=request.limit,
        sort=request.sort,
        years=years,
        publications=publications,
    )
    dated = [y for y in result.facets.year if y != UNDATED]
    year = request.year if request.year != UNDATED else ""
    if not year and len(dated) == 1 and not result.facets.year.get(UNDATED):
        year = dated[0]
    months: dict[str, int] = {}
    if year:
        # Every month of the year gets a bar, the empty ones too.
        counted = result.facets.month
        months = {f"{year}-{m:02d}": counted.get(f"{year}-{m:02d}", 0) for m in range(1, 13)}
    if request.month:
        # The facets stay those of the whole query; the hits and their count are the month's.
        in_month = library.search(
            _in_month(request.query, request.month),
            limit=request.limit,
            sort=request.sort,
            years=years,
            publications=publications,
        )
        result = replace(result, total=in_month.total, hits=in_month.hits)
    return SearchOutcome(request, result, year, months)


def _in_month(query: str, month: str) -> str:
    return f"({query}) date:{month}"
