"""The marks over a page, drawn on an image: the article's regions clear, the rest dimmed."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage, QPainter, QPalette

from reader.ui.pages import overlay
from reader.ui.pages.overlay import Marks


def drawn(marks: Marks, size=(400, 300)) -> QImage:
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    overlay.draw(painter, marks, size, QPalette())
    painter.end()
    return image


def test_an_article_whose_regions_overlap_is_clear_inside_them(qapp):
    """The BnL's METS gives an advertisement its composed block and the text block in it,
    the same box twice: both are the article's, and its inside stays clear, not dimmed
    (laid over each other, the two holes cancelled out and the article was dimmed too)."""
    block = (100, 50, 300, 250)
    inner = (150, 100, 250, 200)
    image = drawn(Marks(outlined=(block, block, inner)))
    assert QColor(image.pixel(200, 150)).lightness() == 255  # in all three
    assert QColor(image.pixel(120, 70)).lightness() == 255  # in the two same boxes
    assert QColor(image.pixel(20, 20)).lightness() < 240  # outside: dimmed
