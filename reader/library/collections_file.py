"""The collections file: a per-user SQLite file, its migrations, transactions and archive keys.

Never in an archive (:func:`reader.library.paths.collections_file`). The reader's collections
(:mod:`reader.library.collections`), saved searches (:mod:`reader.library.saved_searches`) and
shelf (:mod:`reader.library.shelf`) all keep their rows here, each naming an archive by a key
of its own (kept with the archive's last known path): article ids hash paths relative to the
archive's root, so they stay the same when the archive is moved, and
:meth:`CollectionsFile.relink` points the key at the new place. Every change is one short
transaction in WAL mode, so two windows may use the file at once.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reader.library import collections_schema as schema
from reader.library import paths
from reader.library.collections_schema import archive_path
from reader.model import NotFound


class CollectionsFile:
    """The collections file of this user (or ``path``), brought to :data:`~reader.library.collections_schema.SCHEMA_VERSION` on open.

    Raises:
        sqlite3.DatabaseError: The file is not a SQLite database.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else paths.collections_file()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._migrate()

    def close(self) -> None:
        """Close the file (the store cannot be used after)."""
        self._db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One short write transaction (taken at once, so two windows queue instead of failing)."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def rows(self, query: str, args: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        """The rows of one read-only ``query`` (outside any transaction: WAL reads never wait)."""
        return [tuple(row) for row in self._db.execute(query, args).fetchall()]

    @property
    def version(self) -> int:
        """The schema version of the file."""
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        with self.transaction() as db:
            version = int(db.execute("PRAGMA user_version").fetchone()[0])
            for step in schema.MIGRATIONS[version:]:
                for statement in filter(str.strip, step.split(";")):
                    db.execute(statement)
            if version < schema.SCHEMA_VERSION:
                db.execute(f"PRAGMA user_version={schema.SCHEMA_VERSION}")

    # --- archives -------------------------------------------------------------------------

    def archive_id(self, path: str | os.PathLike[str], db: sqlite3.Connection | None = None) -> str:
        """The key of the archive at ``path``, made the first time it is asked for."""
        where = archive_path(path)
        conn = db or self._db
        row = conn.execute("SELECT id FROM archives WHERE path=?", (where,)).fetchone()
        if row is not None:
            return str(row[0])
        key = uuid.uuid4().hex
        conn.execute("INSERT INTO archives VALUES (?, ?, ?)", (key, where, Path(where).name))
        return key

    def known_archive(self, path: str | os.PathLike[str]) -> str | None:
        """The key of the archive at ``path`` if anything of it is kept, else None."""
        row = self._db.execute(
            "SELECT id FROM archives WHERE path=?", (archive_path(path),)
        ).fetchone()
        return None if row is None else str(row[0])

    def archive_location(self, archive_id: str) -> str:
        """Where the archive was last seen."""
        row = self._db.execute("SELECT path FROM archives WHERE id=?", (archive_id,)).fetchone()
        if row is None:
            raise NotFound(f"no archive {archive_id!r} in the collections")
        return str(row[0])

    def relink(self, archive_id: str, new_path: str | os.PathLike[str]) -> None:
        """The archive ``archive_id`` is now at ``new_path``: its items and searches follow it.

        When that path already has a key (something was kept from it there), the two become one.
        """
        where = archive_path(new_path)
        with self.transaction() as db:
            row = db.execute("SELECT id FROM archives WHERE path=?", (where,)).fetchone()
            if row is not None and row[0] != archive_id:
                other = str(row[0])
                # An item kept from both places stays once: the one already at the new path.
                db.execute(
                    "DELETE FROM items WHERE archive=? AND (collection, article) IN "
                    "(SELECT collection, article FROM items WHERE archive=?)",
                    (archive_id, other),
                )
                db.execute("UPDATE items SET archive=? WHERE archive=?", (other, archive_id))
                db.execute("UPDATE searches SET archive=? WHERE archive=?", (other, archive_id))
                # On the shelf once, under the key that stays.
                db.execute(
                    "DELETE FROM shelf WHERE archive=? AND EXISTS"
                    " (SELECT 1 FROM shelf WHERE archive=?)",
                    (archive_id, other),
                )
                db.execute("UPDATE shelf SET archive=? WHERE archive=?", (other, archive_id))
                db.execute("DELETE FROM archives WHERE id=?", (archive_id,))
            else:
                db.execute(
                    "UPDATE archives SET path=?, name=? WHERE id=?",
                    (where, Path(where).name, archive_id),
                )
