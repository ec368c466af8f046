"""The window by keyboard alone: Tab leaves every table and list, F6 goes round the panes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication


def test_tab_leaves_the_problems_table_at_once(qtbot, window, archive):
    (archive / "broken.txt").write_bytes(b"\x00\x01\x02 not text")
    (archive / "empty.md").write_bytes(b"")
    window.open_path(str(archive))
    window.action_set.problems.trigger()
    table = window.problems_panel.view
    qtbot.waitUntil(table.isVisible)
    assert table.model().rowCount() == 2
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    table.setCurrentIndex(table.model().index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not table


def test_no_table_or_list_of_the_window_keeps_tab_for_its_cells(window, archive):
    window.open_path(str(archive))
    views = window.findChildren(QAbstractItemView)
    assert len(views) >= 8
    assert [v.objectName() or type(v).__name__ for v in views if v.tabKeyNavigation()] == []
