"""Collections and saved searches: kept in a per-user SQLite file through a restart, a move and a migration."""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3

import pytest

from reader.library import Library, paths, saved_searches
from reader.library.collections import Store, collection_articles, locate
from reader.library.collections_schema import MIGRATIONS, SCHEMA_VERSION
from reader.library.searching import SearchRequest
from tests.ui.conftest import ISSUES, issue_text, write_archive


@pytest.fixture(autouse=True)
def own_data(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


def first_article(root):
    with Library.open(root) as library:
        issue = library.issues[0]
        return issue, issue.articles[0]


def test_items_survive_a_new_store_on_the_same_file(tmp_path):
    root = write_archive(tmp_path / "archive")
    issue, article = first_article(root)
    store = Store()
    assert store.path == paths.collections_file()
    assert not str(store.path).startswith(str(root))
    store.save("供热", root, issue, article, note="见第二段", tags=["能源", " 县 ", "能源", ""])
    store.close()
    again = Store()
    [item] = again.items("供热")
    assert (item.title, item.note, item.tags) == (article.headline, "见第二段", ("能源", "县"))
    assert (item.date, item.publication) == (str(issue.date), issue.publication)
    assert item.archive_present
    assert collection_articles("供热") == [(str(root.resolve()), article.id)]
    # Saving it again edits it; the list keeps it once.
    again.save("供热", root, issue, article, note="改", tags=("县",))
    assert [(i.note, i.tags) for i in again.items()] == [("改", ("县",))]
    assert again.items(tag="能源") == []
    assert again.tags() == ["县"]
    again.delete_collection("供热")
    assert again.items() == [] and again.collections() == []
    # Nothing was written into the archive.
    assert sorted(p.name for p in root.iterdir()) == sorted(f"{d}.txt" for d, _n, _a in ISSUES)


def test_a_moved_archive_is_relinked_and_its_articles_found(tmp_path):
    root = write_archive(tmp_path / "archive")
    issue, article = first_article(root)
    store = Store()
    item = store.save("c", root, issue, article)
    moved = tmp_path / "elsewhere" / "renamed"
    shutil.copytree(root, moved)
    shutil.rmtree(root)
    [item] = store.items("c")
    assert not item.archive_present
    store.relink(item.archive_id, moved)
    [item] = store.items("c")
    assert item.archive_present and item.archive_path == str(moved.resolve())
    # Article ids do not depend on where the archive is.
    with Library.open(moved) as library:
        found_issue, found = library.article(item.article_id)
    assert (found.id, found.title, found_issue.id) == (article.id, article.title, issue.id)


def test_relinking_onto_a_path_already_kept_merges_the_two(tmp_path):
    root = write_archive(tmp_path / "a")
    copy = shutil.copytree(root, tmp_path / "b")
    issue, article = first_article(root)
    store = Store()
    store.save("c", root, issue, article, note="old")
    store.save("c", copy, issue, article, note="new")
    store.save("d", root, issue, article)
    store.relink(store.known_archive(root) or "", copy)
    items = store.items()
    assert [(i.collection, i.note, i.archive_path) for i in items] == [
        ("c", "new", str(copy.resolve())),
        ("d", "", str(copy.resolve())),
    ]


def test_a_version_1_file_is_migrated(tmp_path):
    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0])
    db.execute("INSERT INTO archives VALUES ('k', '/gone/archive', 'archive')")
    db.execute("INSERT INTO collections (name, created) VALUES ('旧', '2020-01-01')")
    db.execute(
        "INSERT INTO items (collection, archive, article, issue, title, date, publication,"
        " note, added) VALUES (1, 'k', 'a1', 'i1', '标题', '1946-05-16', '报', '注', 'then')"
    )
    db.execute("PRAGMA user_version=1")
    db.commit()
    db.close()
    store = Store(path)
    assert store.version == SCHEMA_VERSION == 3
    [item] = store.items("旧")
    assert (item.note, item.tags, item.archive_present) == ("注", (), False)
    assert saved_searches.searches(store) == []
    store.close()
    assert Store(path).version == 3  # opening again changes nothing


