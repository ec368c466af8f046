"""The window's hold on the reader's library (the shelf): opened when first needed, changes announced.

The Library dock edits the shelf and the search panel's library scope reads it; both go
through one :class:`ShelfKeeper`, whose ``changed`` signal tells each to look again.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from reader.library import paths
from reader.library.collections import Store
from reader.library.shelf import Shelf, ShelfEntry
from reader.model import NotFound
from reader.ui.core import unwritten

log = logging.getLogger(__name__)


class ShelfKeeper(QObject):
    """The shelf of this user's collections file; when that cannot be opened, an empty one.

    Signals:
        changed(): an archive was added, removed, renamed, moved, re-linked or (un)ticked.
        unavailable(str): the file could not be opened: which and why, in the interface
            language, said once.
    """

    changed = Signal()
    unavailable = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store: Store | None = None
        self._failed = False

    @property
    def shelf(self) -> Shelf | None:
        """The shelf (None: the collections file cannot be opened)."""
        if self._store is None and not self._failed:
            try:
                self._store = Store()
            except (OSError, sqlite3.Error) as exc:
                self._failed = True
                log.warning("the library cannot be opened: %s", exc)
                self.unavailable.emit(unwritten.not_opened(paths.collections_file(), exc))
        return Shelf(self._store) if self._store is not None else None

    def entries(self) -> tuple[ShelfEntry, ...]:
        """The archives of the library, in order (none when it cannot be read)."""
        shelf = self.shelf
        try:
            return shelf.entries() if shelf is not None else ()
        except sqlite3.Error as exc:
            log.warning("the library cannot be read: %s", exc)
            return ()

    def entry(self, archive_id: str) -> ShelfEntry | None:
        """The entry of ``archive_id``, or None when it is no longer on the shelf."""
        found = [e for e in self.entries() if e.archive_id == archive_id]
        return found[0] if found else None

    def add(self, path: str | os.PathLike[str], name: str | None = None) -> ShelfEntry | None:
        """Put an archive on the shelf (it stays where it is when already there)."""
        shelf = self.shelf
        if shelf is None:
            return None
        try:
            before = shelf.find(path)
            entry = shelf.add(path, name)
        except (ValueError, sqlite3.Error) as exc:
            # A folder name that is not UTF-8 cannot be kept in the file (SQLite text is).
            log.info("the library cannot keep %r: %s", path, exc)
            return None
        if before != entry:
            self.changed.emit()
        return entry

    def remove(self, archive_id: str) -> None:
        """Take an archive off the shelf (nothing of it is deleted)."""
        self._do(lambda shelf: shelf.remove(archive_id))

    def rename(self, archive_id: str, name: str) -> None:
        """Name an archive in the library."""
        self._do(lambda shelf: shelf.rename(archive_id, name))

    def set_searched(self, archive_id: str, searched: bool) -> None:
        """Whether a library search includes the archive."""
        self._do(lambda shelf: shelf.set_searched(archive_id, searched))

    def move(self, archive_id: str, offset: int) -> None:
        """Move an archive up (negative) or down the list."""
        self._do(lambda shelf: shelf.move(archive_id, offset))

    def relink(self, archive_id: str, path: str | os.PathLike[str]) -> None:
        """The archive is now at ``path`` (its kept items and saved searches follow it)."""
        self._do(lambda shelf: shelf.store.relink(archive_id, path))

    def _do(self, change: Callable[[Shelf], object]) -> None:
        shelf = self.shelf
        if shelf is None:
            return
        # Another window may have taken it off meanwhile: the list shows what is there.
        with (
            contextlib.suppress(NotFound),
            unwritten.changing_collections(paths.collections_file(), self.unavailable.emit),
        ):
            change(shelf)
        self.changed.emit()

    def close(self) -> None:
        """Close the file (opened again when next needed)."""
        if self._store is not None:
            self._store.close()
            self._store = None
