"""The library's shelf: kept in the collections file through a restart, a migration and a move."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3

import pytest

from reader.library import Library
from reader.library.collections import Store
from reader.library.collections_schema import MIGRATIONS, SCHEMA_VERSION
from reader.library.shelf import Shelf
from reader.model import NotFound
from tests.ui.conftest import write_archive


@pytest.fixture(autouse=True)
def own_data(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


def snapshot(root):
    """Every file below ``root`` with the hash of its bytes."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_the_shelf_survives_a_new_store(tmp_path):
    one = write_archive(tmp_path / "one")
    two = write_archive(tmp_path / "县报 二")
    store = Store()
    shelf = Shelf(store)
    first = shelf.add(one)
    second = shelf.add(two, name="第二份")
    assert shelf.add(one) == first  # added again: the same entry, in its place
    shelf.set_searched(first.archive_id, False)
    store.close()
    again = Shelf(Store())
    entries = again.entries()
    assert [(e.name, e.path, e.searched, e.present) for e in entries] == [
        ("one", str(one.resolve()), False, True),
        ("第二份", str(two.resolve()), True, True),
    ]
    assert entries[0].archive_id == first.archive_id == again.store.known_archive(one)
    again.rename(second.archive_id, " 县报 ")
    again.move(second.archive_id, -1)
    assert [e.name for e in again.entries()] == ["县报", "one"]
    again.move(second.archive_id, 5)  # past the end: last
    assert [e.name for e in again.entries()] == ["one", "县报"]
    assert again.find(two) == again.entry(second.archive_id)
    with pytest.raises(ValueError):
        again.rename(first.archive_id, "  ")
    with pytest.raises(NotFound):
        again.set_searched("nothing", True)


def test_removing_an_archive_leaves_it_its_index_and_items_as_they_were(tmp_path):
    root = write_archive(tmp_path / "archive")
    index_dir = tmp_path / "index"
    with Library.open(root) as library:
        library.update_index(index_dir)
        issue = library.issues[0]
        article = issue.articles[0]
    before, index_before = snapshot(root), snapshot(index_dir)
    store = Store()
    store.save("c", root, issue, article, note="注")
    shelf = Shelf(store)
    entry = shelf.add(root)
    shelf.remove(entry.archive_id)
    assert shelf.entries() == ()
    assert snapshot(root) == before and snapshot(index_dir) == index_before
    assert [i.note for i in store.items("c")] == ["注"]
    with pytest.raises(NotFound):
        shelf.remove(entry.archive_id)


def test_a_moved_archive_is_marked_and_follows_a_relink(tmp_path):
    root = write_archive(tmp_path / "archive")
    store = Store()
    shelf = Shelf(store)
    entry = shelf.add(root, name="周报")
    moved = tmp_path / "moved"
    shutil.move(root, moved)
    assert not shelf.entry(entry.archive_id).present
    store.relink(entry.archive_id, moved)
    assert shelf.entries()[0].present and shelf.entries()[0].name == "周报"
    # Re-linked onto a path already on the shelf: the two become one entry.
    other = write_archive(tmp_path / "other")
    kept = shelf.add(other)
    store.relink(kept.archive_id, moved)
    assert [e.path for e in shelf.entries()] == [str(moved.resolve())]


def test_a_version_2_file_gains_an_empty_shelf(tmp_path):
    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0] + MIGRATIONS[1])
    db.execute("INSERT INTO archives VALUES ('k', '/gone/archive', 'archive')")
    db.execute("PRAGMA user_version=2")
    db.commit()
    db.close()
    store = Store(path)
    assert store.version == SCHEMA_VERSION == 3
    shelf = Shelf(store)
    assert shelf.entries() == ()
    # An archive already known keeps its key when it goes on the shelf.
    store.relink("k", tmp_path)
    assert shelf.add(tmp_path).archive_id == "k"


def test_a_path_not_in_utf8_is_refused_and_the_shelf_unchanged(tmp_path):
    shelf = Shelf(Store())
    kept = shelf.add(write_archive(tmp_path / "ok"))
    with pytest.raises(UnicodeEncodeError):
        shelf.add(str(tmp_path / "bad\udce4name"))
    assert shelf.entries() == (kept,)
