"""The Go to Date dialog: pick a day, open the issue nearest to it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from reader.library.navigation import nearest_issue
from reader.model import Issue
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
        self.calendar = QCalendarWidget(self)
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
            self.nearest_label.setText(fill(self.tr("Nearest issue: %1"), issue.label))


def _qdate(day: dt.date) -> QDate:
    """``day`` as a QDate (PySide6 converts a date itself, but its stubs do not say so)."""
    return QDate(day.year, day.month, day.day)
