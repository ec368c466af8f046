"""W3 files read without whoosh: a term's info and packed postings, field lengths.

A command-line search in a fresh process spends more time importing numpy and whoosh than
answering. These readers take what :mod:`reader.index.quick` needs straight from a segment's
files, in the layout of whoosh's W3 codec (:data:`reader.index.w3.WRITTEN_FOR`) and of our
packed posting lists (:mod:`reader.index.w3.packed`), with ``struct``, ``array`` and
``pickle`` (of plain tuples and dicts only, written by whoosh or by us). What they cannot
read (a posting list in whoosh's own blocks) they report as None, and the caller falls back
to whoosh. Layouts, from whoosh's ``filetables``, ``columns`` and ``codec/whoosh3``:

* ``.trm`` (an ordered hash file): ``HSH3``, the hash type byte, two ints; the rows (key and
  value lengths ``!ii``, key, value); 256 hash tables of ``(hash, position)`` slots
  (``!Iq``); their directory (``!qi``); a pickled dict of extras (the ``fieldmap``) and the
  key index; and at the very end the length of the extras (``!i``). A key is the field's
  number (``!H``) and the term's UTF-8.
* a term's value: ``!BfIBBfII`` (inlined?, weight, doc frequency, …), then the pickled
  ``(ids, weights, values)`` when inlined, else the postings' offset (``!q``) and length (``!i``)
  in ``.pst``, which start with ``W3Bl`` and a block: its length (``!i``, negative when last),
  its pickled info, its data.
* a column (``.col``): fixed-size big-endian numbers one per document (missing at the end: the
  default). The stored fields' column is :mod:`reader.index.w3.stored`'s.
"""

from __future__ import annotations

import os
import pickle
import struct
import sys
from array import array
from binascii import crc32
from collections.abc import Callable, Iterable
from itertools import accumulate
from typing import Any

from reader.index.w3.packed_layout import PACKED, split, unframe

_HASH_MAGIC = b"HSH3"
_LENGTHS = struct.Struct("!ii")
_POINTER = struct.Struct("!Iq")
_DIRECTORY = struct.Struct("!qi")
_TERM_INFO = struct.Struct("!BfIBBfII")
_EXTENT = struct.Struct("!qi")
_POSTINGS_MAGIC = b"W3Bl"
_LITTLE = sys.byteorder == "little"


class Unreadable(ValueError):
    """A file that does not hold what its layout says (damaged, or not what we wrote)."""


def _md5_hash(key: bytes) -> int:
    import hashlib  # OpenSSL's bindings: only a table of whoosh's default hash type needs them

    return int(hashlib.md5(key, usedforsecurity=False).hexdigest(), 16) & 0xFFFFFFFF


def _crc_hash(key: bytes) -> int:
    return crc32(key) & 0xFFFFFFFF


def _cdb_hash(key: bytes) -> int:
    h = 5381
    for c in key:
        h = (h + (h << 5)) & 0xFFFFFFFF ^ c
    return h


_HASHES: tuple[Callable[[bytes], int], ...] = (_md5_hash, _crc_hash, _cdb_hash)


class File:
    """An open file read at offsets (``os.pread``: no seek, no buffering of what is not read)."""

    def __init__(self, path: str) -> None:
        self.fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        self.size = os.fstat(self.fd).st_size

    def read(self, offset: int, length: int) -> bytes:
        """``length`` bytes at ``offset``; fewer is damage."""
        if offset < 0 or length < 0 or offset + length > self.size:
            raise Unreadable(f"a read of {length} bytes at {offset} beyond the file's end")
        found = os.pread(self.fd, length, offset)
        if len(found) != length:
            raise Unreadable("a short read")
        return found

    def close(self) -> None:
        """Close the file."""
        os.close(self.fd)


class TermTable:
    """A segment's term dictionary (``.trm``): a term's info bytes by field and text."""

    def __init__(self, path: str) -> None:
        self.file = File(path)
        try:
            head = self.file.read(0, 5)
            if head[:4] != _HASH_MAGIC or head[4] >= len(_HASHES):
                raise Unreadable(f"{path} is not a term table")
            self.hash = _HASHES[head[4]]
            end = self.file.size - 4
            (extras_length,) = struct.unpack("!i", self.file.read(end, 4))
            extras_at = end - extras_length
            extras = pickle.loads(self.file.read(extras_at, extras_length))
            self.fields: dict[str, int] = extras["fieldmap"]
            directory = self.file.read(extras_at - 256 * _DIRECTORY.size, 256 * _DIRECTORY.size)
            self.tables = list(_DIRECTORY.iter_unpack(directory))
        except BaseException:
            self.file.close()
            raise

    def get(self, field: str, text: bytes) -> bytes | None:
        """The info of ``text`` in ``field``, or None when the segment lacks it."""
        number = self.fields.get(field)
        if number is None:
            return None
        key = struct.pack("!H", number) + text
        code = self.hash(key)
        start, slots = self.tables[code & 255]
        if not slots:
            return None
        table = self.file.read(start, slots * _POINTER.size)
        slot = (code >> 8) % slots
        for _ in range(slots):
            found, at = _POINTER.unpack_from(table, slot * _POINTER.size)
            if not at:
                return None
            if found == code:
                key_length, value_length = _LENGTHS.unpack(self.file.read(at, _LENGTHS.size))
                if key_length == len(key):
                    row = self.file.read(at + _LENGTHS.size, key_length + value_length)
                    if row[:key_length] == key:
                        return row[key_length:]
            slot = (slot + 1) % slots
        return None

    def close(self) -> None:
        """Close the file."""
        self.file.close()


