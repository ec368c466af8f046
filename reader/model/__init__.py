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
from reader.model.reasons import CATALOGUE, Reason
from reader.model.vocabulary import UNDATED, Progress

__all__ = [
    "CATALOGUE",
    "UNDATED",
    "Archive",
    "ArchiveSettings",
    "Article",
    "Cancelled",
    "Companion",
    "CorruptArchive",
    "Duplicate",
    "IndexUnavailable",
    "Issue",
    "NotFound",
    "Problem",
    "Progress",
    "ReaderError",
    "Reason",
    "UnsupportedFormat",
    "printable",
    "stable_id",
]
