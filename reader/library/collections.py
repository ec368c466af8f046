"""A reader's collections: articles kept from any archive, with a note and tags.

Kept in the collections file (:class:`reader.library.collections_file.CollectionsFile`, which
gives each archive a key): an item is the archive's key and the article's id, so it follows
the archive when it moves. Saved searches live in the same file
(:mod:`reader.library.saved_searches`).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from reader.library.collections_file import CollectionsFile
from reader.library.collections_schema import clean_tags, json_list, now
from reader.model import Archive, Article, Issue


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


class Store(CollectionsFile):
    """The collections file with the reader's collections and the articles kept in them."""

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
