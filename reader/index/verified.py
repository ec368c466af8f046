"""The index files whose checksum was verified, remembered until they change (or a day passes).

A searcher checks the CRC-32 of the term dictionary and the columns when it opens (damage
in them makes lookups miss without an error; see ``w3.checked_file``): 55 MB on a ten-year
weekly, a tenth of a second that every command-line search paid. A file that passed is
remembered in the per-user cache with its size, modification and change times and inode: any
write to it changes them (the change time cannot be set back), so it is read again. Damage
that no write makes (the disk's own) is found by the check made again once a day.
Never written inside the index; a memo that cannot be read is a miss.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import time
import zlib
from pathlib import Path

from reader.index.statefiles import state_file

log = logging.getLogger(__name__)

VERSION = 1
# How long a verified file is trusted while unchanged.
MAX_AGE_SECONDS = 24 * 3600


def crc32(path: Path) -> int:
    """The CRC-32 of a file, read in 4 MB pieces."""
    crc = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 22):
            crc = zlib.crc32(chunk, crc)
    return crc


class Verified:
    """The memo of one whoosh folder: which of its files matched which checksum, and when."""

    def __init__(self, whoosh_dir: Path) -> None:
        self.whoosh_dir = whoosh_dir
        self._file = memo_file(whoosh_dir)
        self._files: dict[str, list[int]] = {}
        self._changed = False
        if self._file is not None:
            try:
                data = json.loads(self._file.read_text(encoding="utf-8"))
                if data.get("version") == VERSION and isinstance(data.get("files"), dict):
                    self._files = data["files"]
            except (FileNotFoundError, NotADirectoryError):  # none (a file in its folder's way)
                pass
            except OSError as exc:
                log.warning("ignoring the verified-files memo %s: %s", self._file, _why(exc))
            except (ValueError, AttributeError) as exc:
                log.warning("ignoring the verified-files memo %s: %r", self._file, exc)

    def matches(self, name: str, expected: int) -> bool:
        """Whether file ``name`` has the CRC-32 ``expected`` (read unless verified already).

        Raises:
            OSError: The file cannot be read.
        """
        path = self.whoosh_dir / name
        info = os.stat(path)
        key = [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, expected]
        known = self._files.get(name)
        now = int(time.time())
        if isinstance(known, list) and known[:5] == key and 0 <= now - known[5] < MAX_AGE_SECONDS:
            return True
        if crc32(path) != expected:
            self._forget(name)
            return False
        self._files[name] = [*key, now]
        self._changed = True
        return True

    def _forget(self, name: str) -> None:
        if self._files.pop(name, None) is not None:
            self._changed = True

    def save(self) -> None:
        """Write the memo if it changed (the files no longer in the folder are dropped)."""
        if self._file is None or not self._changed:
            return
        try:
            present = set(os.listdir(self.whoosh_dir))
        except OSError:
            return
        files = {name: value for name, value in self._files.items() if name in present}
        temp = self._file.with_name(f"{self._file.name}.{os.urandom(16).hex()}.tmp")
        try:
            self._file.parent.mkdir(parents=True, exist_ok=True)
            temp.write_text(json.dumps({"version": VERSION, "files": files}), encoding="utf-8")
            os.replace(temp, self._file)
        except OSError as exc:
            log.warning("cannot remember the verified files in %s: %s", self._file, _why(exc))
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)


def memo_file(whoosh_dir: Path) -> Path | None:
    """Where the verified files of ``whoosh_dir`` are remembered (None: nowhere, check all)."""
    return state_file(whoosh_dir, "verified.json")


def _why(exc: OSError) -> str:
    """The system's reason in words (``Permission denied``), not ``[Errno 13] …: '…'``."""
    return exc.strerror or str(exc)
