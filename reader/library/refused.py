"""Problems the operating system caused: not trusted from a cache, looked at again on load.

The catalogue cache and the fingerprint memo are stamped with the files' sizes, modification
and change times. A file whose read the system refused or failed (its mode, a failing disk or
network drive: :data:`reader.model.reasons.REFUSALS`) can become readable with none of them
changing (the drive back, the reader added to a group; a ``chmod`` moves the change time), so
while a cached catalogue holds such problems, those files, and only those, are read again
when it is loaded; one that reads now makes the cache a miss. An archive without such
problems pays nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.formats import Source, readable_now
from reader.model import Archive
from reader.model.reasons import REFUSALS


def refused(archive: Archive) -> list[str]:
    """The files of ``archive`` whose problem is the system's refusal or failure to read them."""
    return [problem.source for problem in archive.problems if problem.cause.code in REFUSALS]


def readable_again(source: Source, names: Iterable[str]) -> bool:
    """Whether any of ``names`` (see :func:`refused`) reads now."""
    return any(readable_now(source, name) for name in names)
