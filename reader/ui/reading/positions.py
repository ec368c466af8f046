"""Python ``str`` offsets to Qt document positions, which count UTF-16 units (𠮷 takes two).

A search may mark thousands of matches in one long paragraph. Counting the units of the text
before each match again (``text[:offset]``) made that matches × length work on the GUI thread:
13 s for 1,724 matches in a 200,000-character paragraph. Here the characters beyond the BMP
are found once per text, in one pass, and each offset is then placed by binary search.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

# A character that UTF-16 writes as a surrogate pair, so one more position than Python counts.
_BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")


def utf16_length(text: str) -> int:
    """How many UTF-16 code units ``text`` takes (what Qt's positions count)."""
    return len(text) + len(_BEYOND_BMP.findall(text))


class PieceOffsets:
    """Where offsets in text pieces, shown one after another in a document, are in it.

    The pieces are (document position, text); offsets count in their texts joined by
    ``separator`` characters (the blank line between two paragraphs of ``Article.text``),
    which the document does not show as text.
    """

    def __init__(self, pieces: Sequence[tuple[int, str]], separator: int) -> None:
        self._positions = [position for position, _text in pieces]
        self._starts: list[int] = []  # each piece's first offset in the joined text
        self._ends: list[int] = []  # and the offset just past it (increasing: separator > 0)
        # Each piece's offsets of its characters beyond the BMP, in order.
        self._wide: list[list[int]] = []
        at = 0
        for _position, text in pieces:
            self._starts.append(at)
            self._ends.append(at + len(text))
            self._wide.append([m.start() for m in _BEYOND_BMP.finditer(text)])
            at += len(text) + separator

    def position(self, offset: int, *, is_end: bool) -> int | None:
        """The document position of ``offset`` as a span's start or (``is_end``) its end.

        An offset inside the characters that join two pieces moves to the next piece's start
        for a span's start, and to the previous piece's end for its end. A start past the last
        piece is None; an end past it is the last piece's end.
        """
        # The first piece the offset is in (an end may be just past a piece's last character).
        piece = (bisect_left if is_end else bisect_right)(self._ends, offset)
        if piece == len(self._ends):
            return self._end_of(piece - 1) if is_end and piece > 0 else None
        if offset < self._starts[piece]:
            return self._end_of(piece - 1) if is_end and piece > 0 else self._positions[piece]
        return self._in_piece(piece, offset - self._starts[piece])

    def clamped(self, offset: int) -> int:
        """The position of ``offset`` in the first piece, held to its text (a field's span)."""
        length = self._ends[0] - self._starts[0]
        return self._in_piece(0, min(max(0, offset), length))

    def _end_of(self, piece: int) -> int:
        return self._in_piece(piece, self._ends[piece] - self._starts[piece])

    def _in_piece(self, piece: int, local: int) -> int:
        # Every character beyond the BMP before the offset takes one more unit.
        return self._positions[piece] + local + bisect_left(self._wide[piece], local)


def field_offsets(position: int, text: str) -> PieceOffsets:
    """The offsets of one field's text shown at ``position``."""
    return PieceOffsets([(position, text)], separator=1)
