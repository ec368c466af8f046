"""Writing whoosh segments term by term instead of posting by posting.

A CJK index has close to one posting per character. The folded text fields go to
:class:`reader.index.pooling.ArrayPool` as numpy arrays (term codes and positions), sorted per
term in bulk and written a window of terms at a time; :class:`TermPool` keeps the few other
postings (ids, pages, and whatever a merge of segments adds) grouped per term, spilling sorted
runs to disk when memory fills up. :class:`SegmentBuilder` adds documents through them (the
whoosh side of that is :class:`reader.index.w3.PoolWriter`).
``tests/index/test_segments.py`` checks that an index written here reads back exactly like
one written by whoosh's stock writer.
"""

from __future__ import annotations

import heapq
import marshal
import os
import shutil
from array import array
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import Any

from reader.index import pooling, w3
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


def _each(positions: dict[str, Positions]) -> Iterable[tuple[str, Positions]]:
    """The terms and positions of a field; a long field's are emptied out as they are read."""
    first = next(iter(positions.values()), None)
    if not isinstance(first, array):
        return positions.items()
    return _popping(positions)


def _popping(positions: dict[str, Positions]) -> Iterator[tuple[str, Positions]]:
    while positions:
        yield positions.popitem()


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


class SegmentBuilder:
    """Adds documents to ``ix`` (and deletes some) as one new segment, written a term at a time.

    Use it as whoosh's writers are used: in a ``with`` block it commits when the block ends
    normally and cancels (deleting what it wrote) when the block raises. It holds whoosh's
    write lock from its creation until then.

    Args:
        ix: The whoosh index to write to.
        pool_postings: Postings kept in memory before a sorted run goes to disk.
        pool_positions: Positions of folded text kept in memory before they are sorted into
            runs on disk.
        window: Positions of folded text handed to the segment's writer at a time.
        merge: Whether committing may merge small segments into the new one.
        part: Write one part of a parallel build: without taking whoosh's lock (the parent
            holds it), handed over by :meth:`finish_part` and never committed by itself.
    """

    def __init__(
        self,
        ix: Any,
        pool_postings: int = POOL_POSTINGS,
        pool_positions: int = POOL_POSITIONS,
        window: int = pooling.WINDOW_POSITIONS,
        *,
        merge: bool = True,
        part: bool = False,
    ) -> None:
        self.part = part
        self._writer = w3.PoolWriter(
            ix,
            lambda folder: TermPool(folder, pool_postings, pool_positions, window),
            lock=not part,
        )
        self._writer.merge = merge
        self._parts: list[object] = []

    def __enter__(self) -> SegmentBuilder:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self.is_closed:
            return
        if kind is not None or self.part:
            self.cancel()
            return
        try:
            self.commit()
        except BaseException:
            if not self.is_closed:
                self.cancel()
            raise

    @property
    def is_closed(self) -> bool:
        """Whether the segment was committed, handed over or cancelled."""
        return bool(self._writer.is_closed)

    def add_document(self, **fields: Any) -> None:
        """Add one document (the fields of ``reader.index.schema.documents``)."""
        self._writer.add_document(**fields)

    def delete_by_term(self, fieldname: str, text: str) -> None:
        """Delete the documents whose ``fieldname`` holds the (untokenized) term ``text``."""
        self._writer.delete_by_term(fieldname, text)

    def drop(self, segment_ids: set[str]) -> None:
        """Leave these segments out of the commit (their documents were written again here:
        see :mod:`reader.index.merging`); whoosh deletes their files once it is done."""
        if segment_ids:
            self._writer.mergetype = lambda _writer, segments: [
                s for s in segments if s.segment_id() not in segment_ids
            ]

    def include(self, parts: list[object]) -> None:
        """Commit the segments of parts (see :meth:`finish_part`) together with this one."""
        self._parts.extend(parts)

    def seal(self) -> None:
        """Write the segment now; it is committed (with any included parts) when the ``with``
        block ends, or by :meth:`commit`."""
        self._writer.seal()

    def commit(self, *, merge: bool | None = None, optimize: bool = False) -> None:
        """Write the segment (with any included parts) and a new table of contents.

        Args:
            merge: Whether small segments may be merged (default: as given when created).
            optimize: Merge every segment of the index into one.
        """
        if self._parts or self._writer.is_sealed:
            self._writer.commit_with(self._parts)
        else:
            self._writer.commit(merge=merge, optimize=optimize)

    def cancel(self) -> None:
        """Stop without committing and delete the postings pooled so far."""
        self._writer.cancel()

    def finish_part(self) -> object:
        """Close a part's segment, uncommitted; return it for the parent's :meth:`include`."""
        return self._writer.finish_part()
