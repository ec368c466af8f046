"""The main window: menus, toolbar, status bar and Problems panel around the reading area."""

from __future__ import annotations

import logging
from concurrent.futures import Executor
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QShowEvent,
)
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget

from reader.library import Library
from reader.library.destination import CannotWrite
from reader.ui import i18n
from reader.ui.app import chrome, docks, errors, memory, notices
from reader.ui.app.aliasing import AliasKeeper
from reader.ui.app.archive_display import ArchiveDisplay
from reader.ui.app.integrity import IntegrityCheck
from reader.ui.app.match_status import match_text
from reader.ui.app.opening import Opener, dropped_path
from reader.ui.app.pane_focus import PaneFocus
from reader.ui.app.reading_area import ReadingArea
from reader.ui.app.start_page import StartPage
from reader.ui.app.status_line import StatusLine
from reader.ui.app.watching import Reloader
from reader.ui.app.window_dialogs import WindowDialogs
from reader.ui.core import settings
from reader.ui.core.actions import Actions
from reader.ui.core.menus import Menus
from reader.ui.core.session import Session

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Browse an archive issue by issue, read articles, and search the whole archive.

    The archive is watched while open, and read again when its files change (or on F5).
    The status bar's label says what is open; one-off messages cover it for a few seconds.
    The archive open, the task runner and the index settings are the ``session``'s: the
    window opens, replaces and closes the archive there, and its parts follow the session.

    Signals:
        closed(): the window was closed (its settings saved, background work stopped).

    Args:
        index_root: where search indexes live (tests pass a tmp_path); None uses the default.
        executor: runs light jobs; tests pass a SyncExecutor.
        index_in_process: build indexes in a spawned process (tests may build them in the
            executor instead).
    """

    closed = Signal()

    def __init__(
        self,
        index_root: Path | None = None,
        executor: Executor | None = None,
        *,
        index_in_process: bool = True,
    ) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.setAcceptDrops(True)
        self._shown = self._sized = False
        # The folders in the way of an index already said (each archive's index would say it).
        self._unwritable_said: set[str] = set()
        self.session = Session(
            executor, index_root=index_root, index_in_process=index_in_process, parent=self
        )
        self.action_set = Actions(self)
        self.menus = Menus(self.menuBar(), self.action_set)
        self.opener = Opener(self, self.session, self.menus.recent, self._show_error)
        self.reloader = Reloader(self.session, self)
        self.area = ReadingArea(self.session, self.action_set, parent=self)
        # Until an archive is open, the start page stands in for the three empty panes.
        self.start_page = StartPage(self.action_set, self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.start_page)
        self.stack.addWidget(self.area)
        self.setCentralWidget(self.stack)
        # The parts of the reading area, by name (tests and scripts reach them here).
        self.splitter = self.area
        self.tree_model, self.tree = self.area.tree_model, self.area.tree
        self.article_model, self.article_list = self.area.article_model, self.area.article_list
        self.search_panel, self.middle = self.area.search_panel, self.area.middle
        self.pane, self.browser = self.area.pane, self.area.browser
        self.problems_panel, self.concordance, self.trends, self.library_dock = docks.install(self)
        self.problems_button = chrome.ProblemsButton(self)
        self.alias_keeper = AliasKeeper(self.session, self.reloader, self.problems_panel, self)
        self.indicators = chrome.ReadingIndicators(self)
        self.status_line = StatusLine(self.statusBar())
        self.status_label = self.status_line.label
        self.statusBar().addPermanentWidget(self.indicators)
        self.statusBar().addPermanentWidget(self.search_panel.index_status)
        self.statusBar().addPermanentWidget(self.problems_button)
        self.integrity = IntegrityCheck(self.session, self.statusBar(), self)
        self.toolbar = chrome.toolbar(self, self.action_set, self.search_panel.field)

        self._connect()
        self.retranslate()
        self.action_set.original_text.setChecked(memory.restore_window(self, self.pane))
        # The panel shows when an archive with problems is open, if the reader had it open.
        self.problems_panel.wanted = not self.problems_panel.isHidden()
        self.display.show_problems(())
        panel = self.search_panel
        chain = [panel.field, self.tree, self.article_list, panel.sort_box, panel.chart]
        chrome.set_tab_order([*chain, panel.view, self.pane], self.statusBar())
        # Settings that cannot be kept are said once, over the window (not before it shows).
        QTimer.singleShot(0, self, lambda: settings.when_unwritable(self._show_error))

    def _connect(self) -> None:
        a = self.action_set
        a.open_folder.triggered.connect(self.opener.choose_folder)
        a.open_file.triggered.connect(self.opener.choose_file)
        a.quit.triggered.connect(self.close)
        a.reload.triggered.connect(self.reload)
        self.dialogs = WindowDialogs(self)  # File › Archive Properties, Help › Shortcuts, About
        self.pane_focus = PaneFocus(self)  # F6, Shift+F6
        a.verify.triggered.connect(self.integrity.start)
        self.integrity.status.connect(self.status_line.show_message)
        a.problems.toggled.connect(self.problems_panel.want)
        self.problems_panel.visibilityChanged.connect(self._problems_visibility)
        self.pane.zoom_changed.connect(self.indicators.show_zoom)
        self.area.pages.page_zoom.connect(self.indicators.show_page_zoom)
        a.original_text.toggled.connect(self.indicators.show_original)
        self.indicators.reset_zoom.connect(a.zoom_reset.trigger)
        self.indicators.reflow.connect(partial(a.original_text.setChecked, False))
        self.problems_button.clicked.connect(partial(self.problems_panel.want, True))
        for action in a.languages.values():
            action.triggered.connect(self._language_chosen)
        self.start_page.open_folder.connect(self.opener.choose_folder)
        self.start_page.open_zip.connect(self.opener.choose_zip)
        self.start_page.open_sample.connect(self.opener.open_sample)
        self.start_page.open_recent.connect(self.open_path)
        self.search_panel.field.submitted.connect(self._searched)
        self.session.error.connect(self._show_error)
        self.search_panel.indexer.unwritable.connect(self._index_unwritable)
        self.opener.opening.connect(self.reloader.cancel)
        self.opener.status.connect(self.status_label.setText)
        self.area.status.connect(self.status_line.show_message)
        self.status_line.follow_matches(self._match_text)
        self.area.pane.marks_changed.connect(self.status_line.matches_moved)
        self.area.pages.hits_moved.connect(self.status_line.matches_moved)
        # Opening, showing and reading again the archive: after the reading area follows it.
        self.display = ArchiveDisplay(self)

    def _match_text(self) -> str:
        """The status bar's word on the matches: the page's while F3 is the page's."""
        on_page = self.area.pages.match_text()
        return match_text(self.area.pane) if on_page is None else on_page

    def retranslate(self) -> None:
        """Set every visible text in the current language."""
        # Qt adds the display name to every window title (dialogs too): it must follow the
        # language, and the window's own title end with it so it is not added twice.
        QGuiApplication.setApplicationDisplayName(self.tr("Issue Reader"))
        self.setWindowTitle(self.display.title())
        self.action_set.retranslate()
        self.menus.retranslate()
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        self.statusBar().clearMessage()  # whatever it said was in the other language
        self.status_line.restore()
        self.tree_model.set_locale(i18n.locale_for(i18n.current()))
        self.problems_button.retranslate()
        self.indicators.retranslate()
        self.integrity.retranslate()
        chrome.name_controls(self, self.toolbar)
        self.action_set.languages.get(
            settings.read("language"), self.action_set.languages[""]
        ).setChecked(True)

    def changeEvent(self, event: QEvent) -> None:
        """Qt override: follow a language switch, and a palette's (the system's dark mode)."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self.action_set.refresh_icons()
        super().changeEvent(event)

    # --- opening -------------------------------------------------------------------------

    def open_path(self, path: str) -> None:
        """Open an archive folder or issue file in the background; the tree appears when read."""
        self.opener.open_path(path)

    def _searched(self, query: str) -> None:
        """A search with no archive open finds nothing: say why, instead of doing nothing."""
        if self.browser.previewing and query.strip():
            self.show_message(
                self.tr("The archive is still being read: search it once it is open.")
            )
        elif self.library is None and query.strip():
            self.show_message(notices.no_archive_to_search())

    @property
    def library(self) -> Library | None:
        """The open archive, or None."""
        return self.session.library

    @property
    def opened_path(self) -> str:
        """The absolute path of the open archive ("" when none)."""
        return self.session.path

    def reload(self) -> None:
        """Read the open archive again in the background (File › Reload Archive)."""
        if self.library is not None:
            self.reloader.reload()

    def show_message(self, text: str) -> None:
        """Show a one-off message over the status bar's label for a few seconds ("" clears it)."""
        self.status_line.show_message(text)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Qt override: accept a dropped local folder or file."""
        if dropped_path(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Qt override: open the first dropped local folder or file."""
        path = dropped_path(event.mimeData())
        if path:
            event.acceptProposedAction()
            self.open_path(path)

    # --- problems, language, errors --------------------------------------------------------

    def _problems_visibility(self, visible: bool) -> None:
        self.action_set.problems.blockSignals(True)
        self.action_set.problems.setChecked(visible)
        self.action_set.problems.blockSignals(False)

    def _language_chosen(self) -> None:
        action = self.sender()
        code = action.data() if isinstance(action, QAction) else ""
        settings.write(language=code)
        app = QApplication.instance()
        if app is not None:
            i18n.install(app, code)

    def _show_error(self, exc: BaseException) -> None:
        errors.show_error(self, exc)

    def _index_unwritable(self, exc: CannotWrite) -> None:
        """Say once, over the window (not before it shows), why no index can be written."""
        blocking = exc.values.get("folder") or exc.values.get("where") or exc.path
        if blocking not in self._unwritable_said:
            self._unwritable_said.add(blocking)
            QTimer.singleShot(0, self, lambda: self._show_error(exc))

    # --- memory --------------------------------------------------------------------------

    def save_position(self) -> None:
        """Remember the open issue, article and scroll position of the current archive."""
        memory.save_position(self.opened_path, self.pane)

    def showEvent(self, event: QShowEvent) -> None:
        """Qt override: splitter sizes fit only once the restored geometry is in place."""
        super().showEvent(event)
        self._shown = True
        self.show_area(self.stack.currentWidget() is self.area)

    def show_area(self, show: bool = True) -> None:
        """Show the reading area instead of the start page; the first time, its saved sizes."""
        if show:
            self.stack.setCurrentWidget(self.area)
        if show and self._shown and not self._sized:
            self._sized = True
            self.area.sizes_chosen = memory.restore_splitter(self.splitter)
            self.area.fit_tree()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Qt override: remember everything, stop background work."""
        self.save_position()
        splitter = self.splitter if self._sized else None
        memory.save_window(self, splitter, self.pane, self.action_set.original_text.isChecked())
        self.integrity.shutdown()
        self.session.close()
        super().closeEvent(event)
        self.closed.emit()
