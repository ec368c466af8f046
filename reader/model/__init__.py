"""The archive model: plain frozen dataclasses with stable ids, no I/O.

The names below are loaded on first use (PEP 562): ``issue-reader --help`` needs only the
vocabulary, not the dataclasses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.lazy import names_from

if TYPE_CHECKING:
    from reader.model.archive import (
        Archive,
        ArchiveSettings,
        Article,
        Companion,
        Duplicate,
        Issue,
        Problem,
        stable_id,
    )
    from reader.model.errors import (
        Cancelled,
        CorruptArchive,
        IndexUnavailable,
        NotFound,
        ReaderError,
        UnsupportedFormat,
    )
    from reader.model.names import printable
    from reader.model.pages import Box, Page, PageLayout, Region, Word
    from reader.model.reasons import CATALOGUE, Reason, os_reason
    from reader.model.text import TextNotRead
    from reader.model.vocabulary import UNDATED, Progress, page_of_title, page_title

# Each name, and the module it comes from.
_HOMES = {
    "Archive": "reader.model.archive",
    "ArchiveSettings": "reader.model.archive",
    "Article": "reader.model.archive",
    "Companion": "reader.model.archive",
    "Duplicate": "reader.model.archive",
    "Issue": "reader.model.archive",
    "Problem": "reader.model.archive",
    "stable_id": "reader.model.archive",
    "Cancelled": "reader.model.errors",
    "CorruptArchive": "reader.model.errors",
    "IndexUnavailable": "reader.model.errors",
    "NotFound": "reader.model.errors",
    "ReaderError": "reader.model.errors",
    "UnsupportedFormat": "reader.model.errors",
    "printable": "reader.model.names",
    "Box": "reader.model.pages",
    "Page": "reader.model.pages",
    "PageLayout": "reader.model.pages",
    "Region": "reader.model.pages",
    "Word": "reader.model.pages",
    "CATALOGUE": "reader.model.reasons",
    "Reason": "reader.model.reasons",
    "os_reason": "reader.model.reasons",
    "TextNotRead": "reader.model.text",
    "UNDATED": "reader.model.vocabulary",
    "Progress": "reader.model.vocabulary",
    "page_of_title": "reader.model.vocabulary",
    "page_title": "reader.model.vocabulary",
}


__getattr__ = names_from(__name__, _HOMES)


__all__ = [
    "CATALOGUE",
    "UNDATED",
    "Archive",
    "ArchiveSettings",
    "Article",
    "Box",
    "Cancelled",
    "Companion",
    "CorruptArchive",
    "Duplicate",
    "IndexUnavailable",
    "Issue",
    "NotFound",
    "Page",
    "PageLayout",
    "Problem",
    "Progress",
    "ReaderError",
    "Reason",
    "Region",
    "TextNotRead",
    "UnsupportedFormat",
    "Word",
    "os_reason",
    "page_of_title",
    "page_title",
    "printable",
    "stable_id",
]
