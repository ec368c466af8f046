"""Asking where a moved archive is now: a folder, a zip or a single issue file, as it was."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from reader.library.relinking import archive_kind, nearest_folder
from reader.model import printable
from reader.ui.i18n import fill


def ask_new_location(parent: QWidget, old: str) -> str:
    """Ask where the archive last seen at ``old`` is now; its new path, or "" if none is chosen.

    A folder is asked for with a folder dialog; a zip or an issue file with a file dialog
    offering that kind first (a folder dialog cannot choose a file).
    """
    title = fill(
        QCoreApplication.translate("Relink", "Where is the archive %1 now?"), printable(old)
    )
    start, kind = nearest_folder(old), archive_kind(old)
    if kind == "folder":
        return QFileDialog.getExistingDirectory(parent, title, start)
    if kind == "zip":
        types = QCoreApplication.translate("Relink", "Zipped archives (*.zip)")
    else:
        types = fill(QCoreApplication.translate("Relink", "Issue files (*%1)"), Path(old).suffix)
    every = QCoreApplication.translate("Relink", "All files (*)")
    chosen, _ = QFileDialog.getOpenFileName(parent, title, start, f"{types};;{every}")
    return chosen
