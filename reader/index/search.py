"""Searching an index: ranked or dated hits with snippets, and counts per year and publication.

Nothing whoosh-specific leaves this module: results are :class:`SearchResult` values.
"""

from __future__ import annotations

import datetime as dt
import heapq
import logging
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from whoosh import index as whoosh_index

from reader.index import store
from reader.index.analysis import chain
from reader.index.damage import is_damage, release
from reader.index.dates import year_range
from reader.index.docsets import DocSets
from reader.index.query import parse, positive_terms
from reader.index.schema import CHAIN_FIELDS, decode_payload
from reader.index.snippets import Snippet, Span, find_matches, make_snippet
from reader.model import IndexUnavailable

log = logging.getLogger(__name__)

Sort = Literal["relevance", "newest", "oldest"]
SORTS: tuple[Sort, ...] = ("relevance", "newest", "oldest")
UNDATED = "undated"
_NEVER = dt.date.max.toordinal() + 1


@dataclass(frozen=True)
class SearchFilters:
    """Keep only hits from these years (``"2022"`` or ``"undated"``) and publications.

    An empty tuple means no restriction.
    """

    years: tuple[str, ...] = ()
    publications: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hit:
    """One matching article.

    ``title_spans`` marks the query's matches in ``title`` the way ``snippet.spans`` does in
    the snippet (Python str offsets).
    """

    article_id: str
    issue_id: str
    publication: str
    date: dt.date | None
    title: str
    page: str
    snippet: Snippet
    score: float
    title_spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Facets:
    """Matching articles per year (``"undated"`` for undated issues) and per publication.

    ``month`` (``"2022-09"``) counts the hits that remain after both filters, so a chart can
    show a chosen year month by month without searching again.
    """

    year: dict[str, int] = field(default_factory=dict)
    publication: dict[str, int] = field(default_factory=dict)
    month: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class SearchResult:
    """What a search found.

    ``total`` counts every match after the filters; ``hits`` holds the first ``limit`` of
    them in the requested order. Each facet counts the matches under the *other* filter, so
    a person can see what choosing another year or publication would give.
    """

    query: str
    total: int
    hits: tuple[Hit, ...]
    facets: Facets


class _State:
    """A whoosh searcher and what is derived from it once (per-document dates, publications)."""

    def __init__(self, index_dir: Path, meta: store.Meta) -> None:
        self.build = meta.build
        ix = whoosh_index.open_dir(str(index_dir / store.WHOOSH_DIR), indexname=store.INDEX_NAME)
        self.searcher = ix.searcher()
        try:
            reader = self.searcher.reader()
            self.days: list[int] = list(reader.column_reader("day"))
            self.publications: list[str] = list(reader.column_reader("publication_name"))
            self.months = [
                dt.date.fromordinal(d).strftime("%Y-%m") if d else UNDATED for d in self.days
            ]
            self.years = [month[:4] if month != UNDATED else UNDATED for month in self.months]
            self.year_range = year_range(reader)
            self.docsets = DocSets(self.searcher, self.year_range)
        except BaseException:
            self.searcher.close()
            raise

    def current(self, meta: store.Meta) -> bool:
        return meta.build == self.build and self.searcher.up_to_date()

    def close(self) -> None:
        self.searcher.close()


