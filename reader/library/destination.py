"""Where an export (or ``page --png``'s picture) is written: its failures told from the archive's.

A failure to write an export's destination (a file, or for text and Markdown a folder or a
zip) is :class:`CannotWrite`, naming it as the user gave it (never the temporary file written
beside it); an archive's file that cannot be read during the export keeps its own error.
"""

from __future__ import annotations

import contextlib
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
