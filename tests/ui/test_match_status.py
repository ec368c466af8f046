"""The status bar's word on the matches: current for the search and article shown, the find bar's."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import type_text, write_archive
from tests.ui.test_long_matches import one_paragraph, open_article, search


def test_the_status_follows_the_search_the_article_and_the_find_bar(qtbot, window, tmp_path):
    text = "供热的" * 12_000 + "协调"
    window.open_path(str(write_archive(tmp_path / "many", [one_paragraph(10, "满篇", text)])))
    open_article(window, "满篇")
    search(qtbot, window, "供热")
    pane, label, bar = window.pane, window.status_label, window.statusBar()
    qtbot.keyClick(pane.browser, Qt.Key.Key_F3)
    assert label.text() == "Match 1 of the first 10,000 marked (the article has 12,000)"
    # A menu's status tip (or any message's end) clears the message: the matches' word stays.
    bar.showMessage("A status tip")
    bar.clearMessage()
    assert label.isVisible() and label.text().startswith("Match 1 of the first 10,000")
    # The find bar's places, when it is open with text: counted as the rest of the window.
    qtbot.keyClick(pane.browser, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_text(pane.find_bar.field, "的")
    assert pane.find_bar.count.text() == "1/12,000"  # as the status bar counts
    assert label.text() == "Found in the article: 1 of 12,000"
    qtbot.keyClick(pane.find_bar.field, Qt.Key.Key_Return)
    assert label.text() == "Found in the article: 2 of 12,000"
    qtbot.keyClick(pane.find_bar.field, Qt.Key.Key_Escape)
    assert label.text().startswith("Match 1 of the first 10,000")
    # Another search, the article still open: nothing is said of the old one's matches.
    search(qtbot, window, "协调")
    assert pane.match_count == 1
    assert bar.currentMessage() == "" and label.text().startswith("Opened ")
    qtbot.keyClick(pane.browser, Qt.Key.Key_F3)
    assert label.text() == "Match 1 of 1"
    # Leaving the search: no matches, so what is open.
    qtbot.keyClick(pane.browser, Qt.Key.Key_Escape)
    assert label.text().startswith("Opened ")


def test_a_message_stays_when_the_focus_moves_while_a_match_is_current(qtbot, window, tmp_path):
    # The label is asked again on every focus change (whose F3 it is may change with it):
    # the same matches' text again took away a message just shown.
    window.open_path(
        str(write_archive(tmp_path / "few", [one_paragraph(10, "短文", "供热工程，" * 3)]))
    )
    open_article(window, "短文")
    search(qtbot, window, "供热")
    pane, bar = window.pane, window.statusBar()
    qtbot.keyClick(pane.browser, Qt.Key.Key_F3)
    assert window.status_label.text() == "Match 1 of 3"
    window.show_message("Saved the search.")
    window.tree.setFocus()
    window.area.pages.hits_moved.emit()  # as a focus change emits it (offscreen emits none)
    assert bar.currentMessage() == "Saved the search."
    qtbot.keyClick(pane.browser, Qt.Key.Key_F3)  # a match that moved takes it away
    assert bar.currentMessage() == "" and window.status_label.text() == "Match 2 of 3"
