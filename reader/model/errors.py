"""Expected failures (the user's files and environment), kept apart from bugs."""

from __future__ import annotations

from reader.model.reasons import Reason


class ReaderError(Exception):
    """A failure caused by the user's input or environment, not by a bug."""


class UnsupportedFormat(ReaderError):
    """No importer recognises a file."""


class CorruptArchive(ReaderError):
    """A file or folder cannot be read as an archive, for a catalogued ``reason``."""

    def __init__(self, path: str, reason: Reason) -> None:
        if not isinstance(reason, Reason):
            raise TypeError(f"CorruptArchive takes a Reason, not {type(reason).__name__}")
        super().__init__(f"{path}: {reason.text}")
        self.path = path
        self.reason = reason

    @property
    def detail(self) -> str:
        """The reason in English."""
        return self.reason.text

    def __reduce__(self) -> tuple[type[CorruptArchive], tuple[str, Reason]]:
        # The default pickles only the message, and unpickling would then lack the reason.
        return type(self), (self.path, self.reason)


class NotFound(ReaderError):
    """An issue or article id does not exist in the archive."""


class IndexUnavailable(ReaderError):
    """The search index cannot be built or opened."""


class Cancelled(Exception):
    """The user stopped a running job; raised from a progress callback."""
