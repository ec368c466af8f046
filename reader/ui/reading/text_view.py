"""Placing the text pane's view: a readable column width, scrolling to a position or fraction."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QTextCursor, QTextDocument
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
    """The document positions at the start of the view's top line and the end of its bottom one.

    With ``around``, the view is taken as that many view heights taller above and below.
    QTextEdit.cursorForPosition walks a paragraph's lines one by one: 50 ms a call in the
    middle of a 500,000-character paragraph, twice each time the highlights move. Here the
    paragraph and then its line are found by halving.
    """
    height = browser.viewport().height()
    top = browser.verticalScrollBar().value()
    document = browser.document()
    first = _position_at(document, top - around * height, end=False)
    last = _position_at(document, top + (1 + around) * height, end=True)
    return first, last


def _position_at(document: QTextDocument, y: float, *, end: bool) -> int:
    """The position starting (or, ``end``, ending) the line at height ``y`` of the document."""
    layout = document.documentLayout()

    def top_of(number: int) -> float:
        return layout.blockBoundingRect(document.findBlockByNumber(number)).top()

    number = _last_at_or_above(document.blockCount(), top_of, y)
    block = document.findBlockByNumber(number)
    lines = block.layout()
    if lines is None or lines.lineCount() == 0:
        return block.position() + (block.length() - 1 if end else 0)
    local = y - top_of(number)
    line = lines.lineAt(_last_at_or_above(lines.lineCount(), lambda i: lines.lineAt(i).y(), local))
    return block.position() + line.textStart() + (line.textLength() if end else 0)


def _last_at_or_above(count: int, top_of: Callable[[int], float], y: float) -> int:
    """The last of ``count`` items, in order down the page, whose top is at or above ``y``."""
    low, high = 0, count - 1
    while low < high:
        middle = (low + high + 1) // 2
        if top_of(middle) <= y:
            low = middle
        else:
            high = middle - 1
    return low
