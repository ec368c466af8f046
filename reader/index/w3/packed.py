"""Posting lists packed as arrays: a term's postings in a segment as one block of two zstd frames.

Whoosh's layout (see :mod:`reader.index.w3.blocks`) pickles every block of 128 postings and
compresses it with zlib: reading a common term of a billion-character archive is thousands of
blocks, each a zlib stream, a pickle and a bytes object per posting, and the positions must be
inflated to count the documents. Our build writes the folded-text fields this way instead:

* a term's postings in a segment are **one block** of the W3 layout: its length, its info
  pickle ``(postings, last docnum, max weight, PACKED, min length byte, max length byte)``,
  then its data; whoosh's reader finds the block and its statistics as ever (the term table,
  the block info and the postings' extent are unchanged), but cannot decode its data;
* the data is a header ``<BBII`` (the docnum deltas' and the counts' item sizes, the two
  frames' lengths), then two zstd frames with checksums: the **heads** (docnum deltas, the
  first from 0, then each posting's count of positions, as little-endian unsigned ints of
  the smallest size that holds them) and the **positions** (little-endian uint32, posting
  after posting). Counting, facets and BM25 read the heads only; phrases read both, each
  with one decompression and no Python object per posting.

zstd decompresses four times as fast as zlib here and packs the same postings a little
smaller (measured on national-5y: 7.1 MB of block data in 7.2 ms against zlib's 29.8 ms,
3.43 MB against 3.57 MB). :data:`PACKED` in a block's info tells this layout from whoosh's
(a compression level, an int): readers here take either.
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np
import numpy.typing as npt
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching import FilterMatcher
from whoosh.reading import TermNotFound

from reader.index.w3.packed_layout import HEADER, PACKED, SIZES, split, unframe

Ints = npt.NDArray[np.int64]

# zstd's level 1: on national-5y the build took 39.4 s against level 3's 40.7 s, the index
# 703 MB against 699 MB, and queries the same (decompressing costs the same at any level).
LEVEL = 1
_HEADER = HEADER
_SIZES = {size: f"<u{size}" for size in SIZES}


def _zstd() -> Any:
    import zstandard  # a search that reads no packed block (an older index) needs none

    return zstandard


# A compressor and a decompressor per thread (neither may be shared by two at once), made
# once: making one costs more than packing a rare term.
_local = threading.local()


def _compressor() -> Any:
    found = getattr(_local, "compressor", None)
    if found is None:
        found = _local.compressor = _zstd().ZstdCompressor(level=LEVEL, write_checksum=True)
    return found


def _decompressor() -> Any:
    found = getattr(_local, "decompressor", None)
    if found is None:
        found = _local.decompressor = _zstd().ZstdDecompressor()
    return found


def _item_size(values: Ints) -> int:
    top = int(values.max()) if len(values) else 0
    return 1 if top < 1 << 8 else 2 if top < 1 << 16 else 4


def encode(docs: Ints, counts: Ints, positions: npt.NDArray[np.uint32]) -> bytes:
    """The data of a packed block: ascending ``docs``, their ``counts`` and every position."""
    deltas = np.diff(docs, prepend=0)
    deltas_size, counts_size = _item_size(deltas), _item_size(counts)
    heads = (
        deltas.astype(_SIZES[deltas_size]).tobytes() + counts.astype(_SIZES[counts_size]).tobytes()
    )
    compressor = _compressor()
    heads_frame: bytes = compressor.compress(heads)
    places_frame: bytes = compressor.compress(positions.astype("<u4").tobytes())
    return (
        _HEADER.pack(deltas_size, counts_size, len(heads_frame), len(places_frame))
        + heads_frame
        + places_frame
    )


def decode(data: Any, count: int, positions: bool = True) -> tuple[Ints, Ints, Ints | None]:
    """(docnums, counts, positions or None) of a packed block's ``count`` postings.

    ``data`` is the block's data (bytes or a memory view of the mapped file).
    """
    deltas_size, counts_size, heads_frame, places_frame = split(data)
    zstd = _zstd()
    decompressor = _decompressor()
    heads = unframe(zstd, decompressor, heads_frame, count * (deltas_size + counts_size))
    docs = np.cumsum(np.frombuffer(heads, _SIZES[deltas_size], count).astype(np.int64))
    counts = np.frombuffer(heads, _SIZES[counts_size], count, count * deltas_size).astype(np.int64)
    if not positions:
        return docs, counts, None
    places = unframe(zstd, decompressor, places_frame, 4 * int(counts.sum()))
    return docs, counts, np.frombuffer(places, "<u4").astype(np.int64)


class Packed:
    """A packed term's postings in one segment, read when asked (deleted documents left out).

    Stands where whoosh's matcher would (see :func:`postings`): whoosh can find a packed
    block but not decode it.
    """

    def __init__(self, matcher: Any, deleted: frozenset[int]) -> None:
        self.matcher = matcher
        self.deleted = deleted

    def read(self, positions: bool = True) -> tuple[Ints, Ints, Ints | None]:
        """(docnums, counts, positions or None), ascending by docnum."""
        leaf = self.matcher
        data = leaf._postfile.get(leaf._dataoffset, leaf._nextoffset - leaf._dataoffset)
        docs, counts, places = decode(data, leaf._blocklength, positions)
        if self.deleted:
            kept = ~np.isin(docs, np.fromiter(self.deleted, np.int64, len(self.deleted)))
            if places is not None:
                places = places[np.repeat(kept, counts)]
            docs, counts = docs[kept], counts[kept]
        return docs, counts, places


def term_info(reader: Any, field: str, text: str | bytes) -> Any | None:
    """A term's info in a segment's reader (``doc_frequency()``: its documents, deleted ones
    included), or None when the segment lacks it; for :func:`postings`.

    One lookup in the term table, where ``(field, text) in reader``, then
    ``reader.doc_frequency`` and ``reader.postings`` look the term up once each (25 µs a
    lookup: a phrase's bigrams in four fields of 26 segments made 2,000 of them).
    """
    terms = getattr(reader, "_terms", None)
    if terms is None:  # whoosh's EmptyReader: an index without segments has no terms
        return None
    try:
        return terms.term_info(field, reader._text_to_bytes(field, text))
    except TermNotFound:
        return None


def postings(reader: Any, field: str, text: str | bytes, info: Any | None = None) -> Any:
    """A term's postings in a segment's reader: :class:`Packed`, or whoosh's matcher.

    What ``reader.postings()`` does, except that a packed term is not handed to whoosh's
    matchers (which would decode its block to skip deleted documents). ``info`` is the
    term's :func:`term_info`, when looked up already.
    """
    format_ = reader.schema[field].format
    tbytes = reader._text_to_bytes(field, text)
    terms = reader._terms
    if info is None:
        matcher = terms.matcher(field, tbytes, format_)
    else:
        matcher = terms._codec.postings_reader(terms._postfile, info, format_, term=(field, tbytes))
    deleted = reader.deleted_docs_set
    if isinstance(matcher, W3LeafMatcher) and matcher._compression == PACKED:
        return Packed(matcher, deleted)
    return FilterMatcher(matcher, deleted, exclude=True) if deleted else matcher


def posting_items(reader: Any, field: str, text: str | bytes) -> list[tuple[int, float, bytes]]:
    """Every posting of a term in a segment as whoosh gives them: (docnum, weight, value).

    Weights are the stored float32s (counts times the field's boost); for merges and tests.
    """
    found = postings(reader, field, text)
    if not isinstance(found, Packed):
        pairs = []
        while found.is_active():
            pairs.append((found.id(), found.weight(), found.value()))
            found.next()
        return pairs
    docs, counts, places = found.read()
    assert places is not None
    boost = reader.schema[field].format.field_boost
    weights = (counts * boost).astype(np.float32).astype(np.float64).tolist()
    ends = np.cumsum(counts).tolist()
    raw = places.astype("<u4").tobytes()
    values = [raw[4 * (end - n) : 4 * end] for end, n in zip(ends, counts.tolist(), strict=True)]
    return list(zip(docs.tolist(), weights, values, strict=True))
