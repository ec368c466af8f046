"""The Go to Date dialog: type or pick a day (years and decades listed beside), open the nearest issue."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.library.navigation import issue_days, nearest_issue, typed_date
from reader.model import Issue
from reader.ui.browse.calendar import Calendar, qdate
from reader.ui.core import formatting
from reader.ui.i18n import fill

_YEAR_ROLE = Qt.ItemDataRole.UserRole


class GoToDateDialog(QDialog):
    """Type a date, or pick one (a year from the list, a day in the calendar, where issue days
    are marked); the dialog names the issue nearest to it, which is where Enter leads."""

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
        self._days = issue_days(issues, publication)
        # Text typed that is no date: Enter would open the calendar's day, which nobody asked
        # for, so the dialog stays open (OK disabled) until it reads or a day is picked.
        self._unreadable = False
        self.typed = QLineEdit(self)
        self.typed.setPlaceholderText(self.tr("1946-05-16, 1946年5月16日 or 16 May 1946"))
        self.typed.setClearButtonEnabled(True)
        self.typed.textEdited.connect(self._typed)
        self.typed.returnPressed.connect(self.accept)
        self.calendar = Calendar(self)
        self.calendar.setGridVisible(True)
        if self._days:
            self.calendar.setDateRange(qdate(min(self._days)), qdate(max(self._days)))
        if start is not None:
            self.calendar.setSelectedDate(qdate(start))
        self.calendar.mark_days(self._days)
        self.years = _year_list(self._days, self)
        self.years.itemActivated.connect(self._year_chosen)
        self.years.itemClicked.connect(self._year_chosen)
        self._show_year(start.year if start is not None else None)
        self.nearest_label = QLabel(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.calendar.activated.connect(self.accept)
        typed_label = QLabel(self.tr("&Date:"), self)
        typed_label.setBuddy(self.typed)
        typed_row = QHBoxLayout()
        typed_row.addWidget(typed_label)
        typed_row.addWidget(self.typed, 1)
        pickers = QHBoxLayout()
        pickers.addWidget(self.years)
        pickers.addWidget(self.calendar, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Type or pick a date; Enter opens the issue nearest to it."), self)
        )
        layout.addLayout(typed_row)
        layout.addLayout(pickers)
        layout.addWidget(self.nearest_label)
        layout.addWidget(buttons)
        self.calendar.selectionChanged.connect(self._picked)
        self.typed.setFocus()
        self._update()

    def accept(self) -> None:
        """Open the nearest issue, unless the date typed cannot be read (then stay open)."""
        if self._unreadable:
            return
        super().accept()

    def selected_date(self) -> dt.date:
        """The date picked."""
        picked = self.calendar.selectedDate()
        return dt.date(picked.year(), picked.month(), picked.day())

    def nearest(self) -> Issue | None:
        """The issue nearest the picked date."""
        return nearest_issue(self._issues, self.selected_date(), self._publication)

    def go_to_year(self, year: int) -> None:
        """Show the year's first month with an issue, its first issue day selected."""
        first = min((d for d in self._days if d.year == year), default=None)
        if first is not None:
            self.calendar.setSelectedDate(qdate(first))

    def _show_year(self, year: int | None) -> None:
        """Open the decade of ``year`` in the list and select the year (when it has issues)."""
        found = self.years.findItems(
            formatting.year(year) if year is not None else "",
            Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
        )
        for item in found:
            if item.data(0, _YEAR_ROLE) == year:
                parent = item.parent()
                if parent is not None:
                    parent.setExpanded(True)
                self.years.setCurrentItem(item)
                return

    def _typed(self, text: str) -> None:
        day = typed_date(text)
        if day is not None:
            self.calendar.setSelectedDate(qdate(day))
        self._unreadable = bool(text.strip()) and day is None
        self._update()

    def _picked(self) -> None:
        # A day picked in the calendar or the year list is chosen over the text typed before.
        self._unreadable = False
        self._update()

    def _year_chosen(self, item: QTreeWidgetItem) -> None:
        year = item.data(0, _YEAR_ROLE)
        if isinstance(year, int):
            self.go_to_year(year)
        else:
            item.setExpanded(True)

    def _update(self) -> None:
        issue = self.nearest()
        self.ok_button.setEnabled(not self._unreadable)
        if self._unreadable:
            self.nearest_label.setText(self.tr("Not a date I can read."))
        elif issue is None:
            self.nearest_label.setText(self.tr("No dated issues in this archive."))
        else:
            self.nearest_label.setText(
                fill(self.tr("Nearest issue: %1"), formatting.issue_label(issue))
            )


def _year_list(days: Counter[dt.date], parent: QWidget) -> QTreeWidget:
    """Decades, each holding its years, with the number of issues of each."""
    tree = QTreeWidget(parent)
    tree.setHeaderHidden(True)
    tree.setColumnCount(2)
    tree.setRootIsDecorated(True)
    per_year = Counter[int]()
    for day, count in days.items():
        per_year[day.year] += count
    decades: dict[int, QTreeWidgetItem] = {}
    for year in sorted(per_year):
        decade = year // 10 * 10
        if decade not in decades:
            total = sum(n for y, n in per_year.items() if y // 10 * 10 == decade)
            decades[decade] = QTreeWidgetItem(tree, [_decade_name(decade), formatting.count(total)])
        item = QTreeWidgetItem(
            decades[decade], [formatting.year(year), formatting.count(per_year[year])]
        )
        item.setData(0, _YEAR_ROLE, year)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
    if len(decades) <= 2:
        tree.expandAll()
    header = tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    # Wide enough for an indented year and a four-digit count in either language.
    metrics = tree.fontMetrics()
    widest = max(metrics.horizontalAdvance(_decade_name(1940)), metrics.horizontalAdvance("8888"))
    tree.setMinimumWidth(widest + metrics.horizontalAdvance("8,888") + tree.indentation() * 2 + 40)
    return tree


def _decade_name(decade: int) -> str:
    """``1940s`` / ``1940年代``."""
    return fill(QCoreApplication.translate("GoToDateDialog", "%1s", "a decade"), decade)
