"""The marks drawn over a page: the current article's regions outlined, the rest dimmed, the hits."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen

from reader.model import Box
from reader.ui.core.colours import LIGHT_MARKS

# How much the parts of the page outside the current article are darkened (alpha of black).
DIM_ALPHA = 70
HIT_ALPHA = 110
CURRENT_HIT_ALPHA = 150


@dataclass(frozen=True)
class Marks:
    """What to draw over a page, in image pixels.

    ``outlined`` are the current article's regions (the rest of the page is dimmed when there
    are any); ``hits`` each match's word boxes; ``current`` the index of the current hit (-1).
    """

    outlined: tuple[Box, ...] = ()
    hits: tuple[tuple[Box, ...], ...] = ()
    current: int = -1

    def current_box(self) -> Box | None:
        """The box round the current hit's words (None: no current hit)."""
        if not 0 <= self.current < len(self.hits) or not self.hits[self.current]:
            return None
        boxes = self.hits[self.current]
        return (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )


def rect(box: Box) -> QRectF:
    """A box as a QRectF."""
    left, top, right, bottom = box
    return QRectF(left, top, right - left, bottom - top)


def draw(painter: QPainter, shown: Marks, size: tuple[int, int], palette: QPalette) -> None:
    """Draw ``shown`` on a painter whose transform maps image pixels to the screen."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    if shown.outlined:
        outside = QPainterPath()
        outside.addRect(QRectF(0, 0, size[0], size[1]))
        inside = QPainterPath()
        # Their union: regions may overlap or repeat (a composed block and the block in it),
        # and under the default odd-even rule two layers of them made a hole in the hole.
        inside.setFillRule(Qt.FillRule.WindingFill)
        for box in shown.outlined:
            inside.addRect(rect(box))
        painter.fillPath(outside.subtracted(inside.simplified()), QColor(0, 0, 0, DIM_ALPHA))
        pen = QPen(palette.color(QPalette.ColorRole.Highlight), 2)
        pen.setCosmetic(True)  # two screen pixels at any zoom
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for box in shown.outlined:
            painter.drawRect(rect(box))
    # The light marker colours in any mode: a scan is paper, light also in dark mode.
    colours = LIGHT_MARKS
    for index, boxes in enumerate(shown.hits):
        current = index == shown.current
        fill = QColor(colours.current if current else colours.match)
        fill.setAlpha(CURRENT_HIT_ALPHA if current else HIT_ALPHA)
        if current:
            edge = QPen(QColor(colours.current).darker(160), 2)
            edge.setCosmetic(True)
            painter.setPen(edge)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        for box in boxes:
            painter.drawRect(rect(box))
    painter.restore()
