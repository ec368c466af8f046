"""Keeps an archive's search index current: builds it in a spawned process, shows progress, cancels.

Search stays available on the previous index while an update runs: the index is built aside
and moved into place only when complete, so the old one is readable until then. The library's
own indexer takes turns with this one (two builds at once would halve the speed of each on a
two-core machine and double the memory): this one goes first, and ``make_room`` is how it asks
the other to stop meanwhile.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from reader.library import Library
from reader.library.destination import CannotWrite
from reader.model import Cancelled, IndexUnavailable, ReaderError
from reader.ui.core import unwritten
from reader.ui.core.process_job import ProcessJob
from reader.ui.core.session import Session
from reader.ui.i18n import fill

log = logging.getLogger(__name__)


class Indexer(QObject):
    """Brings the index of the session's archive up to date, in a process or on the task runner.

    Where indexes live, and whether they are built in a spawned process (tests build them on
    the task runner), are the session's settings.

    Signals:
        started(): a job started (its first progress report may take seconds).
        progressed(int, int): articles indexed so far, and how many there are.
        ready(): the index is complete and searchable.
        stopped(str): indexing ended without a new index: "cancelled" or the error text.
        unwritable(object): the index folder cannot be written (a ``CannotWrite`` says why),
            found when indexing starts; ``stopped`` follows when there is no index to search.
    """

    started = Signal()
    progressed = Signal(int, int)
    ready = Signal()
    stopped = Signal(str)
    unwritable = Signal(object)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = session.tasks
        self._job: ProcessJob | None = None
        self.running = False
        self.available = False
        # Why the index folder cannot be written, when it cannot (asked at each start).
        self.not_writable: CannotWrite | None = None
        # Whether the check "is the index current?" is under way (a job may follow).
        self._checking = False
        # Each start() counts: a job waiting for room belongs to the start that asked for it.
        self._generation = 0
        # Called before a job starts with what starts it: the library's indexer stops its own
        # job first (see ShelfIndexer.make_room). By default the job starts at once.
        self.make_room: Callable[[Callable[[], None]], None] = lambda then: then()

    @property
    def building(self) -> bool:
        """Whether a build runs in a worker process now (not waiting for its turn)."""
        return self._job is not None and self._job.running

    @property
    def busy(self) -> bool:
        """Whether the index is being checked or built (the library's indexer waits meanwhile)."""
        return self._checking or self.running

    def start(self) -> None:
        """Index the session's archive below the session's index root.

        An index that is up to date is used as it is; one that is not stays searchable while
        the update runs. A job still running for another archive is cancelled.
        """
        library = self._session.library
        assert library is not None
        if self._job is not None:
            self._job.cancel()
            self._job = None
        self._tasks.cancel("index")
        self.running = False
        self._generation += 1
        self._checking = True
        index_dir = library.index_dir(self._session.index_root)
        self.available = library.index_available(index_dir)
        self.not_writable = library.index_unwritable(index_dir)
        if self.not_writable is not None:
            self.unwritable.emit(self.not_writable)
            if not self.available:  # no build can succeed: said as a failed one, at once
                self._failed(self.not_writable)
                return
        # Whether the index is current takes a stat of every issue file (a fifth of a second
        # for 2,000 issues): asked off the GUI thread.
        self._tasks.run(
            library.index_current,
            index_dir,
            on_done=lambda current: self._checked(current, library, index_dir),
            on_error=self._failed,
            channel="index",
        )

    def _checked(self, current: bool, library: Library, index_dir: Path) -> None:
        self._checking = False
        if current:
            self.available = True
            self.ready.emit()
            return
        self.running = True
        self.started.emit()
        generation = self._generation

        def room_made() -> None:
            # Not when cancelled meanwhile, nor when another archive was opened since.
            if self.running and self._job is None and generation == self._generation:
                self._start_job(library, index_dir)

        self.make_room(room_made)

    def _start_job(self, library: Library, index_dir: Path) -> None:
        args = library.index_job_args(index_dir)
        if self._session.index_in_process:
            self._job = ProcessJob(library.index_job, args, parent=self)
            self._job.progressed.connect(self._job_progressed)
            self._job.finished.connect(self._job_finished)
            self._job.failed.connect(self._job_failed)
            self._job.cancelled.connect(self._job_cancelled)
            self._job.start()
        else:
            self._tasks.run(
                library.index_job,
                *args,
                on_done=self._finished,
                on_error=self._failed,
                on_progress=self.progressed.emit,
                channel="index",
            )

    def cancel(self) -> None:
        """Stop indexing (the previous index, if any, stays usable)."""
        if not self.running:
            return
        if self._job is not None:
            self._job.cancel()
        else:
            self._tasks.cancel("index")
            self._cancelled()

    # A job given up for another (a new archive) still reports its end: only the current
    # job's signals count. Every job is deleted once it has ended.

    def _job_progressed(self, done: int, total: int) -> None:
        if self.sender() is self._job:
            self.progressed.emit(done, total)

    def _job_finished(self, result: Any) -> None:
        if self._job_ended():
            self._finished(result)

    def _job_failed(self, exc: BaseException) -> None:
        if self._job_ended():
            self._failed(exc)

    def _job_cancelled(self) -> None:
        if self._job_ended():
            self._cancelled()

    def _job_ended(self) -> bool:
        """Whether the job that just ended is the current one; either way it goes."""
        job = self.sender()
        job.deleteLater()
        return job is self._job

    @Slot()
    def shutdown(self) -> None:
        """Stop the worker process for good (the window is closing)."""
        if self._job is not None:
            self._job.stop()
        self.running = self._checking = False

    def _finished(self, _result: Any) -> None:
        self.running = False
        self._job = None
        self.available = True
        self.ready.emit()

    def _failed(self, exc: BaseException) -> None:
        self.running = self._checking = False
        self._job = None
        if isinstance(exc, Cancelled):
            self.stopped.emit("cancelled")
            return
        if isinstance(exc, CannotWrite):  # the index folder: said in the window's language
            text = self.tr("cannot write the search index in %1: %2")
            self.stopped.emit(fill(text, exc.path, unwritten.why(exc)))
            return
        if not isinstance(exc, ReaderError):
            log.error("indexing failed", exc_info=exc)
            exc = IndexUnavailable(str(exc))
        self.stopped.emit(str(exc))

    def _cancelled(self) -> None:
        self.running = False
        self._job = None
        self.stopped.emit("cancelled")


class IndexStatus(QWidget):
    """Status-bar part: indexing progress with a cancel button, hidden when idle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(160)
        self.bar.setMaximumHeight(16)
        self.bar.setTextVisible(False)
        self.cancel_button = QToolButton(self)
        self.cancel_button.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.hide()

    def show_starting(self) -> None:
        """Show that indexing is starting (a busy bar until the first count arrives)."""
        self.bar.setRange(0, 0)
        self.label.setText(self.tr("Preparing the search index…"))
        self._show_cancel()

    def show_progress(self, done: int, total: int) -> None:
        """Show ``done`` of ``total`` articles indexed."""
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(done)
        self.label.setText(
            fill(self.tr("Indexing for search: %1 of %2"), f"{done:,}", f"{total:,}")
        )
        self._show_cancel()

    def _show_cancel(self) -> None:
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(
            self.tr("Stop indexing; search keeps using the previous index")
        )
        self.show()
