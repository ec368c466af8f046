"""Where an export (or ``page --png``'s picture) is written: checked first, its failures told apart.

An export names a file (or, for text and Markdown, a folder or a zip) whose folder must already
exist: a mistyped path is refused rather than made, as ``cp`` refuses it, and the only folder an
export makes is the one a text export writes into. A failure to write the destination is
:class:`CannotWrite`, naming it as the user gave it (never the temporary file written beside
it); an archive's file that cannot be read during the export keeps its own error.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from reader.model import ReaderError

T = TypeVar("T")


class CannotWrite(ReaderError):
    """An export's destination cannot be written: its folder is missing or read-only, the disk full…

    Attributes:
        path: The destination as the user gave it.
        reason: Why, in a few words (the system's own, as ``Permission denied``).
    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"cannot write {path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self) -> tuple[type[CannotWrite], tuple[str, str]]:
        # The default pickles only the message, and unpickling would then lack the reason.
        return type(self), (self.path, self.reason)


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
        what = "is a file, not a folder" if parent.exists() else "does not exist"
        raise CannotWrite(str(out), f"the folder {named} {what}")
    if folder and target.exists() and not target.is_dir():
        raise CannotWrite(str(out), "it is a file, not a folder")
    if not folder and target.is_dir():
        raise CannotWrite(str(out), "it is a folder")
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
        raise CannotWrite(str(out), _reason(exc, Path(out).expanduser().absolute())) from exc


@contextlib.contextmanager
def saving(out: Path | str) -> Iterator[None]:
    """A block that writes ``out`` and reads nothing: its OSErrors are CannotWrite's."""
    try:
        yield
    except OSError as exc:
        raise CannotWrite(str(out), _reason(exc, Path(out).expanduser().absolute())) from exc


def _reason(exc: OSError, target: Path) -> str:
    """The system's reason, with the file's name when it is one of a folder export's files."""
    reason = exc.strerror or str(exc)
    if isinstance(exc.filename, str) and Path(exc.filename).parent == target:
        return f"{Path(exc.filename).name}: {reason}"
    return reason
