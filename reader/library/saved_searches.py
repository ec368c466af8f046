"""Saved searches: a query and its filters kept per archive, and how many hits are new since it was opened.

Kept in the collections file (:class:`reader.library.collections_file.CollectionsFile`).
Opening a saved search stores the ids of every hit it had then; when the archive has gained
issues, running it again and counting the hits whose ids were not among them is exact (a count
alone would miss a hit gained in one issue and lost in another). :func:`hit_ids` runs on the
task runner's thread and returns plain values; the store is written on the window's.

A search of the library (several archives as one) is kept too, on the archive open when it
was saved, with ``scope: library`` among its filters (the filters are a JSON object: no new
column was needed); its hits are ``ARCHIVE_KEY/ARTICLE_ID`` (two archives may share article
ids), counted over the library's archives (:func:`library_hit_ids`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from reader.library.collections_file import CollectionsFile
from reader.library.collections_schema import archive_path, json_dict, json_list, now
from reader.library.library import Library
from reader.library.searching import SearchRequest, narrowing, sort_named
from reader.model import ReaderError

FILTERS = ("year", "month", "day", "publication", "archive", "sort", "scope")


@dataclass(frozen=True)
class SavedSearch:
    """One saved search of an archive; ``hits`` are the article ids it found when last opened."""

    id: int
    archive_id: str
    archive_path: str
    name: str
    query: str
    filters: dict[str, str] = field(default_factory=dict)
    created: str = ""
    opened: str = ""
    total: int = 0
    hits: frozenset[str] = frozenset()

    @property
    def archive_present(self) -> bool:
        """Whether its archive is still where it was last seen."""
        return os.path.exists(self.archive_path)

    @property
    def library(self) -> bool:
        """Whether it searches the library (the ticked archives as one), not its archive only."""
        return self.filters.get("scope") == "library"

    @property
    def request(self) -> SearchRequest:
        """The search to run (its filters applied)."""
        f = self.filters
        try:
            sort = sort_named(f.get("sort", "relevance"))
        except ValueError:
            sort = "relevance"
        return SearchRequest(
            self.query,
            sort=sort,
            year=f.get("year", ""),
            month=f.get("month", ""),
            publication=f.get("publication", ""),
            day=f.get("day", ""),
            archive=f.get("archive", "") if self.library else "",
        )

    def new_hits(self, now_found: frozenset[str]) -> int:
        """How many of ``now_found`` (hit ids of a run now) it did not have when last opened."""
        return len(now_found - self.hits)


def hit_ids(library: Library, request: SearchRequest) -> frozenset[str]:
    """The ids of every hit of ``request`` in ``library`` (on the task runner's thread).

    Raises:
        QueryError: The query is malformed.
        IndexUnavailable: There is no index yet.
    """
    narrow = narrowing(request)
    total = library.search(request.query, limit=0, **narrow).total
    if not total:
        return frozenset()
    found = library.search(request.query, limit=total, sort="oldest", **narrow)
    return frozenset(hit.article_id for hit in found.hits)


def library_hit_ids(libraries: Mapping[str, Library], request: SearchRequest) -> frozenset[str]:
    """The ``ARCHIVE_KEY/ARTICLE_ID`` of every hit of a library search (on the task runner's thread).

    ``libraries`` are the archives searched, by key; ``request.archive`` keeps one.

    Raises:
        QueryError: The query is malformed.
        IndexUnavailable: An archive's index is damaged.
    """
    return frozenset(
        f"{key}/{article_id}"
        for key, library in libraries.items()
        if not request.archive or key == request.archive
        for article_id in hit_ids(library, request)
    )


def count_new(library: Library, saved: list[SavedSearch]) -> dict[int, int]:
    """How many new hits each of ``saved`` has in ``library`` now (on the task runner's thread).

    A search that cannot run now (no index yet, a query this version no longer accepts) is left
    out: it has no count, rather than a wrong one.
    """
    counts: dict[int, int] = {}
    for search in saved:
        try:
            counts[search.id] = search.new_hits(hit_ids(library, search.request))
        except ReaderError:
            continue
    return counts


def count_new_many(libraries: Mapping[str, Library], saved: list[SavedSearch]) -> dict[int, int]:
    """As :func:`count_new`, for searches of the library, over ``libraries`` (key → archive)."""
    counts: dict[int, int] = {}
    for search in saved:
        try:
            counts[search.id] = search.new_hits(library_hit_ids(libraries, search.request))
        except ReaderError:
            continue
    return counts


def save(
    store: CollectionsFile,
    root: str | os.PathLike[str],
    name: str,
    request: SearchRequest,
    hits: frozenset[str],
    *,
    library: bool = False,
) -> SavedSearch:
    """Keep ``request`` on the archive at ``root`` as ``name``, with the hits it has now.

    ``library``: a search of the library, its ``hits`` as :func:`library_hit_ids` gives them.
    """
    filters = {
        "year": request.year,
        "month": request.month,
        "day": request.day,
        "publication": request.publication,
        "archive": request.archive if library else "",
        "sort": request.sort,
        "scope": "library" if library else "",
    }
    stamp = now()
    with store.transaction() as db:
        key = store.archive_id(root, db)
        cursor = db.execute(
            "INSERT INTO searches (archive, name, query, filters, created, opened, total, hits)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                key,
                name.strip() or request.query,
                request.query,
                json.dumps({k: v for k, v in filters.items() if v}, ensure_ascii=False),
                stamp,
                stamp,
                len(hits),
                json.dumps(sorted(hits)),
            ),
        )
        search_id = int(cursor.lastrowid or 0)
    return next(s for s in searches(store) if s.id == search_id)


def searches(
    store: CollectionsFile, root: str | os.PathLike[str] | None = None
) -> list[SavedSearch]:
    """The saved searches (of the archive at ``root`` only, if given), in the order saved."""
    rows = store.rows(
        "SELECT s.id, a.id, a.path, s.name, s.query, s.filters, s.created, s.opened, s.total,"
        " s.hits FROM searches s JOIN archives a ON a.id=s.archive ORDER BY s.id"
    )
    where = archive_path(root) if root is not None else None
    found = []
    for row in rows:
        if where is not None and row[2] != where:
            continue
        filters = json_dict(row[5])
        found.append(
            SavedSearch(
                int(str(row[0])),
                str(row[1]),
                str(row[2]),
                str(row[3]),
                str(row[4]),
                {str(k): str(v) for k, v in filters.items() if k in FILTERS},
                str(row[6]),
                str(row[7]),
                int(str(row[8])),
                frozenset(str(h) for h in json_list(row[9])),
            )
        )
    return found


def mark_opened(store: CollectionsFile, search_id: int, hits: frozenset[str]) -> None:
    """The saved search was opened now and found ``hits``: nothing is new any more."""
    with store.transaction() as db:
        db.execute(
            "UPDATE searches SET opened=?, total=?, hits=? WHERE id=?",
            (now(), len(hits), json.dumps(sorted(hits)), search_id),
        )


def delete(store: CollectionsFile, search_id: int) -> None:
    """Forget a saved search."""
    with store.transaction() as db:
        db.execute("DELETE FROM searches WHERE id=?", (search_id,))
