"""Opening a search hit with the Scanned Page view shown alone, on the Nordstern issue.

Enter on a hit gave the keyboard to the text hidden behind the page, so PgDn and Space did
nothing; and the status bar's label went back to the text's "Match 1 of 10" while the page's
second box stayed outlined. The keyboard now goes to the page, and the label says the box.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reader.ui.pages.pane import PagePane
from tests.conftest import shared_path

NORDSTERN = "samples/open-oni-mnhi-nordstern-1878-01-03"


def searched(qtbot, window, query: str) -> None:
    """Open the Nordstern issue and search ``query`` from the field, as Ctrl+K and Enter."""
    # Active, so that the focus moving says so (the label counts the matches of the pane
    # with the focus, beside the text).
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.open_path(str(shared_path(NORDSTERN)))
    qtbot.waitUntil(lambda: window.search_panel.index_ready, timeout=120_000)
    panel = window.search_panel
    panel.focus_field()
    panel.field.setText(query)
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0)


def open_hit(qtbot, window) -> None:
    """Down (from the search field into the hits) and Enter: the first hit opens."""
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Down)
    assert window.focusWidget() is window.search_panel.view
    qtbot.keyClick(window.search_panel.view, Qt.Key.Key_Return)


def test_enter_on_a_hit_gives_the_keys_to_the_page_shown_alone(qtbot, make_window):
    window = make_window()
    window.action_set.show_page.trigger()
    searched(qtbot, window, "Minnesota")
    open_hit(qtbot, window)
    pane = window.findChild(PagePane, "page_pane")
    assert window.focusWidget() is pane.canvas, window.focusWidget()
    assert pane.number == 7 and pane.canvas.marks.current == 0
    assert window.status_label.text() == "Match 1 of 10"
    window.action_set.next_match.trigger()
    assert pane.canvas.marks.current == 1
    assert window.status_label.text() == "Match 2 of 10"
    # The page shown again, beside the text, and the keys given back to it: it keeps its
    # box 2 outlined, and the label says so (it said the text's "Match 1 of 10", and the
    # next F3 went to "Match 3 of 10").
    window.action_set.show_both.trigger()
    pane.canvas.setFocus()
    assert pane.canvas.marks.current == 1
    assert window.status_label.text() == "Match 2 of 10"
    window.action_set.next_match.trigger()
    assert window.status_label.text() == "Match 3 of 10"
    window.action_set.show_page.trigger()
    assert window.status_label.text() == "Match 3 of 10"
    # Space to the end of page 7 and on: page 8's article shows, none of its boxes current,
    # and the label counts no match of the text's until F3.
    qtbot.waitUntil(lambda: pane.canvas.viewport().width() > 200)  # laid out
    while pane.number == 7:
        qtbot.keyClick(pane.canvas, Qt.Key.Key_Space)
    assert pane.number == 8 and pane.canvas.marks.current == -1
    assert "Match" not in window.status_label.text()
    window.action_set.next_match.trigger()
    assert pane.canvas.marks.current == 0
    assert window.status_label.text() == f"Match 1 of {pane.hit_count}"
    pane.shutdown()


def test_enter_on_a_hit_gives_the_keys_to_the_text_beside_the_page(qtbot, make_window):
    window = make_window()
    window.action_set.show_both.trigger()
    searched(qtbot, window, "Minnesota")
    open_hit(qtbot, window)
    assert window.focusWidget() is window.pane.browser, window.focusWidget()
    window.findChild(PagePane, "page_pane").shutdown()
