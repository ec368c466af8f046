"""The search field (with history) and the facet strip of the search panel."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLineEdit,
    QScrollArea,
    QToolButton,
    QWidget,
)

from reader.ui.core import settings
from reader.ui.i18n import fill


class SearchField(QLineEdit):
    """The search field: Enter searches, Up in an empty field walks back through past searches.

    A query goes into the history once it has run (:meth:`add_to_history`), so a malformed one
    never does.

    Signals:
        submitted(str): Enter was pressed on this text.
        down_pressed(): Down was pressed outside the history (the results take the focus).
    """

    submitted = Signal(str)
    down_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search_field")
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(260)
        self.setMaximumWidth(520)
        self._history_at = -1
        self.returnPressed.connect(self._submit)
        self.textEdited.connect(self._edited)

    def _submit(self) -> None:
        self._history_at = -1
        self.submitted.emit(self.text().strip())

    def add_to_history(self, query: str) -> None:
        """Put ``query`` first in the search history (it ran)."""
        settings.remember("search_history", query, settings.MAX_HISTORY)
        self._history_at = -1

    def reset(self) -> None:
        """Empty the field (another archive is open); the history stays."""
        self.clear()
        self._history_at = -1

    def _edited(self, _text: str) -> None:
        self._history_at = -1

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Qt override: Up and Down walk the history; Down also leads to the results."""
        history = settings.read("search_history")
        if event.key() == Qt.Key.Key_Up and (not self.text() or self._history_at >= 0):
            if self._history_at + 1 < len(history):
                self._history_at += 1
                self.setText(history[self._history_at])
            return
        if event.key() == Qt.Key.Key_Down:
            if self._history_at > 0:
                self._history_at -= 1
                self.setText(history[self._history_at])
            elif self._history_at == 0:
                self._history_at = -1
                self.clear()
            else:
                self.down_pressed.emit()
            return
        super().keyPressEvent(event)


class FacetStrip(QScrollArea):
    """A row of toggle buttons, one per year with its hit count, and "All".

    Signals:
        chosen(str): the facet key clicked ("" for all).
    """

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFixedHeight(34)
        self._inner = QWidget(self)
        self._layout = QHBoxLayout(self._inner)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self.setWidget(self._inner)
        self._group = QButtonGroup(self)
        # Not exclusive: a year and a publication may both be chosen.
        self._group.setExclusive(False)
        self.buttons: dict[str, QToolButton] = {}

    def set_facets(
        self,
        facets: list[tuple[str, str, int]],
        year: str = "",
        publication: str = "",
        archive: str = "",
    ) -> None:
        """Show (key, label, count) buttons after an "All" button; the chosen ones pressed.

        Keys are years, ``publication:NAME`` or ``archive:KEY`` (the years count every hit).
        """
        for button in self.buttons.values():
            self._group.removeButton(button)
            button.deleteLater()
        self.buttons = {}
        while self._layout.count():
            self._layout.takeAt(0)
        total = sum(count for key, _l, count in facets if ":" not in key)
        rows = [("", self.tr("All"), total), *facets]
        chosen = {
            year,
            f"publication:{publication}" if publication else "",
            f"archive:{archive}" if archive else "",
        }
        for key, label, count in rows:
            button = QToolButton(self._inner)
            # Full-width brackets beside Chinese: the translation of "%1 (%2)" says which.
            button.setText(fill(self.tr("%1 (%2)"), label, f"{count:,}"))
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setChecked(key in chosen if key else not (year or publication or archive))
            button.clicked.connect(lambda _checked=False, k=key: self.chosen.emit(k))
            self._group.addButton(button)
            self._layout.addWidget(button)
            self.buttons[key] = button
        self._layout.addStretch(1)
