"""The two lists of the Collections dock: kept articles (by collection and tag) and saved searches."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.library.collections import Item
from reader.library.saved_searches import SavedSearch
from reader.model import printable
from reader.ui.core.rows import shown_title
from reader.ui.i18n import fill


class Table(QTableWidget):
    """A read-only table of rows; Enter opens the current row, Delete removes it.

    Signals:
        opened(int): the row chosen with Enter or a double click.
        removed(int): Delete was pressed on a row.
    """

    opened = Signal(int)
    removed = Signal(int)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)  # Tab moves on; the arrows walk the rows
        self.verticalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        self.cellDoubleClicked.connect(lambda row, _column: self.opened.emit(row))

    def fill(self, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        """Show ``rows`` under ``headers``, the current row kept where it can be."""
        current = self.currentRow()
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(list(headers))
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.setItem(r, c, QTableWidgetItem(text))
        if rows:
            self.setCurrentCell(min(max(current, 0), len(rows) - 1), 0)
        self.resizeColumnsToContents()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Qt override: Enter opens, Delete removes."""
        row = self.currentRow()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and row >= 0:
            self.opened.emit(row)
        elif event.key() == Qt.Key.Key_Delete and row >= 0:
            self.removed.emit(row)
        else:
            super().keyPressEvent(event)


class CollectionsView(QWidget):
    """The items of one collection (or of all), those with a tag (or all), and what to do with them.

    Each button's command is also in the list's context menu (``actions``).

    Signals:
        filters_changed(): another collection or tag was chosen (the dock lists again).
    """

    filters_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.collection = QComboBox(self)
        self.collection.setObjectName("collection_choice")
        self.tag = QComboBox(self)
        self.tag.setObjectName("tag_choice")
        self.table = Table("collection_items", self)
        self.edit_button = QPushButton(self)
        self.relink_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        self.delete_collection_button = QPushButton(self)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("export_collection")
        self.items: list[Item] = []
        # The list's context menu: the buttons' commands (the dock connects both).
        self.open_action = QAction(self)
        self.edit_action = QAction(self)
        self.relink_action = QAction(self)
        self.delete_action = QAction(self)
        self.export_action = QAction(self)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addActions(self.menu_actions())
        top = QHBoxLayout()
        top.addWidget(self.collection, 1)
        top.addWidget(self.tag, 1)
        bottom = QHBoxLayout()
        for button in (self.edit_button, self.relink_button, self.delete_button):
            bottom.addWidget(button)
        bottom.addStretch(1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.delete_collection_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.collection.activated.connect(lambda _row: self.filters_changed.emit())
        self.tag.activated.connect(lambda _row: self.filters_changed.emit())

    def retranslate(self) -> None:
        """Set the buttons' texts in the current language."""
        self.edit_button.setText(self.tr("&Edit Note and Tags…"))
        self.relink_button.setText(self.tr("&Relink Archive…"))
        self.delete_button.setText(self.tr("&Remove Item"))
        self.delete_collection_button.setText(self.tr("Delete &Collection"))
        self.export_button.setText(self.tr("E&xport Collection…"))
        self.export_button.setToolTip(
            self.tr("Export the items listed: CSV, RIS, CSL-JSON, BibTeX, text or Markdown")
        )
        self.open_action.setText(self.tr("&Open Item"))
        self.edit_action.setText(self.tr("&Edit Note and Tags…"))
        self.relink_action.setText(self.tr("Re&link Archive…"))
        self.delete_action.setText(self.tr("&Remove Item"))
        self.export_action.setText(self.tr("E&xport Collection…"))

    @property
    def chosen_collection(self) -> str | None:
        """The collection chosen (None: every collection)."""
        data = self.collection.currentData()
        return data if isinstance(data, str) else None

    @property
    def chosen_tag(self) -> str:
        """The tag chosen ("" for every item)."""
        data = self.tag.currentData()
        return data if isinstance(data, str) else ""

    def set_choices(self, collections: Sequence[str], tags: Sequence[str]) -> None:
        """Offer these collections and tags, the ones chosen kept when they are still there."""
        for box, names, every in (
            (self.collection, collections, self.tr("All collections")),
            (self.tag, tags, self.tr("All tags")),
        ):
            chosen = box.currentData()
            box.clear()
            box.addItem(every, None)
            for name in names:
                box.addItem(name, name)
            box.setCurrentIndex(max(0, box.findData(chosen)) if chosen else 0)

    def show_items(self, items: Sequence[Item]) -> None:
        """List ``items``; one whose archive is not where it was is marked so."""
        self.items = list(items)
        headers = [
            self.tr("Title"),
            self.tr("Date"),
            self.tr("Publication"),
            self.tr("Archive"),
            self.tr("Note"),
            self.tr("Tags"),
            self.tr("Collection"),
        ]
        rows = []
        for item in items:
            where = printable(Path(item.archive_path).name)
            if not item.archive_present:
                where = fill(self.tr("%1 (missing)"), where)
            note = " ".join(item.note.split())
            tags = ", ".join(item.tags)
            rows.append(
                [
                    shown_title(item.title),
                    item.date,
                    item.publication,
                    where,
                    note,
                    tags,
                    item.collection,
                ]
            )
        self.table.fill(headers, rows)
        for widget in (self.export_button, self.export_action):
            widget.setEnabled(bool(items))
        for r, item in enumerate(items):
            cell = self.table.item(r, 3)
            if cell is not None:
                cell.setToolTip(printable(item.archive_path))

    @property
    def current_item(self) -> Item | None:
        """The item of the current row, or None."""
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def menu_actions(self) -> list[QAction]:
        """The context menu's commands, in its order."""
        return [
            self.open_action,
            self.edit_action,
            self.relink_action,
            self.delete_action,
            self.export_action,
        ]

    @property
    def export_name(self) -> str:
        """The name of what Export Collection… writes: the collection chosen, or the one listed."""
        chosen = self.chosen_collection
        if chosen is not None:
            return chosen
        listed = {item.collection for item in self.items}
        return listed.pop() if len(listed) == 1 else self.tr("collections")


class SavedSearchesView(QWidget):
    """The saved searches, each with its count of new hits since it was last opened."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = Table("saved_searches", self)
        self.open_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        self.searches: list[SavedSearch] = []
        self.new: dict[int, int] = {}
        bottom = QHBoxLayout()
        bottom.addWidget(self.open_button)
        bottom.addWidget(self.delete_button)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def retranslate(self) -> None:
        """Set the buttons' texts in the current language."""
        self.open_button.setText(self.tr("&Open Search"))
        self.delete_button.setText(self.tr("&Delete Search"))

    def show_searches(self, searches: Sequence[SavedSearch]) -> None:
        """List the saved searches with their new hits (as far as they are counted)."""
        self.searches = list(searches)
        headers = [self.tr("Name"), self.tr("Query"), self.tr("Archive"), self.tr("New hits")]
        rows = []
        for search in searches:
            count = self.new.get(search.id)
            new = str(count) if count else ""
            archive = printable(Path(search.archive_path).name)
            if search.library:  # saved where it was opened, run over the library
                archive = self.tr("Library")
            rows.append([search.name, search.query, archive, new])
        self.table.fill(headers, rows)

    @property
    def current_search(self) -> SavedSearch | None:
        """The saved search of the current row, or None."""
        row = self.table.currentRow()
        return self.searches[row] if 0 <= row < len(self.searches) else None
