"""The W3 codec's posting lists, written and read a block (not a posting) at a time.

One term's postings in the ``.pst`` file are the 4-byte header magic, then blocks of up to
:data:`BLOCK_SIZE` postings. A block is its signed length (negative for the last block), its
pickled *info* ``(postings, last docnum, max weight, compression level, min length byte,
max length byte)``, then its *data*: the pickle of ``(docnum deltas, weights, values)``,
zlib-compressed when the compression level is not 0. The term's row in the ``.trm`` table
(:data:`_TERMINFO`) holds its statistics and either the postings themselves (a rare term,
inlined) or where its blocks are.

Whoosh writes and reads this a posting at a time with several Python calls each; both
directions here do it a block at a time, and this is the only description of the layout.
Our build writes the folded-text fields' longer lists otherwise: one *packed* block per term
(:mod:`reader.index.w3.packed`), whose info says so in place of the compression level; what
is here still writes the other fields and reads indexes written by whoosh's own writer.
"""

from __future__ import annotations

import io
import operator
import pickle
import struct
import zlib
from array import array
from collections.abc import Iterator, Sequence
from itertools import accumulate
from typing import Any

from whoosh import matching
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3LeafMatcher
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util.numeric import length_to_byte

# Postings per block, as W3Codec writes them (the reader skips whole blocks by their stats).
BLOCK_SIZE = 128
# Terms with this many postings or fewer are stored inside the term table (most bigrams are
# rare: writing them a compressed block each would cost more than the postings themselves).
INLINE_LIMIT = 16
# Pickles are written with a protocol that has a bytes opcode: whoosh's protocol 2 turns every
# posting value into a latin-1 string. Whoosh reads either (pickle.loads knows them all).
PICKLE_PROTOCOL = 4
# The zlib level of block data (W3Codec's default).
COMPRESSION = 3
# A block's signed length.
_BLOCK_LENGTH = struct.Struct("!i")
# Where the compression level is in a block's info tuple.
_INFO_COMPRESSION = 3
# W3TermInfo's layout: inlined?, total weight, doc frequency, min and max length (as bytes),
# max weight, first and last docnum; then the inlined postings or the postings' extent.
_TERMINFO = struct.Struct("!BfIBBfII")

# A block's values: one bytes per posting, or None in a field without values (an ID field).
Values = Sequence[bytes] | None


def write_term(
    fieldwriter: Any, tbytes: bytes, postings: list[Any], lengths: list[int] | None
) -> None:
    """Write one term's postings (flat: docnum, weight, value, ...) in the current field.

    Equivalent to W3FieldWriter.start_term(), W3PostingsWriter.add_posting() for each
    posting and finish_term(). ``lengths`` holds every document's length in a scorable field.
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
            block = _encode_block(
                docnums[start:end],
                weights[start:end],
                values[start:end],
                doc_lengths[start:end] if doc_lengths else None,
                fixed_size,
            )
            postfile.write(_BLOCK_LENGTH.pack(-len(block) if end >= count else len(block)))
            postfile.write(block)
        tail = pack_long(offset) + pack_int(postfile.tell() - offset)
    fieldwriter._tindex.add(pack_ushort(fieldwriter._fieldid) + tbytes, head + tail)


def _kept_values(values: list[bytes]) -> tuple[bytes, ...]:
    """The values whoosh keeps: an empty value (a field without positions) is not stored."""
    if values and values[0]:
        return tuple(values)
    return tuple(v for v in values if v)


def _encode_block(
    ids: list[int],
    weights: list[float],
    values: list[bytes],
    doc_lengths: list[int] | None,
    fixed_size: int | None,
) -> bytes:
    """A block's info and data (what W3PostingsWriter._write_block() writes after the length)."""
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
    data = pickle.dumps((deltas, mini_weights, mini_values), PICKLE_PROTOCOL)
    info = pickle.dumps(
        (
            count,
            ids[-1],
            max(weights),
            COMPRESSION,
            length_to_byte(min(doc_lengths)) if doc_lengths else 0,
            length_to_byte(max(doc_lengths)) if doc_lengths else 0,
        ),
        PICKLE_PROTOCOL,
    )
    return info + zlib.compress(data, COMPRESSION)


def _decode_data(data: bytes, compressed: bool) -> tuple[list[int], Values]:
    """A block's docnums and values, from its data (the inverse of :func:`_encode_block`)."""
    deltas, _, values = pickle.loads(zlib.decompress(data) if compressed else data)
    return list(accumulate(deltas)), values


def blocks(matcher: Any) -> Iterator[tuple[list[int], Values]]:
    """(docnums, values) of each block of a fresh matcher from ``reader.postings()``.

    Values are None in a field without them (an ID field); otherwise positions are never
    empty, so none are left out.
    """
    if isinstance(matcher, W3LeafMatcher):
        yield from _leaf_blocks(matcher)
    elif isinstance(matcher, matching.FilterMatcher):
        # A segment with deleted documents: whoosh filters its postings by that set.
        wanted, exclude = matcher._ids, matcher._exclude
        for ids, values in blocks(matcher.child):
            kept = [i for i, d in enumerate(ids) if (d in wanted) != exclude]
            yield [ids[i] for i in kept], None if values is None else [values[i] for i in kept]
    else:
        # An inlined posting list (a ListMatcher): already in memory.
        items = list(matcher.all_items())
        yield [d for d, _ in items], [v for _, v in items]


def _leaf_blocks(matcher: Any) -> Iterator[tuple[list[int], Values]]:
    """Each block read with one call; the deltas are summed in C (whoosh's own decoding takes
    a Python generator and several reads a block)."""
    if not matcher.is_active():
        return
    postfile = matcher._postfile
    data = postfile.get(matcher._dataoffset, matcher._nextoffset - matcher._dataoffset)
    packed, last, end = matcher._compression, matcher._lastblock, matcher._nextoffset
    skip = matcher._i  # whoosh's matcher may already stand past the first posting
    while True:
        ids, values = _decode_data(data, bool(packed))
        if skip:
            ids, values = ids[skip:], None if values is None else values[skip:]
        yield ids, values
        if last:
            return
        skip = 0
        (length,) = _BLOCK_LENGTH.unpack(postfile.get(end, _BLOCK_LENGTH.size))
        last, length = length < 0, abs(length)
        block = postfile.get(end + _BLOCK_LENGTH.size, length)
        stream = io.BytesIO(block)
        packed = pickle.load(stream)[_INFO_COMPRESSION]
        data = block[stream.tell() :]
        end += _BLOCK_LENGTH.size + length
