"""The search the panel shows: what was asked and found, where it runs, and when it runs again.

Searches run on the task runner's ``search`` channel, so a new one makes the previous one's
result go unseen. The panel asks and shows; this module decides what runs, and keeps the
search shown current as the archive, its index and the library's coverage change.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Slot

from reader.library import Sort
from reader.library.searching import (
    SearchOutcome,
    SearchRequest,
    narrowed,
    run_search,
    run_search_now,
)
from reader.ui.core.session import Session

if TYPE_CHECKING:
    from reader.ui.search.panel import SearchPanel

# Seconds a search run while the index is built may spend scanning the articles the index
# lacks; what it did not reach is scanned by the next run, started as soon as it is shown.
SCAN_BUDGET = 0.5


class SearchRunner(QObject):
    """Runs the search a :class:`SearchPanel` shows, and runs it again when what it searched changed.

    A newly opened archive starts with no search; one read again runs the search shown again
    once its index has caught up with the changes (at once when nothing indexed changed);
    meanwhile the hits shown stay, found in the previous index. While the index is built, a
    search scans what the index lacks, run after run, and runs on the index once it is ready.
    """

    def __init__(self, panel: SearchPanel, session: Session) -> None:
        super().__init__(panel)
        self._panel = panel
        self._session = session
        self.request = SearchRequest("")
        self.outcome: SearchOutcome | None = None
        self._pending = False
        # Whether to run the search shown again once the index is ready (the archive changed),
        # and the article of the hit to keep current when it does.
        self._rerun = False
        self._keep_hit = ""
        # The query typed last, to go into the search history once it has run (a malformed
        # one never does).
        self._unsaved = ""
        # Seconds a search while the index is built may scan (None: no bound; tests).
        self.scan_budget: float | None = SCAN_BUDGET
        panel.scope.changed.connect(self._scope_changed)
        panel.scope.coverage_grew.connect(self._coverage_grew)
        panel.keeper.ready.connect(self._index_ready)
        panel.keeper.stopped.connect(self._index_stopped)
        session.opened.connect(self._archive_opened)
        session.reloaded.connect(self._archive_reloaded)

    # --- what is asked -------------------------------------------------------------------

    def ask(self, query: str) -> None:
        """Make ``query`` (stripped, not empty) the search shown; :meth:`start` runs it."""
        # A new query starts unfiltered; the same one again keeps its filters.
        if query != self.request.query:
            self.request = SearchRequest(query, sort=self._panel.sort)
        self._unsaved = query

    def start(self) -> None:
        """Run the search asked, or say there is no index to run it on (yet)."""
        panel = self._panel
        if not panel.index_ready and not panel.indexer.running and not panel.scope.library:
            # Run once an index is there (one the user asks for).
            self._pending = True
            self._clear()
            panel.show_no_index()
            return
        self.run()

    def narrow(self, key: str) -> None:
        """Narrow the search shown to a year, month or publication (see ``SearchPanel.set_filter``)."""
        self.request = narrowed(self.request, key)
        self.run()

    def sort_by(self, sort: Sort) -> None:
        """Order the hits of the search shown by ``sort`` (run again when it can run now)."""
        panel = self._panel
        self.request = replace(self.request, sort=sort)
        if panel.searching and self.request.query and (panel.index_ready or panel.indexer.running):
            self.run()

    # --- running -------------------------------------------------------------------------

    def run(self) -> None:
        """Run the search shown over the library's archives, or the open archive's index."""
        if not self.request.query:
            return
        panel, scope = self._panel, self._panel.scope
        if scope.library:
            panel.show_searching()
            panel.name_archives(scope.names(), scope.open_key())
            scope.run(self.request, self._show_outcome, self._search_failed)
            return
        panel.name_archives({}, "")
        library = self._session.library
        if library is None:
            return
        panel.show_searching()
        if panel.indexer.running:
            # The index is being built: search what it holds, scan the rest, refresh later.
            self._session.tasks.run(
                run_search_now,
                library,
                self.request,
                self.scan_budget,
                on_done=self._show_outcome,
                on_error=self._search_failed,
                channel="search",
            )
            return
        self._session.tasks.run(
            run_search,
            library,
            self.request,
            on_done=self._show_outcome,
            on_error=self._search_failed,
            channel="search",
        )

    def _rerun_search(self) -> None:
        """Run the search shown again, its current hit kept current if it is found again."""
        self._rerun = False
        hit = self._panel.view.current_hit()
        self._keep_hit = hit.article_id if hit is not None else ""
        self.run()

    def _show_outcome(self, outcome: SearchOutcome) -> None:
        if self._unsaved and outcome.request.query == self._unsaved:
            self._panel.field.add_to_history(self._unsaved)
            self._unsaved = ""
        keep, self._keep_hit = self._keep_hit, ""
        previous, self.outcome = self.outcome, outcome
        self._panel.show_outcome(outcome, keep)
        if _scan_grew(previous, outcome) and self._panel.indexer.running:
            # The scan was cut by its budget: go on with the rest (what was read is kept).
            QTimer.singleShot(0, self._continue_scan)

    def _continue_scan(self) -> None:
        outcome = self.outcome
        if outcome is not None and outcome.request == self.request and self._panel.indexer.running:
            self._rerun_search()

    def _search_failed(self, exc: BaseException) -> None:
        self._unsaved = ""  # it did not run: not worth finding again in the history
        self.outcome = None
        self._panel.show_failure(exc)

    def _clear(self) -> None:
        """Show no hits, counts, facets or chart (until a search of this archive runs)."""
        self.outcome = None
        self._panel.clear_results()

    # --- what changes under it -----------------------------------------------------------

    @Slot()
    def _archive_opened(self) -> None:
        """Forget the previous archive's search (the keeper brings the new one's index up to date).

        A library search stays: its hits are the library's, whichever archive is open.
        """
        panel = self._panel
        if panel.scope.library and panel.searching and self.outcome is not None:
            panel.mark_open_archive()
            return
        self._session.tasks.cancel("search")
        self._pending = self._rerun = False
        self._clear()  # the hits shown are the previous archive's
        panel.browse()
        # The query and its year or publication filter were the previous archive's too; the
        # history stays.
        self.request = SearchRequest("", sort=panel.sort)
        self._unsaved = ""
        panel.field.reset()

    @Slot()
    def _archive_reloaded(self) -> None:
        """Run the search shown again once the index is ready (the keeper updates it)."""
        self._session.tasks.cancel("search")
        self._rerun = self._panel.searching and bool(self.request.query)

    def _index_ready(self) -> None:
        panel = self._panel
        if self._session.library is not None:
            self._session.library.forget_scanned()  # nothing is scanned now: its text can go
        if panel.searching and panel.scope.open_archive_left_out():
            self._rerun_search()  # a library search, now covering the archive open too
            return
        if self._pending:
            self._pending = False
            self._rerun = False
            self.run()
        elif self._rerun or (self.outcome is not None and self.outcome.provisional):
            self._rerun_search()  # the hits found by a scan: now all from the index

    def _index_stopped(self) -> None:
        if self._pending:
            self._panel.show_no_index()  # still pending: an update the user asks for runs it
        elif self._rerun and self._panel.index_ready:
            self._rerun_search()  # on the previous index, which has the other issues at least

    def _scope_changed(self) -> None:
        """Run the search shown again over the archive or the library (no archive filter)."""
        self.request = replace(self.request, archive="")
        if self._panel.searching and self.request.query:
            self._panel.search(self.request.query)

    def _coverage_grew(self) -> None:
        if self._panel.searching and self.request.query:
            self._rerun_search()


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
