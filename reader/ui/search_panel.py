"""Archive search: the toolbar field, and the panel of results (count, facets, chart, hits).

The panel replaces the article list while searching. Searches run on the task runner's
``search`` channel, so a new one makes the previous one's result go unseen.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QListView,
    QVBoxLayout,
    QWidget,
)

from reader.library import Library
from reader.model import ReaderError
from reader.ui.actions import Actions
from reader.ui.i18n import fill
from reader.ui.indexing import Indexer, IndexStatus
from reader.ui.rich_delegate import RichTextDelegate
from reader.ui.search_job import SearchOutcome, SearchRequest, run_search
from reader.ui.search_model import SearchResultsModel
from reader.ui.search_summary import SearchSummary
from reader.ui.search_widgets import SearchField
from reader.ui.tasks import Tasks
from reader.ui.text_pane import Span
from reader.ui.views import FocusCue

RESULT_LIMIT = 200
SORTS = ("relevance", "newest", "oldest")


class SearchPanel(QWidget):
    """The results that replace the article list while searching.

    Signals:
        article_opened(str, str): issue id and article id of the hit chosen.
        mode_changed(bool): True when results are shown, False when back to browsing.
        results_shown(): the hits of a (new or refined) search are shown, or its query was
            found malformed: the matches to mark in the open article changed.
        status(str): a message for the status bar.
    """

    article_opened = Signal(str, str)
    mode_changed = Signal(bool)
    results_shown = Signal()
    status = Signal(str)

    def __init__(
        self,
        actions: Actions,
        tasks: Tasks,
        index_root: Path | None,
        *,
        index_in_process: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._actions = actions
        self._tasks = tasks
        self._index_root = index_root
        self._library: Library | None = None
        self._request = SearchRequest("")
        self._pending = False
        # Whether to run the search shown again once the index is ready (the archive changed),
        # and the article of the hit to keep current when it does.
        self._rerun = False
        self._keep_hit = ""
        self._quiet_update = False
        self._outcome: SearchOutcome | None = None
        # The query typed last, to go into the search history once it has run (a malformed
        # one never does).
        self._unsaved = ""
        # Whether to say so when the index is ready: only after indexing the user waited for.
        self._announce_ready = False
        self.searching = False
        # The widget that had the keyboard before Ctrl+K or / moved it to the field.
        self.came_from: QWidget | None = None

        self.field = SearchField(self)
        self.index_status = IndexStatus(self)
        self.indexer = Indexer(tasks, in_process=index_in_process, parent=self)
        self.summary = SearchSummary(self)
        # Its parts by name, for the tests and the screenshots.
        self.count_label, self.sort_box = self.summary.count_label, self.summary.sort_box
        self.message, self.facets = self.summary.message, self.summary.facets
        self.chart = self.summary.chart
        self.model = SearchResultsModel()
        self.view = QListView(self)
        self.view.setObjectName("search_results")
        self.view.setModel(self.model)
        self.view.setItemDelegate(RichTextDelegate(self.view))
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setWordWrap(True)
        self.view.installEventFilter(self)
        FocusCue(self.view)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)

        actions.search.triggered.connect(self.focus_field)
        self.field.submitted.connect(self.search)
        self.field.down_pressed.connect(self.focus_results)
        self.view.activated.connect(self._open)
        self.view.clicked.connect(self._open)
        self.summary.filter_chosen.connect(self.set_filter)
        self.summary.sort_chosen.connect(self._sort_box_changed)
        for action in (actions.sort_relevance, actions.sort_newest, actions.sort_oldest):
            action.triggered.connect(self._sort_action_changed)
        actions.cancel_indexing.triggered.connect(self.indexer.cancel)
        actions.update_index.triggered.connect(self.update_index)
        self.index_status.cancel_button.clicked.connect(self.indexer.cancel)
        self.indexer.started.connect(self._index_started)
        self.indexer.progressed.connect(self._index_progress)
        self.indexer.ready.connect(self._index_ready)
        self.indexer.stopped.connect(self._index_stopped)
        self.retranslate()
        self._update_index_actions()

    def retranslate(self) -> None:
        """Set the visible texts in the current language."""
        self.field.setPlaceholderText(self.tr("Search the archive (Ctrl+K)"))
        self.summary.retranslate()
        if self._outcome is not None:
            self.summary.show_outcome(self._outcome)

    def changeEvent(self, event: QEvent) -> None:
        """Qt override: follow a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- the archive and its index ------------------------------------------------------

    def set_library(self, library: Library) -> None:
        """Search this archive from now on; its index is brought up to date in the background."""
        self._tasks.cancel("search")
        self._library = library
        self._pending = self._rerun = False
        self._clear_results()  # the hits shown are the previous archive's
        self.browse()
        # The query and its year or publication filter were the previous archive's too; the
        # history stays.
        self._request = SearchRequest("", sort=self.sort, limit=RESULT_LIMIT)
        self._unsaved = ""
        self.field.reset()
        self._announce_ready = False
        self.indexer.start(library, self._index_root)
        self._update_index_actions()

    def replace_library(self, library: Library) -> None:
        """Search ``library``, the same archive read again; the search shown runs again.

        It runs once the index has caught up with the changes (at once when nothing indexed
        changed); meanwhile the hits shown stay, found in the previous index.
        """
        self._tasks.cancel("search")
        self._library = library
        self._rerun = self.searching and bool(self._request.query)
        # The window says what changed; "the index is ready" right after would cover that.
        self._announce_ready = False
        self._quiet_update = True
        try:
            self.indexer.start(library, self._index_root)
        finally:
            self._quiet_update = False
        self._update_index_actions()

    def update_index(self) -> None:
        """Bring the index up to date now (after a cancel, or files changed while open)."""
        if self._library is None or self.indexer.running:
            return
        self._announce_ready = False
        self.indexer.start(self._library, self._index_root)
        self._update_index_actions()
        if not self.indexer.running:
            self.status.emit(self.tr("The search index is up to date."))

    @property
    def index_ready(self) -> bool:
        """Whether a search can run now (on the current or the previous index)."""
        return self.indexer.available

    def _index_started(self) -> None:
        # The child process reads the archive before its first report: say so meanwhile.
        self._announce_ready = not self._quiet_update
        self.index_status.show_starting()
        self._update_index_actions()

    def _index_progress(self, done: int, total: int) -> None:
        self.index_status.show_progress(done, total)
        self._update_index_actions()

    def _index_ready(self) -> None:
        self.index_status.hide()
        self._update_index_actions()
        # Only after a wait: an index that was current already needs no news (and would
        # push "Opened …" off the status bar at once).
        if self._announce_ready:
            self.status.emit(self.tr("The search index is ready."))
        if self._pending:
            self._pending = False
            self._rerun = False
            self._run()
        elif self._rerun:
            self._rerun_search()

    def _index_stopped(self, reason: str) -> None:
        self.index_status.hide()
        self._update_index_actions()
        if reason == "cancelled":
            self.status.emit(self.tr("Indexing cancelled."))
        else:
            self.status.emit(fill(self.tr("Indexing failed: %1"), reason))
        if self._pending:
            self._show_no_index()  # still pending: an update the user asks for runs it
        elif self._rerun and self.index_ready:
            self._rerun_search()  # on the previous index, which has the other issues at least

    def _update_index_actions(self) -> None:
        self._actions.cancel_indexing.setEnabled(self.indexer.running)
        self._actions.update_index.setEnabled(
            self._library is not None and not self.indexer.running
        )

    # --- searching -----------------------------------------------------------------------

    def focus_field(self) -> None:
        """Put the cursor in the search field, its text selected."""
        focused = QApplication.focusWidget()
        if focused is not None and focused is not self.field:
            self.came_from = focused  # where Esc in the field returns to
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def focus_results(self) -> None:
        """Move the keyboard to the hits, the current one (or the first) selected."""
        if not self.searching or self.model.rowCount() == 0:
            return
        index = self.view.currentIndex()
        # Selected before the focus moves: focusing a view makes its first row current
        # without selecting it.
        self.view.setCurrentIndex(index if index.isValid() else self.model.index(0, 0))
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def search(self, query: str) -> None:
        """Search the archive for ``query`` (an empty query returns to browsing)."""
        query = query.strip()
        if not query:
            self.browse()
            return
        if self._library is None:
            return
        # A new query starts unfiltered; the same one again keeps its filters.
        if query != self._request.query:
            self._request = SearchRequest(query, sort=self.sort, limit=RESULT_LIMIT)
        self._unsaved = query
        self._enter()
        if not self.index_ready:
            # Run once an index is there (the one being built, or one the user asks for).
            self._pending = True
            self._clear_results()
            if self.indexer.running:
                self.summary.show_message(
                    self.tr("The archive is being indexed; the search runs when it is ready.")
                )
            else:
                self._show_no_index()
            return
        self._run()

    @property
    def request(self) -> SearchRequest:
        """The search shown (or being run)."""
        return self._request

    def set_filter(self, key: str) -> None:
        """Show only the hits of a year (``2022``), a month (``2022-09``) or a publication.

        Publications are given as ``publication:NAME``; "" shows every hit. Choosing the
        active filter again removes it.
        """
        request = self._request
        if key.startswith("publication:"):
            name = key.removeprefix("publication:")
            request = replace(request, publication="" if name == request.publication else name)
        elif len(key) == 7 and key[4] == "-":
            month = "" if key == request.month else key
            request = replace(request, year=key[:4], month=month)
        elif key:
            same = key == request.year and not request.month
            request = replace(request, year="" if same else key, month="")
        else:
            request = replace(request, year="", month="", publication="")
        self._request = request
        self._run()

    def set_sort(self, sort: str) -> None:
        """Order the hits by ``relevance``, ``newest`` or ``oldest``."""
        self.sort_box.setCurrentIndex(SORTS.index(sort))
        {"relevance": self._actions.sort_relevance, "newest": self._actions.sort_newest}.get(
            sort, self._actions.sort_oldest
        ).setChecked(True)
        self._request = replace(self._request, sort=sort)
        if self.searching and self._request.query and self.index_ready:
            self._run()

    @property
    def sort(self) -> str:
        """The current order of the hits."""
        return SORTS[max(0, self.sort_box.currentIndex())]

    def _sort_box_changed(self, row: int) -> None:
        self.set_sort(SORTS[row])

    def _sort_action_changed(self) -> None:
        if self._actions.sort_newest.isChecked():
            self.set_sort("newest")
        elif self._actions.sort_oldest.isChecked():
            self.set_sort("oldest")
        else:
            self.set_sort("relevance")

    def _run(self) -> None:
        if self._library is None or not self._request.query:
            return
        self.count_label.setText(self.tr("Searching…"))
        self._tasks.run(
            run_search,
            self._library,
            self._request,
            on_done=self._show_outcome,
            on_error=self._search_failed,
            channel="search",
        )

    def _rerun_search(self) -> None:
        """Run the search shown again, its current hit kept current if it is found again."""
        self._rerun = False
        hit = self.model.hit(self.view.currentIndex().row())
        self._keep_hit = hit.article_id if hit is not None else ""
        self._run()

    def _show_outcome(self, outcome: SearchOutcome) -> None:
        if self._unsaved and outcome.request.query == self._unsaved:
            self.field.add_to_history(self._unsaved)
            self._unsaved = ""
        keep, self._keep_hit = self._keep_hit, ""
        self._outcome = outcome
        self.model.set_hits(outcome.result.hits)
        self.summary.show_outcome(outcome)
        hits = outcome.result.hits
        row = next((r for r, hit in enumerate(hits) if keep and hit.article_id == keep), -1)
        if row >= 0:
            index = self.model.index(row, 0)
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
        else:
            self.view.scrollToTop()
        self.results_shown.emit()

    def _search_failed(self, exc: BaseException) -> None:
        self._unsaved = ""  # it did not run: not worth finding again in the history
        self._outcome = None
        self.model.set_hits(())
        self.summary.show_failure(str(exc))
        # The previous query's matches are still marked in the article: they go.
        self.results_shown.emit()

    def _show_no_index(self) -> None:
        self.summary.show_message(
            self.tr("There is no search index yet: Search › Update Search Index builds it."),
            error=True,
        )

    def _clear_results(self) -> None:
        """Show no hits, counts, facets or chart (until a search of this archive runs)."""
        self._outcome = None
        self.model.set_hits(())
        self.summary.clear()

    def _enter(self) -> None:
        if not self.searching:
            self.searching = True
            self.mode_changed.emit(True)

    def browse(self) -> None:
        """Leave the results for the article list; highlights go with them."""
        if self.searching:
            self.searching = False
            self.mode_changed.emit(False)

    @Slot(QModelIndex)
    def _open(self, index: QModelIndex) -> None:
        hit = self.model.hit(index.row())
        if hit is None:
            return
        self.article_opened.emit(hit.issue_id, hit.article_id)

    def spans_for(self, article_id: str, body: str | None = None) -> tuple[Span, ...]:
        """Where the query shown matches in an article (none when not searching).

        Body spans count in ``Article.text``, or in ``body`` when given (the original text).
        """
        if self._library is None or not self.searching or not self._request.query:
            return ()
        try:
            matches = self._library.matches(article_id, self._request.query, body=body)
        except ReaderError:
            return ()  # a malformed query: its error is shown in the panel already
        return tuple(Span(name, start, end) for name, start, end in matches)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up on the first hit goes back to the search field."""
        if watched is self.view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Up and self.view.currentIndex().row() <= 0:
                self.focus_field()
                return True
        return super().eventFilter(watched, event)

    def shutdown(self) -> None:
        """Stop background work (the window is closing)."""
        self.indexer.shutdown()
