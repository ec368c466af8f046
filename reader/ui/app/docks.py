"""The window's docks: the Problems panel, the concordance, the trends view and the library, placed once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from reader.ui.app.concordance_dock import ConcordanceDock
from reader.ui.app.library_dock import LibraryDock
from reader.ui.problems.panel import ProblemsPanel
from reader.ui.search.trends_dock import TrendsDock

if TYPE_CHECKING:
    from reader.ui.app.window import MainWindow


def install(window: MainWindow) -> tuple[ProblemsPanel, ConcordanceDock, TrendsDock, LibraryDock]:
    """Make the docks and put them in the window (the Problems panel hidden until needed)."""
    problems = ProblemsPanel(window)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, problems)
    window.resizeDocks([problems], [160], Qt.Orientation.Vertical)
    problems.hide()
    concordance = ConcordanceDock(window.area, window.action_set, window)
    trends = TrendsDock.install(window, window.session, window.search_panel, window.action_set)
    library = LibraryDock(window)
    return problems, concordance, trends, library
