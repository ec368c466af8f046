"""Keys typed ahead of a search's hits: Down and Enter open the first hit once they come."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor, Future
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from reader.ui.app.window import MainWindow
from tests.ui.conftest import type_text, write_archive
from tests.ui.test_long_matches import UNIT, one_paragraph, open_article


class LaterExecutor(Executor):
    """Runs each job in the GUI thread once the event loop turns, as a worker's come later."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()

        def run() -> None:
            try:
                future.set_result(fn(*args, **kwargs))
            except BaseException as exc:  # the future carries it, as a worker's would
                future.set_exception(exc)

        QTimer.singleShot(0, run)
        return future


def press(key) -> None:
    """Press ``key`` in the widget with the focus, letting no other event through meanwhile."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(QApplication.focusWidget(), event)


def test_down_and_enter_before_the_hits_come_open_the_first_at_its_first_match(qtbot, tmp_path):
    # The hits come from a worker: Ctrl+K, 的, Enter, Down, Enter typed at once found the
    # list empty, and the article stayed where it was scrolled with no match current.
    issues = [one_paragraph(10, "长文", UNIT * 2000)]
    window = MainWindow(
        index_root=tmp_path / "index", executor=LaterExecutor(), index_in_process=False
    )
    qtbot.addWidget(window)
    window.show()
    window.open_path(str(write_archive(tmp_path / "long", issues)))
    qtbot.waitUntil(lambda: window.library is not None and window.search_panel.index_ready)
    open_article(window, "长文")
    pane = window.pane
    pane.set_scroll_fraction(0.5)
    field = window.search_panel.field
    qtbot.keyClick(window.tree, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    type_text(field, "供热")
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Down, Qt.Key.Key_Return):
        press(key)  # no events in between: the hits are on their way
    qtbot.waitUntil(lambda: pane.current_match == 0)
    assert pane.scroll_fraction() < 0.1  # the first match is in view, at the top
    assert window.status_label.text() == "Match 1 of 2000"
