"""The status bar's text: a label saying what is open, and one-off messages over it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QLabel, QStatusBar

# How long a one-off status message ("Copied…", "Indexing cancelled.") stays.
MESSAGE_TIMEOUT_MS = 5000


class StatusLine(QObject):
    """The status bar's label, and the one-off messages that cover it for a few seconds.

    The label says what is open; its text is kept as a function, so that it can be said
    again in another language.
    """

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self._bar = bar
        self.label = QLabel(bar)
        bar.addWidget(self.label, 1)
        # QStatusBar hides its normal widgets for a message only if they are visible then: a
        # message shown before the window is would be drawn over the label.
        bar.messageChanged.connect(lambda text: self.label.setHidden(bool(text)))
        self.timeout_ms = MESSAGE_TIMEOUT_MS
        self._state: Callable[[], str] = str

    def set_state(self, render: Callable[[], str]) -> None:
        """Let the label say ``render()`` (again after a language switch)."""
        self._state = render
        self.label.setText(render())

    def restore(self) -> None:
        """Let the label say what is open again (after a progress text), in the current language."""
        self.label.setText(self._state())

    @Slot(str)
    def show_message(self, text: str) -> None:
        """Show a one-off message over the label for a few seconds ("" takes it away)."""
        if text:
            self._bar.showMessage(text, self.timeout_ms)
        else:
            self._bar.clearMessage()

    def show_progress(self, text: str) -> None:
        """Show ``text`` over the label until another message replaces it."""
        self._bar.showMessage(text)
