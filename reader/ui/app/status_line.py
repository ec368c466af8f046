"""The status bar's text: a label saying what is open (or where among the matches the reader
is), and one-off messages over it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QLabel, QStatusBar

# How long a one-off status message ("Copied…", "Indexing cancelled.") stays.
MESSAGE_TIMEOUT_MS = 5000


class StatusLine(QObject):
    """The status bar's label, and the one-off messages that cover it for a few seconds.

    The label says what is open, or while the open article has a current match (or more
    than are marked) where the reader is among them. Both texts are kept as functions, so
    that they can be said again in another language; being the label's, the matches' text
    stays until they change (a message or a menu's status tip covers it only for a while).
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
        self._matches: Callable[[], str] = str
        self._said = ""  # the matches' text the label said last

    def set_state(self, render: Callable[[], str]) -> None:
        """Let the label say ``render()`` (again after a language switch)."""
        self._state = render
        self.restore()

    def follow_matches(self, render: Callable[[], str]) -> None:
        """Let the label say ``render()`` rather than what is open while it is not empty."""
        self._matches = render

    @Slot()
    def matches_moved(self) -> None:
        """The matches changed: say where the reader is among them now, over any message.

        Only a text that changed takes a message away: this is also asked when nothing moved
        (the focus went elsewhere), and a message just shown ("Saved the search…") stays.
        """
        said = self._matches()
        if said and said != self._said:
            self._bar.clearMessage()  # an older message would hide the new match
        self._said = said
        self.restore()

    def restore(self) -> None:
        """Let the label say what is open again (after a progress text), in the current language."""
        self.label.setText(self._matches() or self._state())

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
