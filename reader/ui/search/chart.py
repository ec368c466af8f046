"""A small bar chart of search hits over time (per decade or year, or per month inside one year)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from reader.ui.i18n import fill
from reader.ui.search.axis import year_ticks


@dataclass(frozen=True)
class Bar:
    """One bar: its label under the axis, its count, what clicking it filters on, its tooltip."""

    label: str
    count: int
    key: str
    tip: str = ""


def bar_text(bar: Bar) -> str:
    """What a bar says in words: its year or month and its count (tooltip, screen reader).

    A bar that brings its own words (a month worded for the interface language) keeps them.
    """
    if bar.tip:
        return bar.tip
    return fill(QCoreApplication.translate("HitsChart", "%1: %2 hits"), bar.key, f"{bar.count:,}")


class HitsChart(QWidget):
    """Bars of hit counts; a click on a bar asks to filter on it.

    Usable without a mouse: with the keyboard in the chart, Left and Right (Home, End) move
    between the bars, each saying its count in a tooltip, and Enter or Space filters on the
    bar. Screen readers get the whole chart in words as its accessible description.

    Signals:
        bar_clicked(str): the key of the clicked bar.
    """

    bar_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[Bar] = []
        self._selected = ""
        self._first_year: int | None = None
        self.current = -1  # the bar the keyboard is on
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
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

    def set_bars(
        self, bars: Sequence[Bar], selected: str = "", first_year: int | None = None
    ) -> None:
        """Show these bars; ``selected`` is drawn as the active filter.

        ``first_year`` is the first year to label under bars of decades (1813 in the 1810s).
        """
        self._bars = list(bars)
        self._selected = selected
        self._first_year = first_year
        keys = [bar.key for bar in self._bars]
        self.current = keys.index(selected) if selected in keys else (0 if keys else -1)
        self.retranslate()
        self.update()

    def retranslate(self) -> None:
        """Name the chart and say its bars in words, in the current language."""
        self.setAccessibleName(QCoreApplication.translate("HitsChart", "Hits over time"))
        self.setAccessibleDescription("; ".join(bar_text(bar) for bar in self._bars))

    def changeEvent(self, event: QEvent) -> None:
        """Qt override: follow a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Qt override: Left/Right/Home/End move between bars, Enter or Space filters on one."""
        if not self._bars:
            super().keyPressEvent(event)
            return
        key = event.key()
        last = len(self._bars) - 1
        moves = {
            Qt.Key.Key_Left: max(0, self.current - 1),
            Qt.Key.Key_Right: min(last, self.current + 1),
            Qt.Key.Key_Home: 0,
            Qt.Key.Key_End: last,
        }
        if key in moves:
            self.current = moves[Qt.Key(key)]
            self.update()
            self._say_current()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if 0 <= self.current <= last:
                self.bar_clicked.emit(self._bars[self.current].key)
        else:
            super().keyPressEvent(event)

    def _say_current(self) -> None:
        """Show the current bar's count beside it (a screen reader hears the tooltip too)."""
        rects = self._bar_rects()
        if not 0 <= self.current < len(rects):
            return
        text = bar_text(self._bars[self.current])
        self.setAccessibleName(
            fill(QCoreApplication.translate("HitsChart", "Hits over time: %1"), text)
        )
        top = rects[self.current].topLeft().toPoint()
        QToolTip.showText(self.mapToGlobal(top - QPoint(0, 8)), text, self)

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
        for n, (bar, rect) in enumerate(zip(self._bars, rects, strict=True)):
            colour = accent if not self._selected or bar.key == self._selected else faded
            painter.fillRect(rect, colour)
            if n == self.current and self.hasFocus():
                # Where the keyboard is: a frame round the bar's whole column.
                painter.setPen(QPen(palette.color(QPalette.ColorRole.WindowText), 1))
                column = QRectF(rect.left() - 2, 2, rect.width() + 4, baseline - 1)
                painter.drawRect(column)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        for text, left, width in self.labels():
            label_rect = QRectF(left, baseline + 1, width, label_height)
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignHCenter, text)
        painter.end()

    def labels(self) -> list[tuple[str, float, float]]:
        """The labels under the axis: (text, left, width), inside the chart and apart.

        Years (and decades) are labelled by year, every 1, 2, 5, 10… years as room allows,
        the first year always; months by their short names, as many as fit.
        """
        if not self._bars:
            return []
        metrics = self.fontMetrics()
        slot = (self.width() - 8) / len(self._bars)
        keys = [bar.key for bar in self._bars]
        bounds = (1.0, self.width() - 1.0)
        if all(len(key) != 7 for key in keys):
            ticks = year_ticks(keys, 4, slot, metrics.horizontalAdvance, bounds, self._first_year)
            return [(t.text, t.left, t.width) for t in ticks]
        widest = max(metrics.horizontalAdvance(b.label) for b in self._bars) + 6
        every = max(1, int(widest // max(1.0, slot)) + (widest % max(1.0, slot) > 0))
        labels = []
        for n, bar in enumerate(self._bars):
            if n % every == 0:
                width = float(metrics.horizontalAdvance(bar.label))
                centre = 4 + slot * (n + 0.5)
                left = min(max(bounds[0], centre - width / 2), bounds[1] - width)
                labels.append((bar.label, left, width))
        return labels

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
                QToolTip.showText(event.globalPos(), bar_text(bar), self)
                return True
        return super().event(event)
