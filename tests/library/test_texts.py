"""Article text outside the catalogue: read on demand from the file beside the cache, bounded."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from reader.library import Library, catalogue, texts
from reader.model import Article, TextNotRead
from tests.conftest import SAMPLE_ISSUES


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    shutil.copytree(SAMPLE_ISSUES, root)
    return root


def _whole(root: Path) -> dict[str, Article]:
    """Every article as the importers read it, text and all (no cache)."""
    library = Library.open(root, use_cache=False)
    return {a.id: a for issue in library.issues for a in issue.articles}


def test_the_catalogue_leaves_the_text_out_and_the_library_reads_it_back_exactly(
    archive: Path, tmp_path: Path
) -> None:
    read = _whole(archive)
    assert any(a.has_text for a in read.values())
    for opening in range(2):  # the first open (importers) and a reopen (cache) alike
        library = Library.open(archive, cache_root=tmp_path / "cache")
        entries = [a for issue in library.issues for a in issue.articles]
        assert [a.id for a in entries] == list(read), opening
        for entry in entries:
            assert not entry.holds_text
            assert entry.has_text == read[entry.id].has_text
            assert library.with_text(entry) == read[entry.id]
            assert library.article(entry.id)[1] == read[entry.id]


def test_reading_an_entry_s_text_fails_loudly(archive: Path, tmp_path: Path) -> None:
    library = Library.open(archive, cache_root=tmp_path / "cache")
    entry = library.issues[0].articles[0]
    with pytest.raises(TextNotRead):
        _ = entry.text
    with pytest.raises(TextNotRead):
        list(entry.paragraphs)
    with pytest.raises(TextNotRead):
        bool(entry.paragraphs)
    stranger = Library.open(archive, use_cache=False)  # holds no text file
    with pytest.raises(TextNotRead):
        stranger.with_text(entry)


def test_the_stand_ins_pickle_as_the_shared_ones() -> None:
    entry = Article("a", "i", "t", paragraphs=("one",)).without_text()
    again = pickle.loads(pickle.dumps(entry))
    assert again.paragraphs is entry.paragraphs
    assert again.has_text
    assert not Article("b", "i", "t").without_text().has_text


def test_a_cut_text_file_is_a_miss_and_the_archive_is_read_again(
    archive: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    first = Library.open(archive, cache_root=cache)
    expected = {a.id: first.with_text(a) for i in first.issues for a in i.articles}
    stored = catalogue.text_file(catalogue.cache_file(cache, archive))
    stored.write_bytes(stored.read_bytes()[:100])
    again = Library.open(archive, cache_root=cache)
    assert stored.stat().st_size > 100  # read from the files and cached anew
    assert {a.id: again.with_text(a) for i in again.issues for a in i.articles} == expected


def test_the_cache_keeps_at_most_its_bound(archive: Path, tmp_path: Path) -> None:
    library = Library.open(archive, cache_root=tmp_path / "cache")
    found = catalogue.load(
        catalogue.cache_file(tmp_path / "cache", archive),
        catalogue.stamp(Library.file_state(archive)),
    )
    assert found is not None and found.texts is not None
    ids = [a.id for issue in library.issues for a in issue.articles if a.has_text]
    sizes = [len(found.texts.read(i)[1]) for i in ids]
    cache = texts.TextCache(found.texts, limit=max(sizes))
    for article_id in ids:
        assert cache.paragraphs(article_id) == library.article(article_id)[1].paragraphs
        assert cache.size <= max(sizes)
    assert len(cache) < len(ids)
    assert cache.paragraphs(ids[-1]) is cache.paragraphs(ids[-1])  # the last one is kept
