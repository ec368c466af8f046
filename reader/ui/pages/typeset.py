"""Setting a page's words into a rendered tile: each line's size and baseline, each word fitted
to its box, in a serif near the print's; the words too small to read drawn as bars.

A line's words share one type size and one baseline, the medians of what each word's box
says: fitted one by one, the OCR's boxes (and a serif that is not the print's) set words of a
line in as many sizes, bobbing up and down. Runs in the page view's worker threads.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QTransform

from reader.model import Word
from reader.ui.reading.article_document import CJK_SERIF, LATIN_SERIF

if TYPE_CHECKING:
    from reader.ui.pages.facsimile import Facsimile

# A narrow Latin serif first (Times' widths are near the text faces of old papers, and a wide
# one has to be condensed or made small to fit the boxes), then the CJK faces Qt falls back to
# per character (fonts-noto-cjk on Linux).
NARROW_SERIF = ("Liberation Serif", "Times New Roman", "Tinos", "Nimbus Roman", "Times")
FAMILIES = (*NARROW_SERIF, "DejaVu Serif Condensed", *LATIN_SERIF, *CJK_SERIF)
INK = QColor(34, 34, 34)
# The box outlines: faint, so that they show where the OCR put a word without hiding it; and
# only on words drawn large enough, zoomed out they would make a grid of the page.
OUTLINE = QColor(200, 211, 226)
OUTLINED = 12.0
# Below this height in rendered pixels a word is a bar: no text can be read there.
SMALLEST_TEXT = 4.0
BAR = QColor(196, 196, 196)
# How far a word may be condensed to fit its box's width before its font is made smaller.
SQUEEZE = 0.7
# A word whose own size is under this share of its line's is set in its own (small print
# read into the line: "fr." raised, a note's number); the line's would not fit its box.
OWN_BELOW = 0.6
# Words laid out along their line's box (the file gave the line's only) may be condensed so far.
LAID_OUT_SQUEEZE = 0.5
# A line is set in its block's size when its own is within this share of it.
BLOCK_NEAR = 0.2
# Text is measured once at this pixel size and scaled from there (widths scale with the size).
_MEASURE = 64

# What the box of a whole line spans: its tallest letter to its deepest.
_ASCENDERS_AND_DESCENDERS = "dgjlp"
# A line's type: (font pixel size, baseline y) in image pixels, and how far its words may be
# condensed to fit their boxes.
Type = tuple[float, float, float]


class Pen:
    """Draws words into one rendered tile: outlines, then text set on its line (or a bar)."""

    def __init__(
        self, page: Facsimile, painter: QPainter, scale: float, left: float, top: float
    ) -> None:
        self.page, self.painter, self.scale, self.left, self.top = page, painter, scale, left, top
        # Fonts made here, in the worker, after the QGuiApplication: Qt allows text on a QImage
        # in any thread then (each thread has its own font cache).
        self.base = QFont()
        self.base.setFamilies(list(FAMILIES))
        self.base.setStyleHint(QFont.StyleHint.Serif)
        self.base.setPixelSize(_MEASURE)
        self.metrics = QFontMetricsF(self.base)
        self.x_height = self.metrics.xHeight()
        self.inks = page.inks
        self.fonts: dict[int, QFont] = {}
        self.shown = -1  # the pixel size of the font the painter has

    def draw(self, indexes: Sequence[int]) -> None:
        """Draw the page's words at ``indexes``: their outlines first, then their text."""
        painter, words = self.painter, self.page.words
        painter.setPen(QPen(OUTLINE, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        rects = [self.rect(words[i]) for i in indexes]
        for rect in rects:
            if rect.height() >= OUTLINED:
                painter.drawRect(rect)
        painter.setPen(INK)
        for index, rect in zip(indexes, rects, strict=True):
            word = words[index]
            if rect.height() < SMALLEST_TEXT:
                painter.fillRect(rect, BAR)
            elif vertical(word):
                self.vertical(word.text, rect)
            else:
                self.across(word, rect, self.line_type(self.page.line_of[index]))

    def rect(self, word: Word) -> QRectF:
        """Where ``word``'s box is in the tile, in rendered pixels."""
        s = self.scale
        left, top, right, bottom = word.box
        return QRectF(
            (left - self.left) * s, (top - self.top) * s, (right - left) * s, (bottom - top) * s
        )

    def ink(self, text: str) -> QRectF:
        """The ink of ``text`` at the measuring size, relative to its origin on the baseline."""
        ink = self.inks.get(text)
        if ink is None:  # two workers may both measure it: the same figures
            ink = self.inks[text] = self.metrics.tightBoundingRect(text)
        return ink

    def line_type(self, line: int) -> Type | None:
        """The type of a line (None: no word of it can be measured), cached on the page."""
        types = self.page.types
        if line not in types:
            types[line] = self._line_type(self.page.members[line])
        return types[line]

    def _line_type(self, words: Sequence[Word]) -> Type | None:
        """The size is the median of what its words' boxes say (words of full height only: a
        comma's or a dash's box says little), or of its block's words when near that (a
        paragraph is set in one size; Fraktur's ascenders and the serif's differ by the
        letter, and lines of other words came out a size apart); no larger than lets three in
        four of them fit their boxes' widths, condensed at most SQUEEZE (else most would be
        made smaller, each its own way). The baseline is where its words' ink, at that size,
        is centred in their boxes, the median of them.

        Words that all have their line's box (the file had none of their own, and they were
        laid out along it) say nothing each: the box is the line's, ascenders to descenders.
        """
        measured = [(w, self.ink(w.text)) for w in words if self.full(w)]
        if not measured:
            return None
        fitting = sorted(
            _MEASURE * (w.box[2] - w.box[0]) / (ink.width() * SQUEEZE) for w, ink in measured
        )[len(measured) // 4]
        if len(words) > 1 and len({(w.box[1], w.box[3]) for w in words}) == 1:
            top, bottom = words[0].box[1], words[0].box[3]
            ink = self.ink(_ASCENDERS_AND_DESCENDERS)
            size = min(_MEASURE * (bottom - top) / ink.height(), fitting)
            factor = size / _MEASURE
            baseline = (top + bottom - ink.height() * factor) / 2 - ink.top() * factor
            # Their widths are guesses from their letters: condensed further, not made small.
            return size, baseline, LAID_OUT_SQUEEZE
        size = statistics.median(self.own_size(w) for w, _ink in measured)
        block = self.block_size(words[0].region)
        if block is not None and abs(size / block - 1) <= BLOCK_NEAR:
            size = block
        size = min(size, fitting)
        factor = size / _MEASURE
        baseline = statistics.median(
            w.box[1] + (w.box[3] - w.box[1] - ink.height() * factor) / 2 - ink.top() * factor
            for w, ink in measured
        )
        return size, baseline, SQUEEZE

    def block_size(self, region: str) -> float | None:
        """The median size of a block's words (None: no block, or nothing to measure)."""
        sizes = self.page.block_sizes
        if region not in sizes:
            words = self.page.blocks.get(region, []) if region else []
            found = [self.own_size(w) for w in words if self.full(w)]
            sizes[region] = statistics.median(found) if found else None
        return sizes[region]

    def full(self, word: Word) -> bool:
        """Whether ``word`` has ink of the x-height at least (a letter, not only a comma)."""
        return self.ink(word.text).height() >= 0.9 * self.x_height

    def own_size(self, word: Word) -> float:
        """The size ``word``'s box alone says: its ink as tall as the box, but its x-height no
        taller (an OCR box is the ink's); the ink is not empty (see :meth:`full`)."""
        high = word.box[3] - word.box[1]
        return _MEASURE * min(high / self.ink(word.text).height(), high / self.x_height)

    def across(self, word: Word, rect: QRectF, line: Type | None) -> None:
        """``word`` on its line's baseline, in its size, centred across its box.

        A word wider than its box is condensed, down to SQUEEZE, before its font is made
        smaller: the serif drawn is wider than some print (Fraktur, a Didot).
        """
        ink = self.ink(word.text)
        if ink.width() <= 0 or ink.height() <= 0:
            return  # spaces only: nothing to draw
        high = word.box[3] - word.box[1]
        if line is None or (self.full(word) and self.own_size(word) < OWN_BELOW * line[0]):
            # On its own: as large as its box says, its ink centred in it.
            size = _MEASURE * min(high / ink.height(), high / self.x_height)
            factor = size / _MEASURE
            baseline = word.box[1] + (high - ink.height() * factor) / 2 - ink.top() * factor
            squeeze = SQUEEZE
        else:
            size, baseline, squeeze = line
        factor = size * self.scale / _MEASURE
        stretch = rect.width() / (ink.width() * factor)
        if stretch < squeeze:
            factor *= stretch / squeeze
        pixels = int(_MEASURE * factor)
        if pixels < SMALLEST_TEXT:
            self.painter.fillRect(rect, BAR)
            return
        factor = pixels / _MEASURE
        stretch = min(1.0, rect.width() / (ink.width() * factor))
        self.use(pixels)
        x = rect.left() + (rect.width() - ink.width() * factor * stretch) / 2
        y = (baseline - self.top) * self.scale
        # The ink's left edge at x: the transform condenses about it, not about the box's side.
        self.painter.setTransform(
            QTransform(stretch, 0, 0, 1, x - ink.left() * factor * stretch, y)
        )
        self.painter.drawText(QPointF(0, 0), word.text)
        self.painter.resetTransform()

    def vertical(self, text: str, rect: QRectF) -> None:
        """A word set top to bottom (a vertical line of CJK print): a cell per character, each
        character as large as its cell allows, centred in it."""
        cell = rect.height() / len(text)
        for index, character in enumerate(text):
            ink = self.ink(character)
            if ink.width() <= 0 or ink.height() <= 0:
                continue
            box = QRectF(rect.left(), rect.top() + index * cell, rect.width(), cell)
            factor = min(box.height() / ink.height(), box.width() / ink.width())
            pixels = int(_MEASURE * factor)
            if pixels < SMALLEST_TEXT:
                self.painter.fillRect(box, BAR)
                continue
            factor = pixels / _MEASURE
            x = box.left() + (box.width() - ink.width() * factor) / 2 - ink.left() * factor
            y = box.top() + (box.height() - ink.height() * factor) / 2 - ink.top() * factor
            self.use(pixels)
            self.painter.drawText(QPointF(x, y), character)

    def use(self, pixels: int) -> None:
        """Give the painter the font at ``pixels`` (made once per tile and size)."""
        if pixels == self.shown:
            return
        font = self.fonts.get(pixels)
        if font is None:
            font = QFont(self.base)
            font.setPixelSize(pixels)
            self.fonts[pixels] = font
        self.painter.setFont(font)
        self.shown = pixels


def vertical(word: Word) -> bool:
    """Whether ``word`` is set top to bottom: CJK in a box twice as tall as it is wide."""
    left, top, right, bottom = word.box
    return bottom - top >= 2 * (right - left) and len(word.text) > 1 and _cjk(word.text)


def _cjk(text: str) -> bool:
    """Whether ``text`` is all CJK (set top to bottom when its box is tall): Latin is not."""
    return all(ord(character) >= 0x2E80 for character in text)
