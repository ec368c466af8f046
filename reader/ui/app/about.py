"""Help › About Issue Reader: the version, the licence, the engines, and where the files are kept."""

from __future__ import annotations

import contextlib
import html
import os

import PySide6
from PySide6.QtCore import QCoreApplication, Qt, Signal, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader import __version__
from reader.library import environment, resources
from reader.library.destination import failed
from reader.model import ReaderError
from reader.ui.app.value_rows import add_value_row
from reader.ui.core import unwritten
from reader.ui.core.session import Session
from reader.ui.i18n import fill
from reader.ui.indexing.keeper import IndexKeeper

LICENCE = "MIT"
ICON_SIZE = 64
# Room between the text and the dialog's edges, and between its parts.
MARGIN = 20


class AboutDialog(QDialog):
    """What this Issue Reader is and where it keeps its files; it can clear this archive's index.

    Every value is selectable, so a path can be copied into a file manager or a bug report.

    Signals:
        clear_index(): the reader asked to delete this archive's index (the window rebuilds it).
    """

    clear_index = Signal()

    def __init__(self, session: Session, indexing: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("About Issue Reader"))
        library = session.library
        self.versions = environment.engine_versions()
        self.versions["Qt"] = qVersion()
        self.versions["PySide6"] = PySide6.__version__
        places = environment.locations(
            library.path if library is not None else None, session.index_root
        )

        icon = QLabel(self)
        # An installation without its resources still has an About box.
        with contextlib.suppress(FileNotFoundError):
            icon.setPixmap(QIcon(str(resources.icon_file(256))).pixmap(ICON_SIZE, ICON_SIZE))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        name = self.tr("Issue Reader")
        what = self.tr("Read and search archives of newspaper issues.")
        licence = fill(self.tr("Licence: %1"), LICENCE)
        self.heading = QLabel(
            f"<h2>{html.escape(name)} {html.escape(__version__)}</h2>"
            f"<p>{html.escape(what)}</p><p>{html.escape(licence)}</p>",
            self,
        )
        head = QHBoxLayout()
        head.setSpacing(MARGIN)
        head.addWidget(icon)
        head.addWidget(self.heading, 1)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        self.values: dict[str, QLabel] = {}
        rows = [
            (name, version) for name, version in self.versions.items() if name != "Issue Reader"
        ]
        no_archive = self.tr("(no archive is open)")
        rows += [
            (self.tr("This archive's index"), str(places.index) if places.index else no_archive),
            (self.tr("All indexes"), str(places.indexes)),
            (self.tr("Catalogue cache"), str(places.catalogues)),
            (self.tr("Settings"), str(places.settings)),
            (self.tr("Logs"), str(places.logs)),
        ]
        for row, (name, value) in enumerate(rows):
            self._add_row(grid, row, name, value)

        self.clear_button = QPushButton(self.tr("Clear This Archive's Index"), self)
        self.clear_button.setObjectName("clear_index")
        self.clear_button.setEnabled(library is not None and not indexing)
        self.clear_button.setToolTip(
            self.tr("Delete the search index of the archive open and build it again")
            if not indexing
            else self.tr("The index is being updated: clear it when that has ended")
        )
        self.clear_button.setAccessibleName(self.clear_button.text())
        self.clear_button.clicked.connect(self._clear)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.clear_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        self.setMinimumWidth(520)  # room for a path on one line, mostly
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(MARGIN // 2)
        layout.addLayout(head)
        layout.addLayout(grid)
        layout.addSpacing(MARGIN // 2)
        layout.addWidget(buttons)

    def _add_row(self, grid: QGridLayout, row: int, name: str, value: str) -> None:
        shown = add_value_row(self, grid, row, fill(self.tr("%1:"), name), name, value)
        grid.setColumnStretch(1, 1)
        self.values[name] = shown

    def _clear(self) -> None:
        self.clear_index.emit()
        self.accept()


def clear_and_rebuild(session: Session, keeper: IndexKeeper) -> str:
    """Delete the index of the session's archive and start building it again; says how it went.

    Returns:
        A message for the status bar.
    """
    library = session.library
    if library is None:
        return ""
    if keeper.indexer.running:
        return QCoreApplication.translate(
            "AboutDialog", "The index is being updated: clear it when that has ended."
        )
    try:
        library.clear_index(session.index_root)
    except (OSError, ReaderError) as exc:
        why = str(exc)
        if isinstance(exc, OSError):  # the file (a bare name deep in it: the folder), and why
            named = exc.filename if isinstance(exc.filename, str) else ""
            if not os.path.isabs(named):
                named = str(library.index_dir(session.index_root))
            why = unwritten.named(failed(named, exc))
        return fill(
            QCoreApplication.translate("AboutDialog", "Could not clear the search index: %1"),
            why,
        )
    keeper.start()
    return QCoreApplication.translate(
        "AboutDialog", "The search index was cleared; it is being built again."
    )
