"""Why a file could not be written, in the interface language: each failure code translated.

``reader.library.destination.WHY`` holds the codes and their English words (the command line's,
the system's own for an OS error); here each has the same words through
``QCoreApplication.translate`` (literal strings, so ``pyside6-lupdate`` finds them), so an export,
a saved chart or the settings that cannot be written say why in the window's language, not in
the system's English. A test keeps the two lists in step.
"""

from __future__ import annotations

import contextlib
import logging
import re
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from reader.library.destination import CannotWrite, failed
from reader.ui.i18n import fill

log = logging.getLogger(__name__)

_PLACEHOLDER = re.compile(r"\{([a-z]+)\}")


def templates() -> dict[str, str]:
    """Every failure code's words in the current interface language."""
    return {
        "folder_missing": QCoreApplication.translate(
            "CannotWrite", "the folder {folder} does not exist"
        ),
        "folder_is_file": QCoreApplication.translate(
            "CannotWrite", "the folder {folder} is a file, not a folder"
        ),
        "is_file": QCoreApplication.translate("CannotWrite", "it is a file, not a folder"),
        "is_folder": QCoreApplication.translate("CannotWrite", "it is a folder"),
        "in_archive": QCoreApplication.translate(
            "CannotWrite", "it is inside the archive, which is never written"
        ),
        "permission_denied": QCoreApplication.translate("CannotWrite", "Permission denied"),
        "read_only": QCoreApplication.translate("CannotWrite", "Read-only file system"),
        "disk_full": QCoreApplication.translate("CannotWrite", "No space left on device"),
        "quota": QCoreApplication.translate("CannotWrite", "Disk quota exceeded"),
        "no_such_path": QCoreApplication.translate("CannotWrite", "No such file or directory"),
        "io_error": QCoreApplication.translate("CannotWrite", "Input/output error"),
        "name_too_long": QCoreApplication.translate("CannotWrite", "File name too long"),
        "too_large": QCoreApplication.translate("CannotWrite", "File too large"),
        "unknown": QCoreApplication.translate(
            "CannotWrite", "it could not be written, for a reason the system did not give"
        ),
        # The system's own words, which no table translates: said as the system's.
        "system": QCoreApplication.translate("CannotWrite", "the system says: {detail}"),
    }


def why(exc: CannotWrite) -> str:
    """Why ``exc``'s destination could not be written, in the current interface language."""
    template = templates().get(exc.code)
    if template is None:  # a code this module does not know yet: English beats nothing
        return exc.reason
    values = exc.values
    # One pass, so a value that itself looks like {folder} is left alone.
    text = _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)
    where = values.get("where")
    return fill(QCoreApplication.translate("CannotWrite", "%1: %2"), where, text) if where else text


def named(exc: CannotWrite) -> str:
    """The file ``exc`` could not write, and why, in the current interface language."""
    return fill(QCoreApplication.translate("CannotWrite", "%1: %2"), exc.path, why(exc))


# SQLite's refusals that say what the system would; any other keeps SQLite's words.
_SQLITE_CODES = {
    sqlite3.SQLITE_READONLY: "permission_denied",
    sqlite3.SQLITE_PERM: "permission_denied",
    sqlite3.SQLITE_FULL: "disk_full",
    sqlite3.SQLITE_IOERR: "io_error",
}


def not_opened(file: Path | str, exc: OSError | sqlite3.Error) -> str:
    """The reader's own SQLite ``file`` (the collections, the library) that could not be made
    or opened with ``exc``, and why, in the current interface language."""
    if isinstance(exc, OSError):
        return named(failed(str(file), exc))
    code = _SQLITE_CODES.get(getattr(exc, "sqlite_errorcode", 0) & 0xFF, "system")
    return named(CannotWrite.of(str(file), code, detail=str(exc)))


@contextlib.contextmanager
def changing_collections(file: Path | str, say: Callable[[str], None]) -> Iterator[None]:
    """A block that changes the reader's collections ``file``: SQLite's refusal (a read-only
    file or folder, a full disk) ends the block, not the window, and ``say`` is given the file
    and why (:func:`not_opened`)."""
    try:
        yield
    except sqlite3.Error as exc:
        log.warning("the collections cannot be changed: %s", exc)
        say(not_opened(file, exc))
