"""What the window says about the archive open: its counts, and why it shows nothing.

Translated in the ``MainWindow`` context, where these texts were first written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from reader.library import Library
from reader.ui.i18n import fill


def summary(path: str, library: Library) -> str:
    """What the status bar says about the archive open: its counts, and problems if any."""
    counts = (f"{len(library.issues):,}", f"{library.archive.article_count:,}")
    if library.problems:
        return fill(
            QCoreApplication.translate(
                "MainWindow",
                "Opened %1 — issues: %2, articles: %3; problems: %4 (see the Problems panel)",
            ),
            path,
            *counts,
            f"{len(library.problems):,}",
        )
    return fill(
        QCoreApplication.translate("MainWindow", "Opened %1 — issues: %2, articles: %3"),
        path,
        *counts,
    )


def nothing_readable(path: str, library: Library) -> str:
    """Why an archive with no issues shows none: its files could not be read, or it has none.

    The first case goes with the Problems panel opened (the window opens it), so the text
    points at the panel on screen rather than at a menu item.
    """
    if library.problems:
        return QCoreApplication.translate(
            "MainWindow",
            "None of the files of this archive could be read: the Problems panel below lists "
            "them and why.",
        )
    return fill(
        QCoreApplication.translate(
            "MainWindow",
            "%1 holds no issue files: there is nothing here to read. Issue Reader reads plain "
            "text, XML, HTML and zip files of newspaper issues.",
        ),
        Path(path).name or path,
    )


def no_archive_to_search() -> str:
    """Why a search typed with no archive open finds nothing."""
    return QCoreApplication.translate(
        "MainWindow", "No archive is open, so there is nothing to search yet: open one first."
    )
