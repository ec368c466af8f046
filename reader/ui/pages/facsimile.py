"""A page without its scan drawn from its OCR: each word's text in its box, on white paper.

The view paints it as it paints a scan, in tiles rendered in its worker threads and kept in its
cache: a newspaper page has thousands of words (all 7,040 of benchmarks/bench_page_words.py's
take 90-280 ms to draw, by the scale: too slow for every frame of a pan), a tile draws only
the words that reach into it, and panning then paints pixmaps. Words too small at a zoom to be
read are drawn as grey bars, as print looks from afar, which also spares the text layout.

How the words are set is :mod:`reader.ui.pages.typeset`'s; here, which words a tile draws and
which of them make a line or a block.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter

from reader.model import Word
from reader.ui.pages.source import Clip
from reader.ui.pages.typeset import Pen, Type, vertical


class Facsimile:
    """The words of one page (image pixels), ready to be drawn into any part at any scale."""

    def __init__(self, words: Sequence[Word], size: tuple[int, int]) -> None:
        self.size = size
        shown = [w for w in words if w.text.strip() and w.box[2] > w.box[0] and w.box[3] > w.box[1]]
        lines = _lines(shown)
        # Sorted by top, so that a tile finds its words by bisection, not by a look at all.
        order = sorted(range(len(shown)), key=lambda i: shown[i].box[1])
        self.words = [shown[i] for i in order]
        self.line_of = [lines[i] for i in order]
        self.members: dict[int, list[Word]] = {}
        self.blocks: dict[str, list[Word]] = {}
        for index, word in enumerate(shown):
            self.members.setdefault(lines[index], []).append(word)
            self.blocks.setdefault(word.region, []).append(word)
        self._tops = [w.box[1] for w in self.words]
        self._tallest = max((w.box[3] - w.box[1] for w in self.words), default=0.0)
        # Each line's type, measured by the first worker to draw a word of it; another doing
        # so meanwhile measures the same figures, so the race costs time, never a pixel.
        self.types: dict[int, Type | None] = {}
        self.block_sizes: dict[str, float | None] = {}
        # Each text's ink at the measuring size, alike for every tile and zoom (so kept here,
        # not measured again by each tile's pen).
        self.inks: dict[str, QRectF] = {}

    def __len__(self) -> int:
        return len(self.words)

    def _indexes_in(self, clip: Clip) -> list[int]:
        left, top, right, bottom = clip
        start = bisect.bisect_left(self._tops, top - self._tallest)
        end = bisect.bisect_right(self._tops, bottom)
        return [
            i
            for i in range(start, end)
            if (box := self.words[i].box)[3] > top and box[2] > left and box[0] < right
        ]

    def words_in(self, clip: Clip) -> list[Word]:
        """The words whose boxes reach into ``clip``."""
        return [self.words[i] for i in self._indexes_in(clip)]

    def render(self, scale: float, clip: Clip | None) -> QImage:
        """``clip`` of the page (None: all of it) at ``scale``; called in a worker thread."""
        if clip is None:
            clip = (0, 0, self.size[0], self.size[1])
        left, top, right, bottom = clip
        width = max(1, math.ceil((right - left) * scale))
        height = max(1, math.ceil((bottom - top) * scale))
        image = QImage(width, height, QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        Pen(self, painter, scale, left, top).draw(self._indexes_in(clip))
        painter.end()
        return image


def _lines(words: Sequence[Word]) -> list[int]:
    """A line number for each word, in the order given (the reading order of the OCR): a word
    is on the line of the word before it when it is in the same block, further right, and
    the two overlap by half the height of the smaller. A vertical word is a line of its own."""
    numbers: list[int] = []
    line = -1
    before: Word | None = None
    for word in words:
        if before is None or vertical(word) or not _same_line(before, word):
            line += 1
        numbers.append(line)
        before = None if vertical(word) else word
    return numbers


def _same_line(before: Word, word: Word) -> bool:
    left, top, _right, bottom = word.box
    b_left, b_top, _b_right, b_bottom = before.box
    overlap = min(bottom, b_bottom) - max(top, b_top)
    smaller = min(bottom - top, b_bottom - b_top)
    return word.region == before.region and left >= b_left and overlap >= smaller / 2
