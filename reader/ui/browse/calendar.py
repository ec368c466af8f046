"""The Go to Date calendar: Qt's, its header worded as the locale writes a month, issue days marked."""

from __future__ import annotations

import calendar as days_of
import datetime as dt
from collections.abc import Mapping

from PySide6.QtCore import QDate, QEvent, QObject
from PySide6.QtGui import QFont, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QToolButton, QWidget

from reader.ui.core import colours, formatting


class Calendar(QCalendarWidget):
    """Qt's calendar, its header worded as the locale writes a month: ``2022年 9月``, ``September 2022``.

    Qt names the shown month and year itself (``九月 2022`` in Chinese) and rewrites them
    whenever the page changes; the header's two buttons are reworded just before they are
    drawn, so every way of turning the page is covered.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._days: Mapping[dt.date, int] = {}
        self._marked: list[QDate] = []
        self.currentPageChanged.connect(self._mark_page)
        self.month_button = self.findChild(QToolButton, "qt_calendar_monthbutton")
        self.year_button = self.findChild(QToolButton, "qt_calendar_yearbutton")
        for button in (self.month_button, self.year_button):
            if button is not None:
                button.installEventFilter(self)
        self._order()

    def header(self) -> str:
        """The shown month as the header reads, left to right (``2022年 9月``)."""
        buttons = sorted(
            (b for b in (self.month_button, self.year_button) if b is not None),
            key=lambda b: b.x(),
        )
        return " ".join(b.text() for b in buttons)

    def _chinese(self) -> bool:
        return formatting.language(self.locale().name()) == "zh_CN"

    def _order(self) -> None:
        """Year before month in Chinese (2022年 9月), month first otherwise."""
        bar = self.findChild(QWidget, "qt_calendar_navigationbar")
        layout = bar.layout() if bar is not None else None
        if layout is None or self.month_button is None or self.year_button is None:
            return
        first, second = (self.year_button, self.month_button)
        if not self._chinese():
            first, second = second, first
        at = min(layout.indexOf(first), layout.indexOf(second))
        for n, button in enumerate((first, second)):
            layout.removeWidget(button)
            layout.insertWidget(at + n, button)  # type: ignore[attr-defined]

    def _word(self) -> None:
        name = self.locale().name()
        texts = (
            (self.month_button, formatting.month(self.monthShown(), name)),
            (self.year_button, formatting.year(self.yearShown(), name)),
        )
        for button, text in texts:
            if button is not None and button.text() != text:
                button.setText(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Reword the header's buttons just before they are drawn or measured."""
        if event.type() in (QEvent.Type.Paint, QEvent.Type.Show):
            self._word()
        return False

    def changeEvent(self, event: QEvent) -> None:
        """Qt override: a new locale may put the year first."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LocaleChange:
            self._order()

    def mark_days(self, days: Mapping[dt.date, int]) -> None:
        """Mark the days that have issues (bold, tinted); only the shown months are formatted,
        so fifty years of a daily cost no more than one month."""
        self._days = days
        self._mark_page(self.yearShown(), self.monthShown())

    def is_marked(self, day: dt.date) -> bool:
        """Whether ``day`` is drawn as a day with an issue."""
        return self.dateTextFormat(qdate(day)).fontWeight() == QFont.Weight.Bold

    def _mark_page(self, year: int, month: int) -> None:
        for shown in self._marked:
            self.setDateTextFormat(shown, QTextCharFormat())
        self._marked = []
        if not self._days:
            return
        marked = QTextCharFormat()
        marked.setFontWeight(QFont.Weight.Bold)
        marked.setBackground(colours.marks(self.palette()).find)
        marked.setForeground(colours.marks(self.palette()).text)
        # The grid shows the end of the month before and the start of the month after.
        for shown_year, shown_month in _around(year, month):
            for number in range(1, days_of.monthrange(shown_year, shown_month)[1] + 1):
                day = dt.date(shown_year, shown_month, number)
                if day in self._days:
                    self.setDateTextFormat(qdate(day), marked)
                    self._marked.append(qdate(day))


def _around(year: int, month: int) -> list[tuple[int, int]]:
    before = (year, month - 1) if month > 1 else (year - 1, 12)
    after = (year, month + 1) if month < 12 else (year + 1, 1)
    return [m for m in (before, (year, month), after) if 1 <= m[0] <= 9999]


def qdate(day: dt.date) -> QDate:
    """``day`` as a QDate (PySide6 converts a date itself, but its stubs do not say so)."""
    return QDate(day.year, day.month, day.day)
