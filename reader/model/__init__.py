"""The archive model: plain frozen dataclasses with stable ids, no I/O."""

from reader.model.archive import (
    Archive,
    ArchiveSettings,
    Article,
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

__all__ = [
    "Archive",
    "ArchiveSettings",
    "Article",
    "Cancelled",
    "CorruptArchive",
    "IndexUnavailable",
    "Issue",
    "NotFound",
    "Problem",
    "ReaderError",
    "UnsupportedFormat",
    "stable_id",
]
