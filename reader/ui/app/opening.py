"""Opening archives: the file dialogs, the recent list, dropped paths, and reading in the background."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMimeData, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from reader.library import Library, resources
from reader.library.openable import file_patterns
from reader.library.reloading import Reading, open_archive
from reader.ui.core import settings
from reader.ui.core.session import Session
from reader.ui.i18n import fill


class Opener(QObject):
    """Asks for an archive (or takes one given), reads it on the task runner, remembers it.

    The window makes what was read the session's archive; the file dialogs start beside it.

    Its texts are translated in the ``MainWindow`` context, where they were first written.

    Signals:
        opening(str): the absolute path about to be read.
        opened(object, object): the absolute path opened (a Python str: a Qt string would drop
            the bytes of a name that is not UTF-8), and the :class:`Reading` of it (its
            library, and the snapshot of its files to watch from).
        grown(object, bool): a first read's issues so far, as a :class:`Library` to browse
            while the rest is read; True for the first of this read.
        status(str): progress, for the status bar.
        failed(str): the absolute path that could not be opened (an error dialog says why).
    """

    opening = Signal(str)
    opened = Signal(object, object)
    grown = Signal(object, bool)
    status = Signal(str)
    failed = Signal(str)
    # Emitted by the worker thread (queued to this object's thread): the read's number, and
    # the library so far.
    _partial = Signal(int, object)

    def __init__(
        self,
        window: QWidget,
        session: Session,
        recent_menu: QMenu,
        show_error: Callable[[BaseException], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._session = session
        self._recent_menu = recent_menu
        self._show_error = show_error
        recent_menu.aboutToShow.connect(self.fill_recent)
        # Each read is numbered: what an earlier, cancelled one still sends is dropped.
        self._reads = 0
        self._grown_in = 0
        self._partial.connect(self._take_partial)

    @property
    def reading(self) -> bool:
        """Whether an archive being read shows what is read so far (and is not open yet)."""
        return self._grown_in == self._reads and self._reads > 0

    def choose_folder(self) -> None:
        """Ask for an archive folder and open it."""
        folder = QFileDialog.getExistingDirectory(
            self._window,
            QCoreApplication.translate("MainWindow", "Open Archive Folder"),
            self.start_dir(),
        )
        if folder:
            self._used(folder)
            self.open_path(folder)

    def choose_file(self) -> None:
        """Ask for a single issue file (or a zip of an archive) and open it."""
        file, _ = QFileDialog.getOpenFileName(
            self._window,
            QCoreApplication.translate("MainWindow", "Open Issue File"),
            self.start_dir(),
            file_filter(),
        )
        if file:
            self._used(file)
            self.open_path(file)

    def choose_zip(self) -> None:
        """Ask for an archive packed as a zip file and open it."""
        file, _ = QFileDialog.getOpenFileName(
            self._window,
            QCoreApplication.translate("MainWindow", "Open Zipped Archive"),
            self.start_dir(),
            QCoreApplication.translate("MainWindow", "Zipped archives (*.zip);;All files (*)"),
        )
        if file:
            self._used(file)
            self.open_path(file)

    def open_sample(self) -> None:
        """Open the sample archive that ships with the program (the start page offers it)."""
        try:
            self.open_path(str(resources.sample_archive()))
        except FileNotFoundError as exc:
            self._show_error(exc)

    def start_dir(self) -> str:
        """Where the file dialogs start: beside the open archive, else in the last folder used.

        Beside means in the folder that holds the archive folder (or the issue file), so that
        another archive next to it is one click away. The home folder when neither is there.
        """
        current = self._session.path
        beside = str(Path(current).parent) if current else ""
        for folder in (beside, settings.read("dialog_folder")):
            if folder and Path(folder).is_dir():
                return folder
        return str(Path.home())

    @staticmethod
    def _used(path: str) -> None:
        """Remember the folder a dialog chose ``path`` in (the next dialog may start there)."""
        settings.write(dialog_folder=str(Path(path).parent))

    def open_path(self, path: str) -> None:
        """Open an archive folder or issue file in the background; ``opened`` follows."""
        # Absolute, so the last archive and reading positions hold wherever the app starts.
        path = str(Path(path).expanduser().absolute())
        self.opening.emit(path)
        self.status.emit(fill(QCoreApplication.translate("MainWindow", "Opening %1…"), path))
        self._reads += 1
        read = self._reads
        self._session.tasks.run(
            partial(open_archive, on_partial=partial(self._partial.emit, read)),
            path,
            on_done=partial(self._done, path),
            on_error=partial(self._failed, path),
            on_progress=self._progress,
            channel="open",
        )

    def _progress(self, done: int, total: int) -> None:
        self.status.emit(
            fill(
                QCoreApplication.translate("MainWindow", "Reading files: %1 of %2"),
                str(done),
                str(total),
            )
        )

    def _take_partial(self, read: int, library: Library) -> None:
        if read != self._reads:
            return  # another read started since
        first = self._grown_in != read
        self._grown_in = read
        self.grown.emit(library, first)

    def _failed(self, path: str, exc: BaseException) -> None:
        self._grown_in = 0
        self.failed.emit(path)
        self._show_error(exc)

    def _done(self, path: str, reading: Reading) -> None:
        self._grown_in = 0
        settings.write(last_archive=path)
        settings.remember("recent", path, settings.MAX_RECENT)
        self.opened.emit(path, reading)

    def fill_recent(self) -> None:
        """Fill File › Open Recent with the archives opened last."""
        menu = self._recent_menu
        menu.clear()
        for path in settings.read("recent"):
            action = menu.addAction(path)
            action.triggered.connect(partial(self.open_path, path))
        if menu.isEmpty():
            menu.addAction(QCoreApplication.translate("MainWindow", "(none)")).setEnabled(False)


def dropped_path(mime: QMimeData) -> str:
    """The first local folder or file in dropped data, or "" when there is none."""
    for url in mime.urls():
        if url.isLocalFile():
            return url.toLocalFile()
    return ""


def file_filter() -> str:
    """The Open File dialog's name filters: what the importers read (as the format registry
    names it, so a new format is offered too), and any file."""
    patterns = " ".join(file_patterns())
    known = fill(QCoreApplication.translate("MainWindow", "Issues and archives (%1)"), patterns)
    every = QCoreApplication.translate("MainWindow", "All files (*)")
    return f"{known};;{every}"
