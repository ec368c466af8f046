"""The archive model: plain frozen dataclasses with stable ids, no I/O."""

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
from reader.model.reasons import CATALOGUE, Reason
from reader.model.vocabulary import UNDATED, Progress

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
    "UnsupportedFormat",
    "Word",
    "printable",
    "stable_id",
]
