"""W3 posting lists written from arrays: the pickles of every block built with numpy at once.

The layout is that of :mod:`reader.index.w3.blocks` (which says what each part holds). A
block's data is the pickle of ``(docnum deltas, weights, values)``: each value the bytes of
the posting's positions. Written posting by posting, that is a Python object per number
and per value; here the opcodes of every posting of a window of terms are laid out in three
byte buffers (the ints, the weights, the values), in posting order, so a block's tuples are
slices of them between a few fixed opcodes. What ``pickle.loads`` makes of the result is
exactly what ``pickle.dumps`` was given by :func:`~reader.index.w3.blocks.write_term` (only
the pickle's framing and memo opcodes, which change nothing read back, are left out).
"""

from __future__ import annotations

import pickle
import zlib
from typing import Any

import numpy as np
import numpy.typing as npt
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util.numeric import _length_byte_cache

from reader.index.w3.blocks import (
    _BLOCK_LENGTH,
    _TERMINFO,
    BLOCK_SIZE,
    COMPRESSION,
    INLINE_LIMIT,
    PICKLE_PROTOCOL,
)
from reader.index.w3.terms import add_terms

Ints = npt.NDArray[np.int64]

_START = b"\x80\x04("  # PROTO 4, MARK: the outer tuple's first item, a tuple, starts
_MARK, _TUPLE, _NONE, _TUPLE3, _STOP = b"(", b"t", b"N", b"\x87", b"."
_LENGTH_BYTES = np.asarray(_length_byte_cache, np.int64)
_MAX_LENGTH = 106374  # whoosh's length_to_byte gives 255 from here on


def length_bytes(lengths: Ints) -> Ints:
    """whoosh's ``length_to_byte`` of each length."""
    found = np.searchsorted(_LENGTH_BYTES, lengths, side="left")
    return np.where(lengths >= _MAX_LENGTH, 255, found)


def _ints(values: Ints) -> tuple[bytes, Ints]:
    """The pickle opcodes of non-negative ints below 2**31, and where each one starts."""
    size = np.where(values < 256, 2, np.where(values < 65536, 3, 5))
    starts = np.concatenate(([0], np.cumsum(size)))
    out = np.empty(int(starts[-1]), np.uint8)
    at = starts[:-1]
    out[at] = np.where(size == 2, ord("K"), np.where(size == 3, ord("M"), ord("J")))
    lanes = values.astype("<u4").view(np.uint8).reshape(-1, 4)
    out[at + 1] = lanes[:, 0]
    wide = size > 2
    out[at[wide] + 2] = lanes[wide, 1]
    wider = size > 3
    out[at[wider] + 3] = lanes[wider, 2]
    out[at[wider] + 4] = lanes[wider, 3]
    return out.tobytes(), starts


def _floats(values: npt.NDArray[np.float64]) -> bytes:
    """The pickle opcodes (BINFLOAT: 9 bytes each) of floats."""
    table = np.empty((len(values), 9), np.uint8)
    table[:, 0] = ord("G")
    table[:, 1:] = values.astype(">f8").view(np.uint8).reshape(-1, 8)
    return table.tobytes()


def _small_ints(values: npt.NDArray[np.float64]) -> bytes:
    """The pickle opcodes (BININT1: 2 bytes each) of whole numbers from 0 to 255."""
    table = np.empty((len(values), 2), np.uint8)
    table[:, 0] = ord("K")
    table[:, 1] = values
    return table.tobytes()


def _values(places: npt.NDArray[np.uint32], counts: Ints) -> tuple[bytes, Ints]:
    """The pickle opcodes of each posting's value (its positions as little-endian uint32s),
    and where each one starts."""
    nbytes = counts * 4
    short = nbytes < 256
    head = np.where(short, 2, 5)
    starts = np.concatenate(([0], np.cumsum(head + nbytes)))
    out = np.empty(int(starts[-1]), np.uint8)
    at = starts[:-1]
    # SHORT_BINBYTES and a length byte, or BINBYTES and four.
    out[at] = np.where(short, ord("C"), ord("B"))
    sizes = nbytes.astype("<u4").view(np.uint8).reshape(-1, 4)
    out[at + 1] = sizes[:, 0]
    for lane in (1, 2, 3):
        out[at[~short] + 1 + lane] = sizes[~short, lane]
    # Position j of posting p goes 4 * j bytes in, past the heads of postings up to p.
    where = np.repeat(np.cumsum(head), counts) + 4 * np.arange(len(places))
    lanes = places.astype("<u4").view(np.uint8).reshape(-1, 4)
    for lane in range(4):
        out[where + lane] = lanes[:, lane]
    return out.tobytes(), starts


