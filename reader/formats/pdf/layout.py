"""Reading order of a PDF page's characters: lines from their boxes, vertical columns right to left.

Pure geometry, no pdfium: :mod:`reader.formats.pdf.textlayer` reads the characters and their
boxes, this module turns them into printed lines in reading order and the lines into paragraphs.

Boxes are PDF user space as pdfium gives them: points, origin at the bottom left, y upwards
(``top > bottom``).

Horizontal pages keep the order the text layer writes (e-paper and OCR PDFs write their lines in
reading order, and pdfium already breaks them into lines). Vertical pages (Chinese and Japanese
set in columns) are written in any order: the Japanese official gazette's layer jumps between its
tiers and tables. They are ordered by a recursive XY cut on the columns' boxes: bands split by
horizontal gaps top to bottom (the tiers, 段), then blocks split by wide vertical gaps right to
left, and within a block the columns right to left.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reader.formats.common import prose

# A line's extent along one axis, negated so that sorting goes top down or right to left.
_Span = Callable[["Line"], tuple[float, float]]


@dataclass(frozen=True, slots=True)
class Char:
    """One character of the text layer: its index in pdfium's text page, its text and its box."""

    index: int
    text: str
    left: float
    bottom: float
    right: float
    top: float

    @property
    def size(self) -> float:
        """The larger side of the box (a full-width character's size)."""
        return max(self.right - self.left, self.top - self.bottom)


@dataclass(slots=True)
class Line:
    """A printed line (a column, when set vertically): its characters in reading order."""

    chars: list[Char] = field(default_factory=list)
    vertical: bool | None = None  # None: one character, no direction to tell

    @property
    def text(self) -> str:
        """The line's text as printed."""
        return "".join(c.text for c in self.chars).strip()

    @property
    def left(self) -> float:
        """The leftmost edge."""
        return min(c.left for c in self.chars)

    @property
    def right(self) -> float:
        """The rightmost edge."""
        return max(c.right for c in self.chars)

    @property
    def bottom(self) -> float:
        """The lowest edge."""
        return min(c.bottom for c in self.chars)

    @property
    def top(self) -> float:
        """The highest edge."""
        return max(c.top for c in self.chars)


def build_lines(chars: Sequence[Char]) -> list[Line]:
    """Cut the characters, in the layer's order, into lines where one does not follow the last.

    A character follows the last one when it sits after it on the same line: to its right on
    the same baseline band, or (vertical text) below it in the same column; a space (pdfium
    writes one between words when the file has none) never starts a line.
    """
    lines: list[Line] = []
    current = Line()
    last: Char | None = None
    for char in chars:
        if not char.text.strip():
            if current.chars:
                current.chars.append(char)
            continue
        direction = None if last is None else _follows(last, char)
        if last is not None and direction is not None and current.vertical in (None, direction):
            current.vertical = direction
            current.chars.append(char)
        else:
            if current.chars:
                lines.append(_trimmed(current))
            current = Line([char])
        last = char
    if current.chars:
        lines.append(_trimmed(current))
    return lines


def _trimmed(line: Line) -> Line:
    while line.chars and not line.chars[-1].text.strip():
        line.chars.pop()
    if line.vertical:
        # pdfium puts spaces between the glyphs of a column by their gaps: no spaces in CJK text.
        line.chars = [c for c in line.chars if c.text.strip()]
    return line


def _follows(last: Char, char: Char) -> bool | None:
    """True when ``char`` continues a column below ``last``, False a line to its right, else None."""
    # Called for every character of the page: plain arithmetic, no properties.
    size = max(
        last.right - last.left,
        last.top - last.bottom,
        char.right - char.left,
        char.top - char.bottom,
        0.1,
    )
    overlap_x = min(last.right, char.right) - max(last.left, char.left)
    if overlap_x > 0 and -0.5 * size < last.bottom - char.top < 1.5 * size:
        return True
    overlap_y = min(last.top, char.top) - max(last.bottom, char.bottom)
    if overlap_y > 0 and -0.5 * size < char.left - last.right < 3 * size:
        return False
    return None


def is_vertical(lines: Sequence[Line]) -> bool:
    """Whether most characters of the page are set in vertical columns."""
    down = sum(len(line.chars) for line in lines if line.vertical)
    across = sum(len(line.chars) for line in lines if line.vertical is False)
    return down > across


