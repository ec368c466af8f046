"""The page view's drag: a press that moves pans the page, one released in place is a click.

The canvas hands its mouse events here: what a press turns into is known only when the button
comes up, so the press's place and whether it has become a drag are kept in between.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from reader.ui.pages.canvas import PageCanvas


class Drag:
    """A left-button press on the page: a drag once it moves far enough, else a click."""

    def __init__(self, canvas: PageCanvas) -> None:
        self._canvas = canvas
        self._press: QPointF | None = None
        self._last = QPointF()
        self._dragging = False

    def press(self, event: QMouseEvent) -> None:
        """Start a drag (or a click)."""
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = self._last = event.position()
            self._dragging = False
            self._canvas.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)

    def move(self, event: QMouseEvent) -> None:
        """Drag the page."""
        if self._press is None:
            return
        if (event.position() - self._press).manhattanLength() > QApplication.startDragDistance():
            self._dragging = True
        if self._dragging:
            delta = event.position() - self._last
            horizontal = self._canvas.horizontalScrollBar()
            horizontal.setValue(round(horizontal.value() - delta.x()))
            vertical = self._canvas.verticalScrollBar()
            vertical.setValue(round(vertical.value() - delta.y()))
            self._last = event.position()

    def release(self, event: QMouseEvent) -> None:
        """A release where the press was is a click on the page."""
        canvas = self._canvas
        if self._press is not None and not self._dragging and canvas.picture.page is not None:
            point = canvas.to_image(event.position())
            width, height = canvas.size_px
            if 0 <= point.x() <= width and 0 <= point.y() <= height:
                canvas.clicked.emit(point.x(), point.y())
        self._press = None
        canvas.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
