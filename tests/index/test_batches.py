"""A huge issue indexed in batches of its articles, shared across workers: the same hits."""

from __future__ import annotations

import dataclasses
import multiprocessing
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from reader.index import feed, parallel, search, store, update_index
from reader.index.parallel import batches, text_size
from reader.library import Library
from tests.generator.huge import write_text_issue

QUERIES = ("县委书记", "PM2.5", "会", "第3篇", '"covid-19"', "长篇连载", "-本报讯", "date:2015-01")


@pytest.fixture(scope="module")
def huge_issue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("huge")
    # Twelve articles of about 25,000 characters each, in one issue file.
    write_text_issue(folder / "2015-01-05_huge.txt", 900_000, articles=12)
    return folder


def test_an_issue_is_cut_into_batches_of_its_articles_in_order(huge_issue: Path) -> None:
    (issue,) = Library.open(huge_issue, use_cache=False).issues
    units = batches([issue], limit=60_000)
    assert 4 <= len(units) < len(issue.articles)
    assert {unit.id for unit in units} == {issue.id}
    assert [a for unit in units for a in unit.articles] == list(issue.articles)
    assert all(text_size(unit) <= 60_000 for unit in units if len(unit.articles) > 1)
    assert batches([issue]) == [issue]  # small enough to stay whole by default
    assert batches([issue], limit=1) == [
        dataclasses.replace(issue, articles=(a,)) for a in issue.articles
    ]


def test_a_split_issue_finds_the_same_as_a_whole_one(
    huge_issue: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = Library.open(huge_issue, use_cache=False)
    fingerprints = library.fingerprints()
    serial = update_index(tmp_path / "serial", library.issues, fingerprints, workers=1)
    monkeypatch.setattr(feed, "BATCH_CHARS", 60_000)
    # A queue of two batches for the worker: the parent writes the rest itself.
    monkeypatch.setattr(parallel, "QUEUED_CHARS", 120_000)
    split = update_index(tmp_path / "split", library.issues, fingerprints, workers=2)
    assert serial.articles == split.articles == 12
    for query in QUERIES:
        whole = search(tmp_path / "serial", query, limit=100)
        parts = search(tmp_path / "split", query, limit=100)
        assert whole.total == parts.total, query
        assert {h.article_id for h in whole.hits} == {h.article_id for h in parts.hits}, query
    assert search(tmp_path / "split", "县委书记", limit=100).total > 0
    # Both processes wrote a part of the one issue: one segment each.
    whoosh_dir = tmp_path / "split" / store.WHOOSH_DIR
    ix = whoosh_index.open_dir(str(whoosh_dir), indexname=store.INDEX_NAME)
    with ix.reader() as reader:
        assert len(reader.leaf_readers()) == 2
    assert multiprocessing.active_children() == []
