"""The evaluation of one query for :mod:`reader.index.quick`: sets of docnums, BM25F, facets.

Each step is what :mod:`reader.index.ranking` and :mod:`reader.index.docsets` do with numpy,
done with Python sets and dicts (and ``map``, ``zip``, ``Counter`` where a step touches every
posting) so that the results are the same values, to the last bit of each score.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import chain as chain_all
from itertools import repeat
from operator import add, floordiv, mul, neg
from typing import TYPE_CHECKING, Any

from reader.index.fold import fold
from reader.index.hits import stored_hit
from reader.index.layout import CHAIN_FIELDS, decode_payload, searched_fields
from reader.index.matches import needles
from reader.index.query import AllOf, AnyOf, DateSpan, Node, Not, Term, positive_terms
from reader.index.results import Facets, SearchResult
from reader.index.units import chain
from reader.index.w3 import direct
from reader.model.vocabulary import UNDATED, Sort

if TYPE_CHECKING:
    from reader.index.quick import QuickIndex, Segment

# BM25F's free parameters (as reader.index.docsets).
B = 0.75
K1 = 1.2
# Postings and positions read for one query, beyond which numpy is faster than the imports
# it costs (a common bigram of a national daily); the query then goes to whoosh and numpy.
WORK_LIMIT = 400_000
# Documents a date range or a negation may have to list (every live document).
LIST_LIMIT = 200_000
_NEVER = dt.date.max.toordinal() + 1
# A chain's position keys are ``docnum * _STRIDE + position - offset``: an odd stride above
# every position (they are below 2**32) and above every offset. An int hashes to itself and a
# set places it by its low bits, so ``docnum << 32 | position`` put a common term's keys in the
# slots of their positions alone, crowded; this stride's low bits (2**32 times the golden ratio)
# spread the documents over the slots: a set of them is built in 200 ns a key, not 350.
_STRIDE = (1 << 32) + 0x9E3779B1


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


class Declined(Exception):
    """The query needs what this module does not read, or more work than it is worth."""


class QuickQuery:
    """One query's evaluation: the documents of each node, as sets of docnums."""

    def __init__(self, index: QuickIndex) -> None:
        self.index = index
        self.state = index.state
        self.work = 0
        self.hits: dict[tuple[str, Term], dict[int, int]] = {}

    def run(self, text: str, node: Node, limit: int, sort: Sort) -> SearchResult:
        """The result of ``node``: its total, its first ``limit`` hits in ``sort`` order, facets."""
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
                found.update(self.term_hits(field, node))
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
                hits = self.term_hits(field, term)
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

    def term_hits(self, field: str, term: Term) -> dict[int, int]:
        """A term's documents in one field and how often it occurs in each."""
        key = (field, term)
        found = self.hits.get(key)
        if found is None:
            found = self.hits[key] = self._read_term(field, term)
        return found

    def _read_term(self, field: str, term: Term) -> dict[int, int]:
        result: dict[int, int] = {}
        if field not in CHAIN_FIELDS:
            value = fold(term.text).strip()
            if not value:
                return result
            for segment in self.index.segments:
                info = segment.terms.get(field, value.encode("utf-8"))
                if info is not None:
                    docs, _, _ = self._postings(segment, info, False)
                    result.update((segment.info.base + d, 1) for d in docs)
            return result
        found = chain(term.text)
        if found is None:
            return result
        texts = list(dict.fromkeys(text for _, text in found.links))
        offsets = [[o for o, t in found.links if t == text] for text in texts]
        for segment in self.index.segments:
            infos = [segment.terms.get(field, text.encode("utf-8")) for text in texts]
            if any(info is None for info in infos):
                continue
            known = [info for info in infos if info is not None]
            # The rarest first, as the ranking does (its order bounds the work).
            rarest = sorted(
                zip(known, offsets, strict=True), key=lambda i: direct.doc_frequency(i[0])
            )
            base = segment.info.base
            if len(found.links) == 1:
                docs, counts, _ = self._postings(segment, rarest[0][0], False)
                result.update((base + d, n) for d, n in zip(docs, counts, strict=True))
            else:
                for doc, n in self._chain(segment, rarest).items():
                    result[base + doc] = n
        return result

    def _chain(self, segment: Segment, lists: list[tuple[bytes, list[int]]]) -> Counter[int]:
        """Docnums where a chain's terms stand at their offsets, and how often: the keys
        ``docnum * _STRIDE + position - offset`` of each term, intersected (as the ranking's
        ``_chain_hits``, whose result this is; built by ``map`` and ``set`` in C, a posting
        costs no Python bytecode). A key kept is the first term's (offset 0), never negative
        within its document, so floor division gives back its docnum."""
        keys: set[int] | None = None
        for info, offsets in lists:
            docs, counts, places = self._postings(segment, info, True)
            assert places is not None
            for offset in offsets:
                starts = [doc * _STRIDE - offset for doc in docs]
                found = map(add, chain_all.from_iterable(map(repeat, starts, counts)), places)
                keys = set(found) if keys is None else keys.intersection(found)
            if not keys:
                return Counter()
        return Counter(map(floordiv, keys or (), repeat(_STRIDE)))

    def _postings(self, segment: Segment, info: bytes, positions: bool) -> direct.Postings:
        self.work += direct.doc_frequency(info)
        if self.work > WORK_LIMIT:
            raise Declined
        found = direct.postings(info, segment.pst(), positions, self.index.zstd())
        if found is None:
            raise Declined
        docs, counts, places = found
        if places is not None:
            self.work += len(places)
            if self.work > WORK_LIMIT:
                raise Declined
        deleted = segment.info.deleted
        if not deleted:
            return found
        kept_docs: list[int] = []
        kept_counts: list[int] = []
        kept_places: list[int] = []
        at = 0
        for doc, n in zip(docs, counts, strict=True):
            if doc not in deleted:
                kept_docs.append(doc)
                kept_counts.append(n)
                if places is not None:
                    kept_places.extend(places[at : at + n])
            at += n
        return (
            kept_docs,
            kept_counts,
            array("I", kept_places) if places is not None else None,
        )
