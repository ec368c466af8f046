"""Saving a trend: the chart as PNG or SVG (painted as on screen, on a filled page), the counts as CSV."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize
from PySide6.QtGui import QFont, QFontMetricsF, QImage, QImageWriter, QPainter, QPalette
from PySide6.QtSvg import QSvgGenerator

from reader.library.destination import checked, saving
from reader.library.trends import Scale, Trend, trend_csv
from reader.ui.search.trends_layout import Look, layout_trend, paint_trend

# The size of an exported chart, in pixels (SVG: user units).
EXPORT_SIZE = QSize(1200, 480)


def _paint(painter: QPainter, trend: Trend, scale: Scale, font: QFont, palette: QPalette) -> None:
    painter.setFont(font)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    size = EXPORT_SIZE
    lay = layout_trend(trend, scale, size.width(), size.height(), QFontMetricsF(font))
    paint_trend(painter, trend, scale, lay, Look.of(palette, background=True))


def save_png(
    path: Path, trend: Trend, scale: Scale, font: QFont, palette: QPalette, title: str = ""
) -> None:
    """Write the chart as a PNG image.

    Raises:
        CannotWrite: The file could not be written (its folder missing or read-only…).
    """
    image = QImage(EXPORT_SIZE, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    _paint(painter, trend, scale, font, palette)
    painter.end()
    if title:
        image.setText("Title", title)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    QImageWriter(buffer, QByteArray(b"PNG")).write(image)
    buffer.close()
    _write(path, bytes(data.data()))


def save_svg(
    path: Path, trend: Trend, scale: Scale, font: QFont, palette: QPalette, title: str = ""
) -> None:
    """Write the chart as an SVG drawing (its title and queries in the file's description).

    Raises:
        CannotWrite: The file could not be written (its folder missing or read-only…).
    """
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(EXPORT_SIZE)
    generator.setViewBox(QRect(0, 0, EXPORT_SIZE.width(), EXPORT_SIZE.height()))
    generator.setTitle(title)
    generator.setDescription(", ".join(s.query for s in trend.series))
    painter = QPainter(generator)
    _paint(painter, trend, scale, font, palette)
    painter.end()
    buffer.close()
    _write(path, bytes(data.data()))


def save_csv(path: Path, trend: Trend) -> None:
    """Write the counts as CSV (UTF-8 with a BOM, so a spreadsheet reads Chinese right).

    Raises:
        CannotWrite: The file could not be written (its folder missing or read-only…).
    """
    _write(path, trend_csv(trend).encode("utf-8-sig"))


def _write(path: Path, data: bytes) -> None:
    # Drawn in memory and written here: Qt's own writers say only that they failed, not why.
    checked(path, folder=False)
    with saving(path):
        path.write_bytes(data)
