"""Importers, one module per archive format grouped by family, and the loader that runs them.

Code outside ``reader.formats`` imports only the names below. Inside: ``registry`` (the
``Importer`` protocol and the list of importers), ``loading`` (open and load an archive),
``publications`` (one name per publication across an archive), ``common`` (helpers every family
shares) and one subpackage per family of formats: ``text``, ``mets``, ``newsml``, ``epaper``.

The names are loaded on first use (PEP 562): the importers pull in lxml, the PDF library and
the text decoders, which a search on a built index, or ``issue-reader --help``, never needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.lazy import names_from

if TYPE_CHECKING:
    from reader.formats.common.opening import open_source
    from reader.formats.common.prose import is_cjk
    from reader.formats.common.settings import SETTINGS_FILE
    from reader.formats.common.source import (
        FileSource,
        FolderSource,
        Source,
        is_ignored,
        is_other_file,
        readable_now,
    )
    from reader.formats.common.zipsource import ZipSource
    from reader.formats.loading import BatchListener, load_archive, read_original
    from reader.formats.publications import apply_aliases, fold_name, issue_order
    from reader.formats.registry import IMPORTERS, file_suffixes, pick_importer

# Each name, and the module it comes from.
_HOMES = {
    "IMPORTERS": "registry",
    "BatchListener": "loading",
    "SETTINGS_FILE": "common.settings",
    "FileSource": "common.source",
    "FolderSource": "common.source",
    "Source": "common.source",
    "ZipSource": "common.zipsource",
    "apply_aliases": "publications",
    "file_suffixes": "registry",
    "fold_name": "publications",
    "is_cjk": "common.prose",
    "is_ignored": "common.source",
    "is_other_file": "common.source",
    "readable_now": "common.source",
    "issue_order": "publications",
    "load_archive": "loading",
    "open_source": "common.opening",
    "pick_importer": "registry",
    "read_original": "loading",
}


__getattr__ = names_from(__name__, {name: f"{__name__}.{home}" for name, home in _HOMES.items()})


__all__ = [
    "IMPORTERS",
    "SETTINGS_FILE",
    "BatchListener",
    "FileSource",
    "FolderSource",
    "Source",
    "ZipSource",
    "apply_aliases",
    "file_suffixes",
    "fold_name",
    "is_cjk",
    "is_ignored",
    "is_other_file",
    "issue_order",
    "load_archive",
    "open_source",
    "pick_importer",
    "read_original",
    "readable_now",
]
