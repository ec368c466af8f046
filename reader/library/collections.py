"""A reader's collections: articles kept from any archive, with a note and tags, in a per-user SQLite file.

Never in an archive (:func:`reader.library.paths.collections_file`). An archive is known by a key
of its own (kept here with its last known path), and an item by the archive's key and the
article's id: article ids hash paths relative to the archive's root, so they stay the same when
the archive is moved, and :meth:`Store.relink` points the key at the new place. Every change is
one short transaction in WAL mode, so two windows may use the file at once. Saved searches live
in the same file (:mod:`reader.library.saved_searches`).
"""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from reader.library import collections_schema as schema
from reader.library import paths
from reader.library.collections_schema import archive_path, clean_tags, json_list, now
from reader.model import Archive, Article, Issue, NotFound


@dataclass(frozen=True)
class Item:
    """One kept article, with what the list shows without opening its archive."""

    id: int
    collection: str
    archive_id: str
    archive_path: str
    article_id: str
    issue_id: str
    title: str
    date: str
    publication: str
    note: str
    tags: tuple[str, ...]
    added: str

    @property
    def archive_present(self) -> bool:
        """Whether the archive is still where it was last seen (else it needs re-linking)."""
        return os.path.exists(self.archive_path)


def locate(
    archive: Archive,
    item: Item,
    find: Callable[[str], tuple[Issue, Article] | None] | None = None,
) -> tuple[str, str] | None:
    """(issue id, article id) of ``item`` in ``archive``, or None when it is not there.

    By its id first (with ``find``, ``Library.find_article``: no walk over every article);
    else by its date and title. Ids never depend on where an archive is, but a paper named
    after its folder (no masthead in the files: some NewsML and PDF archives) has other issue
    ids when that folder is renamed, and the article is still the same.
    """
    found = (find or archive.article)(item.article_id)
    if found is not None:
        return found[0].id, found[1].id
    for issue in archive.issues:
        if str(issue.date or "") != item.date:
            continue
        for article in issue.articles:
            if article.headline == item.title:
                return issue.id, article.id
    return None


class Store:
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

    # --- collections and items -------------------------------------------------------------

    def collections(self) -> list[str]:
        """The names of every collection, in the order they were made."""
        return [r[0] for r in self._db.execute("SELECT name FROM collections ORDER BY id")]

    def create(self, name: str) -> None:
        """Make an empty collection (nothing happens when it exists)."""
        name = name.strip()
        if not name:
            raise ValueError("a collection needs a name")
        with self.transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO collections (name, created) VALUES (?, ?)", (name, now())
            )

    def delete_collection(self, name: str) -> None:
        """Remove a collection and its items (the archives are never touched)."""
        with self.transaction() as db:
            db.execute("DELETE FROM collections WHERE name=?", (name,))

    def save(
        self,
        collection: str,
        root: str | os.PathLike[str],
        issue: Issue,
        article: Article,
        note: str = "",
        tags: tuple[str, ...] | list[str] = (),
    ) -> Item:
        """Keep ``article`` of the archive at ``root`` in ``collection`` (made if new).

        Saving it again in the same collection changes its note and tags.
        """
        self.create(collection)
        date = str(issue.date or article.date or "")
        with self.transaction() as db:
            key = self.archive_id(root, db)
            cid = db.execute("SELECT id FROM collections WHERE name=?", (collection,)).fetchone()
            db.execute(
                "INSERT INTO items (collection, archive, article, issue, title, date,"
                " publication, note, tags, added) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (collection, archive, article) DO UPDATE SET"
                " note=excluded.note, tags=excluded.tags, title=excluded.title",
                (
                    cid[0],
                    key,
                    article.id,
                    issue.id,
                    article.headline,
                    date,
                    issue.publication,
                    note,
                    json.dumps(clean_tags(list(tags)), ensure_ascii=False),
                    now(),
                ),
            )
        found = [i for i in self.items(collection) if i.archive_id == key]
        return next(i for i in found if i.article_id == article.id)

    def items(self, collection: str | None = None, tag: str = "") -> list[Item]:
        """The items of ``collection`` (None: of all), those tagged ``tag`` only if given."""
        query = (
            "SELECT i.id, c.name, a.id, a.path, i.article, i.issue, i.title, i.date,"
            " i.publication, i.note, i.tags, i.added FROM items i"
            " JOIN collections c ON c.id=i.collection JOIN archives a ON a.id=i.archive"
        )
        args: tuple[str, ...] = ()
        if collection is not None:
            query, args = query + " WHERE c.name=?", (collection,)
        rows = self._db.execute(query + " ORDER BY c.id, i.date, i.id", args).fetchall()
        items = [_item(row) for row in rows]
        return [i for i in items if not tag or tag in i.tags]

    def items_of(self, root: str | os.PathLike[str], article_id: str) -> list[Item]:
        """Where the article ``article_id`` of the archive at ``root`` is kept (every collection)."""
        key = self.known_archive(root)
        return [i for i in self.items() if i.archive_id == key and i.article_id == article_id]

    def tags(self) -> list[str]:
        """Every tag in use, sorted."""
        return sorted({t for item in self.items() for t in item.tags})

    def edit(self, item_id: int, note: str, tags: tuple[str, ...] | list[str]) -> None:
        """Change an item's note and tags."""
        with self.transaction() as db:
            db.execute(
                "UPDATE items SET note=?, tags=? WHERE id=?",
                (note, json.dumps(clean_tags(list(tags)), ensure_ascii=False), item_id),
            )

    def delete_item(self, item_id: int) -> None:
        """Take an item out of its collection."""
        with self.transaction() as db:
            db.execute("DELETE FROM items WHERE id=?", (item_id,))

    def collection_articles(self, name: str) -> list[tuple[str, str]]:
        """(archive path, article id) of every item of collection ``name``, in list order."""
        return [(i.archive_path, i.article_id) for i in self.items(name)]


def _item(row: tuple[object, ...] | sqlite3.Row) -> Item:
    text = [str(value) for value in row]
    tags = clean_tags(json_list(row[10]))
    collection, archive, where, article, issue, title, date, publication, note = text[1:10]
    return Item(
        int(text[0]),
        collection,
        archive,
        where,
        article,
        issue,
        title,
        date,
        publication,
        note,
        tags,
        text[11],
    )


def collection_articles(name: str) -> list[tuple[str, str]]:
    """(archive path, article id) of every item of this user's collection ``name`` (for export)."""
    store = Store()
    try:
        return store.collection_articles(name)
    finally:
        store.close()
