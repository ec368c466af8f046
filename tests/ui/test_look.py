"""Native conventions: standard keys, menu roles, dark mode while running, contrast, names, tab order."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QAccessible, QAction, QHelpEvent, QKeySequence, QPalette, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QTextEdit,
    QToolTip,
    QWidget,
)

from reader.ui.app.shortcuts import ShortcutsDialog, shortcut_text
from reader.ui.core import colours
from reader.ui.search.chart import HitsChart

Key = QKeySequence.StandardKey


@pytest.fixture
def light(qapp):
    """The application's own palette, given back after a test that switches to dark mode."""
    original = QPalette(qapp.palette())
    yield original
    qapp.setPalette(original)


def go_dark(qtbot, qapp) -> QPalette:
    dark = colours.dark_palette()
    qapp.setPalette(dark)
    qtbot.wait(10)  # Qt posts the palette change to the widgets
    return dark


def title_colour(window):
    position, _text = window.pane._rendered.fields["title"]
    cursor = QTextCursor(window.pane.browser.document())
    cursor.setPosition(position + 1)
    return cursor.charFormat().foreground().color()


def test_standard_keys_come_first_and_the_old_keys_stay(window):
    a = window.action_set
    standard = {
        a.open_folder: Key.Open,
        a.find: Key.Find,
        a.next_match: Key.FindNext,
        a.previous_match: Key.FindPrevious,
        a.back: Key.Back,
        a.forward: Key.Forward,
        a.zoom_in: Key.ZoomIn,
        a.zoom_out: Key.ZoomOut,
        a.quit: Key.Quit,
        a.shortcuts: Key.HelpContents,
        a.reload: Key.Refresh,
    }
    for action, key in standard.items():
        bindings = [k for k in QKeySequence.keyBindings(key) if not k.isEmpty()]
        assert action.shortcuts()[: len(bindings)] == bindings, action.objectName()
    kept = {
        a.next_article: "J",
        a.previous_article: "K",
        a.search: "Ctrl+K",
        a.next_match: "F3",
        a.back: "Alt+Left",
        a.forward: "Alt+Right",
        a.zoom_in: "Ctrl+=",
        a.shortcuts: "F1",
    }
    for action, key in kept.items():
        assert QKeySequence(key) in action.shortcuts(), action.objectName()
    for action in window.actions():
        assert len(set(action.shortcuts())) == len(action.shortcuts()), action.objectName()


def test_the_shortcuts_dialog_lists_the_keys_of_every_action(window):
    window.action_set.shortcuts.trigger()
    dialog = window.findChild(ShortcutsDialog)
    rows = range(dialog.model.rowCount())
    listed = {dialog.model.item(r, 0).text(): dialog.model.item(r, 1).text() for r in rows}
    for _menu, action in window.menus.all_actions():
        if action.shortcuts():
            assert shortcut_text(action) in listed.values(), action.objectName()
    assert "Ctrl+O" in listed["Open Folder…"]
    dialog.close()


def test_about_and_quit_have_the_roles_macos_moves(window):
    a = window.action_set
    assert a.about.menuRole() == QAction.MenuRole.AboutRole
    assert a.quit.menuRole() == QAction.MenuRole.QuitRole
    others = [x for x in window.actions() if x not in (a.about, a.quit)]
    assert others and all(x.menuRole() == QAction.MenuRole.NoRole for x in others)


def test_switching_to_dark_mode_while_running_recolours_the_article(
    qtbot, qapp, window, archive, light
):
    window.open_path(str(archive))
    before = title_colour(window)
    assert before == light.color(QPalette.ColorRole.Text)
    dark = go_dark(qtbot, qapp)
    qtbot.waitUntil(lambda: title_colour(window) == dark.color(QPalette.ColorRole.Text))
    assert window.pane.browser.palette().color(QPalette.ColorRole.Base) == dark.color(
        QPalette.ColorRole.Base
    )
    # And back, as when the system leaves dark mode.
    qapp.setPalette(light)
    qtbot.waitUntil(lambda: title_colour(window) == before)


def marked(window):
    """(background, text) of every mark the text pane draws."""
    return [
        (s.format.background().color(), s.format.foreground().color())
        for s in window.pane.browser.extraSelections()
    ]


def test_marks_keep_aa_contrast_in_both_palettes(qtbot, qapp, window, archive, light):
    for palette in (light, colours.dark_palette()):
        for mark in colours.marks(palette).backgrounds:
            assert colours.contrast(mark, colours.marks(palette).text) >= colours.AA_CONTRAST
        base = palette.color(QPalette.ColorRole.Base)
        assert colours.contrast(colours.column_colour(palette), base) >= colours.AA_CONTRAST
        assert colours.contrast(palette.color(QPalette.ColorRole.Text), base) >= 4.5
    window.open_path(str(archive))
    window.search_panel.search("供热")
    window.search_panel.focus_results()
    QTest.keyClick(window.search_panel.view, Qt.Key.Key_Return)
    light_marks = marked(window)
    assert len(light_marks) >= 2
    go_dark(qtbot, qapp)
    qtbot.waitUntil(lambda: marked(window) != light_marks)
    for marks in (light_marks, marked(window)):
        ratios = [colours.contrast(background, text) for background, text in marks]
        assert min(ratios) >= colours.AA_CONTRAST, ratios


