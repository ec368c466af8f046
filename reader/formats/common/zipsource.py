"""A zip archive as a Source: members read in memory, never unpacked, with zip-bomb limits.

Member names that would leave the archive when unpacked (``../x``, ``/etc/x``, ``C:\\x``) are
listed but refused when read, so they become problems; so are members over the size limits,
members that expand suspiciously (a compression ratio no real text reaches) and members beyond
the total the archive may expand to.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from reader.formats.common.source import FileInfo, Listing
from reader.model import CorruptArchive, Reason

if TYPE_CHECKING:
    import zipfile  # imported when a zip is opened: a folder's archive never needs it (4 ms)

# A member is at most this large uncompressed (a generous issue file or page).
MAX_MEMBER_BYTES = 256 * 1024 * 1024
# Everything in the archive together expands to at most this much.
MAX_TOTAL_BYTES = 4 * 1024 * 1024 * 1024
# Text and XML compress 3-20 times; a member expanding more than this is refused...
MAX_RATIO = 200
# ...unless it is small enough that expanding it cannot hurt.
RATIO_EXEMPT_BYTES = 1024 * 1024
_DRIVE = re.compile(r"^[A-Za-z]:")
_UTF8_NAMES = 0x800


class ZipSource:
    """Read-only access to the files inside one ``.zip`` (a Source, see ``source.py``).

    The zip stays open while the source lives (reading a member must not re-read the central
    directory); :meth:`close` or ``with`` closes it sooner.
    """

    def __init__(
        self,
        path: Path,
        max_member_bytes: int = MAX_MEMBER_BYTES,
        max_total_bytes: int = MAX_TOTAL_BYTES,
        max_ratio: float = MAX_RATIO,
    ) -> None:
        self.root = str(path.resolve())
        self._lock = threading.Lock()
        import zipfile

        try:
            self._zip = zipfile.ZipFile(path)
        except Exception as exc:
            # zipfile parses the central directory of a file from anywhere: whatever it raises
            # on bad bytes (BadZipFile, ValueError, EOFError, OSError, NotImplementedError for
            # "zip file version 9.9"...) means one thing to a user: not a zip it can read.
            raise CorruptArchive(str(path), Reason.of("bad_zip", detail=exc)) from exc
        self._entries: dict[str, zipfile.ZipInfo] = {}
        self._refused: dict[str, Reason] = {}
        members = [
            (_display_name(info), info)
            for info in self._zip.infolist()
            # endswith, not is_dir(): a damaged entry may have an empty name (is_dir raises).
            if info.filename
            and not info.filename.endswith("/")
            and not info.filename.startswith("__MACOSX/")
        ]
        # Zipping a folder the usual way (Explorer, Finder, ``zip -r x.zip x``) puts the folder
        # itself in the zip; names inside it are taken as the folder's, so ids do not change.
        top = f"{path.stem}/"
        if members and all(name.startswith(top) for name, _ in members):
            members = [(name.removeprefix(top), info) for name, info in members]
        total = 0
        for name, info in members:
            if name in self._entries:
                continue  # a repeated name: the first one is the file
            self._entries[name] = info
            reason = _unsafe(name)
            if reason is None:
                reason = _too_big(info, max_member_bytes, max_ratio)
            if reason is None:
                total += info.file_size
                if total > max_total_bytes:
                    reason = Reason.of("zip_expands_too_much", limit=f"{max_total_bytes:,}")
            if reason is not None:
                self._refused[name] = reason

    def names(self) -> list[str]:
        """Every file in the archive (refused ones too, so that they are reported), sorted."""
        return sorted(self._entries)

    def listing(self) -> Listing:
        """:meth:`names`: a zip's members are all listed (a refused one raises when read)."""
        return Listing(self.names(), [])

    def _entry(self, name: str) -> zipfile.ZipInfo:
        """The member to read; CorruptArchive when it was refused or is not in the zip."""
        if name in self._refused:
            raise CorruptArchive(name, self._refused[name])
        info = self._entries.get(name)
        if info is None:
            raise CorruptArchive(name, Reason.of("zip_no_such_member"))
        return info

    def read_bytes(self, name: str, limit: int | None = None) -> bytes:
        """A member's bytes (the first ``limit`` bytes when given); CorruptArchive if refused."""
        info = self._entry(name)
        try:
            with self._lock, self._zip.open(info) as member:
                # zipfile never returns more than the declared size, so a lying header cannot
                # expand past the limits checked when the archive was opened.
                return member.read(-1 if limit is None else limit)
        except Exception as exc:
            raise _member_error(name, exc) from exc

    def chunks(self, name: str, size: int) -> Iterator[bytes]:
        """A member in pieces of at most ``size`` bytes, inflated as read; CorruptArchive if refused.

        Each piece is read under the lock, so other readers of the zip wait a piece, not a file.
        """
        info = self._entry(name)
        try:
            with self._lock:
                member = self._zip.open(info)
            with member:
                while True:
                    with self._lock:
                        piece = member.read(size)
                    if not piece:
                        return
                    yield piece
        except Exception as exc:
            raise _member_error(name, exc) from exc

    def info(self, name: str) -> FileInfo:
        """Size and modification time from the zip entry; FileNotFoundError for no such file."""
        info = self._entries.get(name)
        if info is None:
            raise FileNotFoundError(name)
        try:
            stamp = dt.datetime(*info.date_time, tzinfo=dt.UTC)
        except ValueError:  # a damaged timestamp: the size alone must tell
            stamp = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)
        return FileInfo(info.file_size, int(stamp.timestamp()) * 1_000_000_000)

    def close(self) -> None:
        """Close the zip file."""
        self._zip.close()

    def __enter__(self) -> ZipSource:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def is_zip(path: Path) -> bool:
    """Whether a path names a zip archive to open as a source."""
    return path.is_file() and path.suffix.lower() == ".zip"