def doc_frequency(info: bytes) -> int:
    """How many documents of the segment hold the term (deleted ones included)."""
    return int(_TERM_INFO.unpack_from(info)[2])


def weight(info: bytes) -> float:
    """The term's weight in the segment: its occurrences times the field's boost."""
    return float(_TERM_INFO.unpack_from(info)[1])


Postings = tuple[list[int], list[int], "array[int] | None"]


def postings(info: bytes, pst: File, positions: bool, zstd: Any) -> Postings | None:
    """(docnums, counts, positions or None) of a term, or None when whoosh must read it.

    ``zstd`` is the ``zstandard`` module. Postings inlined in the info are decoded here, and
    one packed block; whoosh's own blocks are not (None).
    """
    inlined = info[0]
    body = info[_TERM_INFO.size :]
    if inlined:
        ids, _, values = pickle.loads(body)
        if not all(isinstance(value, bytes) for value in values):
            return None  # a field without positions (page:, number:): whoosh's to read
        counts = [len(value) // 4 for value in values]
        found = _u4(b"".join(values)) if positions else None
        return list(ids), counts, found
    offset, length = _EXTENT.unpack_from(body)
    if pst.read(offset, 4) != _POSTINGS_MAGIC:
        raise Unreadable("a posting list without its header")
    (block,) = struct.unpack("!i", pst.read(offset + 4, 4))
    if block >= 0 or -block != length - 8:
        return None  # more than one block: whoosh's layout
    data = pst.read(offset + 8, -block)
    info_end = _pickle_end(data)
    count, _, _, compression, _, _ = pickle.loads(data[:info_end])
    if compression != PACKED:
        return None
    return _unpack(data[info_end:], count, positions, zstd)


def _pickle_end(data: bytes) -> int:
    """Where a pickle at the start of ``data`` ends (its STOP opcode, found by reading it)."""
    import io

    stream = io.BytesIO(data)
    pickle.Unpickler(stream).load()
    return stream.tell()


def _unpack(data: bytes, count: int, positions: bool, zstd: Any) -> Postings:
    deltas_size, counts_size, heads_frame, places_frame = split(data)
    decompressor = zstd.ZstdDecompressor()
    heads = unframe(zstd, decompressor, heads_frame, count * (deltas_size + counts_size))
    deltas = _little(heads[: count * deltas_size], deltas_size)
    counts = _little(heads[count * deltas_size :], counts_size).tolist()
    docs = list(accumulate(deltas))
    if not positions:
        return docs, counts, None
    places = unframe(zstd, decompressor, places_frame, 4 * sum(counts))
    return docs, counts, _u4(places)


_CODES = {1: "B", 2: "H", 4: "I" if array("I").itemsize == 4 else "L"}


def _little(data: bytes, size: int) -> array[int]:
    """Little-endian unsigned ints of ``size`` bytes."""
    found = array(_CODES[size])
    found.frombytes(data)
    if not _LITTLE and size > 1:
        found.byteswap()
    return found


def _u4(data: bytes) -> array[int]:
    return _little(data, 4)


def big(data: bytes, code: str) -> array[int]:
    """Big-endian numbers (whoosh's arrays in files)."""
    found = array(code)
    found.frombytes(data)
    if _LITTLE and found.itemsize > 1:
        found.byteswap()
    return found


def length_bytes(path: str, count: int) -> bytes:
    """A field-length column's byte per document (0 where the column stops short)."""
    if not os.path.exists(path):
        return bytes(count)
    with open(path, "rb") as handle:
        found = handle.read(count + 1)
    if len(found) > count:
        raise Unreadable(f"{path} holds more lengths than documents")
    return found + bytes(count - len(found))


def whole_length_bytes(reader: Any, field: str) -> bytes | None:
    """Every document's length byte in ``field`` (whoosh's reader, index-wide docnums), read
    from each segment's column file at once; None when a segment keeps its columns in a
    compound file, or not in a folder (whoosh then reads them a document at a time).

    Whoosh's ``doc_field_length`` costs 7 µs a document: 5 s for one field of national-50y's
    720,000 documents, paid by the first query with a hit in that field (an author's name).
    """
    if reader.doc_count_all() == 0:
        return b""  # an index without segments (whoosh's EmptyReader has no files)
    leaves = [leaf for leaf, _ in reader.leaf_readers()]
    folder = getattr(leaves[0]._storage, "folder", None)  # one index: one folder for all
    if not isinstance(folder, str) or any(leaf._segment.is_compound() for leaf in leaves):
        return None
    segments = [(leaf._segment.make_filename(""), leaf.doc_count_all()) for leaf in leaves]
    return field_length_bytes(folder, segments, field)


def field_length_bytes(folder: str, segments: Iterable[tuple[str, int]], field: str) -> bytes:
    """The length bytes of ``field`` of the segments (file name prefix, documents), in order:
    each segment's column (:func:`length_bytes`), joined."""
    return b"".join(
        length_bytes(os.path.join(folder, f"{name}._{field}_len.col"), count)
        for name, count in segments
    )


def segments_of(reader: Any) -> list[tuple[str, int, int, list[int]]]:
    """Each segment of a whoosh reader: (file name prefix, first docnum, documents, deleted).

    For :mod:`reader.index.quick`'s saved state; uses whoosh's readers' private names.
    """
    found = []
    for leaf, base in reader.leaf_readers():
        segment = leaf._segment
        name = segment.make_filename("")
        found.append((name, base, leaf.doc_count_all(), sorted(leaf.deleted_docs_set)))
    return found


def length_table() -> list[int]:
    """Whoosh's length of each of the 256 length bytes (what its scorer reads a length as)."""
    from whoosh.util.numeric import byte_to_length

    return [int(byte_to_length(b)) for b in range(256)]
