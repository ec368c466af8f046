"""The About box's facts: engine versions, where files live, and clearing an archive's index."""

from __future__ import annotations

import importlib.metadata
import platform
import shutil
from pathlib import Path

import pytest

from reader import __version__
from reader.index.lock import WriteLock
from reader.index.store import LOCK_FILE
from reader.library import Library, environment, paths
from reader.model import IndexUnavailable
from tests.conftest import SAMPLE_ISSUES


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    shutil.copytree(SAMPLE_ISSUES, root)
    return root


def test_engine_versions_are_the_installed_ones() -> None:
    versions = environment.engine_versions()
    assert list(versions)[:3] == ["Issue Reader", "Python", "Whoosh-Reloaded"]
    assert versions["Issue Reader"] == __version__ == importlib.metadata.version("issue-reader")
    assert versions["Python"] == platform.python_version()
    assert versions["Whoosh-Reloaded"] == importlib.metadata.version("Whoosh-Reloaded")
    assert versions["lxml"] == importlib.metadata.version("lxml")


def test_locations_name_the_archive_index_and_the_per_user_folders(archive, tmp_path) -> None:
    places = environment.locations(archive, tmp_path / "indexes")
    assert places.index == paths.index_dir(archive, tmp_path / "indexes")
    assert places.index.parent == tmp_path / "indexes"
    assert places.catalogues == paths.catalogue_root()
    assert places.settings == paths.settings_file()
    assert environment.locations(None).index is None
    assert environment.locations(None).indexes == paths.index_root()


def test_clear_index_deletes_the_archive_index_and_nothing_else(archive, tmp_path) -> None:
    root = tmp_path / "indexes"
    other = root / "other-archive-0123456789abcdef"
    other.mkdir(parents=True)
    with Library.open(archive) as library:
        folder = library.index_dir(root)
        library.update_index(folder)
        assert library.search("供热").total > 0  # the searcher holds the index open
        assert library.clear_index(root) is True
        assert not folder.exists()
        assert other.is_dir() and root.is_dir()
        assert archive.is_dir() and any(archive.iterdir())
        assert library.clear_index(root) is False  # nothing left to clear
        library.update_index(folder)  # and it builds again from scratch
        assert library.search("供热").total > 0


def test_clear_index_refuses_while_an_update_writes(archive, tmp_path) -> None:
    root = tmp_path / "indexes"
    with Library.open(archive) as library:
        folder = library.index_dir(root)
        library.update_index(folder)
        with WriteLock(folder / LOCK_FILE), pytest.raises(IndexUnavailable, match="being written"):
            library.clear_index(root)
        assert folder.is_dir()


def test_clear_index_leaves_a_symlinked_folder_alone(archive, tmp_path) -> None:
    root = tmp_path / "indexes"
    elsewhere = tmp_path / "precious"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("keep")
    root.mkdir()
    with Library.open(archive) as library:
        paths.index_dir(archive, root).symlink_to(elsewhere, target_is_directory=True)
        with pytest.raises(ValueError, match="not an index folder"):
            library.clear_index(root)
    assert (elsewhere / "keep.txt").read_text() == "keep"
