"""The first run: the start page, the sample archive, and saying why nothing shows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from reader.library import resources
from reader.ui.app.about import AboutDialog
from reader.ui.core import settings


def test_first_run_shows_the_start_page_not_three_empty_panes(window):
    assert window.stack.currentWidget() is window.start_page
    assert not window.area.isVisible()
    page = window.start_page
    for button in (page.folder_button, page.zip_button, page.sample_button):
        assert button.isVisible() and button.text()
    assert "Ctrl+O" in page.folder_button.text()
    assert not page.recent_box.isVisible()  # nothing opened before: no empty heading
    assert not page.icon.pixmap().isNull()
    assert page.drop_zone.isVisible()


def test_the_start_page_lists_recent_archives_and_a_click_opens_one(make_window, archive):
    settings.remember("recent", str(archive), settings.MAX_RECENT)
    window = make_window()
    page = window.start_page
    assert page.recent_box.isVisible()
    assert [b.description() for b in page.recent_buttons] == [str(archive)]
    QTest.mouseClick(page.recent_buttons[0], Qt.MouseButton.LeftButton)
    assert window.opened_path == str(archive)
    assert window.stack.currentWidget() is window.area


def test_open_the_sample_archive_opens_the_seed_issue(qtbot, window):
    QTest.mouseClick(window.start_page.sample_button, Qt.MouseButton.LeftButton)
    assert window.library is not None
    assert window.opened_path == str(resources.sample_archive())
    assert len(window.library.issues) == 1
    assert window.library.archive.article_count == 8
    assert window.article_model.rowCount() == 8
    assert window.area.isVisible() and not window.start_page.isVisible()
    assert window.pane.article is not None


def test_an_empty_folder_says_it_holds_no_issue_files(window, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    window.open_path(str(empty))
    assert window.library is not None and not window.library.issues
    text = window.pane.browser.toPlainText()
    assert "empty holds no issue files" in text
    assert "›" not in text  # no pointer to a menu item
    assert not window.problems_panel.isVisible()


def test_a_folder_of_unreadable_files_opens_the_problems_panel(window, tmp_path):
    folder = tmp_path / "unreadable"
    folder.mkdir()
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02 not text")
    (folder / "empty.md").write_bytes(b"")
    window.open_path(str(folder))
    assert not window.library.issues and len(window.library.problems) == 2
    assert window.problems_panel.isVisible()
    assert window.problems_panel.model.rowCount() == 2
    assert window.action_set.problems.isEnabled() and window.action_set.problems.isChecked()
    text = window.pane.browser.toPlainText()
    assert "Problems panel" in text and "›" not in text


def test_a_search_typed_with_no_archive_says_why(qtbot, window):
    field = window.search_panel.field
    window.action_set.search.trigger()
    QTest.keyClicks(field, "heat")
    QTest.keyClick(field, Qt.Key.Key_Return)
    message = window.statusBar().currentMessage()
    assert "No archive is open" in message
    assert window.library is None


def test_about_clear_is_disabled_with_no_archive(window):
    window.action_set.about.trigger()
    dialog = window.findChild(AboutDialog)
    assert not dialog.clear_button.isEnabled()
    dialog.close()
