"""Matching and ranking: posting lists read a block at a time, set algebra, BM25F in bulk.

Whoosh's matchers cost several Python calls per document and score every match, which is
far too slow to count (for the total and the facets) tens of thousands of matches. Here a
query's terms are read once, whole blocks at a time, into ``docnum → term frequency``
maps; the query is evaluated with Python set operations; and the matching documents are
scored with BM25F (as whoosh would: same idf, same parameters, field boosts) from those
maps. Whoosh stays the storage: the term dictionary, posting blocks and stored fields.
"""

from __future__ import annotations

import math
import operator
import sys
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import accumulate, repeat
from itertools import chain as chain_from
from typing import Any

from whoosh import matching
from whoosh.codec.whoosh3 import W3LeafMatcher

from reader.index.analysis import chain
from reader.index.dates import date_terms_in
from reader.index.fold import fold
from reader.index.query import AnyOf, DateSpan, Node, Not, Term
from reader.index.schema import CHAIN_FIELDS, TEXT_FIELDS

# BM25F's free parameters (whoosh's defaults).
B = 0.75
K1 = 1.2

# A term's hits in one field: global docnum → term frequency.
Hits = dict[int, int]
# Postings kept between queries (about 100 bytes each).
CACHE_ENTRIES = 500_000


class DocSets:
    """Evaluates parsed queries on one whoosh searcher (one thread's)."""

    def __init__(self, searcher: Any, years: tuple[int, int] | None) -> None:
        self.searcher = searcher
        self.years = years
        self.reader = searcher.reader()
        self.parts = list(searcher.leaf_searchers())
        self.all: set[int] = set(self.reader.all_doc_ids())
        self.count = self.reader.doc_count_all()
        self.boosts = {f: self.reader.schema[f].format.field_boost for f in CHAIN_FIELDS}
        self._lengths: dict[str, list[int]] = {}
        # Recent terms' hits, oldest first: the same terms come back within moments (a facet
        # clicked, another sort, the window's per-month counts: one search per month).
        self._hits: dict[tuple[str, Term], Hits] = {}
        self._cached = 0

    def of(self, node: Node) -> set[int]:
        """The documents matching ``node``."""
        if isinstance(node, Term):
            return set().union(*(self._term_hits(field, node) for field in _fields(node)))
        if isinstance(node, DateSpan):
            return self._docs("date", date_terms_in(node, self.reader, self.years))
        if isinstance(node, Not):
            return self.all - self.of(node.node)
        if isinstance(node, AnyOf):
            return set().union(*(self.of(child) for child in node.nodes))
        positives = [self.of(c) for c in node.nodes if not isinstance(c, Not)]
        negatives = [self.of(c.node) for c in node.nodes if isinstance(c, Not)]
        result = set.intersection(*positives) if positives else set(self.all)
        return result.difference(*negatives)

    def scores(self, terms: Iterable[Term], docs: set[int]) -> dict[int, float]:
        """BM25F scores of ``docs`` for the query's (positive) terms.

        Like whoosh's BM25F: per field ``idf × tf·(K1+1) / (tf + K1·(1−B+B·len/avglen))``
        with tf weighted by the field's boost and idf ``log(N / (df+1)) + 1``. A chain's tf
        and df are its own (occurrences of the whole term), not those of its bigrams.
        """
        scores = dict.fromkeys(docs, 0.0)
        for term in terms:
            for field in _fields(term):
                if field not in CHAIN_FIELDS:
                    continue
                hits = self._term_hits(field, term)
                if not hits:
                    continue
                idf = math.log(self.count / (len(hits) + 1)) + 1
                lengths = self._field_lengths(field)
                average = self.reader.field_length(field) / max(1, self.count) or 1.0
                boost = self.boosts[field]
                norm = K1 * (1 - B)
                slope = K1 * B / average
                for docnum in docs.intersection(hits):
                    weight = hits[docnum] * boost
                    scores[docnum] += (
                        idf * weight * (K1 + 1) / (weight + norm + slope * lengths[docnum])
                    )
        return scores

    def forget(self, keep: int = CACHE_ENTRIES) -> None:
        """Drop the oldest terms' hits until at most ``keep`` postings remain cached."""
        while self._hits and self._cached > keep:
            oldest = next(iter(self._hits))
            self._cached -= len(self._hits.pop(oldest))

    def _field_lengths(self, field: str) -> list[int]:
        lengths = self._lengths.get(field)
        if lengths is None:
            # Whoosh's own (byte-rounded) lengths, as its scorer uses them.
            get = self.reader.doc_field_length
            lengths = self._lengths[field] = [get(d, field) for d in range(self.count)]
        return lengths

    def _term_hits(self, field: str, term: Term) -> Hits:
        key = (field, term)
        hits = self._hits.pop(key, None)
        if hits is None:
            hits = self._read_term(field, term)
            self._cached += len(hits)
        self._hits[key] = hits  # now the most recent
        return hits

    def _read_term(self, field: str, term: Term) -> Hits:
        if field not in CHAIN_FIELDS:
            value = fold(term.text).strip()
            return dict.fromkeys(self._docs(field, [value] if value else []), 1)
        found = chain(term.text)
        if found is None:
            return {}
        texts = list(dict.fromkeys(text for _, text in found.links))
        offsets = [[o for o, t in found.links if t == text] for text in texts]
        hits: Hits = {}
        for searcher, base in self.parts:
            reader = searcher.reader()
            if any((field, text) not in reader for text in texts):
                continue
            postings = [leaf_postings(reader.postings(field, text)) for text in texts]
            if len(found.links) == 1:
                hits.update((d + base, len(v) >> 2) for d, v in postings[0].items())
                continue
            order = sorted(range(len(texts)), key=lambda i: len(postings[i]))
            candidates = set(postings[order[0]])
            for i in order[1:]:
                candidates.intersection_update(postings[i])
            checks = [(postings[i], offsets[i]) for i in order]
            for docnum, occurrences in _chain_hits(sorted(candidates), checks):
                hits[docnum + base] = occurrences
        return hits

    def _docs(self, field: str, texts: list[str]) -> set[int]:
        """Documents with any of the terms ``texts`` in ``field``."""
        docs: set[int] = set()
        for searcher, base in self.parts:
            reader = searcher.reader()
            for text in texts:
                if (field, text) in reader:
                    ids = leaf_ids(reader.postings(field, text))
                    docs.update(ids if not base else (d + base for d in ids))
        return docs