class IndexSearcher:
    """Searches one index; each thread gets its own whoosh searcher, reopened on changes.

    Use as a context manager, or call :meth:`close` when done.
    """

    def __init__(self, index_dir: Path | str) -> None:
        self.index_dir = Path(index_dir)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._states: list[_State] = []

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
        """Close the whoosh searchers of every thread."""
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
    ) -> SearchResult:
        """Run a query.

        Args:
            query: What the person typed (see :mod:`reader.index.query`).
            limit: How many hits to return (``total`` still counts them all).
            sort: ``"relevance"`` (best first), ``"newest"`` or ``"oldest"`` issue first.
            filters: Years and publications to keep.

        Raises:
            QueryError: The query is malformed; its message says why.
            IndexUnavailable: There is no index yet, or it is damaged.
        """
        if sort not in SORTS:
            raise ValueError(f"sort must be one of {SORTS}, not {sort!r}")
        node = parse(query)
        state = self._state()
        try:
            return self._run(state, query, node, limit, sort, filters or SearchFilters())
        except Exception as exc:
            if is_damage(exc):
                self._damaged(exc)
            raise

    def forget(self) -> None:
        """Drop the terms this thread's searcher keeps from recent queries (for measuring)."""
        state: _State | None = getattr(self._local, "state", None)
        if state is not None:
            state.docsets.forget(keep=0)

    def _damaged(self, exc: BaseException) -> None:
        log.warning("the index in %s is damaged: %r", self.index_dir, exc)
        store.mark_damaged(self.index_dir, repr(exc))
        release(exc)
        raise IndexUnavailable(
            f"the search index in {self.index_dir} is damaged ({exc.__class__.__name__}); "
            "it will be rebuilt when the archive is next opened"
        ) from exc

    def _state(self) -> _State:
        meta = store.read_meta(self.index_dir)
        if meta is None:
            raise IndexUnavailable(f"there is no search index in {self.index_dir} yet")
        if (self.index_dir / store.DAMAGED_FILE).exists():
            raise IndexUnavailable(
                f"the search index in {self.index_dir} is damaged; "
                "it will be rebuilt when the archive is next opened"
            )
        state: _State | None = getattr(self._local, "state", None)
        try:
            if state is not None and state.current(meta):
                return state
            fresh = _State(self.index_dir, meta)
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
        state: _State,
        text: str,
        node: Any,
        limit: int,
        sort: Sort,
        filters: SearchFilters,
    ) -> SearchResult:
        matched = state.docsets.of(node)
        years = set(filters.years)
        publications = set(filters.publications)
        in_years = {d for d in matched if state.years[d] in years} if years else matched
        in_publications = (
            {d for d in matched if state.publications[d] in publications}
            if publications
            else matched
        )
        kept = in_years & in_publications
        facets = Facets(
            year=_count(state.years, in_publications, by_key=True),
            publication=_count(state.publications, in_years),
            month=_count(state.months, kept, by_key=True),
        )
        terms = positive_terms(node)
        if sort == "relevance":
            scores = state.docsets.scores(terms, kept)
            # Best first; among equals, the earlier document (print order within an issue).
            best = heapq.nlargest(limit, kept, key=lambda d: (scores[d], -d)) if limit else []
            ranked = [(d, scores[d]) for d in best]
        else:
            # Undated issues (day 0) come last either way; an issue's articles in print order.
            days = state.days
            if sort == "newest":
                dated = heapq.nlargest(limit, kept, key=lambda d: (days[d], -d))
            else:
                dated = heapq.nsmallest(limit, kept, key=lambda d: (days[d] or _NEVER, d))
            scores = state.docsets.scores(terms, set(dated))
            ranked = [(d, scores[d]) for d in dated]
        state.docsets.forget()
        needles = _needles(node)
        searcher = state.searcher
        hits = tuple(_hit(searcher, docnum, score, needles) for docnum, score in ranked)
        return SearchResult(text, len(kept), hits, facets)


def _count(values: Sequence[str], docnums: Any, by_key: bool = False) -> dict[str, int]:
    counts = Counter(values[d] for d in docnums)
    if by_key:
        return dict(sorted(counts.items()))
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _needles(node: Any) -> dict[str, list[str]]:
    """Folded terms to highlight, per stored part: ``title`` and ``body``."""
    needles: dict[str, list[str]] = {"title": [], "body": []}
    for term in positive_terms(node):
        if term.field is not None and (
            term.field not in CHAIN_FIELDS or term.field == "publication"
        ):
            continue
        found = chain(term.text)
        if found is None:
            continue
        for part in ("title", "body"):
            if term.field in (None, part):
                needles[part].append(found.folded)
    return needles


def highlights(query: str, texts: dict[str, str]) -> dict[str, list[Span]]:
    """Where ``query`` matches in an article's texts, marked as hits mark their snippets.

    ``texts`` maps ``kicker``, ``title`` and ``subtitle`` (searched as the title) and ``body``
    to their text; the spans are Python ``str`` offsets into each.

    Raises:
        QueryError: The query is malformed.
    """
    needles = _needles(parse(query))
    return {
        name: find_matches(text, needles["body" if name == "body" else "title"])
        for name, text in texts.items()
    }


def _hit(searcher: Any, docnum: int, score: float, needles: dict[str, list[str]]) -> Hit:
    stored = decode_payload(searcher.stored_fields(docnum)["payload"])
    body_spans = find_matches(stored.body, needles["body"])
    return Hit(
        article_id=stored.article_id,
        issue_id=stored.issue_id,
        publication=stored.publication,
        date=stored.date,
        title=stored.title,
        page=stored.page,
        snippet=make_snippet(stored.body, body_spans),
        score=float(score),
        title_spans=tuple(find_matches(stored.title, needles["title"])),
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
