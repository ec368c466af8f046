"""A search that answers while the index is being built: the index for the issues it holds as
they are, a plain scan of folded text for the rest, marked provisional with its coverage.

The index searched is the one on disk (none on a first open, the previous build during an
update); an issue counts as indexed when the index holds it with its current fingerprint.
Every other issue is scanned (:mod:`reader.index.scan`), its folded text kept between searches
up to ``MAX_CACHED_CHARS`` characters, so the next search of the same build only matches.
A time budget stops the folding of more issues (what is kept is always matched); the result
then says how much of the archive it covers, and the next search goes on from there.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader import index
from reader.library.indexes import Searchers
from reader.model import Issue

if TYPE_CHECKING:
    from reader.library.archive_index import ArchiveIndex

# Folded characters kept between searches (about 2 bytes each for Chinese text): county-10y
# (49 million characters) fits; beyond it the rest is folded again by each search.
MAX_CACHED_CHARS = 64_000_000
# Articles matched at a time (issues are added whole).
CHUNK_ARTICLES = 2000


@dataclass(frozen=True)
class Coverage:
    """How much of the archive a search answered, and how.

    ``indexed`` articles were searched in the index, ``scanned`` by a scan of their text,
    out of ``articles`` in the archive. Totals are exact for the articles covered.
    """

    indexed: int
    scanned: int
    articles: int

    @property
    def provisional(self) -> bool:
        """Whether part of the answer did not come from the index (it is refreshed later)."""
        return self.indexed < self.articles

    @property
    def complete(self) -> bool:
        """Whether every article was searched (the scan was not cut by its time budget)."""
        return self.indexed + self.scanned >= self.articles

    @property
    def share(self) -> float:
        """The part of the archive searched, from 0 to 1 (1 for an empty archive)."""
        return (self.indexed + self.scanned) / self.articles if self.articles else 1.0


@dataclass(frozen=True)
class Provisional:
    """A search result and how much of the archive it covers."""

    result: index.SearchResult
    coverage: Coverage


class Scanner:
    """Searches an archive's index and scans what it lacks; keeps the scanned issues folded.

    One per opened archive (the library's); safe to call from several threads.
    """

    def __init__(self, max_chars: int = MAX_CACHED_CHARS) -> None:
        self.max_chars = max_chars
        # Per issue key (``index.issue_key``), the issue's articles folded for the scan.
        self._issues: dict[str, index.ScanIssue] = {}
        self._chars = 0
        self._lock = threading.Lock()
        # The issues' fingerprints, asked once: they stat every file, and the catalogue
        # scanned is the one read when the library was opened (a change reopens it).
        self._fingerprints: dict[str, str] | None = None

    @property
    def cached_chars(self) -> int:
        """Folded characters kept now."""
        return self._chars

    def search(
        self,
        library: ArchiveIndex,
        searchers: Searchers | None,
        query: str,
        limit: int,
        sort: index.Sort,
        filters: index.SearchFilters,
        budget: float | None = None,
    ) -> Provisional:
        """Search ``library``'s index (``searchers``, None when there is none), scan the rest.

        ``budget`` (seconds, from the scan's start) bounds the folding of issues not kept
        yet (one is always folded): those not reached are left out and the coverage says so.
        None scans them all.

        Raises:
            QueryError: The query is malformed.
            IndexUnavailable: The index is damaged (a missing one is no error: all is scanned).
        """
        scan = index.Scan.of(query)  # a malformed query fails here, index or not
        fingerprints = self._fingerprints
        if fingerprints is None:
            fingerprints = self._fingerprints = library.fingerprints()
        wanted = [issue for issue in library.issues if issue.articles]
        keys = {issue.id: index.issue_key(issue.id, fingerprints[issue.id]) for issue in wanted}
        current: frozenset[str] = frozenset()
        result = index.empty_result(query)
        if searchers is not None:
            current = searchers.issue_keys() & frozenset(keys.values())
            result = searchers.search(query, limit, sort, filters, only=current)
        rest = [issue for issue in wanted if keys[issue.id] not in current]
        indexed = sum(len(issue.articles) for issue in wanted) - sum(
            len(issue.articles) for issue in rest
        )
        with self._lock:
            self._keep_only({keys[issue.id] for issue in rest})
            self._scan(scan, rest, keys, time.monotonic(), budget, library.issue_with_text)
        population = indexed + sum(len(issue.articles) for issue in rest)
        scanned = index.scanned_result(
            query,
            scan,
            library.article,
            population=population,
            limit=limit,
            sort=sort,
            filters=filters,
        )
        coverage = Coverage(indexed, scan.seen, population)
        return Provisional(index.merged(result, scanned, limit=limit, sort=sort), coverage)

    def _scan(
        self,
        scan: index.Scan,
        issues: list[Issue],
        keys: dict[str, str],
        started: float,
        budget: float | None,
        whole: Callable[[Issue], Issue],
    ) -> None:
        pending: list[index.ScanIssue] = []
        articles = folded = 0
        for issue in issues:
            scanned = self._issues.get(keys[issue.id])
            if scanned is None:
                # What is kept is always scanned (matching is quick); the budget bounds the
                # folding, of one issue at least, so that each search moves the scan on.
                if folded and budget is not None and time.monotonic() - started > budget:
                    continue
                # The catalogue's entries leave the text out: read one issue's at a time.
                scanned = self._fold(whole(issue), keys[issue.id])
                folded += 1
            pending.append(scanned)
            articles += len(scanned.docs)
            if articles >= CHUNK_ARTICLES:
                scan.add(pending)
                pending, articles = [], 0
        if pending:
            scan.add(pending)

    def _fold(self, issue: Issue, key: str) -> index.ScanIssue:
        scanned = index.scan_issue(issue)
        if self._chars + scanned.size <= self.max_chars:
            self._issues[key] = scanned
            self._chars += scanned.size
        return scanned

    def _keep_only(self, keys: set[str]) -> None:
        """Forget the issues that need no scan any more (indexed since, or changed again)."""
        for key in [key for key in self._issues if key not in keys]:
            self._chars -= self._issues.pop(key).size

    def clear(self) -> None:
        """Forget every folded issue (the index is complete: nothing is scanned any more)."""
        with self._lock:
            self._issues.clear()
            self._chars = 0
