"""The library's side of the index: fingerprints, where the index lives, the spawnable job."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import shutil
from pathlib import Path
from typing import Any

import pytest

from reader.library import Library, build_index
from reader.model import Cancelled
from tests.conftest import SAMPLE_ISSUES, shared_path


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    shutil.copytree(SAMPLE_ISSUES, root)
    return root


def test_fingerprints_follow_the_files(archive: Path) -> None:
    first = Library.open(archive).fingerprints()
    assert Library.open(archive).fingerprints() == first
    issue_file = next(archive.glob("*.txt"))
    later = issue_file.stat().st_mtime_ns + 1_000_000_000
    os.utime(issue_file, ns=(later, later))
    assert Library.open(archive).fingerprints() != first


def test_fingerprints_cover_article_files() -> None:
    library = Library.open(shared_path("samples/rmrb-1946-05-15"))
    fingerprints = library.fingerprints()
    assert set(fingerprints) == {issue.id for issue in library.issues}
    assert all(len(fp) == 24 for fp in fingerprints.values())


def test_index_dir_lives_below_the_root_and_is_searched(archive: Path, tmp_path: Path) -> None:
    library = Library.open(archive)
    folder = library.index_dir(tmp_path / "indexes")
    assert folder.parent == tmp_path / "indexes"
    assert not library.index_available(folder)
    assert not library.index_current(folder)
    stats = library.update_index(folder)
    assert stats.rebuilt and stats.articles == 8
    assert library.index_available(folder) and library.index_current(folder)
    assert library.ensure_index(folder) is None
    result = library.search("郭强", years=("2022",), publications=("今日长子",))
    assert result.total == 3
    assert library.search("郭强", years=("2021",)).total == 0
    library.close()


def test_the_job_pickles_as_plain_data(archive: Path, tmp_path: Path) -> None:
    library = Library.open(archive)
    args = library.index_job_args(tmp_path / "ix")
    assert args == (str(archive.resolve()), str(tmp_path / "ix"))
    assert pickle.loads(pickle.dumps(library.index_job)) is Library.index_job
    assert pickle.loads(pickle.dumps(args)) == args


def _run_job(args: tuple[str, str], results: Any) -> None:
    reports: list[tuple[int, int]] = []
    stats = Library.index_job(*args, lambda done, total: reports.append((done, total)))
    results.put((stats, reports[-1]))


def test_the_job_runs_in_a_spawned_process(archive: Path, tmp_path: Path) -> None:
    library = Library.open(archive)
    folder = library.index_dir(tmp_path / "indexes")
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    child = context.Process(target=_run_job, args=(library.index_job_args(folder), results))
    child.start()
    stats, last = results.get(timeout=120)
    child.join()
    assert child.exitcode == 0
    assert stats.articles == 8 and last == (8, 8)
    assert library.index_current(folder)
    assert library.search("供热").total == 1
    library.close()


def test_the_job_is_cancelled_through_progress(archive: Path, tmp_path: Path) -> None:
    def cancel(done: int, total: int) -> None:
        if done >= 3:
            raise Cancelled

    with pytest.raises(Cancelled):
        build_index(str(archive), str(tmp_path / "ix"), cancel)
    assert not Library.open(archive).index_available(tmp_path / "ix")
