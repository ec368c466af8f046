"""The layout of a packed posting block (see :mod:`reader.index.w3.packed`), without numpy.

Shared by the writer and numpy reader in ``packed`` and the direct reader in ``direct``.
"""

from __future__ import annotations

import struct

# The block info's "compression" of a packed block (whoosh's own are zlib levels, ints).
PACKED = "zstd-arrays-1"
# The data's header: the docnum deltas' and the counts' item sizes, the two frames' lengths.
HEADER = struct.Struct("<BBII")
# The item sizes the deltas and counts may take, in bytes.
SIZES = (1, 2, 4)
