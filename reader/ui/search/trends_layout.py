"""Where a trend chart's parts go (bars, year labels, scale, legend) and how they are painted.

The same layout and painting serve the window, a PNG and an SVG: :func:`paint_trend` draws on
any ``QPainter``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPalette, QPen

from reader.library.trends import Scale, Trend
from reader.ui.core.colours import is_dark
from reader.ui.search.axis import Tick, year_ticks

# Okabe and Ito's colour-blind-safe hues, told apart by everyone. On a light page the orange and
# the purple are deepened so that every bar keeps a contrast of 3:1 with the page (WCAG's
# for graphics); the sky blue, too close to the blue once deepened, is left out.
LIGHT_SERIES = ("#0072B2", "#A86F00", "#009E73", "#D55E00", "#B8609A", "#000000")
# On a dark page the light ones keep their contrast: the sky blue first, yellow, white.
DARK_SERIES = ("#56B4E9", "#E69F00", "#009E73", "#F0E442", "#CC79A7", "#D55E00", "#FFFFFF")
MIN_BAR = 4.0  # no bar is drawn thinner than this (pixels)
MAX_BAR = 40.0
MARGIN = 6.0


def series_colours(palette: QPalette) -> list[QColor]:
    """The colours of the series in order, for a light or a dark palette."""
    return [QColor(c) for c in (DARK_SERIES if is_dark(palette) else LIGHT_SERIES)]


# Room kept beside the bars for the scale's numbers (``1,000``, ``66.7%``).
SCALE_ROOM = 72.0


def room_for(width: float, series: int) -> int:
    """How many periods fit side by side in ``width`` pixels, each bar at least ``MIN_BAR``."""
    return max(1, int((width - MARGIN - SCALE_ROOM) // (MIN_BAR * max(1, series) + 1)))


def width_for(periods: int, series: int) -> int:
    """The narrowest chart whose bars are all at least ``MIN_BAR`` wide."""
    return math.ceil(periods * (MIN_BAR * max(1, series) + 1) + MARGIN + SCALE_ROOM)


def nice_ceiling(value: float) -> float:
    """The smallest 1, 2, 2.5 or 5 times a power of ten at or above ``value`` (1 for none)."""
    if value <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(value))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= value * (1 - 1e-9))


def value_text(value: float, scale: Scale) -> str:
    """A value on the scale: ``1,234`` hits, ``12.5`` per 1,000, ``3.2%``."""
    if scale == "count":
        return f"{value:,.0f}"
    digits = 0 if value >= 100 or value == int(value) else 1 if value >= 10 else 2
    return f"{value:,.{digits}f}" + ("%" if scale == "percent" else "")


@dataclass
class TrendLayout:
    """The places of a chart's parts, in the painter's pixels."""

    plot: QRectF
    slot: float
    bars: list[list[QRectF]]  # per period, one per series
    ticks: list[Tick]
    peak: float
    legend: list[tuple[QRectF, QRectF, str]] = field(default_factory=list)  # swatch, text, query
    label_top: float = 0.0


def layout_trend(
    trend: Trend, scale: Scale, width: float, height: float, metrics: QFontMetricsF
) -> TrendLayout:
    """Lay out ``trend`` on ``scale`` in a ``width`` × ``height`` chart with this font."""
    line = metrics.height()
    legend: list[tuple[QRectF, QRectF, str]] = []
    x, y = MARGIN, MARGIN
    for series in trend.series:
        text_width = metrics.horizontalAdvance(series.query) + 2
        if x > MARGIN and x + line + 4 + text_width > width - MARGIN:
            x, y = MARGIN, y + line + 2  # the legend wraps
        swatch = QRectF(x, y + line * 0.2, line * 0.6 * 1.5, line * 0.6)
        text = QRectF(swatch.right() + 4, y, text_width, line)
        legend.append((swatch, text, series.query))
        x = text.right() + 14
    top = y + line + 8
    values = [trend.value(s, k, scale) for s in trend.series for k in trend.keys]
    peak = nice_ceiling(max(values, default=0.0))
    scale_width = max(metrics.horizontalAdvance(value_text(peak, scale)), 8) + 6
    left = MARGIN + min(scale_width, SCALE_ROOM - MARGIN)
    label_top = height - MARGIN - line
    plot = QRectF(left, top, max(1.0, width - MARGIN - left), max(1.0, label_top - 4 - top))
    slot = plot.width() / max(1, len(trend.keys))
    count = max(1, len(trend.series))
    # The gap between periods never makes a bar thinner than MIN_BAR when there is room.
    gap = min(max(1.0, slot * 0.15), max(0.0, slot - MIN_BAR * count))
    bar = min(MAX_BAR, max(1.0, (slot - gap) / count))
    bars = []
    for n, key in enumerate(trend.keys):
        start = plot.left() + n * slot + (slot - bar * count) / 2
        group = []
        for m, series in enumerate(trend.series):
            size = plot.height() * trend.value(series, key, scale) / peak
            if series.count(key):
                size = max(1.0, size)  # a single hit is still seen
            group.append(QRectF(start + m * bar, plot.bottom() - size, bar, size))
        bars.append(group)
    first = trend.first.year if trend.first is not None else None
    bounds = (1.0, width - 1.0)
    ticks = year_ticks(trend.keys, plot.left(), slot, metrics.horizontalAdvance, bounds, first)
    return TrendLayout(plot, slot, bars, ticks, peak, legend, label_top)


@dataclass(frozen=True)
class Look:
    """The colours a chart is painted in."""

    series: list[QColor]
    text: QColor
    axis: QColor
    plot: QColor
    background: QColor | None = None

    @classmethod
    def of(cls, palette: QPalette, *, background: bool = False) -> Look:
        """Colours from ``palette``; ``background`` fills the chart first (for export)."""
        return cls(
            series_colours(palette),
            palette.color(QPalette.ColorRole.WindowText),
            palette.color(QPalette.ColorRole.Mid),
            palette.color(QPalette.ColorRole.Base),
            palette.color(QPalette.ColorRole.Window) if background else None,
        )


def paint_trend(
    painter: QPainter,
    trend: Trend,
    scale: Scale,
    lay: TrendLayout,
    look: Look,
    *,
    current: int = -1,
    selected: str = "",
) -> None:
    """Paint the chart laid out as ``lay``; ``current`` is framed, ``selected`` stands out."""
    if look.background is not None:
        painter.fillRect(QRectF(painter.window()), look.background)
    line = painter.fontMetrics().height()
    painter.setPen(look.text)
    for (swatch, text, query), colour in zip(
        lay.legend, _cycle(look.series, len(lay.legend)), strict=False
    ):
        painter.fillRect(swatch, colour)
        painter.drawText(text, Qt.AlignmentFlag.AlignVCenter, query)
    plot = lay.plot
    painter.fillRect(plot, look.plot)  # the bars on the page colour their contrast is for
    painter.setPen(QPen(look.axis, 1))
    painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
    painter.drawLine(QPointF(plot.left(), plot.top()), QPointF(plot.left(), plot.bottom()))
    painter.setPen(look.text)
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    for value, y in ((lay.peak, plot.top()), (0.0, plot.bottom())):
        box = QRectF(MARGIN, y - line / 2, plot.left() - MARGIN - 6, line)
        painter.drawText(box, right, value_text(value, scale))
    colours = _cycle(look.series, len(trend.series))
    for n, (key, group) in enumerate(zip(trend.keys, lay.bars, strict=True)):
        for rect, colour in zip(group, colours, strict=True):
            shown = QColor(colour)
            if selected and key != selected:
                shown.setAlpha(90)
            painter.fillRect(rect, shown)
        if n == current:
            painter.setPen(QPen(look.text, 1, Qt.PenStyle.DotLine))
            column = QRectF(plot.left() + n * lay.slot, plot.top(), lay.slot, plot.height())
            painter.drawRect(column.adjusted(0, 0, -1, 0))
    painter.setPen(look.text)
    for tick in lay.ticks:
        box = QRectF(tick.left, lay.label_top, tick.width + 1, line)
        painter.drawText(box, Qt.AlignmentFlag.AlignLeft, tick.text)


def _cycle(colours: list[QColor], count: int) -> list[QColor]:
    return [colours[n % len(colours)] for n in range(count)]
