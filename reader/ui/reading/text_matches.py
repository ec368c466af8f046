"""Matches in the text pane: search spans and find-bar hits, stepped through and highlighted."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import NamedTuple

from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from reader.library import Library
from reader.ui.core.colours import marks
from reader.ui.reading.positions import utf16_length


class Span(NamedTuple):
    """A search match in an article's field, in Python str offsets.

    ``body`` spans count in the body text shown: ``Article.text``, or the original text in the
    original-line-breaks mode. A tuple, not a frozen dataclass: an article may have 400,000
    matches, and a tuple is made several times faster on the GUI thread.
    """

    field: str
    start: int
    end: int


class Matches:
    """Places in a document (QTextDocument positions, start and end) and the current one.

    Attributes:
        positions: The places, in document order.
        current: The index of the current place, or -1 for none.
    """

    def __init__(self) -> None:
        self.positions: list[tuple[int, int]] = []
        self.current = -1

    def __len__(self) -> int:
        return len(self.positions)

    def reset(self, positions: Sequence[tuple[int, int]]) -> None:
        """Hold these places, none of them current."""
        self.positions = list(positions)
        self.current = -1

    def step(self, delta: int) -> tuple[int, int] | None:
        """Move ``delta`` places on (wrapping round); return the new current place, or None."""
        if not self.positions:
            return None
        # With none current, the first step forward is the first place, back the last.
        at = self.current if self.current >= 0 else (-1 if delta > 0 else 0)
        self.current = (at + delta) % len(self.positions)
        return self.positions[self.current]

    def select(self, position: tuple[int, int]) -> bool:
        """Make the place ``position`` current; False when it is none of the places."""
        at = bisect_left(self.positions, position)
        if at == len(self.positions) or self.positions[at] != position:
            return False
        self.current = at
        return True

    def between(self, first: int, last: int) -> range:
        """The indexes of the places that touch the positions ``first`` to ``last``."""
        start = bisect_left(self.positions, (first,))  # the first place starting at ``first``
        # A place that starts before ``first`` may run into it.
        if start > 0 and self.positions[start - 1][1] > first:
            start -= 1
        return range(start, bisect_left(self.positions, (last + 1,)))

    def restore(self, current: int) -> None:
        """Make ``current`` the current index again if there are still that many places."""
        if current < len(self.positions):
            self.current = current


def find_in_text(plain: str, text: str) -> list[tuple[int, int]]:
    """Where ``text`` occurs in ``plain``, folded as search folds: 长子 finds 長子, pm2.5 ＰＭ２．５.

    Case, width, accents and Traditional/Simplified do not count, nor a line break
    between CJK letters (供\\n热, and 要\\n\\n高度 where the OCR split a paragraph), nor a
    hyphen at a line's end (infor-\\nmation). The whole document is searched (title and
    byline too), as its plain text: QTextDocument.find looks inside one block at a time,
    so in the original line breaks a word the OCR broke over two lines would not be found.

    Args:
        plain: The document's plain text (a block break is one "\\n").
        text: What the find bar asks for.

    Returns:
        (start, end) document positions, in UTF-16 units as QTextCursor counts.
    """
    found = []
    done, units = 0, 0  # code points converted so far, and the UTF-16 units they take
    for start, end in Library.find_text(plain, text):
        first = units + utf16_length(plain[done:start])
        last = first + utf16_length(plain[start:end])
        found.append((first, last))
        done, units = end, last
    return found


def extra_selections(
    document: QTextDocument,
    matches: Matches,
    found: Matches,
    palette: QPalette,
    window: tuple[int, int],
) -> list[QTextEdit.ExtraSelection]:
    """Highlights for the search ``matches`` and then the find bar's ``found`` places.

    Only the places touching the document positions ``window`` (first, last) are highlighted:
    Qt handles each highlight on every change and paint, so 400,000 matches in one paragraph
    made them take minutes. Their colours suit ``palette`` (light or dark), the text on them
    readable in both.
    """
    colours = marks(palette)
    selections = []
    for places, normal, current in (
        (matches, colours.match, colours.current),
        (found, colours.find, colours.find_current),
    ):
        for at in places.between(*window):
            colour = current if at == places.current else normal
            selections.append(_selection(document, places.positions[at], colour, colours.text))
    return selections


def _selection(
    document: QTextDocument, span: tuple[int, int], colour: QColor, text: QColor
) -> QTextEdit.ExtraSelection:
    selection = QTextEdit.ExtraSelection()
    cursor = QTextCursor(document)
    cursor.setPosition(span[0])
    cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
    selection.cursor = cursor
    char_format = QTextCharFormat()
    char_format.setBackground(colour)
    char_format.setForeground(text)
    selection.format = char_format
    return selection
