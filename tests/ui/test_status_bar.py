"""The status bar's permanent notes: the zoom and the original-lines mode, in both languages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reader.ui import i18n


@pytest.fixture
def english():
    yield
    i18n.install(QApplication.instance(), "en")


def test_zoom_and_original_lines_show_in_the_status_bar(qtbot, qapp, window, archive, english):
    window.open_path(str(archive))
    zoom, mode = window.indicators.zoom_button, window.indicators.mode_button
    assert window.statusBar().isAncestorOf(zoom)
    # Nothing to say at the defaults.
    assert not zoom.isVisible() and not mode.isVisible()
    window.action_set.zoom_in.trigger()
    assert zoom.isVisible() and zoom.text() == "110%"
    window.action_set.zoom_out.trigger()
    assert not zoom.isVisible()
    window.action_set.zoom_out.trigger()
    assert zoom.text() == "91%"
    window.action_set.original_text.trigger()
    assert mode.isVisible() and mode.text() == "Original lines"
    i18n.install(qapp, "zh_CN")
    qtbot.waitUntil(lambda: mode.text() == "原文换行")
    assert zoom.text() == "91%"
    # A click on a note goes back to the default.
    qtbot.mouseClick(mode, Qt.MouseButton.LeftButton)
    assert not window.action_set.original_text.isChecked()
    assert window.pane.original_text is None and not mode.isVisible()
    qtbot.mouseClick(zoom, Qt.MouseButton.LeftButton)
    assert window.pane.zoom == 0 and not zoom.isVisible()


def test_a_restored_zoom_and_mode_show_at_start(make_window, archive):
    first = make_window()
    first.action_set.zoom_in.trigger()
    first.action_set.original_text.trigger()
    first.close()
    second = make_window()
    assert second.indicators.zoom_button.isVisible()
    assert second.indicators.zoom_button.text() == "110%"
    assert second.indicators.mode_button.isVisible()


def test_a_message_shown_before_the_window_is_not_drawn_over_the_label(qtbot, archive, tmp_path):
    from reader.ui.app.window import MainWindow

    from .conftest import SyncExecutor

    window = MainWindow(
        index_root=tmp_path / "index", executor=SyncExecutor(), index_in_process=False
    )
    qtbot.addWidget(window)
    window.open_path(str(archive))  # its summary and "index ready" come before the window shows
    window.show_message("The search index is ready.")
    window.show()
    qtbot.waitExposed(window)
    assert window.statusBar().currentMessage() == "The search index is ready."
    assert not window.status_label.isVisible()
    window.show_message("")
    assert window.status_label.isVisible()
    assert window.status_label.text().startswith("Opened ")
