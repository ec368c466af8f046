"""The list of the Library dock: each archive's name, its index state and whether a search includes it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.library.shelf import ShelfEntry
from reader.model import printable
from reader.ui.i18n import fill

KEY_ROLE = Qt.ItemDataRole.UserRole
# The dock's width when first shown, in pixels: the names and index states of a few archives,
# leaving the issue tree beside it its own room (it stays resizable).
DEFAULT_WIDTH = 280


class ShelfList(QTreeWidget):
    """The archives, one row each; Enter opens one, Delete takes it off the shelf.

    Signals:
        opened(str): the key of the archive chosen with Enter or a double click.
        removed(str): Delete was pressed on an archive.
        searched(str, bool): an archive's check box ("search this archive") changed.
    """

    opened = Signal(str)
    removed = Signal(str)
    searched = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("library_list")
        self.setRootIsDecorated(False)
        self.setColumnCount(2)
        # The name takes the room left by the index state: a narrow dock elides long names
        # (the tooltip has the path) rather than hiding the state behind a scroll bar.
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._filling = False
        self.itemDoubleClicked.connect(self._double_clicked)
        self.itemChanged.connect(self._changed)

    def fill(
        self,
        entries: Sequence[ShelfEntry],
        state: Callable[[ShelfEntry], str],
        open_path: str,
    ) -> None:
        """Show ``entries`` (``state`` words each one's index), the current one kept."""
        current = self.current_key
        self._filling = True
        self.clear()
        for entry in entries:
            item = QTreeWidgetItem([entry.name, state(entry)])
            item.setData(0, KEY_ROLE, entry.archive_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = Qt.CheckState.Checked if entry.searched else Qt.CheckState.Unchecked
            item.setCheckState(0, checked)
            tip = printable(entry.path)
            if not entry.present:
                tip = fill(self.tr("%1 (not there any more: open it to say where it is)"), tip)
            item.setToolTip(0, tip)
            item.setToolTip(1, tip)
            font = item.font(0)
            font.setBold(entry.path == open_path)
            font.setItalic(not entry.present)
            item.setFont(0, font)
            self.addTopLevelItem(item)
            if entry.archive_id == current:
                self.setCurrentItem(item)
        first = self.topLevelItem(0)
        if self.currentItem() is None and first is not None:
            self.setCurrentItem(first)
        self._filling = False

    @property
    def current_key(self) -> str:
        """The key of the current archive ("" when none)."""
        item = self.currentItem()
        return str(item.data(0, KEY_ROLE)) if item is not None else ""

    def _double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        key = str(item.data(0, KEY_ROLE))
        # Later, as for a tick: opening the archive lists the shelf anew (see _changed).
        QTimer.singleShot(0, self, lambda: self.opened.emit(key))

    def _changed(self, item: QTreeWidgetItem, column: int) -> None:
        if not self._filling and column == 0:
            checked = item.checkState(0) == Qt.CheckState.Checked
            key = str(item.data(0, KEY_ROLE))
            # Told once the item is done emitting: keeping the tick fills the list anew,
            # which deletes this item (deleted inside its own signal, Qt crashes).
            QTimer.singleShot(0, self, lambda: self.searched.emit(key, checked))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Qt override: Enter opens, Delete removes."""
        key = self.current_key
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and key:
            self.opened.emit(key)
        elif event.key() == Qt.Key.Key_Delete and key:
            self.removed.emit(key)
        else:
            super().keyPressEvent(event)


class LibraryView(QWidget):
    """The list and its buttons: add, open, rename, move, remove."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = ShelfList(self)
        self.add_button = QToolButton(self)
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.add_menu = QMenu(self.add_button)
        self.add_folder = self.add_menu.addAction("")
        self.add_zip = self.add_menu.addAction("")
        self.add_button.setMenu(self.add_menu)
        self.open_button = QPushButton(self)
        self.rename_button = QPushButton(self)
        self.up_button = QToolButton(self)
        self.down_button = QToolButton(self)
        self.remove_button = QPushButton(self)
        # Two rows of buttons: in one, they would make the dock as wide as all six (440
        # pixels), squeezing the issue tree beside it.
        first, second = QHBoxLayout(), QHBoxLayout()
        for button in (self.add_button, self.open_button, self.rename_button):
            first.addWidget(button)
        first.addStretch(1)
        for button in (self.up_button, self.down_button):
            second.addWidget(button)
        second.addStretch(1)
        second.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list, 1)
        layout.addLayout(first)
        layout.addLayout(second)

    def sizeHint(self) -> QSize:
        """Qt override: the width the dock first takes (a restored window keeps its own)."""
        hint = super().sizeHint()
        return QSize(max(DEFAULT_WIDTH, self.minimumSizeHint().width()), hint.height())

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.list.setHeaderLabels([self.tr("Archive"), self.tr("Search index")])
        self.list.setToolTip(
            self.tr("Tick the archives a library search includes; Enter opens one")
        )
        self.add_button.setText(self.tr("Add Archive…"))
        self.add_folder.setText(self.tr("Folder…"))
        self.add_zip.setText(self.tr("Zip File…"))
        self.open_button.setText(self.tr("Open"))
        self.rename_button.setText(self.tr("Rename…"))
        self.up_button.setText("↑")
        self.up_button.setToolTip(self.tr("Move up"))
        self.down_button.setText("↓")
        self.down_button.setToolTip(self.tr("Move down"))
        self.remove_button.setText(self.tr("Remove from Library"))
        self.remove_button.setToolTip(
            self.tr(
                "Forget this archive here; nothing in it, its index or its kept items is deleted"
            )
        )
