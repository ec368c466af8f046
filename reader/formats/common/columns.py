"""Reading order of boxes on a page set in vertical columns (CJK): tiers down, then right to left.

Pure geometry on boxes ``(left, top, right, bottom)`` with y growing downwards (image pixels,
as OCR files give them). A recursive XY cut: the boxes are split into bands by horizontal gaps
no box spans (the tiers, 段, read top to bottom), a band into blocks by vertical gaps (read
right to left), and so on until nothing splits; what is left is read column by column, right to
left. A group of boxes set horizontally (a running head, a headline across the columns) is read
top to bottom, left to right. :mod:`reader.formats.pdf.layout` does the same on PDF lines
(y upwards) with gaps measured in character sizes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

# (left, top, right, bottom), y down.
Box = tuple[float, float, float, float]
# An item's extent along one axis, as (start, end) in reading direction.
_Extent = Callable[[int], tuple[float, float]]


def vertical_order(boxes: Sequence[Box], vertical: Sequence[bool], gap: float = 0.0) -> list[int]:
    """The indexes of ``boxes`` in the order a vertically set page is read.

    Args:
        boxes: The items' boxes (blocks or lines), y down.
        vertical: For each box, whether its text runs top to bottom.
        gap: The least gap between two groups for them to be read one after the other (0:
            any gap, even boxes that only touch).

    Returns:
        Every index once, tiers top to bottom, columns right to left.
    """
    return _cut(list(range(len(boxes))), boxes, vertical, gap)


def mostly_vertical(vertical: Sequence[bool]) -> bool:
    """Whether more than half of the items are set vertically."""
    return sum(1 for v in vertical if v) * 2 > len(vertical)


def _cut(items: list[int], boxes: Sequence[Box], vertical: Sequence[bool], gap: float) -> list[int]:
    if len(items) <= 1:
        return items
    if not mostly_vertical([vertical[i] for i in items]):
        return sorted(items, key=lambda i: (boxes[i][1], boxes[i][0]))
    bands = _split(items, lambda i: (boxes[i][1], boxes[i][3]), gap)
    if len(bands) > 1:
        return [i for band in bands for i in _cut(band, boxes, vertical, gap)]
    blocks = _split(items, lambda i: (-boxes[i][2], -boxes[i][0]), gap)
    if len(blocks) > 1:
        return [i for block in blocks for i in _cut(block, boxes, vertical, gap)]
    return sorted(items, key=lambda i: (-boxes[i][2], boxes[i][1]))


def _split(items: list[int], extent: _Extent, gap: float) -> list[list[int]]:
    """The items in groups along one axis, a new group where the next starts past a gap."""
    ordered = sorted(items, key=extent)
    groups = [[ordered[0]]]
    reach = extent(ordered[0])[1]
    for item in ordered[1:]:
        start, end = extent(item)
        if start - reach >= gap:
            groups.append([item])
            reach = end
        else:
            groups[-1].append(item)
            reach = max(reach, end)
    return groups
