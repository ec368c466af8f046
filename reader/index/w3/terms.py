"""Rows of whoosh's term table (``OrderedHashWriter``, the ``.trm`` file) added many at a time.

Whoosh adds a row with several Python calls and keeps each term's (hash, position) as a tuple
in a list until the table is closed; a county-10y segment has over a million terms.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from typing import Any

from whoosh.filedb.filetables import _lengths as _LENGTHS


def add_terms(table: Any, keys: list[bytes], values: list[bytes]) -> None:
    """Add rows to the term table (whoosh's ``OrderedHashWriter``) with one write.

    What calling ``table.add(key, value)`` for each does: the rows are written one after the
    other, each after its two lengths; the position of each is kept in the table's index and
    its hash in a bucket; keys must increase.
    """
    if not keys:
        return
    if keys[0] <= table.lastkey:
        raise ValueError(f"Keys must increase: {table.lastkey!r}..{keys[0]!r}")
    dbfile = table.dbfile
    at = dbfile.tell()
    starts: list[int] = []
    parts: list[bytes] = []
    pack = _LENGTHS.pack
    for key, value in zip(keys, values, strict=True):
        starts.append(at)
        head = pack(len(key), len(value))
        parts += (head, key, value)
        at += len(head) + len(key) + len(value)
    dbfile.write(b"".join(parts))
    buckets = table.buckets
    hashfn = table.hashfn
    for key, start in zip(keys, starts, strict=True):
        code = hashfn(key)
        buckets[code & 255].append((code, start))
    index = table.index
    if isinstance(index.array, array) and starts[-1] >= _TYPE_LIMITS[index.array.typecode]:
        index._retype(starts[-1])
    index.array.extend(starts)
    table.lastkey = keys[-1]


# The largest value + 1 each type code of whoosh's GrowableArray holds.
_TYPE_LIMITS = {"B": 1 << 8, "H": 1 << 16, "i": 1 << 31, "I": 1 << 32, "q": 1 << 63}


class Bucket:
    """What whoosh's ``HashWriter`` does with a bucket's list of (hash, position) pairs
    (append, len, iterate), kept in two arrays."""

    def __init__(self) -> None:
        self.hashes = array("Q")
        self.positions = array("q")

    def append(self, entry: tuple[int, int]) -> None:
        """Keep one (hash, position) pair."""
        self.hashes.append(entry[0])
        self.positions.append(entry[1])

    def __len__(self) -> int:
        return len(self.hashes)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return zip(self.hashes, self.positions, strict=True)
