"""A first read in a spawned process: the same catalogue and text, batches heard as they come, nothing left behind."""

from __future__ import annotations

import multiprocessing
import os
import signal
from pathlib import Path

import pytest

from reader import formats
from reader.library import Library, catalogue, read_apart
from reader.model import Cancelled, ReaderError
from reader.model.articles import Articles
from tests.generator.generate import generate
from tests.library.test_first_read import read_once, whole


@pytest.fixture(scope="module")
def daily(tmp_path_factory) -> Path:
    """A daily of 130 issues: three batches (40, 80, 10) when read."""
    folder = tmp_path_factory.mktemp("apart") / "daily"
    generate(folder, issues=130, articles=2)
    return folder


def left_behind(cache: Path) -> list[Path]:
    return list(cache.rglob("*.tmp"))


def test_a_read_apart_gives_what_a_read_here_gives(daily, tmp_path):
    once = read_once(daily)
    heard: list[tuple[catalogue.Catalogue, int]] = []

    def on_batch(batch: catalogue.Catalogue) -> None:
        heard.append((batch, len(multiprocessing.active_children())))
        # The issues hold no article objects: their entries are decoded from the child's file
        # when used, and found by id, and their text reads back from its spill file.
        assert all(type(issue.articles) is Articles for issue in batch.archive.issues)
        partial = Library(batch, formats.open_source(daily))
        for issue in (batch.archive.issues[0], batch.archive.issues[-1]):
            article = issue.articles[-1]
            found = partial.find_article(article.id)
            assert found is not None and found[0].id == issue.id
            assert partial.with_text(article) == once.article(article.id)[1]

    cache = tmp_path / "cache"
    first = Library.open(daily, cache_root=cache, on_batch=on_batch, apart=True)
    assert [len(b.archive.issues) for b, _ in heard] == [40, 80, 10]
    # Read by a process of its own, alive while the first batches come (it may have written
    # the cache and ended before the last batch is handed on, on a busy machine).
    assert heard[0][1] == 1 and all(children <= 1 for _, children in heard)
    assert not any(a.holds_text for b, _ in heard for i in b.archive.issues for a in i.articles)
    assert not multiprocessing.active_children()
    expected = whole(once)
    assert whole(first) == expected
    assert not left_behind(cache)
    heard.clear()
    again = Library.open(daily, cache_root=cache, on_batch=on_batch, apart=True)
    assert not heard  # the child wrote the cache: nothing is read again
    assert whole(again) == expected


def test_a_cancelled_read_apart_ends_its_process_and_leaves_nothing(daily, tmp_path):
    def progress(done: int, total: int) -> None:
        if done:
            raise Cancelled()

    cache = tmp_path / "cache"
    with pytest.raises(Cancelled):
        Library.open(daily, progress, cache_root=cache, apart=True)
    assert not multiprocessing.active_children()
    assert not left_behind(cache)
    assert not list(cache.rglob("*.pickle"))


def test_a_read_apart_whose_process_dies_is_an_error_and_the_next_open_reads_again(daily, tmp_path):
    def kill_the_reader(batch: catalogue.Catalogue) -> None:
        (child,) = multiprocessing.active_children()
        assert child.pid is not None
        os.kill(child.pid, signal.SIGKILL)

    cache = tmp_path / "cache"
    with pytest.raises(ReaderError, match="its process ended"):
        Library.open(daily, cache_root=cache, on_batch=kill_the_reader, apart=True)
    assert not multiprocessing.active_children()
    assert not left_behind(cache)
    assert whole(Library.open(daily, cache_root=cache, apart=True)) == whole(read_once(daily))


def test_an_unwritable_cache_folder_reads_here_with_every_text(daily, tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    heard: list[catalogue.Catalogue] = []
    first = Library.open(daily, cache_root=blocked / "cache", on_batch=heard.append, apart=True)
    assert heard and heard[0].texts is None  # nowhere to write: the text stays in memory
    assert whole(first) == whole(read_once(daily))


def test_only_a_large_archive_is_read_apart():
    small = {f"{n}.txt": (4000, 0, 0) for n in range(read_apart.APART_FROM_FILES - 1)}
    assert not read_apart.worth_it(small)
    assert read_apart.worth_it({**small, "one more.txt": (4000, 0, 0)})
    assert read_apart.worth_it({"archive.zip": (read_apart.APART_FROM_BYTES, 0, 0)})