def _fields(term: Term) -> tuple[str, ...]:
    return TEXT_FIELDS if term.field is None else (term.field,)


Checks = list[tuple[dict[int, bytes], list[int]]]


def _chain_hits(candidates: list[int], checks: Checks) -> Iterator[tuple[int, int]]:
    """(docnum, occurrences) of the candidates where the chain's positions line up.

    Every position of every term becomes a key ``docnum << 32 | start`` (its position less the
    term's offset in the chain); the chain occurs where all terms propose the same key. The
    keys are made and intersected by C loops (map, arrays, sets), not one Python call per
    document: thousands of candidates are checked in milliseconds.
    """
    keys: set[int] | None = None
    for postings, offsets in checks:
        values = [postings[d] for d in candidates]
        owners = chain_from.from_iterable(
            map(repeat, candidates, map(operator.rshift, map(len, values), repeat(2)))
        )
        base = list(
            map(operator.or_, map(operator.lshift, owners, repeat(32)), _uint32s(b"".join(values)))
        )
        for offset in offsets:
            here = set(map(operator.sub, base, repeat(offset))) if offset else set(base)
            keys = here if keys is None else keys & here
        if not keys:
            return
    yield from Counter(map(operator.rshift, keys or (), repeat(32))).items()


def _uint32s(data: bytes) -> array[int]:
    """Little-endian uint32 values (how positions are stored) as an array."""
    values = array("I", data)
    if sys.byteorder == "big":  # pragma: no cover - no big-endian machine to test on
        values.byteswap()
    return values


def leaf_postings(matcher: Any) -> dict[int, bytes]:
    """A term's postings as docnum → value, read a block at a time."""
    if isinstance(matcher, W3LeafMatcher):
        found: dict[int, bytes] = {}
        for ids, values in _blocks(matcher):
            found.update(zip(ids, values, strict=True))
        return found
    if isinstance(matcher, matching.FilterMatcher):
        # A segment with deleted documents: whoosh filters its postings by that set.
        wanted, exclude = matcher._ids, matcher._exclude
        return {d: v for d, v in leaf_postings(matcher.child).items() if (d in wanted) != exclude}
    return dict(matcher.all_items())


def _blocks(matcher: W3LeafMatcher) -> Any:
    """(docnums, values) of each block still ahead of a fresh matcher.

    The block data is (docnum deltas, weights, values) as W3PostingsWriter pickles it;
    the deltas are summed here in C (whoosh's own decoding is a Python generator).
    """
    while matcher.is_active():
        if matcher._data is None:
            matcher._read_data()
        deltas, _, values = matcher._data
        ids = list(accumulate(deltas))
        at = matcher._i
        yield (ids[at:], values[at:]) if at else (ids, values)
        matcher._i = matcher._blocklength - 1
        matcher.next()  # on to the next block


def leaf_ids(matcher: Any) -> list[int]:
    """Every document of a term's posting list, read a block (not a posting) at a time."""
    if isinstance(matcher, W3LeafMatcher):
        return [d for ids, _ in _blocks(matcher) for d in ids]
    if isinstance(matcher, matching.FilterMatcher):
        wanted, exclude = matcher._ids, matcher._exclude
        return [d for d in leaf_ids(matcher.child) if (d in wanted) != exclude]
    return list(matcher.all_ids())
