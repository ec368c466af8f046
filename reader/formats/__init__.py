"""Importers, one module per archive format grouped by family, and the loader that runs them.

Code outside ``reader.formats`` imports only the names below. Inside: ``registry`` (the
``Importer`` protocol and the list of importers), ``loading`` (open and load an archive),
``publications`` (one name per publication across an archive), ``common`` (helpers every family
shares) and one subpackage per family of formats: ``text``, ``mets``, ``newsml``, ``epaper``.
"""

from __future__ import annotations

from reader.formats.common.prose import is_cjk
from reader.formats.common.settings import SETTINGS_FILE
from reader.formats.common.source import FileSource, FolderSource, Source, is_ignored
from reader.formats.common.zipsource import ZipSource
from reader.formats.loading import load_archive, open_source, read_original
from reader.formats.publications import apply_aliases, fold_name
from reader.formats.registry import IMPORTERS, pick_importer

__all__ = [
    "IMPORTERS",
    "SETTINGS_FILE",
    "FileSource",
    "FolderSource",
    "Source",
    "ZipSource",
    "apply_aliases",
    "fold_name",
    "is_cjk",
    "is_ignored",
    "load_archive",
    "open_source",
    "pick_importer",
    "read_original",
]
