"""Collections and saved searches in the window: Ctrl+B keeps, the dock opens, a moved archive is relinked."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog

from reader.library.collections import Store
from reader.ui.app.collections_dock import CollectionsDock
from reader.ui.app.keep_dialog import KeepDialog
from reader.ui.app.shortcuts import ShortcutsDialog
from tests.ui.conftest import type_text, write_archive
from tests.ui.test_search import search


@pytest.fixture(autouse=True)
def own_data(tmp_path, monkeypatch):
    """Each test has its own collections file (the per-user data folder in tmp_path)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


def dock_of(window) -> CollectionsDock:
    dock = window.findChild(CollectionsDock)
    assert dock is not None
    return dock


def press_ctrl_b(qtbot, window) -> None:
    """Ctrl+B where the reader is after opening an article: in its text."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.pane.browser, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)


def keep_open_article(qtbot, window, note: str, collection: str = "供热研究") -> None:
    press_ctrl_b(qtbot, window)
    dialog = window.findChild(KeepDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.collection.setEditText(collection)
    dialog.note.setFocus()
    type_text(dialog.note, note)
    dialog.tags.setText("能源, 会议")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: window.findChild(KeepDialog) is None)


def open_dock(qtbot, window) -> CollectionsDock:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(
        window.focusWidget() or window,
        Qt.Key.Key_B,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dock = dock_of(window)
    assert dock.isVisible() and window.action_set.collections.isChecked()
    return dock


def cells(table, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]


def test_ctrl_b_keeps_the_article_through_a_restart(qtbot, make_window, archive):
    window = make_window()
    window.open_path(str(archive))
    window.browser.go_to(window.library.issues[2].id)
    title = window.pane.article.title
    keep_open_article(qtbot, window, "见第二段")
    window.close()
    again = make_window()
    dock = open_dock(qtbot, again)
    table = dock.items_view.table
    assert cells(table, 0) == [title]
    assert cells(table, 4) == ["见第二段"] and cells(table, 5) == ["能源, 会议"]
    assert cells(table, 1) == ["2022-09-19"] and cells(table, 6) == ["供热研究"]
    # Enter opens it: the archive is not open in the new window, so it is opened first.
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: again.pane.article is not None and again.pane.article.title == title)
    # Ctrl+B on a kept article edits it.
    press_ctrl_b(qtbot, again)
    dialog = again.findChild(KeepDialog)
    assert dialog.chosen == "供热研究" and dialog.chosen_note == "见第二段"
    dialog.note.setPlainText("改过的")
    dialog.buttons.accepted.emit()
    assert cells(table, 4) == ["改过的"] and table.rowCount() == 1


def test_a_moved_archive_is_relinked_and_the_item_opens(qtbot, window, tmp_path, monkeypatch):
    archive = write_archive(tmp_path / "old" / "archive")
    window.open_path(str(archive))
    window.browser.go_to(window.library.issues[1].id)
    title = window.pane.article.title
    keep_open_article(qtbot, window, "待查")
    moved = shutil.copytree(archive, tmp_path / "new" / "moved")
    shutil.rmtree(archive)
    asked = []
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", lambda *args: asked.append(args[1]) or str(moved)
    )
    dock = open_dock(qtbot, window)
    table = dock.items_view.table
    assert cells(table, 3) == ["archive (missing)"]
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert len(asked) == 1 and "archive" in asked[0]
    qtbot.waitUntil(lambda: window.opened_path == str(moved))
    qtbot.waitUntil(lambda: window.pane.article is not None and window.pane.article.title == title)
    assert cells(table, 3) == ["moved"]
    assert Store().items()[0].archive_path == str(moved.resolve())


def test_a_selection_of_hits_is_kept(qtbot, window, archive):
    window.open_path(str(archive))
    search(qtbot, window, "供热")
    view = window.search_panel.view
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view.take_focus()
    qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(KeepDialog)
    assert dialog.what.text() == "3 selected hits"
    dialog.buttons.accepted.emit()
    assert len(Store().items("Reading list")) == 3


def test_a_saved_search_shows_the_new_hits_of_new_issues(qtbot, window, tmp_path, monkeypatch):
    archive = write_archive(tmp_path / "copy")
    window.open_path(str(archive))
    search(qtbot, window, "供热")
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kw: ("供热", True))
    window.action_set.save_search.trigger()
    dock = open_dock(qtbot, window)
    table = dock.searches_view.table
    assert cells(table, 1) == ["供热"] and cells(table, 3) == [""]
    new = (dt.date(2023, 1, 2), 200, [("", "供热新规", ["供热价格调整。"], "记者")])
    write_archive(archive, [new])
    window.reload()
    qtbot.waitUntil(lambda: len(window.library.issues) == 4, timeout=10_000)
    qtbot.waitUntil(lambda: cells(table, 3) == ["1"], timeout=10_000)
    # Opening it runs it and resets the count.
    table.setFocus()
    table.setCurrentCell(0, 0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.search_panel.model.rowCount() == 4)
    qtbot.waitUntil(lambda: cells(table, 3) == [""])
    assert Store().rows("SELECT total FROM searches") == [(4,)]


def test_the_shortcuts_dialog_lists_the_new_commands(qtbot, window):
    dialog = ShortcutsDialog(window.menus.all_actions(), window)
    qtbot.addWidget(dialog)
    model = dialog.model
    rows = {model.item(r, 0).text(): model.item(r, 1).text() for r in range(model.rowCount())}
    assert rows["Save to Collection…"] == "Ctrl+B"
    assert rows["Collections"] == "Ctrl+Shift+B"
    assert "Save Search…" in rows
