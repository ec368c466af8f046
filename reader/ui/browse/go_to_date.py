"""The Go to Date dialog: pick a day, open the issue nearest to it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate, QEvent, QObject
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.library.navigation import nearest_issue
from reader.model import Issue
from reader.ui.core import formatting
from reader.ui.i18n import fill


class GoToDateDialog(QDialog):
    """Pick a date; the dialog names the issue nearest to it, which is where Enter leads."""

    def __init__(
        self,
        issues: Sequence[Issue],
        start: dt.date | None,
        publication: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Go to Date"))
        self._issues = issues
        self._publication = publication
        self.calendar = Calendar(self)
        self.calendar.setGridVisible(True)
        dates = [i.date for i in issues if i.date is not None]
        if dates:
            self.calendar.setDateRange(_qdate(min(dates)), _qdate(max(dates)))
        if start is not None:
            self.calendar.setSelectedDate(_qdate(start))
        self.nearest_label = QLabel(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.calendar.activated.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Pick a date; Enter opens the issue nearest to it."), self))
        layout.addWidget(self.calendar)
        layout.addWidget(self.nearest_label)
        layout.addWidget(buttons)
        self.calendar.selectionChanged.connect(self._update)
        self.calendar.setFocus()
        self._update()

    def selected_date(self) -> dt.date:
        """The date picked."""
        picked = self.calendar.selectedDate()
        return dt.date(picked.year(), picked.month(), picked.day())

    def nearest(self) -> Issue | None:
        """The issue nearest the picked date."""
        return nearest_issue(self._issues, self.selected_date(), self._publication)

    def _update(self) -> None:
        issue = self.nearest()
        if issue is None:
            self.nearest_label.setText(self.tr("No dated issues in this archive."))
        else:
            self.nearest_label.setText(
                fill(self.tr("Nearest issue: %1"), formatting.issue_label(issue))
            )


class Calendar(QCalendarWidget):
    """Qt's calendar, its header worded as the locale writes a month: ``2022年 9月``, ``September 2022``.

    Qt names the shown month and year itself (``九月 2022`` in Chinese) and rewrites them
    whenever the page changes; the header's two buttons are reworded just before they are
    drawn, so every way of turning the page is covered.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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


def _qdate(day: dt.date) -> QDate:
    """``day`` as a QDate (PySide6 converts a date itself, but its stubs do not say so)."""
    return QDate(day.year, day.month, day.day)
