"""A posting list's docnums and weights read from the head of each block, positions left packed.

A block's data (see :mod:`reader.index.w3.blocks`) is the pickle of ``(docnum deltas,
weights, values)``, compressed as one zlib stream. The deltas and weights come first and take
a few hundred bytes; the values (a term's positions in each document) take the rest, tens of
kilobytes for a common term. Counting, filtering and ranking by BM25F need the docnums and
weights only, so only the stream's head is decompressed (``decompressobj`` stops at a length)
and its opcodes are read with numpy. A head in any shape not foreseen here (a tuple of three
postings or fewer, mixed opcodes in the weights) is read whole, the ordinary way.

Also here: where each block's docnums lie (from its info, without touching its data), so a
caller can leave out blocks holding none of the documents it still wants.
"""

from __future__ import annotations

import bisect
import contextlib
import io
import mmap
import pickle
import zlib
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np
import numpy.typing as npt
from whoosh import matching
from whoosh.codec.whoosh3 import W3LeafMatcher

from reader.index.w3.blocks import (
    _BLOCK_LENGTH,
    _INFO_COMPRESSION,
    Values,
    _decode_data,
    blocks,
)

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]
# (docnum before the block, last docnum) -> whether to decode the block.
Wanted = Callable[[int, int], bool]

_K, _M, _J, _G, _N = b"K"[0], b"M"[0], b"J"[0], b"G"[0], b"N"[0]
_MARK, _TUPLE, _FRAME, _PROTO = b"("[0], b"t"[0], 0x95, 0x80
_MEMO_SIZE = {0x94: 1, b"q"[0]: 2, b"r"[0]: 5}  # MEMOIZE, BINPUT, LONG_BINPUT
_INT_SIZE = {_K: 2, _M: 3, _J: 5}


def doc_weights(matcher: Any) -> tuple[Ints, Floats]:
    """Every docnum of a fresh matcher from ``reader.postings()`` and its posting's weight."""
    if isinstance(matcher, W3LeafMatcher):
        return _leaf_doc_weights(matcher)
    if isinstance(matcher, matching.FilterMatcher):
        # A segment with deleted documents: whoosh filters its postings by that set.
        ids, found = doc_weights(matcher.child)
        chosen = np.isin(ids, np.fromiter(matcher._ids, np.int64))
        kept = ~chosen if matcher._exclude else chosen
        return ids[kept], found[kept]
    # An inlined posting list (a ListMatcher): already in memory, a few postings.
    pairs: list[tuple[int, float]] = []
    while matcher.is_active():
        pairs.append((matcher.id(), matcher.weight()))
        matcher.next()
    return np.array([d for d, _ in pairs], np.int64), np.array([w for _, w in pairs], np.float64)


def _leaf_doc_weights(matcher: Any) -> tuple[Ints, Floats]:
    """Docnums and weights block by block: a block's first docnum is stored whole, the rest as
    deltas; all are summed at once at the end (a block's first made a delta from the last
    docnum of the block before)."""
    firsts: list[int] = []
    deltas: list[npt.NDArray[np.generic]] = []
    weights: list[npt.NDArray[np.generic]] = []
    before = 0
    short = True  # until a block's head turns out longer (another writer's float weights)
    for count, view, start, end, packed, skip, last in _raw_blocks(matcher, None):
        # Compressed, the head takes at most its own size and zlib's framing (stored blocks).
        prefix = min(end, start + 2 * _head_size(count) + 64)
        parsed, short = _head(view[start:prefix], packed, count, short)
        if parsed is None:
            parsed = _whole(view[start:end], packed)
        first, rest, found = parsed
        if skip:  # only ever the first block
            ids = np.cumsum(np.concatenate(([first], rest)))[skip:]
            first, rest, found = int(ids[0]), np.diff(ids), found[skip:]
        firsts.append(first - before)
        deltas.append(rest)
        weights.append(found)
        before = last
    if not firsts:
        return np.zeros(0, np.int64), np.zeros(0, np.float64)
    sizes = np.array([len(d) + 1 for d in deltas], np.int64)
    values = np.empty(int(sizes.sum()), np.int64)
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    rest_at = np.ones(len(values), np.bool_)
    rest_at[starts] = False
    values[starts] = firsts
    values[rest_at] = np.concatenate(deltas)
    return np.cumsum(values), np.concatenate(weights).astype(np.float64)