def write_window(
    fieldwriter: Any,
    terms: list[str],
    counts: Ints,
    docs: npt.NDArray[np.uint32],
    places: npt.NDArray[np.uint32],
    lengths: Ints,
    boost: float,
) -> None:
    """Write consecutive terms of the current field (see ``reader.index.pooling.Window``).

    Each term as :func:`reader.index.w3.blocks.write_term` writes it; ``lengths`` holds every
    document's length in the field.
    """
    if not terms:
        return
    term_of = np.repeat(np.arange(len(terms)), counts)
    new = np.ones(len(docs), np.bool_)
    new[1:] = (term_of[1:] != term_of[:-1]) | (docs[1:] != docs[:-1])
    firsts = np.flatnonzero(new)
    p_docs = docs[firsts].astype(np.int64)
    p_counts = np.diff(np.append(firsts, len(docs)))
    p_terms = term_of[firsts]
    t_first = np.searchsorted(p_terms, np.arange(len(terms) + 1))
    t_size = np.diff(t_first)
    # Weights are float32 on disk: rounded the same way here, so that maxima agree.
    weights = (p_counts * boost).astype(np.float32).astype(np.float64)
    p_lengths = lengths[p_docs]
    # A block's docnums are deltas from the one before, the first from 0; inlined: absolute.
    index = np.arange(len(p_docs)) - t_first[p_terms]
    previous = np.concatenate(([0], p_docs[:-1]))
    restart = (index % BLOCK_SIZE == 0) | (t_size[p_terms] <= INLINE_LIMIT)
    ints, int_at = _ints(p_docs - np.where(restart, 0, previous))
    # A tuple of weights may hold ints where they are whole (2 bytes each, not 9): whoosh
    # reads them as they are and scores them alike (a lone block weight stays a float).
    if weights.max() < 256 and (weights == np.round(weights)).all():
        tuple_weights, stride = _small_ints(weights), 2
    else:
        tuple_weights, stride = _floats(weights), 9
    floats = _floats(weights)
    values, value_at = _values(places, p_counts)
    # Per block (a term's run of up to BLOCK_SIZE postings; an inlined term is one block).
    b_first = np.flatnonzero(index % BLOCK_SIZE == 0)
    b_last = np.append(b_first[1:], len(p_docs)) - 1
    b_max = np.maximum.reduceat(weights, b_first)
    b_min = np.minimum.reduceat(weights, b_first)
    b_short = length_bytes(np.minimum.reduceat(p_lengths, b_first))
    b_long = length_bytes(np.maximum.reduceat(p_lengths, b_first))
    starts = t_first[:-1]
    t_total = np.add.reduceat(weights, starts)
    t_max = np.maximum.reduceat(weights, starts)
    t_short = length_bytes(np.minimum.reduceat(p_lengths, starts))
    t_long = length_bytes(np.maximum.reduceat(p_lengths, starts))
    t_last = p_docs[t_first[1:] - 1]
    blocks_of = np.searchsorted(b_first, t_first)

    b_first_l, b_last_l = b_first.tolist(), b_last.tolist()
    b_max_l, b_min_l = b_max.tolist(), b_min.tolist()
    b_short_l, b_long_l = b_short.tolist(), b_long.tolist()
    docs_l, int_at_l, value_at_l = p_docs.tolist(), int_at.tolist(), value_at.tolist()
    prefix = pack_ushort(fieldwriter._fieldid)
    postfile = fieldwriter._postfile
    # Where the next term's blocks go: all of this window's are written at the end, at once.
    offset = postfile.tell()
    posted: list[bytes] = []
    keys: list[bytes] = []
    rows_out: list[bytes] = []
    rows = zip(
        terms,
        t_first.tolist(),
        t_size.tolist(),
        blocks_of.tolist(),
        t_total.tolist(),
        t_max.tolist(),
        t_short.tolist(),
        t_long.tolist(),
        t_last.tolist(),
        strict=False,
    )
    for term, first, size, block, total, top, short, long, last in rows:
        end = first + size
        inline = size <= INLINE_LIMIT
        head = _TERMINFO.pack(inline, total, size, short, long, top, docs_l[first], last)
        if inline:
            all_one = b_min_l[block] == 1.0 and b_max_l[block] == 1.0
            weight_part = (
                _NONE
                if all_one
                else (_MARK + tuple_weights[first * stride : end * stride] + _TUPLE)
            )
            tail = b"".join(
                (
                    _START,
                    ints[int_at_l[first] : int_at_l[end]],
                    _TUPLE,
                    weight_part,
                    _MARK,
                    values[value_at_l[first] : value_at_l[end]],
                    _TUPLE,
                    _TUPLE3,
                    _STOP,
                )
            )
        else:
            out = [WHOOSH3_HEADER_MAGIC]
            while block < len(b_first_l) and b_first_l[block] < end:
                a, z = b_first_l[block], b_last_l[block] + 1
                low, high = b_min_l[block], b_max_l[block]
                if low == high == 1.0:
                    weight_part = _NONE
                elif low == high:
                    weight_part = floats[a * 9 : a * 9 + 9]
                else:
                    weight_part = _MARK + tuple_weights[a * stride : z * stride] + _TUPLE
                data = b"".join(
                    (
                        _START,
                        ints[int_at_l[a] : int_at_l[z]],
                        _TUPLE,
                        weight_part,
                        _MARK,
                        values[value_at_l[a] : value_at_l[z]],
                        _TUPLE,
                        _TUPLE3,
                        _STOP,
                    )
                )
                info = pickle.dumps(
                    (z - a, docs_l[z - 1], high, COMPRESSION, b_short_l[block], b_long_l[block]),
                    PICKLE_PROTOCOL,
                )
                body = info + zlib.compress(data, COMPRESSION)
                out.append(_BLOCK_LENGTH.pack(-len(body) if z >= end else len(body)))
                out.append(body)
                block += 1
            written = b"".join(out)
            posted.append(written)
            tail = pack_long(offset) + pack_int(len(written))
            offset += len(written)
        keys.append(prefix + term.encode("utf-8"))
        rows_out.append(head + tail)
    postfile.write(b"".join(posted))
    add_terms(fieldwriter._tindex, keys, rows_out)
