"""Placing the text pane's view: a readable column width, scrolling to a position or fraction."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextBrowser

# The widest the text runs before the margins grow: long CJK lines tire the eye.
MAX_TEXT_WIDTH = 760


def fit_margins(browser: QTextBrowser) -> None:
    """Widen the document's side margins so its text column is at most MAX_TEXT_WIDTH."""
    document = browser.document()
    frame = document.rootFrame().frameFormat()
    spare = browser.viewport().width() - MAX_TEXT_WIDTH
    side = max(24.0, spare / 2)
    if frame.leftMargin() != side:
        frame.setLeftMargin(side)
        frame.setRightMargin(side)
        document.rootFrame().setFrameFormat(frame)


def scroll_to(browser: QTextBrowser, position: int) -> None:
    """Put the cursor at ``position`` and bring it to a third of the way down the view."""
    cursor = QTextCursor(browser.document())
    cursor.setPosition(position)
    browser.setTextCursor(cursor)
    rect = browser.cursorRect(cursor)
    bar = browser.verticalScrollBar()
    bar.setValue(bar.value() + rect.top() - browser.viewport().height() // 3)


def scroll_fraction(browser: QTextBrowser) -> float:
    """How far down the document the view is, from 0 to 1."""
    bar = browser.verticalScrollBar()
    return bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0


def set_scroll_fraction(browser: QTextBrowser, fraction: float) -> None:
    """Scroll to ``fraction`` of the document (laying it out first)."""
    browser.document().documentLayout().documentSize()
    bar = browser.verticalScrollBar()
    bar.setValue(round(max(0.0, min(1.0, fraction)) * bar.maximum()))


def visible_positions(browser: QTextBrowser, around: int = 0) -> tuple[int, int]:
    """The document positions at the view's top left and bottom right corners.

    With ``around``, the view is taken as that many view heights taller above and below.
    """
    width, height = browser.viewport().width(), browser.viewport().height()
    first = browser.cursorForPosition(QPoint(0, -around * height)).position()
    last = browser.cursorForPosition(QPoint(width, (1 + around) * height)).position()
    return first, last
