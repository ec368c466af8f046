"""The window by keyboard alone: Tab leaves every table and list, F6 goes round the panes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QApplication

from reader.ui import i18n
from reader.ui.app.shortcuts import ShortcutsDialog, plain_text, shortcut_text
from reader.ui.pages import keys as page_keys


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


def listed_rows(window) -> list[list[str]]:
    window.action_set.shortcuts.trigger()
    dialog = window.findChild(ShortcutsDialog)
    model = dialog.model
    rows = [[model.item(r, c).text() for c in range(3)] for r in range(model.rowCount())]
    dialog.close()
    return rows


def test_the_shortcuts_list_has_every_action_with_keys_and_the_pages_keys(window, archive):
    window.open_path(str(archive))
    rows = listed_rows(window)
    pairs = {(name, keys) for name, keys, _where in rows}
    keyed = [a for a in window.findChildren(QAction) if a.shortcuts()]
    assert len(keyed) >= 30
    missing = [
        a.objectName() for a in keyed if (plain_text(a.text()), shortcut_text(a)) not in pairs
    ]
    assert missing == []
    page = {keys: what for what, keys, where in rows if where == "Scanned page"}
    assert page["PgDown, PgUp"] == "Next page, previous page"
    assert page["Down, Up, Right, Left"] == "Move the page"
    assert page["Ctrl+wheel"] == "Zoom at the pointer"
    # Every key the page obeys is in the list.
    for keys, _name in page_keys.KEYS:
        assert page_keys.key_names(keys) in page
    assert ["Next Pane", "F6", "Go"] in rows and ["Previous Pane", "Shift+F6", "Go"] in rows


def test_f6_goes_round_the_panes_shown(qtbot, window, archive):
    window.open_path(str(archive))
    window.tree.setFocus()
    qtbot.waitUntil(window.tree.hasFocus)

    def after(key, modifier=Qt.KeyboardModifier.NoModifier):
        qtbot.keyClick(QApplication.focusWidget(), key, modifier)
        return QApplication.focusWidget()

    assert after(Qt.Key.Key_F6) is window.article_list
    assert after(Qt.Key.Key_F6) is window.pane.focusProxy()
    assert after(Qt.Key.Key_F6) is window.tree  # the page is hidden, no dock is open
    assert after(Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier) is window.pane.focusProxy()
    window.action_set.show_both.trigger()
    window.action_set.concordance.trigger()
    window.pane.setFocus()
    qtbot.waitUntil(window.pane.focusProxy().hasFocus)
    assert after(Qt.Key.Key_F6) is window.area.pages.pane.canvas
    assert window.concordance.isAncestorOf(after(Qt.Key.Key_F6))
    assert after(Qt.Key.Key_F6) is window.tree


def test_keys_have_one_name_each_in_chinese(qtbot, qapp, window):
    try:
        i18n.install(qapp, "zh_CN")
        qtbot.waitUntil(lambda: window.menus.file.title() == "文件(&F)")
        rows = listed_rows(window)
    finally:
        i18n.install(qapp, "en")
    keys = {what: key for what, key, _where in rows}
    # The arrows as printed on the keys, in the menus' shortcuts and the views' keys alike.
    assert keys["后退"].startswith("Alt+←") and keys["前进"].startswith("Alt+→")
    assert keys["搜索历史"] == "↑（搜索框为空时）" and keys["转到结果"] == "↓"
    assert keys["向下翻页、向上翻页"] == "空格键、Shift+空格键"
    assert keys["搜索"] == "Enter"
    assert [k for k in keys.values() if "方向" in k or "回车" in k or "空格 " in k] == []
