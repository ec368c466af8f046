"""Starts the window: display check, QApplication, the one instance, translation, then an archive."""

from __future__ import annotations

import logging
import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from reader import __version__
from reader.library import paths, resources
from reader.ui import i18n
from reader.ui.app import display, errors
from reader.ui.app.single_instance import SingleInstance
from reader.ui.core import settings

if TYPE_CHECKING:
    from reader.ui.app.window import MainWindow

log = logging.getLogger(__name__)


def main(path: str | None = None, *, ignored: int = 0) -> int:
    """Open the window on ``path`` (an archive folder or issue file), else on the last archive.

    When a window is running already (for this user and these settings), ``path`` is handed
    to it instead, and this process ends at once with 0. ``ignored`` counts the further paths
    the program was started with: the window says it did not open them.

    Returns the exit status: the event loop's, or 1 when there is no display to show it on.
    """
    problem = display.missing()
    if problem:
        print(f"{paths.APP_NAME}: error: {problem}", file=sys.stderr)
        return 1
    log_path = errors.setup_logging()
    # Read before Qt's X11 platform takes it out of the environment.
    startup_id = os.environ.get("DESKTOP_STARTUP_ID", "")
    absolute = str(Path(path).expanduser().absolute()) if path else ""
    request = {
        "path": absolute,
        "ignored": ignored,
        # Lets the running window take the focus on Wayland, where a window may not grab it.
        "activation_token": os.environ.get("XDG_ACTIVATION_TOKEN", ""),
    }
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    configure(app)
    instance = SingleInstance(settings.path(), app)
    if instance.start(request):
        log.info("handed %r to the running window", request["path"])
        if QGuiApplication.platformName() == "xcb":
            display.end_startup_feedback(startup_id)  # no window of ours will say it
        return 0
    # From here a SIGTERM or Ctrl+C ends the app cleanly, even while the window is being made.
    requested = _note_signals()
    # The window's modules load only now: a start that hands over, or finds no display, is
    # done sooner without them.
    from reader.ui.app.window import MainWindow

    i18n.install(app, settings.read("language"))
    window = MainWindow()
    # Closing the window ends the app, even while an error dialog is still open.
    app.setQuitOnLastWindowClosed(False)
    window.closed.connect(app.quit)
    app.aboutToQuit.connect(instance.close)
    instance.received.connect(lambda request: follow(window, request))
    errors.install_excepthook(lambda: window)
    log.info("started; log in %s, settings in %s", log_path, settings.path())
    window.show()
    target = absolute or settings.read("last_archive")
    if target and (path or Path(target).exists()):
        open_first(window, str(Path(target).expanduser()), ignored)
    _close_on_signals(window, requested)
    return app.exec()


def configure(app: QGuiApplication) -> None:
    """Name the application and give it its icon, so the taskbar and the menu entry agree.

    The name stays ``issue-reader``: Qt on X11 makes it the window class, which the desktop
    entry's ``StartupWMClass`` names; on Wayland the desktop file name does that job.
    """
    app.setApplicationName(paths.APP_NAME)
    app.setApplicationDisplayName("Issue Reader")
    app.setApplicationVersion(__version__)
    app.setOrganizationName(paths.APP_NAME)
    QGuiApplication.setDesktopFileName(resources.APP_ID)
    app.setWindowIcon(app_icon())


def app_icon() -> QIcon:
    """The installed theme's icon when there is one, else the files that travel with us."""
    fallback = QIcon()
    try:
        for size in resources.ICON_SIZES:
            fallback.addFile(str(resources.icon_file(size)))
        fallback.addFile(str(resources.icon_file()))
    except FileNotFoundError:
        log.warning("the icon files are missing from this installation")
    return QIcon.fromTheme(resources.APP_ID, fallback)


def follow(window: MainWindow, request: dict[str, Any]) -> None:
    """Do what a later start asked: bring the window forward and open its path, if any."""
    token = request.get("activation_token", "")
    if token:  # Qt's Wayland platform takes the token from here when it activates a window
        os.environ["XDG_ACTIVATION_TOKEN"] = token
    state = window.windowState() & ~Qt.WindowState.WindowMinimized
    window.setWindowState(state | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()
    if request.get("path"):
        open_first(window, request["path"], request.get("ignored", 0))


def open_first(window: MainWindow, path: str, ignored: int) -> None:
    """Open ``path``; once it is open, say that ``ignored`` more paths were not."""
    note = _ignored_note(ignored)
    if window.opened_path and _same(window.opened_path, path):
        if note:
            window.show_message(note)
        return  # open already: reading it again would only lose the reader's place

    def opened() -> None:
        finished()
        if note:
            window.show_message(note)  # after the "opened" text, which clears messages

    def finished(*_args: object) -> None:
        window.session.opened.disconnect(opened)
        window.opener.failed.disconnect(finished)

    window.session.opened.connect(opened)
    window.opener.failed.connect(finished)  # the error dialog says enough then
    window.open_path(path)


def _ignored_note(ignored: int) -> str:
    if ignored <= 0:
        return ""
    if ignored == 1:
        return QCoreApplication.translate(
            "Startup", "One more path was given and not opened: Issue Reader opens one at a time."
        )
    return i18n.fill(
        QCoreApplication.translate(
            "Startup", "%1 more paths were given and not opened: Issue Reader opens one at a time."
        ),
        ignored,
    )


def _same(one: str, other: str) -> bool:
    try:
        return Path(one).resolve() == Path(other).expanduser().resolve()
    except (OSError, RuntimeError):
        return False


def _note_signals() -> list[int]:
    """From now on Ctrl+C and SIGTERM are only noted, in the list returned."""
    requested: list[int] = []
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda number, _frame: requested.append(number))
    return requested


def _close_on_signals(window: MainWindow, requested: list[int]) -> None:
    """Ctrl+C in the terminal (or SIGTERM) closes the window as its close button would.

    So the settings are saved and the indexing process is stopped. Python runs a signal
    handler between any two bytecodes, even in the middle of a slot, so the handler
    (:func:`_note_signals`) only takes note; a timer (which also lets the interpreter in a few
    times a second) does the closing, at once for a signal that came while the window was made.
    """

    def check() -> None:
        if requested:
            timer.stop()
            window.close()

    timer = QTimer(window)
    timer.timeout.connect(check)
    timer.start(250)
