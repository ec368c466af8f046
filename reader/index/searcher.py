"""Searching an index: ranked or dated hits with snippets, and counts per year and publication.

Nothing whoosh-specific leaves this module: results are :class:`SearchResult` values. A
search is answered by :mod:`reader.index.quick` when it can (the files read directly, no
numpy, no whoosh: what a command-line search in a fresh process needs to start fast), else by
:mod:`reader.index.ranking` on a whoosh reader and numpy arrays kept per thread.
"""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from reader.index import store
from reader.index.query import Node, parse
from reader.index.results import SearchFilters, SearchResult
from reader.model import IndexUnavailable
from reader.model.vocabulary import SORTS, Sort

if TYPE_CHECKING:
    from reader.index.searcher_state import SearcherState

log = logging.getLogger(__name__)


class IndexSearcher:
    """Searches one index; each thread gets its own whoosh reader, reopened on changes.

    Use as a context manager, or call :meth:`close` when done.
    """

    def __init__(self, index_dir: Path | str) -> None:
        self.index_dir = Path(index_dir)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._states: list[SearcherState] = []
        self._asked_quick = False

    def __enter__(self) -> IndexSearcher:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the whoosh readers of every thread."""
        with self._lock:
            states, self._states = self._states, []
        for state in states:
            state.close()

    def search(
        self,
        query: str,
        *,
        limit: int = 20,
        sort: Sort = "relevance",
        filters: SearchFilters | None = None,
        only: frozenset[str] | None = None,
    ) -> SearchResult:
        """Run a query.

        Args:
            query: What the person typed (see :mod:`reader.index.query`).
            limit: How many hits to return (``total`` still counts them all).
            sort: ``"relevance"`` (best first), ``"newest"`` or ``"oldest"`` issue first.
            filters: Years and publications to keep.
            only: Search only the documents of these issue keys (``schema.issue_key``: the
                issues the index holds as they are now; the rest are scanned, see
                :mod:`reader.index.scan`); None searches every document.

        Raises:
            QueryError: The query is malformed; its message says why.
            IndexUnavailable: There is no index yet, or it is damaged.
        """
        if sort not in SORTS:
            raise ValueError(f"sort must be one of {SORTS}, not {sort!r}")
        node = parse(query)
        filters = filters or SearchFilters()
        if only is None and filters == SearchFilters() and self._quick_first():
            self._asked_quick = True
            result = self._quick(query, node, limit, sort)
            if result is not None:
                return result
        state = self._state()
        try:
            from reader.index.ranking import run

            result = run(state, query, node, limit, sort, filters, only)
            state.remember(self.index_dir)
            return result
        except Exception as exc:
            self._check_damage(exc)
            raise

    def issue_keys(self) -> frozenset[str]:
        """The issue keys (``schema.issue_key``) of the documents the index holds now.

        Raises:
            IndexUnavailable: There is no index yet, or it is damaged.
        """
        from reader.index.ranking import live_issue_keys

        return live_issue_keys(self._state())

    def prepare(self) -> None:
        """Open the index and save what a search derives from it once (``statecache``) and
        what the direct reading needs (``quickstate``): the next process's first search is
        then as quick as its second.

        Raises:
            IndexUnavailable: There is no index yet, or it is damaged.
        """
        self._state().remember(self.index_dir)

    def forget(self) -> None:
        """Drop the terms this thread's reader keeps from recent queries (for measuring)."""
        state: SearcherState | None = getattr(self._local, "state", None)
        if state is not None:
            state.docsets.forget(keep=0)

    def _quick_first(self) -> bool:
        """Whether to try the direct reading: for this searcher's first query only, and while
        numpy is not loaded (a fresh process: the command line's single search).

        The direct reading pays for the imports it saves, once: numpy's arrays answer a
        query two to four times as fast, so a second query (``search --queries``, the window)
        is worth their import.
        """
        return not self._asked_quick and "numpy" not in sys.modules

    def _quick(self, query: str, node: Node, limit: int, sort: Sort) -> SearchResult | None:
        """The direct reading's answer, or None: it declined, or it could not read the files
        (whoosh then reads them, and says whether they are damaged: see ``_state``).

        The files are opened for this one query and closed after it: a searcher asks the
        direct reading once (see ``_quick_first``).
        """
        from reader.index import quick

        try:
            found = quick.open_quick(self.index_dir)
            if found is None:
                return None
            try:
                return found.search(query, node, limit, sort)
            finally:
                found.close()
        except Exception as exc:  # whoosh's reading says what is wrong (damage, or nothing)
            log.info("the direct reading of %s failed, whoosh reads it: %r", self.index_dir, exc)
            return None

    def _check_damage(self, exc: BaseException) -> None:
        from reader.index.damage import is_damage

        if is_damage(exc):
            self._damaged(exc)

    def _damaged(self, exc: BaseException) -> None:
        from reader.index.damage import release

        log.warning("the index in %s is damaged: %r", self.index_dir, exc)
        store.mark_damaged(self.index_dir, repr(exc))
        release(exc)
        raise self._unavailable(f" ({exc.__class__.__name__})") from exc

    def _unavailable(self, what: str = "") -> IndexUnavailable:
        return IndexUnavailable(
            f"the search index in {self.index_dir} is damaged{what}; "
            "it will be rebuilt when the archive is next opened"
        )

    def _state(self) -> SearcherState:
        meta = store.read_meta(self.index_dir)
        if meta is None:
            raise IndexUnavailable(f"there is no search index in {self.index_dir} yet")
        if store.damage_reason(self.index_dir) is not None:
            raise self._unavailable()
        state: SearcherState | None = getattr(self._local, "state", None)
        try:
            if state is not None and state.current(meta):
                return state
            damaged = store.damaged_file(self.index_dir, meta)
            if damaged is not None:
                store.mark_damaged(self.index_dir, f"{damaged} does not match its checksum")
                raise self._unavailable(f" ({damaged})")
            from reader.index.searcher_state import SearcherState

            fresh = SearcherState(self.index_dir, meta)
        except IndexUnavailable:
            raise
        except Exception as exc:
            self._check_damage(exc)
            raise
        with self._lock:
            if state is not None:
                self._states.remove(state)
                state.close()
            self._states.append(fresh)
        self._local.state = fresh
        return fresh


def open_searcher(index_dir: Path | str) -> IndexSearcher:
    """An :class:`IndexSearcher` on ``index_dir`` (close it, or use it in a ``with``)."""
    return IndexSearcher(index_dir)


def search(
    index_dir: Path | str,
    query: str,
    *,
    limit: int = 20,
    sort: Sort = "relevance",
    filters: SearchFilters | None = None,
) -> SearchResult:
    """Open the index, run one query, close it (see :meth:`IndexSearcher.search`)."""
    with open_searcher(index_dir) as searcher:
        return searcher.search(query, limit=limit, sort=sort, filters=filters)
