"""The list of search hits: a click or Enter opens one, Up on the first goes back to the field."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from reader.ui.core.rows import FocusCue, RichTextDelegate
from reader.ui.search.results_model import SearchResultsModel


class HitList(QListView):
    """The hits of a search, one rich-text row each.

    Signals:
        article_opened(str, str): issue id and article id of the hit chosen.
        hit_opened(object): the hit chosen (just before ``article_opened``).
        up_from_top(): Up was pressed on the first hit (the search field takes the keyboard).
    """

    article_opened = Signal(str, str)
    hit_opened = Signal(object)
    up_from_top = Signal()

    def __init__(self, model: SearchResultsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hits = model
        self.setObjectName("search_results")
        self.setModel(model)
        self.setItemDelegate(RichTextDelegate(self))
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setWordWrap(True)
        # Ctrl- and Shift-clicks pick several hits, for Export Hits….
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        FocusCue(self)
        self.activated.connect(self._open)
        self.clicked.connect(self._open)
        # A search is under way: its hits will replace these. Down and Enter typed ahead of
        # them (Ctrl+K, 的, Enter, Down, Enter at once) wait for them rather than being lost.
        self.waiting = False
        self._ahead: str = ""  # "focus" when the keyboard came first, "open" after an Enter

    def current_hit(self) -> Any | None:
        """The hit of the current row, or None."""
        return self._hits.hit(self.currentIndex().row())

    def selected_hits(self) -> list[Any]:
        """The selected hits, in the list's order."""
        rows = sorted(index.row() for index in self.selectionModel().selectedRows())
        return [hit for hit in (self._hits.hit(row) for row in rows) if hit is not None]

    def take_focus(self) -> None:
        """Move the keyboard here, the current hit (or the first) selected."""
        index = self.currentIndex()
        # Selected before the focus moves: focusing a view makes its first row current
        # without selecting it.
        self.setCurrentIndex(index if index.isValid() else self._hits.index(0, 0))
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.waiting:
            self._ahead = "focus"

    def hits_shown(self) -> None:
        """The search's hits are shown: the first is current, and open, if keys came first."""
        self.waiting = False
        ahead, self._ahead = self._ahead, ""
        if ahead and self.hasFocus() and self._hits.rowCount():
            self.setCurrentIndex(self._hits.index(0, 0))
            if ahead == "open":
                self._open(self.currentIndex())

    def show_article(self, article_id: str) -> None:
        """Make the hit of ``article_id`` current and scroll to it; without one, to the top."""
        rows = range(self._hits.rowCount())
        row = next((r for r in rows if article_id and self._hits.article_id(r) == article_id), -1)
        if row >= 0:
            index = self._hits.index(row, 0)
            self.setCurrentIndex(index)
            self.scrollTo(index)
        else:
            self.scrollToTop()

    @Slot(QModelIndex)
    def _open(self, index: QModelIndex) -> None:
        hit = self._hits.hit(index.row())
        if hit is None:
            return
        self.hit_opened.emit(hit)
        self.article_opened.emit(hit.issue_id, hit.article_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Qt override: Up on the first hit goes back to the search field."""
        if self._ahead and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._ahead = "open"  # the hits it means are on their way
            return
        if event.key() == Qt.Key.Key_Up and self.currentIndex().row() <= 0:
            self.up_from_top.emit()
            return
        super().keyPressEvent(event)
