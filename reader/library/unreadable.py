"""Counting what could not be read as files and folders apart, for the command line and the window."""

from __future__ import annotations

from collections.abc import Iterable


def files_and_folders(sources: Iterable[str]) -> tuple[int, int]:
    """How many of the problems' ``sources`` are files, and how many are folders.

    A folder's problem names it with a closing "/" (see ``FolderSource.listing``): telling
    them apart by name keeps a second list of the folder reason codes from going stale.
    """
    folders = files = 0
    for source in sources:
        if source.endswith("/"):
            folders += 1
        else:
            files += 1
    return files, folders