def reading_order(lines: list[Line]) -> list[list[Line]]:
    """The page's lines in reading order, in blocks (a block's lines run on: one text column).

    A horizontal page keeps the layer's order, one block; a vertical page is XY-cut.
    """
    if not lines:
        return []
    if not is_vertical(lines):
        return [lines]
    size = statistics.median(c.size for line in lines for c in line.chars)
    return _cut(lines, size)


def _cut(lines: list[Line], size: float) -> list[list[Line]]:
    """Recursive XY cut for a vertical page: bands top to bottom, then blocks right to left."""
    if len(lines) == 1:
        return [lines]
    if not is_vertical(lines):
        # A horizontal line among the columns (the page's running head): top down, left to right.
        return [sorted(lines, key=lambda ln: (-round(ln.top / size), ln.left))]
    bands = _split(lines, lambda ln: (-ln.top, -ln.bottom), 0.8 * size)
    if len(bands) > 1:
        return [block for band in bands for block in _cut(band, size)]
    blocks = _split(lines, lambda ln: (-ln.right, -ln.left), 1.2 * size)
    if len(blocks) > 1:
        return [block for part in blocks for block in _cut(part, size)]
    return [[line for column in _columns(lines) for line in column]]


def _columns(lines: list[Line]) -> list[list[Line]]:
    """The lines of one block in columns right to left, each column's pieces top down.

    A column may be cut into pieces (an item's number set apart from its text, a gap before
    a closing bracket); a piece belongs to the column it overlaps by half its width, not
    wherever its right edge falls (a narrow glyph such as 一 ends left of its neighbours).
    """
    columns: list[list[Line]] = []
    span = (0.0, 0.0)
    for line in sorted(lines, key=lambda ln: (-(ln.left + ln.right), -ln.top)):
        overlap = min(span[1], line.right) - max(span[0], line.left)
        if columns and overlap > 0.5 * min(span[1] - span[0], line.right - line.left):
            columns[-1].append(line)
            span = (min(span[0], line.left), max(span[1], line.right))
        else:
            columns.append([line])
            span = (line.left, line.right)
    return [sorted(column, key=lambda ln: -ln.top) for column in columns]


def _split(lines: list[Line], span: _Span, gap: float) -> list[list[Line]]:
    """The lines in groups whose spans (as negated ``(start, end)``) are apart by more than ``gap``."""
    ordered = sorted(lines, key=span)
    groups: list[list[Line]] = [[ordered[0]]]
    reach = -span(ordered[0])[1]
    for line in ordered[1:]:
        start, end = (-v for v in span(line))
        if reach - start > gap:
            groups.append([line])
            reach = end
        else:
            groups[-1].append(line)
            reach = min(reach, end)
    return groups


def paragraphs(blocks: list[list[Line]]) -> list[str]:
    """The reading text: lines joined (hyphens healed, no spaces in CJK), cut where text breaks.

    A block ends a paragraph; inside one, a line that starts indented (a column that starts
    lower, a line that starts further right) after a line that ends a sentence starts a new one,
    and a wide gap always does. :func:`prose.reflow` then joins paragraphs cut mid-sentence.
    """
    found: list[list[str]] = []
    # A running head across a vertical page is no part of the column text after it: each run
    # of blocks set one way is reflowed on its own.
    runs: list[int] = [0]
    way: bool | None = None
    for block in blocks:
        if way is not None and is_vertical(block) != way:
            runs.append(len(found))
        way = is_vertical(block)
        previous: Line | None = None
        for line in block:
            text = line.text
            if not text:
                continue
            if previous is None or _breaks(previous, line):
                found.append([text])
            else:
                found[-1].append(text)
            previous = line
    joined = [prose.join_all(pieces) for pieces in found]
    bounds = [*runs, len(joined)]
    return [p for a, b in itertools.pairwise(bounds) for p in prose.reflow(joined[a:b])]


def _breaks(previous: Line, line: Line) -> bool:
    size = statistics.median(c.size for c in previous.chars)
    if line.vertical:
        gap = previous.left - line.right
        indented = line.top < previous.top - 0.5 * size
    else:
        gap = previous.bottom - line.top
        indented = line.left > previous.left + 1.0 * size
        if line.top > previous.top + size:  # back up the page: the next column
            return True
    if gap > 1.2 * size:
        return True
    return indented and prose.ends_sentence(previous.text)
