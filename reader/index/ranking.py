"""Ranking on numpy arrays: the query's documents as masks, BM25F scores, facets, the first page.

What :class:`reader.index.searcher.IndexSearcher` runs on a whoosh reader and the arrays
derived from it (:mod:`reader.index.searcher_state`), kept per thread between queries.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from reader.index.docsets import Floats, Ints, Mask
from reader.index.hits import stored_hit
from reader.index.layout import decode_payload
from reader.index.matches import needles
from reader.index.query import positive_terms
from reader.index.results import Facets, Hit, SearchFilters, SearchResult
from reader.index.searcher_state import SearcherState
from reader.model.vocabulary import Sort

_NEVER = dt.date.max.toordinal() + 1


def run(
    state: SearcherState,
    text: str,
    node: Any,
    limit: int,
    sort: Sort,
    filters: SearchFilters,
    only: frozenset[str] | None = None,
) -> SearchResult:
    """The query's ``node`` on ``state``: its total, facets and the first ``limit`` hits."""
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
    hits = tuple(_hit(state, int(d), float(scores[d]), wanted) for d in ranked)
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


def _hit(state: SearcherState, docnum: int, score: float, wanted: dict[str, list[str]]) -> Hit:
    stored = decode_payload(state.stored_fields(docnum)["payload"])
    return stored_hit(stored, score, wanted)


def live_issue_keys(state: SearcherState) -> frozenset[str]:
    """The issue keys of the documents the index holds now (not deleted)."""
    labels = state.issue_keys()
    live = np.unique(labels.codes[state.docsets.live])
    return frozenset(labels.names[int(code)] for code in live)
