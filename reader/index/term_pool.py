"""The postings of a segment being written, grouped per term and spilled to sorted runs on disk.

Whoosh's stock writer pools posting by posting; :class:`TermPool` stands in for its
``PostingPool`` and keeps each term's postings together, so the segment's writer
(:class:`reader.index.w3.PoolWriter`) writes a term at a time. The folded text fields, close to
one posting per character in a CJK index, go to :class:`reader.index.pooling.ArrayPool` as
numpy arrays instead; this pool keeps the few other postings (ids, pages, and whatever a merge
of segments adds).
"""

from __future__ import annotations

import heapq
import marshal
import os
import shutil
from collections.abc import Iterator
from typing import Any

from reader.index import pooling
from reader.index.pooling import ArrayPool
from reader.index.vectors import Codes, Positions

# Postings of other fields than folded text (ids, pages; and whatever a merge of segments
# adds) kept in memory before a sorted run is written to the temp folder (~100 MB).
POOL_POSTINGS = 1_000_000
# Positions of folded text kept in memory before they are sorted into runs (see pooling).
POOL_POSITIONS = pooling.POOL_POSITIONS

# Each pool entry is a flat list: docnum, weight, value, docnum, weight, value, ...
Postings = list[Any]


class TermPool:
    """Postings grouped by (field, term), spilled to sorted runs when memory fills up.

    Stands in for whoosh's ``PostingPool``: ``add`` takes whoosh's posting tuples (so merging
    segments still works) and :meth:`terms` gives each term's postings in term order. The
    folded text of documents goes to :attr:`arrays` instead (:meth:`add_arrays`), a whole
    field of a document at a time.
    """

    def __init__(
        self,
        folder: str,
        limit: int = POOL_POSTINGS,
        position_limit: int = POOL_POSITIONS,
        window: int = pooling.WINDOW_POSITIONS,
    ) -> None:
        self.folder = folder
        self.limit = limit
        self.arrays = ArrayPool(os.path.join(folder, "arrays"), position_limit, window)
        self.fieldnames: set[str] = set()
        self.runs: list[str] = []
        self._fields: dict[str, dict[str, Postings]] = {}
        self._count = 0

    def _terms_of(self, fieldname: str) -> dict[str, Postings]:
        terms = self._fields.get(fieldname)
        if terms is None:
            terms = self._fields[fieldname] = {}
            self.fieldnames.add(fieldname)
        return terms

    def add(self, item: tuple[str, bytes, int, float, bytes]) -> None:
        """Add one posting ``(fieldname, term, docnum, weight, value)``."""
        fieldname, tbytes, docnum, weight, value = item
        terms = self._terms_of(fieldname)
        term = tbytes.decode("utf-8")
        postings = terms.get(term)
        if postings is None:
            terms[term] = [docnum, weight, value]
        else:
            postings += (docnum, weight, value)
        self._count += 1
        if self._count >= self.limit:
            self._spill()

    def _sorted(self) -> Iterator[tuple[str, str, Postings]]:
        # Code point order of str is the byte order of UTF-8, which is whoosh's term order.
        for fieldname in sorted(self._fields):
            terms = self._fields[fieldname]
            for term in sorted(terms):
                yield fieldname, term, terms[term]

    def _spill(self) -> None:
        os.makedirs(self.folder, exist_ok=True)
        path = os.path.join(self.folder, f"{len(self.runs)}.run")
        with open(path, "wb") as handle:
            # marshal.load() on a file reads byte by byte; chunks of entries load at C speed.
            chunk: list[tuple[str, str, Postings]] = []
            size = 0
            for entry in self._sorted():
                chunk.append(entry)
                size += sum(map(len, filter(None, entry[2][2::3])))
                if len(chunk) == _RUN_CHUNK or size >= _RUN_CHUNK_BYTES:
                    _write_chunk(handle, chunk)
                    chunk = []
                    size = 0
            if chunk:
                _write_chunk(handle, chunk)
        self.runs.append(path)
        self._fields = {}
        self._count = 0

    def add_arrays(self, fieldname: str, docnum: int, codes: Codes, places: Positions) -> int:
        """Add a document's term uses in a folded text field (or more of them: the next chunk
        of a long text); return how many there are (the field's length grows by that)."""
        self.arrays.add(fieldname, docnum, codes, places)
        return len(codes)

    @staticmethod
    def _read_run(path: str) -> Iterator[tuple[str, str, Postings]]:
        with open(path, "rb") as handle:
            while True:
                head = handle.read(4)
                if not head:
                    return
                yield from marshal.loads(handle.read(int.from_bytes(head, "little")))

    def terms(self) -> Iterator[tuple[str, str, Postings]]:
        """Every term with all its postings, in (field, term) order; docnums ascend."""
        if not self.runs:
            yield from self._sorted()
            return
        if self._count:
            self._spill()
        runs = [self._read_run(path) for path in self.runs]
        last: tuple[str, str] | None = None
        merged: Postings = []
        # Runs were written in document order, so one term's postings concatenate in order.
        for fieldname, term, postings in heapq.merge(*runs, key=_entry_key):
            if (fieldname, term) != last:
                if last is not None:
                    yield last[0], last[1], merged
                last, merged = (fieldname, term), postings
            elif merged[-3] == postings[0]:
                # One document's positions in two runs (a long text added a chunk at a time).
                merged[-2] += postings[1]
                merged[-1] += postings[2]
                merged += postings[3:]
            else:
                merged += postings
        if last is not None:
            yield last[0], last[1], merged

    def iter_postings(self) -> Iterator[tuple[str, bytes, int, float, bytes]]:
        """Whoosh's posting tuples, in order (for code that wants whoosh's pool interface)."""
        for fieldname, term, postings in self.terms():
            tbytes = term.encode("utf-8")
            for i in range(0, len(postings), 3):
                yield fieldname, tbytes, postings[i], postings[i + 1], postings[i + 2]

    def save(self) -> None:
        """Write what is in memory as a run."""
        if self._count:
            self._spill()

    def cleanup(self) -> None:
        """Delete the runs and their folder."""
        shutil.rmtree(self.folder, ignore_errors=True)
        self.runs = []
        self._fields = {}
        self._count = 0
        self.arrays.cleanup()


# Terms per marshal chunk in a run file.
_RUN_CHUNK = 2000


# Bytes of posting values per marshal chunk at most (a huge document's postings are few but
# long: the merge holds one chunk of every run at once).
_RUN_CHUNK_BYTES = 4_000_000


def _write_chunk(handle: Any, chunk: list[tuple[str, str, Postings]]) -> None:
    data = marshal.dumps(chunk)
    handle.write(len(data).to_bytes(4, "little"))
    handle.write(data)


def _entry_key(entry: tuple[str, str, Postings]) -> tuple[str, str]:
    return entry[0], entry[1]
