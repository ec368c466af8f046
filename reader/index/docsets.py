"""Matching and ranking: posting lists read a block at a time, evaluated as numpy arrays.

Whoosh's matchers cost several Python calls per document and score every match, which is
far too slow to count (for the total and the facets) tens of thousands of matches. Here a
query's terms are read once, whole blocks at a time, into arrays of document numbers,
frequencies and positions; a chain of bigrams is checked by intersecting position keys; the
query is evaluated as boolean masks over all documents; and the matches are scored with
BM25F (as whoosh would: same idf, same parameters, field boosts) in bulk. Whoosh stays the
storage: the term dictionary, posting lists and stored fields. Our build's posting lists are
packed arrays (:mod:`reader.index.w3.packed`: a term is one decompression, or two with its
positions); whoosh's own blocks, in an index written otherwise, are decoded by
:func:`reader.index.w3.blocks`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import reduce
from typing import Any

import numpy as np
import numpy.typing as npt

from reader.index import w3
from reader.index.analysis import chain
from reader.index.chains import EMPTY, chain_hits, doc_counts, infos_in, leaf_ids
from reader.index.fold import fold
from reader.index.layout import CHAIN_FIELDS, searched_fields
from reader.index.query import AnyOf, DateSpan, Node, Not, Term
from reader.index.w3 import direct

# BM25F's free parameters (whoosh's defaults).
B = 0.75
K1 = 1.2
# Documents kept between queries, summed over the cached terms (about 12 bytes each).
CACHE_ENTRIES = 2_000_000

Ints = npt.NDArray[np.int64]
Mask = npt.NDArray[np.bool_]
Floats = npt.NDArray[np.float64]

# The length whoosh's scorer reads each of the 256 length bytes as.
_BYTE_LENGTHS: Floats = np.array(direct.length_table(), np.float64)


@dataclass(frozen=True)
class Hits:
    """A term's matches in one field: ascending global docnums and how often it occurs in each."""

    docs: Ints
    counts: Ints

    def __len__(self) -> int:
        return len(self.docs)


_NONE = Hits(EMPTY, EMPTY)


class DocSets:
    """Evaluates parsed queries on one whoosh index reader (one thread's).

    ``days`` holds each document's issue date as a proleptic ordinal (0 when undated).
    """

    def __init__(self, reader: Any, days: Ints, live: Mask | None = None) -> None:
        self.reader = reader
        # Each segment's reader and its first docnum: [(reader, 0)] for a single segment.
        self.parts: list[tuple[Any, int]] = list(reader.leaf_readers())
        self.count = self.reader.doc_count_all()
        self.days = days
        if live is not None and len(live) == self.count:  # saved with the index's build
            self.live: Mask = live
        else:
            self.live = np.zeros(self.count, np.bool_)
            self.live[np.fromiter(self.reader.all_doc_ids(), np.int64)] = True
        self.boosts = {f: self.reader.schema[f].format.field_boost for f in CHAIN_FIELDS}
        # Per field, each document's length (read once; a searcher's state may bring them).
        self.lengths: dict[str, Floats] = {}
        # Recent terms' hits, oldest first: the same terms come back within moments (a facet
        # clicked, another sort, the next query typed as a refinement of this one).
        self._hits: dict[tuple[str, Term], Hits] = {}
        self._cached = 0

    def of(self, node: Node) -> Mask:
        """Which documents match ``node``, as a mask over all docnums."""
        if isinstance(node, Term):
            mask = np.zeros(self.count, np.bool_)
            for field in searched_fields(node.field):
                mask[self._term_hits(field, node).docs] = True
            return mask
        if isinstance(node, DateSpan):
            first, last = node.start.toordinal(), node.end.toordinal()
            return self.live & (self.days >= first) & (self.days <= last)
        if isinstance(node, Not):
            return self.live & ~self.of(node.node)
        if isinstance(node, AnyOf):
            return reduce(np.logical_or, (self.of(child) for child in node.nodes))
        positives = [self.of(c) for c in node.nodes if not isinstance(c, Not)]
        negatives = [self.of(c.node) for c in node.nodes if isinstance(c, Not)]
        result = reduce(np.logical_and, positives) if positives else self.live.copy()
        for negative in negatives:
            result &= ~negative
        return result

    def scores(self, terms: Iterable[Term]) -> Floats:
        """BM25F scores of every document for the query's (positive) terms.

        Like whoosh's BM25F: per field ``idf × tf·(K1+1) / (tf + K1·(1−B+B·len/avglen))``
        with tf weighted by the field's boost and idf ``log(N / (df+1)) + 1``. A chain's tf
        and df are its own (occurrences of the whole term), not those of its bigrams.
        """
        scores = np.zeros(self.count, np.float64)
        for term in terms:
            for field in searched_fields(term.field):
                if field not in CHAIN_FIELDS:
                    continue
                hits = self._term_hits(field, term)
                if not len(hits):
                    continue
                idf = math.log(self.count / (len(hits) + 1)) + 1
                average = self.reader.field_length(field) / max(1, self.count) or 1.0
                weight = hits.counts * self.boosts[field]
                lengths = self._field_lengths(field)[hits.docs]
                scores[hits.docs] += (
                    idf * weight * (K1 + 1) / (weight + K1 * (1 - B) + K1 * B / average * lengths)
                )
        return scores

    def forget(self, keep: int = CACHE_ENTRIES) -> None:
        """Drop the oldest terms' hits until at most ``keep`` documents remain cached."""
        while self._hits and self._cached > keep:
            oldest = next(iter(self._hits))
            self._cached -= len(self._hits.pop(oldest))

    def _field_lengths(self, field: str) -> Floats:
        lengths = self.lengths.get(field)
        if lengths is None:
            # Whoosh's own (byte-rounded) lengths, as its scorer uses them.
            whole = direct.whole_length_bytes(self.reader, field)
            if whole is not None:
                lengths = _BYTE_LENGTHS[np.frombuffer(whole, np.uint8)]
            else:
                get = self.reader.doc_field_length
                lengths = np.fromiter((get(d, field) for d in range(self.count)), np.float64)
            self.lengths[field] = lengths
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
            return self._docs(field, value) if value else _NONE
        found = chain(term.text)
        if found is None:
            return _NONE
        texts = list(dict.fromkeys(text for _, text in found.links))
        offsets = [[o for o, t in found.links if t == text] for text in texts]
        docs: list[Ints] = []
        counts: list[Ints] = []
        for reader, base in self.parts:
            infos = infos_in(reader, field, texts)
            if infos is None:
                continue
            # The rarest first: its documents bound the work for the others.
            rarest = sorted(
                zip(texts, infos, offsets, strict=True), key=lambda i: i[1].doc_frequency()
            )
            lists = [(w3.postings(reader, field, t, info), o) for t, info, o in rarest]
            if len(found.links) == 1:
                found_docs, found_counts = doc_counts(lists[0][0], self.boosts[field])
            else:
                found_docs, found_counts = chain_hits(lists)
            docs.append(found_docs + base)
            counts.append(found_counts)
        if not docs:
            return _NONE
        return Hits(np.concatenate(docs), np.concatenate(counts))

    def _docs(self, field: str, text: str) -> Hits:
        """Documents with the (untokenized) term ``text`` in ``field``."""
        docs = []
        for reader, base in self.parts:
            info = w3.term_info(reader, field, text)
            if info is not None:
                docs.append(leaf_ids(w3.postings(reader, field, text, info)) + base)
        found = np.concatenate(docs) if docs else EMPTY
        return Hits(found, np.ones(len(found), np.int64))
