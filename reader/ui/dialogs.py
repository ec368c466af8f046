"""Small dialogs: Go to date, Keyboard shortcuts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.model import Issue
from reader.ui.i18n import fill
from reader.ui.navigation import nearest_issue


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
            self.calendar.setDateRange(QDate(min(dates)), QDate(max(dates)))
        if start is not None:
            self.calendar.setSelectedDate(QDate(start))
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
        return self.calendar.selectedDate().toPython()

    def nearest(self) -> Issue | None:
        """The issue nearest the picked date."""
        return nearest_issue(self._issues, self.selected_date(), self._publication)

    def _update(self) -> None:
        issue = self.nearest()
        if issue is None:
            self.nearest_label.setText(self.tr("No dated issues in this archive."))
        else:
            self.nearest_label.setText(fill(self.tr("Nearest issue: %1"), issue.label))


class ShortcutsDialog(QDialog):
    """Every action with its keyboard shortcuts and the menu that holds it."""

    def __init__(self, rows: Sequence[tuple[str, QAction]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys"), self.tr("Menu")])
        for menu, action in rows:
            keys = ", ".join(
                s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()
            )
            items = [
                QStandardItem(action.text().replace("&", "")),
                QStandardItem(keys),
                QStandardItem(menu),
            ]
            for item in items:
                item.setEditable(False)
            self.model.appendRow(items)
        view = QTableView(self)
        view.setModel(self.model)
        view.verticalHeader().hide()
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        view.setAlternatingRowColors(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(view)
        layout.addWidget(buttons)
        self.resize(560, 620)
        view.setFocus(Qt.FocusReason.OtherFocusReason)
