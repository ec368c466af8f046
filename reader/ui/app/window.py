"""The main window: menus, toolbar, status bar and Problems panel around the reading area."""

from __future__ import annotations

import gc
import logging
from collections.abc import Sequence
from concurrent.futures import Executor
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal, Slot
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
from reader.library.reloading import Reading
from reader.model import CorruptArchive, Problem, ReaderError, printable
from reader.ui import i18n
from reader.ui.app import about, chrome, docks, errors, memory, notices
from reader.ui.app.about import AboutDialog
from reader.ui.app.aliasing import AliasKeeper
from reader.ui.app.integrity import IntegrityCheck
from reader.ui.app.opening import Opener, dropped_path
from reader.ui.app.properties import show_properties
from reader.ui.app.reading_area import ReadingArea
from reader.ui.app.shortcuts import ShortcutsDialog
from reader.ui.app.start_page import StartPage
from reader.ui.app.status_line import StatusLine
from reader.ui.app.watching import Reloader, describe_changes
from reader.ui.core import settings
from reader.ui.core.actions import Actions
from reader.ui.core.menus import Menus
from reader.ui.core.session import Session
from reader.ui.i18n import fill
from reader.ui.problems.reasons import reason_text

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
        self._show_problems(())
        panel = self.search_panel
        chain = [panel.field, self.tree, self.article_list, panel.sort_box, panel.chart]
        chrome.set_tab_order([*chain, panel.view, self.pane], self.statusBar())

    def _connect(self) -> None:
        a = self.action_set
        a.open_folder.triggered.connect(self.opener.choose_folder)
        a.open_file.triggered.connect(self.opener.choose_file)
        a.quit.triggered.connect(self.close)
        a.reload.triggered.connect(self.reload)
        a.properties.triggered.connect(self.show_properties)
        a.verify.triggered.connect(self.integrity.start)
        self.integrity.status.connect(self.status_line.show_message)
        a.problems.toggled.connect(self.problems_panel.want)
        self.problems_panel.visibilityChanged.connect(self._problems_visibility)
        self.pane.zoom_changed.connect(self.indicators.show_zoom)
        a.original_text.toggled.connect(self.indicators.show_original)
        self.indicators.reset_zoom.connect(a.zoom_reset.trigger)
        self.indicators.reflow.connect(partial(a.original_text.setChecked, False))
        self.problems_button.clicked.connect(partial(self.problems_panel.want, True))
        for action in a.languages.values():
            action.triggered.connect(self._language_chosen)
        a.shortcuts.triggered.connect(self.show_shortcuts)
        a.about.triggered.connect(self.show_about)
        self.start_page.open_folder.connect(self.opener.choose_folder)
        self.start_page.open_zip.connect(self.opener.choose_zip)
        self.start_page.open_sample.connect(self.opener.open_sample)
        self.start_page.open_recent.connect(self.open_path)
        self.search_panel.field.submitted.connect(self._searched)
        self.session.error.connect(self._show_error)
        # After the reading area's: the tree is filled when the window restores the position.
        self.session.opened.connect(self._show_opened)
        self.session.reloaded.connect(self._show_archive)
        self.opener.opening.connect(self.reloader.cancel)
        self.opener.opened.connect(self._opened)
        self.opener.failed.connect(self._open_failed)
        self.opener.grown.connect(self._grown)
        self.opener.status.connect(self.status_label.setText)
        self.area.status.connect(self.status_line.show_message)
        self.reloader.reloaded.connect(self._reloaded)
        self.reloader.unchanged.connect(self._reload_found_nothing)
        self.reloader.progressed.connect(self._reload_progress)
        self.reloader.gone.connect(self._archive_gone)
        self.reloader.failed.connect(self._reload_failed)

    def retranslate(self) -> None:
        """Set every visible text in the current language."""
        # Qt adds the display name to every window title (dialogs too): it must follow the
        # language, and the window's own title end with it so it is not added twice.
        QGuiApplication.setApplicationDisplayName(self.tr("Issue Reader"))
        self.setWindowTitle(self._title())
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

    def _title(self) -> str:
        name = self.tr("Issue Reader")
        if self.library is None:
            return name
        return f"{printable(Path(self.session.path).name)} — {name}"

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

    @Slot(object, object)
    def _opened(self, path: str, reading: Reading) -> None:
        assert reading.library is not None
        self.save_position()
        self.reloader.follow(path, reading.snapshot)
        self.session.open(path, reading.library)

    @Slot(object, bool)
    def _grown(self, library: Library, first: bool) -> None:
        """Show what a first read has read so far: the tree fills while the rest is read."""
        self._show_area()
        self.browser.preview(library, first)

    @Slot()
    def _show_opened(self) -> None:
        """Say what is open, and go where the reader was in it (the tree shows it already)."""
        self._show_area()
        self._show_archive()
        self.setWindowTitle(self._title())
        self.statusBar().clearMessage()
        if not self.browser.kept_place:  # else the reader chose a place while it was read
            self._restore_position(self.opened_path)

    @Slot()
    def _show_archive(self) -> None:
        """Show the open archive's problems and counts (just opened, or read again)."""
        library, path = self.library, self.opened_path
        assert library is not None
        # The catalogue is many long-lived objects: scanning them in every full garbage
        # collection paused the window 60–200 ms (measured). Frozen, the collector skips them;
        # reference counting still frees them when another archive is opened.
        gc.freeze()
        self._show_problems(library.problems, library)
        self.status_line.set_state(lambda: notices.summary(path, library))
        if not library.issues:
            if library.problems:
                # The panel lists each file and why: open it, rather than point at its menu item.
                self.problems_panel.want(True)
            self.pane.clear(notices.nothing_readable(path, library))

    @Slot(str)
    def _open_failed(self, path: str) -> None:
        self.browser.end_preview()
        if self.library is None:  # what was shown of it is gone: back to the start page
            self.stack.setCurrentWidget(self.start_page)
        self.status_line.restore()  # what is open stays open
        self.show_message(fill(self.tr("Could not open %1"), path))
        # Opening gave up any look at the open archive: look again, in case it changed.
        self.reloader.watcher.poke()

    def _restore_position(self, path: str) -> None:
        assert self.library is not None
        position = memory.saved_position(path, self.library.issues)
        if position is None:
            return  # no issues: _show_archive said why
        self.browser.go_to(position.issue_id, position.article_id, scroll=position.scroll)

    # --- keeping the archive current ------------------------------------------------------

    def reload(self) -> None:
        """Read the open archive again in the background (File › Reload Archive)."""
        if self.library is not None:
            self.reloader.reload()

    @Slot(object)
    def _reloaded(self, reading: Reading) -> None:
        assert reading.library is not None
        self.session.replace(reading.library)
        self.show_message(describe_changes(reading.changes))

    @Slot(bool)
    def _reload_found_nothing(self, asked: bool) -> None:
        if asked:
            self.show_message(self.tr("The archive is as it was: nothing to read again."))

    @Slot(int, int)
    def _reload_progress(self, done: int, total: int) -> None:
        text = fill(self.tr("Reading the archive again: %1 of %2"), f"{done:,}", f"{total:,}")
        self.status_line.show_progress(text)

    @Slot(str)
    def _archive_gone(self, path: str) -> None:
        self.statusBar().clearMessage()
        self.status_line.set_state(
            lambda: fill(
                self.tr("%1 is no longer there; showing what was read from it before."), path
            )
        )

    @Slot(object, bool)
    def _reload_failed(self, exc: BaseException, asked: bool) -> None:
        self.statusBar().clearMessage()
        if asked or not isinstance(exc, ReaderError):
            self._show_error(exc)
            return
        # Not asked for, and maybe a file caught half-copied: say so without a dialog.
        why = reason_text(exc.reason) if isinstance(exc, CorruptArchive) else errors.summary(exc)
        self.show_message(fill(self.tr("The archive could not be read again: %1"), why))

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

    # --- problems, language, help ----------------------------------------------------------

    def _show_problems(self, problems: Sequence[Problem], library: Library | None = None) -> None:
        """List ``problems`` (and ``library``'s suggested aliases); none: the panel and its pointers go."""
        found = library.alias_suggestions() if library is not None else ()
        settings = library.archive.settings if library is not None else None
        self.problems_panel.show_problems(problems, found, settings)
        self.problems_button.show_count(len(problems) + len(found))
        self.action_set.problems.setEnabled(bool(problems or found))

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

    def show_shortcuts(self) -> None:
        """The Keyboard Shortcuts dialog."""
        dialog = ShortcutsDialog(self.menus.all_actions(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_about(self) -> None:
        """The About box: versions, licence, where the files are; it can clear the index."""
        dialog = AboutDialog(self.session, self.search_panel.indexer.running, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.clear_index.connect(self.clear_index)
        dialog.open()

    def show_properties(self) -> None:
        """File › Archive Properties (with no archive open, a word in the status bar)."""
        self.show_message(show_properties(self.library, self.session.index_root, self))

    def clear_index(self) -> None:
        """Delete the open archive's search index and build it again from the archive."""
        self.show_message(about.clear_and_rebuild(self.session, self.search_panel.keeper))

    def _show_error(self, exc: BaseException) -> None:
        errors.show_error(self, exc)

    # --- memory --------------------------------------------------------------------------

    def save_position(self) -> None:
        """Remember the open issue, article and scroll position of the current archive."""
        memory.save_position(self.opened_path, self.pane)

    def showEvent(self, event: QShowEvent) -> None:
        """Qt override: splitter sizes fit only once the restored geometry is in place."""
        super().showEvent(event)
        self._shown = True
        self._show_area(self.stack.currentWidget() is self.area)

    def _show_area(self, show: bool = True) -> None:
        """Show the reading area instead of the start page; the first time, its saved sizes."""
        if show:
            self.stack.setCurrentWidget(self.area)
        if show and self._shown and not self._sized:
            self._sized = True
            memory.restore_splitter(self.splitter)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Qt override: remember everything, stop background work."""
        self.save_position()
        splitter = self.splitter if self._sized else None
        memory.save_window(self, splitter, self.pane, self.action_set.original_text.isChecked())
        self.integrity.shutdown()
        self.session.close()
        super().closeEvent(event)
        self.closed.emit()
