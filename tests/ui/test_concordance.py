"""View › Concordance: every match of the search in context; Enter opens the article at it."""

from __future__ import annotations

import csv
import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog

from reader.library.concordance import concordance
from reader.ui import i18n
from reader.ui.app.shortcuts import ShortcutsDialog
from reader.ui.search.concordance_model import DATE, FIELD, LEFT, MATCH, RIGHT
from tests.conftest import SAMPLE_ISSUES
from tests.ui.conftest import write_archive
from tests.ui.test_search import search


def open_concordance(qtbot, window, query: str):
    search(qtbot, window, query)
    qtbot.keyClick(
        window.search_panel.field,
        Qt.Key.Key_K,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.concordance.isVisible() and window.action_set.concordance.isChecked()
    return window.concordance.view


def current_mark(window) -> str:
    """The text of the pane's current search match."""
    pane = window.pane
    selection = pane.browser.extraSelections()[pane.current_match]
    return selection.cursor.selectedText()


def column(view, number: int) -> list[str]:
    return [view.model.data(view.model.index(r, number)) for r in range(view.model.rowCount())]


def test_the_lines_are_the_searchs_matches(qtbot, window, archive):
    window.open_path(str(archive))
    view = open_concordance(qtbot, window, "供热")
    expected = concordance(window.library, "供热").lines
    assert view.model.rowCount() == len(expected) == 7
    assert set(column(view, MATCH)) == {"供热"}
    assert view.summary.text() == "7 matches in 3 articles"
    assert view.table.hasFocus()
    # A year chosen in the search narrows the lines too.
    window.search_panel.set_filter("2021")
    assert view.model.rowCount() == 3
    assert {line.date for line in view.model.lines} == {dt.date(2021, 12, 27)}


def test_a_match_in_a_column_or_byline_is_a_line_named_by_its_part(qtbot, window, qapp):
    # The sample's -07 article is found by its column (…·长子行): counted, so it has a line.
    window.open_path(str(SAMPLE_ISSUES))
    view = open_concordance(qtbot, window, "长子")
    articles = {line.article_id for line in view.model.lines}
    assert view.summary.text() == f"{view.model.rowCount()} matches in {len(articles)} articles"
    assert set(column(view, MATCH)) == {"长子"}
    assert sorted(column(view, FIELD)) == ["Column", "Text", "Text", "Text", "Text"]
    assert view.model.headerData(FIELD, Qt.Orientation.Horizontal) == "Found in"
    search(qtbot, window, "author:郭强")  # the open concordance follows the search
    qtbot.waitUntil(lambda: column(view, MATCH) == ["郭强"])
    assert column(view, FIELD) == ["Byline"] and column(view, MATCH) == ["郭强"]
    i18n.install(qapp, "zh_CN")
    try:
        assert column(view, FIELD) == ["作者"]
    finally:
        i18n.install(qapp, "en")


def test_enter_opens_the_article_at_that_match(qtbot, window, archive):
    window.open_path(str(archive))
    view = open_concordance(qtbot, window, "供热")
    lines = view.model.lines
    # The second match in the body of 供热工程项目协调会召开 (the title holds the first).
    row = next(
        n
        for n, line in enumerate(lines)
        if line.title == "供热工程项目协调会召开" and line.field == "body" and "项目" in line.right
    )
    view.table.setCurrentIndex(view.model.index(row, MATCH))
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    pane = window.pane
    assert pane.article.id == lines[row].article_id
    assert pane.current_match == 1 and current_mark(window) == "供热"
    assert view.table.hasFocus()  # Down and Enter open the next one
    assert window.status_label.text() == f"Match 2 of {pane.match_count}"
    # After 𠮷 (two UTF-16 units), the right place is still marked.
    row = next(n for n, line in enumerate(lines) if "𠮷" in line.left)
    view.table.setCurrentIndex(view.model.index(row, LEFT))
    qtbot.keyClick(view.table, Qt.Key.Key_Enter)
    assert pane.article.title == "𠮷祥村的新路" and current_mark(window) == "供热"


def test_a_double_click_opens_it_in_the_original_line_breaks(qtbot, window, tmp_path):
    paragraphs = ["本报讯 会议强调供\n热工程按期完成。", "𠮷祥村的供热管道\n已铺好。"]
    articles = [("", "供热工程协调会召开", paragraphs, "张伟")]
    window.open_path(str(write_archive(tmp_path / "split", [(dt.date(2022, 9, 19), 1, articles)])))
    window.action_set.original_text.setChecked(True)
    view = open_concordance(qtbot, window, "供热")
    assert column(view, MATCH) == ["供热", "供热", "供热"]  # the split one shown whole
    assert column(view, LEFT)[1] == "本报讯 会议强调"
    row = 2
    rect = view.table.visualRect(view.model.index(row, RIGHT))
    # As a person double-clicks: a press and release, then the double click.
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.pane.current_match == 2 and current_mark(window) == "供热"
    view.table.setCurrentIndex(view.model.index(1, MATCH))
    view.open_current()
    assert window.pane.current_match == 1 and current_mark(window) == "供\u2029热"


def test_headers_sort_by_left_right_and_date(qtbot, window, archive):
    window.open_path(str(archive))
    view = open_concordance(qtbot, window, "供热")
    header = view.table.horizontalHeader()
    middle = QPoint(header.sectionViewportPosition(LEFT) + header.sectionSize(LEFT) // 2, 5)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=middle)
    assert header.sortIndicatorSection() == LEFT
    # By pinyin, read leftwards from the match (by code point 县 would come before 季, and
    # the full-width comma last): none, ， 调 diào, 季 jì, 求 qiú, 说 shuō, 县 xiàn.
    nearest = [left.strip()[-1:] for left in column(view, LEFT)]
    assert nearest == ["", "，", "调", "季", "求", "说", "县"]
    view.table.sortByColumn(RIGHT, Qt.SortOrder.DescendingOrder)
    # 也 yě, 工 gōng (程项目… after 程按期: xiàng after àn, the longer after its start),
    # 单 dān, 保 bǎo; by code point 也 (U+4E5F) would be the smallest.
    assert column(view, RIGHT) == [
        "也快通了。",
        "工程项目协调会召开。会议强调供热工程按期完成。各部门负责人参加会议。",
        "工程项目协调会召开",
        "工程按期完成。各部门负责人参加会议。",
        "单位做好准备。",
        "保障会议召开。会议要求供热单位做好准备。",
        "保障会议召开",
    ]
    view.table.sortByColumn(DATE, Qt.SortOrder.AscendingOrder)
    days = [line.date for line in view.model.lines]
    assert days == sorted(days)


def test_the_width_cuts_the_contexts_anew(qtbot, window, archive):
    window.open_path(str(archive))
    view = open_concordance(qtbot, window, "供热")
    assert max(len(left) for left in column(view, LEFT)) > 5
    view.width_box.setValue(5)
    view.width_box.editingFinished.emit()
    assert view.model.rowCount() == 7
    assert all(len(text) <= 5 for text in column(view, LEFT) + column(view, RIGHT))


def test_export_csv_round_trips(qtbot, window, archive, tmp_path, monkeypatch):
    window.open_path(str(archive))
    view = open_concordance(qtbot, window, "供热")
    view.table.sortByColumn(LEFT, Qt.SortOrder.AscendingOrder)
    target = tmp_path / "out" / "供热.csv"
    target.parent.mkdir()
    # The file dialog is Qt's; the answer it would give is put in its place.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    view.export_button.click()
    with open(target, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [row["left"] for row in rows] == column(view, LEFT)
    assert [int(row["start"]) for row in rows] == [line.start for line in view.model.lines]
    assert view.summary.text() == f"Saved 7 matches to {target}"


def test_without_a_search_it_says_what_to_do(qtbot, window, archive):
    window.open_path(str(archive))
    window.action_set.concordance.trigger()
    view = window.concordance.view
    assert view.model.rowCount() == 0 and not view.export_button.isEnabled()
    assert view.summary.text() == "Search the archive to see every match here in context."
    window.action_set.concordance.trigger()
    assert not window.concordance.isVisible()


def test_listed_among_the_shortcuts_and_in_chinese(qtbot, window, archive, qapp):
    rows = {action.objectName(): action for _menu, action in window.menus.all_actions()}
    assert rows["concordance"].shortcut().toString() == "Ctrl+Shift+K"
    dialog = ShortcutsDialog(window.menus.all_actions(), window)
    qtbot.addWidget(dialog)
    texts = [dialog.model.item(r, 0).text() for r in range(dialog.model.rowCount())]
    assert "Concordance" in texts
    window.open_path(str(archive))
    view = open_concordance(qtbot, window, "供热")
    i18n.install(qapp, "zh_CN")
    try:
        qapp.processEvents()
        headers = [view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
        assert headers[MATCH] == "匹配处"
        assert window.concordance.windowTitle() != "Concordance"
        assert view.summary.text() == "3 篇中有 7 处匹配"
    finally:
        i18n.install(qapp, "en")


def test_a_malformed_query_is_said_in_place(qtbot, window, archive):
    window.open_path(str(archive))
    view = open_concordance(qtbot, window, '供热 "open')
    assert view.model.rowCount() == 0 and "quote" in view.summary.text()
    search(qtbot, window, "供热")
    assert view.model.rowCount() == 7
