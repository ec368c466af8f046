"""Searching an index: ranked or dated hits with snippets, and counts per year and publication.

Nothing whoosh-specific leaves this module: results are :class:`SearchResult` values.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from pathlib import Path
from types import TracebackType
from typing import Any

import numpy as np

from reader.index import store
from reader.index.damage import is_damage, release
from reader.index.docsets import Floats, Ints, Mask
from reader.index.matches import byline, field_spans, needles
from reader.index.query import parse, positive_terms
from reader.index.results import Facets, Hit, SearchFilters, SearchResult
from reader.index.schema import StoredArticle, decode_payload
from reader.index.searcher_state import SearcherState
from reader.index.snippets import find_matches, make_snippet
from reader.model import IndexUnavailable
from reader.model.vocabulary import SORTS as SORTS  # re-exported: the index names its orders
from reader.model.vocabulary import Sort as Sort

log = logging.getLogger(__name__)

_NEVER = dt.date.max.toordinal() + 1


class IndexSearcher:
    """Searches one index; each thread gets its own whoosh reader, reopened on changes.

    Use as a context manager, or call :meth:`close` when done.
    """

    def __init__(self, index_dir: Path | str) -> None:
        self.index_dir = Path(index_dir)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._states: list[SearcherState] = []

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
        state = self._state()
        try:
            result = self._run(state, query, node, limit, sort, filters or SearchFilters(), only)
            state.remember(self.index_dir)
            return result
        except Exception as exc:
            if is_damage(exc):
                self._damaged(exc)
            raise

    def issue_keys(self) -> frozenset[str]:
        """The issue keys (``schema.issue_key``) of the documents the index holds now.

        Raises:
            IndexUnavailable: There is no index yet, or it is damaged.
        """
        state = self._state()
        labels = state.issue_keys()
        live = np.unique(labels.codes[state.docsets.live])
        return frozenset(labels.names[int(code)] for code in live)

    def forget(self) -> None:
        """Drop the terms this thread's reader keeps from recent queries (for measuring)."""
        state: SearcherState | None = getattr(self._local, "state", None)
        if state is not None:
            state.docsets.forget(keep=0)

    def _damaged(self, exc: BaseException) -> None:
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
            fresh = SearcherState(self.index_dir, meta)
        except Exception as exc:
            if is_damage(exc):
                self._damaged(exc)
            raise
        with self._lock:
            if state is not None:
                self._states.remove(state)
                state.close()
            self._states.append(fresh)
        self._local.state = fresh
        return fresh

    def _run(
        self,
        state: SearcherState,
        text: str,
        node: Any,
        limit: int,
        sort: Sort,
        filters: SearchFilters,
        only: frozenset[str] | None = None,
    ) -> SearchResult:
        matched = state.docsets.of(node)
        if only is not None:
            matched &= state.issue_keys().mask(set(only))
        in_years = matched & state.years.mask(set(filters.years)) if filters.years else matched
        in_publications = (
            matched & state.publications.mask(set(filters.publications))
            if filters.publications
            else matched
        )
        kept = in_years & in_publications
        facets = _facets(state, kept, in_publications if filters.years else None, in_years)
        if filters.months:
            kept = kept & state.months.mask(set(filters.months))
        if filters.days:
            kept = kept & state.day_labels.mask(set(filters.days))
        scores = state.docsets.scores(positive_terms(node))
        docs = np.flatnonzero(kept)
        if sort == "relevance":
            # Best first; among equals, the earlier document (print order within an issue).
            ranked = _first(docs, -scores[docs], limit)
        elif sort == "newest":
            ranked = _first(docs, -state.days[docs], limit)
        else:
            # Undated issues (day 0) come last either way; an issue's articles in print order.
            days = state.days[docs]
            ranked = _first(docs, np.where(days == 0, _NEVER, days), limit)
        state.docsets.forget()
        wanted = needles(node)
        hits = tuple(_hit(state.reader, int(d), float(scores[d]), wanted) for d in ranked)
        return SearchResult(text, len(docs), hits, facets)


def _facets(
    state: SearcherState, kept: Mask, in_publications: Mask | None, in_years: Mask
) -> Facets:
    """The counts per day and month of ``kept``, per year of ``in_publications`` (None: the
    same as ``kept``, no year being chosen) and per publication of ``in_years``.

    Months and years are the days' counts rolled up: counting a billion characters' matches
    by label is a gather over every document, done once instead of three times.
    """
    days = state.day_labels.counts(kept)
    months, years = state.day_codes_in()
    if in_publications is None:
        by_year = state.years.rolled_up(days, years)
    else:
        by_year = state.years.counts(in_publications)
    return Facets(
        year=state.years.named(by_year, by_key=True),
        publication=state.publications.count(in_years),
        month=state.months.named(state.months.rolled_up(days, months), by_key=True),
        day=state.day_labels.named(days, by_key=True),
    )


def _first(docs: Ints, keys: Floats | Ints, limit: int) -> list[int]:
    """The ``limit`` documents of ``docs`` with the smallest keys, ties in docnum order."""
    if limit <= 0 or not len(docs):
        return []
    if len(docs) > limit:
        # Everything tied with the limit-th key stays in, so ties still go by docnum.
        bound = np.partition(keys, limit - 1)[limit - 1]
        near = keys <= bound
        docs, keys = docs[near], keys[near]
    order = np.lexsort((docs, keys))[:limit]
    return [int(d) for d in docs[order]]


def _hit(reader: Any, docnum: int, score: float, wanted: dict[str, list[str]]) -> Hit:
    stored = decode_payload(reader.stored_fields(docnum)["payload"])
    return stored_hit(stored, score, wanted)


def stored_hit(stored: StoredArticle, score: float, wanted: dict[str, list[str]]) -> Hit:
    """The hit of an article as the index stores it, for the query's ``needles``."""
    matched = field_spans(stored, wanted)
    spans = dict(matched)
    return Hit(
        article_id=stored.article_id,
        issue_id=stored.issue_id,
        publication=stored.publication,
        date=stored.date,
        title=stored.title,
        page=stored.page,
        snippet=make_snippet(stored.body, spans.get("text", ())),
        score=float(score),
        title_spans=(
            tuple(find_matches(stored.title, wanted["body"]))
            if stored.title_derived
            else spans.get("title", ())
        ),
        title_derived=stored.title_derived,
        kicker=stored.title_parts[0],
        subtitle=stored.title_parts[2],
        byline=byline(stored.authors),
        column=stored.column,
        matches=matched,
    )


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
