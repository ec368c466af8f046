"""A first build in bounded memory: issues read one at a time, segments flushed as they fill."""

from __future__ import annotations

import multiprocessing
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from reader.index import feed, parallel, search, store, update_index
from reader.library import Library
from reader.library.texts import IssuesWithText
from reader.model import Issue
from tests.index.conftest import file_fingerprints, open_archive

QUERIES = ("县委书记", "PM2.5", "会", '"covid-19"', "date:2015-01", "-本报讯", "title:本报")


@pytest.fixture
def archive(generated_archive: Path, tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    shutil.copytree(generated_archive, root)
    return root


def _segments(index_dir: Path) -> int:
    ix = whoosh_index.open_dir(str(index_dir / store.WHOOSH_DIR), indexname=store.INDEX_NAME)
    with ix.reader() as reader:
        return len(reader.leaf_readers())


def _cached(root: Path) -> Library:
    """The archive opened from its catalogue cache: entries without their text."""
    Library.open(root).close()
    library = Library.open(root)
    assert not any(a.holds_text for issue in library.issues for a in issue.articles)
    return library


def test_a_lazy_build_reads_each_issue_once_when_it_is_reached(
    archive: Path, tmp_path: Path
) -> None:
    library = _cached(archive)
    events: list[tuple[str, int]] = []
    written = {"done": 0}

    def whole(issue: Issue) -> Issue:
        events.append(("read", written["done"]))
        return library.issue_with_text(issue)

    def progress(done: int, total: int) -> None:
        written["done"] = done

    issues = IssuesWithText(library.issues, whole)
    fingerprints = file_fingerprints(archive, library.issues)
    stats = update_index(tmp_path / "index", issues, fingerprints, progress, workers=1)
    assert stats.articles == 12 * 16
    # One read per issue, each after the issues before it were written: never all at once.
    assert [done for _, done in events] == [16 * n for n in range(12)]
    whole_list, _ = open_archive(archive)
    update_index(tmp_path / "listed", whole_list.issues, fingerprints, workers=1)
    for query in QUERIES:
        lazy = search(tmp_path / "index", query, limit=1000)
        listed = search(tmp_path / "listed", query, limit=1000)
        assert lazy.total == listed.total, query
        assert [h.article_id for h in lazy.hits] == [h.article_id for h in listed.hits], query


@pytest.mark.parametrize("workers", [1, 2])
def test_segments_flushed_as_they_fill_find_the_same(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    library = _cached(archive)
    fingerprints = file_fingerprints(archive, library.issues)
    update_index(tmp_path / "one", library.issues_with_text(), fingerprints, workers=1)
    assert _segments(tmp_path / "one") == 1
    # A segment closed after about every third issue (an issue is some 20,000 characters).
    monkeypatch.setattr(parallel, "SEGMENT_CHARS", 60_000)
    stats = update_index(
        tmp_path / "many", library.issues_with_text(), fingerprints, workers=workers
    )
    assert stats.articles == 12 * 16
    assert _segments(tmp_path / "many") >= 3
    for query in QUERIES:
        one = search(tmp_path / "one", query, limit=1000)
        many = search(tmp_path / "many", query, limit=1000)
        assert one.total == many.total, query
        assert {h.article_id for h in one.hits} == {h.article_id for h in many.hits}, query
        assert one.facets == many.facets, query
    assert search(tmp_path / "many", "县委书记").total > 0
    assert multiprocessing.active_children() == []


def test_peek_reads_units_only_until_it_can_tell(archive: Path) -> None:
    library, _ = open_archive(archive)
    issues = list(library.issues)
    taken: list[str] = []

    def stream() -> Iterator[Issue]:
        for issue in issues:
            taken.append(issue.id)
            yield issue

    limit = feed.text_size(issues[0]) + 1
    chars, units = feed.peek(stream(), limit)
    assert chars == feed.text_size(issues[0]) + feed.text_size(issues[1])
    assert len(taken) == 2
    assert list(units) == issues
    assert feed.peek(iter(issues[:1]), limit)[0] == limit - 1
