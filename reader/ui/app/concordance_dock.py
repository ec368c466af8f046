"""The concordance dock (View › Concordance): it follows the search shown and opens its lines."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import QMainWindow

from reader.library.collections_schema import archive_path
from reader.library.concordance_lines import ConcordanceLine
from reader.ui.app.reading_area import ReadingArea
from reader.ui.core.actions import Actions
from reader.ui.core.menu_dock import MenuDock
from reader.ui.search.concordance import ConcordanceView


class ConcordanceDock(MenuDock):
    """A dock below the reading area with every match of the search shown, in context.

    Its lines are worked out only while it is open: opening it (or a new search while it is
    open) starts them on the task runner's thread.
    """

    def __init__(self, area: ReadingArea, actions: Actions, window: QMainWindow) -> None:
        super().__init__(window, "concordance", actions.concordance)
        self._area = area
        self.view = ConcordanceView(area.session, self)
        self.view.scope = area.search_panel.scope
        self._window = window
        # A line of another archive of a library search, to open once that archive is open.
        self._pending: tuple[ConcordanceLine, str] | None = None
        self.setWidget(self.view)
        self.place(window, Qt.DockWidgetArea.BottomDockWidgetArea)
        area.search_panel.results_shown.connect(self._search_shown)
        area.session.opened.connect(self._archive_opened)
        self.view.line_opened.connect(self._open)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the title in the current language."""
        self.setWindowTitle(self.tr("Concordance"))

    def became_visible(self) -> None:
        """Show the lines of the search shown (worked out now if they are not yet)."""
        if self.view.request != self._current_search():
            self._search_shown()
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
        pending, self._pending = self._pending, None
        if pending is not None:
            # After the window has gone back to where the reader last was in that archive.
            QTimer.singleShot(0, lambda: self._area.open_line(*pending))
        scope = self.view.scope
        if scope is None or not scope.library or self._current_search() is None:
            self.view.show_search(None)  # a library search's lines stay

    @Slot(object, str)
    def _open(self, line: ConcordanceLine, query: str) -> None:
        """Open a line's article at its match; one of another archive opens that archive first."""
        scope, key = self.view.scope, line.archive
        where = scope.path_of(key) if scope is not None and key else ""
        here = self._area.session.path
        if where and (not here or archive_path(where) != archive_path(here)):
            self._pending = (line, query)
            self._window.open_path(where)  # type: ignore[attr-defined]
            return
        self._area.open_line(line, query)
