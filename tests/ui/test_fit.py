"""Texts fit where they are shown at the default window size: no label squeezed out of sight."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QApplication

from reader.ui import i18n
from reader.ui.core.note_bar import NoteBar
from tests.ui.conftest import write_archive
from tests.ui.test_search import search


@pytest.fixture
def english():
    yield
    i18n.install(QApplication.instance(), "en")


def one_line(label) -> bool:
    """``label`` needs no more than one line at the width it has."""
    return label.heightForWidth(label.width()) < 2 * label.fontMetrics().lineSpacing()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_hit_count_is_one_line_at_the_default_width(
    qtbot, qapp, window, archive, english, language
):
    i18n.install(qapp, language)
    window.open_path(str(archive))
    panel = window.search_panel
    label = panel.count_label
    for query, count in [("供热", "3"), ("zzzz", "")]:
        search(qtbot, window, query)
        qtbot.waitUntil(lambda q=query: panel.request is not None and panel.request.query == q)
        qtbot.waitUntil(lambda c=count: c in label.text() and label.isVisible())
        assert one_line(label), (label.text(), label.width(), label.height())


def test_a_missing_scans_long_path_wraps_inside_the_page_view(qtbot):
    # The NDNP Nordstern sample's page 6: a path with no space to wrap at, wider than the view.
    path = "batch_mnhi_german_ver01/data/sn83045350/00295876384/1878010301/0016.jp2"
    text = f"The scan of this page, {path}, is not in the archive."
    note = NoteBar()
    qtbot.addWidget(note)
    note.set_text(text)
    box = note.text_rect(300)
    line = note.fontMetrics().lineSpacing()
    assert box.left() >= 0 and box.right() <= 300, box
    assert box.height() >= 3 * line  # wrapped, the path too, rather than cut at both ends
    assert note.heightForWidth(300) > box.height()
    assert not any(path in line for line in note.lines(300))  # broken inside the path


def test_a_note_breaks_lines_between_words_where_it_can(qtbot):
    # Beside the text, the page pane's note broke "pag" / "e images" at any character.
    note = NoteBar()
    qtbot.addWidget(note)
    note.set_text("This issue has only text: the archive has no page images for it.")
    for width in range(120, 400, 7):
        lines = note.lines(width)
        assert len(lines) > 1 or width > 300
        assert all(line.endswith(" ") for line in lines[:-1]), (width, lines)
    note.set_text("One reason.\nAnother reason.")
    assert note.lines(1000) == ["One reason.\u2028", "Another reason."]


def test_the_trends_chart_shows_whole_beside_the_concordance(qtbot, window, archive):
    window.open_path(str(archive))
    window.search_panel.search("供热")
    window.action_set.concordance.trigger()
    window.action_set.trends.trigger()
    view = window.trends.view
    qtbot.waitUntil(lambda: view.chart.isVisible() and view.chart.trend is not None)
    QApplication.processEvents()
    shown = view.scroller.viewport().height()
    # Its axis is at the bottom of the chart: the part in view is the whole chart's height.
    assert shown >= view.chart.height() >= view.chart.minimumHeight(), (shown, view.chart.height())


def test_the_tree_shows_its_issue_labels_whole_at_the_default_size(qtbot, make_window, tmp_path):
    weekly = [
        (dt.date(2022, 9, 19), 1810, [("", "供热工程项目协调会", ["本报讯 会议召开。"], "张伟")])
    ]
    window = make_window()
    window.open_path(str(write_archive(tmp_path / "weekly", weekly)))
    tree, model = window.tree, window.tree_model
    issue = model.issue_index(window.session.library.issues[0].id)
    label = model.data(issue)
    assert label == "19 September 2022 · 总1810期"
    # Three levels in, the label (with the view's margins) needs more than the default 300 px
    # pane leaves the column: it was elided ("19 September 2022 · 总181…").
    assert tree.header().sectionSize(0) >= tree.sizeHintForColumn(0), window.splitter.sizes()
    room = tree.header().sectionSize(0) - tree.visualRect(issue).left()
    assert room > tree.fontMetrics().horizontalAdvance(label)
