"""Keeping the open archive current: watch its files, and read it again (on F5, or by itself).

The watcher only says "something may have changed", a couple of seconds after the last event
(copying 50 files is one reload). A look in the worker then compares the files the catalogue
is read from with those it was read from, and re-reads the archive only when they differ.
The app only reads: nothing is ever written into the archive.
"""

from __future__ import annotations

import logging
import os
from functools import partial
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal, Slot

from reader.library.reloading import Reading, Snapshot, reread
from reader.model import CorruptArchive
from reader.ui.core.session import Session

log = logging.getLogger(__name__)

# Quiet time after the last change before the archive is looked at.
DEBOUNCE_MS = 2000
# A file still being written is waited for at most this many times over.
MAX_SETTLE_WAITS = 10


class ArchiveWatcher(QObject):
    """Watches an archive's folders and files (and the folder holding it) for changes.

    Kernel watches end when a file is replaced or removed; :meth:`watch` with a fresh snapshot
    sets them again, and watches new folders.

    Signals:
        changed(): something may have changed; emitted once things have been quiet a while.
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._directory_changed)
        self._watcher.fileChanged.connect(self._file_changed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.changed)
        self._path = ""
        self._parent = ""
        self._is_folder = False
        self._exists = False

    @property
    def delay_ms(self) -> int:
        """Quiet time after the last change before ``changed`` (tests shorten it)."""
        return self._timer.interval()

    def set_delay_ms(self, delay: int) -> None:
        """Wait ``delay`` ms after the last change before ``changed``."""
        self._timer.setInterval(delay)

    def watch(self, snapshot: Snapshot) -> None:
        """Watch the archive's folders and files as ``snapshot`` has them, and the folder above."""
        self._path = snapshot.path
        self._is_folder = snapshot.is_folder
        self._exists = True
        # The folder above sees the archive renamed or removed (a folder's own watch does not
        # report a rename), and a single file replaced by an editor's save.
        self._parent = str(Path(snapshot.path).parent)
        self._set_paths([self._parent, *snapshot.watched])

    def watch_for_return(self, path: str) -> None:
        """The archive is gone: watch the nearest folder above it that exists, to see it back."""
        self._path = path
        self._exists = False
        folder = Path(path).parent
        while not folder.is_dir() and folder != folder.parent:
            folder = folder.parent
        self._parent = str(folder)
        self._set_paths([self._parent])

    def stop(self) -> None:
        """Watch nothing; a pending ``changed`` is dropped."""
        self._timer.stop()
        self._path = ""
        self._set_paths([])

    def poke(self) -> None:
        """Emit ``changed`` after the quiet time (again), as a change would."""
        if self._path:
            self._timer.start()

    @property
    def paths(self) -> list[str]:
        """Every path watched now."""
        return self._watcher.directories() + self._watcher.files()

    def _set_paths(self, wanted: list[str]) -> None:
        current = set(self.paths)
        keep = set(wanted)
        gone = [p for p in current if p not in keep]
        new = [p for p in dict.fromkeys(wanted) if p not in current and os.path.exists(p)]
        if gone:
            self._watcher.removePaths(gone)
        if new:
            failed = self._watcher.addPaths(new)
            if failed:
                # Past the kernel's limit: F5 still reloads, so nothing is said.
                log.info("could not watch %d of %d paths", len(failed), len(new))

    @Slot(str)
    def _directory_changed(self, path: str) -> None:
        # In the folder holding the archive only the archive's own coming and going counts.
        holder = path == self._parent and self._exists and self._is_folder
        if holder and os.path.isdir(self._path):
            return
        self.poke()

    @Slot(str)
    def _file_changed(self, _path: str) -> None:
        self.poke()


