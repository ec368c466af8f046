"""The digest of the importers' and the model's code that keys the catalogue cache.

New code, new catalogue: the digest hashes every ``.py`` file of :data:`CODE_FOLDERS`. Reading
and hashing a hundred files costs a command-line search 7–8 ms, so the digest is remembered
in the user cache with each file's size and modification time, and computed again when any
of them changes (a file edited, added, removed or moved). A frozen app has no ``.py`` files:
its build writes the digest into the bundle.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
from functools import cache
from pathlib import Path

from reader import digests
from reader.library import paths

log = logging.getLogger(__name__)

# The packages whose code shapes a catalogue: a change to them makes every cache miss.
CODE_FOLDERS = ("formats", "model")
# A frozen app has no .py files to hash: its build writes their digest here (packaging/).
CODE_DIGEST_FILE = Path("_data") / "code-digest"
_MEMO_NAME = "code-digest.json"


@cache
def code_digest() -> str:
    """A digest of the importers' and the model's code, as this program runs: new code, new catalogue."""
    return digest_of_code(Path(__file__).resolve().parent.parent)


def digest_of_code(package: Path, memo: Path | None = None) -> str:
    """The code digest of the ``reader`` package at ``package``, installed or frozen.

    From the ``.py`` files of :data:`CODE_FOLDERS` when there are any (remembered in ``memo``,
    by default in the user cache, with their sizes and times); in a frozen app (which has
    none) the same digest, taken from them at build time, from :data:`CODE_DIGEST_FILE`;
    failing both, the executable's size and time, which change with every build.
    """
    files = _source_files(package, CODE_FOLDERS)
    if files:
        return _remembered(package, files, memo or paths.user_cache_root() / _MEMO_NAME)
    try:
        written = (package / CODE_DIGEST_FILE).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        written = ""
    if written:
        return written
    info = Path(sys.executable).stat()
    return f"executable:{info.st_size}:{info.st_mtime_ns}"


def source_digest(package: Path, folders: tuple[str, ...]) -> str:
    """A digest of every ``.py`` file below each of ``folders`` of ``package``, subpackages too.

    Files go in by their paths relative to ``package``, in order, so the digest is the same
    on every machine and changes when a file is edited, added, removed or moved.
    """
    digest = digests.blake2b(digest_size=8)
    for folder in folders:
        top = package / folder
        for relative in sorted(file.relative_to(top).as_posix() for file in top.rglob("*.py")):
            digest.update(f"{folder}/{relative}\x1f".encode())
            digest.update((top / relative).read_bytes())
            digest.update(b"\x1e")
    return digest.hexdigest()


def _source_files(package: Path, folders: tuple[str, ...]) -> list[str]:
    """Every ``.py`` file below ``folders``, with its size and modification time."""
    found = []
    for folder in folders:
        for where, _, names in os.walk(package / folder):
            for name in names:
                if name.endswith(".py"):
                    path = os.path.join(where, name)
                    try:
                        info = os.stat(path)
                    except OSError:
                        continue
                    found.append(f"{path}:{info.st_size}:{info.st_mtime_ns}")
    return sorted(found)


def _remembered(package: Path, files: list[str], memo: Path) -> str:
    """The source digest, from ``memo`` when the files are as they were when it was taken."""
    signature = digests.blake2b("\x1e".join(files).encode("utf-8", "surrogateescape")).hexdigest()
    try:
        kept = json.loads(memo.read_text(encoding="utf-8"))
        if kept.get("signature") == signature and isinstance(kept.get("digest"), str):
            return str(kept["digest"])
    except (OSError, ValueError, AttributeError):
        pass  # none yet, or unreadable: taken again
    digest = source_digest(package, CODE_FOLDERS)
    temp = memo.with_name(f"{memo.name}.{os.urandom(8).hex()}.tmp")
    try:
        memo.parent.mkdir(parents=True, exist_ok=True)
        temp.write_text(json.dumps({"signature": signature, "digest": digest}), encoding="utf-8")
        os.replace(temp, memo)
    except OSError as exc:
        log.info("cannot remember the code digest in %s: %s", memo, exc)
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
    return digest
