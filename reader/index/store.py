"""Where an index lives and how its state is recorded: the folder layout and ``meta.json``.

An index folder holds::

    meta.json     versions, the archive's fingerprint, the whoosh generation and file sizes
    write.lock    held by the one process writing (see reader.index.lock)
    whoosh/       the whoosh index; a first build is made in build-*/ and moved here whole
    damaged       present when a search found the index unreadable: the next update rebuilds

``meta.json`` is written (atomically) after every successful commit, so an index whose files
do not match it was damaged or interrupted.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from reader import digests
from reader.index import verified, w3
from reader.index.layout import versions
from reader.index.lock import WriteLock
from reader.model import IndexUnavailable

log = logging.getLogger(__name__)

META_FILE = "meta.json"
LOCK_FILE = "write.lock"
DAMAGED_FILE = "damaged"
WHOOSH_DIR = "whoosh"
INDEX_NAME = "MAIN"
_LEFTOVER = re.compile(r"^(build|old)-[0-9a-f]{32}$")


def archive_fingerprint(fingerprints: Mapping[str, str]) -> str:
    """One fingerprint for a whole archive, from its issues' fingerprints."""
    digest = digests.blake2b(digest_size=16)
    for issue_id in sorted(fingerprints):
        digest.update(f"{issue_id}\x1f{fingerprints[issue_id]}\x1e".encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class Meta:
    """The contents of ``meta.json``."""

    versions: dict[str, int]
    build: str
    generation: int
    fingerprint: str
    articles: int
    files: dict[str, int]
    # CRC-32 of the files whose damage no read would notice (see w3.checked_file).
    checksums: dict[str, int] = field(default_factory=dict)


def read_meta(index_dir: Path) -> Meta | None:
    """The recorded state, or None when there is none or it is unreadable."""
    try:
        data = json.loads((index_dir / META_FILE).read_text(encoding="utf-8"))
        return Meta(
            versions=dict(data["versions"]),
            build=str(data["build"]),
            generation=int(data["generation"]),
            fingerprint=str(data["fingerprint"]),
            articles=int(data["articles"]),
            files={str(k): int(v) for k, v in data["files"].items()},
            checksums={str(k): int(v) for k, v in data["checksums"].items()},
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def write_meta(index_dir: Path, meta: Meta) -> None:
    """Record the state atomically (a reader never sees half a file)."""
    data = {
        "versions": meta.versions,
        "build": meta.build,
        "generation": meta.generation,
        "fingerprint": meta.fingerprint,
        "articles": meta.articles,
        "files": meta.files,
        "checksums": meta.checksums,
    }
    temp = index_dir / f"{META_FILE}.{os.urandom(16).hex()}.tmp"
    temp.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(temp, index_dir / META_FILE)


def new_build_id() -> str:
    """A fresh id for a build from scratch (searchers notice the index was replaced)."""
    import uuid  # only a build needs one (uuid imports platform: a search pays for it)

    return uuid.uuid4().hex


def whoosh_files(whoosh_dir: Path) -> dict[str, int]:
    """Whoosh's index files and their sizes (lock and temporary files left out)."""
    files = {}
    with os.scandir(whoosh_dir) as entries:
        for entry in entries:
            if entry.is_file() and w3.is_index_file(entry.name, INDEX_NAME):
                files[entry.name] = entry.stat().st_size
    return files


def checksums(whoosh_dir: Path, files: Mapping[str, int], previous: Meta | None) -> dict[str, int]:
    """CRC-32 of the checked files (reused from ``previous`` for files it had: whoosh never
    rewrites a segment file, it writes new ones)."""
    known = previous.checksums if previous is not None else {}
    result = {}
    for name, size in files.items():
        if not w3.checked_file(name):
            continue
        if name in known and previous is not None and previous.files.get(name) == size:
            result[name] = known[name]
        else:
            result[name] = verified.crc32(whoosh_dir / name)
    return result


def damaged_file(index_dir: Path, meta: Meta) -> str | None:
    """The first checked file whose contents differ from what was written, or None.

    Files that are gone or have another size are left to :func:`meta_matches_files` (after an
    update committed without its meta.json, a merge may have replaced them).
    """
    whoosh_dir = index_dir / WHOOSH_DIR
    try:
        present = whoosh_files(whoosh_dir)
    except OSError:
        return WHOOSH_DIR
    # A file verified before and unchanged since is not read again (see index.verified).
    memo = verified.Verified(whoosh_dir)
    try:
        for name, expected in meta.checksums.items():
            if present.get(name) != meta.files.get(name):
                continue
            try:
                if not memo.matches(name, expected):
                    return name
            except OSError:
                return name
    finally:
        memo.save()
    return None


def latest_generation(whoosh_dir: Path) -> int:
    """The generation of the newest table of contents in a whoosh folder (-1 when none)."""
    try:
        names = os.listdir(whoosh_dir)
    except OSError:
        return -1
    found = [w3.toc_generation(name, INDEX_NAME) for name in names]
    return max((g for g in found if g is not None), default=-1)


def meta_matches_files(index_dir: Path, meta: Meta) -> bool:
    """Whether the whoosh folder is exactly what meta.json recorded (same generation, sizes)."""
    whoosh_dir = index_dir / WHOOSH_DIR
    if latest_generation(whoosh_dir) != meta.generation:
        return False
    try:
        files = whoosh_files(whoosh_dir)
    except OSError:
        return False
    return all(files.get(name) == size for name, size in meta.files.items())


def is_usable(index_dir: str | os.PathLike[str]) -> bool:
    """Whether a complete index is there to search, current or not."""
    folder = Path(index_dir)
    meta = read_meta(folder)
    return (
        meta is not None
        and meta.versions == versions()
        and damage_reason(folder) is None
        and meta_matches_files(folder, meta)
    )


def is_current(index_dir: str | os.PathLike[str], fingerprints: Mapping[str, str]) -> bool:
    """Whether the index can be used as it is for an archive with these issue fingerprints."""
    meta = read_meta(Path(index_dir))
    return (
        meta is not None
        and meta.fingerprint == archive_fingerprint(fingerprints)
        and is_usable(index_dir)
    )


def damage_reason(index_dir: str | os.PathLike[str]) -> str | None:
    """Why the index was found damaged (its next update rebuilds it), or None if it was not."""
    try:
        return (Path(index_dir) / DAMAGED_FILE).read_text(encoding="utf-8").strip() or "damaged"
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError):
        return "damaged"


def mark_damaged(index_dir: Path, reason: str) -> None:
    """Note that the index could not be read, so the next update rebuilds it."""
    try:
        (index_dir / DAMAGED_FILE).write_text(reason + "\n", encoding="utf-8")
    except OSError as exc:
        # The search reports the damage anyway; the next update finds it again by itself.
        log.warning("cannot mark %s as damaged: %s", index_dir, exc)


def remove_leftovers(index_dir: Path) -> None:
    """Delete what interrupted builds left behind (only call with the write lock held)."""
    for entry in index_dir.iterdir():
        if entry.is_dir() and _LEFTOVER.match(entry.name):
            shutil.rmtree(entry, ignore_errors=True)
    whoosh_dir = index_dir / WHOOSH_DIR
    if whoosh_dir.is_dir():
        for entry in whoosh_dir.iterdir():
            if entry.is_dir() and entry.name.endswith(".tmp"):
                shutil.rmtree(entry, ignore_errors=True)


class _Busy(Exception):
    """Raised from inside the lock's wait: another process is writing."""


def remove_index(index_dir: Path) -> bool:
    """Delete the index in ``index_dir`` and the folder with it, unless it is being written.

    Returns False when there was no such folder. The caller decides that ``index_dir`` is an
    index folder at all (:meth:`reader.library.Library.clear_index` checks it is one below
    the index root).

    Raises:
        IndexUnavailable: Another process holds the index's write lock (an update is running).
        OSError: A file could not be deleted.
    """
    if not index_dir.is_dir() or index_dir.is_symlink():
        return False

    def busy() -> None:
        raise _Busy

    lock = WriteLock(index_dir / LOCK_FILE, wait=busy)
    try:
        lock.acquire()
    except _Busy:
        raise IndexUnavailable(
            f"{index_dir} is being written; try again when indexing ends"
        ) from None
    # Let go before deleting: Windows cannot delete a file that is open.
    lock.release()
    shutil.rmtree(index_dir)
    return True
