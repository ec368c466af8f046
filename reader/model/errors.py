"""Expected failures (the user's files and environment), kept apart from bugs."""


class ReaderError(Exception):
    """A failure caused by the user's input or environment, not by a bug."""


class UnsupportedFormat(ReaderError):
    """No importer recognises a file."""


class CorruptArchive(ReaderError):
    """A file or folder cannot be read as an archive."""

    def __init__(self, path: str, detail: str) -> None:
        super().__init__(f"{path}: {detail}")
        self.path = path
        self.detail = detail


class NotFound(ReaderError):
    """An issue or article id does not exist in the archive."""


class IndexUnavailable(ReaderError):
    """The search index cannot be built or opened."""


class Cancelled(Exception):
    """The user stopped a running job; raised from a progress callback."""
