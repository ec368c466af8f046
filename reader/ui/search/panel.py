"""Archive search: the toolbar field, and the panel of results (count, facets, chart, hits).

The panel replaces the article list while searching. Searches run on the task runner's
``search`` channel, so a new one makes the previous one's result go unseen.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QToolButton, QVBoxLayout, QWidget

from reader.library import Library, Sort
from reader.library.searching import (
    SearchOutcome,
    SearchRequest,
    narrowed,
    run_search,
    run_search_now,
    sort_named,
)
from reader.model import Issue, NotFound, ReaderError
from reader.ui.core.actions import Actions
from reader.ui.core.session import Session
from reader.ui.indexing.keeper import IndexKeeper
from reader.ui.reading.text_pane import Span
from reader.ui.search.exporting import HitExporter
from reader.ui.search.hit_list import HitList
from reader.ui.search.library_scope import LibraryScope
from reader.ui.search.results_model import SearchResultsModel
from reader.ui.search.sort_choice import SortChoice
from reader.ui.search.summary import SearchSummary
from reader.ui.search.widgets import SearchField

# Seconds a search run while the index is built may spend scanning the articles the index
# lacks; what it did not reach is scanned by the next run, started as soon as it is shown.
SCAN_BUDGET = 0.5


class SearchPanel(QWidget):
    """The results that replace the article list while searching the session's archive.

    A newly opened archive starts with no search; one read again runs the search shown again
    once its index has caught up with the changes (at once when nothing indexed changed);
    meanwhile the hits shown stay, found in the previous index.

    Signals:
        article_opened(str, str): issue id and article id of the hit chosen.
        other_archive_hit(str, str, str): a hit of another archive of the library was chosen:
            the archive's key, the issue id and the article id.
        mode_changed(bool): True when results are shown, False when back to browsing.
        results_shown(): the hits of a (new or refined) search are shown, or its query was
            found malformed: the matches to mark in the open article changed.
        status(str): a message for the status bar.
    """

    article_opened = Signal(str, str)
    other_archive_hit = Signal(str, str, str)
    mode_changed = Signal(bool)
    results_shown = Signal()
    status = Signal(str)

    def __init__(self, session: Session, actions: Actions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._request = SearchRequest("")
        self._pending = False
        # Whether to run the search shown again once the index is ready (the archive changed),
        # and the article of the hit to keep current when it does.
        self._rerun = False
        self._keep_hit = ""
        self._outcome: SearchOutcome | None = None
        # The query typed last, to go into the search history once it has run (a malformed
        # one never does).
        self._unsaved = ""
        self.searching = False
        # Seconds a search while the index is built may scan (None: no bound; tests).
        self.scan_budget: float | None = SCAN_BUDGET
        # The widget that had the keyboard before Ctrl+K or / moved it to the field.
        self.came_from: QWidget | None = None

        self.field = SearchField(self)
        self.keeper = IndexKeeper(session, actions, parent=self)
        self.index_status, self.indexer = self.keeper.index_status, self.keeper.indexer
        self.summary = SearchSummary(self)
        # Its parts by name, for the tests and the screenshots.
        self.count_label, self.sort_box = self.summary.count_label, self.summary.sort_box
        self.message, self.facets = self.summary.message, self.summary.facets
        self.chart = self.summary.chart
        self.sort_choice = SortChoice(actions, self.summary)
        self.model = SearchResultsModel(self._issue_for)
        self.view = HitList(self.model, self)
        self.exporter = HitExporter(session, self)
        self.export_button = QToolButton(self.summary)
        self.export_button.setDefaultAction(actions.export_hits)
        self.summary.header.addWidget(self.export_button)
        self.scope = LibraryScope(session, self.summary)
        self.summary.header.insertWidget(1, self.scope.box)
        self.view.addAction(actions.export_hits)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)

        actions.search.triggered.connect(self.focus_field)
        actions.export_hits.triggered.connect(self.export_hits)
        self.exporter.status.connect(self.status)
        self.field.submitted.connect(self.search)
        self.field.down_pressed.connect(self.focus_results)
        self.view.hit_opened.connect(self._hit_opened)
        self.scope.changed.connect(self._scope_changed)
        self.scope.coverage_grew.connect(self._coverage_grew)
        self.view.up_from_top.connect(self.focus_field)
        self.summary.filter_chosen.connect(self.set_filter)
        self.sort_choice.chosen.connect(self.set_sort)
        self.keeper.status.connect(self.status)
        self.keeper.ready.connect(self._index_ready)
        self.keeper.stopped.connect(self._index_stopped)
        session.opened.connect(self._archive_opened)
        session.reloaded.connect(self._archive_reloaded)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the visible texts in the current language."""
        self.field.setPlaceholderText(self.tr("Search the archive (Ctrl+K)"))
        self.scope.retranslate()
        self.summary.retranslate()
        self.model.refresh()  # dates and pages are worded in the interface language
        if self._outcome is not None:
            self.summary.show_outcome(self._outcome)

    def changeEvent(self, event: QEvent) -> None:
        """Qt override: follow a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- the archive and its index ------------------------------------------------------

    @property
    def _library(self) -> Library | None:
        return self._session.library

    def _issue_for(self, issue_id: str) -> Issue | None:
        """The issue of a hit, for its numbers (None if the archive no longer has it)."""
        library = self._library
        try:
            return library.issue(issue_id) if library is not None else None
        except NotFound:
            return None

    @Slot()
    def _archive_opened(self) -> None:
        """Forget the previous archive's search (the keeper brings the new one's index up to date).

        A library search stays: its hits are the library's, whichever archive is open.
        """
        if self.scope.library and self.searching and self._outcome is not None:
            self.model.open_archive = self.scope.open_key()
            self.model.refresh()  # the issue numbers known are the new archive's
            self.results_shown.emit()  # the article shown is of the archive just opened
            return
        self._session.tasks.cancel("search")
        self._pending = self._rerun = False
        self._clear_results()  # the hits shown are the previous archive's
        self.browse()
        # The query and its year or publication filter were the previous archive's too; the
        # history stays.
        self._request = SearchRequest("", sort=self.sort)
        self._unsaved = ""
        self.field.reset()

    @Slot()
    def _archive_reloaded(self) -> None:
        """Run the search shown again once the index is ready (the keeper updates it)."""
        self._session.tasks.cancel("search")
        self._rerun = self.searching and bool(self._request.query)

    def update_index(self) -> None:
        """Bring the index up to date now (after a cancel, or files changed while open)."""
        self.keeper.update_index()

    @property
    def index_ready(self) -> bool:
        """Whether a search can run now (on the current or the previous index)."""
        return self.indexer.available

    def _index_ready(self) -> None:
        if self._library is not None:
            self._library.forget_scanned()  # nothing is scanned now: its text can go
        if self.searching and self.scope.open_archive_left_out():
            self._rerun_search()  # a library search, now covering the archive open too
            return
        if self._pending:
            self._pending = False
            self._rerun = False
            self._run()
        elif self._rerun or (self._outcome is not None and self._outcome.provisional):
            self._rerun_search()  # the hits found by a scan: now all from the index

    def _index_stopped(self) -> None:
        if self._pending:
            self._show_no_index()  # still pending: an update the user asks for runs it
        elif self._rerun and self.index_ready:
            self._rerun_search()  # on the previous index, which has the other issues at least

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
        self.view.take_focus()

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
            self._request = SearchRequest(query, sort=self.sort)
        self._unsaved = query
        self._enter()
        if not self.index_ready and not self.indexer.running and not self.scope.library:
            # Run once an index is there (one the user asks for).
            self._pending = True
            self._clear_results()
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
        self._request = narrowed(self._request, key)
        self._run()

    def set_sort(self, name: str) -> None:
        """Order the hits by ``relevance``, ``newest`` or ``oldest``."""
        sort = sort_named(name)
        self.sort_choice.show(sort)
        self._request = replace(self._request, sort=sort)
        if self.searching and self._request.query and (self.index_ready or self.indexer.running):
            self._run()

    @property
    def sort(self) -> Sort:
        """The current order of the hits."""
        return self.sort_choice.current

    def export_hits(self) -> None:
        """Export the selected hits (when several are selected) or every hit of the search."""
        if self.searching and self._outcome is not None and self._outcome.result.total:
            if self.scope.library:
                # The export reads every hit from the archive open: it would leave out the rest.
                self.status.emit(
                    self.tr("Export Hits covers one archive: choose “This archive” to export.")
                )
                return
            self.exporter.choose(self._request, self.view.selected_hits())

    def _run(self) -> None:
        if not self._request.query:
            return
        if self.scope.library:
            self.count_label.setText(self.tr("Searching…"))
            names = self.scope.names()
            self.summary.archive_names = self.model.archive_names = names
            self.model.open_archive = self.scope.open_key()
            self.scope.run(self._request, self._show_outcome, self._search_failed)
            return
        self.summary.archive_names = self.model.archive_names = {}
        self.model.open_archive = ""
        if self._library is None:
            return
        self.count_label.setText(self.tr("Searching…"))
        if self.indexer.running:
            # The index is being built: search what it holds, scan the rest, refresh later.
            self._session.tasks.run(
                run_search_now,
                self._library,
                self._request,
                self.scan_budget,
                on_done=self._show_outcome,
                on_error=self._search_failed,
                channel="search",
            )
            return
        self._session.tasks.run(
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
        hit = self.view.current_hit()
        self._keep_hit = hit.article_id if hit is not None else ""
        self._run()

    def _show_outcome(self, outcome: SearchOutcome) -> None:
        if self._unsaved and outcome.request.query == self._unsaved:
            self.field.add_to_history(self._unsaved)
            self._unsaved = ""
        keep, self._keep_hit = self._keep_hit, ""
        previous, self._outcome = self._outcome, outcome
        self.model.set_hits(outcome.result.hits)
        self.summary.show_outcome(outcome)
        words = self.scope.left_out_text() if self.scope.library else ""
        if words:
            self.summary.show_message(words)
        self.view.show_article(keep)
        self.results_shown.emit()
        if _scan_grew(previous, outcome) and self.indexer.running:
            # The scan was cut by its budget: go on with the rest (what was read is kept).
            QTimer.singleShot(0, self._continue_scan)

    def _continue_scan(self) -> None:
        outcome = self._outcome
        if outcome is not None and outcome.request == self._request and self.indexer.running:
            self._rerun_search()

    def _hit_opened(self, hit: Any) -> None:
        """Go to a hit's article; one of another archive of the library opens that archive first."""
        key = self.scope.other_archive(hit)
        if key:
            self.other_archive_hit.emit(key, hit.issue_id, hit.article_id)
        else:
            self.article_opened.emit(hit.issue_id, hit.article_id)

    def _scope_changed(self) -> None:
        """Run the search shown again over the archive or the library (no archive filter)."""
        self._request = replace(self._request, archive="")
        if self.searching and self._request.query:
            self.search(self._request.query)

    def _coverage_grew(self) -> None:
        if self.searching and self._request.query:
            self._rerun_search()

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


def _scan_grew(previous: SearchOutcome | None, outcome: SearchOutcome) -> bool:
    """Whether ``outcome`` is a scan cut short that is worth going on with.

    It is, unless the same search before it covered as much: then the folded text kept is at
    its bound, and another run would cover no more.
    """
    coverage = outcome.coverage
    if coverage is None or coverage.complete:
        return False
    if previous is None or previous.coverage is None or previous.request != outcome.request:
        return True
    return coverage.share > previous.coverage.share
