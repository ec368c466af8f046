"""The evaluation of one query for :mod:`reader.index.quick`: sets of docnums, BM25F, facets.

Each step is what :mod:`reader.index.ranking` and :mod:`reader.index.docsets` do with numpy,
done with Python sets and dicts (and ``map``, ``zip``, ``Counter`` where a step touches every
posting) so that the results are the same values, to the last bit of each score.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import repeat
from operator import add, mul, neg
from typing import TYPE_CHECKING, Any

from reader.index.hits import stored_hit
from reader.index.layout import CHAIN_FIELDS, decode_payload, searched_fields
from reader.index.matches import needles
from reader.index.query import AllOf, AnyOf, DateSpan, Node, Not, Term, positive_terms
from reader.index.quickterms import TermReader
from reader.index.results import Facets, SearchResult
from reader.model.vocabulary import UNDATED, Sort

if TYPE_CHECKING:
    from reader.index.quick import QuickIndex

# BM25F's free parameters (as reader.index.docsets).
B = 0.75
K1 = 1.2
_NEVER = dt.date.max.toordinal() + 1


class _Values(dict[int, float]):
    """A term's BM25F value in one field by ``count * 256 + length byte``, computed when first
    asked for, by the same float operations as the ranking's arrays (the same bits)."""

    def __init__(self, idf: float, boost: float, average: float, table: Sequence[int]) -> None:
        super().__init__()
        self.idf, self.boost, self.average, self.table = idf, boost, average, table

    def __missing__(self, key: int) -> float:
        weight = (key >> 8) * self.boost
        length = float(self.table[key & 255])
        value = self[key] = (
            self.idf * weight * (K1 + 1) / (weight + K1 * (1 - B) + K1 * B / self.average * length)
        )
        return value


class QuickQuery:
    """One query's evaluation: the documents of each node, as sets of docnums."""

    def __init__(self, index: QuickIndex) -> None:
        self.index = index
        self.state = index.state
        self.terms = TermReader(index)

    def run(self, text: str, node: Node, limit: int, sort: Sort) -> SearchResult:
        """The result of ``node``: its total, its first ``limit`` hits in ``sort`` order, facets."""
        self.terms.check_work(node)
        kept = self.of(node)
        scores = self.scores(positive_terms(node))
        days = self.state.days
        # (key, docnum) pairs made by map and zip in C; the smallest first, ties by docnum.
        docs = list(kept)
        keys: Iterable[float]
        if sort == "relevance":
            keys = map(neg, map(scores.get, docs, repeat(0.0)))
        elif sort == "newest":
            keys = map(neg, map(days.__getitem__, docs))
        else:  # undated issues (day 0) last
            keys = (day or _NEVER for day in map(days.__getitem__, docs))
        ranked = (
            [d for _, d in heapq.nsmallest(limit, zip(keys, docs, strict=True))]
            if limit > 0
            else []
        )
        wanted = needles(node)
        hits = tuple(stored_hit(self.stored(d), scores.get(d, 0.0), wanted) for d in ranked)
        return SearchResult(text, len(kept), hits, self.facets(kept))

    def of(self, node: Node) -> set[int]:
        """The documents that match ``node`` (as the ranking's masks)."""
        if isinstance(node, Term):
            found: set[int] = set()
            for field in searched_fields(node.field):
                found.update(self.terms.hits(field, node))
            return found
        if isinstance(node, DateSpan):
            first, last = node.start.toordinal(), node.end.toordinal()
            days = self.state.days
            return {d for d in self.index.live() if first <= days[d] <= last}
        if isinstance(node, Not):
            return self.index.live() - self.of(node.node)
        if isinstance(node, AnyOf):
            return set().union(*(self.of(child) for child in node.nodes))
        assert isinstance(node, AllOf)
        positives = [self.of(c) for c in node.nodes if not isinstance(c, Not)]
        negatives = [self.of(c.node) for c in node.nodes if isinstance(c, Not)]
        result = set.intersection(*positives) if positives else set(self.index.live())
        for negative in negatives:
            result -= negative
        return result

    def scores(self, terms: list[Term]) -> dict[int, float]:
        """BM25F scores, computed as :meth:`reader.index.docsets.DocSets.scores` does.

        A term's value in a field depends only on its count in a document and the document's
        length byte: each pair is computed once (by :class:`_Values`), and the documents'
        values are looked up by ``map`` in C.
        """
        scores: dict[int, float] = {}
        count = self.state.count
        for term in terms:
            for field in searched_fields(term.field):
                if field not in CHAIN_FIELDS:
                    continue
                hits = self.terms.hits(field, term)
                if not hits:
                    continue
                values = _Values(
                    math.log(count / (len(hits) + 1)) + 1,
                    self.state.boosts[field],
                    self.state.totals[field] / max(1, count) or 1.0,
                    self.state.length_table,
                )
                docs = list(hits)
                lengths = self.index.length_bytes(field)
                keys = map(
                    add, map(mul, hits.values(), repeat(256)), map(lengths.__getitem__, docs)
                )
                found = map(values.__getitem__, keys)
                if not scores:  # 0.0 + value is value: the first field's values as they are
                    scores.update(zip(docs, found, strict=True))
                    continue
                get = scores.get
                for doc, value in zip(docs, found, strict=True):
                    scores[doc] = get(doc, 0.0) + value
        return scores

    def facets(self, kept: set[int]) -> Facets:
        """Counts per year, publication, month and day, as the ranking's facets without filters."""
        days = self.state.days
        by_day = Counter(map(days.__getitem__, kept))
        names = self.state.publications
        codes = self.state.publication_codes
        by_code = Counter(map(codes.__getitem__, kept))
        by_publication = Counter({names[code]: n for code, n in by_code.items()})
        # Days named by their ISO dates, rolled up into months and years by the labels'
        # prefixes, as the ranking rolls them up (``SearcherState.day_codes_in``).
        labelled = [
            (dt.date.fromordinal(day).isoformat() if day else UNDATED, n)
            for day, n in sorted(by_day.items())
        ]
        months: Counter[str] = Counter()
        years: Counter[str] = Counter()
        for label, n in labelled:
            months[label[:7] if label != UNDATED else UNDATED] += n
            years[label[:4] if label != UNDATED else UNDATED] += n
        return Facets(
            year=dict(sorted(years.items())),
            publication=dict(sorted(by_publication.items(), key=lambda item: (-item[1], item[0]))),
            month=dict(sorted(months.items())),
            day=dict(labelled),
        )

    def stored(self, doc: int) -> Any:
        """A document's article as the index stores it."""
        return decode_payload(self.index.stored.get(doc)["payload"])
