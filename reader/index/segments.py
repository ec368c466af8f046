"""Writing whoosh segments term by term instead of posting by posting.

Whoosh's stock ``SegmentWriter`` keeps every posting as a tuple, sorts them all and writes
them one call at a time; a CJK index has close to one posting per character, so that is most
of the build time (profiled: sorting, re-reading the sorted runs, and a disk read of the
document's field length for every single posting). :class:`SegmentBuilder` keeps postings
grouped per term (already in document order), and writes each term's postings a block at a
time, inlining the postings of rare terms into the term table.

This reaches into the W3 codec's writer objects (whoosh-reloaded is pinned to 2.7.5 for this
reason); ``tests/index/test_segments.py`` checks that an index written here reads back
exactly like one written by the stock writer.
"""

from __future__ import annotations

import heapq
import marshal
import operator
import os
import pickle
import shutil
import struct
import zlib
from array import array
from collections.abc import Iterator
from typing import Any

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3Codec, W3FieldWriter
from whoosh.filedb.filetables import crc_hash
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util import random_name
from whoosh.util.numeric import length_to_byte
from whoosh.writing import SegmentWriter

from reader.index.analysis import FoldedText, pack_positions, term_positions

# Postings kept in memory before a sorted run is written to the temp folder (~100 MB).
POOL_POSTINGS = 1_000_000
# Terms with this many postings or fewer are stored inside the term table (most bigrams are
# rare: writing them a compressed block each would cost more than the postings themselves).
INLINE_LIMIT = 16

# Each pool entry is a flat list: docnum, weight, value, docnum, weight, value, ...
Postings = list[Any]


class TermPool:
    """Postings grouped by (field, term), spilled to sorted runs when memory fills up.

    Stands in for whoosh's ``PostingPool``: ``add`` takes whoosh's posting tuples (so merging
    segments still works), :meth:`add_positions` takes a whole field of a document at once,
    and :meth:`terms` gives each term's postings in term order.
    """

    def __init__(self, folder: str, limit: int = POOL_POSTINGS) -> None:
        self.folder = folder
        self.limit = limit
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

    def add_positions(
        self, fieldname: str, docnum: int, positions: dict[str, list[int]], boost: float
    ) -> int:
        """Add a document's postings for one field; return the field's length (token count)."""
        terms = self._terms_of(fieldname)
        get = terms.get
        length = 0
        for term, where in positions.items():
            count = len(where)
            length += count
            value = pack_positions(where)
            # An int weight when unboosted: small ints are shared objects, floats are not.
            weight = count if boost == 1.0 else count * boost
            postings = get(term)
            if postings is None:
                terms[term] = [docnum, weight, value]
            else:
                postings += (docnum, weight, value)
        self._count += len(positions)
        if self._count >= self.limit:
            self._spill()
        return length

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
            for entry in self._sorted():
                chunk.append(entry)
                if len(chunk) == _RUN_CHUNK:
                    _write_chunk(handle, chunk)
                    chunk = []
            if chunk:
                _write_chunk(handle, chunk)
        self.runs.append(path)
        self._fields = {}
        self._count = 0

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


# Terms per marshal chunk in a run file.
_RUN_CHUNK = 2000


def _write_chunk(handle: Any, chunk: list[tuple[str, str, Postings]]) -> None:
    data = marshal.dumps(chunk)
    handle.write(len(data).to_bytes(4, "little"))
    handle.write(data)


def _entry_key(entry: tuple[str, str, Postings]) -> tuple[str, str]:
    return entry[0], entry[1]


