"""Search › Export Hits…: the selected hits (when several are), or every hit of the search shown.

In a library search the hits are the library's, each read from its own archive.

A save dialog whose file types are the formats (CSV, RIS, CSL-JSON, BibTeX, and plain text or
Markdown files in a zip); the export runs on the task runner's thread, streamed by the library,
and the status bar says how many articles went where. The Collections dock's Export
Collection… uses the same dialog (:class:`Exporter`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from reader.library import Hit, Library
from reader.library.destination import CannotWrite
from reader.library.export import SUFFIXES, export
from reader.library.export_entries import hit_entries, search_entries
from reader.library.many_export import export_many
from reader.library.searching import SearchRequest
from reader.model import ReaderError
from reader.model.reasons import os_reason
from reader.ui.core import formatting, settings, unwritten
from reader.ui.core.session import Session
from reader.ui.i18n import fill
from reader.ui.problems.reasons import reason_text
from reader.ui.search.library_scope import LibraryScope

# The formats in the order the dialog offers them; text and Markdown go into a zip.
FORMATS = ("csv", "ris", "csl-json", "bibtex", "text", "markdown")


def write_hits(library: Library, source: SearchRequest | Sequence[Hit], fmt: str, path: str) -> int:
    """In the worker: export every hit of a search, or these hits; return how many."""
    if isinstance(source, SearchRequest):
        _total, items = search_entries(library, source)
    else:
        items = hit_entries(library, source)
    return export(library, items, fmt, path)


class Exporter(QObject):
    """The save dialog with a file type per format, and what follows an export (shared).

    :class:`HitExporter` exports hits; the Collections dock's exporter a collection.

    Signals:
        status(str): a message for the status bar.
        finished(int): how many articles an export wrote (for the tests).
    """

    status = Signal(str)
    finished = Signal(int)

    def __init__(self, session: Session, parent: QWidget) -> None:
        super().__init__(parent)
        self._session = session
        self._parent = parent
        self.dialog: QFileDialog | None = None

    def filters(self) -> dict[str, str]:
        """The dialog's file types, by format."""
        # An explicit context: tr() would take the subclass's name, and both share these.
        return {
            "csv": QCoreApplication.translate("HitExporter", "CSV spreadsheet (*.csv)"),
            "ris": QCoreApplication.translate("HitExporter", "RIS for Zotero, EndNote (*.ris)"),
            "csl-json": QCoreApplication.translate(
                "HitExporter", "CSL-JSON for Zotero, Pandoc (*.json)"
            ),
            "bibtex": QCoreApplication.translate("HitExporter", "BibTeX (*.bib)"),
            "text": QCoreApplication.translate("HitExporter", "Plain text files, zipped (*.zip)"),
            "markdown": QCoreApplication.translate("HitExporter", "Markdown files, zipped (*.zip)"),
        }

    def ask(self, title: str, name: str, chosen: Callable[[str, str], None]) -> None:
        """Open the save dialog (``title``, the file ``name`` offered without its suffix).

        The dialog is window-modal and returns at once; choosing a file calls
        ``chosen(format, path)``, the path ending as the format's files do.
        """
        filters = self.filters()
        folder = Path(settings.read("dialog_folder") or Path.home())
        dialog = QFileDialog(self._parent, title, str(folder))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilters(list(filters.values()))
        dialog.selectNameFilter(filters["csv"])
        dialog.selectFile(name + ".csv")

        def selected(path: str) -> None:
            fmt = next((f for f, text in filters.items() if text == dialog.selectedNameFilter()))
            chosen(fmt, with_suffix(path, fmt))

        dialog.fileSelected.connect(selected)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _failed(self, exc: BaseException, path: str) -> None:
        if isinstance(exc, OSError | ReaderError):  # ReaderError: a bad query
            if isinstance(exc, CannotWrite):  # its message names the path, which this one does
                reason = unwritten.why(exc)
            elif isinstance(exc, OSError):  # an archive's file that could not be read
                reason = _why_not_read(exc)
            else:
                reason = str(exc)
            text = QCoreApplication.translate("HitExporter", "Could not export to %1: %2")
            self.status.emit(fill(text, path, reason))
        else:
            self._session.error.emit(exc)  # a bug: the window reports it


class HitExporter(Exporter):
    """Asks for a file and a format, then exports the hits in the worker thread."""

    def choose(
        self,
        request: SearchRequest,
        selected: Sequence[Hit] = (),
        scope: LibraryScope | None = None,
    ) -> None:
        """Open the save dialog for ``selected`` hits (when several) or every hit of ``request``.

        With ``scope`` (a library search), the hits are the library's, each exported from its
        own archive. The dialog is window-modal and returns at once; choosing a file starts
        the export.
        """
        if self._session.library is None or not request.query:
            return
        source: SearchRequest | Sequence[Hit] = tuple(selected) if len(selected) > 1 else request
        self.ask(
            self.tr("Export Hits"),
            self.tr("hits"),
            lambda fmt, path: self.start(source, fmt, path, scope),
        )

    def start(
        self,
        source: SearchRequest | Sequence[Hit],
        fmt: str,
        path: str,
        scope: LibraryScope | None = None,
    ) -> None:
        """Export ``source`` (a search's hits, or these hits) as ``fmt`` to ``path``.

        With ``scope``, over the library's ticked archives that have an index (as the search).
        """
        library = self._session.library
        if library is None:
            return
        self.status.emit(self.tr("Exporting the hits…"))
        if scope is not None:
            scope.run_many(
                lambda libraries: export_many(libraries, source, fmt, path),
                on_done=lambda count: self._done(count, path),
                on_error=lambda exc: self._failed(exc, path),
                channel="export",
            )
            return
        self._session.tasks.run(
            write_hits,
            library,
            source,
            fmt,
            path,
            on_done=lambda count: self._done(count, path),
            on_error=lambda exc: self._failed(exc, path),
            channel="export",
        )

    def _done(self, count: int, path: str) -> None:
        self.status.emit(fill(self.tr("Exported %1 to %2"), formatting.articles(count), path))
        self.finished.emit(count)


def _why_not_read(exc: OSError) -> str:
    """Why reading an archive's file failed, in the interface language, after the file's name."""
    text = reason_text(os_reason(exc))
    if isinstance(exc.filename, str):
        return fill(QCoreApplication.translate("CannotWrite", "%1: %2"), exc.filename, text)
    return text


def with_suffix(path: str, fmt: str) -> str:
    """``path`` ending as ``fmt``'s files do.

    A name without the suffix gets it; one with another format's (``hits.csv`` when RIS was
    chosen after the name) has it replaced.
    """
    suffix = SUFFIXES.get(fmt, ".zip")
    if path.lower().endswith(suffix):
        return path
    for other in (*SUFFIXES.values(), ".zip"):
        if path.lower().endswith(other):
            return path[: -len(other)] + suffix
    return path + suffix
