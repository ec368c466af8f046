"""The archive in the window: shown as it is first read, once it is open, and when read again.

What reading an archive brings (the opener's and the reloader's results) goes to the session
here, and the window shows it: the reading area instead of the start page, the title, the
status bar's counts and messages, the Problems panel and the place the reader was. Its texts
are translated in the ``MainWindow`` context, where they were first written.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Slot

from reader.library import Library
from reader.library.reloading import Reading
from reader.model import CorruptArchive, Problem, ReaderError, printable
from reader.ui.app import errors, memory, notices
from reader.ui.app.change_message import describe_changes
from reader.ui.core import formatting
from reader.ui.i18n import fill
from reader.ui.problems.reasons import reason_text

if TYPE_CHECKING:
    from reader.ui.app.window import MainWindow


class ArchiveDisplay(QObject):
    """Hands each reading of the archive to the session, and shows the archive in the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        session, opener, reloader = window.session, window.opener, window.reloader
        # After the reading area's: the tree is filled when the window restores the position.
        session.opened.connect(self._show_opened)
        session.reloaded.connect(self._show_archive)
        opener.opened.connect(self._opened)
        opener.failed.connect(self._open_failed)
        opener.grown.connect(self._grown)
        reloader.reloaded.connect(self._reloaded)
        reloader.unchanged.connect(self._reload_found_nothing)
        reloader.progressed.connect(self._reload_progress)
        reloader.gone.connect(self._archive_gone)
        reloader.failed.connect(self._reload_failed)
        window.browser.moved.connect(self._moved_on)

    def title(self) -> str:
        """The window's title: the archive open's folder or file, then the program's name."""
        name = QCoreApplication.translate("MainWindow", "Issue Reader")
        if self._window.library is None:
            return name
        return f"{printable(Path(self._window.session.path).name)} — {name}"

    def show_problems(self, problems: Sequence[Problem], library: Library | None = None) -> None:
        """List ``problems`` (and ``library``'s suggested aliases); none: the panel and its pointers go."""
        window = self._window
        found = library.alias_suggestions() if library is not None else ()
        settings = library.archive.settings if library is not None else None
        window.problems_panel.show_problems(problems, found, settings)
        window.problems_button.show_count(len(problems), len(found))
        window.action_set.problems.setEnabled(bool(problems or found))

    # --- opening -------------------------------------------------------------------------

    @Slot(object, object)
    def _opened(self, path: str, reading: Reading) -> None:
        assert reading.library is not None
        self._window.save_position()
        self._window.reloader.follow(path, reading.snapshot)
        self._window.session.open(path, reading.library)

    @Slot(object, bool)
    def _grown(self, library: Library, first: bool) -> None:
        """Show what a first read has read so far: the tree fills while the rest is read."""
        self._window.show_area()
        self._window.browser.preview(library, first)

    @Slot()
    def _show_opened(self) -> None:
        """Say what is open, and go where the reader was in it (the tree shows it already)."""
        window = self._window
        window.show_area()
        self._show_archive()
        window.setWindowTitle(self.title())
        window.statusBar().clearMessage()
        if not window.browser.kept_place:  # else the reader chose a place while it was read
            self._restore_position(window.opened_path)

    @Slot()
    def _show_archive(self) -> None:
        """Show the open archive's problems and counts (just opened, or read again)."""
        window = self._window
        library, path = window.library, window.opened_path
        assert library is not None
        # The catalogue is many long-lived objects: scanning them in every full garbage
        # collection paused the window 60–200 ms (measured). Frozen, the collector skips them;
        # reference counting still frees them when another archive is opened.
        gc.freeze()
        self.show_problems(library.problems, library)
        window.status_line.set_state(lambda: notices.summary(path, library))
        if not library.issues:
            if library.problems:
                # The panel lists each file and why: open it, rather than point at its menu item.
                window.problems_panel.want(True)
            window.pane.clear(notices.nothing_readable(path, library))

    @Slot(str)
    def _open_failed(self, path: str) -> None:
        window = self._window
        window.browser.end_preview()
        if window.library is None:  # what was shown of it is gone: back to the start page
            window.stack.setCurrentWidget(window.start_page)
        window.status_line.restore()  # what is open stays open
        window.show_message(
            fill(QCoreApplication.translate("MainWindow", "Could not open %1"), path)
        )
        # Opening gave up any look at the open archive: look again, in case it changed.
        window.reloader.watcher.poke()

    def _restore_position(self, path: str) -> None:
        library = self._window.library
        assert library is not None
        position = memory.saved_position(path, library.issues)
        if position is None:
            return  # no issues: _show_archive said why
        self._window.browser.go_to(position.issue_id, position.article_id, scroll=position.scroll)

    # --- reading again -------------------------------------------------------------------

    @Slot(object)
    def _reloaded(self, reading: Reading) -> None:
        assert reading.library is not None
        read = self._window.pane.issue  # before the window moves off it, if it is gone
        self._window.session.replace(reading.library)
        self._window.show_message(describe_changes(reading.changes))
        if read is None or read.id not in reading.changes.removed:
            return
        # The window went to another issue by itself, maybe while the reader looked elsewhere:
        # the bar above the text says why until they move on (the status bar's messages are
        # replaced within a second, by the index's update among others).
        label = formatting.SEPARATOR.join(
            p for p in (read.publication, formatting.issue_label(read)) if p
        )
        template = QCoreApplication.translate(
            "MainWindow",
            "The issue you were reading, %1, was removed from the archive: the one beside it "
            "is shown.",
        )
        self._window.pane.set_note("removed", fill(template, label))

    @Slot()
    def _moved_on(self) -> None:
        """The reader went elsewhere: the note about the issue they were reading goes."""
        self._window.pane.set_note("removed", "")

    @Slot(bool)
    def _reload_found_nothing(self, asked: bool) -> None:
        if asked:
            self._window.show_message(
                QCoreApplication.translate(
                    "MainWindow", "The archive is as it was: nothing to read again."
                )
            )

    @Slot(int, int)
    def _reload_progress(self, done: int, total: int) -> None:
        text = fill(
            QCoreApplication.translate("MainWindow", "Reading the archive again: %1 of %2"),
            f"{done:,}",
            f"{total:,}",
        )
        self._window.status_line.show_progress(text)

    @Slot(str)
    def _archive_gone(self, path: str) -> None:
        self._window.statusBar().clearMessage()
        self._window.status_line.set_state(
            lambda: fill(
                QCoreApplication.translate(
                    "MainWindow", "%1 is no longer there; showing what was read from it before."
                ),
                path,
            )
        )

    @Slot(object, bool)
    def _reload_failed(self, exc: BaseException, asked: bool) -> None:
        window = self._window
        window.statusBar().clearMessage()
        if asked or not isinstance(exc, ReaderError):
            errors.show_error(window, exc)
            return
        # Not asked for, and maybe a file caught half-copied: say so without a dialog.
        why = reason_text(exc.reason) if isinstance(exc, CorruptArchive) else errors.summary(exc)
        window.show_message(
            fill(
                QCoreApplication.translate("MainWindow", "The archive could not be read again: %1"),
                why,
            )
        )
