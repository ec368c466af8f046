"""The main window: issue tree, article list (or search results) and text pane, and their wiring."""

from __future__ import annotations

import gc
import logging
from concurrent.futures import Executor
from functools import partial
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QListView,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QTreeView,
    QWidget,
)

from reader import __version__
from reader.library import Library
from reader.ui import errors, i18n, settings
from reader.ui.actions import Actions, Menus
from reader.ui.article_list_model import ArticleListModel
from reader.ui.browser import Browser
from reader.ui.citation import article_with_citation
from reader.ui.dialogs import GoToDateDialog, ShortcutsDialog
from reader.ui.i18n import fill
from reader.ui.issue_tree_model import IssueTreeModel
from reader.ui.problems_panel import ProblemsPanel
from reader.ui.rich_delegate import RichTextDelegate
from reader.ui.search_panel import SearchPanel
from reader.ui.tasks import Tasks
from reader.ui.text_pane import TextPane

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Browse an archive issue by issue, read articles, and search the whole archive.

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
        self.opened_path = ""
        self._shown = False
        self.tasks = Tasks(on_error=self._show_error, executor=executor, parent=self)
        self.actions = Actions(self)
        self.menus = Menus(self.menuBar(), self.actions)
        self.tree_model = IssueTreeModel(locale=i18n.locale_for(i18n.current()))
        self.tree = QTreeView(self)
        self.tree.setObjectName("issue_tree")
        self.tree.setModel(self.tree_model)
        self.tree.setUniformRowHeights(True)
        self.tree.setIndentation(14)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, self.tree.header().ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, self.tree.header().ResizeMode.ResizeToContents)
        self.article_model = ArticleListModel()
        self.article_list = QListView(self)
        self.article_list.setObjectName("article_list")
        self.article_list.setModel(self.article_model)
        self.article_list.setItemDelegate(RichTextDelegate(self.article_list))
        self.article_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.article_list.setWordWrap(True)
        self.search_panel = SearchPanel(
            self.actions,
            self.tasks,
            index_root,
            index_in_process=index_in_process,
            parent=self,
        )
        self.middle = QStackedWidget(self)
        self.middle.addWidget(self.article_list)
        self.middle.addWidget(self.search_panel)
        self.pane = TextPane(self)
        self.pane.setObjectName("text_pane")
        self.browser = Browser(self.tree, self.article_list, self.pane, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("splitter")
        for widget in (self.tree, self.middle, self.pane):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setSizes([300, 330, 650])
        self.setCentralWidget(self.splitter)

        self.problems_panel = ProblemsPanel(self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_panel)
        self.resizeDocks([self.problems_panel], [160], Qt.Orientation.Vertical)
        self.problems_panel.hide()
        self.problems_button = QToolButton(self)
        self.problems_button.setObjectName("problems_button")
        self.problems_button.setAutoRaise(True)
        self.problems_button.hide()
        self.status_label = QLabel(self)
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.search_panel.index_status)
        self.statusBar().addPermanentWidget(self.problems_button)

        self.toolbar = self.addToolBar("")
        self.toolbar.setObjectName("toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addActions([self.actions.back, self.actions.forward])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.actions.previous_issue, self.actions.next_issue])
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.toolbar.addWidget(self.search_panel.field)

        self._connect()
        self.retranslate()
        self._restore_window()
        self._update_actions()
        self.pane.clear(self.tr("Open an archive folder with File › Open Folder… or drop it here."))

    # --- wiring --------------------------------------------------------------------------

    def _connect(self) -> None:
        a = self.actions
        a.open_folder.triggered.connect(self.choose_folder)
        a.open_file.triggered.connect(self.choose_file)
        a.quit.triggered.connect(self.close)
        a.copy_citation.triggered.connect(self.copy_article)
        a.find.triggered.connect(self.pane.open_find)
        a.zoom_in.triggered.connect(partial(self.zoom_by, 1))
        a.zoom_out.triggered.connect(partial(self.zoom_by, -1))
        a.zoom_reset.triggered.connect(partial(self.zoom_by, None))
        a.original_text.toggled.connect(self.browser.set_original)
        a.problems.toggled.connect(self.problems_panel.setVisible)
        self.problems_panel.visibilityChanged.connect(self._problems_visibility)
        self.problems_button.clicked.connect(self.problems_panel.show)
        for action in a.languages.values():
            action.triggered.connect(self._language_chosen)
        a.back.triggered.connect(self.browser.back)
        a.forward.triggered.connect(self.browser.forward)
        a.next_article.triggered.connect(partial(self.browser.step_article, 1))
        a.previous_article.triggered.connect(partial(self.browser.step_article, -1))
        a.next_issue.triggered.connect(partial(self.browser.step_issue, 1))
        a.previous_issue.triggered.connect(partial(self.browser.step_issue, -1))
        a.go_to_date.triggered.connect(self.choose_date)
        a.next_match.triggered.connect(self.pane.next_match)
        a.previous_match.triggered.connect(self.pane.previous_match)
        a.escape.triggered.connect(self.escape)
        a.shortcuts.triggered.connect(self.show_shortcuts)
        a.about.triggered.connect(self.show_about)
        self.menus.recent.aboutToShow.connect(self._fill_recent)
        self.browser.moved.connect(self._update_actions)
        self.browser.moved.connect(self._highlight)
        self.browser.message.connect(self.status_label.setText)
        self.search_panel.article_opened.connect(self._search_hit_opened)
        self.search_panel.mode_changed.connect(self._search_mode_changed)
        self.search_panel.results_shown.connect(self._highlight)
        self.search_panel.status.connect(self.status_label.setText)
        self.pane.matches_changed.connect(self._matches_changed)

    def retranslate(self) -> None:
        """Set every visible text in the current language."""
        self.setWindowTitle(self._title())
        self.actions.retranslate()
        self.menus.retranslate()
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        self.status_label.clear()  # whatever it said was in the other language
        self.tree_model.set_locale(i18n.locale_for(i18n.current()))
        self._show_problem_count()
        self.actions.languages.get(
            settings.read("language"), self.actions.languages[""]
        ).setChecked(True)

    def changeEvent(self, event: QEvent) -> None:
        """Qt override: follow a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _title(self) -> str:
        name = self.tr("Issue Reader")
        if self.library is None:
            return name
        return f"{Path(self.opened_path).name} — {name}"

    # --- opening -------------------------------------------------------------------------

    def choose_folder(self) -> None:
        """Ask for an archive folder and open it."""
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Open Archive Folder"), self._start_dir()
        )
        if folder:
            self.open_path(folder)

    def choose_file(self) -> None:
        """Ask for a single issue file (or a zip of an archive) and open it."""
        file, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open Issue File"),
            self._start_dir(),
            self.tr("Issues and archives (*.txt *.md *.xml *.html *.htm *.zip);;All files (*)"),
        )
        if file:
            self.open_path(file)

    def _start_dir(self) -> str:
        return str(Path(self.opened_path).parent) if self.opened_path else str(Path.home())

    def open_path(self, path: str) -> None:
        """Open an archive folder or issue file in the background; the tree appears when read."""
        # Absolute, so the last archive and reading positions hold wherever the app starts.
        path = str(Path(path).expanduser().absolute())
        self.status_label.setText(fill(self.tr("Opening %1…"), path))
        self.tasks.run(
            Library.open,
            path,
            on_done=partial(self._opened, path),
            on_error=partial(self._open_failed, path),
            on_progress=self._open_progress,
            channel="open",
        )

    def _open_progress(self, done: int, total: int) -> None:
        self.status_label.setText(fill(self.tr("Reading files: %1 of %2"), str(done), str(total)))

    def _open_failed(self, path: str, exc: BaseException) -> None:
        self.status_label.setText(fill(self.tr("Could not open %1"), path))
        self._show_error(exc)

    @property
    def library(self) -> Library | None:
        """The open archive, or None."""
        return self.browser.library

    def _opened(self, path: str, library: Library) -> None:
        self.save_position()
        if self.library is not None:
            self.library.close()
        self.opened_path = path
        self.search_panel.browse()  # the hits shown are the old archive's
        self.browser.set_library(library)
        # The catalogue is many long-lived objects: scanning them in every full garbage
        # collection paused the window 60–200 ms (measured). Frozen, the collector skips them;
        # reference counting still frees them when another archive is opened.
        gc.freeze()
        self.problems_panel.set_problems(library.problems)
        self._show_problem_count()
        self.setWindowTitle(self._title())
        settings.write(last_archive=path)
        settings.remember("recent", path, settings.MAX_RECENT)
        count = len(library.issues)
        self.status_label.setText(
            fill(
                self.tr("Opened %1: %2 issues, %3 articles"),
                path,
                str(count),
                str(library.archive.article_count),
            )
        )
        self._restore_position(path)
        self._update_actions()
        # The tree and the article are up; now the index, in the background.
        self.search_panel.set_library(library)

    def _restore_position(self, path: str) -> None:
        assert self.library is not None
        position = settings.read("positions").get(path, {})
        issue_id = position.get("issue", "")
        if issue_id not in {i.id for i in self.library.issues}:
            issue_id = self.library.issues[0].id if self.library.issues else ""
            position = {}
        if not issue_id:
            self.pane.clear(
                self.tr("This archive has no readable issues. See View › Problems Panel.")
            )
            return
        self.browser.go_to(
            issue_id, position.get("article", ""), scroll=float(position.get("scroll", 0.0))
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Qt override: accept a dropped local folder or file."""
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Qt override: open the first dropped local folder or file."""
        for url in event.mimeData().urls():
            if url.isLocalFile():
                event.acceptProposedAction()
                self.open_path(url.toLocalFile())
                return

    def _fill_recent(self) -> None:
        menu = self.menus.recent
        menu.clear()
        for path in settings.read("recent"):
            action = menu.addAction(path)
            action.triggered.connect(partial(self.open_path, path))
        if menu.isEmpty():
            menu.addAction(self.tr("(none)")).setEnabled(False)

    # --- navigation ----------------------------------------------------------------------

    def choose_date(self) -> None:
        """Ask for a date and go to the issue nearest it."""
        if self.library is None or not self.library.issues:
            return
        current = self.pane.issue
        dialog = GoToDateDialog(
            self.library.issues,
            current.date if current else None,
            current.publication if current else "",
            self,
        )
        dialog.accepted.connect(partial(self._date_chosen, dialog))
        dialog.open()

    def _date_chosen(self, dialog: GoToDateDialog) -> None:
        issue = dialog.nearest()
        if issue is not None:
            self.search_panel.browse()
            self.browser.go_to(issue.id)

    def escape(self) -> None:
        """Esc: close the find bar, else leave the search results for browsing."""
        if self.pane.find_bar.isVisible():
            self.pane.close_find()
        elif self.search_panel.searching:
            self.search_panel.browse()

    def _update_actions(self) -> None:
        a = self.actions
        has_library = self.library is not None
        has_article = self.pane.article is not None
        a.back.setEnabled(self.browser.history.can_go_back())
        a.forward.setEnabled(self.browser.history.can_go_forward())
        for action in (
            a.next_article,
            a.previous_article,
            a.next_issue,
            a.previous_issue,
            a.go_to_date,
        ):
            action.setEnabled(has_library)
        for action in (a.copy_citation, a.find, a.next_match, a.previous_match):
            action.setEnabled(has_article)

    # --- search (the panel does the work; the window shows what it opens) -----------------

    @Slot(str, str)
    def _search_hit_opened(self, issue_id: str, article_id: str) -> None:
        self.browser.go_to(issue_id, article_id)
        self.pane.setFocus()
        if self.pane.match_count:
            self.pane.next_match()

    @Slot()
    def _highlight(self) -> None:
        """Mark the current query's matches in the open article (none when not searching)."""
        article = self.pane.article
        self.pane.set_spans(self.search_panel.spans_for(article.id) if article else ())

    @Slot(bool)
    def _search_mode_changed(self, searching: bool) -> None:
        self.middle.setCurrentWidget(self.search_panel if searching else self.article_list)
        if not searching:
            self.pane.set_spans(())
            self.status_label.clear()  # "Match 2 of 6" no longer holds
            self.article_list.setFocus()

    @Slot(int, int)
    def _matches_changed(self, current: int, total: int) -> None:
        self.status_label.setText(fill(self.tr("Match %1 of %2"), str(current + 1), str(total)))

    # --- reading -------------------------------------------------------------------------

    def zoom_by(self, step: int | None) -> None:
        """Zoom the text in (1) or out (-1), or back to the default size (None)."""
        self.pane.set_zoom(0 if step is None else self.pane.zoom + step)

    def copy_article(self) -> None:
        """Put the open article with its citation on the clipboard."""
        if self.pane.issue is None or self.pane.article is None:
            return
        text = article_with_citation(self.pane.issue, self.pane.article)
        QGuiApplication.clipboard().setText(text)
        self.status_label.setText(self.tr("Copied the article with its citation."))

    # --- problems, language, help ----------------------------------------------------------

    def _show_problem_count(self) -> None:
        count = len(self.library.problems) if self.library is not None else 0
        self.problems_button.setVisible(count > 0)
        self.problems_button.setText(fill(self.tr("⚠ Problems: %1"), str(count)))
        self.problems_button.setToolTip(
            self.tr("Files that could not be read (View › Problems Panel)")
        )

    def _problems_visibility(self, visible: bool) -> None:
        self.actions.problems.blockSignals(True)
        self.actions.problems.setChecked(visible)
        self.actions.problems.blockSignals(False)

    def _language_chosen(self) -> None:
        action = self.sender()
        code = action.data() if action is not None else ""
        settings.write(language=code)
        app = QApplication.instance()
        if app is not None:
            i18n.install(app, code)

    def show_shortcuts(self) -> None:
        """The Keyboard Shortcuts dialog."""
        ShortcutsDialog(self.menus.all_actions(), self).open()

    def show_about(self) -> None:
        """The About box."""
        QMessageBox.about(
            self,
            self.tr("About Issue Reader"),
            fill(
                self.tr("Issue Reader %1\nRead and search archives of newspaper issues."),
                __version__,
            ),
        )

    def _show_error(self, exc: BaseException) -> None:
        errors.show_error(self, exc)

    # --- memory --------------------------------------------------------------------------

    def save_position(self) -> None:
        """Remember the open issue, article and scroll position of the current archive."""
        if not self.opened_path or self.pane.issue is None:
            return
        positions = settings.read("positions")
        positions.pop(self.opened_path, None)
        positions[self.opened_path] = {
            "issue": self.pane.issue.id,
            "article": self.pane.article.id if self.pane.article else "",
            "scroll": round(self.pane.scroll_fraction(), 4),
        }
        while len(positions) > settings.MAX_POSITIONS:
            positions.pop(next(iter(positions)))
        settings.write(positions=positions)

    def _restore_window(self) -> None:
        geometry = settings.read("geometry")
        if geometry:
            self.restoreGeometry(QByteArray.fromHex(geometry.encode()))
        else:
            self.resize(1280, 800)
        state = settings.read("window_state")
        if state:
            self.restoreState(QByteArray.fromHex(state.encode()))
        self.pane.set_zoom(settings.read("zoom"))
        self.actions.original_text.setChecked(settings.read("original_text"))

    def showEvent(self, event: QShowEvent) -> None:
        """Qt override: splitter sizes fit only once the restored geometry is in place."""
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            sizes = settings.read("splitter")
            if len(sizes) == 3 and all(isinstance(s, int) for s in sizes):
                self.splitter.setSizes(sizes)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Qt override: remember everything, stop background work."""
        self.save_position()
        settings.write(
            geometry=bytes(self.saveGeometry().toHex()).decode(),
            window_state=bytes(self.saveState().toHex()).decode(),
            splitter=self.splitter.sizes(),
            zoom=self.pane.zoom,
            original_text=self.actions.original_text.isChecked(),
        )
        self.search_panel.shutdown()
        self.tasks.shutdown()
        if self.library is not None:
            self.library.close()
        super().closeEvent(event)
        self.closed.emit()
