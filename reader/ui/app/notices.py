"""What the window says about the archive open: its counts, and why it shows nothing.

Translated in the ``MainWindow`` context, where these texts were first written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from reader.library import Library
from reader.ui.i18n import fill


def summary(path: str, library: Library) -> str:
    """What the status bar says about the archive open: its counts, and problems if any.

    Unreadable files and suggested aliases are counted apart, as the Problems panel lists
    them and its pointer counts them (``problem_count``).
    """
    opened = fill(
        QCoreApplication.translate("MainWindow", "Opened %1 — issues: %2, articles: %3"),
        path,
        f"{len(library.issues):,}",
        f"{library.archive.article_count:,}",
    )
    problems, suggestions = len(library.problems), len(library.alias_suggestions())
    if not problems and not suggestions:
        return opened
    if not suggestions:
        counted = QCoreApplication.translate("MainWindow", "problems: %1")
    elif not problems:
        counted = QCoreApplication.translate("MainWindow", "suggested aliases: %2")
    else:
        counted = QCoreApplication.translate("MainWindow", "problems: %1, suggested aliases: %2")
    return fill(
        QCoreApplication.translate("MainWindow", "%1; %2 (see the Problems panel)"),
        opened,
        fill(counted, f"{problems:,}", f"{suggestions:,}"),
    )


def problem_count(problems: int, suggestions: int) -> str:
    """The status bar's pointer to the Problems panel: the files that could not be read, and
    the aliases suggested, counted apart."""
    if not suggestions:
        template = QCoreApplication.translate("MainWindow", "⚠ Problems: %1")
    elif not problems:
        template = QCoreApplication.translate("MainWindow", "Suggested aliases: %2")
    else:
        template = QCoreApplication.translate(
            "MainWindow", "⚠ Problems: %1 · suggested aliases: %2"
        )
    return fill(template, str(problems), str(suggestions))


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
