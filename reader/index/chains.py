"""A term's postings in one segment as arrays: its documents and counts, and where a chain of
bigrams stands (:mod:`reader.index.docsets` evaluates queries over them)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from reader.index import w3
from reader.index.w3.blocks import blocks as read_blocks

Ints = npt.NDArray[np.int64]
Mask = npt.NDArray[np.bool_]
EMPTY: Ints = np.zeros(0, np.int64)


@dataclass(frozen=True)
class Postings:
    """One segment's posting list: docnums, positions per document, all positions in order."""

    docs: Ints
    counts: Ints
    positions: Ints


def infos_in(reader: Any, field: str, texts: list[str]) -> list[Any] | None:
    """Each term's info in a segment, or None as soon as one is missing there."""
    infos = []
    for text in texts:
        info = w3.term_info(reader, field, text)
        if info is None:
            return None
        infos.append(info)
    return infos


def doc_counts(matcher: Any, boost: float) -> tuple[Ints, Ints]:
    """A term's docnums and how often it occurs in each (counting and ranking need no positions:
    only a packed block's heads, or the head of each of whoosh's blocks, are read)."""
    if isinstance(matcher, w3.Packed):
        docs, counts, _ = matcher.read(positions=False)
        return docs, counts
    docs, weights = w3.doc_weights(matcher)
    return docs, np.rint(weights / boost).astype(np.int64)


def chain_hits(lists: list[tuple[Any, list[int]]]) -> tuple[Ints, Ints]:
    """(docnums, occurrences) where a chain's terms stand at their offsets from each other.

    Every position of every term becomes a key ``docnum << 32 | start`` (its position less the
    term's offset in the chain); the chain occurs where all terms propose the same key. A term
    whose offset exceeds a position proposes a key in the previous document's range far beyond
    any real position, which matches nothing.
    """
    keys: Ints | None = None
    candidates: Ints | None = None
    for matcher, offsets in lists:
        postings = read_postings(matcher, among=candidates)
        chosen = np.ones(len(postings.docs), np.bool_)
        if candidates is not None:
            chosen = _within(postings.docs, candidates)
        owners = np.repeat(postings.docs[chosen], postings.counts[chosen])
        base = (owners << 32) | postings.positions[np.repeat(chosen, postings.counts)]
        for offset in offsets:
            here = base - offset if offset else base
            keys = here if keys is None else _common(keys, here)
        if keys is None or not len(keys):
            return EMPTY, EMPTY
        candidates, _ = _runs(keys >> 32)
    return _runs(np.asarray(keys) >> 32)


def _within(values: Ints, among: Ints) -> Mask:
    """Which of ``values`` are in ``among``; both ascending, each value once."""
    if not len(among):
        return np.zeros(len(values), np.bool_)
    at = np.searchsorted(among, values)
    at[at == len(among)] = 0
    return np.asarray(among[at] == values)


def _common(first: Ints, second: Ints) -> Ints:
    """The values in both arrays, ascending; both ascending, each value once.

    Each value of the shorter is looked up in the longer (``np.intersect1d`` sorts both
    together: a third of a four-character query's time at national-50y).
    """
    short, long = (first, second) if len(first) <= len(second) else (second, first)
    return short[_within(short, long)]


def _runs(values: Ints) -> tuple[Ints, Ints]:
    """The distinct values of a sorted array, and how many times each occurs."""
    if not len(values):
        return EMPTY, EMPTY
    starts = np.flatnonzero(np.concatenate(([True], values[1:] != values[:-1])))
    return values[starts], np.diff(np.append(starts, len(values)))


def read_postings(matcher: Any, positions: bool = True, among: Ints | None = None) -> Postings:
    """A term's postings in one segment, read a block at a time (positions left empty if not).

    With ``among`` (ascending docnums), blocks holding none of them may be left out.
    """
    if isinstance(matcher, w3.Packed):
        docs, counts, places = matcher.read(positions)
        return Postings(docs, counts, EMPTY if places is None else places)
    ids: list[int] = []
    values: list[bytes] = []
    source = read_blocks(matcher) if among is None else w3.blocks_among(matcher, among)
    for block_ids, block_values in source:
        if block_values is None:
            raise TypeError("read_postings() takes a field with positions")
        ids.extend(block_ids)
        values.extend(block_values)  # positions are never empty, so none were left out
    docs = np.array(ids, np.int64)
    counts = np.fromiter(map(len, values), np.int64, len(values)) >> 2
    if not positions:
        return Postings(docs, counts, EMPTY)
    found = np.frombuffer(b"".join(values), "<u4").astype(np.int64)
    return Postings(docs, counts, found)


def leaf_ids(matcher: Any) -> Ints:
    """Every document of a term's posting list, read a block (not a posting) at a time."""
    if isinstance(matcher, w3.Packed):
        return matcher.read(positions=False)[0]
    ids: list[int] = []
    for block_ids, _ in read_blocks(matcher):
        ids.extend(block_ids)
    return np.array(ids, np.int64)
