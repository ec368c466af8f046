"""A cached catalogue's articles: kept as one record per issue, decoded when used, found by id."""

from __future__ import annotations

import pickle
import weakref
from pathlib import Path

import pytest

from reader.library import Library, catalogue, entries
from reader.model import Article, Issue, NotFound
from reader.model.articles import Articles
from tests.library.weekly import write_weekly


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """Twelve issues of three articles each."""
    return write_weekly(tmp_path / "archive", ["长子报"] * 12)


def _plain(root: Path) -> dict[str, Issue]:
    """Every issue as the importers read it, text and all (no cache)."""
    return {issue.id: issue for issue in Library.open(root, use_cache=False).issues}


def _reopened(root: Path, cache: Path) -> catalogue.Catalogue:
    Library.open(root, cache_root=cache)
    found = catalogue.load(
        catalogue.cache_file(cache, root), catalogue.stamp(Library.file_state(root))
    )
    assert found is not None
    return found


def test_an_issue_s_articles_are_decoded_when_used_and_equal_the_importers(
    archive: Path, tmp_path: Path
) -> None:
    plain = _plain(archive)
    for opening in range(2):  # the first open (read back from the cache it wrote) and a reopen
        library = Library.open(archive, cache_root=tmp_path / "cache")
        assert [i.id for i in library.issues] == list(plain), opening
        for issue in library.issues:
            articles = issue.articles
            assert isinstance(articles, Articles)
            expected = tuple(a.without_text() for a in plain[issue.id].articles)
            assert len(articles) == len(expected) == 3
            assert articles == expected and expected == articles
            assert hash(articles) == hash(expected)
            assert list(articles) == list(expected) and articles[-1] == expected[-1]
            assert articles[1:] == expected[1:]
            copy = pickle.loads(pickle.dumps(issue))
            assert copy == issue
            assert type(copy.articles) is tuple  # a copy holds its entries, no file
            assert issue.files == {a.source for a in expected}


def test_walking_every_article_keeps_only_the_last_issues_decoded(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(entries, "KEPT_ARTICLES", 7)
    found = _reopened(archive, tmp_path / "cache")
    store = found.entries
    assert store is not None
    assert store.kept == 0  # opening decodes nothing
    seen = []
    for issue in found.archive.issues:
        seen.extend(a.id for a in issue.articles)
        assert store.kept <= 7
    assert len(seen) == len(set(seen)) == 36
    assert store.kept == 6  # the last two issues


def test_every_article_is_found_by_id_even_when_the_hashes_collide(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Four hashes for 36 ids: the store must tell the articles of one hash apart by their id.
    monkeypatch.setattr(entries, "id_hash", lambda article_id: hash(article_id[-1]) % 4)
    plain = _plain(archive)
    library = Library.open(archive, cache_root=tmp_path / "cache")
    for issue in plain.values():
        for article in issue.articles:
            found_issue, found = library.article(article.id)
            assert found == article
            assert found_issue.id == issue.id
            entry = library.find_article(article.id)
            assert entry is not None and entry[1] == article.without_text()
    with pytest.raises(NotFound):
        library.article("no-such-article")
    assert library.find_article("no-such-article") is None


def test_an_issue_is_read_whole_in_one_go(archive: Path, tmp_path: Path) -> None:
    plain = _plain(archive)
    library = Library.open(archive, cache_root=tmp_path / "cache")
    whole = list(library.issues_with_text())
    assert [tuple(i.articles) for i in whole] == [tuple(i.articles) for i in plain.values()]
    assert all(isinstance(a, Article) and a.holds_text for i in whole for a in i.articles)


def test_a_record_damaged_after_the_open_is_an_error_never_wrong_entries(
    archive: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    Library.open(archive, cache_root=cache)
    cached = catalogue.cache_file(cache, archive)
    data = bytearray(cached.read_bytes())
    # The first record starts after the magic line, the stamp and the head's position.
    at = data.index(b"\n", len(b"issue-reader catalogue\n")) + 1 + 8
    data[at + 20 : at + 24] = b"XXXX"
    cached.unlink()
    cached.write_bytes(bytes(data))
    library = Library.open(archive, cache_root=cache)  # a record is read when it is used
    with pytest.raises(OSError, match="damaged"):
        list(library.issues[0].articles)
    assert len(library.issues[1].articles) == 3  # the others read as they are
    assert list(library.issues[1].articles)


def test_a_catalogue_let_go_is_freed_with_its_file(archive: Path, tmp_path: Path) -> None:
    """Nothing of a catalogue is in a reference cycle: loading freezes the collector's view
    (``collector_paused``), so a cycle would keep the store and its open file for good (the
    search server opens the archive again after every change)."""
    found = _reopened(archive, tmp_path / "cache")
    assert found.entries is not None
    store = weakref.ref(found.entries)
    handle = found.entries._handle
    issue = found.archive.issues[0]
    assert isinstance(issue.articles, Articles)
    assert issue.articles.decoded_by(found.entries.decode)  # one decoder per store...
    assert found.entries.decode is found.entries.decode  # ...the same while any holds it
    assert found.entries.first(issue.articles) == 0
    del found
    assert store() is not None  # the issue's articles still decode
    assert len(list(issue.articles)) == 3
    del issue
    assert store() is None  # freed by its count alone: no collection needed
    assert handle.closed
