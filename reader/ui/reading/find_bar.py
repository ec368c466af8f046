"""The find bar of the text pane: find text inside the open article, like a browser's."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from reader.ui.core import formatting


class FindBar(QWidget):
    """Find text inside the open article, like a browser's find bar.

    Signals:
        search_changed(str): the text to find changed.
        next_requested(): Enter, or the down button.
        previous_requested(): Shift+Enter, or the up button.
        closed(): Esc, or the close button.
    """

    search_changed = Signal(str)
    next_requested = Signal()
    previous_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit(self)
        self.field.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.previous_button = QToolButton(self)
        self.previous_button.setText("▲")
        self.next_button = QToolButton(self)
        self.next_button.setText("▼")
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)
        self.field.textChanged.connect(self.search_changed)
        self.field.installEventFilter(self)
        self.next_button.clicked.connect(self.next_requested)
        self.previous_button.clicked.connect(self.previous_requested)
        self.close_button.clicked.connect(self.closed)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the visible texts in the current language."""
        self.field.setPlaceholderText(self.tr("Find in article"))
        self.previous_button.setToolTip(self.tr("Previous (Shift+Enter)"))
        self.next_button.setToolTip(self.tr("Next (Enter)"))
        self.close_button.setToolTip(self.tr("Close (Esc)"))

    def show_count(self, current: int, total: int) -> None:
        """Show ``3/12`` (``1/111,188``, grouped as the rest of the window), or that none was found."""
        if not self.field.text():
            self.count.setText("")
        elif total == 0:
            self.count.setText(self.tr("Not found"))
        else:
            self.count.setText(f"{formatting.count(current + 1)}/{formatting.count(total)}")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter, Shift+Enter and Esc in the field."""
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self.previous_requested.emit()
                else:
                    self.next_requested.emit()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.closed.emit()
                return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        """Qt override: follow a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
