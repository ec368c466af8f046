"""What a searcher derives from an index once (dates, publications, field lengths), kept on disk.

Opening a searcher reads every document's date, publication and field lengths through
whoosh, one document at a time: about a second on a ten-year weekly, paid by every
command-line search. The arrays depend on the index's build and generation (an update that
only deletes keeps the documents' count but not which are live; a merge renumbers them), so
they are kept in the per-user cache under the index folder, build id and generation. A file
that is missing, foreign or damaged is a miss; the index itself is never written to.

The file is a short header and the arrays' raw bytes, mapped rather than read: a search then
pays only for the pages its query touches. national-50y's twelve arrays of 720,000 documents
(52 MB) took 40–60 ms to read from an ``.npz`` (a zip: a CRC and a copy per array), on every
fresh process's first query.
"""

from __future__ import annotations

import contextlib
import json
import logging
import mmap
import os
import struct
from pathlib import Path
from typing import IO

import numpy as np
import numpy.typing as npt

from reader import digests
from reader.index.statefiles import state_file

log = logging.getLogger(__name__)

VERSION = 3
SUFFIX = ".state"
Arrays = dict[str, npt.NDArray[np.generic]]

_MAGIC = b"issue-reader search state\n"
_HEAD = struct.Struct("<Q")  # the header's length, after the magic
_ALIGN = 64  # each array starts on a multiple: numpy reads aligned data fastest
# Kinds an array may be: a saved file never makes numpy unpickle objects.
_KINDS = frozenset("biufU")
# Windows cannot replace or delete a file that a process has mapped: there the bytes are read.
_MAPPED = os.name != "nt"


class Foreign(ValueError):
    """The file is not one this version wrote, or it is cut short."""


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
    except FileNotFoundError:
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
        # Earlier versions' ``.npz`` files go too; another process's temporary file stays.
        olds = [*file.parent.glob(f"{prefix}*{SUFFIX}"), *file.parent.glob(f"{prefix}*.npz")]
        for old in olds:
            if old != file and not old.name.endswith(".tmp.npz"):
                old.unlink(missing_ok=True)
    except (OSError, ValueError) as exc:  # ValueError: an array of objects
        log.warning("cannot save the search state in %s: %s", file, exc)
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def _write(handle: IO[bytes], arrays: Arrays) -> None:
    offsets, at = [], 0
    for name, array in arrays.items():
        if array.dtype.kind not in _KINDS:
            raise ValueError(f"cannot save {name!r}: {array.dtype} is not a plain type")
        at = -(-at // _ALIGN) * _ALIGN
        offsets.append(at)
        at += array.nbytes
    entries = [
        [name, array.dtype.str, list(array.shape), offset]
        for (name, array), offset in zip(arrays.items(), offsets, strict=True)
    ]
    head = json.dumps({"arrays": entries, "size": at}).encode()
    start = -(-(len(_MAGIC) + _HEAD.size + len(head)) // _ALIGN) * _ALIGN
    handle.write(_MAGIC + _HEAD.pack(len(head)) + head)
    handle.write(b"\0" * (start - handle.tell()))
    for offset, array in zip(offsets, arrays.values(), strict=True):
        handle.write(b"\0" * (start + offset - handle.tell()))
        handle.write(np.ascontiguousarray(array).tobytes())


def _read(handle: IO[bytes]) -> Arrays:
    if handle.read(len(_MAGIC)) != _MAGIC:
        raise Foreign("not a search state file")
    (length,) = _HEAD.unpack(handle.read(_HEAD.size))
    head = json.loads(handle.read(length))
    start = -(-(len(_MAGIC) + _HEAD.size + length) // _ALIGN) * _ALIGN
    size = os.fstat(handle.fileno()).st_size
    if start + int(head["size"]) > size:
        raise Foreign(f"cut short: {size:,} bytes of {start + int(head['size']):,}")
    data: mmap.mmap | bytes
    if _MAPPED and size:
        data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    else:
        handle.seek(0)
        data = handle.read()
    arrays = {}
    for name, kind, shape, offset in head["arrays"]:
        dtype = np.dtype(kind)
        if dtype.kind not in _KINDS:
            raise Foreign(f"{name!r} is of type {kind}")
        count = int(np.prod(shape, dtype=np.int64))
        array = np.frombuffer(data, dtype, count, start + int(offset))
        arrays[str(name)] = array.reshape(shape)
    return arrays
