"""A note in a bar above a view: what the page lacks (its scan), or why the text shows instead.

Above the view rather than over it: drawn over the page, a long note (a scan's path) hid the
top of the page, and the marks there, whatever the zoom.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QSize
from PySide6.QtGui import (
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

_PAD_X, _PAD_Y = 10, 6


class NoteBar(QWidget):
    """A tooltip-coloured bar with ``text``, wrapped to the width; hidden while there is none."""

    def __init__(self, parent: QWidget | None = None, name: str = "page_note") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._text = ""
        self.hide()

    @property
    def text(self) -> str:
        """What the note says ("" none)."""
        return self._text

    def set_text(self, text: str) -> None:
        """Say ``text`` ("" hides the bar); a line break starts a line of its own."""
        if text == self._text:
            return
        self._text = text
        self.setAccessibleName(text)
        self.setVisible(bool(text))
        self._fit()
        self.update()

    def _fit(self) -> None:
        # As tall as the text wrapped to the width: a layout in a splitter asks the size hint
        # once, at whatever width the bar had then, and cut the text short.
        self.setFixedHeight(self.heightForWidth(self.width()))

    def _layout(self, width: int) -> tuple[QTextLayout, float]:
        """The text laid out in lines ``width`` wide, and their height.

        Between words where it can, anywhere where it must: a scan's path in an archive has no
        spaces, and word wrapping alone left it one line wider than the page view, cut at both
        ends. (QPainter's TextWrapAnywhere flag breaks anywhere always, words too.)
        """
        layout = QTextLayout(self._text.replace("\n", "\u2028"), self.font())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        height = 0.0
        while (line := layout.createLine()).isValid():
            line.setLineWidth(max(1, width))
            line.setPosition(QPointF(0, height))
            height += line.height()
        layout.endLayout()
        return layout, height

    def lines(self, width: int) -> list[str]:
        """The text's lines in a bar ``width`` wide, as they are shown."""
        layout, _height = self._layout(max(1, width - 2 * _PAD_X))
        text = layout.text()
        return [
            text[line.textStart() : line.textStart() + line.textLength()]
            for line in (layout.lineAt(n) for n in range(layout.lineCount()))
        ]

    def text_rect(self, width: int) -> QRect:
        """Where the text goes in a bar ``width`` wide."""
        layout, _height = self._layout(max(1, width - 2 * _PAD_X))
        return layout.boundingRect().translated(_PAD_X, _PAD_Y).toAlignedRect()

    def hasHeightForWidth(self) -> bool:
        """Qt override: the text wraps, so the height follows the width."""
        return True

    def heightForWidth(self, width: int) -> int:
        """Qt override: the wrapped text and its margins."""
        return self.text_rect(width).height() + 2 * _PAD_Y + 1

    def sizeHint(self) -> QSize:
        """Qt override."""
        width = max(self.width(), 200)
        return QSize(width, self.heightForWidth(width))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Qt override: wrap the text to the new width."""
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Qt override: the tooltip's colours, a line under the bar, the text."""
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.ToolTipBase))
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(0, self.height() - 1, self.width(), self.height() - 1)
        painter.setPen(palette.color(QPalette.ColorRole.ToolTipText))
        layout, _height = self._layout(self.width() - 2 * _PAD_X)
        layout.draw(painter, QPointF(_PAD_X, _PAD_Y))
        painter.end()
