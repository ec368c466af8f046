"""Relinking a moved archive: whether to ask for a folder, a zip or an issue file, and where to start.

The collections keep an archive's path only (no schema change for its kind): a path that is
still there says what it is; a path that is gone is judged by its name (``.zip``, or the
suffix of a file an importer reads), and anything else was a folder.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path
from typing import Literal

Kind = Literal["folder", "zip", "file"]
# Suffixes of single issue files the importers read (they sniff the content; this is a guess
# for a file that is gone, so a folder named like ``archive.v2`` is still taken for a folder).
ISSUE_SUFFIXES = frozenset(
    {".txt", ".md", ".markdown", ".xml", ".html", ".htm", ".xhtml", ".hocr", ".pdf", ".bz2"}
)


def archive_kind(path: str | os.PathLike[str]) -> Kind:
    """What the archive at ``path`` was: a folder, a zip, or a single issue file."""
    where = Path(path)
    if where.is_dir():
        return "folder"
    if where.is_file():
        return "zip" if zipfile.is_zipfile(where) else "file"
    suffix = where.suffix.lower()
    if suffix == ".zip":
        return "zip"
    return "file" if suffix in ISSUE_SUFFIXES else "folder"


def nearest_folder(path: str | os.PathLike[str]) -> str:
    """The closest folder to ``path`` that is still there (a dialog starts in it), or ""."""
    for folder in Path(path).parents:
        if folder.is_dir():
            return str(folder)
    return ""
