"""The concordance view: every occurrence of the search's query in its hits, one row each.

It follows the search shown (its query, year, month and publication) and is worked out on the
task runner's ``concordance`` channel, so the window never waits for it and a newer search
makes an older one's lines go unseen. Enter or a double click opens the article at the match.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.library.concordance import MAX_WIDTH, for_search
from reader.library.concordance_lines import Concordance, write_csv
from reader.library.destination import CannotWrite, checked, saving
from reader.library.searching import SearchRequest
from reader.library.shelf_search import concordance_many
from reader.model import ReaderError
from reader.ui.core import formatting, settings, unwritten
from reader.ui.core.session import Session
from reader.ui.i18n import fill
from reader.ui.search import query_errors
from reader.ui.search.concordance_model import (
    DATE,
    FIELD,
    LEFT,
    MATCH,
    RIGHT,
    TITLE,
    ConcordanceModel,
)
from reader.ui.search.library_scope import LibraryScope

# At most this many lines (the oldest first): enough to read, quick to sort.
LIMIT = 10_000


class _ElideLeft(QStyledItemDelegate):
    """Draws the left context cut at its start, so the words next to the match stay."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        """Qt override: elide on the left."""
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideLeft


class ConcordanceView(QWidget):
    """A table of left context | match | right context | date | title | part, and its controls.

    Signals:
        line_opened(object, str): the :class:`ConcordanceLine` chosen and its query.
    """

    line_opened = Signal(object, str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("concordance_view")
        self._session = session
        self._request: SearchRequest | None = None
        self._found: Concordance | None = None
        # Set by the dock: the search panel's scope. In a library search the lines come from
        # every ticked archive, each read from its own (``line.archive`` says whose).
        self.scope: LibraryScope | None = None
        self._running = False
        self.width_label = QLabel(self)
        self.width_box = QSpinBox(self)
        self.width_box.setObjectName("concordance_width")
        self.width_box.setRange(1, MAX_WIDTH)
        self.width_box.setValue(min(MAX_WIDTH, max(1, settings.read("concordance_width"))))
        self._width = self.width_box.value()  # the width of the lines shown
        self.width_label.setBuddy(self.width_box)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("concordance_export")
        self.export_button.setEnabled(False)
        self.summary = QLabel(self)
        self.summary.setObjectName("concordance_summary")
        self.model = ConcordanceModel()
        self.table = QTableView(self)
        self.table.setObjectName("concordance_table")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(LEFT, _ElideLeft(self.table))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DATE, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(LEFT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RIGHT, QHeaderView.ResizeMode.Stretch)
        for column in (MATCH, DATE, FIELD):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(TITLE, 220)

        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.width_label)
        controls.addWidget(self.width_box)
        controls.addWidget(self.summary, 1)
        controls.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addWidget(self.table, 1)

        self.table.activated.connect(self._open)
        self.width_box.editingFinished.connect(self._width_chosen)
        self.export_button.clicked.connect(self.choose_export)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the visible texts in the current language."""
        self.width_label.setText(self.tr("&Context:"))
        self.width_box.setSuffix(self.tr(" characters"))
        self.width_box.setToolTip(self.tr("Characters shown on each side of a match"))
        self.export_button.setText(self.tr("&Export CSV…"))
        self.model.refresh()
        self._show_summary()

    def changeEvent(self, event: QEvent) -> None:
        """Qt override: follow a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- following the search -------------------------------------------------------------

    def show_search(self, request: SearchRequest | None) -> None:
        """Work out the lines of ``request`` (None, or no query: none, and a word on why)."""
        self._request = request if request is not None and request.query else None
        self._found = None
        self.model.set_lines(())
        self.export_button.setEnabled(False)
        library = self._session.library
        if self._request is None or library is None:
            self._session.tasks.cancel("concordance")
            self._running = False
            self._show_summary()
            return
        self._running = True
        self._width = self.width_box.value()
        self._show_summary()
        if self.scope is not None and self.scope.library:
            self.scope.run_many(
                partial(concordance_many, request=self._request, width=self._width, limit=LIMIT),
                on_done=self._show_lines,
                on_error=self._failed,
                on_progress=self._progress,
                channel="concordance",
            )
            return
        self._session.tasks.run(
            partial(for_search, width=self._width, limit=LIMIT),
            library,
            self._request,
            on_done=self._show_lines,
            on_error=self._failed,
            on_progress=self._progress,
            channel="concordance",
        )

    @property
    def request(self) -> SearchRequest | None:
        """The search whose lines are shown (or being worked out)."""
        return self._request

    def _show_lines(self, found: Concordance) -> None:
        self._running = False
        self._found = found
        self.model.set_lines(found.lines)
        self.export_button.setEnabled(bool(found.lines))
        self._show_summary()
        if found.lines:
            self.table.setCurrentIndex(self.model.index(0, MATCH))

    def _failed(self, exc: BaseException) -> None:
        self._running = False
        self._show_summary()
        if isinstance(exc, ReaderError):
            self.summary.setText(
                query_errors.said(exc)
            )  # a malformed query: the search panel says so too
        else:
            self._session.error.emit(exc)  # a bug: the window reports it

    def _progress(self, done: int, total: int) -> None:
        self.summary.setText(
            fill(
                self.tr("Reading the hits: %1 of %2"),
                formatting.count(done),
                formatting.count(total),
            )
        )

    def _show_summary(self) -> None:
        found = self._found
        if self._running:
            self.summary.setText(self.tr("Finding every match…"))
        elif self._request is None:
            self.summary.setText(self.tr("Search the archive to see every match here in context."))
        elif found is not None and found.complete:
            self.summary.setText(
                fill(
                    self.tr("%1 matches in %2"),
                    formatting.count(len(found.lines)),
                    formatting.articles(found.articles),
                )
            )
        elif found is not None:
            self.summary.setText(
                fill(
                    self.tr("The first %1 matches (from %2 of the %3 found)"),
                    formatting.count(len(found.lines)),
                    formatting.count(found.articles_read),
                    formatting.articles(found.articles),
                )
            )

    @Slot()
    def _width_chosen(self) -> None:
        """A new width cuts the contexts anew (the search is the same)."""
        if self.width_box.value() == self._width:
            return
        settings.write(concordance_width=self.width_box.value())
        if self._request is not None:
            self.show_search(self._request)

    # --- opening and exporting ------------------------------------------------------------

    @Slot(QModelIndex)
    def _open(self, index: QModelIndex) -> None:
        line = self.model.line(index.row())
        if line is not None and self._found is not None:
            self.line_opened.emit(line, self._found.query)

    def open_current(self) -> None:
        """Open the article of the current line at its match (what Enter does)."""
        self._open(self.table.currentIndex())

    def export_csv(self, path: Path | str) -> int:
        """Write the lines, in the order shown, to ``path`` as CSV; return how many.

        UTF-8 with a byte-order mark, so a spreadsheet reads the Chinese right.

        Raises:
            CannotWrite: ``path`` cannot be written (its folder missing or read-only…).
        """
        lines = self.model.lines
        checked(path, folder=False)
        with saving(path), open(path, "w", encoding="utf-8-sig", newline="") as stream:
            write_csv(lines, stream)
        return len(lines)

    def choose_export(self) -> None:
        """Ask where to save the lines as CSV, and save them there."""
        if not self.model.rowCount():
            return
        start = Path(settings.read("dialog_folder") or Path.home()) / self.tr("concordance.csv")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export Concordance"), str(start), self.tr("CSV files (*.csv)")
        )
        if not path:
            return
        try:
            count = self.export_csv(path)
        except CannotWrite as exc:
            self.summary.setText(fill(self.tr("Could not save %1: %2"), path, unwritten.why(exc)))
            return
        self.summary.setText(fill(self.tr("Saved %1 matches to %2"), formatting.count(count), path))
