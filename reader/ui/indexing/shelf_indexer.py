"""Indexes the library's archives in the background, one after another, each in a spawned process.

The archive open in the window is left to the window's own :class:`~reader.ui.indexing.indexer.Indexer`,
and the two take turns, the open archive first (:meth:`ShelfIndexer.wait_for`): two builds at
once on a two-core machine would double the time to the first results, and the memory. While
the window's indexer checks or builds its index, this one starts nothing; when the window's
needs a build while one of the library's runs, that one is stopped and waits at the head of
the queue (its build starts again afterwards: a build interrupted leaves nothing half-made).
Whether an index is current is asked on the task runner (it reads the archive's catalogue);
only an archive whose index is missing or stale gets a job.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from reader.library import Library, paths
from reader.library.collections_schema import archive_path
from reader.library.shelf_search import index_current
from reader.ui.core.process_job import ProcessJob
from reader.ui.core.session import Session
from reader.ui.indexing.indexer import Indexer

log = logging.getLogger(__name__)


class ShelfIndexer(QObject):
    """A queue of archives to index, worked through one at a time.

    Signals:
        changed(str): the state of the archive with this key changed (queued, indexing,
            progress, done): the library list shows it again.
        finished(str): the archive with this key is indexed (or cannot be).
    """

    changed = Signal(str)
    finished = Signal(str)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._queue: list[tuple[str, str]] = []
        self._current: tuple[str, str] | None = None
        self._job: ProcessJob | None = None
        self._checked: set[str] = set()  # found current in this session: not asked again
        self.progress: dict[str, tuple[int, int]] = {}
        self._window: Indexer | None = None
        # What the window's indexer waits for: it starts its job once this one's has stopped.
        self._then: Callable[[], None] | None = None
        self._making_room = False
        session.closed.connect(self.shutdown)

    def wait_for(self, indexer: Indexer) -> None:
        """Take turns with the window's own indexer: it goes first, this one waits meanwhile."""
        self._window = indexer
        indexer.make_room = self.make_room
        indexer.ready.connect(self._window_idle)
        indexer.stopped.connect(self._window_idle)

    @property
    def waiting(self) -> bool:
        """Whether the queue waits for the window's indexer (checking or building its index)."""
        return self._window is not None and self._window.busy

    @property
    def working(self) -> bool:
        """Whether an archive of the library is being indexed now (its build is running)."""
        return self._job is not None and self._job.running

    def make_room(self, then: Callable[[], None]) -> None:
        """Stop the build running (it goes back to the head of the queue), then call ``then``."""
        if not self.working:
            then()
            return
        assert self._job is not None
        self._then = then
        self._making_room = True
        self._job.cancel()  # its end (cancelled, or done just now) calls _done, then ``then``

    def _window_idle(self, *_args: object) -> None:
        self._next()

    def state(self, key: str) -> str:
        """``indexing``, ``queued`` or "" (neither) for the archive with this key."""
        if self._current is not None and self._current[0] == key:
            return "indexing"
        return "queued" if any(k == key for k, _p in self._queue) else ""

    @property
    def busy(self) -> bool:
        """Whether an archive is being indexed or waits for it."""
        return self._current is not None or bool(self._queue)

    def want(self, archives: list[tuple[str, str]], *, recheck: bool = False) -> None:
        """Bring the index of each (key, path) up to date, in order, after those queued before."""
        for key, path in archives:
            if recheck:
                self._checked.discard(key)
            if key in self._checked or self.state(key):
                continue
            self._queue.append((key, path))
            self.changed.emit(key)
        self._next()

    def _next(self) -> None:
        if self._current is not None or not self._queue or self.waiting:
            return
        key, path = self._current = self._queue.pop(0)
        if self._session.path and archive_path(path) == archive_path(self._session.path):
            self._done()  # the window's own indexer keeps the open archive's index
            return
        self.changed.emit(key)
        self._session.tasks.run(
            index_current,
            path,
            self._session.index_root,
            on_done=self._checked_current,
            on_error=self._failed,
            channel="shelf-index",
        )

    def _checked_current(self, current: bool) -> None:
        if self._current is None:
            return
        key, path = self._current
        if current:
            self._checked.add(key)
            self._done()
            return
        if self.waiting:  # the window's indexer started meanwhile: after it
            self._queue.insert(0, (key, path))
            self._current = None
            self.changed.emit(key)
            return
        index_dir = str(paths.index_dir(path, self._session.index_root))
        if self._session.index_in_process:
            self._job = ProcessJob(Library.index_job, (path, index_dir), parent=self)
            self._job.progressed.connect(self._progressed)
            self._job.finished.connect(self._job_ended)
            self._job.failed.connect(self._failed)
            self._job.cancelled.connect(self._job_ended)
            self._job.start()
        else:
            self._session.tasks.run(
                Library.index_job,
                path,
                index_dir,
                on_done=self._job_ended,
                on_error=self._failed,
                on_progress=self._progressed,
                channel="shelf-index",
            )

    def _progressed(self, done: int, total: int) -> None:
        if self._current is not None:
            self.progress[self._current[0]] = (done, total)
            self.changed.emit(self._current[0])

    def _job_ended(self, _result: Any = None) -> None:
        if self._current is not None:
            if self._making_room and _result is None:
                self._queue.insert(0, self._current)  # stopped for the window's: again later
            else:
                self._checked.add(self._current[0])
        self._done()

    def _failed(self, exc: BaseException) -> None:
        log.warning("indexing an archive of the library failed: %s", exc)
        self._done()

    def _done(self) -> None:
        if self._job is not None:
            self._job.deleteLater()
            self._job = None
        ended, self._current = self._current, None
        if ended is not None:
            self.progress.pop(ended[0], None)
            self.changed.emit(ended[0])
            if not self.state(ended[0]):  # not when it waits to be built again
                self.finished.emit(ended[0])
        then, self._then, self._making_room = self._then, None, False
        if then is not None:
            then()  # the window's indexer starts its job
        self._next()

    def shutdown(self) -> None:
        """Stop for good (the window is closing)."""
        self._queue.clear()
        if self._job is not None:
            self._job.stop()
            self._job = None
        self._current = None
        self._then = None
