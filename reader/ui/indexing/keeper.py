"""The search panel's index upkeep: starts and cancels indexing, and says how it went."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from reader.ui.core.actions import Actions
from reader.ui.core.session import Session
from reader.ui.i18n import fill
from reader.ui.indexing.indexer import Indexer, IndexStatus


class IndexKeeper(QObject):
    """Keeps the index of the session's archive current for the search panel, and reports on it.

    Indexing starts when the session says the index is due (an archive opened or read again),
    and stops for good when the session closes.

    Shows the progress in ``index_status`` (a status bar widget), enables Search › Cancel
    Indexing and Update Search Index, and says in the status bar how indexing ended. Its texts
    are translated in the ``SearchPanel`` context, where they were first written.

    Signals:
        ready(): the index is complete and searchable (after its status message, if any).
        stopped(): indexing ended without a new index (after its status message).
        status(str): a message for the status bar.

    Args:
        session: the archive open, the task runner the indexer runs on, and where indexes live.
        actions: the window's actions (Cancel Indexing and Update Search Index are wired here).
        parent: the search panel (it also parents ``index_status``).
    """

    ready = Signal()
    stopped = Signal()
    status = Signal(str)

    def __init__(self, session: Session, actions: Actions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._actions = actions
        self._quiet_update = False
        # Whether to say so when the index is ready: only after indexing the user waited for.
        self._announce_ready = False
        self.index_status = IndexStatus(parent)
        self.indexer = Indexer(session, parent=self)
        actions.cancel_indexing.triggered.connect(self.indexer.cancel)
        actions.update_index.triggered.connect(self.update_index)
        self.index_status.cancel_button.clicked.connect(self.indexer.cancel)
        self.indexer.started.connect(self._index_started)
        self.indexer.progressed.connect(self._index_progress)
        self.indexer.ready.connect(self._index_ready)
        self.indexer.stopped.connect(self._index_stopped)
        session.index_due.connect(self.start)
        session.closed.connect(self.indexer.shutdown)
        self._update_index_actions()

    @Slot(bool)
    def start(self, quiet: bool = False) -> None:
        """Index the archive open (a new one, or ``quiet``: the same one read again).

        A quiet update does not say when the index is ready: the window says what changed, and
        "the index is ready" right after would cover that.
        """
        self._announce_ready = False
        self._quiet_update = quiet
        try:
            self.indexer.start()
        finally:
            self._quiet_update = False
        self._update_index_actions()

    def update_index(self) -> None:
        """Bring the index up to date now (after a cancel, or files changed while open)."""
        if self._session.library is None or self.indexer.running:
            return
        self._announce_ready = False
        self.indexer.start()
        self._update_index_actions()
        if self.indexer.not_writable is not None and not self.indexer.available:
            return  # the failure is in the status bar already
        if not self.indexer.running:
            self.status.emit(
                QCoreApplication.translate("SearchPanel", "The search index is up to date.")
            )

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
            self.status.emit(
                QCoreApplication.translate("SearchPanel", "The search index is ready.")
            )
        self.ready.emit()

    def _index_stopped(self, reason: str) -> None:
        self.index_status.hide()
        self._update_index_actions()
        if reason == "cancelled":
            self.status.emit(QCoreApplication.translate("SearchPanel", "Indexing cancelled."))
        else:
            self.status.emit(
                fill(QCoreApplication.translate("SearchPanel", "Indexing failed: %1"), reason)
            )
        self.stopped.emit()

    def _update_index_actions(self) -> None:
        self._actions.cancel_indexing.setEnabled(self.indexer.running)
        self._actions.update_index.setEnabled(
            self._session.library is not None and not self.indexer.running
        )
