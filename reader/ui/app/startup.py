"""Starts the window: QApplication, translation, error handling, then the last or given archive."""

from __future__ import annotations

import logging
import signal
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from reader.library import paths
from reader.ui import i18n
from reader.ui.app import errors
from reader.ui.app.window import MainWindow
from reader.ui.core import settings

log = logging.getLogger(__name__)


def main(path: str | None = None) -> int:
    """Open the window on ``path`` (an archive folder or issue file), else on the last archive.

    Returns the exit status of the event loop.
    """
    log_path = errors.setup_logging()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(paths.APP_NAME)
    app.setApplicationDisplayName("Issue Reader")
    app.setOrganizationName(paths.APP_NAME)
    i18n.install(app, settings.read("language"))
    window = MainWindow()
    # Closing the window ends the app, even while an error dialog is still open.
    app.setQuitOnLastWindowClosed(False)
    window.closed.connect(app.quit)
    errors.install_excepthook(lambda: window)
    log.info("started; log in %s, settings in %s", log_path, settings.path())
    window.show()
    target = path or settings.read("last_archive")
    if target and (path or Path(target).exists()):
        window.open_path(str(Path(target).expanduser()))
    _close_on_signals(window)
    return app.exec()


def _close_on_signals(window: MainWindow) -> None:
    """Ctrl+C in the terminal (or SIGTERM) closes the window as its close button would.

    So the settings are saved and the indexing process is stopped. Python runs a signal
    handler between any two bytecodes, even in the middle of a slot, so the handler only takes
    note; a timer (which also lets the interpreter in a few times a second) does the closing.
    """
    requested: list[int] = []
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda number, _frame: requested.append(number))

    def check() -> None:
        if requested:
            timer.stop()
            window.close()

    timer = QTimer(window)
    timer.timeout.connect(check)
    timer.start(250)
