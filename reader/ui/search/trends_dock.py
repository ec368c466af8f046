"""View › Trends over Time: the trends view in a dock, kept to the search shown in the panel.

The hits per day are counted on the task runner's ``trends`` channel, only while the dock is
shown (over every ticked archive in a library search); a click on a period narrows the panel's
hits to it.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMainWindow, QMessageBox, QWidget

from reader.library.destination import CannotWrite
from reader.library.shelf_search import count_days_many
from reader.library.trends import count_days
from reader.model import Issue
from reader.ui.core import formatting, unwritten
from reader.ui.core.actions import Actions
from reader.ui.core.session import Session
from reader.ui.i18n import fill
from reader.ui.search import query_errors
from reader.ui.search.panel import SearchPanel
from reader.ui.search.trends_chart import chart_name
from reader.ui.search.trends_export import save_csv, save_png, save_svg
from reader.ui.search.trends_view import Counts, TrendsView


class TrendsDock(QDockWidget):
    """The trends view of the panel's search, docked at the bottom of the window."""

    def __init__(self, session: Session, panel: SearchPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trends_dock")
        self._session = session
        self._panel = panel
        self._shown_for: tuple[tuple[str, ...], str] | None = None
        self.last_folder = Path.home()
        self.view = TrendsView(self)
        self.setWidget(self.view)
        self.view.queries_changed.connect(self.refresh)
        self.view.period_chosen.connect(self.narrow)
        self.view.export_chosen.connect(self.export)
        panel.results_shown.connect(self._search_shown)
        session.opened.connect(self._opened)
        session.reloaded.connect(self._reloaded)
        panel.scope.changed.connect(self._reloaded)  # the same query, counted over more
        self.visibilityChanged.connect(self._visibility)
        self.retranslate()

    @classmethod
    def install(
        cls, window: QMainWindow, session: Session, panel: SearchPanel, actions: Actions
    ) -> TrendsDock:
        """Dock a hidden trends view in ``window``; View › Trends over Time shows and hides it."""
        action = actions.trends
        dock = cls(session, panel, window)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        dock.hide()
        action.toggled.connect(dock.setVisible)
        dock.visibilityChanged.connect(action.setChecked)
        return dock

    def retranslate(self) -> None:
        """Set the title in the current language (the view follows the switch itself)."""
        self.setWindowTitle(self.tr("Trends over Time"))
        if self._session.library is None or not self._panel.request.query:
            self.view.show_message(self.tr("Search the archive to see its hits over time here."))

    def changeEvent(self, event: QEvent) -> None:
        """Qt override: follow a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _wanted(self) -> tuple[tuple[str, ...], str]:
        self.view.query = self._panel.request.query
        return tuple(self.view.queries), self._panel.request.publication

    def refresh(self) -> None:
        """Count the hits of the search and the compared queries again (when the dock is shown)."""
        library = self._session.library
        if library is None or self.isHidden():
            return
        queries, publication = self._wanted()
        if queries and self._panel.scope.library:
            self._refresh_library(queries, publication)
            return
        if not queries:
            self._shown_for = None
            self.retranslate()
            return
        self.view.publication = publication
        self.view.show_message(self.tr("Counting the hits…"))

        def done(counts: Counts) -> None:
            self._shown_for = (queries, publication)
            self.view.show_counts(library.issues, counts)

        self._session.tasks.run(
            count_days,
            library,
            list(queries),
            publication,
            on_done=done,
            on_error=lambda exc: self.view.show_message(query_errors.said(exc)),
            channel="trends",
        )

    def _refresh_library(self, queries: tuple[str, ...], publication: str) -> None:
        """The trends of a library search: every ticked archive's counts summed, its issues too."""
        self.view.publication = publication
        self.view.show_message(self.tr("Counting the hits…"))

        def done(found: tuple[tuple[Issue, ...], Counts]) -> None:
            self._shown_for = (queries, publication)
            self.view.show_counts(found[0], found[1])

        self._panel.scope.run_many(
            partial(count_days_many, queries=list(queries), publication=publication),
            on_done=done,
            on_error=lambda exc: self.view.show_message(query_errors.said(exc)),
            on_progress=self._counted,
            channel="trends",
        )

    def _counted(self, done: int, total: int) -> None:
        """Say how many of the library's archives are counted (each takes a while)."""
        text = self.tr("Counting the hits: %1 of %2 archives…")
        self.view.show_message(fill(text, formatting.count(done), formatting.count(total)))

    def _search_shown(self) -> None:
        request = self._panel.request
        self.view.selected = request.day or request.month or request.year
        if self._wanted() != self._shown_for:
            self.refresh()
        else:
            self.view.redraw()  # only the period the hits are narrowed to changed

    def _opened(self) -> None:
        self._session.tasks.cancel("trends")
        self._shown_for = None
        self.view.compared.clear()
        self.retranslate()

    def _reloaded(self) -> None:
        self._shown_for = None
        self.refresh()

    def _visibility(self, visible: bool) -> None:
        if visible and self._wanted() != self._shown_for:
            self.refresh()

    def narrow(self, key: str) -> None:
        """Show only the search's hits of the period ``key`` (again: all of them)."""
        panel = self._panel
        if not panel.request.query:
            return
        if not panel.searching:
            panel.search(panel.request.query)
        panel.set_filter(key)

    def export(self, kind: str) -> None:
        """Ask where to save the chart (``png``, ``svg``) or its counts (``csv``), and save."""
        trend = self.view.trend
        if trend is None:
            return
        filters = {
            "png": self.tr("PNG images (*.png)"),
            "svg": self.tr("SVG drawings (*.svg)"),
            "csv": self.tr("CSV tables (*.csv)"),
        }
        suggested = str(self.last_folder / f"trends.{kind}")
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the Trend"), suggested, filters[kind]
        )
        if chosen:
            self.save(Path(chosen), kind)

    def save(self, path: Path, kind: str) -> bool:
        """Save the trend shown to ``path`` as ``png``, ``svg`` or ``csv``; False if it failed."""
        trend = self.view.trend
        if trend is None:
            return False
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(path.name + f".{kind}")
        try:
            if kind == "csv":
                save_csv(path, trend)
            else:
                saver = save_png if kind == "png" else save_svg
                saver(path, trend, self.view.scale, self.font(), self.palette(), chart_name())
        except CannotWrite as exc:
            text = fill(self.tr("Could not save %1: %2"), str(path), unwritten.why(exc))
            QMessageBox.warning(self, self.tr("Save the Trend"), text)
            return False
        self.last_folder = path.parent
        return True
