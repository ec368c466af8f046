"""A per-user cache folder that cannot be written (a file in its way): one line says so."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from reader.cli import main

SAMPLES = Path(__file__).parents[2] / "sample_issues"


@pytest.fixture
def blocked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder that is a file, and an archive of its own (so nothing is cached yet)."""
    cache = tmp_path / "cache"
    cache.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    archive = tmp_path / "archive"
    shutil.copytree(SAMPLES, archive)
    return archive


def said(capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture) -> list[str]:
    """The lines on stderr: the warnings (on stderr from the command line, pytest takes them
    to caplog), then what the command printed there."""
    warned = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    return warned + capsys.readouterr().err.splitlines()


def test_listing_the_issues_says_once_that_the_cache_cannot_be_written(
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    blocked: Path,
    tmp_path: Path,
) -> None:
    assert main(["issues", str(blocked)]) == 0
    lines = said(capsys, caplog)
    assert len(lines) == 1, lines
    assert "cannot write the cache in" in lines[0]
    assert f"the folder {tmp_path / 'cache'} is a file, not a folder" in lines[0]
    assert ".tmp" not in lines[0]


def test_a_search_says_where_the_index_cannot_be_written_and_what_to_do(
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    blocked: Path,
    tmp_path: Path,
) -> None:
    assert main(["search", str(blocked), "供热"]) == 1
    lines = said(capsys, caplog)
    cache = [line for line in lines if "the cache" in line]
    errors = [line for line in lines if line.startswith("issue-reader: error:")]
    assert len(cache) <= 1 and len(errors) == 1 and len(lines) == len(cache) + 1, lines
    assert ".tmp" not in "".join(lines)
    error = errors[0]
    assert f"cannot write the search index in {tmp_path / 'cache'}" in error
    assert f"the folder {tmp_path / 'cache'} is a file, not a folder" in error
    assert "--index-dir DIR" in error


def test_the_index_folder_given_instead_is_used(
    capsys: pytest.CaptureFixture[str], blocked: Path, tmp_path: Path
) -> None:
    assert main(["search", str(blocked), "供热", "--index-dir", str(tmp_path / "index")]) == 0
    assert "found" in capsys.readouterr().out
