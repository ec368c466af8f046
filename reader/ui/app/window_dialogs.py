"""The dialogs the window's menus open over it: Archive Properties, Keyboard Shortcuts, About.

Each goes when closed. About can clear the open archive's search index, which is then built
again from the archive.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from reader.ui.app import about
from reader.ui.app.about import AboutDialog
from reader.ui.app.properties import show_properties
from reader.ui.app.shortcuts import ShortcutsDialog

if TYPE_CHECKING:
    from reader.ui.app.window import MainWindow


class WindowDialogs(QObject):
    """Opens File › Archive Properties, Help › Keyboard Shortcuts and Help › About over the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        actions = window.action_set
        actions.properties.triggered.connect(self.show_properties)
        actions.shortcuts.triggered.connect(self.show_shortcuts)
        actions.about.triggered.connect(self.show_about)

    def show_shortcuts(self) -> None:
        """The Keyboard Shortcuts dialog."""
        dialog = ShortcutsDialog(self._window.menus.all_actions(), self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_about(self) -> None:
        """The About box: versions, licence, where the files are; it can clear the index."""
        window = self._window
        dialog = AboutDialog(window.session, window.search_panel.indexer.running, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.clear_index.connect(self.clear_index)
        dialog.open()

    def show_properties(self) -> None:
        """File › Archive Properties (with no archive open, a word in the status bar)."""
        window = self._window
        window.show_message(show_properties(window.library, window.session.index_root, window))

    def clear_index(self) -> None:
        """Delete the open archive's search index and build it again from the archive."""
        window = self._window
        window.show_message(about.clear_and_rebuild(window.session, window.search_panel.keeper))
