"""Whoosh's ``SegmentWriter`` with a pool of postings grouped per term, written in blocks.

Whoosh's stock writer keeps every posting as a tuple, sorts them all and writes them one
call at a time; a CJK index has close to one posting per character, so that is most of the
build time (profiled: sorting, re-reading the sorted runs, and a disk read of the document's
field length for every single posting). :class:`PoolWriter` takes its pool from the caller
(``reader.index.term_pool.TermPool``: postings grouped per term, in document order) and writes
each term a block at a time (:func:`reader.index.w3.blocks.write_term`).
"""

from __future__ import annotations

import heapq
import os
from collections.abc import Callable, Iterator
from typing import Any, Protocol

import numpy as np
from whoosh.codec.whoosh3 import W3Codec
from whoosh.filedb.filetables import crc_hash
from whoosh.util import random_name
from whoosh.writing import SegmentWriter

from reader.index.analysis import FieldValue, FoldedText, LongText
from reader.index.chunks import chunk_units
from reader.index.pooling import ArrayPool
from reader.index.vectors import Codes, Positions
from reader.index.w3.arrays import write_window
from reader.index.w3.blocks import write_term
from reader.index.w3.packed import posting_items
from reader.index.w3.terms import Bucket


class Pool(Protocol):
    """What the writer needs of a pool of postings."""

    def add(self, item: tuple[str, bytes, int, float, bytes]) -> None:
        """Add one posting ``(fieldname, term, docnum, weight, value)`` (merges call this)."""

    @property
    def arrays(self) -> ArrayPool:
        """Where folded text goes (as term codes and positions)."""

    def add_arrays(self, fieldname: str, docnum: int, codes: Codes, places: Positions) -> int:
        """Add a document's term uses in a folded text field (or the next chunk of them);
        return how many were added."""

    @property
    def fieldnames(self) -> set[str]:
        """The fields with postings given to :meth:`add`."""

    def terms(self) -> Iterator[tuple[str, str, list[Any]]]:
        """Every term with its postings (flat: docnum, weight, value, ...), in term order."""

    def cleanup(self) -> None:
        """Delete what the pool wrote to disk."""


class PoolWriter(SegmentWriter):  # type: ignore[misc]  # whoosh is untyped
    """A ``SegmentWriter`` writing one new segment through ``make_pool(folder)``'s pool.

    Without ``lock`` it is a part of a parallel build: the parent holds whoosh's lock and
    commits the part's segment (see :meth:`finish_part`) with its own.
    """

    def __init__(self, ix: Any, make_pool: Callable[[str], Pool], lock: bool = True) -> None:
        # Separate files, not one compound file: whoosh reads a compound segment by copying it
        # whole into memory (BytesIO over the mmap) every time a reader opens it.
        super().__init__(ix, codec=W3Codec(), compound=False, _lk=lock)
        _hash_terms_with_crc32(self.fieldwriter._tindex)
        # A folder of its own: whoosh's temp folder is shared by all writers of the index.
        self.pool = make_pool(os.path.join(self.storage.folder, f"pool-{random_name()}.tmp"))
        self._sealed: Any = None

    def add_postings_to_pool(self, reader: Any, startdoc: int, docmap: Any) -> None:
        """Pool a merged segment's postings (whoosh's own reading cannot decode packed blocks)."""
        add = self.pool.add
        for item in self._process_posts(_segment_postings(reader), startdoc, docmap):
            add(item)

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
                    length = _add_folded(pool, name, docnum, value)
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

    def seal(self) -> None:
        """Write this writer's segment now (its postings and all), to be committed later by
        :meth:`commit_with`: a parallel build's parent writes its own while workers write
        theirs, instead of after them."""
        self._check_state()
        self._sealed = self._finalize_segment()

    @property
    def is_sealed(self) -> bool:
        """Whether :meth:`seal` wrote the segment."""
        return self._sealed is not None

    def commit_with(self, parts: list[Any]) -> None:
        """Commit this writer's segment together with ``parts`` (what MpWriter does)."""
        self._check_state()
        own = self._sealed
        if own is None and self._added:
            own = self._finalize_segment()
        elif own is None:
            self._close_segment()  # no documents of its own: the parts are the new segments
        self._commit_toc([*self.segments, *parts, *([own] if own is not None else [])])
        self._finish()

    def finish_part(self) -> Any:
        """Close this part's segment, uncommitted, and return it for the parent to commit."""
        self._check_state()
        segment = self._finalize_segment()
        self.is_closed = True
        return segment

    def cancel(self) -> None:
        """Stop writing and delete the pool; a part leaves whoosh's temp folder to its parent."""
        if self._sealed is not None:
            # Its files are written and closed; uncommitted, they are deleted with the build.
            self._check_state()
            self._finish()
            return
        if self.writelock is not None:
            super().cancel()
            return
        self._check_state()
        self._close_segment()
        self.is_closed = True

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        reader = self.per_document_reader()
        try:
            _write_postings(self.fieldwriter, self.schema, reader, self.pool, self.docnum)
        finally:
            reader.close()
        self.fieldwriter.close()