def blocks_among(matcher: Any, among: Ints) -> Iterator[tuple[list[int], Values]]:
    """(docnums, values) of the blocks of a fresh matcher that may hold one of ``among``.

    Like :func:`reader.index.w3.blocks`, but a block whose docnums (known from its info)
    hold none of ``among`` (ascending) is left undecoded, which saves most of a common
    term's blocks when ``among`` is a rarer term's few documents. A block's docnums beyond
    ``among`` are still given; only whole blocks are left out.
    """
    if not isinstance(matcher, W3LeafMatcher):
        yield from blocks(matcher)
        return
    wanted = among.tolist()

    def holds(before: int, last: int) -> bool:
        at = bisect.bisect_right(wanted, before)
        return at < len(wanted) and wanted[at] <= last

    yield from _wanted_blocks(matcher, holds)


def _wanted_blocks(matcher: Any, wanted: Wanted) -> Iterator[tuple[list[int], Values]]:
    """(docnums, values) of the blocks of a W3 leaf matcher that ``wanted`` asks for."""
    for _count, view, start, end, packed, skip, _last in _raw_blocks(matcher, wanted):
        ids, values = _decode_data(view[start:end], packed)
        if values is None:
            raise TypeError("blocks_among() takes a field with positions")
        yield ids[skip:], values[skip:]


def _raw_blocks(
    matcher: Any, wanted: Wanted | None
) -> Iterator[tuple[int, Any, int, int, bool, int, int]]:
    """(postings, the file's bytes, where the block's data starts and ends in them,
    compressed?, postings to skip, last docnum) of each block ``wanted`` asks for.

    The posting file is mapped, not read a block at a time: a block's length, its info and
    as much of its data as is needed are read from the map without a seek or a read call.
    """
    if not matcher.is_active():
        return
    postfile = matcher._postfile
    with _mapped(postfile) as view:
        count, last = matcher._blocklength, matcher._maxid
        packed, final = bool(matcher._compression), matcher._lastblock
        start, end, before = matcher._dataoffset, matcher._nextoffset, -1
        skip = matcher._i  # whoosh's matcher may already stand past the first posting
        while True:
            if wanted is None or wanted(before, last):
                yield count, view, start, end, packed, skip, last
            if final:
                return
            skip, before = 0, last
            length = int.from_bytes(view[end : end + 4], "big", signed=True)
            final, length = length < 0, abs(length)
            info_at = end + _BLOCK_LENGTH.size
            stream = io.BytesIO(view[info_at : info_at + _INFO_MOST])
            info = pickle.load(stream)
            count, last, packed = info[0], info[1], bool(info[_INFO_COMPRESSION])
            start = info_at + stream.tell()
            end = info_at + length


# A block's info pickle is a tuple of six numbers: never longer than this.
_INFO_MOST = 64


@contextlib.contextmanager
def _mapped(postfile: Any) -> Iterator[Any]:
    """The posting file's bytes, sliceable by file position, without reading them all."""
    buffer = getattr(postfile, "_buf", None)  # whoosh mapped the file itself
    if buffer is not None:
        yield buffer
        return
    fileno = getattr(postfile, "fileno", None)
    if fileno is None:
        yield _Slices(postfile)
        return
    with mmap.mmap(fileno(), 0, access=mmap.ACCESS_READ) as view:
        yield view


class _Slices:
    """A file that can't be mapped, read a slice at a time."""

    def __init__(self, postfile: Any) -> None:
        self.postfile = postfile

    def __getitem__(self, where: slice) -> bytes:
        return self.postfile.get(where.start, where.stop - where.start)  # type: ignore[no-any-return]


# A block's head: its first docnum, the deltas to the others, and the weights.
Head = tuple[int, npt.NDArray[np.generic], npt.NDArray[np.generic]]
_PAIRS = np.dtype([("op", "u1"), ("value", "u1")])
_FLOATS = np.dtype([("op", "u1"), ("value", ">f8")])


