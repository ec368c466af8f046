"""Search matches in an article's byline and column: marked, counted and stepped to in the text."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.library.concordance import concordance
from reader.ui.search.concordance_model import FIELD
from tests.conftest import SAMPLE_ISSUES
from tests.ui.test_concordance import column, open_concordance
from tests.ui.test_search import open_first_hit, search


def current(window) -> tuple[str, str]:
    """The current search match's text and the text of the line (block) it is on."""
    pane = window.pane
    selection = pane.browser.extraSelections()[pane.current_match]
    cursor = selection.cursor
    return cursor.selectedText(), cursor.block().text()


def in_view(window) -> bool:
    pane = window.pane
    selections = pane.browser.extraSelections()
    place = pane.browser.cursorRect(selections[pane.current_match].cursor)
    return pane.browser.viewport().rect().contains(place)


def test_a_byline_match_is_marked_counted_and_stepped_to_first(qtbot, window):
    window.open_path(str(SAMPLE_ISSUES))
    search(qtbot, window, "郭强")
    open_first_hit(qtbot, window)
    pane = window.pane
    # As many matches as the concordance has lines for the article: the byline's and the text's.
    lines = concordance(window.library, "郭强").lines
    lines = [line for line in lines if line.article_id == pane.article.id]
    assert sorted(line.field for line in lines) == ["body", "body", "byline"]
    assert pane.match_count == len(lines) == 3
    # In document order: the byline (张晓明　郭强, set apart by a full-width space) first.
    assert current(window) == ("郭强", "张晓明\u3000郭强")
    assert window.status_label.text() == "Match 1 of 3"
    qtbot.keyClick(pane.browser, Qt.Key.Key_F3)
    text, block = current(window)
    assert text == "郭强" and block != "张晓明\u3000郭强"
    assert window.status_label.text() == "Match 2 of 3"


def test_a_column_line_opens_with_its_match_current_and_in_view(qtbot, window):
    window.open_path(str(SAMPLE_ISSUES))
    view = open_concordance(qtbot, window, "长子")
    row = column(view, FIELD).index("Column")
    line = view.model.lines[row]
    rect = view.table.visualRect(view.model.index(row, FIELD))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    pane = window.pane
    assert pane.article.id == line.article_id
    assert pane.match_count == 1
    assert current(window) == ("长子", "【抓党建促基层治理能力提升·长子行】")
    assert in_view(window)
    assert window.status_label.text() == "Match 1 of 1"
