"""A cache of each archive's catalogue in the per-user cache folder: reopening reads one file.

Importing a ten-year weekly (2,000 issue files) takes several seconds; most opens find the
archive as it was. The cache is keyed by the archive's location and stamped with a digest of
every file's name, size and modification time (and of this program's importers), so any
change — a file added, edited or removed, archive.toml edited, the program upgraded — makes
it miss and the archive is read again. Never written inside the archive.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import uuid
from functools import cache
from pathlib import Path

import platformdirs

from reader.formats.source import Source
from reader.model import Archive, CorruptArchive, Issue

log = logging.getLogger(__name__)

APP_NAME = "issue-reader"
# Bump when what is pickled changes shape in a way the code digest below cannot see.
CACHE_VERSION = 2
_MAGIC = b"issue-reader catalogue\n"
# Issues per pickle call (about 10 ms each for a county weekly).
CHUNK = 16


def default_cache_root() -> Path:
    """Where catalogues are cached: the per-user cache folder."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "catalogues"


def cache_file(cache_root: Path, opened: Path) -> Path:
    """The cache file of the archive opened at ``opened`` (a folder, a file or a zip)."""
    where = str(opened.resolve())
    digest = hashlib.blake2b(where.encode("utf-8", "surrogateescape"), digest_size=12)
    return cache_root / f"{opened.name or 'archive'}-{digest.hexdigest()}.pickle"


def stamp(source: Source, opened: Path) -> str:
    """A digest of everything the catalogue is read from; it changes when any of it does."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{CACHE_VERSION}|{_code_digest()}|".encode())
    info = opened.stat()
    digest.update(f"{info.st_size}:{info.st_mtime_ns}|".encode())
    for name in source.names():
        try:
            file = source.info(name)
        except (OSError, CorruptArchive):
            digest.update(f"{name}:?\x1e".encode("utf-8", "surrogateescape"))
            continue
        digest.update(f"{name}:{file.size}:{file.mtime_ns}\x1e".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def load(path: Path, expected: str) -> Archive | None:
    """The cached catalogue, if it was made from the files as they are now (``expected``)."""
    try:
        with path.open("rb") as handle:
            if handle.read(len(_MAGIC)) != _MAGIC or handle.readline().strip() != expected.encode():
                return None
            head = pickle.load(handle)
            issues: list[Issue] = []
            for _ in range(head.pop("chunks")):
                issues.extend(pickle.load(handle))
            archive = Archive(issues=tuple(issues), **head)
    except FileNotFoundError:
        return None
    except Exception as exc:  # a damaged or foreign cache file is only a miss
        log.warning("ignoring the catalogue cache %s: %r", path, exc)
        return None
    return archive


def save(path: Path, current: str, archive: Archive) -> None:
    """Cache ``archive``; a cache that cannot be written is logged and otherwise ignored."""
    temp = path.with_name(f"{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with temp.open("wb") as handle:
            handle.write(_MAGIC + current.encode() + b"\n")
            # In chunks: one pickle call holds the GIL throughout (1.5 s for 2,000 issues),
            # which would freeze a window opening the archive on a worker thread.
            chunks = [archive.issues[i : i + CHUNK] for i in range(0, len(archive.issues), CHUNK)]
            head = {
                "root": archive.root,
                "settings": archive.settings,
                "problems": archive.problems,
                "chunks": len(chunks),
            }
            pickle.dump(head, handle, protocol=pickle.HIGHEST_PROTOCOL)
            for chunk in chunks:
                pickle.dump(chunk, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)  # readers see the old file or the new one, never half of one
    except OSError as exc:
        log.warning("cannot cache the catalogue in %s: %s", path, exc)
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


@cache
def _code_digest() -> str:
    """A digest of the importers' and the model's source: new code, new catalogue."""
    digest = hashlib.blake2b(digest_size=8)
    package = Path(__file__).parent
    for folder in ("formats", "model"):
        for file in sorted((package / folder).glob("*.py")):
            digest.update(file.name.encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()
