"""`index --workers N`: a first build split across N processes finds what one process finds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.index import build, parallel
from tests.generator.generate import generate


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def indexed(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    assert main(["index", *argv, "--json"]) == 0
    answer: dict[str, object] = json.loads(capsys.readouterr().out)
    return answer


def total(capsys: pytest.CaptureFixture[str], archive: Path, index_dir: Path, query: str) -> int:
    assert main(["search", str(archive), query, "--index-dir", str(index_dir), "--json"]) == 0
    found: int = json.loads(capsys.readouterr().out)["total"]
    return found


def test_two_workers_write_a_segment_each_and_find_what_one_process_finds(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = tmp_path / "archive"
    generate(archive, issues=12)
    # A short queue for the worker, so that the parent writes issues of its own too.
    monkeypatch.setattr(parallel, "QUEUED_CHARS", 60_000)
    one, two = tmp_path / "one", tmp_path / "two"
    assert indexed(capsys, str(archive), "--index-dir", str(one), "--workers", "1")["articles"]
    assert indexed(capsys, str(archive), "--index-dir", str(two), "--workers", "2")["rebuilt"]
    assert len(list((one / "whoosh").glob("*.trm"))) == 1
    assert len(list((two / "whoosh").glob("*.trm"))) == 2
    for query in ("县", "供热", '"工程质量"'):
        assert total(capsys, archive, one, query) == total(capsys, archive, two, query) > 0


def test_a_small_archive_is_built_by_one_process_unless_told(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    archive = tmp_path / "archive"
    generate(archive, issues=12)  # about 190 articles: far below the parallel threshold
    assert build.PARALLEL_MIN_ARTICLES > 190
    indexed(capsys, str(archive), "--index-dir", str(tmp_path / "index"))
    assert len(list((tmp_path / "index" / "whoosh").glob("*.trm"))) == 1


@pytest.mark.parametrize("workers", ["0", "-1", "two"])
def test_workers_must_be_a_whole_number_of_at_least_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, workers: str
) -> None:
    assert main(["index", str(tmp_path), "--workers", workers]) == 1
    assert "--workers" in capsys.readouterr().err
