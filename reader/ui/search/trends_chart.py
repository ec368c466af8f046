"""The trends chart: bars of one or more queries per period, a legend, and year labels.

Usable without a mouse: Left and Right (Home, End) move between the periods, each saying its
counts in a tooltip, and Enter or Space narrows the hits to the period, as a click does.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QSize, Qt, Signal
from PySide6.QtGui import (
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from reader.library.trends import Scale, Trend
from reader.ui.core import formatting
from reader.ui.i18n import fill
from reader.ui.search.periods import period_text
from reader.ui.search.trends_layout import (
    Look,
    TrendLayout,
    layout_trend,
    paint_trend,
    value_text,
    width_for,
)


class TrendsChart(QWidget):
    """Bars of each query's hits per period (raw, per 1,000 articles or in percent).

    Signals:
        period_chosen(str): the key of the period clicked (``1946``, ``1940s``, ``1946-05``).
    """

    period_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.trend: Trend | None = None
        self.scale: Scale = "count"
        self.selected = ""
        self.current = -1
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(240, 140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.retranslate()

    def sizeHint(self) -> QSize:
        """Qt override."""
        return QSize(720, 260)

    def show_trend(self, trend: Trend | None, scale: Scale, selected: str = "") -> None:
        """Draw ``trend`` on ``scale``; ``selected`` is the period the hits are narrowed to."""
        self.trend, self.scale, self.selected = trend, scale, selected
        keys = list(trend.keys) if trend is not None else []
        # Too many bars for the width: the chart grows (and scrolls) rather than thin them.
        series = len(trend.series) if trend is not None else 1
        self.setMinimumWidth(max(240, width_for(len(keys), series)))
        if selected in keys:
            self.current = keys.index(selected)
        elif not 0 <= self.current < len(keys):
            self.current = 0 if keys else -1
        self.retranslate()
        self.update()

    def layout_now(self) -> TrendLayout | None:
        """Where the chart's parts are at its present size (None when there is no trend)."""
        if self.trend is None:
            return None
        metrics = QFontMetricsF(self.font())
        return layout_trend(self.trend, self.scale, self.width(), self.height(), metrics)

    def period_words(self, n: int) -> str:
        """Period ``n`` in words with each query's count (and its share when normalised)."""
        trend = self.trend
        if trend is None or not 0 <= n < len(trend.keys):
            return ""
        key = trend.keys[n]
        parts = []
        for series in trend.series:
            count = formatting.articles(series.count(key))
            words = fill(self.tr("%1: %2"), series.query, count)
            if self.scale != "count":
                words += f" ({value_text(trend.value(series, key, self.scale), self.scale)})"
            parts.append(words)
        total = formatting.articles(trend.totals.get(key, 0))
        return fill(
            self.tr("%1 — %2; %3 in all"), period_text(key), formatting.listing(parts), total
        )

    def retranslate(self) -> None:
        """Name the chart and say its periods with hits in words, in the current language."""
        self.setAccessibleName(self.tr("Trends over time"))
        trend = self.trend
        if trend is None:
            self.setAccessibleDescription(self.tr("No trend yet: search for something."))
            return
        found = [n for n, key in enumerate(trend.keys) if any(s.count(key) for s in trend.series)]
        self.setAccessibleDescription("; ".join(self.period_words(n) for n in found[:400]))

    def changeEvent(self, event: QEvent) -> None:
        """Qt override: follow a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Qt override."""
        painter = QPainter(self)
        lay = self.layout_now()
        if lay is not None and self.trend is not None:
            current = self.current if self.hasFocus() else -1
            look = Look.of(self.palette())
            paint_trend(
                painter, self.trend, self.scale, lay, look, current=current, selected=self.selected
            )
        painter.end()

    def period_at(self, x: float) -> int:
        """The period under ``x`` (its whole column counts), or -1."""
        lay = self.layout_now()
        if lay is None or self.trend is None or not lay.slot:
            return -1
        n = int((x - lay.plot.left()) // lay.slot)
        return n if lay.plot.left() <= x and 0 <= n < len(self.trend.keys) else -1

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Qt override: Left/Right/Home/End move between periods, Enter or Space narrows to one."""
        count = len(self.trend.keys) if self.trend is not None else 0
        key = event.key()
        moves = {
            Qt.Key.Key_Left: max(0, self.current - 1),
            Qt.Key.Key_Right: min(count - 1, self.current + 1),
            Qt.Key.Key_Home: 0,
            Qt.Key.Key_End: count - 1,
        }
        if count and key in moves:
            self.current = moves[Qt.Key(key)]
            self.update()
            self._say_current()
        elif count and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self._choose(self.current)
        else:
            super().keyPressEvent(event)

    def _say_current(self) -> None:
        """Show the current period's counts above it (a screen reader hears the tooltip too)."""
        lay = self.layout_now()
        text = self.period_words(self.current)
        if lay is None or not text:
            return
        self.setAccessibleName(fill(self.tr("Trends over time: %1"), text))
        x = lay.plot.left() + lay.slot * (self.current + 0.5)
        QToolTip.showText(self.mapToGlobal(QPoint(int(x), int(lay.plot.top()))), text, self)

    def _choose(self, n: int) -> None:
        if self.trend is not None and 0 <= n < len(self.trend.keys):
            self.current = n
            self.period_chosen.emit(self.trend.keys[n])

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Qt override: a click narrows the hits to the period under it."""
        if event.button() == Qt.MouseButton.LeftButton:
            self._choose(self.period_at(event.position().x()))

    def event(self, event: QEvent) -> bool:
        """Qt override: over a period, a tooltip with its counts."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.period_words(self.period_at(event.pos().x()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
                return True
        return super().event(event)


def chart_name() -> str:
    """The chart's title in the current language (for exports)."""
    return QCoreApplication.translate("TrendsChart", "Trends over time")
