"""Where an export (or ``page --png``'s picture) is written: checked first, its failures told apart.

An export names a file (or, for text and Markdown, a folder or a zip) whose folder must already
exist: a mistyped path is refused rather than made, as ``cp`` refuses it, and the only folder an
export makes is the one a text export writes into. A failure to write the destination is
:class:`CannotWrite`, naming it as the user gave it (never the temporary file written beside
it); an archive's file that cannot be read during the export keeps its own error.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from reader.model import ReaderError

T = TypeVar("T")


# Why a destination cannot be written: code -> the English words, with named {values}. An OS
# error's own words are the system's (its strerror), kept as the command line always printed
# them; the window words each code in its language (reader/ui/core/unwritten.py; a test
# keeps the two in step). A failure on another path than the destination (a folder export's
# file, a folder being made for it) is said after that path: ``{where}: Permission denied``.
WHY: dict[str, str] = {
    "folder_missing": "the folder {folder} does not exist",
    "folder_is_file": "the folder {folder} is a file, not a folder",
    "is_file": "it is a file, not a folder",
    "is_folder": "it is a folder",
    "in_archive": "it is inside the archive, which is never written",
    "permission_denied": "Permission denied",
    "read_only": "Read-only file system",
    "disk_full": "No space left on device",
    "quota": "Disk quota exceeded",
    "no_such_path": "No such file or directory",
    "io_error": "Input/output error",
    "name_too_long": "File name too long",
    "too_large": "File too large",
    "unknown": "it could not be written, for a reason the system did not give",
    "system": "{detail}",
}

# The operating system's refusals that have a code of their own; any other keeps its words.
_OS_CODES = {
    errno.EACCES: "permission_denied",
    errno.EPERM: "permission_denied",
    errno.EROFS: "read_only",
    errno.ENOSPC: "disk_full",
    errno.EDQUOT: "quota",
    errno.ENOENT: "no_such_path",
    errno.EISDIR: "is_folder",
    errno.EIO: "io_error",
    errno.ENAMETOOLONG: "name_too_long",
    errno.EFBIG: "too_large",
}


class CannotWrite(ReaderError):
    """An export's destination cannot be written: its folder is missing or read-only, the disk full…

    Attributes:
        path: The destination as the user gave it.
        reason: Why, in a few words (the system's own, as ``Permission denied``).
        code: Why, as a :data:`WHY` code (``system`` when only the system's words say it).
        values: The values of the code's words (``folder``, ``detail``), and ``where`` when
            the path refused is not the destination itself (a folder export's file, by name;
            a folder made for it, in full).
    """

    # The English message; a subclass says what could not be written in its own words.
    MESSAGE = "cannot write {path}: {reason}"

    def __init__(
        self, path: str, reason: str, code: str = "system", values: dict[str, str] | None = None
    ) -> None:
        super().__init__(self.MESSAGE.format(path=path, reason=reason))
        self.path = path
        self.reason = reason
        self.code = code
        self.values = dict(values or {})

    def __reduce__(self) -> tuple[type[CannotWrite], tuple[str, str, str, dict[str, str]]]:
        # The default pickles only the message, and unpickling would then lack the reason.
        return type(self), (self.path, self.reason, self.code, self.values)

    @classmethod
    def of(cls: type[_Failure], path: str, code: str, **values: str) -> _Failure:
        """The failure ``code`` of ``path``, its English words filled with ``values``."""
        reason = WHY[code].format_map({"detail": "", **values})
        where = values.get("where")
        return cls(path, f"{where}: {reason}" if where else reason, code, values)


_Failure = TypeVar("_Failure", bound=CannotWrite)


class IntoArchive(CannotWrite):
    """The destination is an archive or inside one: nothing is ever written there."""

    MESSAGE = "will not write into the archive: {path}"

    def __init__(
        self,
        path: str,
        reason: str = WHY["in_archive"],
        code: str = "in_archive",
        values: dict[str, str] | None = None,
    ) -> None:
        super().__init__(path, reason, code, values)


def checked(out: Path | str, folder: bool) -> Path:
    """``out`` as an absolute path, once it is known that an export can be written there.

    ``folder``: the export is a folder of files (made when missing, as the only folder made).

    Raises:
        CannotWrite: The folder ``out`` would be in does not exist or is a file; ``out`` is a
            folder where a file is to be written, or a file where a folder is.
    """
    target = Path(out).expanduser().absolute()
    parent = target.parent
    if not parent.is_dir():
        # The folder as typed (``typo`` of ``typo/x.csv``); a bare name's is the working folder.
        named = os.path.dirname(os.fspath(out)) or str(parent)
        code = "folder_is_file" if parent.exists() else "folder_missing"
        raise CannotWrite.of(str(out), code, folder=named)
    if folder and target.exists() and not target.is_dir():
        raise CannotWrite.of(str(out), "is_file")
    if not folder and target.is_dir():
        raise CannotWrite.of(str(out), "is_folder")
    return target


@contextlib.contextmanager
def writing(out: Path | str, items: Iterable[T]) -> Iterator[Iterator[T]]:
    """``items``, to be written to ``out`` in the block; its OSErrors are CannotWrite's.

    Writing and reading interleave (an export streams its entries), so an OSError raised while
    an item was read (a damaged catalogue cache, an archive's file gone) passes as it is; any
    other is the destination's.
    """
    from_reading: list[BaseException] = []

    def read() -> Iterator[T]:
        try:
            yield from items
        except BaseException as exc:
            from_reading.append(exc)
            raise

    try:
        yield read()
    except OSError as exc:
        if any(exc is failure for failure in from_reading):
            raise
        raise failed(str(out), exc) from exc


@contextlib.contextmanager
def saving(out: Path | str) -> Iterator[None]:
    """A block that writes ``out`` and reads nothing: its OSErrors are CannotWrite's."""
    try:
        yield
    except OSError as exc:
        raise failed(str(out), exc) from exc


def failed(out: str, exc: OSError, kind: type[CannotWrite] = CannotWrite) -> CannotWrite:
    """Writing ``out`` (a file or folder, as the user gave it) failed with ``exc``: why, coded.

    ``kind``: the failure's class (a subclass says what could not be written in its words).

    The path the system refused is named when it is another than ``out`` or the temporary
    file beside it: a folder export's file by its name, a folder made on the way in full. A
    folder on the way that is a file (the system's "Not a directory", or "File exists" when it
    was to be made) is named as such.
    """
    target = Path(out).expanduser().absolute()
    values: dict[str, str] = {}
    refused = exc.filename if isinstance(exc.filename, str) else ""
    if refused and Path(refused).parent == target:
        values["where"] = Path(refused).name
    elif refused and Path(refused).absolute() in target.parents:
        values["where"] = refused
    if exc.errno == errno.ENOTDIR:
        blocking = next((p for p in target.parents if p.exists() and not p.is_dir()), None)
        if blocking is not None:
            return kind.of(out, "folder_is_file", folder=str(blocking))
    if exc.errno == errno.EEXIST and refused:  # a folder made where a file is
        made = Path(refused).absolute()
        if (made == target or made in target.parents) and made.exists() and not made.is_dir():
            return kind.of(out, "folder_is_file", folder=refused)
    code = _OS_CODES.get(exc.errno or 0, "system")
    reason = exc.strerror or str(exc)
    where = values.get("where")
    if code == "system":
        values["detail"] = reason
    return kind(out, f"{where}: {reason}" if where else reason, code, values)
