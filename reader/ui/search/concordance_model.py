"""The concordance's table: left context | match | right context | date | title | part, sortable.

Contexts, matches and titles sort with a Chinese collator (ICU's, in Qt): Chinese by pinyin,
Latin letters alphabetically without case, as a reader looks them up, not by code point.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QCollatorSortKey,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QPalette

from reader.library.choices import Order
from reader.library.concordance import FIELDS
from reader.library.concordance_lines import ConcordanceLine, sorted_lines
from reader.ui.core import formatting
from reader.ui.core.rows import shown_title

Index = QModelIndex | QPersistentModelIndex
LEFT, MATCH, RIGHT, DATE, TITLE, FIELD = range(6)
# The columns a click on the header sorts by, and the library's order for each.
ORDERS: dict[int, Order] = {LEFT: "left", RIGHT: "right", DATE: "date"}


class Collated:
    """A text's sort key under a collator, comparable in Python.

    PySide6's ``QCollatorSortKey`` orders with ``<`` but its ``==`` is identity, so two equal
    keys in a tuple would never fall through to the next element: this compares by ``compare``.
    """

    __slots__ = ("key",)

    def __init__(self, key: QCollatorSortKey) -> None:
        self.key = key

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Collated) and self.key.compare(other.key) == 0

    def __lt__(self, other: Collated) -> bool:
        return self.key.compare(other.key) < 0

    # Unhashable, as a class with __eq__ and no __hash__ is: sort keys are never dict keys.
    __hash__ = None  # type: ignore[assignment]


def chinese_collator() -> QCollator:
    """Pinyin order for Chinese, letters without case (Simplified Chinese as used in China)."""
    collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return collator


def field_name(field: str) -> str:
    """The part of an article a line is from, as the table names it (``byline``: 作者)."""
    names = {
        "kicker": QCoreApplication.translate("ConcordanceView", "Kicker"),
        "title": QCoreApplication.translate("ConcordanceView", "Title"),
        "subtitle": QCoreApplication.translate("ConcordanceView", "Subtitle"),
        "byline": QCoreApplication.translate("ConcordanceView", "Byline"),
        "column": QCoreApplication.translate("ConcordanceView", "Column"),
        "body": QCoreApplication.translate("ConcordanceView", "Text"),
    }
    return names.get(field, field)


class ConcordanceModel(QAbstractTableModel):
    """The lines of a concordance, one row each; ``sort`` orders them as the library does.

    The left context is right-aligned, so the matches stand in one column; the match is bold.
    The last column names the part of the article the match is in (text, title, column…): a
    search finds articles by their byline and column too, and each gives its lines.
    """

    def __init__(self) -> None:
        super().__init__()
        self._lines: list[ConcordanceLine] = []
        self._shown: list[ConcordanceLine] = []  # in the current order
        self._order: tuple[int, Qt.SortOrder] = (DATE, Qt.SortOrder.AscendingOrder)
        self._collator = chinese_collator()

    def collate(self, text: str) -> Collated:
        """The sort key of ``text`` in the table's order (pinyin for Chinese)."""
        return Collated(self._collator.sortKey(text))

    def set_lines(self, lines: Sequence[ConcordanceLine]) -> None:
        """Show ``lines`` (in date order as given), sorted as the table is."""
        self.beginResetModel()
        self._lines = list(lines)
        self._shown = self._sorted(*self._order)
        self.endResetModel()

    @property
    def lines(self) -> list[ConcordanceLine]:
        """The lines in the order shown."""
        return list(self._shown)

    def line(self, row: int) -> ConcordanceLine | None:
        """The line of ``row``, or None."""
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        """Qt override: one row per line."""
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Qt override: left, match, right, date, title, part."""
        return 0 if parent.isValid() else 6

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Qt override: the texts, the left context right-aligned, the match bold."""
        line = self.line(index.row())
        if line is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.ToolTipRole and column in (LEFT, MATCH, RIGHT):
                return line.left + line.match + line.right
            return (
                line.left,
                line.match,
                line.right,
                formatting.date(line.date),
                shown_title(line.title),
                field_name(line.field),
            )[column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            side = Qt.AlignmentFlag.AlignRight if column == LEFT else Qt.AlignmentFlag.AlignLeft
            return side | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ForegroundRole and column == FIELD and line.field == "body":
            return QPalette().color(QPalette.ColorRole.PlaceholderText)  # the usual case: quiet
        if role == Qt.ItemDataRole.FontRole and column == MATCH:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Qt override: the column names, in the interface language."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (
            QCoreApplication.translate("ConcordanceView", "Left context"),
            QCoreApplication.translate("ConcordanceView", "Match"),
            QCoreApplication.translate("ConcordanceView", "Right context"),
            QCoreApplication.translate("ConcordanceView", "Date"),
            QCoreApplication.translate("ConcordanceView", "Title"),
            QCoreApplication.translate("ConcordanceView", "Found in"),
        )
        return names[section] if 0 <= section < len(names) else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Qt override: by the left context (read leftwards), the right context or the date.

        The match and title columns sort by their text, the part in reading order (title
        first, text last); descending reverses the order.
        """
        self.layoutAboutToBeChanged.emit()
        self._order = (column, order)
        self._shown = self._sorted(column, order)
        self.layoutChanged.emit()

    def _sorted(self, column: int, order: Qt.SortOrder) -> list[ConcordanceLine]:
        if column in ORDERS:
            lines = sorted_lines(self._lines, ORDERS[column], self.collate)
        elif column == FIELD:
            by_date = sorted_lines(self._lines, "date")
            lines = sorted(by_date, key=lambda x: FIELDS.index(x.field))
        else:
            by_date = sorted_lines(self._lines, "date")
            lines = sorted(
                by_date,
                key=lambda x: self.collate(x.match if column == MATCH else shown_title(x.title)),
            )
        if order == Qt.SortOrder.DescendingOrder:
            lines.reverse()
        return lines

    def refresh(self) -> None:
        """Word the dates and headers again (the interface language changed)."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, FIELD)
        if self._shown:
            self.dataChanged.emit(self.index(0, DATE), self.index(len(self._shown) - 1, FIELD))