class SegmentBuilder(SegmentWriter):  # type: ignore[misc]  # whoosh is untyped
    """A whoosh ``SegmentWriter`` that pools postings per term and writes them in blocks."""

    def __init__(self, ix: Any, pool_postings: int = POOL_POSTINGS, **kwargs: Any) -> None:
        # Separate files, not one compound file: whoosh reads a compound segment by copying it
        # whole into memory (BytesIO over the mmap) every time a reader opens it.
        super().__init__(ix, codec=W3Codec(), compound=False, **kwargs)
        _hash_terms_with_crc32(self.fieldwriter._tindex)
        # A folder of its own: whoosh's temp folder is shared by all writers of the index.
        folder = os.path.join(self.storage.folder, f"pool-{random_name()}.tmp")
        self.pool = TermPool(folder, pool_postings)

    def add_document(self, **fields: Any) -> None:
        """Add a document; :class:`FoldedText` fields go to the pool a field at a time.

        The other fields take whoosh's own path (``SegmentWriter.add_document``, minus the
        features this schema does not use: boosts, spelling, vectors, ``_stored_`` values).
        """
        self._check_state()
        schema = self.schema
        names = sorted(fields)
        self._check_fields(schema, names)
        perdocwriter = self.perdocwriter
        docnum = self.docnum
        pool = self.pool
        perdocwriter.start_doc(docnum)
        try:
            for name in names:
                value = fields[name]
                if value is None:
                    continue
                field = schema[name]
                length = 0
                if isinstance(field, FoldedText):
                    parts = [value] if isinstance(value, str) else value
                    positions = term_positions(parts)
                    length = pool.add_positions(name, docnum, positions, field.format.field_boost)
                elif field.indexed:
                    for tbytes, freq, weight, vbytes in field.index(value):
                        if field.scorable:
                            length += freq
                        pool.add((name, tbytes, docnum, weight, vbytes))
                perdocwriter.add_field(name, field, value if field.stored else None, length)
                if field.column_type:
                    perdocwriter.add_column_value(
                        name, field.column_type, field.to_column_value(value)
                    )
        except BaseException:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        reader = self.per_document_reader()
        try:
            _write_postings(self.fieldwriter, self.schema, reader, self.pool, self.docnum)
        finally:
            reader.close()
        self.fieldwriter.close()


def _hash_terms_with_crc32(table: Any) -> None:
    """Make a new term table hash its keys with CRC32 (whoosh's hash type 1), not MD5.

    MD5 costs a hex digest parsed back to an int in Python for every term; CRC32 is one C
    call. The type is in the file's header, where readers take it from.
    """
    dbfile = table.dbfile
    here = dbfile.tell()
    dbfile.seek(table.startoffset + len(b"HSH3"))
    dbfile.write_byte(_CRC32)
    dbfile.seek(here)
    table.hashtype = _CRC32
    table.hashfn = crc_hash


_CRC32 = 1


def _write_postings(
    fieldwriter: W3FieldWriter, schema: Any, lengths: Any, pool: TermPool, doc_count: int
) -> None:
    current = None
    field_lengths: list[int] | None = None
    for fieldname, term, postings in pool.terms():
        if fieldname != current:
            if current is not None:
                fieldwriter.finish_field()
            field = schema[fieldname]
            fieldwriter.start_field(fieldname, field)
            current = fieldname
            field_lengths = None
            if field.scorable:
                # One read per document, not one per posting as the stock writer does.
                field_lengths = [lengths.doc_field_length(d, fieldname) for d in range(doc_count)]
        _write_term(fieldwriter, term.encode("utf-8"), postings, field_lengths)
    if current is not None:
        fieldwriter.finish_field()


