"""The page view on real archives, through the library: no test provider, the window's own.

A small hOCR page with its PNG (written here), and the Nordstern issue from ``../shared`` (its
page PDFs as scans): the page opens with its picture, a search's hits are drawn where the
file puts the words, F3 steps through them, and a missing scan is named.
"""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt

from reader.ui.pages.pane import PagePane
from tests.conftest import REPO, shared_path
from tests.library.page_files import BOXES, scaled, write_hocr_issue

NORDSTERN = "samples/open-oni-mnhi-nordstern-1878-01-03"


def page_pane(window) -> PagePane:
    pane = window.findChild(PagePane, "page_pane")
    assert pane is not None
    return pane


def searched(qtbot, window, path, query: str) -> PagePane:
    """Open ``path``, search ``query``, open the first hit and show its page beside the text."""
    window.open_path(str(path))
    qtbot.waitUntil(lambda: window.search_panel.index_ready, timeout=120_000)
    panel = window.search_panel
    panel.focus_field()
    panel.field.setText(query)
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.search_panel.model.rowCount() > 0)
    window.search_panel.view.setFocus()
    qtbot.keyClick(window.search_panel.view, Qt.Key.Key_Down)
    qtbot.keyClick(window.search_panel.view, Qt.Key.Key_Return)
    window.action_set.show_both.trigger()
    pane = page_pane(window)
    qtbot.waitUntil(lambda: pane.view is not None and bool(pane.view.hits), timeout=30_000)
    return pane


def test_the_library_draws_a_searched_words_boxes_on_the_scan(qtbot, make_window, tmp_path):
    window = make_window()
    pane = searched(qtbot, window, write_hocr_issue(tmp_path / "paper"), "harbour")
    (hit,) = pane.view.hits
    assert hit.boxes == (scaled(BOXES["harbour"]),)
    # The scan is decoded by the library in a worker thread and reaches the view's cache.
    qtbot.waitUntil(lambda: len(pane.canvas.picture.loader.cache) > 0, timeout=30_000)
    pane.canvas.setFocus()
    window.action_set.next_match.trigger()
    assert pane.canvas.marks.current == 0
    pane.shutdown()


def test_a_missing_scan_is_named_and_the_words_still_show(qtbot, make_window, tmp_path):
    window = make_window()
    pane = searched(qtbot, window, write_hocr_issue(tmp_path / "paper", image=False), "solid")
    assert pane.view.image_expected == "page1.png"
    assert "page1.png" in pane.note.text
    # No image to scale to: the boxes stay in the page's own pixels.
    assert pane.view.hits[0].boxes == (scaled(BOXES["solid."], 1.0),)
    pane.shutdown()


def test_nordstern_page_with_a_german_words_hits_and_f3(qtbot, make_window):
    folder = shared_path(NORDSTERN)
    window = make_window()
    pane = searched(qtbot, window, folder, "Zeitung")
    assert pane.number == 1 and pane.view.has_image  # page 1's PDF is its scan
    assert len(pane.view.hits) == 2
    # The hit opened is the first match: it is current, outlined (the status bar said "Match
    # 1 of 2" while no box was current, and the first F3 only drew it).
    assert pane.current_hit == 0 and pane.canvas.marks.current == 0
    assert window.status_label.text() == "Match 1 of 2"
    pane.canvas.setFocus()
    marks = []
    for _ in range(3):
        window.action_set.next_match.trigger()
        marks.append(pane.canvas.marks.current)
    assert marks == [1, 0, 1]  # and round again
    assert window.status_label.text() == "Match 2 of 2"
    window.action_set.show_text.trigger()  # F3 is the text's again, and so is the label
    assert window.pane.current_match == 0 and window.status_label.text() == "Match 1 of 2"
    pane.shutdown()


def test_the_page_says_which_matches_of_the_text_it_cannot_mark(qtbot, make_window, tmp_path):
    """The METS gives the article a subtitle the page does not print: the text has two
    matches of "council" (subtitle and body), the page marks one. F3 on the page said
    "Match 1 of 1" after the text's "Match 1 of 2"; it now says the text has one more."""
    folder = shutil.copytree(REPO / "tests" / "data" / "alto" / "mets_issue", tmp_path / "issue")
    window = make_window()
    pane = searched(qtbot, window, folder, "council")
    assert window.status_label.text() == "Match 1 of 2"  # the text's
    assert pane.unmarked == 1
    pane.canvas.setFocus()
    window.action_set.next_match.trigger()
    assert window.status_label.text() == (
        "Match 1 of 1 on the page; the text has 1 more, not marked on the page"
    )
    pane.shutdown()


def test_a_match_only_in_a_made_up_title_is_said_to_be_off_the_page(qtbot, make_window, tmp_path):
    """An advertisement's made-up title (Adv. 1 Page 2) is in the text, on no page."""
    folder = shutil.copytree(REPO / "tests" / "data" / "alto" / "mets_issue", tmp_path / "issue")
    window = make_window()
    window.open_path(str(folder))
    qtbot.waitUntil(lambda: window.search_panel.index_ready, timeout=120_000)
    panel = window.search_panel
    panel.focus_field()
    panel.field.setText('title:"Adv. 1"')
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Down)
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    window.action_set.show_page.trigger()
    pane = page_pane(window)
    qtbot.waitUntil(lambda: pane.view is not None and pane.number == 2)
    assert pane.view.hits == () and pane.unmarked == 1
    window.action_set.next_match.trigger()
    assert window.status_label.text() == "No match is marked on the page; the text has 1"
    pane.shutdown()


def test_turning_the_page_brings_the_article_list_to_an_article_on_it(qtbot, make_window):
    """PgDn showed "Page 2 of 8" while the list still highlighted page 1's article: the list
    (and the text) now follow to the page's article, and the page keeps its place."""
    window = make_window()
    window.open_path(str(shared_path(NORDSTERN)))
    window.action_set.show_page.trigger()
    pane = page_pane(window)
    assert pane.number == 1 and window.article_list.currentIndex().row() == 0
    qtbot.waitUntil(lambda: pane.canvas.viewport().width() > 200)  # laid out
    pane.canvas.setFocus()
    qtbot.keyClick(pane.canvas, Qt.Key.Key_PageDown)
    assert pane.indicator.text() == "Page 2 of 8"
    assert 2 in window.pane.article.pages
    assert window.article_list.currentIndex().row() == 1
    assert window.focusWidget() is pane.canvas, window.focusWidget()  # the keys stay the page's
    # Back a page from the top of page 3: the end of page 2 shows, and stays shown.
    qtbot.keyClick(pane.canvas, Qt.Key.Key_PageDown)
    window.action_set.zoom_in.trigger()
    qtbot.keyClick(pane.canvas, Qt.Key.Key_PageUp)
    bar = pane.canvas.verticalScrollBar()
    assert pane.number == 2 and bar.value() == bar.maximum() > 0
    assert window.article_list.currentIndex().row() == 1 and 2 in window.pane.article.pages
    pane.shutdown()
