"""A developer's check of an installed or frozen build: the real window, offscreen, on one archive.

``issue-reader --self-test PATH [WORD …]`` opens PATH in the window, lets the index be built
by its spawned process, searches each word (供热 and 長子 unless given) in the search panel,
switches View › Language to Chinese, and prints one JSON line of what it saw. The bundle's test
(tests/packaging/) runs it in the frozen app, where a missing data file, Qt plugin or
translation would show. Settings and indexes go to a temporary folder, never the user's.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from reader import __version__
from reader.library import catalogue, resources
from reader.ui import i18n
from reader.ui.app import startup
from reader.ui.app.window import MainWindow
from reader.ui.core import settings

WORDS = ("供热", "長子")
# Seconds for the archive to open and the spawned process to build its index.
INDEX_TIMEOUT = 120.0
SEARCH_TIMEOUT = 30.0
# A string of Qt's own (context, text), translated by qtbase_*.qm, not by our .ts: passed by
# name so that lupdate does not take it for one of ours.
QT_STRING = ("QPlatformTheme", "Cancel")


def main(args: Sequence[str]) -> int:
    """Run the check on ``args`` (``PATH [WORD …]``); print its JSON line; 0 when all of it ran."""
    if not args:
        print("usage: issue-reader --self-test PATH [WORD …]", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="issue-reader-self-test-") as folder:
        report = run(args[0], tuple(args[1:]) or WORDS, Path(folder))
    print(json.dumps(report, ensure_ascii=False), flush=True)
    return 0 if report["ok"] else 1


def run(path: str, words: Sequence[str], folder: Path) -> dict[str, Any]:
    """Open ``path`` in a new window, keeping settings and indexes in ``folder``; what it saw."""
    settings.configure(folder / "settings.ini")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    startup.configure(app)  # the name and icon the real start gives: checked below
    i18n.install(app, "en")
    window = MainWindow(index_root=folder / "indexes")
    report: dict[str, Any] = {
        "ok": False,
        "frozen": bool(getattr(sys, "frozen", False)),
        "version": __version__,
        "code_digest": catalogue.code_digest(),
        "sample_archive": resources.sample_archive().is_dir(),
        "icons": _icons_load(),
        "window_icon": not window.windowIcon().isNull(),
    }
    try:
        window.show()
        QCoreApplication.processEvents()
        report["shown_after"] = _seconds_since_start()
        panel = window.search_panel
        stopped: list[str] = []
        panel.indexer.stopped.connect(stopped.append)
        failed: list[str] = []
        window.opener.failed.connect(failed.append)
        report["index_process"] = window.session.index_in_process
        window.open_path(path)
        _wait(lambda: bool(failed) or _indexing_over(window, stopped), INDEX_TIMEOUT)
        report["opened"] = window.library is not None
        report["indexed"] = panel.index_ready
        report["index_stopped"] = stopped
        report["articles"] = window.library.archive.article_count if window.library else None
        searchable = report["opened"] and report["indexed"]
        report["totals"] = {word: _search(window, word) for word in words} if searchable else {}
        view_before = window.menus.view.title()
        window.action_set.languages["zh_CN"].trigger()
        _wait(lambda: window.menus.view.title() != view_before, SEARCH_TIMEOUT)
        report["language"] = i18n.current()
        report["view_menu"] = window.menus.view.title()
        # Qt's own strings (file dialogs, calendars) come from qtbase_zh_CN.qm.
        report["qt_cancel"] = QCoreApplication.translate(*QT_STRING)
        report["ok"] = searchable and None not in report["totals"].values()
    finally:
        window.close()
        app.processEvents()
    return report


def _indexing_over(window: MainWindow, stopped: list[str]) -> bool:
    """Whether the archive is open and its index built (or the build has stopped)."""
    panel = window.search_panel
    if window.library is None or panel.indexer.running:
        return False
    return panel.index_ready or bool(stopped)


def _search(window: MainWindow, word: str) -> int | None:
    """The hit count the search panel shows for ``word`` (None when no result came)."""
    panel = window.search_panel
    shown: list[bool] = []

    def note() -> None:
        shown.append(True)

    panel.results_shown.connect(note)
    try:
        panel.search(word)
        if not _wait(lambda: bool(shown), SEARCH_TIMEOUT):
            return None
    finally:
        panel.results_shown.disconnect(note)
    # What a reader sees: "4 hits", "1 hit", "No hits", "120 hits, the first 100 shown".
    number = re.search(r"\d[\d,]*", panel.count_label.text())
    return int(number.group().replace(",", "")) if number else 0


def _icons_load() -> dict[str, bool]:
    """Whether the shipped icon files load (the PNG at every size, and the SVG)."""
    loads = {}
    for size in (*resources.ICON_SIZES, None):
        icon = QIcon(str(resources.icon_file(size)))
        loads[str(size or "svg")] = not icon.pixmap(size or 64).isNull()
    return loads


def _seconds_since_start() -> float | None:
    """Seconds since this process started (Linux's /proc; None elsewhere): the start-up time."""
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22: start, in ticks since boot
    except (OSError, ValueError, IndexError):
        return None
    return round(time.clock_gettime(time.CLOCK_BOOTTIME) - started, 3)


def _wait(condition: Callable[[], bool], seconds: float) -> bool:
    """Run the event loop until ``condition`` holds (True) or ``seconds`` pass (False)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)
    return True
