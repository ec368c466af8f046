"""Errors shown to users: one sentence per expected failure, a bug dialog for the rest, and the log.

A ReaderError comes from the user's files or environment and gets a plain sentence; anything else
is a bug: it is logged with its traceback and shown once in a non-blocking dialog, so a burst of
failures never turns into a storm of modal boxes.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from reader.library import paths
from reader.library.aliases import AliasesNotKept
from reader.library.archive_index import IndexNotWritten
from reader.library.destination import CannotWrite, failed
from reader.model import (
    Cancelled,
    CorruptArchive,
    IndexUnavailable,
    NotFound,
    ReaderError,
    UnsupportedFormat,
    printable,
)
from reader.ui.core import settings, unwritten
from reader.ui.i18n import fill
from reader.ui.problems.reasons import reason_text
from reader.ui.search import query_errors

log = logging.getLogger("reader")

_log_path: Path | None = None
_open_bug_box: QMessageBox | None = None


def setup_logging(folder: Path | None = None) -> Path | None:
    """Log to a rotating file in the per-user log folder (or ``folder``); return its path.

    A folder that cannot be written costs only the log file (None): the window runs, its
    warnings go to the terminal, and the terminal is told once why there is no log.
    """
    global _log_path
    folder = folder or paths.log_dir()
    path = folder / f"{paths.APP_NAME}.log"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=2, encoding="utf-8")
    except OSError as exc:
        why = failed(str(path), exc).reason
        print(f"{paths.APP_NAME}: cannot keep a log in {path}: {why}", file=sys.stderr)
        _log_path = None
        return None
    _log_path = path
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return _log_path


def summary(exc: BaseException) -> str:
    """One sentence saying what kind of failure ``exc`` is, in the user's language."""
    if isinstance(exc, CorruptArchive):
        return QCoreApplication.translate(
            "errors", "This file or folder cannot be read as an archive."
        )
    if isinstance(exc, UnsupportedFormat):
        return QCoreApplication.translate("errors", "Issue Reader does not know this file format.")
    if isinstance(exc, IndexNotWritten):
        return QCoreApplication.translate(
            "errors",
            "The search index cannot be written: this archive cannot be searched, but it can "
            "be read as ever.",
        )
    if isinstance(exc, IndexUnavailable):
        return QCoreApplication.translate("errors", "The search index cannot be built or opened.")
    if isinstance(exc, settings.SettingsNotKept):
        return QCoreApplication.translate(
            "errors",
            "Your settings cannot be saved: what you change now (the archive open, the layout, "
            "the language) is forgotten when Issue Reader closes.",
        )
    if isinstance(exc, AliasesNotKept):
        return QCoreApplication.translate("errors", "Your publication aliases could not be kept.")
    if isinstance(exc, CannotWrite):
        return QCoreApplication.translate("errors", "A file could not be written.")
    if isinstance(exc, NotFound):
        return QCoreApplication.translate("errors", "That issue or article is not in this archive.")
    if isinstance(exc, ReaderError):
        return QCoreApplication.translate("errors", "The archive could not be read.")
    return QCoreApplication.translate(
        "errors", "Something went wrong inside Issue Reader. This is a bug."
    )


def show_error(parent: QWidget | None, exc: BaseException) -> QMessageBox | None:
    """Show a ReaderError as a warning; anything else goes to the bug dialog."""
    if isinstance(exc, Cancelled):
        return None
    if not isinstance(exc, ReaderError):
        return show_bug(parent, type(exc), exc, exc.__traceback__)
    log.info("shown to the user: %s", exc)
    box = QMessageBox(QMessageBox.Icon.Warning, _title(), summary(exc), parent=parent)
    box.setInformativeText(query_errors.said(exc))  # a query's error in the window's language
    if isinstance(exc, CorruptArchive):
        # The reason in the interface language; the details keep the English, for bug reports.
        path = printable(exc.path)  # a name that is not UTF-8 shows with U+FFFD, not without it
        box.setInformativeText(f"{path}: {reason_text(exc.reason)}")
        box.setDetailedText(f"{path}\n{exc.detail}")
    elif isinstance(exc, CannotWrite):
        # Why, in the interface language: the system's English stays in the details.
        box.setInformativeText(unwritten.named(exc))
        box.setDetailedText(str(exc))
    box.open()
    return box


def show_bug(
    parent: QWidget | None,
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
) -> QMessageBox | None:
    """Log a bug with its traceback and show it; while one bug dialog is open, only log."""
    global _open_bug_box
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    log.error("unexpected error\n%s", text)
    if _open_bug_box is not None:
        return None
    box = QMessageBox(QMessageBox.Icon.Critical, _title(), summary(exc), parent=parent)
    where = str(_log_path) if _log_path else QCoreApplication.translate("errors", "the terminal")
    box.setInformativeText(
        fill(
            QCoreApplication.translate(
                "errors", "Issue Reader keeps running. The details below are also in %1."
            ),
            where,
        )
    )
    box.setDetailedText(text)
    box.finished.connect(_bug_box_closed)
    _open_bug_box = box
    box.open()
    return box


def _bug_box_closed(_result: int) -> None:
    global _open_bug_box
    _open_bug_box = None


def install_excepthook(parent: Callable[[], QWidget | None]) -> None:
    """Route uncaught exceptions (in slots, too) to the log and the bug dialog."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        show_bug(parent(), exc_type, exc, tb)

    sys.excepthook = hook


def _title() -> str:
    return QCoreApplication.translate("errors", "Issue Reader")