def _write_term(
    fieldwriter: W3FieldWriter, tbytes: bytes, postings: Postings, lengths: list[int] | None
) -> None:
    """Write one term's postings as whoosh's W3 codec lays them out.

    Equivalent to W3FieldWriter.start_term(), W3PostingsWriter.add_posting() for each
    posting and finish_term(), computed a block (not a posting) at a time.
    """
    docnums = postings[0::3]
    # Weights are float32 on disk; round them the same way here so maxima agree.
    weights = array("f", postings[1::3]).tolist()
    values = postings[2::3]
    count = len(docnums)
    # Every document in a posting list has the field, so a scorable length is at least 1.
    doc_lengths = [lengths[d] for d in docnums] if lengths is not None else None
    inline = count <= INLINE_LIMIT
    # Summed block by block, as W3TermInfo.add_block() does (float rounding must agree).
    total = 0.0
    for start in range(0, count, BLOCK_SIZE):
        total += sum(weights[start : start + BLOCK_SIZE])
    head = _TERMINFO.pack(
        inline,
        total,
        count,
        length_to_byte(min(doc_lengths)) if doc_lengths else 0,
        length_to_byte(max(doc_lengths)) if doc_lengths else 0,
        max(weights),
        docnums[0],
        docnums[-1],
    )
    fixed_size = fieldwriter._format.fixed_value_size()
    if inline:
        # W3PostingsWriter means to inline short lists but calls a method that does not exist
        # (set_inline), so its inlinelimit can't be raised; inlining is done here instead.
        # A format without values reads None from a block: store that, not nothing.
        kept = (None,) * count if fixed_size == 0 else _kept_values(values)
        # ListMatcher reads weights None as 1.0 each (the usual case: 9 bytes a posting saved).
        stored_weights = None if weights.count(1.0) == count else tuple(weights)
        tail = pickle.dumps((tuple(docnums), stored_weights, kept), PICKLE_PROTOCOL)
    else:
        postfile = fieldwriter._postfile
        offset = postfile.tell()
        postfile.write(WHOOSH3_HEADER_MAGIC)
        for start in range(0, count, BLOCK_SIZE):
            end = start + BLOCK_SIZE
            _write_block(
                postfile,
                docnums[start:end],
                weights[start:end],
                values[start:end],
                doc_lengths[start:end] if doc_lengths else None,
                fixed_size,
                last=end >= count,
            )
        tail = pack_long(offset) + pack_int(postfile.tell() - offset)
    fieldwriter._tindex.add(pack_ushort(fieldwriter._fieldid) + tbytes, head + tail)


def _kept_values(values: list[bytes]) -> tuple[bytes, ...]:
    """The values whoosh keeps: an empty value (a field without positions) is not stored."""
    if values and values[0]:
        return tuple(values)
    return tuple(v for v in values if v)


# Postings per block, as W3Codec writes them (the reader skips whole blocks by their stats).
BLOCK_SIZE = 128
# Pickles are written with a protocol that has a bytes opcode: whoosh's protocol 2 turns every
# posting value into a latin-1 string. Whoosh reads either (pickle.loads knows them all).
PICKLE_PROTOCOL = 4
# W3TermInfo's layout: inlined?, total weight, doc frequency, min and max length (as bytes),
# max weight, first and last docnum; then the inlined postings or the postings' extent.
_TERMINFO = struct.Struct("!BfIBBfII")


def _write_block(
    postfile: Any,
    ids: list[int],
    weights: list[float],
    values: list[bytes],
    doc_lengths: list[int] | None,
    fixed_size: int | None,
    last: bool,
) -> None:
    """What W3PostingsWriter._write_block() writes for these postings."""
    count = len(weights)
    if weights.count(1.0) == count:
        mini_weights: object = None
    elif weights.count(weights[0]) == count:
        mini_weights = weights[0]
    else:
        mini_weights = tuple(weights)
    if fixed_size is None or fixed_size < 0:
        mini_values: object = _kept_values(values)
    elif fixed_size == 0:
        mini_values = None
    else:
        mini_values = b"".join(values)
    deltas = tuple(map(operator.sub, ids, [0, *ids[:-1]]))
    data = zlib.compress(pickle.dumps((deltas, mini_weights, mini_values), PICKLE_PROTOCOL), 3)
    info = pickle.dumps(
        (
            count,
            ids[-1],
            max(weights),
            3,
            length_to_byte(min(doc_lengths)) if doc_lengths else 0,
            length_to_byte(max(doc_lengths)) if doc_lengths else 0,
        ),
        PICKLE_PROTOCOL,
    )
    size = len(info) + len(data)
    postfile.write_int(-size if last else size)
    postfile.write(info)
    postfile.write(data)
