"""The layout of a packed posting block (see :mod:`reader.index.w3.packed`), without numpy.

Shared by the writer and numpy reader in ``packed`` and the direct reader in ``direct``.
"""

from __future__ import annotations

import struct
from typing import Any

# The block info's "compression" of a packed block (whoosh's own are zlib levels, ints).
PACKED = "zstd-arrays-1"
# The data's header: the docnum deltas' and the counts' item sizes, the two frames' lengths.
HEADER = struct.Struct("<BBII")
# The item sizes the deltas and counts may take, in bytes.
SIZES = (1, 2, 4)


class PackedDamage(ValueError):
    """A packed block whose bytes do not hold what its header says (a damaged file)."""


def split(data: Any) -> tuple[int, int, Any, Any]:
    """The docnum deltas' and counts' item sizes and the two frames of a block's ``data``.

    Raises:
        PackedDamage: The header does not describe the data.
    """
    if len(data) < HEADER.size:
        raise PackedDamage("a packed block shorter than its header")
    deltas_size, counts_size, heads_length, places_length = HEADER.unpack_from(data)
    if deltas_size not in SIZES or counts_size not in SIZES:
        raise PackedDamage("a packed block with an unknown item size")
    heads_end = HEADER.size + heads_length
    if heads_end + places_length != len(data):
        raise PackedDamage("a packed block's frames do not fill it")
    return deltas_size, counts_size, data[HEADER.size : heads_end], data[heads_end:]


def unframe(zstd: Any, decompressor: Any, frame: Any, size: int) -> bytes:
    """A frame's ``size`` bytes (``zstd`` is the zstandard module); its own declared size is
    checked first, so damaged bytes never make it allocate more.

    Raises:
        PackedDamage: The frame is not of that size, or does not decompress (its checksum).
    """
    try:
        if zstd.frame_content_size(frame) != size:
            raise PackedDamage("a packed block's frame is not the size of its postings")
        found: bytes = decompressor.decompress(frame)
    except zstd.ZstdError as exc:  # a frame's header, checksum or structure: damaged bytes
        raise PackedDamage(f"a packed block does not decompress: {exc}") from exc
    return found
