"""A small bar chart of search hits over time (per year, or per month inside one year)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget


@dataclass(frozen=True)
class Bar:
    """One bar: its label under the axis, its count, what clicking it filters on, its tooltip."""

    label: str
    count: int
    key: str
    tip: str = ""


class HitsChart(QWidget):
    """Bars of hit counts; a click on a bar asks to filter on it.

    Signals:
        bar_clicked(str): the key of the clicked bar.
    """

    bar_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[Bar] = []
        self._selected = ""
        self.setMouseTracking(True)
        self.setMinimumHeight(64)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        """Qt override."""
        return QSize(240, 72)

    @property
    def bars(self) -> list[Bar]:
        """The bars shown."""
        return list(self._bars)

    def set_bars(self, bars: Sequence[Bar], selected: str = "") -> None:
        """Show these bars; ``selected`` is drawn as the active filter."""
        self._bars = list(bars)
        self._selected = selected
        self.update()

    def _bar_rects(self) -> list[QRectF]:
        if not self._bars:
            return []
        label_height = self.fontMetrics().height() + 2
        area = QRectF(self.rect()).adjusted(4, 4, -4, -label_height)
        peak = max(b.count for b in self._bars) or 1
        slot = area.width() / len(self._bars)
        width = max(1.0, min(slot * 0.8, 40.0))
        rects = []
        for n, bar in enumerate(self._bars):
            height = max(1.0 if bar.count else 0.0, area.height() * bar.count / peak)
            left = area.left() + n * slot + (slot - width) / 2
            rects.append(QRectF(left, area.bottom() - height, width, height))
        return rects

    def paintEvent(self, event: QPaintEvent) -> None:
        """Qt override."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        accent = palette.color(QPalette.ColorRole.Highlight)
        faded = QColor(accent)
        faded.setAlpha(110)
        rects = self._bar_rects()
        label_height = self.fontMetrics().height()
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        baseline = self.height() - label_height - 2
        painter.drawLine(QPointF(2, baseline), QPointF(self.width() - 2, baseline))
        # Label every bar when they fit, else about one in every few.
        widest = max((self.fontMetrics().horizontalAdvance(b.label) for b in self._bars), default=1)
        every = max(1, int((widest + 6) * len(rects) / max(1, self.width())) + 1)
        for n, (bar, rect) in enumerate(zip(self._bars, rects, strict=True)):
            colour = accent if not self._selected or bar.key == self._selected else faded
            painter.fillRect(rect, colour)
            if n % every == 0 or bar.key == self._selected:
                painter.setPen(palette.color(QPalette.ColorRole.WindowText))
                label_rect = QRectF(rect.center().x() - 40, baseline + 1, 80, label_height)
                painter.drawText(label_rect, Qt.AlignmentFlag.AlignHCenter, bar.label)
        painter.end()

    def bar_at(self, x: float) -> Bar | None:
        """The bar under horizontal position ``x`` (its whole column counts), or None."""
        if not self._bars:
            return None
        slot = (self.width() - 8) / len(self._bars)
        n = int((x - 4) // slot) if slot > 0 else -1
        return self._bars[n] if 0 <= n < len(self._bars) else None

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Qt override: a click filters on the bar's year or month."""
        bar = self.bar_at(event.position().x())
        if bar is not None and event.button() == Qt.MouseButton.LeftButton:
            self.bar_clicked.emit(bar.key)

    def event(self, event: QEvent) -> bool:
        """Qt override: over a bar, a tooltip with its label and count."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            bar = self.bar_at(event.pos().x())
            if bar is not None:
                QToolTip.showText(event.globalPos(), bar.tip or f"{bar.label}: {bar.count}", self)
                return True
        return super().event(event)