def _head(data: bytes, packed: bool, count: int, short: bool) -> tuple[Head | None, bool]:
    """A block's docnums and weights from the head of its data, or None if that was not
    enough (or not in a foreseen shape); and whether the short head was enough.

    With ``short``, first only as much as the usual head of our build takes (deltas and
    whole weights below 256, two bytes each), then, if that was not all, up to the most it
    can take: zlib's work grows with what it gives.
    """
    size = _head_size(count)
    if not packed:
        return _parse(data[:size], count), short
    stream = zlib.decompressobj()
    head = stream.decompress(data, min(4 * count + 48, size) if short else size)
    found = _parse(head, count)
    if found is None and short and stream.unconsumed_tail:
        head += stream.decompress(stream.unconsumed_tail, size - len(head))
        return _parse(head, count), False
    return found, short


def _head_size(count: int) -> int:
    """The most the deltas and weights of ``count`` postings take, with the pickle's framing."""
    return 14 * count + 32


def _whole(data: bytes, packed: bool) -> Head:
    """A block's docnums and weights from all of its data."""
    deltas, weights, _ = pickle.loads(zlib.decompress(data) if packed else data)
    if weights is None:
        weights = 1.0
    if isinstance(weights, (int, float)):
        weights = (weights,) * len(deltas)
    return deltas[0], np.array(deltas[1:], np.int64), np.array(weights, np.float64)


def _parse(head: bytes, count: int) -> Head | None:
    """The deltas and weights opcodes at the start of a block's pickle, or None if unforeseen."""
    found = _parse_head(head, count)
    return None if found is None else found[0]


def _parse_head(head: bytes, count: int) -> tuple[Head, int] | None:
    """The deltas and weights at the start of a block's pickle, and where the values start
    (past any memo opcode); None if unforeseen or cut short.

    Bytes are compared as bytes (one C call each), not opcode by opcode in Python.
    """
    if len(head) < 4 or head[0] != _PROTO or count < 4:  # up to 3 items: TUPLEn, no MARK
        return None
    at = 11 if head[2] == _FRAME else 2
    if head[at] != _MARK:
        return None
    first, deltas, at = _ints(head, at + 1, count)
    if deltas is None or at + 2 >= len(head) or head[at] != _TUPLE:
        return None
    at += 1 + _MEMO_SIZE.get(head[at + 1], 0)
    if at + 10 >= len(head):
        return None
    op = head[at]
    weights: npt.NDArray[np.generic]
    if op == _N:
        weights, at = np.ones(count, np.float64), at + 1
    elif op == _G:
        (weight,) = np.frombuffer(head, ">f8", 1, at + 1)
        weights, at = np.full(count, float(weight)), at + 9
    elif op != _MARK:
        return None
    else:
        kind = head[at + 1]
        stride, layout = (9, _FLOATS) if kind == _G else (2, _PAIRS)
        end = at + 1 + stride * count
        if (kind not in (_G, _K)) or end + 1 >= len(head) or head[end] != _TUPLE:
            return None
        if head[at + 1 : end : stride] != bytes((kind,)) * count:
            return None
        weights = np.frombuffer(head, layout, count, at + 1)["value"]
        at = end + 1 + _MEMO_SIZE.get(head[end + 1], 0)
    return (first, deltas, weights), at


def _ints(head: bytes, at: int, count: int) -> tuple[int, Ints | None, int]:
    """``count`` pickled non-negative ints from ``at`` (the first, the rest), and their end."""
    # The first delta is a docnum (any width); the rest are usually below 256 (opcode K).
    size = _INT_SIZE.get(head[at], 0)
    first = int.from_bytes(head[at + 1 : at + size], "little")
    end = at + size + 2 * (count - 1)
    if size and end <= len(head) and head[at + size : end : 2] == b"K" * (count - 1):
        return first, np.frombuffer(head, _PAIRS, count - 1, at + size)["value"], end
    found = []
    for _ in range(count):
        size = _INT_SIZE.get(head[at], 0) if at < len(head) else 0
        if not size or at + size > len(head):
            return 0, None, at
        found.append(int.from_bytes(head[at + 1 : at + size], "little"))
        at += size
    return found[0], np.array(found[1:], np.int64), at
