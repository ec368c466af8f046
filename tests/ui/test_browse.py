"""Browsing by keyboard: tree → list → pane, article and issue steps, history, date, memory."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QCoreApplication, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.ui import i18n
from reader.ui.app.shortcuts import ShortcutsDialog
from reader.ui.browse.go_to_date import GoToDateDialog
from reader.ui.core import settings
from tests.conftest import SAMPLE_ISSUES
from tests.ui.conftest import type_text, write_archive


def shown_title(window) -> str:
    return window.pane.article.title if window.pane.article else ""


def test_opens_on_the_first_issue_and_article(window, archive):
    window.open_path(str(archive))
    assert window.tree_model.issue_id(window.tree.currentIndex()) == "2021-12-27-8ca8cfeb"
    assert window.article_model.rowCount() == 2
    assert shown_title(window) == "冬季供热保障会议召开"
    assert window.windowTitle().startswith("archive")


def test_tree_to_list_to_pane_by_keyboard(qtbot, window, archive):
    window.open_path(str(archive))
    window.tree.setFocus()
    qtbot.waitUntil(window.tree.hasFocus)
    # Down moves from the first issue past the 2022 and January rows to the next issue.
    for _ in range(3):
        qtbot.keyClick(window.tree, Qt.Key.Key_Down)
    assert window.tree_model.issue_id(window.tree.currentIndex()) == "2022-01-03-8f9b1ba0"
    assert shown_title(window) == "元旦假期平安度过"
    # Enter on an issue hands the keyboard to the article list.
    qtbot.keyClick(window.tree, Qt.Key.Key_Return)
    assert window.article_list.hasFocus()
    qtbot.keyClick(window.article_list, Qt.Key.Key_Down)
    assert shown_title(window) == "𠮷祥村的新路"
    # Enter on an article hands the keyboard to the text pane.
    qtbot.keyClick(window.article_list, Qt.Key.Key_Return)
    assert window.pane.browser.hasFocus()
    assert "𠮷祥村修通了新路" in window.pane.browser.toPlainText()


def test_tree_shows_publication_year_month_issue(window, archive):
    window.open_path(str(archive))
    model = window.tree_model
    publication = model.index(0, 0)
    assert model.data(publication) == "测试周报"
    years = [model.data(model.index(r, 0, publication)) for r in range(model.rowCount(publication))]
    assert years == ["2021", "2022"]
    year_2022 = model.index(1, 0, publication)
    assert model.rowCount(year_2022) == 2  # January and September
    september = model.index(1, 0, year_2022)
    issue = model.index(0, 0, september)
    assert model.data(issue) == "19 September 2022 · 总102期"
    assert model.data(model.index(0, 1, september)) == "3"


def test_publications_are_in_the_order_a_person_looks_them_up(window, tmp_path):
    # Not case-sensitive (every capital before every small letter): iptc-… among the Ts.
    names = ["www.xmlteam.com", "UK News Service", "iptc-newsml-g2-examples", "Top UK Stories"]
    for n, name in enumerate(names):
        text = f"# {name}\n\n2022年9月19日\n总1期\n\n## 标题\n\n正文。\n"
        (tmp_path / "mixed").mkdir(exist_ok=True)
        (tmp_path / "mixed" / f"{n}.txt").write_text(text, encoding="utf-8")
    window.open_path(str(tmp_path / "mixed"))
    model = window.tree_model
    shown = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert shown == [
        "iptc-newsml-g2-examples",
        "Top UK Stories",
        "UK News Service",
        "www.xmlteam.com",
    ]


def test_j_and_k_step_through_articles_and_across_issues(qtbot, window, archive):
    window.open_path(str(archive))
    window.article_list.setFocus()
    qtbot.keyClick(window.article_list, Qt.Key.Key_J)
    assert shown_title(window) == "新书屋开放"
    qtbot.keyClick(window.article_list, Qt.Key.Key_J)
    assert shown_title(window) == "元旦假期平安度过"  # first article of the next issue
    qtbot.keyClick(window.article_list, Qt.Key.Key_K)
    assert shown_title(window) == "新书屋开放"
    qtbot.keyClick(window.pane.browser, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert shown_title(window) == "元旦假期平安度过"


def test_next_and_previous_issue_and_history(qtbot, window, archive):
    window.open_path(str(archive))
    window.action_set.next_issue.trigger()
    window.action_set.next_issue.trigger()
    assert window.pane.issue.date == dt.date(2022, 9, 19)
    window.action_set.next_issue.trigger()  # already the last: stays
    assert window.pane.issue.date == dt.date(2022, 9, 19)
    window.action_set.previous_issue.trigger()
    assert window.pane.issue.date == dt.date(2022, 1, 3)
    qtbot.keyClick(window.tree, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.pane.issue.date == dt.date(2022, 9, 19)
    qtbot.keyClick(window.tree, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.pane.issue.date == dt.date(2022, 1, 3)
    assert window.action_set.forward.isEnabled()
    qtbot.keyClick(window.tree, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.pane.issue.date == dt.date(2022, 9, 19)
    qtbot.keyClick(window.tree, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.pane.issue.date == dt.date(2022, 1, 3)
    assert not window.action_set.forward.isEnabled()


def test_typing_j_in_the_search_field_types_it(qtbot, window, archive):
    window.open_path(str(archive))
    window.search_panel.field.setFocus()
    qtbot.keyClicks(window.search_panel.field, "jk/?")
    assert window.search_panel.field.text() == "jk/?"
    assert shown_title(window) == "冬季供热保障会议召开"


def test_go_to_date_lands_on_the_nearest_issue(qtbot, window, archive):
    window.open_path(str(archive))
    window.action_set.go_to_date.trigger()
    dialog = window.findChild(GoToDateDialog)
    assert dialog is not None
    dialog.calendar.setSelectedDate(dt.date(2022, 6, 1))  # Jan 3 is 149 days away, Sep 19 is 110
    assert dialog.nearest_label.text() == "Nearest issue: 19 September 2022 · 总102期"
    dialog.accept()
    assert window.pane.issue.date == dt.date(2022, 9, 19)


def test_reopen_restores_issue_article_scroll_zoom_and_splitter(qtbot, make_window, archive):
    first = make_window()
    first.resize(760, 300)  # short, so the article scrolls (the offscreen screen is 800×600)
    first.open_path(str(archive))
    first.action_set.next_issue.trigger()
    first.action_set.next_issue.trigger()
    first.action_set.next_article.trigger()
    first.action_set.previous_article.trigger()
    first.action_set.zoom_in.trigger()
    first.action_set.zoom_in.trigger()
    first.splitter.setSizes([180, 220, 360])
    bar = first.pane.browser.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)
    fraction = first.pane.scroll_fraction()
    sizes = first.splitter.sizes()
    article_id = first.pane.article.id
    first.close()

    assert settings.read("last_archive") == str(archive)
    second = make_window()
    assert second.pane.zoom == 2
    # The panes come (with their saved sizes) once an archive is open: the start page before.
    second.open_path(settings.read("last_archive"))
    assert second.splitter.sizes() == sizes
    assert second.pane.article.id == article_id
    assert abs(second.pane.scroll_fraction() - fraction) < 0.05


def test_bad_file_shows_in_problems_panel_while_the_rest_opens(qtbot, window, archive):
    (archive / "broken.txt").write_bytes(b"\x00\x01\x02 not text")
    (archive / "empty.md").write_bytes(b"")
    window.open_path(str(archive))
    assert len(window.library.issues) == 3
    assert window.problems_button.isVisible()
    assert "2" in window.problems_button.text()
    qtbot.mouseClick(window.problems_button, Qt.MouseButton.LeftButton)
    assert window.problems_panel.isVisible()
    model = window.problems_panel.model
    rows = {
        model.data(model.index(r, 0)): model.data(model.index(r, 1))
        for r in range(model.rowCount())
    }
    assert set(rows) == {"broken.txt", "empty.md"}
    assert rows["empty.md"] == "the file is empty"


def test_missing_path_shows_an_error_and_the_window_keeps_running(qtbot, window, tmp_path):
    window.open_path(str(tmp_path / "nowhere"))
    box = window.findChild(QMessageBox)
    assert box is not None and box.isVisible()
    assert "nowhere" in box.informativeText()
    box.close()
    assert window.library is None


def test_original_line_breaks_toggle(window):
    window.open_path(str(SAMPLE_ISSUES))
    reflowed = window.pane.browser.toPlainText()
    assert "各级各部门要高度重视" in reflowed
    window.action_set.original_text.trigger()
    assert "各级各部门要\n\n高度重视" in window.pane.browser.toPlainText()
    window.action_set.original_text.trigger()
    assert window.pane.browser.toPlainText() == reflowed


def test_zoom_keys(qtbot, window, archive):
    window.open_path(str(archive))
    size = window.pane.browser.document().defaultFont().pointSizeF()
    qtbot.keyClick(window.pane.browser, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.pane.zoom == 1
    assert window.pane.browser.document().defaultFont().pointSizeF() > size
    qtbot.keyClick(window.pane.browser, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.pane.browser, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.pane.zoom == -1
    qtbot.keyClick(window.pane.browser, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.pane.zoom == 0


def test_find_in_article(qtbot, window, archive):
    window.open_path(str(archive))
    window.action_set.next_issue.trigger()
    window.action_set.next_issue.trigger()
    qtbot.keyClick(window.pane.browser, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.pane.find_bar
    assert bar.isVisible() and bar.field.hasFocus()
    type_text(bar.field, "会议")
    assert window.pane.found_count == 2
    assert bar.count.text() == "1/2"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text() == "2/2"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text() == "1/2"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count.text() == "2/2"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert window.pane.browser.extraSelections() == []


def test_shortcuts_dialog_lists_every_menu_action(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None and dialog.isVisible()
    names = [dialog.model.item(r, 0).text() for r in range(dialog.model.rowCount())]
    keys = {
        dialog.model.item(r, 0).text(): dialog.model.item(r, 1).text()
        for r in range(dialog.model.rowCount())
    }
    assert "Next Match" in names and "Go to Date…" in names
    assert keys["Next Match"] == "F3, Ctrl+G"
    # Every action of the window is in a menu, so the dialog lists them all.
    listed = {action for _menu, action in window.menus.all_actions()}
    actions = [a for a in vars(window.action_set).values() if isinstance(a, QAction)]
    actions += window.action_set.languages.values()
    assert len(actions) >= 30
    assert [a.objectName() for a in actions if a not in listed] == []


def test_dropping_a_folder_opens_it(window, archive):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(archive))])
    position = QPointF(window.rect().center())
    enter = QDragEnterEvent(
        position.toPoint(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        position,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    assert window.library is not None and len(window.library.issues) == 3


def test_recent_archives_menu(window, archive, tmp_path):
    single = tmp_path / "one" / "2022-09-19.txt"
    single.parent.mkdir()
    single.write_text((archive / "2022-09-19.txt").read_text(encoding="utf-8"), encoding="utf-8")
    window.open_path(str(archive))
    window.open_path(str(single))  # a single issue file opens on its own
    assert len(window.library.issues) == 1
    window.menus.recent.aboutToShow.emit()
    entries = [a.text() for a in window.menus.recent.actions()]
    assert entries == [str(single), str(archive)]
    window.menus.recent.actions()[1].trigger()
    assert len(window.library.issues) == 3


def test_question_mark_opens_the_shortcuts(qtbot, window):
    qtbot.keyClick(window.tree, Qt.Key.Key_Question, Qt.KeyboardModifier.ShiftModifier)
    assert window.findChild(ShortcutsDialog) is not None


def test_opening_summary_counts_and_points_to_the_problems(make_window, archive):
    make_window().open_path(str(archive))  # builds the index, which then announces itself
    (archive / "broken.txt").write_bytes(b"\x00\x01\x02 not text")
    (archive / "empty.md").write_bytes(b"")
    window = make_window()
    window.open_path(str(archive))
    assert window.status_label.text() == (
        f"Opened {archive} — issues: 3, articles: 7; problems: 2 (see the Problems panel)"
    )


def test_esc_in_the_search_field_goes_back_where_the_reader_was(qtbot, window, archive):
    window.open_path(str(archive))
    for start in (window.pane.browser, window.tree):
        start.setFocus()
        qtbot.waitUntil(start.hasFocus)
        qtbot.keyClick(start, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
        field = window.search_panel.field
        assert field.hasFocus()
        qtbot.keyClick(field, Qt.Key.Key_Escape)
        assert start.hasFocus()


def test_shortcuts_dialog_reads_cleanly_in_both_languages(qtbot, qapp, window):
    window.action_set.shortcuts.trigger()
    dialog = window.findChild(ShortcutsDialog)
    rows = [
        [dialog.model.item(r, c).text() for c in range(3)] for r in range(dialog.model.rowCount())
    ]
    keys = {name: key for name, key, _where in rows}
    # Shift+? is there for some keyboard layouts only: listed once, as "?".
    assert keys["Keyboard Shortcuts"] == "F1, ?"
    # Keys that belong to one widget are listed too.
    assert ["Earlier searches", "Up (in an empty field)", "Search field"] in rows
    assert ["English", "", "View › Language"] in rows
    dialog.close()
    try:
        i18n.install(qapp, "zh_CN")
        qtbot.waitUntil(lambda: window.menus.file.title() == "文件(&F)")
        window.action_set.shortcuts.trigger()
        dialog = next(d for d in window.findChildren(ShortcutsDialog) if d.isVisible())
        names = [dialog.model.item(r, 0).text() for r in range(dialog.model.rowCount())]
        wheres = [dialog.model.item(r, 2).text() for r in range(dialog.model.rowCount())]
        # A Chinese mnemonic is "打开文件夹(&F)…": no "(F)" left over in the list.
        assert "打开文件夹…" in names and "文件" in wheres and "视图 › 语言" in wheres
        assert not any(re.search(r"\(\w\)", text) for text in names + wheres)
    finally:
        i18n.install(qapp, "en")
        qtbot.waitUntil(lambda: window.menus.file.title() == "&File")


def test_window_titles_name_the_app_once_in_the_interface_language(qtbot, qapp, window, archive):
    window.open_path(str(archive))
    assert QGuiApplication.applicationDisplayName() == "Issue Reader"
    assert window.windowTitle() == "archive — Issue Reader"
    try:
        i18n.install(qapp, "zh_CN")
        name = QCoreApplication.translate("MainWindow", "Issue Reader")
        assert name != "Issue Reader"
        qtbot.waitUntil(lambda: QGuiApplication.applicationDisplayName() == name)
        # Qt adds the display name to a title that does not end with it (dialogs' titles).
        assert window.windowTitle() == f"archive — {name}"
    finally:
        i18n.install(qapp, "en")
        qtbot.waitUntil(lambda: QGuiApplication.applicationDisplayName() == "Issue Reader")


def test_find_bar_finds_a_word_broken_over_lines_in_the_original(qtbot, window, tmp_path):
    paragraphs = ["会议强调供\n热工程按期完成，𠮷祥村供热管道已铺好。"]
    issues = [(dt.date(2022, 9, 19), 102, [("", "协调会召开", paragraphs, "张伟")])]
    window.open_path(str(write_archive(tmp_path / "split", issues)))
    window.action_set.original_text.trigger()
    window.action_set.find.trigger()
    bar = window.pane.find_bar
    type_text(bar.field, "供热")
    assert window.pane.found_count == 2
    texts = [s.cursor.selectedText() for s in window.pane.browser.extraSelections()]
    assert texts == ["供\u2029热", "供热"]
    bar.field.clear()
    type_text(bar.field, "祥村")  # after 𠮷, which Qt counts as two
    assert [s.cursor.selectedText() for s in window.pane.browser.extraSelections()] == ["祥村"]


def test_only_the_list_with_the_keyboard_shows_its_selection_in_full(qtbot, window, archive):
    window.open_path(str(archive))

    def highlight(view):
        return view.palette().color(QPalette.ColorRole.Highlight)

    window.tree.setFocus()
    qtbot.waitUntil(window.tree.hasFocus)
    assert highlight(window.tree) != highlight(window.article_list)
    full = highlight(window.tree)
    qtbot.keyClick(window.tree, Qt.Key.Key_Return)  # the keyboard moves to the articles
    assert window.article_list.hasFocus()
    assert highlight(window.article_list) == full
    assert highlight(window.tree) != full


def test_find_bar_reaches_across_a_blank_line_the_ocr_put_in_a_paragraph(window):
    window.open_path(str(SAMPLE_ISSUES))
    window.action_set.original_text.trigger()
    window.action_set.find.trigger()
    type_text(window.pane.find_bar.field, "要高度重视")
    assert window.pane.found_count == 1
    (selection,) = window.pane.browser.extraSelections()
    assert selection.cursor.selectedText() == "要\u2029\u2029高度重视"
