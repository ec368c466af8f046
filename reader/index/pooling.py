"""Postings of the folded text fields pooled as arrays, sorted per term with numpy.

Every document field arrives as two arrays (term codes and positions, from
:mod:`reader.index.vectors`). Until :data:`POOL_POSITIONS` positions are held they are kept as
they came; then each field's are sorted into a *run*: its terms in index order (UTF-8 byte
order, which is code point order), how many positions each has, and every position with its
document, grouped by term and in document order within a term. Runs are written to the pool's
folder as raw ``uint32`` files and read back a window at a time.

:meth:`ArrayPool.windows` gives a field's postings in term order, a window of terms at a time
(about :data:`WINDOW_POSITIONS` positions), merging the runs: this is what the segment writer
(:func:`reader.index.w3.arrays.write_window`) takes.
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from reader.index.vectors import Codes, Positions, Vocab, field_units

# Positions held before each field's are sorted and written as a run (12 bytes each while
# held, about 50 at the moment of sorting). At most 2**_INDEX_BITS, so that a run is sorted
# with one integer sort (:func:`stable_order`), not a merge sort.
POOL_POSITIONS = 1_000_000
# Positions of the terms handed to the writer at a time (it takes about 100 bytes for each).
WINDOW_POSITIONS = 500_000
# Field values of at most this many characters are analysed once per pool, and how many of
# them are remembered.
SHORT_CHARS = 40
SHORT_VALUES = 20_000

UInts = npt.NDArray[np.uint32]

# A sort key is a term code (below 2**44: vectors.WORD and the words after it) shifted left
# by this many bits, with the position's index in the low bits.
_INDEX_BITS = 20
_CODE_LIMIT = 1 << (64 - _INDEX_BITS)


@dataclass
class Window:
    """Consecutive terms of one field with all their positions.

    ``counts[i]`` positions belong to ``terms[i]``; ``docs`` and ``places`` hold them term
    after term, in document order and then position order within a term.
    """

    terms: list[str]
    counts: npt.NDArray[np.int64]
    docs: UInts
    places: UInts


class _OnDisk:
    """A run's uint32 array in a file, read a slice at a time.

    Not a memory map: every page of a map that was read stays resident (and counted in the
    build's memory) until the map is dropped, and a segment reads all of its runs' pages.
    """

    def __init__(self, path: str) -> None:
        self.path = path

    def __getitem__(self, at: slice) -> UInts:
        start, stop = at.start or 0, at.stop
        return np.fromfile(self.path, np.uint32, count=stop - start, offset=start * 4)


@dataclass
class _Run:
    """A field's term uses sorted by term: the terms' codes in index order, how many uses
    each has, and the uses (documents and positions) term after term (in memory, or in
    files once written)."""

    codes: Codes
    counts: npt.NDArray[np.int64]
    docs: UInts | _OnDisk
    places: UInts | _OnDisk


class ArrayPool:
    """Term codes and positions of documents, per field, sorted into runs by term."""

    def __init__(
        self, folder: str, limit: int = POOL_POSITIONS, window: int = WINDOW_POSITIONS
    ) -> None:
        self.folder = folder
        self.limit = limit
        self.window = window
        self.vocab = Vocab()
        self._held: dict[str, list[tuple[int, Codes, UInts]]] = {}
        self._size = 0
        self._runs: dict[str, list[_Run]] = {}
        self._files = 0
        self._short: dict[tuple[str, ...], tuple[Codes, Positions]] = {}

    def short_units(self, parts: tuple[str, ...]) -> tuple[Codes, Positions]:
        """``vectors.field_units`` of a field's parts, remembered when they are short: a
        publication's name, a column, an author come back document after document, and
        analysing a few characters costs numpy's overhead of some twenty calls."""
        if sum(map(len, parts)) > SHORT_CHARS:
            return field_units(parts, self.vocab)
        found = self._short.get(parts)
        if found is None:
            if len(self._short) >= SHORT_VALUES:
                self._short.clear()
            found = self._short[parts] = field_units(parts, self.vocab)
        return found

    @property
    def fieldnames(self) -> set[str]:
        """The fields that have postings here."""
        return set(self._held) | set(self._runs)

    def add(self, fieldname: str, docnum: int, codes: Codes, places: Positions) -> None:
        """Add a document's term uses in a field (later calls: later documents, or later
        positions of the same document)."""
        if not len(codes):
            return
        self._held.setdefault(fieldname, []).append((docnum, codes, places.astype(np.uint32)))
        self._size += len(codes)
        if self._size >= self.limit:
            self.spill()

    def spill(self) -> None:
        """Sort what is held into runs written to the folder."""
        for fieldname in list(self._held):
            self._runs.setdefault(fieldname, []).append(self._save(*self._sort(fieldname)))
        self._size = 0

    def _sort(self, fieldname: str) -> tuple[Codes, npt.NDArray[np.int64], UInts, UInts]:
        held = self._held.pop(fieldname)
        codes = np.concatenate([c for _, c, _ in held])
        places = np.concatenate([p for _, _, p in held])
        docs = np.repeat(np.array([d for d, _, _ in held], np.uint32), [len(c) for _, c, _ in held])
        del held
        order = stable_order(codes)
        codes = codes[order]
        firsts = np.flatnonzero(np.concatenate(([True], codes[1:] != codes[:-1])))
        counts = np.diff(np.append(firsts, len(codes)))
        uniques = codes[firsts]
        del codes
        strings = [self.vocab.term(code) for code in uniques.tolist()]
        # Codes are not in term order (a bigram's code is above every single character's):
        # put the terms' groups of uses in order of their strings.
        by_string = sorted(range(len(strings)), key=strings.__getitem__)
        group_order = np.array(by_string, np.int64)
        sizes = counts[group_order]
        ends = np.cumsum(sizes)
        gather = np.repeat(firsts[group_order] - (ends - sizes), sizes) + np.arange(
            ends[-1] if len(ends) else 0
        )
        order = order[gather]
        return uniques[group_order], sizes.astype(np.int64), docs[order], places[order]

    def _save(
        self, codes: Codes, counts: npt.NDArray[np.int64], docs: UInts, places: UInts
    ) -> _Run:
        os.makedirs(self.folder, exist_ok=True)
        stem = os.path.join(self.folder, str(self._files))
        self._files += 1
        docs.tofile(f"{stem}.docs")
        places.tofile(f"{stem}.places")
        return _Run(codes, counts, _OnDisk(f"{stem}.docs"), _OnDisk(f"{stem}.places"))

    def windows(self, fieldname: str) -> Iterator[Window]:
        """The field's postings in term order, a window of terms at a time."""
        runs = self._runs.pop(fieldname, [])
        if fieldname in self._held:
            runs.append(_Run(*self._sort(fieldname)))
        if len(runs) == 1:
            yield from _run_windows(runs[0], self.window, self.vocab)
        elif runs:
            yield from _merged_windows(runs, self.window, self.vocab)

    def cleanup(self) -> None:
        """Forget everything and delete the runs' files."""
        self._held = {}
        self._runs = {}
        self._size = 0
        shutil.rmtree(self.folder, ignore_errors=True)


def _cuts(counts: npt.NDArray[np.int64], window: int) -> list[int]:
    """Term indexes cutting ``counts`` into windows of about ``window`` positions each."""
    ends = np.cumsum(counts)
    marks = np.arange(window, int(ends[-1]) if len(ends) else 0, window)
    inner = np.searchsorted(ends, marks, side="right") + 1
    return sorted({0, *inner.tolist(), len(counts)})


def _run_windows(run: _Run, window: int, vocab: Vocab) -> Iterator[Window]:
    starts = np.concatenate(([0], np.cumsum(run.counts)))
    cuts = _cuts(run.counts, window)
    for a, b in itertools.pairwise(cuts):
        lo, hi = int(starts[a]), int(starts[b])
        terms = [vocab.term(code) for code in run.codes[a:b].tolist()]
        yield Window(terms, run.counts[a:b], run.docs[lo:hi], run.places[lo:hi])


def _merged_windows(runs: list[_Run], window: int, vocab: Vocab) -> Iterator[Window]:
    """Windows of the union of runs' terms; a term's uses come run after run (runs were
    written in document order), then in their order within the run."""
    codes = np.unique(np.concatenate([run.codes for run in runs]))
    strings = [vocab.term(code) for code in codes.tolist()]
    by_string = np.array(sorted(range(len(strings)), key=strings.__getitem__), np.int64)
    del strings  # the terms of one window at a time are made again from their codes
    rank = np.empty(len(codes), np.int64)
    rank[by_string] = np.arange(len(codes))
    ranks = [rank[np.searchsorted(codes, run.codes)] for run in runs]
    codes = codes[by_string]
    totals = np.zeros(len(codes), np.int64)
    for run, where in zip(runs, ranks, strict=True):
        totals[where] += run.counts
    starts = [np.concatenate(([0], np.cumsum(run.counts))) for run in runs]
    cuts = _cuts(totals, window)
    for a, b in itertools.pairwise(cuts):
        keys, docs, places = [], [], []
        for run, where, start in zip(runs, ranks, starts, strict=True):
            i, j = np.searchsorted(where, [a, b])
            lo, hi = int(start[i]), int(start[j])
            keys.append(np.repeat(where[i:j], run.counts[i:j]))
            docs.append(run.docs[lo:hi])
            places.append(run.places[lo:hi])
        order = stable_order(np.concatenate(keys))
        yield Window(
            [vocab.term(code) for code in codes[a:b].tolist()],
            totals[a:b],
            np.concatenate(docs)[order],
            np.concatenate(places)[order],
        )


def stable_order(codes: Codes) -> npt.NDArray[np.int64]:
    """The order that sorts ``codes`` (non-negative), equal codes staying in the order they came.

    Stable, because a term's uses must stay in document and position order. numpy's stable
    argsort is a merge sort (100 ms for 2 M codes here); with each position's index in the
    key's low bits every key is unique, so numpy's default sort (SIMD on x86) gives the same
    order in about a sixth of the time. Too many codes, or a code too large for the key, take
    the merge sort.
    """
    count = len(codes)
    if count > 1 << _INDEX_BITS or (count and int(codes.max()) >= _CODE_LIMIT):
        return np.argsort(codes, kind="stable")
    keys = codes.astype(np.uint64) << np.uint64(_INDEX_BITS)
    keys |= np.arange(count, dtype=np.uint64)
    keys.sort()
    keys &= np.uint64((1 << _INDEX_BITS) - 1)
    return keys.astype(np.int64)
