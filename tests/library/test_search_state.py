"""A searcher's derived arrays, kept per index build in the user cache, give the same answers."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from reader.library import Library, SearchResult
from tests.conftest import SAMPLE_ISSUES


def answers(archive: Path) -> list[SearchResult]:
    with Library.open(archive) as library:
        library.ensure_index()
        return [
            library.search("供热"),
            library.search("政府 OR 工作", sort="newest", limit=3),
            library.search("工作", years=("2022",)),
        ]


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The per-user cache, kept inside the test's folder."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder


def _searched(tmp_path: Path) -> tuple[Path, list[SearchResult], Path]:
    """The sample archive copied and searched: its answers and the state file they saved."""
    archive = tmp_path / "archive"
    shutil.copytree(SAMPLE_ISSUES, archive)
    first = answers(archive)
    folder = Path(os.environ["XDG_CACHE_HOME"]) / "issue-reader" / "search-state"
    (saved,) = [file for file in folder.iterdir() if file.suffix == ".state"]
    return archive, first, saved


def test_saved_state_is_used_and_a_damaged_one_is_only_a_miss(tmp_path: Path) -> None:
    archive, first, saved = _searched(tmp_path)
    assert answers(archive) == first  # from the saved arrays
    saved.write_bytes(b"not a state file")
    assert answers(archive) == first  # read from the index again, and saved again
    assert saved.read_bytes() != b"not a state file"


def test_an_updated_index_replaces_its_saved_state(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    shutil.copytree(SAMPLE_ISSUES, archive)
    answers(archive)
    issue = next(archive.glob("*.txt"))
    issue.write_text(issue.read_text(encoding="utf-8").replace("供热", "供暖"), encoding="utf-8")
    assert answers(archive)[0].total == 0
    folder = Path(os.environ["XDG_CACHE_HOME"]) / "issue-reader" / "search-state"
    prefixes = [file.name.split("-")[0] for file in folder.iterdir() if file.suffix == ".state"]
    assert len(prefixes) == len(set(prefixes))  # one build's file per index folder


def test_a_state_file_lacking_an_array_is_derived_again(tmp_path: Path) -> None:
    archive, first, saved = _searched(tmp_path)
    whole = saved.read_bytes()
    assert b'"publication:names"' in whole
    saved.write_bytes(whole.replace(b'"publication:names"', b'"publication:nameX"', 1))
    assert answers(archive) == first  # not a KeyError: read from the index again
    assert b'"publication:names"' in saved.read_bytes()  # and saved whole again
