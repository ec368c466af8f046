"""Background work: results reach the GUI thread through the relay; processes report and cancel."""

from __future__ import annotations

import threading

import pytest

from reader.library import Library
from reader.library.archive_index import IndexNotWritten
from reader.model import CorruptArchive, IndexUnavailable, Reason
from reader.ui.core.process_job import ProcessJob
from reader.ui.core.tasks import SyncExecutor, Tasks
from tests.conftest import SAMPLE_ISSUES
from tests.ui import jobs


def test_worker_result_arrives_in_the_gui_thread(qtbot):
    errors = []
    tasks = Tasks(on_error=errors.append)
    gui = threading.current_thread()
    seen = {}

    def work(x):
        seen["worker"] = threading.current_thread()
        return x * 2

    def done(result):
        seen["result"] = result
        seen["callback"] = threading.current_thread()

    tasks.run(work, 21, on_done=done)
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["result"] == 42
    assert seen["worker"] is not gui
    assert seen["callback"] is gui
    assert errors == []
    tasks.shutdown()


def test_worker_error_and_progress_arrive_in_the_gui_thread(qtbot):
    errors, reports = [], []
    tasks = Tasks(on_error=errors.append)
    gui = threading.current_thread()

    def work(progress):
        for n in range(1, 4):
            progress(n, 3)
        raise ValueError("boom")

    def report(done, total):
        reports.append((done, total, threading.current_thread() is gui))

    tasks.run(work, on_done=lambda _r: None, on_progress=report)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ValueError)
    assert reports and reports[-1] == (3, 3, True)
    assert all(in_gui for _d, _t, in_gui in reports)
    tasks.shutdown()


def test_a_new_job_on_a_channel_drops_the_old_result(qtbot):
    results = []
    started, release = threading.Event(), threading.Event()

    def slow(progress):
        started.set()
        release.wait(5)
        progress(1, 1)  # stale by now: raises Cancelled
        return "old"

    tasks = Tasks(on_error=pytest.fail)
    tasks.run(slow, on_done=results.append, on_progress=lambda d, t: None, channel="search")
    started.wait(5)
    tasks.run(lambda: "new", on_done=results.append, channel="search")
    release.set()
    qtbot.waitUntil(lambda: bool(results))
    qtbot.wait(50)
    assert results == ["new"]
    tasks.shutdown()


def test_sync_executor_runs_at_once():
    results = []
    tasks = Tasks(on_error=pytest.fail, executor=SyncExecutor())
    tasks.run(sum, [1, 2, 3], on_done=results.append)
    assert results == [6]


def test_process_job_reports_progress_and_result(qtbot):
    job = ProcessJob(jobs.count, (5, 0.05))
    progress = []
    job.progressed.connect(lambda d, t: progress.append((d, t)))
    with qtbot.waitSignal(job.finished, timeout=30_000) as blocker:
        job.start()
    assert blocker.args == [5]
    assert progress[-1] == (5, 5)
    assert not job.running


def test_process_job_can_be_cancelled(qtbot):
    job = ProcessJob(jobs.count, (10_000, 0.01))
    progress = []
    job.progressed.connect(lambda d, t: progress.append(d))
    job.start()
    qtbot.waitUntil(lambda: bool(progress), timeout=30_000)
    with qtbot.waitSignal(job.cancelled, timeout=10_000):
        job.cancel()
    assert not job.running
    assert progress[-1] < 10_000


def test_process_job_failure_is_a_reader_error(qtbot):
    job = ProcessJob(jobs.refuse, ("/nowhere",))
    with qtbot.waitSignal(job.failed, timeout=30_000) as blocker:
        job.start()
    (error,) = blocker.args
    # The child's own error, so the window can say why in its language.
    assert isinstance(error, CorruptArchive) and error.reason == Reason.of("unknown_format")
    assert "not a recognised archive format" in str(error)


def test_an_index_folder_that_cannot_be_made_comes_back_as_such(qtbot, tmp_path):
    blocking = tmp_path / "file"
    blocking.write_text("kept", encoding="utf-8")
    index_dir = blocking / "index"
    job = ProcessJob(Library.index_job, (str(SAMPLE_ISSUES), str(index_dir)))
    with qtbot.waitSignal(job.failed, timeout=60_000) as blocker:
        job.start()
    (error,) = blocker.args
    assert isinstance(error, IndexNotWritten) and isinstance(error, IndexUnavailable)
    assert (error.path, error.code, error.values) == (
        str(index_dir),
        "folder_is_file",
        {"folder": str(blocking)},
    )
    assert str(error) == (
        f"cannot write the search index in {index_dir}: the folder {blocking} is a file, not a folder"
    )
