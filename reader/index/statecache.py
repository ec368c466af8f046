"""What a searcher derives from an index once (dates, publications), kept on disk.

Opening a searcher reads every document's date and publication through whoosh, one document
at a time: about a second on a ten-year weekly, paid by every command-line search. The
arrays depend on the index's build and generation (an update that only deletes keeps the
documents' count but not which are live; a merge renumbers them), so they are kept in the
per-user cache under the index folder, build id and generation. A file that is missing,
foreign or damaged is a miss; the index itself is never written to. (Field lengths are not
kept: they are read from the segments' own length columns, a millisecond a field.)

The file is a short header and the arrays' raw bytes, mapped rather than read, with the
CRC-32 of those bytes and of where each array is checked at each load (a bit flipped on disk
would give wrong dates and counts, never an error): national-50y's arrays of 720,000
documents (47 MB, with the field lengths then kept) took 40–60 ms to read from an ``.npz`` (a zip: a CRC and a copy per
array), and take 14 ms mapped and checked, on every fresh process's first query. The file is
only ever replaced whole (written beside it, then renamed), never changed in place: a mapped
file cut short underneath a process (by something else writing it in place) would stop that
process (SIGBUS), as for git's mapped index files.
"""

from __future__ import annotations

import contextlib
import json
import logging
import mmap
import os
import struct
import time
import zlib
from pathlib import Path
from typing import IO

import numpy as np
import numpy.typing as npt

from reader import digests
from reader.index.statefiles import state_file

log = logging.getLogger(__name__)

VERSION = 6  # 4: a CRC-32 of the arrays in the header; 5: of the header's layout too; 6: no lengths
SUFFIX = ".state"
Arrays = dict[str, npt.NDArray[np.generic]]

_MAGIC = b"issue-reader search state\n"
_HEAD = struct.Struct("<Q")  # the header's length, after the magic
_ALIGN = 64  # each array starts on a multiple: numpy reads aligned data fastest
# A temporary file older than this was left by a process that stopped while writing it.
_ORPHAN_SECONDS = 3600
# Kinds an array may be: a saved file never makes numpy unpickle objects.
_KINDS = frozenset("biufU")
# Windows cannot replace or delete a file that a process has mapped: there the bytes are read.
_MAPPED = os.name != "nt"


class Foreign(ValueError):
    """The file is not one this version wrote, or it is cut short or damaged."""


def _files(index_dir: Path, build: str, generation: int) -> tuple[Path, str] | None:
    """This build and generation's file, and the start of the names of every such file of the
    folder."""
    made = digests.blake2b(f"{VERSION}|{build}|{generation}".encode(), digest_size=8).hexdigest()
    file = state_file(index_dir, f"{made}{SUFFIX}")
    if file is None:
        return None
    return file, file.name.removesuffix(f"{made}{SUFFIX}")


def load(index_dir: Path, build: str, generation: int) -> Arrays | None:
    """The arrays saved for this build and generation of the index at ``index_dir``, or None.

    The arrays are read-only: they map the file (see the module's docstring).
    """
    where = _files(index_dir, build, generation)
    if where is None:
        return None
    try:
        with where[0].open("rb") as handle:
            return _read(handle)
    except (FileNotFoundError, NotADirectoryError):  # none (a file in its folder's way)
        return None
    except OSError as exc:
        log.warning("ignoring the saved search state %s: %s", where[0], exc.strerror or exc)
        return None
    except Exception as exc:  # a damaged or foreign file is only a miss
        log.warning("ignoring the saved search state %s: %r", where[0], exc)
        return None


def save(index_dir: Path, build: str, generation: int, arrays: Arrays) -> None:
    """Keep ``arrays`` for this build and generation (the folder's earlier files are deleted)."""
    where = _files(index_dir, build, generation)
    if where is None:
        return
    file, prefix = where
    temp = file.with_name(f"{file.name}.{os.urandom(16).hex()}.tmp")
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        with temp.open("wb") as handle:
            _write(handle, arrays)
        os.replace(temp, file)
        # Earlier versions' ``.npz`` files go too; another process's temporary file stays
        # unless it is old (that process stopped while writing).
        for old in file.parent.glob(f"{prefix}*"):
            if old == file or not old.name.endswith((SUFFIX, ".npz", ".tmp")):
                continue
            if old.name.endswith(".tmp") and time.time() - old.stat().st_mtime < _ORPHAN_SECONDS:
                continue
            old.unlink(missing_ok=True)
    except (OSError, ValueError) as exc:  # ValueError: an array of objects
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        log.warning("cannot save the search state in %s: %s", file, why)
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def _write(handle: IO[bytes], arrays: Arrays) -> None:
    """The header (with the CRC-32 of the layout and the data), then each array's bytes at an
    aligned offset."""
    data: list[bytes] = []
    entries, at = [], 0
    for name, array in arrays.items():
        if array.dtype.kind not in _KINDS:
            raise ValueError(f"cannot save {name!r}: {array.dtype} is not a plain type")
        padding = -at % _ALIGN
        data.append(b"\0" * padding)
        at += padding
        entries.append([name, array.dtype.str, list(array.shape), at])
        data.append(np.ascontiguousarray(array).tobytes())
        at += array.nbytes
    layout = {"arrays": entries, "size": at}
    crc = _layout_crc(layout)
    for chunk in data:
        crc = zlib.crc32(chunk, crc)
    head = json.dumps({**layout, "crc32": crc}).encode()
    handle.write(_MAGIC + _HEAD.pack(len(head)) + head)
    handle.write(b"\0" * (_start(len(head)) - handle.tell()))
    for chunk in data:
        handle.write(chunk)


def _layout_crc(layout: dict[str, object]) -> int:
    """The CRC-32 of where the arrays are (names, types, shapes, offsets): the checksum
    covers it too, since a flipped offset would read another array's bytes."""
    return zlib.crc32(json.dumps(layout).encode())


def _start(head_length: int) -> int:
    """Where the arrays' bytes begin: the first aligned offset after the header."""
    return -(-(len(_MAGIC) + _HEAD.size + head_length) // _ALIGN) * _ALIGN


def _read(handle: IO[bytes]) -> Arrays:
    if handle.read(len(_MAGIC)) != _MAGIC:
        raise Foreign("not a search state file")
    (length,) = _HEAD.unpack(handle.read(_HEAD.size))
    head = json.loads(handle.read(length))
    start, end = _start(length), _start(length) + int(head["size"])
    size = os.fstat(handle.fileno()).st_size
    if end > size:
        raise Foreign(f"cut short: {size:,} bytes of {end:,}")
    data: mmap.mmap | bytes
    if _MAPPED:
        data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    else:
        handle.seek(0)
        data = handle.read()
    layout = {"arrays": head["arrays"], "size": head["size"]}
    if zlib.crc32(memoryview(data)[start:end], _layout_crc(layout)) != head["crc32"]:
        raise Foreign("damaged: its CRC-32 does not match")
    arrays = {}
    for name, kind, shape, offset in head["arrays"]:
        dtype = np.dtype(kind)
        if dtype.kind not in _KINDS:
            raise Foreign(f"{name!r} is of type {kind}")
        count = int(np.prod(shape, dtype=np.int64))
        at = int(offset)
        if at < 0 or at + count * dtype.itemsize > end - start:
            raise Foreign(f"{name!r} lies outside the data")
        arrays[str(name)] = np.frombuffer(data, dtype, count, start + at).reshape(shape)
    return arrays
