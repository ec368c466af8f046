"""The concordance dock (View › Concordance): it follows the search shown and opens its lines."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import QDockWidget, QMainWindow

from reader.library.concordance import ConcordanceLine
from reader.ui.app.reading_area import ReadingArea
from reader.ui.core.actions import Actions
from reader.ui.search.concordance import ConcordanceView


class ConcordanceDock(QDockWidget):
    """A dock below the reading area with every match of the search shown, in context.

    Its lines are worked out only while it is open: opening it (or a new search while it is
    open) starts them on the task runner's thread.
    """

    def __init__(self, area: ReadingArea, actions: Actions, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("concordance")
        self._area = area
        self._action = action = actions.concordance
        self.view = ConcordanceView(area.session, self)
        self.setWidget(self.view)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self)
        self.hide()
        action.toggled.connect(self.setVisible)
        self.visibilityChanged.connect(self._visibility_changed)
        area.search_panel.results_shown.connect(self._search_shown)
        area.session.opened.connect(self._archive_opened)
        self.view.line_opened.connect(self._open)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the title in the current language."""
        self.setWindowTitle(self.tr("Concordance"))

    def changeEvent(self, event: QEvent) -> None:
        """Qt override: follow a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @Slot(bool)
    def _visibility_changed(self, visible: bool) -> None:
        self._action.blockSignals(True)
        self._action.setChecked(visible)
        self._action.blockSignals(False)
        if visible and self.view.request != self._current_search():
            self._search_shown()
        if visible:
            self.view.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _current_search(self) -> object:
        panel = self._area.search_panel
        return panel.request if panel.searching and panel.request.query else None

    @Slot()
    def _search_shown(self) -> None:
        if self.isVisible():
            panel = self._area.search_panel
            self.view.show_search(panel.request if panel.searching else None)

    @Slot()
    def _archive_opened(self) -> None:
        self.view.show_search(None)

    @Slot(object, str)
    def _open(self, line: ConcordanceLine, query: str) -> None:
        self._area.open_line(line, query)