def test_a_saved_search_counts_the_hits_of_new_issues(tmp_path):
    root = write_archive(tmp_path / "archive")
    index_root = tmp_path / "index"
    request = SearchRequest("供热", year="")
    with Library.open(root) as library:
        library.ensure_index(library.index_dir(index_root))
        hits = saved_searches.hit_ids(library, request)
    assert len(hits) == 3
    store = Store()
    saved = saved_searches.save(store, root, "heating", request, hits)
    assert saved.new_hits(hits) == 0 and saved.request == request
    date, _number, articles = ISSUES[0]
    (root / "2023-01-02.txt").write_text(
        issue_text(date.replace(year=2023, day=2), 200, articles), encoding="utf-8"
    )
    with Library.open(root) as library:
        library.ensure_index(library.index_dir(index_root))
        now_found = saved_searches.hit_ids(library, request)
    [saved] = saved_searches.searches(store, root)
    assert saved.new_hits(now_found) == 1
    saved_searches.mark_opened(store, saved.id, now_found)
    [saved] = saved_searches.searches(store, root)
    assert saved.new_hits(now_found) == 0 and saved.total == 4
    assert saved_searches.searches(store, tmp_path / "other") == []


def test_a_saved_library_search_keeps_its_scope_and_counts_over_every_archive(tmp_path):
    roots = [write_archive(tmp_path / "甲"), write_archive(tmp_path / "乙")]
    libraries = {}
    for key, root in zip("ab", roots, strict=True):
        libraries[key] = library = Library.open(root)
        library.ensure_index(library.index_dir(tmp_path / "index"))
    try:
        request = SearchRequest("供热", year="2022", day="2022-09-19", archive="b")
        hits = saved_searches.library_hit_ids(libraries, request)
        # Only archive b's, on that day; the same article ids in both archives stay apart.
        assert hits and all(hit.startswith("b/") for hit in hits)
        every = saved_searches.library_hit_ids(libraries, SearchRequest("供热"))
        assert (
            len(every)
            == 6
            == 2 * len(saved_searches.hit_ids(libraries["a"], SearchRequest("供热")))
        )
        store = Store()
        saved = saved_searches.save(store, roots[0], "both", request, hits, library=True)
        [again] = saved_searches.searches(store, roots[0])
        assert again == saved and again.library and again.request == request
        assert saved_searches.count_new_many(libraries, [again]) == {again.id: 0}
        # A search of one archive keeps no archive filter and no library scope.
        mine = saved_searches.save(store, roots[0], "one", SearchRequest("供热", archive="b"), hits)
        assert not mine.library and mine.request.archive == ""
    finally:
        for library in libraries.values():
            library.close()


def test_two_windows_share_the_file(tmp_path):
    root = write_archive(tmp_path / "archive")
    with Library.open(root) as library:
        issue = library.issues[0]
        first, second = issue.articles[:2]
    one, two = Store(), Store()
    assert one._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    one.save("a", root, issue, first)
    two.save("a", root, issue, second, note="二")
    one.edit(two.items("a")[1].id, "一改", ["x"])
    assert [(i.article_id, i.note) for i in two.items("a")] == [
        (first.id, ""),
        (second.id, "一改"),
    ]
    assert one.known_archive(root) == two.known_archive(root)


def test_an_item_whose_ids_changed_is_found_by_date_and_title(tmp_path):
    root = write_archive(tmp_path / "archive")
    issue, article = first_article(root)
    store = Store()
    item = store.save("c", root, issue, article)
    with Library.open(root) as library:
        assert locate(library.archive, item) == (issue.id, article.id)
        renamed = dataclasses.replace(item, article_id="gone", issue_id="gone")
        assert locate(library.archive, renamed) == (issue.id, article.id)
        elsewhere = dataclasses.replace(renamed, date="1999-01-01")
        assert locate(library.archive, elsewhere) is None
