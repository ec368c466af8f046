"""Exporting articles: their entries written as a spreadsheet, a bibliography, or texts in a folder or zip.

Formats: ``csv`` (metadata and the snippet, for spreadsheets), ``ris`` and ``csl-json``
(Zotero, EndNote, Mendeley import both), ``bibtex``, and ``text`` or ``markdown`` (a folder or a
``.zip`` of one file per article, for text mining). The single-file formats are written to a
text stream; the text formats to a folder or a zip.

The entries come from :mod:`reader.library.export_entries`, streamed; each writer writes an
entry before it asks for the next, so exporting every hit of a large search never holds all
of them at once.
"""

from __future__ import annotations

import functools
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

from reader.library import bibliography, corpus, destination, spreadsheet
from reader.library.choices import FILE_FORMATS as FILE_FORMATS
from reader.library.choices import FOLDER_FORMATS as FOLDER_FORMATS
from reader.library.choices import FORMATS as FORMATS
from reader.library.export_entries import Entry
from reader.library.library import Library
from reader.model import Progress

# The file name ending each format's file has (a folder format's zip: ``.zip``).
SUFFIXES = {"csv": ".csv", "ris": ".ris", "csl-json": ".json", "bibtex": ".bib"}


_STREAM_WRITERS: dict[str, Callable[[Iterable[Entry], TextIO, Progress | None], int]] = {
    "ris": bibliography.write_ris,
    "csl-json": bibliography.write_csl_json,
    "bibtex": bibliography.write_bibtex,
}


def write_stream(
    items: Iterable[Entry],
    fmt: str,
    stream: TextIO,
    progress: Progress | None = None,
    *,
    kept: bool = False,
) -> int:
    """Write the entries in a single-file format to ``stream``; return how many.

    ``kept``: the entries are a collection's items (CSV gets its collection, note and tags
    columns; the other formats carry a note or tags whenever an entry has them).

    Raises:
        ValueError: ``fmt`` is not one of ``FILE_FORMATS``.
    """
    if fmt == "csv":
        columns = spreadsheet.KEPT_COLUMNS if kept else spreadsheet.CSV_COLUMNS
        return spreadsheet.write_csv(items, stream, progress, columns)
    if fmt not in _STREAM_WRITERS:
        raise ValueError(f"format must be one of {', '.join(FILE_FORMATS)}, not {fmt!r}")
    return _STREAM_WRITERS[fmt](items, stream, progress)


def export(
    library: Library,
    items: Iterable[Entry],
    fmt: str,
    out: Path | str,
    progress: Progress | None = None,
) -> int:
    """Write the entries of ``library``'s articles to ``out`` in ``fmt``; return how many.

    As :func:`write`, after refusing an ``out`` inside the archive.

    Raises:
        IntoArchive: ``out`` is inside the archive (nothing is ever written there).
        ValueError: ``fmt`` is not one of ``FORMATS``.
        CannotWrite: ``out`` cannot be written.
    """
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    refuse_archive(library, Path(out).expanduser().absolute())
    return write(items, fmt, out, progress)


def write(
    items: Iterable[Entry],
    fmt: str,
    out: Path | str,
    progress: Progress | None = None,
    *,
    kept: bool = False,
) -> int:
    """Write the entries to ``out`` in ``fmt``; return how many articles were written.

    A single-file format goes to the file ``out`` (CSV with a byte-order mark, for
    spreadsheets); ``text`` and ``markdown`` go to a ``.zip`` when ``out`` ends so, else into
    the folder ``out`` (made when missing). The folder ``out`` is in must exist: a mistyped
    path is refused, not made. A file is written beside its final name and moved there once
    complete. ``progress`` is called with (articles written, 0) and may raise Cancelled. ``kept`` as for :func:`write_stream`. The caller refuses an archive's folder.

    Raises:
        ValueError: ``fmt`` is not one of ``FORMATS``.
        CannotWrite: ``out`` cannot be written (named as given, with the system's reason).
        OSError: An article could not be read.
    """
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    into_folder = fmt in FOLDER_FORMATS and Path(out).suffix.lower() != ".zip"
    target = destination.checked(out, folder=into_folder)
    with destination.writing(out, items) as entries:
        if into_folder:
            return corpus.write_folder(entries, target, fmt, progress)
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        try:
            if fmt in FOLDER_FORMATS:
                os.close(fd)
                count = corpus.write_zip(entries, Path(temporary), fmt, progress)
            else:
                encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
                with open(fd, "w", encoding=encoding, newline="") as stream:
                    count = write_stream(entries, fmt, stream, progress, kept=kept)
            # mkstemp makes a private file; the export is the user's, as any file they save.
            os.chmod(temporary, _NEW_FILE_MODE & ~_umask())
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return count


_NEW_FILE_MODE = 0o666


@functools.cache
def _umask() -> int:
    """The process's umask (read once: reading it means setting it for a moment)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def refuse_archive(library: Library, target: Path) -> None:
    """Raise IntoArchive when ``target`` is the archive or inside it (never written into)."""
    root = library.root.resolve()
    resolved = target.resolve()
    if resolved == root or (not library.single_file and resolved.is_relative_to(root)):
        raise destination.IntoArchive(str(target))


def refuse_archives(locations: Iterable[str | os.PathLike[str]], target: Path) -> None:
    """Raise IntoArchive when ``target`` is one of these archives (a folder, zip or file) or in one."""
    resolved = Path(target).expanduser().absolute().resolve()
    for location in locations:
        root = Path(location).expanduser().resolve()
        if resolved == root or (root.is_dir() and resolved.is_relative_to(root)):
            raise destination.IntoArchive(str(target))
