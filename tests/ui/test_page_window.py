"""The page view in the window: View › Text / Scanned Page / both, one key going round them,
remembered; a click on a word shows that article's text there; zoom goes to the page shown."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reader.formats.common.opening import open_source
from reader.library import Library
from reader.library.pages import PageView
from reader.model import Page, Region, Word
from reader.ui.app.chrome import zoom_percent
from reader.ui.app.shortcuts import ShortcutsDialog, plain_text, shortcut_text
from reader.ui.core import settings
from tests.ui.page_images import FilePages
from tests.ui.test_page_view import scan

SIZE = (1000, 1400)
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def paged(make_window, archive, tmp_path):
    """A window on the generated archive, its open issue given a scanned page."""
    window = make_window()
    window.open_path(str(archive))
    library = window.library
    issue = window.pane.issue
    first, second = (library.with_text(a) for a in issue.articles[:2])
    words = [
        Word(first.paragraphs[0].split(" ")[0], (100, 100, 400, 150), "r1", first.id),
        Word(first.paragraphs[0].split(" ")[1], (100, 170, 900, 220), "r1", first.id),
        Word(second.paragraphs[0], (100, 700, 900, 750), "r2", second.id),
    ]
    regions = (
        Region("r1", (80, 80, 920, 600), first.id),
        Region("r2", (80, 680, 920, 900), second.id),
    )
    scan(tmp_path / "page1.png", words, SIZE)
    page = Page(1, image="page1.png", width=SIZE[0], height=SIZE[1])
    # A new library of the archive as it is read, text and all, the issue given its page.
    articles = tuple(replace(library.with_text(a), pages=(1,)) for a in issue.articles)
    paged_issue = replace(issue, pages=(page,), articles=articles, text_digest="")
    issues = tuple(
        paged_issue if i.id == issue.id else library.issue_with_text(i)
        for i in library.archive.issues
    )
    root = Path(library.archive.root)
    window.session.replace(
        Library(replace(library.archive, issues=issues), open_source(root), root)
    )
    window.browser.go_to(issue.id, first.id)
    views = {(issue.id, 1): PageView(issue.id, page, SIZE, regions, tuple(words))}
    window.area.pages.set_provider(FilePages(tmp_path, views))
    yield window, words
    window.area.pages.pane.shutdown()


def test_one_key_goes_round_text_page_and_both_and_is_remembered(qtbot, paged, make_window):
    window, _ = paged
    pages, text = window.area.pages, window.pane
    assert pages.mode == "text" and not pages.pane.isVisible() and text.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_V, CTRL_SHIFT)
    assert pages.mode == "page" and pages.pane.isVisible() and not text.isVisible()
    assert window.action_set.show_page.isChecked()
    assert pages.pane.number == 1 and pages.pane.indicator.text() == "Page 1 of 1"
    qtbot.keyClick(window, Qt.Key.Key_V, CTRL_SHIFT)
    assert pages.mode == "both" and pages.pane.isVisible() and text.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_V, CTRL_SHIFT)
    assert pages.mode == "text" and not pages.pane.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert pages.mode == "page" and settings.read("page_mode") == "page"
    again = make_window()
    assert again.area.pages.mode == "page" and again.action_set.show_page.isChecked()


def test_the_view_menu_and_the_shortcuts_dialog_list_the_views(paged):
    window, _ = paged
    texts = [plain_text(a.text()) for a in window.menus.view.actions()]
    assert texts[4:8] == ["Text", "Scanned Page", "Text and Page", "Switch Text/Page"]
    dialog = ShortcutsDialog(window.menus.all_actions(), window)
    rows = {
        dialog.model.item(r, 0).text(): dialog.model.item(r, 1).text()
        for r in range(dialog.model.rowCount())
    }
    assert rows["Switch Text/Page"] == shortcut_text(window.action_set.switch_view)
    assert "Ctrl+Shift+V" in rows["Switch Text/Page"] and "Ctrl+2" in rows["Scanned Page"]


def test_the_page_outlines_the_article_shown(qtbot, paged):
    window, _ = paged
    window.action_set.show_page.trigger()
    canvas = window.area.pages.pane.canvas
    assert canvas.marks.outlined == ((80, 80, 920, 600),)
    window.action_set.next_article.trigger()
    assert canvas.marks.outlined == ((80, 680, 920, 900),)
    assert window.area.pages.pane.number == 1


def test_a_click_on_a_word_shows_its_article_at_that_place(qtbot, paged):
    window, words = paged
    window.action_set.show_page.trigger()
    canvas = window.area.pages.pane.canvas
    second = words[2]
    qtbot.mouseClick(
        canvas.viewport(),
        Qt.MouseButton.LeftButton,
        pos=canvas.to_view_rect(second.box).center().toPoint(),
    )
    assert window.pane.article.id == second.article
    assert window.article_list.currentIndex().row() == 1
    assert window.area.pages.mode == "both"  # the text had to show
    window.action_set.show_page.trigger()
    target = words[1]  # the first article's second word: offset len(first word) + 1
    qtbot.mouseClick(
        canvas.viewport(),
        Qt.MouseButton.LeftButton,
        pos=canvas.to_view_rect(target.box).center().toPoint(),
    )
    assert window.pane.article.id == target.article
    assert window.pane.browser.textCursor().selectedText().startswith(target.text[:2])


def test_zoom_and_f3_go_to_the_page_when_it_is_shown_alone(qtbot, paged):
    window, _ = paged
    window.pane.setFocus()
    window.action_set.show_page.trigger()
    canvas = window.area.pages.pane.canvas
    assert window.area.pages.pane.isAncestorOf(window.focusWidget())
    qtbot.waitUntil(lambda: canvas.viewport().width() > 200)  # laid out, fitting its width
    window.pane.set_zoom(1)  # the text is at 110 %
    note = window.indicators.zoom_button
    assert note.isHidden()  # the page fits its width: no zoom to note (not the text's 110 %)
    scale, text_zoom = canvas.scale, window.pane.zoom
    window.action_set.zoom_in.trigger()
    assert canvas.scale == pytest.approx(scale * 1.25) and window.pane.zoom == text_zoom
    # The status bar notes the page's zoom, not the text's.
    assert note.isVisibleTo(window) and note.text() == f"{round(canvas.scale * 100)}%"
    assert note.accessibleName() == f"Page zoom: {note.text()}"
    window.action_set.zoom_reset.trigger()
    assert canvas.scale == pytest.approx(scale) and canvas.fit
    assert note.isHidden()
    window.action_set.zoom_in.trigger()
    window.action_set.show_text.trigger()  # the text's zoom again, as the keys are the text's
    assert note.isVisibleTo(window) and note.text() == f"{zoom_percent(text_zoom)}%"
    window.action_set.zoom_in.trigger()
    assert window.pane.zoom == text_zoom + 1 and canvas.scale == pytest.approx(scale * 1.25)
    assert note.text() == f"{zoom_percent(text_zoom + 1)}%"


def test_an_issue_without_pages_shows_its_text_in_the_page_view(qtbot, paged):
    window, _ = paged
    pages, text = window.area.pages, window.pane
    paged_issue = text.issue
    text.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert pages.pane.isVisible() and not text.isVisible()
    # The other issues of the generated archive have only text: it shows, and the keys go to it.
    window.action_set.next_issue.trigger()
    assert not text.issue.pages
    assert text.isVisible() and not pages.pane.isVisible() and text.hasFocus()
    assert text.note.isVisible() and text.note.text.startswith("This issue has only text")
    zoom = text.zoom
    window.action_set.zoom_in.trigger()
    assert text.zoom == zoom + 1
    # The page view is still the one chosen: the next issue with pages shows its page.
    assert pages.mode == "page" and window.action_set.show_page.isChecked()
    assert settings.read("page_mode") == "page"
    window.browser.go_to(paged_issue.id)
    assert pages.pane.isVisible() and not text.isVisible()
    assert pages.pane.indicator.text() == "Page 1 of 1"
    assert not text.note.text  # and the text no longer says why it is there


def test_a_text_archive_opened_in_the_page_view_shows_its_text(qtbot, make_window, archive):
    settings.write(page_mode="page")
    window = make_window()
    window.open_path(str(archive))
    assert window.pane.article is not None and window.pane.isVisible()
    assert not window.area.pages.pane.isVisible()
    assert window.action_set.show_page.isChecked()
    # Said above the text, not in the status bar: opening's own messages replaced it there.
    assert window.pane.note.isVisible()
    assert window.pane.note.text.startswith("This issue has only text")
    window.action_set.show_both.trigger()  # the page pane says it then: the text's note goes
    assert window.area.pages.pane.isVisible() and not window.pane.note.isVisible()
