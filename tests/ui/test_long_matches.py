"""Thousands of search matches in one long paragraph: marked without freezing the window."""

from __future__ import annotations

import datetime as dt
import gc
import time

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor, QTextDocument

from reader.ui.reading.article_matches import MOST_MARKED
from reader.ui.reading.text_matches import Matches
from reader.ui.reading.text_view import visible_positions
from tests.ui.conftest import type_text, write_archive

# 100 characters with one match of 供热, after a character beyond the BMP (two Qt positions).
UNIT = "𠮷祥村" + "工程按期完成" * 15 + "供热" + "县城" * 2 + "。"
assert len(UNIT) == 100 and UNIT.count("供热") == 1


def one_paragraph(day: int, title: str, paragraph: str):
    """An issue of one article whose text is one paragraph."""
    return (dt.date(2022, 10, day), day, [("", title, [paragraph], "本报记者")])


def search(qtbot, window, text: str) -> None:
    qtbot.keyClick(window.tree, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    window.search_panel.field.clear()
    type_text(window.search_panel.field, text)
    qtbot.keyClick(window.search_panel.field, Qt.Key.Key_Return)


def open_article(window, title: str):
    """Open the article called ``title`` (as the tree and the article list would)."""
    for issue in window.library.issues:
        for article in issue.articles:
            if article.title == title:
                window.browser.go_to(issue.id, article.id)
                assert window.pane.article.id == article.id
                return window.pane.article
    raise AssertionError(title)


def marking_time(window, article) -> float:
    """The least time of five to place and mark the search's matches in the open article.

    The least, so that a pause of the machine's in one run does not count.
    """
    spans = window.search_panel.spans_for(article.id)
    times = []
    for _ in range(5):
        window.pane.set_spans(())
        gc.collect()
        start = time.perf_counter()
        window.pane.set_spans(spans)
        times.append(time.perf_counter() - start)
    return min(times)


def highlighted(window) -> list[str]:
    return [s.cursor.selectedText() for s in window.pane.browser.extraSelections()]


def test_marking_takes_time_in_proportion_to_the_text(qtbot, window, tmp_path):
    # 1,000 matches in 100,000 characters, then 4,000 in 400,000: counting the UTF-16 units
    # before each match again took 16 times as long for the second (minutes in a 6 MB line).
    issues = [one_paragraph(10, "一倍", UNIT * 1000), one_paragraph(11, "四倍", UNIT * 4000)]
    window.open_path(str(write_archive(tmp_path / "long", issues)))
    search(qtbot, window, "供热")
    times = {}
    for title, hits in (("一倍", 1000), ("四倍", 4000)):
        times[title] = marking_time(window, open_article(window, title))
        assert window.pane.match_count == hits
        assert set(highlighted(window)) == {"供热"}
    assert times["四倍"] < 8 * times["一倍"], times


def test_matches_are_highlighted_where_the_view_is_and_f3_reaches_them_all(qtbot, window, tmp_path):
    window.open_path(
        str(write_archive(tmp_path / "long", [one_paragraph(10, "长文", UNIT * 4000)]))
    )
    search(qtbot, window, "供热")
    open_article(window, "长文")
    pane = window.pane
    assert pane.match_count == 4000
    # Qt redoes every highlight on each change and paint: only those in and near the view.
    assert 0 < len(highlighted(window)) < 400
    assert set(highlighted(window)) == {"供热"}
    # Shift+F3 from the start wraps to the last match, at the end: it is highlighted there.
    qtbot.keyClick(pane.browser, Qt.Key.Key_F3)
    assert pane.current_match == 0
    qtbot.keyClick(pane.browser, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert pane.current_match == 3999
    assert window.status_label.text() == "Match 4000 of 4000"
    at_cursor = pane.browser.textCursor().position()
    current = [s for s in pane.browser.extraSelections() if s.cursor.selectionStart() == at_cursor]
    assert [s.cursor.selectedText() for s in current] == ["供热"]
    assert pane.browser.document().find("供热", current[0].cursor.selectionEnd()).isNull()
    # Scrolling back to the top highlights the matches there again.
    pane.browser.verticalScrollBar().setValue(0)
    assert min(s.cursor.selectionStart() for s in pane.browser.extraSelections()) < 1000
    assert set(highlighted(window)) == {"供热"}


def test_an_article_with_more_matches_than_are_marked_says_so(qtbot, window, tmp_path):
    more = MOST_MARKED + 2000
    window.open_path(
        str(write_archive(tmp_path / "many", [one_paragraph(10, "满篇", "供热的" * more)]))
    )
    open_article(window, "满篇")
    search(qtbot, window, "供热")
    pane = window.pane
    assert (pane.match_count, pane.match_total) == (MOST_MARKED, more)
    assert window.status_label.text() == (
        "The article has 12,000 matches: the first 10,000 are marked."
    )
    qtbot.keyClick(pane.browser, Qt.Key.Key_F3)
    assert window.status_label.text() == (
        "Match 1 of the first 10,000 marked (the article has 12,000)"
    )
    qtbot.keyClick(pane.browser, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert pane.current_match == MOST_MARKED - 1
    assert set(highlighted(window)) == {"供热"}


def test_the_places_touching_a_stretch_of_the_document():
    places = Matches()
    places.reset([(0, 4), (10, 20), (30, 31), (40, 60)])
    assert list(places.between(15, 40)) == [1, 2, 3]  # one running in, one starting at the end
    assert list(places.between(21, 29)) == []
    assert list(places.between(0, 100)) == [0, 1, 2, 3]


def test_the_first_step_back_is_the_last_place_and_forward_the_first():
    places = Matches()
    places.reset([(0, 4), (10, 20), (30, 31)])
    assert places.step(-1) == (30, 31) and places.current == 2
    places.reset(places.positions)
    assert places.step(1) == (0, 4) and places.current == 0


def test_a_zoom_step_places_the_highlights_once_where_the_view_ends_up(
    qtbot, window, tmp_path, monkeypatch
):
    # Each placing costs Qt a pass over the long paragraph's lines: a zoom step placed them
    # four times (for the old view, the new document, the match restored, the scroll), 1.4 s.
    window.open_path(
        str(write_archive(tmp_path / "long", [one_paragraph(10, "长文", UNIT * 4000)]))
    )
    search(qtbot, window, "供热")
    open_article(window, "长文")
    pane = window.pane
    qtbot.keyClick(pane.browser, Qt.Key.Key_F3)
    qtbot.keyClick(pane.browser, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    placed = []
    setter = pane.browser.setExtraSelections
    monkeypatch.setattr(
        pane.browser, "setExtraSelections", lambda s: (placed.append(len(s)), setter(s))
    )
    pane.set_zoom(pane.zoom + 1)
    assert [n for n in placed if n] == placed[-1:]  # cleared with the old document, placed once
    assert pane.current_match == 3999  # the view and its highlight stay at the last match
    assert set(highlighted(window)) == {"供热"}
    document = pane.browser.document()
    last = document.find("供热", document.characterCount(), QTextDocument.FindFlag.FindBackward)
    starts = {s.cursor.selectionStart() for s in pane.browser.extraSelections()}
    assert last.selectionStart() in starts


def test_the_positions_in_view_are_where_qt_puts_the_view_s_lines(qtbot, window, tmp_path):
    window.open_path(
        str(write_archive(tmp_path / "long", [one_paragraph(10, "长文", UNIT * 2000)]))
    )
    open_article(window, "长文")
    browser = window.pane.browser
    for fraction in (0.0, 0.37, 1.0):
        window.pane.set_scroll_fraction(fraction)
        first, last = visible_positions(browser)
        corner = browser.cursorForPosition(QPoint(0, 0))
        corner.movePosition(QTextCursor.MoveOperation.StartOfLine)
        assert first == corner.position()
        bottom = browser.cursorForPosition(QPoint(0, browser.viewport().height()))
        assert first < bottom.position() <= last
