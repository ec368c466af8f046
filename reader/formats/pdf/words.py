"""A PDF page's words and blocks as the page view wants them: boxes in points, y down, as rendered.

The characters come from :mod:`reader.formats.pdf.textlayer` in the order the page's text was
built from them (its blocks, their lines, each line's characters), so the words here are in the
order :mod:`reader.library.wordmap` aligns them with the article's text.

Words are cut at spaces; a wide character (CJK ideographs, kana, hangul, full-width punctuation)
is a word of its own, so a hit of two characters inside a column of forty is drawn as those two
boxes, not the column's. Boxes are pdfium's tight glyph boxes, joined per word.

PDF user space has its origin at the bottom left and y upwards, and a page's /Rotate turns it
when shown; the boxes are turned the same way, so they sit on the image pdfium renders.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator, Sequence

from reader.formats.pdf.layout import Char, Line
from reader.formats.pdf.textlayer import PageText
from reader.model import Box, Page, PageLayout, Region, Word

# A box in user space, (left, bottom, right, top), turned into one on the shown page.
_Turn = Callable[[float, float, float, float], Box]


def page_layout(text: PageText, page: Page, article: str) -> PageLayout:
    """The page's words and blocks, every word belonging to ``article`` (a PDF page is one).

    Args:
        text: The page as :func:`textlayer.page_text` read it.
        page: The page of the issue it is (returned in the layout).
        article: The id of the article made of this page's text ("" when none).

    Returns:
        The layout: one region per block, the words in reading order, boxes in points.
    """
    turn = turning(text.rotation, text.crop)
    words: list[Word] = []
    regions: list[Region] = []
    for number, block in enumerate(text.blocks, start=1):
        region = f"b{number}"
        first = len(words)
        for line in block:
            for group in _words(line):
                box = turn(*_extent(group))
                words.append(Word("".join(c.text for c in group), box, region, article))
        if len(words) > first:
            regions.append(Region(region, _union(w.box for w in words[first:]), article))
    order = ((article, tuple(range(len(words)))),) if article and words else ()
    return PageLayout(page=page, words=tuple(words), regions=tuple(regions), articles=order)


def turning(rotation: int, crop: tuple[float, float, float, float]) -> _Turn:
    """The function that turns a user-space box into one on the page as shown (y down).

    Args:
        rotation: The page's /Rotate, degrees clockwise (0, 90, 180 or 270).
        crop: What is shown, the crop box cut to the media box: (left, bottom, right, top)
            in user space, its origin anywhere.
    """
    x0, y0, x1, y1 = crop
    width, height = x1 - x0, y1 - y0

    def turn(left: float, bottom: float, right: float, top: float) -> Box:
        # First as shown unturned (origin top left of the crop box, y down)...
        u0, u1, v0, v1 = left - x0, right - x0, y1 - top, y1 - bottom
        # ...then turned clockwise with the page.
        if rotation == 90:
            return (height - v1, u0, height - v0, u1)
        if rotation == 180:
            return (width - u1, height - v1, width - u0, height - v0)
        if rotation == 270:
            return (v0, width - u1, v1, width - u0)
        return (u0, v0, u1, v1)

    return turn


def _words(line: Line) -> Iterator[list[Char]]:
    """The line's characters in words: cut at spaces, a wide character a word by itself."""
    run: list[Char] = []
    for char in line.chars:
        if not char.text.strip():
            if run:
                yield run
            run = []
        elif _wide(char.text):
            if run:
                yield run
            run = []
            yield [char]
        else:
            run.append(char)
    if run:
        yield run


def _wide(text: str) -> bool:
    return unicodedata.east_asian_width(text[0]) in ("W", "F")


def _extent(chars: Sequence[Char]) -> tuple[float, float, float, float]:
    """The box around the characters, in user space (left, bottom, right, top)."""
    return (
        min(c.left for c in chars),
        min(c.bottom for c in chars),
        max(c.right for c in chars),
        max(c.top for c in chars),
    )


def _union(boxes: Iterator[Box]) -> Box:
    lefts, tops, rights, bottoms = zip(*boxes, strict=True)
    return (min(lefts), min(tops), max(rights), max(bottoms))
