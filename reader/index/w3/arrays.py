"""W3 posting lists written from arrays: a window of terms at once, each term packed or inlined.

A term with many postings is one packed block (:mod:`reader.index.w3.packed`: its docnums,
counts and positions as arrays in two zstd frames). A rare term (up to ``INLINE_LIMIT``
postings) is inlined in the term table as whoosh inlines it: the pickle of ``(docnums,
weights, values)`` (see :mod:`reader.index.w3.blocks`), each value the bytes of the posting's
positions. Written posting by posting, that pickle is a Python object per number and per
value; here the opcodes of every inlined posting of a window of terms are laid out in three
byte buffers (the ints, the weights, the values), in posting order, so a term's tuples are
slices of them between a few fixed opcodes. What ``pickle.loads`` makes of the result is
exactly what ``pickle.dumps`` was given by :func:`~reader.index.w3.blocks.write_term` (only
the pickle's framing and memo opcodes, which change nothing read back, are left out).
"""

from __future__ import annotations

import pickle
from typing import Any

import numpy as np
import numpy.typing as npt
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util.numeric import _length_byte_cache

from reader.index.w3 import packed
from reader.index.w3.blocks import (
    _BLOCK_LENGTH,
    _TERMINFO,
    INLINE_LIMIT,
    PICKLE_PROTOCOL,
)
from reader.index.w3.packed_layout import PACKED
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

    A term of :data:`INLINE_LIMIT` postings or fewer is inlined in the term table as
    :func:`reader.index.w3.blocks.write_term` does it; a longer one is one packed block (see
    :mod:`reader.index.w3.packed`). ``lengths`` holds every document's length in the field.
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
    starts = t_first[:-1]
    t_total = np.add.reduceat(weights, starts)
    t_max = np.maximum.reduceat(weights, starts)
    t_min = np.minimum.reduceat(weights, starts)
    t_short = length_bytes(np.minimum.reduceat(p_lengths, starts))
    t_long = length_bytes(np.maximum.reduceat(p_lengths, starts))
    t_last = p_docs[t_first[1:] - 1]
    # The inlined terms' postings as pickle opcodes (docnums, weights, values), in order.
    inlined = t_size[p_terms] <= INLINE_LIMIT
    ints, int_at = _ints(p_docs[inlined])
    few = weights[inlined]
    # A tuple of weights may hold ints where they are whole (2 bytes each, not 9): whoosh
    # reads them as they are and scores them alike.
    if not len(few) or (few.max() < 256 and (few == np.round(few)).all()):
        tuple_weights, stride = _small_ints(few), 2
    else:
        tuple_weights, stride = _floats(few), 9
    values, value_at = _values(places[np.repeat(inlined, p_counts)], p_counts[inlined])
    # Where each term's postings start among the inlined ones, and its positions among all.
    inline_at = np.concatenate(([0], np.cumsum(inlined)))[t_first].tolist()
    place_at = np.concatenate(([0], np.cumsum(p_counts)))[t_first].tolist()
    int_at_l, value_at_l = int_at.tolist(), value_at.tolist()
    prefix = pack_ushort(fieldwriter._fieldid)
    postfile = fieldwriter._postfile
    # Where the next term's block goes: all of this window's are written at the end, at once.
    offset = postfile.tell()
    posted: list[bytes] = []
    keys: list[bytes] = []
    rows_out: list[bytes] = []
    rows = zip(
        terms,
        t_first.tolist(),
        t_size.tolist(),
        t_total.tolist(),
        t_max.tolist(),
        t_min.tolist(),
        t_short.tolist(),
        t_long.tolist(),
        t_last.tolist(),
        strict=False,
    )
    for i, (term, first, size, total, top, low, short, long, last) in enumerate(rows):
        end = first + size
        inline = size <= INLINE_LIMIT
        head = _TERMINFO.pack(inline, total, size, short, long, top, int(p_docs[first]), last)
        if inline:
            a, z = inline_at[i], inline_at[i + 1]
            weight_part = (
                _NONE
                if low == top == 1.0
                else (_MARK + tuple_weights[a * stride : z * stride] + _TUPLE)
            )
            tail = b"".join(
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
        else:
            # One packed block (see w3.packed): its info is whoosh's, its data arrays.
            data = packed.encode(
                p_docs[first:end], p_counts[first:end], places[place_at[i] : place_at[i + 1]]
            )
            info = pickle.dumps((size, last, top, PACKED, short, long), PICKLE_PROTOCOL)
            body = info + data
            written = b"".join((WHOOSH3_HEADER_MAGIC, _BLOCK_LENGTH.pack(-len(body)), body))
            posted.append(written)
            tail = pack_long(offset) + pack_int(len(written))
            offset += len(written)
        keys.append(prefix + term.encode("utf-8"))
        rows_out.append(head + tail)
    postfile.write(b"".join(posted))
    add_terms(fieldwriter._tindex, keys, rows_out)
