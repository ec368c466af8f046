"""Per-user folders: indexes and catalogues in the user cache, keyed by the archive's location."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.library import Library, paths
from tests.conftest import SAMPLE_ISSUES


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the XDG folders at ``tmp_path`` (platformdirs follows them on Linux)."""
    for name in ("CACHE", "CONFIG", "STATE"):
        monkeypatch.setenv(f"XDG_{name}_HOME", str(tmp_path / name.lower()))
    return tmp_path


def test_the_app_name_names_every_folder(home: Path) -> None:
    assert paths.APP_NAME == "issue-reader"
    assert paths.user_cache_root() == home / "cache" / "issue-reader"
    assert paths.index_root() == home / "cache" / "issue-reader" / "indexes"
    assert paths.catalogue_root() == home / "cache" / "issue-reader" / "catalogues"
    assert paths.config_dir() == home / "config" / "issue-reader"
    assert paths.settings_file() == home / "config" / "issue-reader" / "issue-reader.ini"
    assert paths.log_dir().is_relative_to(home / "state" / "issue-reader")


def test_the_folding_table_is_cached_below_the_user_cache(home: Path) -> None:
    from reader.index import fold

    cache = fold._t2s_cache_file()
    assert cache is not None and cache.parent == home / "cache" / "issue-reader"


def test_default_index_dir_is_keyed_by_location(home: Path) -> None:
    (home / "a").mkdir()
    (home / "b").mkdir()
    first = paths.index_dir(home / "a")
    assert first == paths.index_dir(str(home / "a" / ".." / "a"))
    assert first != paths.index_dir(home / "b")
    assert first.parent == home / "cache" / "issue-reader" / "indexes"
    assert first.name.startswith("a-")


def test_an_index_root_given_replaces_the_user_cache(home: Path) -> None:
    folder = paths.index_dir(home / "a", home / "elsewhere")
    assert folder.parent == home / "elsewhere"
    assert folder.name == paths.index_dir(home / "a").name


def test_odd_names_make_plain_folder_names(home: Path) -> None:
    odd = home / "报纸 archive (2022)!"
    assert paths.folder_in(home, odd).name.startswith("报纸_archive_2022_-")
    assert paths.folder_in(home, Path("/")).name.startswith("archive-")


def test_the_library_indexes_and_caches_below_the_user_cache(home: Path) -> None:
    archive = home / "archive"
    shutil.copytree(SAMPLE_ISSUES, archive)
    before = sorted(p.name for p in archive.rglob("*"))
    with Library.open(archive) as library:
        folder = library.index_dir()
        assert folder.parent == home / "cache" / "issue-reader" / "indexes"
        assert not folder.resolve().is_relative_to(archive.resolve())
        assert library.update_index().articles == 8
        assert (folder / "meta.json").exists()
        assert library.search("供热").total == 1
    cached = list((home / "cache" / "issue-reader" / "catalogues").iterdir())
    # The catalogue, its articles' text, and the issues' fingerprints (a search on a current
    # index reads only them).
    assert sorted(p.name for p in cached) == [
        f"{folder.name}.fingerprints.json",
        f"{folder.name}.pickle",
        f"{folder.name}.texts",
    ]
    assert sorted(p.name for p in archive.rglob("*")) == before
