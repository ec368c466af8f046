"""A dock that a checkable View-menu action shows and hides, and that follows a language switch."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow


class MenuDock(QDockWidget):
    """A dock kept in step with its View-menu action (either one shows or hides it).

    A subclass sets its widget, then calls :meth:`place`; it overrides :meth:`retranslate`
    (called on a language switch) and :meth:`became_visible`.
    """

    def __init__(self, window: QMainWindow, name: str, action: QAction) -> None:
        super().__init__(window)
        self.setObjectName(name)
        self._action = action

    def place(self, window: QMainWindow, area: Qt.DockWidgetArea) -> None:
        """Dock into ``area`` of ``window``, hidden until the action is checked."""
        window.addDockWidget(area, self)
        self.hide()
        self._action.toggled.connect(self.setVisible)
        self.visibilityChanged.connect(self._visibility_changed)

    def retranslate(self) -> None:
        """Set every text in the current language (a subclass's)."""

    def became_visible(self) -> None:
        """The dock was just shown (a subclass brings its contents up to date here)."""

    def changeEvent(self, event: QEvent) -> None:
        """Qt override: follow a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @Slot(bool)
    def _visibility_changed(self, visible: bool) -> None:
        # Closing the dock by its own button unchecks the action, without toggling it back.
        self._action.blockSignals(True)
        self._action.setChecked(visible)
        self._action.blockSignals(False)
        if visible:
            self.became_visible()
