"""What the window does when the reader accepts or dismisses a suggested publication alias.

The choice is kept per user (``reader.library.aliases``), never in the archive; the archive is
then read again (from the catalogue cache: the files did not change), so the tree, the
Problems panel and, once the index is brought up to date, the search facets show it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from reader.library import aliases
from reader.library.misreads import Suggestion
from reader.model import ReaderError
from reader.ui.app.watching import Reloader
from reader.ui.core.session import Session
from reader.ui.problems.panel import ProblemsPanel


class AliasKeeper(QObject):
    """Keeps the Problems panel's Accept and Dismiss: writes the reader's choice, reads again."""

    def __init__(
        self, session: Session, reloader: Reloader, panel: ProblemsPanel, parent: QObject
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._reloader = reloader
        panel.suggestions.accepted.connect(self.accept)
        panel.suggestions.dismissed.connect(self.dismiss)

    def accept(self, suggestion: Suggestion) -> None:
        """Read ``suggestion.masthead`` as its likely name from now on."""
        library = self._session.library
        if library is None:
            return
        try:
            aliases.accept(library.archive, suggestion.masthead, suggestion.name)
        except ReaderError as exc:
            self._session.error.emit(exc)
            return
        self._reloader.reread()

    def dismiss(self, suggestion: Suggestion) -> None:
        """The masthead is right as printed: do not suggest it again."""
        library = self._session.library
        if library is None:
            return
        try:
            aliases.dismiss(library.archive, suggestion.masthead)
        except ReaderError as exc:
            self._session.error.emit(exc)
            return
        self._reloader.reread()
