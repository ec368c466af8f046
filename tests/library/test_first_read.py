"""A first read in batches: the text written to disk batch by batch, the catalogue as one read makes it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.formats import loading
from reader.library import Library, catalogue
from tests.conftest import SAMPLE_ISSUES
from tests.generator.generate import generate

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def small_batches(monkeypatch):
    monkeypatch.setattr(loading, "FIRST_BATCH", 2)
    monkeypatch.setattr(loading, "BATCH", 5)


def whole(library: Library) -> list[tuple[object, ...]]:
    """Every issue's fields, and each article's with its text as the library gives it."""
    return [
        (
            issue.id,
            issue.publication,
            issue.date,
            issue.source,
            tuple(library.with_text(article) for article in issue.articles),
        )
        for issue in library.issues
    ]


def read_once(folder: Path) -> Library:
    """The archive read in one go, its text kept in memory, nothing cached."""
    return Library.open(folder, use_cache=False)


def test_a_first_read_in_batches_gives_what_one_read_gives(tmp_path, small_batches):
    folder = tmp_path / "daily"
    generate(folder, issues=23, articles=3)
    heard: list[catalogue.Catalogue] = []
    first = Library.open(folder, cache_root=tmp_path / "cache", on_batch=heard.append)
    assert [len(c.archive.issues) for c in heard] == [2, 4, 5, 5, 5, 2]
    # What was heard holds no text in memory: it was written, and reads back from disk.
    article = heard[1].archive.issues[0].articles[0]
    assert not article.holds_text
    assert heard[1].texts is not None and heard[1].texts.paragraphs(article.id)
    assert all(not a.holds_text for issue in first.issues for a in issue.articles)
    expected = whole(read_once(folder))
    assert whole(first) == expected
    again = Library.open(folder, cache_root=tmp_path / "cache", on_batch=heard.append)
    assert len(heard) == 6  # from the cache: no more batches
    assert whole(again) == expected
    assert not list((tmp_path / "cache").rglob("*.tmp"))  # nothing left behind


def test_files_read_out_of_the_catalogues_order_still_give_each_article_its_text(
    tmp_path, small_batches
):
    folder = tmp_path / "daily"
    files = generate(folder, issues=12, articles=2)
    # Named so that reading by name goes backwards in time: the catalogue's order differs.
    for at, path in enumerate(files):
        path.rename(folder / f"{len(files) - at:03d}.txt")
    first = Library.open(folder, cache_root=tmp_path / "cache")
    assert [i.date for i in first.issues] == sorted(i.date for i in first.issues)
    expected = whole(read_once(folder))
    assert whole(first) == expected
    assert whole(Library.open(folder, cache_root=tmp_path / "cache")) == expected


def test_an_archive_of_several_formats_keeps_the_text_of_each(tmp_path, small_batches):
    folder = tmp_path / "mixed"
    shutil.copytree(SAMPLE_ISSUES, folder)
    shutil.copytree(DATA / "newsml" / "nitf", folder / "wire")  # read at the end, not in batches
    generate(folder / "daily", issues=7, articles=2)
    first = Library.open(folder, cache_root=tmp_path / "cache")
    assert {issue.format for issue in first.issues} != {"text-issue"}
    expected = whole(read_once(folder))
    assert whole(first) == expected
    assert whole(Library.open(folder, cache_root=tmp_path / "cache")) == expected


def test_an_unwritable_cache_folder_still_gives_every_text(tmp_path, small_batches):
    folder = tmp_path / "daily"
    generate(folder, issues=9, articles=2)
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    heard: list[catalogue.Catalogue] = []
    first = Library.open(folder, cache_root=blocked / "cache", on_batch=heard.append)
    assert heard and heard[0].texts is None  # nowhere to write: the text stays in memory
    assert whole(first) == whole(read_once(folder))
