"""The window's session: the one place that holds the open archive, the task runner and index settings."""

from __future__ import annotations

from concurrent.futures import Executor
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from reader.library import Library
from reader.ui.core.tasks import Tasks


class Session(QObject):
    """Owns the archive open (its path and :class:`Library`), the task runner and the index settings.

    Views do not keep the library: they read ``session.library`` when they need it, and follow
    the signals below to redraw. Only the window opens, replaces and closes it.

    Signals:
        opened(): another archive is open; ``library`` and ``path`` are it (the previous
            library is closed). Views show it afresh.
        reloaded(): the archive open was read again in place; ``library`` is the new reading
            (the previous one is closed once every slot has run). Views keep their place.
        index_due(bool): emitted right after ``opened`` (False) or ``reloaded`` (True, a quiet
            update): every view shows the archive now, so its index may be brought up to date.
            A separate signal, so that indexing starts only once the archive is on screen.
        closed(): nothing is open any more (the window is closing): background work stops.
        error(object): a background job failed and no one else was told (the exception).

    Slots of one signal run in the order they were connected (Qt's rule): the parts of the
    window connect as they are built, the window itself last, so it sees them up to date.

    Args:
        executor: runs light jobs; tests pass a SyncExecutor (None: one worker thread).
        index_root: where search indexes live; None uses the per-user default.
        index_in_process: build indexes in a spawned process (tests may build them on the
            task runner instead).
        parent: the window.
    """

    opened = Signal()
    reloaded = Signal()
    index_due = Signal(bool)
    closed = Signal()
    error = Signal(object)

    def __init__(
        self,
        executor: Executor | None = None,
        *,
        index_root: Path | None = None,
        index_in_process: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.tasks = Tasks(on_error=self.error.emit, executor=executor, parent=self)
        self.index_root = index_root
        self.index_in_process = index_in_process
        self._library: Library | None = None
        self._path = ""

    @property
    def library(self) -> Library | None:
        """The archive open, or None."""
        return self._library

    @property
    def path(self) -> str:
        """The absolute path of the archive open ("" when none)."""
        return self._path

    def open(self, path: str, library: Library) -> None:
        """Make ``library``, read from ``path``, the archive open; the previous one is closed."""
        previous, self._library, self._path = self._library, library, path
        if previous is not None:
            previous.close()
        self.opened.emit()
        self.index_due.emit(False)

    def replace(self, library: Library) -> None:
        """Make ``library``, the archive open read again, the one open; the previous is closed."""
        previous, self._library = self._library, library
        self.reloaded.emit()
        if previous is not None:
            previous.close()
        self.index_due.emit(True)

    def close(self) -> None:
        """Close the archive open and stop background work (the window is closing)."""
        library, self._library, self._path = self._library, None, ""
        self.closed.emit()
        self.tasks.shutdown()
        if library is not None:
            library.close()
