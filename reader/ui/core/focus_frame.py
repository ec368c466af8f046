"""A quiet frame round a pane that has no selection to show the keyboard is in it (F6)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QApplication, QWidget

# Thin enough not to draw the eye from the text, thick enough to find at a glance.
WIDTH = 2


class FocusFrame(QWidget):
    """A frame in the palette's highlight colour round ``pane`` while the focus is inside it.

    The tree and the lists show where the keyboard is by their selection; the text and the
    page showed nothing. The frame lies over the pane's edge and lets the mouse through.
    """

    def __init__(self, pane: QWidget) -> None:
        super().__init__(pane)
        self.setObjectName("focus_frame")
        self._pane = pane
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()
        pane.installEventFilter(self)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)

    @Slot(QWidget, QWidget)
    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        inside = new is not None and (new is self._pane or self._pane.isAncestorOf(new))
        if inside:
            self.setGeometry(self._pane.rect())
            self.raise_()
        self.setVisible(inside)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Follow the pane's size."""
        if watched is self._pane and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._pane.rect())
        return super().eventFilter(watched, event)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Qt override: the frame, in the highlight colour of the palette (light or dark)."""
        painter = QPainter(self)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        half = WIDTH / 2
        painter.drawRect(self.rect().toRectF().adjusted(half, half, -half, -half))
