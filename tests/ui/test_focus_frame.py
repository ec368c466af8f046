"""The text and the page show, by a thin highlight-coloured frame, that the keyboard is in them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from reader.ui.core.focus_frame import FocusFrame
from tests.ui.test_look import go_dark, light  # noqa: F401 (a fixture)


def frame_of(pane) -> FocusFrame:
    return pane.findChild(FocusFrame, "focus_frame")


def edge_colour(pane):
    """The colour of the pane's top left pixel, as drawn on screen."""
    return pane.grab().toImage().pixelColor(0, 0)


def test_f6_into_the_text_and_the_page_frames_them_in_either_palette(
    qtbot,
    qapp,
    window,
    archive,
    light,  # noqa: F811
):
    window.open_path(str(archive))
    window.action_set.show_both.trigger()
    text, page = window.pane, window.area.pages.pane
    window.area.pages.split.setSizes([400, 400])  # a text archive leaves the page no width
    window.tree.setFocus()
    qtbot.waitUntil(window.tree.hasFocus)

    def f6():
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)

    f6()  # the articles: a list shows its selection
    assert not frame_of(text).isVisible() and not frame_of(page).isVisible()
    f6()
    assert frame_of(text).isVisible() and not frame_of(page).isVisible()
    assert frame_of(text).geometry() == text.rect()
    assert edge_colour(text) == text.palette().color(QPalette.ColorRole.Highlight)
    f6()
    assert frame_of(page).isVisible() and not frame_of(text).isVisible()
    assert edge_colour(page) == page.palette().color(QPalette.ColorRole.Highlight)
    dark = go_dark(qtbot, qapp)
    assert edge_colour(page) == dark.color(QPalette.ColorRole.Highlight)
    f6()
    assert not frame_of(page).isVisible()
