"""What a searcher derives from an index once (dates, publications, field lengths), kept on disk.

Opening a searcher reads every document's date, publication and field lengths through
whoosh, one document at a time: about a second on a ten-year weekly, paid by every
command-line search. The arrays depend on the index's build and generation (an update that
only deletes keeps the documents' count but not which are live; a merge renumbers them), so
they are kept in the per-user cache under the index folder, build id and generation, and
read back in a millisecond. A file
that is missing, foreign or damaged is a miss; the index itself is never written to.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

import numpy as np
import numpy.typing as npt

from reader import digests
from reader.index.statefiles import state_file

log = logging.getLogger(__name__)

VERSION = 2
Arrays = dict[str, npt.NDArray[np.generic]]


def _files(index_dir: Path, build: str, generation: int) -> tuple[Path, str] | None:
    """This build and generation's file, and the start of the names of every such file of the
    folder."""
    made = digests.blake2b(f"{VERSION}|{build}|{generation}".encode(), digest_size=8).hexdigest()
    file = state_file(index_dir, f"{made}.npz")
    if file is None:
        return None
    return file, file.name.removesuffix(f"{made}.npz")


def load(index_dir: Path, build: str, generation: int) -> Arrays | None:
    """The arrays saved for this build and generation of the index at ``index_dir``, or None."""
    where = _files(index_dir, build, generation)
    if where is None:
        return None
    try:
        with np.load(where[0], allow_pickle=False) as saved:
            return {name: saved[name] for name in saved.files}
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
    temp = file.with_name(f"{file.stem}.{os.urandom(16).hex()}.tmp.npz")
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        np.savez(temp, **arrays)  # type: ignore[arg-type]
        os.replace(temp, file)
        for old in file.parent.glob(f"{prefix}*.npz"):
            if old != file and not old.name.endswith(".tmp.npz"):
                old.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("cannot save the search state in %s: %s", file, exc)
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
