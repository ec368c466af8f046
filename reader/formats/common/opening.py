"""Opening an archive's files: a folder, a zip or a single issue file, as a read-only Source.

Apart from the importers so that a search on a built index opens the archive without
loading them (lxml, the PDF library).
"""

from __future__ import annotations

from pathlib import Path

from reader.formats.common.source import FileSource, FolderSource, Source
from reader.formats.common.zipsource import ZipSource, is_zip
from reader.model import CorruptArchive, Reason


def open_source(path: Path) -> Source:
    """A read-only view of an archive folder or of a single issue file."""
    if path.is_dir():
        return FolderSource(path)
    if is_zip(path):
        return ZipSource(path)
    if path.is_file():
        return FileSource(path)
    raise CorruptArchive(str(path), Reason.of("no_such_path"))
