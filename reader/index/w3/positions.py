"""A term's postings with their positions as arrays, unpickled with numpy, not object by object.

A phrase is checked on positions, so each block of its terms is decompressed whole. What
``pickle.loads`` then makes of a block is a bytes object per posting, joined again to read the
positions as one array: more time than the decompression. Our build writes the values as
SHORT_BINBYTES or BINBYTES opcodes one after another (``w3.arrays._values``), each holding
``4 × occurrences`` bytes, and the occurrences are known from the weights in the block's
head. So where every value starts is a running sum, and the positions are gathered at once.
Every opcode and length byte the sums point at is checked; a block in any other shape
(another writer's pickles, with memo opcodes and shared values) makes the caller fall back to
the ordinary reading.
"""

from __future__ import annotations

import bisect
import zlib
from typing import Any

import numpy as np
import numpy.typing as npt
from whoosh.codec.whoosh3 import W3LeafMatcher

from reader.index.w3.heads import _raw_blocks, parse_head

Ints = npt.NDArray[np.int64]

_SHORT, _LONG, _MARK, _TUPLE, _FRAME = b"C"[0], b"B"[0], b"("[0], b"t"[0], 0x95


def positions(matcher: Any, among: Ints | None = None) -> tuple[Ints, Ints, Ints] | None:
    """(docnums, occurrences, positions) of a fresh W3 matcher's postings, or None if its
    blocks are not in our build's shape (read them with ``w3.blocks`` then).

    With ``among`` (ascending docnums), blocks holding none of them are left out.
    """
    if not isinstance(matcher, W3LeafMatcher) or not matcher.is_active() or matcher._i:
        return None
    wanted = None
    if among is not None:
        listed = among.tolist()

        def wanted(before: int, last: int) -> bool:
            at = bisect.bisect_right(listed, before)
            return at < len(listed) and listed[at] <= last

    boost = matcher.format.field_boost
    raws: list[bytes] = []
    firsts: list[int] = []
    deltas: list[npt.NDArray[np.generic]] = []
    weights: list[npt.NDArray[np.generic]] = []
    value_at: list[int] = []
    counts: list[int] = []
    size = previous = 0
    for count, view, start, end, packed, _skip, last in _raw_blocks(matcher, wanted):
        if not raws and _framed(view[start : start + 64], packed):
            return None  # pickle.dumps wrote it (framed, values memoized): not our build's
        raw = zlib.decompress(view[start:end]) if packed else view[start:end]
        parsed = parse_head(raw, count)
        if parsed is None or parsed[1] >= len(raw) or raw[parsed[1]] != _MARK:
            return None
        (first, rest, found), at = parsed
        if not raws:  # another writer's values show in the first block: stop at once
            tf = np.rint(found.astype(np.float64) / boost).astype(np.int64)
            if _gather(np.frombuffer(raw, np.uint8), tf, [at + 1], [count]) is None:
                return None
        raws.append(raw)
        firsts.append(first - previous)  # each block's first docnum is whole, not a delta
        deltas.append(rest)
        weights.append(found)
        value_at.append(size + at + 1)
        counts.append(count)
        size += len(raw)
        previous = last
    if not raws:
        empty = np.zeros(0, np.int64)
        return empty, empty, empty
    docs = _docs(firsts, deltas, counts)
    tf = np.rint(np.concatenate(weights).astype(np.float64) / boost).astype(np.int64)
    found_positions = _gather(np.frombuffer(b"".join(raws), np.uint8), tf, value_at, counts)
    if found_positions is None:
        return None
    return docs, tf, found_positions


def _framed(data: bytes, packed: bool) -> bool:
    """Whether a block's pickle starts with a FRAME opcode (our build writes none)."""
    head = zlib.decompressobj().decompress(data, 3) if packed else data[:3]
    return len(head) == 3 and head[2] == _FRAME


def _docs(firsts: list[int], deltas: list[npt.NDArray[np.generic]], counts: list[int]) -> Ints:
    sizes = np.array(counts, np.int64)
    values = np.empty(int(sizes.sum()), np.int64)
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    rest_at = np.ones(len(values), np.bool_)
    rest_at[starts] = False
    values[starts] = firsts
    values[rest_at] = np.concatenate(deltas)
    return np.cumsum(values)


def _gather(
    data: npt.NDArray[np.uint8], tf: Ints, value_at: list[int], counts: list[int]
) -> Ints | None:
    """Every posting's positions, from values laid out one after another from ``value_at``
    (per block), each an opcode, its length (one byte or four) and ``4 × tf`` bytes."""
    nbytes = 4 * tf
    short = nbytes < 256
    head = np.where(short, 2, 5)
    item = head + nbytes
    sizes = np.array(counts, np.int64)
    block_start = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    before = np.cumsum(item) - item  # bytes of the items before each, over all blocks
    offsets = before - np.repeat(before[block_start], sizes) + np.repeat(value_at, sizes)
    ends = offsets + item
    if ends[-1] > len(data) or (tf < 1).any():
        return None
    block_end = ends[block_start + sizes - 1]
    opcodes = data[offsets]
    lengths = data[offsets + 1].astype(np.int64)
    if (
        not (opcodes == np.where(short, _SHORT, _LONG)).all()
        or not (data[block_end] == _TUPLE).all()
        or not (lengths[short] == nbytes[short]).all()
    ):
        return None
    if (~short).any():
        at = offsets[~short] + 1
        wide = data[at[:, None] + np.arange(4)].copy().view("<u4").ravel()
        if not (wide == nbytes[~short]).all():
            return None
    # The positions are every byte inside a value but its opcode and length: mark where each
    # value's positions start (+1) and end (-1); a running sum is 1 exactly inside them.
    marks = np.zeros(len(data) + 1, np.int8)
    marks[offsets + head] = 1
    marks[ends] = -1
    inside = np.cumsum(marks[:-1], dtype=np.int8).view(np.bool_)
    found: Ints = data[inside].view("<u4").astype(np.int64)
    return found
