"""File › Archive Properties: what the open archive holds, where its index is, what its bag says."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from reader.library import Library
from reader.library.properties import Properties, properties
from reader.ui.app.value_rows import add_value_row
from reader.ui.core import formatting
from reader.ui.i18n import fill

MARGIN = 20


def show_properties(library: Library | None, index_root: Path | None, parent: QWidget) -> str:
    """Open the Archive Properties dialog of ``library`` (its index below ``index_root``).

    Returns:
        "" once the dialog is open; with no archive open, a message for the status bar.
    """
    if library is None:
        return QCoreApplication.translate("PropertiesDialog", "No archive is open.")
    dialog = PropertiesDialog(properties(library, index_root), parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return ""


class PropertiesDialog(QDialog):
    """The open archive's path, formats, counts, date span, problems, index and cache folders.

    When the archive is a BagIt bag, the fields of its ``bag-info.txt`` follow as written (they
    are the bag's words, not ours), then the checksum manifests found. Every value is selectable.
    """

    def __init__(self, found: Properties, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("properties_dialog")
        self.setWindowTitle(self.tr("Archive Properties"))
        self.values: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(MARGIN // 2)

        # One grid for every section, so that the values line up down the dialog.
        form = QGridLayout()
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(4)
        form.setColumnStretch(1, 1)
        dates = [formatting.date(d) for d in (found.first_date, found.last_date) if d is not None]
        span = fill(self.tr("%1 to %2"), *dates) if len(set(dates)) == 2 else "".join(dates[:1])
        rows = [
            (self.tr("Path"), str(found.path)),
            (self.tr("Formats"), formatting.listing(found.formats) or "—"),
            (self.tr("Issues"), formatting.count(found.issues)),
            (self.tr("Articles"), formatting.count(found.articles)),
            (self.tr("Dates"), span or formatting.date(None)),
            (self.tr("Problems"), formatting.count(found.problems)),
        ]
        if found.other_files:  # a row saying 0 in every archive says nothing
            rows.append((self.tr("Other files skipped"), formatting.count(found.other_files)))
        rows += [
            (self.tr("Search index"), str(found.index_dir)),
            (self.tr("Catalogue cache"), str(found.catalogue_file)),
        ]
        for name, value in rows:
            self._add_row(form, name, value)
        if found.bag_info:
            self._add_heading(form, self.tr("BagIt bag information (bag-info.txt)"))
            for name, value in found.bag_info:
                self._add_row(form, name, value)
        self._add_heading(form, self.tr("Checksum manifests"))
        for file, kind, algorithm in found.manifests:
            self._add_row(form, self._kind(kind, algorithm), file)
        if not found.manifests:
            none = QLabel(self.tr("None: the archive lists no checksums."), self)
            form.addWidget(none, form.rowCount(), 0, 1, 2)
        layout.addLayout(form)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addSpacing(MARGIN // 2)
        layout.addWidget(buttons)
        self.setMinimumWidth(680)  # room for a path on one line, mostly

    def _kind(self, kind: str, algorithm: str) -> str:
        names = {
            "manifest": self.tr("BagIt payload manifest (%1)"),
            "tagmanifest": self.tr("BagIt tag manifest (%1)"),
            "checksums": self.tr("Checksum list (%1)"),
        }
        return fill(names.get(kind, "%1"), algorithm.upper() or kind)

    def _add_heading(self, form: QGridLayout, text: str) -> None:
        heading = QLabel(text, self)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        row = form.rowCount()
        form.setRowMinimumHeight(row, 2 * heading.fontMetrics().height())
        form.addWidget(heading, row, 0, 1, 2, Qt.AlignmentFlag.AlignBottom)

    def _add_row(self, form: QGridLayout, name: str, value: str) -> None:
        label = fill(self.tr("%1:"), name)
        self.values[name] = add_value_row(self, form, form.rowCount(), label, name, value)
