"""Collections › Export Collection…: the items listed, from every archive they came from, in a format.

The same save dialog as Export Hits… (:class:`reader.ui.search.exporting.Exporter`); the
export runs on the task runner's thread (each archive opened once, the window's own archive
used as it is), and the status bar says how many articles went where. Items left out (their
archive moved or unreadable, their article gone) are listed in a message box, each with its
archive and why.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtWidgets import QMessageBox, QWidget

from reader.library.collection_export import Exported, Skipped, export_items, opened_archives
from reader.library.collections import Item
from reader.model import printable
from reader.ui.core import formatting
from reader.ui.core.session import Session
from reader.ui.i18n import fill
from reader.ui.search.exporting import Exporter

# What a collection's name loses as the file name offered: what file systems refuse.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


class CollectionExporter(Exporter):
    """Asks for a file and a format, then exports a collection's items in the worker thread."""

    def __init__(self, session: Session, parent: QWidget) -> None:
        super().__init__(session, parent)
        self.report: QMessageBox | None = None

    def choose(self, name: str, items: Sequence[Item]) -> None:
        """Open the save dialog for the ``items`` of collection ``name`` (nothing if none)."""
        if not items:
            return
        chosen = tuple(items)
        offered = _UNSAFE.sub("-", name).strip(" .-") or self.tr("collection")
        self.ask(
            self.tr("Export Collection"),
            offered,
            lambda fmt, path: self.start(chosen, fmt, path),
        )

    def start(self, items: Sequence[Item], fmt: str, path: str) -> None:
        """Export ``items`` as ``fmt`` to ``path``."""
        opened = opened_archives((self._session.path, self._session.library))
        self.status.emit(self.tr("Exporting the collection…"))
        self._session.tasks.run(
            export_items,
            tuple(items),
            fmt,
            path,
            None,
            opened,
            on_done=lambda done: self._done(done, path),
            on_error=lambda exc: self._failed(exc, path),
            channel="export-collection",
        )

    def _done(self, done: Exported, path: str) -> None:
        message = fill(self.tr("Exported %1 to %2"), formatting.articles(done.written), path)
        if done.skipped:
            message = fill(self.tr("%1; left out: %2"), message, str(len(done.skipped)))
            self._tell(done.skipped)
        self.status.emit(message)
        self.finished.emit(done.written)

    def why(self, skipped: Skipped) -> str:
        """Why an item was left out, in the current language."""
        if skipped.reason == "missing":
            return self.tr("the archive is not where it was (relink it in Collections)")
        if skipped.reason == "unreadable":
            return fill(self.tr("the archive cannot be read: %1"), skipped.detail)
        return self.tr("the article is no longer in the archive")

    def _tell(self, skipped: Sequence[Skipped]) -> None:
        """List the items left out (their title, archive, and why) in a window-modal box."""
        lines = [
            fill(self.tr("%1 — %2: %3"), s.title, printable(s.file), self.why(s)) for s in skipped
        ]
        box = QMessageBox(self._parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Export Collection"))
        box.setText(self.tr("These items of the collection were left out of the export:"))
        box.setInformativeText("\n".join(lines))
        box.finished.connect(box.deleteLater)
        self.report = box
        box.open()
