"""Archive search from the keyboard: field, hits, facets, chart, highlights and F3."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from reader.ui.core import settings
from tests.ui.conftest import type_text, write_archive


def search(qtbot, window, text: str) -> None:
    qtbot.keyClick(window.tree, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    field = window.search_panel.field
    assert field.hasFocus()
    field.clear()
    type_text(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def hit_titles(window) -> list[str]:
    model = window.search_panel.model
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def test_search_by_keyboard_end_to_end(qtbot, window, archive):
    window.open_path(str(archive))
    assert window.search_panel.index_ready
    search(qtbot, window, "供热")
    panel = window.search_panel
    assert window.middle.currentWidget() is panel
    assert panel.count_label.text() == "Hits: 3"
    assert set(hit_titles(window)) == {
        "冬季供热保障会议召开",
        "𠮷祥村的新路",
        "供热工程项目协调会召开",
    }
    # Down leads from the field into the hits (Up on the first one leads back), Enter opens.
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    assert panel.view.hasFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Up)
    assert panel.field.hasFocus()
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    assert panel.view.hasFocus()
    assert panel.view.currentIndex().row() == 0
    assert panel.view.selectionModel().isSelected(panel.model.index(0, 0))
    first = hit_titles(window)[0]
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    pane = window.pane
    assert pane.article.title == first
    assert pane.browser.hasFocus()
    assert pane.match_count >= 2
    assert pane.current_match == 0
    # F3 and Shift+F3 (and Ctrl+G) step through the matches, the view following.
    qtbot.keyClick(pane.browser, Qt.Key.Key_F3)
    assert pane.current_match == 1
    assert (
        pane.browser.textCursor().position()
        == pane.browser.extraSelections()[1].cursor.selectionStart()
    )
    qtbot.keyClick(pane.browser, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert pane.current_match == 0
    qtbot.keyClick(pane.browser, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert pane.current_match == 1
    highlighted = {s.cursor.selectedText() for s in pane.browser.extraSelections()}
    assert highlighted == {"供热"}
    # Esc returns to browsing, and the highlights go.
    qtbot.keyClick(pane.browser, Qt.Key.Key_Escape)
    assert window.middle.currentWidget() is window.article_list
    assert pane.browser.extraSelections() == []


def test_highlights_after_a_character_beyond_the_bmp(qtbot, window, archive):
    window.open_path(str(archive))
    search(qtbot, window, "供热")
    row = hit_titles(window).index("𠮷祥村的新路")
    panel = window.search_panel
    panel.view.setCurrentIndex(panel.model.index(row, 0))
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    (selection,) = window.pane.browser.extraSelections()
    assert selection.cursor.selectedText() == "供热"


def test_facet_filter_and_chart(qtbot, window, archive):
    window.open_path(str(archive))
    search(qtbot, window, "供热")
    panel = window.search_panel
    buttons = panel.facets.buttons
    assert {k: b.text() for k, b in buttons.items()} == {
        "": "All (3)",
        "2021": "2021 (1)",
        "2022": "2022 (2)",
    }
    assert [(b.label, b.count) for b in panel.chart.bars] == [("2021", 1), ("2022", 2)]
    qtbot.mouseClick(buttons["2022"], Qt.MouseButton.LeftButton)
    assert panel.count_label.text() == "Hits: 2"
    assert set(hit_titles(window)) == {"𠮷祥村的新路", "供热工程项目协调会召开"}
    assert panel.facets.buttons["2022"].isChecked()
    # Inside one year the chart shows months; a click on one keeps its hits.
    months = {b.key: b.count for b in panel.chart.bars}
    assert len(months) == 12 and months["2022-01"] == 1 and months["2022-09"] == 1
    chart = panel.chart
    september = QPoint(round(4 + 8.5 * (chart.width() - 8) / 12), chart.height() // 2)
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=september)
    assert hit_titles(window) == ["供热工程项目协调会召开"]
    assert panel.request.month == "2022-09"
    qtbot.mouseClick(panel.facets.buttons[""], Qt.MouseButton.LeftButton)
    assert panel.count_label.text() == "Hits: 3"


def test_sort_newest_and_oldest(qtbot, window, archive):
    window.open_path(str(archive))
    search(qtbot, window, "供热")
    window.action_set.sort_newest.trigger()
    assert hit_titles(window) == ["供热工程项目协调会召开", "𠮷祥村的新路", "冬季供热保障会议召开"]
    window.action_set.sort_oldest.trigger()
    assert hit_titles(window)[0] == "冬季供热保障会议召开"
    assert window.search_panel.sort_box.currentIndex() == 2


def test_query_error_shows_inline(qtbot, window, archive):
    window.open_path(str(archive))
    search(qtbot, window, "date:2022-13")
    panel = window.search_panel
    assert panel.message.isVisible()
    assert "date:" in panel.message.text()
    assert panel.model.rowCount() == 0
    assert window.findChildren(QMessageBox) == []
    # The next good query clears it.
    search(qtbot, window, "供热")
    assert not panel.message.isVisible()


def test_search_history_in_the_field(qtbot, window, archive):
    window.open_path(str(archive))
    search(qtbot, window, "供热")
    search(qtbot, window, "会议")
    assert settings.read("search_history")[:2] == ["会议", "供热"]
    field = window.search_panel.field
    field.clear()
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert field.text() == "会议"
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert field.text() == "供热"
    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert field.text() == "会议"


def test_browsing_in_search_mode_keeps_highlighting(qtbot, window, archive):
    window.open_path(str(archive))
    search(qtbot, window, "会议")
    window.action_set.next_issue.trigger()  # 2022-01-03: no 会议 there
    assert window.pane.match_count == 0
    window.action_set.next_issue.trigger()  # 2022-09-19: 会议 twice in the first article
    assert window.pane.match_count == 2


def open_first_hit(qtbot, window) -> None:
    panel = window.search_panel
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)


def marked(window) -> list[str]:
    return [s.cursor.selectedText() for s in window.pane.browser.extraSelections()]


def test_original_line_breaks_keep_every_match_highlighted(qtbot, window, tmp_path):
    # OCR broke 供热 over a line in the file; the reflowed text heals it.
    paragraphs = ["本报讯 会议强调供\n热工程按期完成。", "𠮷祥村的供热管道\n已铺好。"]
    articles = [("", "供热工程协调会召开", paragraphs, "张伟"), ("", "秋收", ["繁忙。"], "孙丽")]
    issues = [(dt.date(2022, 9, 19), 102, articles)]
    window.open_path(str(write_archive(tmp_path / "split", issues)))
    search(qtbot, window, "供热")
    open_first_hit(qtbot, window)
    pane = window.pane
    assert marked(window) == ["供热", "供热", "供热"]  # the title and the body's two
    qtbot.keyClick(pane.browser, Qt.Key.Key_F3)
    assert pane.current_match == 1
    qtbot.keyClick(pane.browser, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    assert "强调供\n热工程" in pane.browser.toPlainText()
    # The match split by the line break is marked whole (U+2029 is the break), after 𠮷 too.
    assert marked(window) == ["供热", "供\u2029热", "供热"]
    assert pane.current_match == 1
    qtbot.keyClick(pane.browser, Qt.Key.Key_F3)
    assert pane.current_match == 2
    assert (
        pane.browser.textCursor().position()
        == pane.browser.extraSelections()[2].cursor.selectionStart()
    )
    qtbot.keyClick(pane.browser, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert (
        pane.browser.textCursor().position()
        == pane.browser.extraSelections()[1].cursor.selectionStart()
    )
    assert window.status_label.text() == "Match 2 of 3"
    # An article opened in this mode is highlighted in it too.
    window.action_set.next_article.trigger()
    assert pane.article.title == "秋收" and marked(window) == []
    window.action_set.previous_article.trigger()
    assert marked(window) == ["供热", "供\u2029热", "供热"]
    qtbot.keyClick(pane.browser, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    assert marked(window) == ["供热", "供热", "供热"]


def test_a_malformed_query_leaves_browsing_working(qtbot, window, archive):
    window.open_path(str(archive))
    search(qtbot, window, "date:2022-13")
    window.action_set.next_article.trigger()
    window.action_set.original_text.trigger()
    assert window.pane.article.title == "新书屋开放"
    assert window.pane.match_count == 0
    assert window.findChildren(QMessageBox) == []


def test_a_new_query_or_another_archive_clears_the_year_filter(qtbot, window, archive, tmp_path):
    window.open_path(str(archive))
    panel = window.search_panel
    search(qtbot, window, "供热")
    qtbot.mouseClick(panel.facets.buttons["2022"], Qt.MouseButton.LeftButton)
    assert panel.count_label.text() == "Hits: 2"
    # The same query re-run (another order) keeps the filter…
    window.action_set.sort_newest.trigger()
    assert panel.count_label.text() == "Hits: 2"
    assert panel.facets.buttons["2022"].isChecked()
    # …a new one starts unfiltered.
    search(qtbot, window, "会议")
    assert panel.request.year == ""
    assert panel.facets.buttons[""].isChecked()
    assert panel.count_label.text() == "Hits: 2"
    search(qtbot, window, "供热")
    qtbot.mouseClick(panel.facets.buttons["2022"], Qt.MouseButton.LeftButton)
    assert panel.count_label.text() == "Hits: 2"
    # Another archive: the field (its text was about the old one) and the filter are cleared,
    # the history kept.
    window.open_path(str(write_archive(tmp_path / "other")))
    assert panel.field.text() == ""
    assert settings.read("search_history")[:2] == ["供热", "会议"]
    search(qtbot, window, "供热")
    assert panel.request.year == ""
    assert panel.count_label.text() == "Hits: 3"
    assert panel.facets.buttons[""].isChecked()
    assert not panel.facets.buttons["2022"].isChecked()


def test_only_queries_that_ran_go_into_the_history(qtbot, window, archive):
    window.open_path(str(archive))
    search(qtbot, window, "供热")
    search(qtbot, window, "date:2022-13")
    assert window.search_panel.message.isVisible()
    search(qtbot, window, "会议 AND")
    assert settings.read("search_history") == ["供热"]
    search(qtbot, window, "没有这个词")  # no hits, but it ran
    assert settings.read("search_history") == ["没有这个词", "供热"]


def test_a_malformed_query_takes_the_previous_highlights_away(qtbot, window, archive):
    window.open_path(str(archive))
    search(qtbot, window, "供热")
    open_first_hit(qtbot, window)
    assert window.pane.match_count >= 2
    search(qtbot, window, "date:2022-13")
    assert window.search_panel.message.isVisible()
    assert window.pane.match_count == 0
    assert marked(window) == []
