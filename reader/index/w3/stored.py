"""A segment's stored documents read without whoosh, one document at a time.

Whoosh reads a stored-fields column (``._stored.col``) by loading its whole arrays of offsets
and lengths (and, below 2**15 documents, summing the lengths in Python) before the first
document: on national-50y's segments that is most of showing a page of hits. Here each
document's offset and length are read when it is asked for. Layout, from whoosh's
``columns.VarBytesColumn`` (its ``CompressedBytesColumn`` of pickles): the values end to end;
their lengths, a big-endian array; above 2**15 documents their offsets, another; then the
lengths' type code, and, when the offsets were written, theirs and ``X``.
"""

from __future__ import annotations

import bisect
import os
import pickle
import struct
import zlib
from array import array
from collections.abc import Sequence
from itertools import accumulate, islice
from typing import Any

from reader.index.w3.direct import File, Unreadable, big

# A small segment's documents found by summing the lengths before them, this many times;
# then by every document's start, summed once (0.2 ms a sum against 1.7 ms for all, at
# 30,000 documents).
_SUMS_BEFORE_STARTS = 8

# The type codes of whoosh's arrays of lengths and offsets (integers); any other is damage.
_INTEGER_CODES = frozenset("bBhHiIlLqQ")


class StoredColumn:
    """A segment's stored fields (``._stored.col``): each document's dict, unpickled.

    A document's offset and length are read when it is asked for: a search shows twenty
    documents of a segment's tens of thousands, whose whole arrays took 4 ms to read at
    72,000 documents.
    """

    def __init__(self, path: str, count: int) -> None:
        self.file = File(path)
        self.count = count
        try:
            last = self.file.size - 1
            code = chr(self.file.read(last, 1)[0])
            self._offsets: tuple[int, str, int] | None = None  # (where, type code, size)
            if code == "X":
                codes = self.file.read(last - 2, 2).decode("ascii")
                lengths_code, offsets_code = codes[0], _integer(codes[1])
                size = struct.calcsize(offsets_code)
                start = last - 2 - count * size
                self._offsets = (start, offsets_code, size)
                last, code = start, lengths_code
            size = struct.calcsize(_integer(code))
            self._lengths = (last - count * size, code, size)
            if self._lengths[0] < 0:
                raise Unreadable(f"{path} is shorter than its {count} documents' lengths")
            self._all_lengths: array[int] | None = None  # read when first needed
            self._starts: array[int] | None = None  # every document's start, when worth it
            self._summed = 0
        except (struct.error, UnicodeDecodeError, ValueError) as exc:
            self.file.close()
            raise Unreadable(f"{path}: {exc}") from exc

    def _number(self, layout: tuple[int, str, int], docnum: int) -> int:
        where, code, size = layout
        return big(self.file.read(where + docnum * size, size), code)[0]

    def _start(self, docnum: int) -> int:
        if self._offsets is not None:
            return self._number(self._offsets, docnum)
        if self._all_lengths is None:  # a small segment: its documents lie end to end
            where, code, size = self._lengths
            self._all_lengths = big(self.file.read(where, self.count * size), code)
        if self._starts is not None:
            return self._starts[docnum]
        # The lengths before it, summed in C: a page's hit or two in a segment cost less so
        # than every document's running sum (1.7 ms a segment of 30,000). A process that
        # goes on asking (a server, the window) gets the running sums after a few.
        self._summed += 1
        if self._summed > _SUMS_BEFORE_STARTS:
            try:
                self._starts = array("q", accumulate(self._all_lengths, initial=0))
            except OverflowError as exc:  # lengths no column has (an unsigned code garbled)
                raise Unreadable(f"stored documents' lengths beyond any file: {exc}") from exc
            return self._starts[docnum]
        return sum(islice(self._all_lengths, docnum))

    def get(self, docnum: int) -> dict[str, Any]:
        """The stored fields of a document (segment docnum)."""
        if not 0 <= docnum < self.count:
            raise Unreadable(f"no document {docnum} among {self.count}")
        length = self._number(self._lengths, docnum)
        if not length:
            return {}
        found = pickle.loads(zlib.decompress(self.file.read(self._start(docnum), length)))
        if not isinstance(found, dict):
            raise Unreadable("a stored document that is not a dict")
        return found

    def close(self) -> None:
        """Close the file."""
        self.file.close()


def _integer(code: str) -> str:
    if code not in _INTEGER_CODES:
        raise Unreadable(f"not an integer array's type code: {code!r}")
    return code


class StoredDocuments:
    """The stored documents of an index's segments, by index-wide docnum; a segment's column
    is opened when a document of it is first asked for."""

    def __init__(self, folder: str, segments: Sequence[tuple[str, int, int]]) -> None:
        """``segments``: each one's file name prefix, first docnum and documents, in order."""
        self._paths = [os.path.join(folder, f"{name}._stored.col") for name, _, _ in segments]
        self._bases = [base for _, base, _ in segments]
        self._counts = [count for _, _, count in segments]
        self._columns: dict[int, StoredColumn] = {}

    def available(self) -> bool:
        """Whether every segment has its column file (not a compound segment of whoosh's)."""
        return all(os.path.exists(path) for path in self._paths)

    def get(self, docnum: int) -> dict[str, Any]:
        """The stored fields of a document: every document of an index of ours has some, so
        a document without is damage (a column's lengths zeroed)."""
        at = bisect.bisect_right(self._bases, docnum) - 1
        if at < 0:
            raise Unreadable(f"no segment holds document {docnum}")
        column = self._columns.get(at)
        if column is None:
            column = self._columns[at] = StoredColumn(self._paths[at], self._counts[at])
        found = column.get(docnum - self._bases[at])
        if not found:
            raise Unreadable(f"document {docnum} has no stored fields")
        return found

    def close(self) -> None:
        """Close the columns opened."""
        for column in self._columns.values():
            column.close()
        self._columns.clear()