def _add_folded(pool: Pool, name: str, docnum: int, value: FieldValue) -> int:
    """Pool a folded text field's term uses; a long text a chunk at a time. Return its length."""
    arrays = pool.arrays
    if not isinstance(value, LongText):
        parts = (value,) if isinstance(value, str) else tuple(value)
        return pool.add_arrays(name, docnum, *arrays.short_units(parts))
    length = 0
    for codes, places in chunk_units(value, arrays.vocab):
        length += pool.add_arrays(name, docnum, codes, places)
    return length


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
    # Each term's hash and place, kept until the table is closed: 16 bytes, not a tuple of
    # two ints in a list (over 100 bytes; a county-10y segment has over a million terms).
    table.buckets = [Bucket() for _ in table.buckets]


_CRC32 = 1


def _write_postings(
    fieldwriter: Any, schema: Any, lengths: Any, pool: Pool, doc_count: int
) -> None:
    """Write every field's terms: folded text from arrays, the rest (and whatever a merge of
    segments pooled) a term at a time."""
    pooled = _ByField(pool.terms())
    arrays = pool.arrays
    for fieldname in sorted(pool.fieldnames | arrays.fieldnames):
        field = schema[fieldname]
        fieldwriter.start_field(fieldname, field)
        field_lengths: list[int] | None = None
        if field.scorable:
            # One read per document, not one per posting as the stock writer does.
            field_lengths = [lengths.doc_field_length(d, fieldname) for d in range(doc_count)]
        terms = pooled.take(fieldname)
        boost = field.format.field_boost
        if fieldname in arrays.fieldnames and field_lengths is not None:
            windows = arrays.windows(fieldname)
            if terms is None:
                doc_lengths = np.array([n or 0 for n in field_lengths], np.int64)
                for w in windows:
                    write_window(
                        fieldwriter, w.terms, w.counts, w.docs, w.places, doc_lengths, boost
                    )
                fieldwriter.finish_field()
                continue
            terms = _union(terms, _flat(windows, boost))
        for term, postings in terms or ():
            write_term(fieldwriter, term.encode("utf-8"), postings, field_lengths)
        fieldwriter.finish_field()


class _ByField:
    """A stream of (field, term, postings) in field order, taken a field at a time."""

    def __init__(self, stream: Iterator[tuple[str, str, list[Any]]]) -> None:
        self._stream = stream
        self._next = next(stream, None)

    def take(self, fieldname: str) -> Iterator[tuple[str, list[Any]]] | None:
        """The field's terms and postings, or None when it has none (read them all before
        taking the next field)."""
        if self._next is None or self._next[0] != fieldname:
            return None
        return self._field(fieldname)

    def _field(self, fieldname: str) -> Iterator[tuple[str, list[Any]]]:
        while self._next is not None and self._next[0] == fieldname:
            _, term, postings = self._next
            self._next = next(self._stream, None)
            yield term, postings


def _flat(windows: Iterator[Any], boost: float) -> Iterator[tuple[str, list[Any]]]:
    """Windows of pooled arrays as terms with flat postings (docnum, weight, value, ...)."""
    for w in windows:
        at = 0
        for term, count in zip(w.terms, w.counts.tolist(), strict=True):
            docs = w.docs[at : at + count]
            places = w.places[at : at + count]
            at += count
            firsts = np.flatnonzero(np.concatenate(([True], docs[1:] != docs[:-1])))
            ends = [*firsts[1:].tolist(), count]
            postings: list[Any] = []
            for first, end in zip(firsts.tolist(), ends, strict=True):
                value = places[first:end].astype("<u4").tobytes()
                postings += (int(docs[first]), (end - first) * boost, value)
            yield term, postings


def _union(
    a: Iterator[tuple[str, list[Any]]], b: Iterator[tuple[str, list[Any]]]
) -> Iterator[tuple[str, list[Any]]]:
    """Two streams of terms in order as one; a term in both has its postings in docnum order."""
    merged = heapq.merge(a, b, key=lambda item: item[0])
    last: tuple[str, list[Any]] | None = None
    for term, postings in merged:
        if last is not None and last[0] == term:
            triples = sorted(zip(*[iter(last[1] + postings)] * 3, strict=True), key=lambda t: t[0])
            last = (term, [x for triple in triples for x in triple])
            continue
        if last is not None:
            yield last
        last = (term, postings)
    if last is not None:
        yield last


def _segment_postings(reader: Any) -> Iterator[tuple[str, bytes, int, float, bytes]]:
    """Every live posting of a segment as whoosh's ``iter_postings`` gives them, packed or not."""
    for fieldname, tbytes in reader.all_terms():
        for docnum, weight, value in posting_items(reader, fieldname, tbytes):
            yield fieldname, tbytes, docnum, weight, value
