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
from array import array
from dataclasses import dataclass
from pathlib import Path

from reader import digests
from reader.index import fold

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
    root = fold.cache_root()
    if root is None:
        return None
    folder = digests.blake2b(str(index_dir.resolve()).encode(), digest_size=8).hexdigest()
    return root / "search-state" / f"{folder}-quick.bin"


def load(index_dir: Path, build: str, toc: tuple[str, int, int] | None) -> QuickState | None:
    """The state saved for this build and table of contents, or None."""
    file = _file(index_dir)
    if file is None or toc is None:
        return None
    try:
        with open(file, "rb") as handle:
            head = json.loads(handle.readline())
            if (head.get("version"), head.get("build"), tuple(head.get("toc", ()))) != (
                VERSION,
                build,
                toc,
            ):
                return None
            count = head["count"]
            days, codes = array(_INT), array(_INT)
            days.frombytes(handle.read(4 * count))
            codes.frombytes(handle.read(4 * count))
            if len(days) != count or len(codes) != count or head["byteorder"] != sys.byteorder:
                return None
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:  # damaged or foreign: a miss
        log.warning("ignoring the saved quick search state %s: %r", file, exc)
        return None
    return QuickState(
        build=build,
        toc=toc,
        count=count,
        segments=tuple(
            Segment(name, base, n, frozenset(deleted))
            for name, base, n, deleted in head["segments"]
        ),
        boosts=head["boosts"],
        totals=head["totals"],
        length_table=tuple(head["length_table"]),
        publications=tuple(head["publications"]),
        days=days,
        publication_codes=codes,
    )


def save(index_dir: Path, state: QuickState) -> None:
    """Keep ``state`` for the index at ``index_dir`` (replacing what was kept for it)."""
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
    temp = file.with_name(f"{file.stem}.{os.urandom(16).hex()}.tmp")
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        with open(temp, "wb") as handle:
            handle.write(json.dumps(head, ensure_ascii=False).encode("utf-8") + b"\n")
            handle.write(array(_INT, state.days).tobytes())
            handle.write(array(_INT, state.publication_codes).tobytes())
        os.replace(temp, file)
    except OSError as exc:
        log.warning("cannot save the quick search state in %s: %s", file, exc)
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def is_saved(index_dir: Path, build: str, toc: tuple[str, int, int] | None) -> bool:
    """Whether the state for this build and table of contents is saved already."""
    file = _file(index_dir)
    if file is None or toc is None:
        return True  # nowhere to keep it: nothing to do
    try:
        with open(file, "rb") as handle:
            head = json.loads(handle.readline())
    except (OSError, ValueError):
        return False
    return bool(
        head.get("version") == VERSION
        and head.get("build") == build
        and tuple(head.get("toc", ())) == toc
    )
