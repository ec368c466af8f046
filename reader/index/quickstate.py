"""What :mod:`reader.index.quick` needs of an index besides its files, saved by the full search.

The segments and their deleted documents are in whoosh's table of contents, a pickle of
whoosh's classes; each document's day and publication in columns. A search through whoosh
(:mod:`reader.index.searcher_state`) has them at hand and saves them here, in the per-user
cache, for the index's build and the table of contents it read (name, size, modification
time): a JSON line, then the arrays' bytes. A later process reads them without whoosh or
numpy. A file that is missing, foreign, damaged or of another generation is a miss.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
import zlib
from array import array
from dataclasses import dataclass
from pathlib import Path

from reader.index.statefiles import state_file

log = logging.getLogger(__name__)

VERSION = 1
# The arrays, in file order, and their type codes (4-byte ints).
_INT = "i" if array("i").itemsize == 4 else "l"


@dataclass(frozen=True)
class Segment:
    """One segment: its files' name prefix, first docnum, documents and deleted docnums."""

    name: str
    base: int
    count: int
    deleted: frozenset[int]


@dataclass(frozen=True)
class QuickState:
    """An index's segments, field statistics and per-document days and publications."""

    build: str
    toc: tuple[str, int, int]
    count: int
    segments: tuple[Segment, ...]
    boosts: dict[str, float]
    totals: dict[str, float]
    length_table: tuple[int, ...]
    publications: tuple[str, ...]
    days: array[int]
    publication_codes: array[int]


def toc_stamp(whoosh_dir: Path, name: str) -> tuple[str, int, int] | None:
    """A table of contents' name, size and modification time (None when it is gone)."""
    try:
        info = os.stat(whoosh_dir / name)
    except OSError:
        return None
    return (name, info.st_size, info.st_mtime_ns)


def _file(index_dir: Path) -> Path | None:
    return state_file(index_dir, "quick.bin")


def load(index_dir: Path, build: str, toc: tuple[str, int, int] | None) -> QuickState | None:
    """The state saved for this build and table of contents, or None."""
    file = _file(index_dir)
    if file is None or toc is None:
        return None
    try:
        data = file.read_bytes()
    except (FileNotFoundError, NotADirectoryError):  # none (a file in its folder's way)
        return None
    except OSError as exc:
        log.warning("cannot read the saved quick search state %s: %s", file, exc.strerror or exc)
        return None
    try:
        return _parsed(data, build, toc)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:  # damaged or foreign
        log.warning("ignoring the saved quick search state %s: %r", file, exc)
        return None


def _parsed(data: bytes, build: str, toc: tuple[str, int, int]) -> QuickState | None:
    """The state in a file's bytes: a checksum line, a JSON line, the arrays (see ``save``)."""
    # Views, not copies: at national-50y the arrays are 5.8 MB, and two partitions copied them
    # twice (7 ms).
    view = memoryview(data)
    first = data.find(b"\n")
    second = data.find(b"\n", first + 1)
    if first < 0 or second < 0:
        raise ValueError("not a checksum line, a head line and the arrays")
    if int(data[:first], 16) != zlib.crc32(view[first + 1 :]):
        raise ValueError("the file does not match its checksum")
    head = json.loads(data[first + 1 : second])
    arrays = view[second + 1 :]
    if not isinstance(head, dict):
        raise TypeError("the head is not an object")
    if (head.get("version"), head.get("build"), tuple(head.get("toc", ()))) != (
        VERSION,
        build,
        toc,
    ):
        return None  # another build or generation's
    count = int(head["count"])
    if head["byteorder"] != sys.byteorder or len(arrays) != 8 * count:
        raise ValueError("arrays of another machine, or not of the documents' count")
    days, codes = array(_INT), array(_INT)
    days.frombytes(arrays[: 4 * count])
    codes.frombytes(arrays[4 * count :])
    return QuickState(
        build=build,
        toc=toc,
        count=count,
        segments=tuple(
            Segment(str(name), int(base), int(n), frozenset(map(int, deleted)))
            for name, base, n, deleted in head["segments"]
        ),
        boosts={str(k): float(v) for k, v in head["boosts"].items()},
        totals={str(k): float(v) for k, v in head["totals"].items()},
        length_table=tuple(map(int, head["length_table"])),
        publications=tuple(map(str, head["publications"])),
        days=days,
        publication_codes=codes,
    )


def save(index_dir: Path, state: QuickState) -> None:
    """Keep ``state`` for the index at ``index_dir`` (replacing what was kept for it).

    The file is a line of the CRC-32 (hex) of the rest, a line of JSON, then the days and
    the publication codes as 4-byte ints: bytes that rot are found, not read as days.
    """
    file = _file(index_dir)
    if file is None:
        return
    head = {
        "version": VERSION,
        "build": state.build,
        "toc": list(state.toc),
        "count": state.count,
        "segments": [[s.name, s.base, s.count, sorted(s.deleted)] for s in state.segments],
        "boosts": state.boosts,
        "totals": state.totals,
        "length_table": list(state.length_table),
        "publications": list(state.publications),
        "byteorder": sys.byteorder,
    }
    rest = (
        json.dumps(head, ensure_ascii=False).encode("utf-8")
        + b"\n"
        + array(_INT, state.days).tobytes()
        + array(_INT, state.publication_codes).tobytes()
    )
    temp = file.with_name(f"{file.stem}.{os.urandom(16).hex()}.tmp")
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        temp.write_bytes(b"%08x\n" % zlib.crc32(rest) + rest)
        os.replace(temp, file)
    except OSError as exc:
        log.warning("cannot save the quick search state in %s: %s", file, exc.strerror or exc)
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def is_saved(index_dir: Path, build: str, toc: tuple[str, int, int] | None) -> bool:
    """Whether the state for this build and table of contents is saved already, and whole
    (a damaged one is saved again)."""
    if _file(index_dir) is None or toc is None:
        return True  # nowhere to keep it: nothing to do
    return load(index_dir, build, toc) is not None
