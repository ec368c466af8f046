"""The reader's library: the archives they keep at hand, in order, in the per-user collections file.

Each archive on the shelf is known by the key the collections file gives it (its ``archives``
row: a stable id and the last known path, re-linked when the archive moves), with a display
name, a place in the list and whether a library search includes it. Taking an archive off the
shelf forgets it here only: nothing in the archive, its index or its kept items is touched.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from reader.library.collections_file import CollectionsFile
from reader.library.collections_schema import now
from reader.model import NotFound


@dataclass(frozen=True)
class ShelfEntry:
    """One archive of the library, as the list shows it."""

    archive_id: str
    path: str
    name: str
    searched: bool
    added: str

    @property
    def present(self) -> bool:
        """Whether the archive is still where it was last seen (else it needs re-linking)."""
        return os.path.exists(self.path)


def default_name(path: str | os.PathLike[str]) -> str:
    """The name an archive gets on the shelf: its folder's name, or its file's without suffix."""
    where = Path(path)
    return where.stem if where.suffix and not where.is_dir() else where.name


class Shelf:
    """The shelf kept in ``store`` (the reader's collections file).

    Raises:
        NotFound: (from the methods taking an ``archive_id``) The archive is not on the shelf.
    """

    def __init__(self, store: CollectionsFile) -> None:
        self.store = store

    def entries(self) -> tuple[ShelfEntry, ...]:
        """The archives of the library, in the reader's order."""
        rows = self.store.rows(
            "SELECT s.archive, a.path, s.name, s.searched, s.added FROM shelf s"
            " JOIN archives a ON a.id=s.archive ORDER BY s.position, s.added"
        )
        return tuple(
            ShelfEntry(str(key), str(path), str(name), bool(searched), str(added))
            for key, path, name, searched, added in rows
        )

    def entry(self, archive_id: str) -> ShelfEntry:
        """The shelf's entry for ``archive_id``."""
        for entry in self.entries():
            if entry.archive_id == archive_id:
                return entry
        raise NotFound(f"no archive {archive_id!r} in the library")

    def find(self, path: str | os.PathLike[str]) -> ShelfEntry | None:
        """The entry of the archive at ``path``, or None when it is not on the shelf."""
        key = self.store.known_archive(path)
        found = [e for e in self.entries() if e.archive_id == key]
        return found[0] if found else None

    def add(self, path: str | os.PathLike[str], name: str | None = None) -> ShelfEntry:
        """Put the archive at ``path`` last on the shelf (already there: it stays where it is).

        ``name`` names it (its folder's name if None); an archive already on the shelf keeps
        its name unless one is given.

        Raises:
            UnicodeEncodeError: The path's name is not UTF-8 (the file keeps text only).
        """
        with self.store.transaction() as db:
            key = self.store.archive_id(path, db)
            last = db.execute("SELECT COALESCE(MAX(position), -1) FROM shelf").fetchone()[0]
            db.execute(
                "INSERT OR IGNORE INTO shelf (archive, name, position, added) VALUES (?, ?, ?, ?)",
                (key, default_name(path), int(last) + 1, now()),
            )
            if name is not None and name.strip():
                db.execute("UPDATE shelf SET name=? WHERE archive=?", (name.strip(), key))
        return self.entry(key)

    def remove(self, archive_id: str) -> None:
        """Take an archive off the shelf (its files, index and kept items stay as they are)."""
        self._change("DELETE FROM shelf WHERE archive=?", archive_id)

    def rename(self, archive_id: str, name: str) -> None:
        """Give an archive another name in the library (its folder keeps its own)."""
        name = name.strip()
        if not name:
            raise ValueError("an archive needs a name")
        self._change("UPDATE shelf SET name=? WHERE archive=?", name, archive_id)

    def set_searched(self, archive_id: str, searched: bool) -> None:
        """Whether a search of the library includes this archive."""
        self._change("UPDATE shelf SET searched=? WHERE archive=?", int(searched), archive_id)

    def move(self, archive_id: str, offset: int) -> None:
        """Move an archive ``offset`` places up (negative) or down the list, within its ends."""
        order = [e.archive_id for e in self.entries()]
        if archive_id not in order:
            raise NotFound(f"no archive {archive_id!r} in the library")
        old = order.index(archive_id)
        order.remove(archive_id)
        order.insert(min(max(old + offset, 0), len(order)), archive_id)
        with self.store.transaction() as db:
            for position, key in enumerate(order):
                db.execute("UPDATE shelf SET position=? WHERE archive=?", (position, key))

    def _change(self, statement: str, *args: object) -> None:
        archive_id = args[-1]
        with self.store.transaction() as db:
            if db.execute(statement, args).rowcount == 0:
                raise NotFound(f"no archive {archive_id!r} in the library")