def _display_name(info: zipfile.ZipInfo) -> str:
    """The member's name as its author saw it.

    Zips made on Chinese Windows store GBK names without the UTF-8 flag; zipfile reads them as
    CP437, so they are decoded again (UTF-8 first, which some tools write without the flag).
    """
    name = info.filename
    if not info.flag_bits & _UTF8_NAMES and not name.isascii():
        raw = name.encode("cp437", errors="replace")
        for encoding in ("utf-8", "gb18030"):
            try:
                name = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    return name.replace("\\", "/")


def _unsafe(name: str) -> Reason | None:
    """Why a member name would leave the archive when unpacked, or None when it is safe."""
    if "\x00" in name:
        return Reason.of("nul_in_name")
    if name.startswith("/") or _DRIVE.match(name):
        return Reason.of("absolute_path")
    if ".." in PurePosixPath(name).parts:
        return Reason.of("path_outside_archive")
    return None


def _too_big(info: zipfile.ZipInfo, max_member_bytes: int, max_ratio: float) -> Reason | None:
    if info.file_size > max_member_bytes:
        return Reason.of("zip_member_too_large", size=f"{info.file_size:,}")
    ratio = info.file_size / max(1, info.compress_size)
    if info.file_size > RATIO_EXEMPT_BYTES and ratio > max_ratio:
        return Reason.of("zip_bomb", ratio=f"{ratio:,.0f}")
    return None


def _member_error(name: str, exc: Exception) -> CorruptArchive:
    """The problem for a member zipfile could not read, by what it raised."""
    if isinstance(exc, NotImplementedError):  # before RuntimeError, of which it is a kind
        return CorruptArchive(name, Reason.of("zip_unsupported_compression", detail=exc))
    if isinstance(exc, RuntimeError):  # zipfile's way of saying "encrypted"
        return CorruptArchive(name, Reason.of("cannot_read_file", detail=exc))
    # Anything else zipfile or a decompressor raises on bad bytes (BadZipFile, zlib.error,
    # lzma.LZMAError, EOFError, OSError, struct.error...) is a damaged member: a problem for
    # this file only.
    return CorruptArchive(name, Reason.of("zip_member_damaged", detail=exc))
