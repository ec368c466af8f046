"""The per-document state a searcher keeps in the user cache follows the index's updates."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy  # noqa: F401  (loaded: searches go through whoosh and numpy, which save the state)
import pytest

from reader.index import fold, update_index
from reader.index.results import SearchResult
from reader.index.searcher import IndexSearcher
from tests.index.conftest import copy_issues, open_archive


def _search(index_dir: Path, query: str) -> SearchResult:
    with IndexSearcher(index_dir) as searcher:
        return searcher.search(query, limit=5)


def _update(root: Path, index_dir: Path) -> None:
    library, fingerprints = open_archive(root)
    update_index(index_dir, library.issues, fingerprints)


def test_an_update_that_only_removes_issues_is_not_searched_with_the_older_state(
    generated_archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setattr(fold, "_cache_root", lambda: cache)
    root = copy_issues(generated_archive, tmp_path / "archive", 6)
    index_dir = tmp_path / "index"
    _update(root, index_dir)
    removed = sorted(root.glob("*.txt"))[2]
    day = removed.name[:10]  # 2015-03-27_00048.txt: the issue's date
    queries = [f"date:{day}", "-的", "县"]
    before = {q: _search(index_dir, q) for q in queries}  # saves the state
    assert before[f"date:{day}"].total > 0
    assert list((cache / "search-state").iterdir())

    removed.unlink()  # deletes its documents: the count of documents stays as it was
    _update(root, index_dir)
    after = {q: _search(index_dir, q) for q in queries}
    shutil.rmtree(cache / "search-state")
    fresh = {q: _search(index_dir, q) for q in queries}  # derived from the index again
    assert after == fresh
    assert after[f"date:{day}"].total == 0
    assert day not in after["县"].facets.day
