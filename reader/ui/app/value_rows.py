"""A named, selectable value in a two-column grid: the rows of the About and Properties dialogs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget


def add_value_row(
    parent: QWidget, grid: QGridLayout, row: int, label_text: str, name: str, value: str
) -> QLabel:
    """Add ``label_text`` (already translated, with its colon) and ``value`` as row ``row``.

    The value is plain text a reader can select and copy (a path, a checksum), wraps, and is
    named ``name`` for screen readers; the label is its buddy. Returns the value's label.
    """
    shown = QLabel(value, parent)
    shown.setTextFormat(Qt.TextFormat.PlainText)
    shown.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    shown.setWordWrap(True)
    shown.setAccessibleName(name)
    label = QLabel(label_text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setBuddy(shown)
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    grid.addWidget(label, row, 0)
    grid.addWidget(shown, row, 1)
    return shown
