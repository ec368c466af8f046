"""The Problems panel: every file that could not be read, and why, under any suggested aliases."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QDockWidget, QHeaderView, QTableView, QVBoxLayout, QWidget

from reader.library.misreads import Suggestion
from reader.model import ArchiveSettings, Problem, printable
from reader.ui.problems.reasons import reason_text, templates
from reader.ui.problems.suggestions import SuggestionsView

Index = QModelIndex | QPersistentModelIndex


class ProblemsModel(QAbstractTableModel):
    """Problems as rows of (file, reason), the reason in the interface language."""

    def __init__(self, problems: Sequence[Problem] = ()) -> None:
        super().__init__()
        self._problems = list(problems)
        self._reasons = self._translated()

    def set_problems(self, problems: Sequence[Problem]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._problems = list(problems)
        self._reasons = self._translated()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Qt override."""
        return 0 if parent.isValid() else len(self._problems)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Qt override."""
        return 0 if parent.isValid() else 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Qt override."""
        if not index.isValid():
            return None
        problem = self._problems[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return printable(problem.source) if index.column() == 0 else self._reasons[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == 0:
                return printable(problem.source)
            shown = self._reasons[index.row()]
            # The reason as the program wrote it, when the interface words it otherwise.
            original = problem.cause.text
            return shown if original == shown else f"{shown}\n\n{original}"
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Qt override."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return QCoreApplication.translate("ProblemsModel", "File")
        return QCoreApplication.translate("ProblemsModel", "Reason")

    def retranslate(self) -> None:
        """Redraw the headers and the reasons in the new language."""
        self._reasons = self._translated()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 1)
        if self._problems:
            last = self.index(len(self._problems) - 1, 1)
            self.dataChanged.emit(self.index(0, 1), last, [Qt.ItemDataRole.DisplayRole])

    def _translated(self) -> list[str]:
        # Translated once per language, not on every paint: an archive may have thousands.
        table = templates()
        return [reason_text(problem.cause, table) for problem in self._problems]


class ProblemsPanel(QDockWidget):
    """A dock listing the files that could not be read; hidden while there are none.

    Suggested publication aliases (mastheads that look like OCR misreads) are listed above
    them: ``suggestions.accepted`` and ``suggestions.dismissed`` say what the reader chose.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problems")
        # Whether the reader wants the panel open when there are problems, and whether the
        # panel is being shown or hidden for them now (which says nothing of what they want).
        self.wanted = False
        self._placing = False
        self.visibilityChanged.connect(self._visibility_changed)
        self.model = ProblemsModel()
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(False)
        # Tab leaves the table (the arrows walk it): Qt's default stopped on every cell first.
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.suggestions = SuggestionsView(self)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.suggestions)
        layout.addWidget(self.view, 1)
        self.setWidget(body)
        self.retranslate()

    def set_problems(self, problems: Sequence[Problem]) -> None:
        """Show these problems."""
        self.model.set_problems(problems)
        self.view.resizeColumnToContents(0)

    def show_problems(
        self,
        problems: Sequence[Problem],
        suggestions: Sequence[Suggestion] = (),
        settings: ArchiveSettings | None = None,
    ) -> None:
        """List ``problems`` and ``suggestions`` (of an archive with ``settings``).

        The panel is open while there are some, if the reader wants it.
        """
        self.set_problems(problems)
        self.suggestions.set_suggestions(suggestions, settings or ArchiveSettings())
        self.view.setVisible(bool(problems) or not suggestions)
        self._placing = True
        try:
            self.setVisible(bool(problems or suggestions) and self.wanted)
        finally:
            self._placing = False

    def want(self, on: bool) -> None:
        """Open (or close) the panel as the reader asks (View › Problems Panel, the pointer)."""
        self.wanted = on
        self.setVisible(on)

    def _visibility_changed(self, visible: bool) -> None:
        if not self._placing:
            self.wanted = visible  # the reader closed it (or a saved layout opened it)

    def retranslate(self) -> None:
        """Set the visible texts in the current language."""
        self.setWindowTitle(self.tr("Problems"))
        self.model.retranslate()
        for row in self.suggestions.rows:
            row.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        """Qt override: follow a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