def test_the_focus_cue_follows_the_keyboard_in_both_palettes(qtbot, qapp, window, archive, light):
    window.open_path(str(archive))
    for dark in (False, True, False):  # and back to light, as the system leaves dark mode
        palette = go_dark(qtbot, qapp) if dark else light
        qapp.setPalette(palette)
        qtbot.wait(10)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        for view in (window.tree, window.article_list, window.search_panel.view):
            window.search_panel.search("供热") if view is window.search_panel.view else None
            if view is not window.search_panel.view:
                window.search_panel.browse()
            view.setFocus()
            qtbot.waitUntil(view.hasFocus)
            assert view.palette().color(QPalette.ColorRole.Highlight) == highlight
            window.pane.setFocus()
            qtbot.waitUntil(lambda v=view: not v.hasFocus())
            muted = view.palette().color(QPalette.ColorRole.Highlight)
            assert muted != highlight
            # Muted towards the page the view draws on, in either palette.
            base = palette.color(QPalette.ColorRole.Base)
            assert colours.contrast(muted, base) < colours.contrast(highlight, base)


def controls(window):
    kinds = (QAbstractButton, QLineEdit, QAbstractItemView, QTextEdit, QComboBox, HitsChart)
    for widget in window.findChildren(QWidget):
        if isinstance(widget, kinds) and widget.isVisible():
            if widget.objectName() == "qt_toolbar_ext_button":
                continue
            yield widget


def spoken_name(widget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def test_every_visible_control_has_a_name(window, archive):
    seen = []
    for state in ("start", "browse", "search"):
        if state == "browse":
            window.open_path(str(archive))
        elif state == "search":
            window.search_panel.search("供热")
        for widget in controls(window):
            seen.append(widget)
            assert spoken_name(widget), (state, type(widget).__name__, widget.objectName())
    names = {w.objectName(): w.accessibleName() for w in seen}
    assert names["search_field"] == "Search the archive"
    assert names["issue_tree"] == "Issues" and names["article_list"] == "Articles"
    assert names["search_results"] == "Search hits"
    assert window.pane.browser.accessibleName() == "Article"
    assert window.search_panel.chart in seen
    assert len(seen) > 20


def test_tab_goes_tree_articles_text_and_skips_the_status_bar(qtbot, window, archive):
    window.open_path(str(archive))
    window.tree.setFocus()
    order = []
    for _ in range(3):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order[:2] == [window.article_list, window.pane.browser]
    for button in window.statusBar().findChildren(QAbstractButton):
        assert button.focusPolicy() == Qt.FocusPolicy.NoFocus


def show_tooltip_over(chart: HitsChart, n: int) -> str:
    rect = chart._bar_rects()[n]
    at = QPoint(int(rect.center().x()), int(rect.center().y()))
    QApplication.sendEvent(chart, QHelpEvent(QEvent.Type.ToolTip, at, chart.mapToGlobal(at)))
    return QToolTip.text()


def test_the_chart_bars_have_tooltips_and_work_from_the_keyboard(qtbot, window, archive):
    window.open_path(str(archive))
    window.search_panel.search("供热")
    chart = window.search_panel.chart
    assert [(b.key, b.count) for b in chart.bars] == [("2021", 1), ("2022", 2)]
    assert show_tooltip_over(chart, 0) == "2021: 1 article"
    assert show_tooltip_over(chart, 1) == "2022: 2 articles"
    assert chart.accessibleDescription() == "2021: 1 article; 2022: 2 articles"
    chart.setFocus()
    QTest.keyClick(chart, Qt.Key.Key_Right)
    assert chart.current == 1 and "2022: 2 articles" in chart.accessibleName()
    QTest.keyClick(chart, Qt.Key.Key_Return)
    assert window.search_panel.request.year == "2022"
    assert window.search_panel.model.rowCount() == 2


def test_toolbar_icons_turn_light_in_dark_mode(qtbot, qapp, window, light):
    def lightest(action) -> float:
        image = action.icon().pixmap(24, 24).toImage()
        return max(
            image.pixelColor(x, y).lightnessF()
            for x in range(image.width())
            for y in range(image.height())
            if image.pixelColor(x, y).alphaF() > 0.5
        )

    assert lightest(window.action_set.next_issue) < 0.6  # the style's dark arrow
    go_dark(qtbot, qapp)
    qtbot.waitUntil(lambda: lightest(window.action_set.next_issue) > 0.8)


def test_the_lists_come_back_light_when_dark_mode_ends(qtbot, qapp, window, archive, light):
    """As the README's screenshots run: search, read a hit, go dark and back, search again."""
    window.open_path(str(archive))
    window.search_panel.search("供热")
    window.search_panel.focus_results()
    QTest.keyClick(window.search_panel.view, Qt.Key.Key_Return)
    views = (window.tree, window.article_list, window.search_panel.view)
    go_dark(qtbot, qapp)
    base = colours.dark_palette().color(QPalette.ColorRole.Base)
    assert all(v.palette().color(QPalette.ColorRole.Base) == base for v in views)
    qapp.setPalette(light)
    qtbot.wait(10)
    window.search_panel.browse()
    window.article_list.setFocus()
    window.pane.setFocus()
    for view in views:
        assert view.palette().color(QPalette.ColorRole.Base) == light.color(
            QPalette.ColorRole.Base
        ), view.objectName()