class Reloader(QObject):
    """Re-reads the session's archive on request or when its files change, in the background.

    What was read is compared with the session's library; the window makes the new reading the
    session's. Closing the session stops the watching.

    Signals:
        reloaded(object): the :class:`Reading` with the archive read again and its changes.
        unchanged(bool): a look found nothing to read again; True when asked for (F5).
        progressed(int, int): files read so far, and how many there are.
        gone(str): the archive is no longer at its path (what was read stays shown).
        failed(object, bool): reading again failed (the exception; the shown archive stays),
            and whether it was asked for (F5).
    """

    reloaded = Signal(object)
    unchanged = Signal(bool)
    progressed = Signal(int, int)
    gone = Signal(str)
    failed = Signal(object, bool)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._tasks = session.tasks
        session.closed.connect(self.stop)
        self.watcher = ArchiveWatcher(self)
        self.watcher.changed.connect(self._look)
        self._path = ""
        self._snapshot: Snapshot | None = None
        self._settle_waits = 0
        self.running = False

    @property
    def path(self) -> str:
        """The archive followed ("" when none)."""
        return self._path

    def follow(self, path: str, snapshot: Snapshot) -> None:
        """Keep the archive at ``path``, its files just read as ``snapshot``, current from now on.

        A look at the archive followed before is given up (its result would be stale).
        """
        self._tasks.cancel("reload")
        self.running = False
        self._path = path
        self._snapshot = snapshot
        self._settle_waits = 0
        self.watcher.watch(snapshot)

    def cancel(self) -> None:
        """Give up a look that is running (another archive is being opened); keep watching."""
        self._tasks.cancel("reload")
        self.running = False

    @Slot()
    def stop(self) -> None:
        """Follow nothing (the window is closing)."""
        self.cancel()
        self.watcher.stop()
        self._path = ""

    def reload(self) -> None:
        """Look at the archive now and read it again if it changed (File › Reload Archive).

        Whether it changed is told by every file's size, modification and change time (a
        chmod), as the catalogue cache tells it.
        """
        self._run(asked=True)

    def reread(self) -> None:
        """Read the archive again now, changed or not (the reader's aliases changed)."""
        self._run(asked=True, force=True)

    @Slot()
    def _look(self) -> None:
        self._run(asked=False)

    def _run(self, *, asked: bool, settle: bool = True, force: bool = False) -> None:
        if not self._path:
            return
        self.running = True
        path = self._path
        # Asked for, the files are read as they are; by itself, it waits for a copy to finish:
        # a file written to within half the quiet time is taken to be still being written (not
        # the whole of it: a coarse timer may fire a little early).
        settle_ns = self.watcher.delay_ms * 500_000 if settle and not asked else 0
        library = self._session.library
        self._tasks.run(
            partial(reread, settle_ns=settle_ns),
            path,
            None if force else self._snapshot,
            library.archive if library is not None else None,
            on_done=partial(self._done, path, asked),
            on_error=partial(self._failed, path, asked),
            on_progress=self.progressed.emit,
            channel="reload",
        )

    def _done(self, path: str, asked: bool, reading: Reading) -> None:
        if path != self._path:
            return  # another archive was opened meanwhile
        self.running = False
        if reading.settling and self._settle_waits < MAX_SETTLE_WAITS:
            # A file is still being written: look again once it has been left alone a while.
            self._settle_waits += 1
            self.watcher.watch(reading.snapshot)
            self.watcher.poke()
            return
        self._settle_waits = 0
        if reading.settling:
            # Written to all along (a log?): read what is there, rather than wait for ever.
            self._run(asked=False, settle=False)
            return
        self._snapshot = reading.snapshot
        self.watcher.watch(reading.snapshot)
        if reading.library is None:
            self.unchanged.emit(asked)
            return
        self.reloaded.emit(reading)

    def _failed(self, path: str, asked: bool, exc: BaseException) -> None:
        if path != self._path:
            return
        self.running = False
        if isinstance(exc, CorruptArchive) and exc.reason.code == "no_such_path":
            # Whatever comes back at the path is read afresh, even if it looks the same.
            self._snapshot = None
            self.watcher.watch_for_return(path)
            self.gone.emit(path)
            return
        self.failed.emit(exc, asked)
