"""Archive search: the toolbar field, and the panel of results (count, facets, chart, hits).

The panel replaces the article list while searching. What runs, and when it runs again, is
the runner's (``runner.py``); the panel asks for searches and shows what they find.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QApplication, QToolButton, QVBoxLayout, QWidget

from reader.library import Library, Sort
from reader.library.searching import SearchOutcome, SearchRequest, sort_named
from reader.model import Issue, NotFound, ReaderError
from reader.ui.core import unwritten
from reader.ui.core.actions import Actions
from reader.ui.core.session import Session
from reader.ui.i18n import fill
from reader.ui.indexing.keeper import IndexKeeper
from reader.ui.reading.text_pane import Span
from reader.ui.search import query_errors
from reader.ui.search.exporting import HitExporter
from reader.ui.search.hit_list import HitList
from reader.ui.search.library_scope import LibraryScope
from reader.ui.search.results_model import SearchResultsModel
from reader.ui.search.runner import SearchRunner
from reader.ui.search.sort_choice import SortChoice
from reader.ui.search.summary import SearchSummary
from reader.ui.search.widgets import SearchField


class SearchPanel(QWidget):
    """The results that replace the article list while searching the session's archive.

    Its ``runner`` keeps the search shown (request and outcome) and runs it.

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
        self.searching = False
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
        self.scope.indexer.wait_for(self.indexer)  # one build at a time, the open archive's first
        self.summary.header.insertWidget(0, self.scope.box)
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
        self.view.up_from_top.connect(self.focus_field)
        self.summary.filter_chosen.connect(self.set_filter)
        self.sort_choice.chosen.connect(self.set_sort)
        self.keeper.status.connect(self.status)
        # Last: it follows the archive and its index after the keeper and the scope do.
        self.runner = SearchRunner(self, session)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the visible texts in the current language."""
        self.field.setPlaceholderText(self.tr("Search the archive (Ctrl+K)"))
        self.scope.retranslate()
        self.summary.retranslate()
        self.model.refresh()  # dates and pages are worded in the interface language
        if self.runner.outcome is not None:
            self.summary.show_outcome(self.runner.outcome)

    def changeEvent(self, event: QEvent) -> None:
        """Qt override: follow a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

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

    def update_index(self) -> None:
        """Bring the index up to date now (after a cancel, or files changed while open)."""
        self.keeper.update_index()

    @property
    def index_ready(self) -> bool:
        """Whether a search can run now (on the current or the previous index)."""
        return self.indexer.available

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
        if not self.searching or (self.model.rowCount() == 0 and not self.view.waiting):
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
        self.runner.ask(query)
        self._enter()
        self.runner.start()

    @property
    def request(self) -> SearchRequest:
        """The search shown (or being run)."""
        return self.runner.request

    def set_filter(self, key: str) -> None:
        """Show only the hits of a year (``2022``), a month (``2022-09``) or a publication.

        Publications are given as ``publication:NAME``; "" shows every hit. Choosing the
        active filter again removes it.
        """
        self.runner.narrow(key)

    def set_sort(self, name: str) -> None:
        """Order the hits by ``relevance``, ``newest`` or ``oldest``."""
        sort = sort_named(name)
        self.sort_choice.show(sort)
        self.runner.sort_by(sort)

    @property
    def sort(self) -> Sort:
        """The current order of the hits."""
        return self.sort_choice.current

    def export_hits(self) -> None:
        """Export the selected hits (when several are selected) or every hit of the search."""
        outcome = self.runner.outcome
        if self.searching and outcome is not None and outcome.result.total:
            scope = self.scope if self.scope.library else None
            self.exporter.choose(self.request, self.view.selected_hits(), scope)

    def _hit_opened(self, hit: Any) -> None:
        """Go to a hit's article; one of another archive of the library opens that archive first."""
        key = self.scope.other_archive(hit)
        if key:
            self.other_archive_hit.emit(key, hit.issue_id, hit.article_id)
        else:
            self.article_opened.emit(hit.issue_id, hit.article_id)

    # --- showing what the runner finds ---------------------------------------------------

    def show_searching(self) -> None:
        """Say a search is under way (its hits stay until it is done)."""
        self.count_label.setText(self.tr("Searching…"))
        self.view.waiting = True

    def name_archives(self, names: dict[str, str], open_archive: str) -> None:
        """Name each hit's archive by its key (a library search), or none (the open archive's)."""
        self.summary.archive_names = self.model.archive_names = names
        self.model.open_archive = open_archive

    def show_outcome(self, outcome: SearchOutcome, keep: str) -> None:
        """Show a search's hits, the one of article ``keep`` current when it is among them."""
        self.model.set_hits(outcome.result.hits)
        self.summary.show_outcome(outcome)
        words = self.scope.left_out_text() if self.scope.library else ""
        if words:
            self.summary.show_message(words)
        self.view.show_article(keep)
        self.results_shown.emit()
        self.view.hits_shown()

    def mark_open_archive(self) -> None:
        """Tell the hits of the archive just opened (a library search stays as another opens)."""
        self.model.open_archive = self.scope.open_key()
        self.model.refresh()  # the issue numbers known are the new archive's
        self.results_shown.emit()  # the article shown is of the archive just opened

    def show_failure(self, exc: BaseException) -> None:
        """Show why a search did not run (a malformed query), and no hits."""
        self.model.set_hits(())
        self.view.hits_shown()
        self.summary.show_failure(query_errors.said(exc))
        # The previous query's matches are still marked in the article: they go.
        self.results_shown.emit()

    def show_no_index(self) -> None:
        """Say the search waits for an index, and how to build one (or why none can be)."""
        refused = self.indexer.not_writable
        if refused is not None:
            text = self.tr(
                "The search index cannot be written in %1: %2. Searching needs an index, so "
                "this archive cannot be searched; everything else works."
            )
            self.summary.show_message(fill(text, refused.path, unwritten.why(refused)), error=True)
            return
        self.summary.show_message(
            self.tr("There is no search index yet: Search › Update Search Index builds it."),
            error=True,
        )

    def clear_results(self) -> None:
        """Show no hits, counts, facets or chart."""
        self.model.set_hits(())
        self.view.hits_shown()
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
        if self._library is None or not self.searching or not self.request.query:
            return ()
        try:
            matches = self._library.matches(article_id, self.request.query, body=body)
        except ReaderError:
            return ()  # a malformed query: its error is shown in the panel already
        return tuple(map(Span._make, matches))
