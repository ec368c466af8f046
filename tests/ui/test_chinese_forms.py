"""Dates and numbers by interface language, and Qt's own dialogs in Chinese."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QTableView, QTreeView

from reader.index.results import Hit
from reader.index.snippets import Snippet
from reader.model import Issue
from reader.ui import i18n
from reader.ui.browse.go_to_date import GoToDateDialog
from reader.ui.core import formatting
from reader.ui.core.rows import HTML_ROLE
from reader.ui.search.results_model import hit_html
from tests.ui.test_search import search

ISSUE = Issue(
    id="i", publication="今日长子", date=dt.date(2022, 9, 19), numbers_printed=("总1810期",)
)


@pytest.fixture
def chinese(qapp):
    i18n.install(qapp, "zh_CN")
    yield
    i18n.install(qapp, "en")


def test_forms_in_chinese_and_english():
    day = dt.date(2022, 9, 19)
    bare = Issue(id="b", publication="p", date=day, number="1810")
    assert [
        formatting.date(day, "zh_CN"),
        formatting.month(9, "zh_CN"),
        formatting.year(2022, "zh_CN"),
        formatting.year_month(2022, 9, "zh_CN"),
        formatting.page("1", "zh_CN"),
        formatting.issue_number(ISSUE, "zh_CN"),
        formatting.issue_number(bare, "zh_CN"),
        formatting.articles(12, "zh_CN"),
        formatting.labelled("9月", "12 篇", "zh_CN"),
        formatting.date(None, "zh_CN"),
    ] == ["2022年9月19日", "9月", "2022年", "2022年9月", "第1版", "总1810期", "第1810期", "12 篇",
          "9月：12 篇", "日期不详"]  # fmt: skip
    assert [
        formatting.date(day, "en"),
        formatting.month(9, "en"),
        formatting.month(9, "en", short=True),
        formatting.year(2022, "en"),
        formatting.page("1", "en"),
        formatting.issue_number(bare, "en"),
        formatting.articles(1, "en"),
        formatting.articles(1234, "en"),
        formatting.issue_label(bare, "en"),
    ] == ["19 September 2022", "September", "Sep", "2022", "p. 1", "No. 1810", "1 article",
          "1,234 articles", "19 September 2022 · No. 1810"]  # fmt: skip


def test_the_interface_language_is_the_default(chinese):
    assert formatting.issue_label(ISSUE) == "2022年9月19日 · 总1810期"
    assert formatting.listing(["Enter", "Shift+Enter"]) == "Enter、Shift+Enter"


def test_a_hit_shows_its_date_issue_number_and_page(chinese):
    hit = Hit("a", "i", "今日长子", ISSUE.date, "标题", "1", Snippet("正文", ()), 1.0)
    html = hit_html(hit, ISSUE)
    assert '<div class="meta">2022年9月19日 · 今日长子 · 总1810期 · 第1版</div>' in html
    i18n.install(QApplication.instance(), "en")
    assert "19 September 2022 · 今日长子 · 总1810期 · p. 1" in hit_html(hit, ISSUE)


def test_search_in_chinese_words_the_hits_and_the_chart(qtbot, window, archive, chinese):
    window.open_path(str(archive))
    search(qtbot, window, "供热")
    panel = window.search_panel
    model = panel.model
    metas = {
        model.data(model.index(r, 0)): model.data(model.index(r, 0), HTML_ROLE) for r in range(3)
    }
    assert "2022年9月19日 · 测试周报 · 总102期" in metas["供热工程项目协调会召开"]
    assert panel.facets.buttons[""].text() == "全部（3）"
    assert [b.tip for b in panel.chart.bars] == ["2021年：1 篇", "2022年：2 篇"]
    qtbot.mouseClick(panel.facets.buttons["2022"], Qt.MouseButton.LeftButton)
    bars = panel.chart.bars
    assert [b.label for b in bars] == [f"{m}月" for m in range(1, 13)]
    assert (bars[8].tip, bars[0].tip, bars[1].tip) == ("9月：1 篇", "1月：1 篇", "2月：0 篇")


def test_the_calendar_and_the_nearest_issue_in_chinese(qtbot, window, archive, chinese):
    window.open_path(str(archive))
    window.action_set.go_to_date.trigger()
    dialog = window.findChild(GoToDateDialog)
    assert dialog is not None
    dialog.calendar.setSelectedDate(dt.date(2022, 6, 1))
    assert dialog.nearest_label.text() == "日期最接近的一期：2022年9月19日 · 总102期"
    assert dialog.calendar.locale().name() == "zh_CN"
    qtbot.waitExposed(dialog)
    # Qt itself writes 六月 2022; the header is reworded as it is drawn.
    qtbot.waitUntil(lambda: dialog.calendar.header() == "2022年 6月")
    dialog.calendar.showNextMonth()
    qtbot.waitUntil(lambda: dialog.calendar.header() == "2022年 7月")
    grid = dialog.calendar.findChild(QTableView, "qt_calendar_calendarview")
    weekdays = [grid.model().index(0, c).data() for c in range(1, 8)]
    assert weekdays == ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
    dialog.reject()


def test_the_calendar_in_english(qtbot, qapp):
    i18n.install(qapp, "en")
    dialog = GoToDateDialog([ISSUE], dt.date(2022, 9, 19))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.calendar.header() == "September 2022")


def test_qt_file_dialog_in_chinese(qtbot, tmp_path, chinese):
    (tmp_path / "folder").mkdir()
    dialog = QFileDialog(None, "", str(tmp_path), "Issues (*.txt);;All files (*)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    # The first two are newer than PySide6's qtbase_zh_CN.qm: our supplement has them.
    assert labels["lookInLabel"] == "查找范围(&L)："
    assert labels["fileTypeLabel"] == "文件类型(&T)："
    assert labels["fileNameLabel"] == "文件名称(&N)："
    view = dialog.findChild(QTreeView, "treeView")
    model = view.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["名称", "大小", "类型", "修改日期"]

    def folder_type() -> str:
        root = view.rootIndex()
        rows = [model.index(r, 0, root) for r in range(model.rowCount(root))]
        return next((i.siblingAtColumn(2).data() for i in rows if i.data() == "folder"), "")

    qtbot.waitUntil(lambda: folder_type() == "文件夹")
