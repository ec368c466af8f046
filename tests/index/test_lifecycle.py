"""The index's life: first build, incremental updates, damage, interruption, concurrency."""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from reader.index import is_current, search, store, update_index
from reader.index.lock import WriteLock
from reader.model import Cancelled, IndexUnavailable
from tests.conftest import REPO
from tests.index.conftest import copy_issues, open_archive, snapshot


@pytest.fixture
def archive(generated_archive: Path, tmp_path: Path) -> Path:
    """A writable copy of the generated archive (6 of its issues)."""
    return copy_issues(generated_archive, tmp_path / "archive", 6)


def _update(root: Path, index_dir: Path, **options: object):  # type: ignore[no-untyped-def]
    library, fingerprints = open_archive(root)
    return update_index(index_dir, library.issues, fingerprints, **options)  # type: ignore[arg-type]


def _ids(index_dir: Path, query: str) -> set[str]:
    return {hit.article_id for hit in search(index_dir, query, limit=10_000).hits}


def _touch(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    later = path.stat().st_mtime_ns + 2_000_000_000
    os.utime(path, ns=(later, later))


def test_first_build_then_nothing_to_do(archive: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    first = _update(archive, index_dir)
    assert (first.rebuilt, first.added, first.articles, first.written) == (True, 6, 96, 96)
    again = _update(archive, index_dir)
    assert (again.rebuilt, again.written, again.articles) == (False, 0, 96)
    _, fingerprints = open_archive(archive)
    assert is_current(index_dir, fingerprints)
    assert not is_current(index_dir, {**fingerprints, "other": "x"})
    meta = store.read_meta(index_dir)
    assert meta is not None and meta.articles == 96


def test_added_changed_and_removed_files(archive: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    _update(archive, index_dir)
    files = sorted(archive.glob("*.txt"))
    assert _ids(index_dir, "独一无二的新词") == set()

    # A changed file: only its issue is re-indexed.
    text = files[1].read_text(encoding="utf-8").replace("本报讯", "本报讯 独一无二的新词", 1)
    _touch(files[1], text)
    stats = _update(archive, index_dir)
    assert (stats.added, stats.changed, stats.removed, stats.written) == (0, 1, 0, 16)
    assert len(_ids(index_dir, "独一无二的新词")) == 1
    assert stats.articles == 96

    # A removed file.
    removed_issue = open_archive(archive)[0].issues[0]
    files[0].unlink()
    stats = _update(archive, index_dir)
    assert (stats.added, stats.changed, stats.removed, stats.written) == (0, 0, 1, 0)
    assert stats.articles == 80
    assert not any(a.startswith(removed_issue.id) for a in _ids(index_dir, "本报讯"))

    # A new file.
    new = archive / "2099-01-01_new.txt"
    shutil.copy2(files[2], new)
    _touch(new, new.read_text(encoding="utf-8").replace("2015年", "2099年"))
    stats = _update(archive, index_dir)
    assert (stats.added, stats.changed, stats.removed, stats.written) == (1, 0, 0, 16)
    assert stats.articles == 96
    assert len(_ids(index_dir, "date:2099")) == 16


def test_many_changes_rebuild_instead(archive: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    _update(archive, index_dir)
    for path in sorted(archive.glob("*.txt"))[:3]:
        path.unlink()
    stats = _update(archive, index_dir)
    assert stats.rebuilt and stats.articles == 48


@pytest.mark.parametrize(
    "damage", ["truncate", "garbage-toc", "delete-segment", "no-meta", "version"]
)
def test_damaged_index_is_rebuilt(archive: Path, tmp_path: Path, damage: str) -> None:
    index_dir = tmp_path / "index"
    _update(archive, index_dir)
    expected = _ids(index_dir, "县委书记")
    whoosh_dir = index_dir / store.WHOOSH_DIR
    segment = max(whoosh_dir.glob("MAIN_*"), key=lambda p: p.stat().st_size)
    if damage == "truncate":
        with segment.open("r+b") as handle:
            handle.truncate(segment.stat().st_size // 2)
    elif damage == "garbage-toc":
        toc = next(whoosh_dir.glob("*.toc"))
        toc.write_bytes(b"\x00garbage" * 10)
    elif damage == "delete-segment":
        segment.unlink()
    elif damage == "no-meta":
        (index_dir / store.META_FILE).unlink()
    else:
        meta = json.loads((index_dir / store.META_FILE).read_text())
        meta["versions"]["schema"] = -1
        (index_dir / store.META_FILE).write_text(json.dumps(meta))
    _, fingerprints = open_archive(archive)
    assert not is_current(index_dir, fingerprints)
    stats = _update(archive, index_dir)
    assert stats.rebuilt
    assert _ids(index_dir, "县委书记") == expected


@pytest.mark.parametrize(
    "pattern",
    [
        "MAIN_*.pst",  # posting lists: zlib's own checksum fails on reading them
        "MAIN_*.trm",  # the term dictionary: caught by the checksum in meta.json
        "MAIN_*.day.col",  # issue dates: likewise
    ],
)
def test_damage_found_by_a_search_is_reported_then_rebuilt(
    archive: Path, tmp_path: Path, pattern: str
) -> None:
    index_dir = tmp_path / "index"
    _update(archive, index_dir)
    expected = _ids(index_dir, "县委书记")
    whoosh_dir = index_dir / store.WHOOSH_DIR
    # Same size, scrambled inside: only reading the file can tell.
    segment = max(whoosh_dir.glob(pattern), key=lambda p: p.stat().st_size)
    data = bytearray(segment.read_bytes())
    rnd = random.Random(1)
    edge = len(data) // 20
    data[edge:-edge] = bytes(rnd.randrange(256) for _ in range(len(data) - 2 * edge))
    segment.write_bytes(bytes(data))
    with pytest.raises(IndexUnavailable, match="damaged"):
        for query in ("县委书记", "本报讯", "会议", "的", "date:2015"):
            search(index_dir, query, limit=10_000)
    assert (index_dir / store.DAMAGED_FILE).exists()
    with pytest.raises(IndexUnavailable, match="damaged"):
        search(index_dir, "县委书记")
    stats = _update(archive, index_dir)
    assert stats.rebuilt
    assert _ids(index_dir, "县委书记") == expected


def test_cancelled_first_build_leaves_nothing_behind(archive: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "index"

    def stop_halfway(done: int, total: int) -> None:
        if done > total // 2:
            raise Cancelled

    with pytest.raises(Cancelled):
        _update(archive, index_dir, progress=stop_halfway, workers=1)
    assert not (index_dir / store.META_FILE).exists()
    assert not list(index_dir.glob("build-*"))
    with pytest.raises(IndexUnavailable):
        search(index_dir, "本报讯")


def test_cancelled_update_keeps_the_previous_index(archive: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    _update(archive, index_dir)
    before = _ids(index_dir, "本报讯")
    files = sorted(archive.glob("*.txt"))
    for path in files[:2]:
        _touch(path, path.read_text(encoding="utf-8").replace("本报讯", "本报电"))

    def stop(done: int, total: int) -> None:
        if done >= 5:
            raise Cancelled

    with pytest.raises(Cancelled):
        _update(archive, index_dir, progress=stop)
    assert _ids(index_dir, "本报讯") == before
    _update(archive, index_dir)
    assert len(_ids(index_dir, "本报讯")) == len(before) - 32


def test_cancelled_parallel_build_stops_its_workers(archive: Path, tmp_path: Path) -> None:
    def stop(done: int, total: int) -> None:
        if done >= 20:
            raise Cancelled

    with pytest.raises(Cancelled):
        _update(archive, tmp_path / "index", progress=stop, workers=2)
    assert multiprocessing.active_children() == []
    assert not list((tmp_path / "index").glob("build-*"))


def test_parallel_build_finds_the_same(archive: Path, tmp_path: Path) -> None:
    serial = _update(archive, tmp_path / "serial", workers=1)
    parallel = _update(archive, tmp_path / "parallel", workers=2)
    assert serial.articles == parallel.articles == 96
    for query in ("县委书记", "PM2.5", "会", '"covid-19"', "date:2015-01", "-本报讯"):
        assert _ids(tmp_path / "serial", query) == _ids(tmp_path / "parallel", query), query
    assert multiprocessing.active_children() == []


def _child_script(tmp_path: Path, body: str) -> Path:
    """A script running ``body`` as its main function (a spawned worker re-imports it)."""
    header = (
        "import json, pathlib, sys, time\n"
        f"sys.path.insert(0, {str(REPO)!r})\n"
        "from reader.index import search, update_index\n"
        "from tests.index.conftest import open_archive\n\n"
        "def main():\n"
    )
    footer = '\n\nif __name__ == "__main__":\n    main()\n'
    script = tmp_path / "child.py"
    script.write_text(header + textwrap.indent(textwrap.dedent(body), "    ") + footer)
    return script


def _kill_when(process: subprocess.Popen[bytes], marker: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not marker.exists():
        assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
        assert time.monotonic() < deadline, "the child never got going"
        time.sleep(0.02)
    process.kill()
    process.wait()
    if process.stderr is not None:
        process.stderr.close()


def _running(pid: int) -> bool:
    """Whether process ``pid`` is alive (a zombie is not: it has ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


@pytest.mark.parametrize("workers", [1, 2])
def test_killed_first_build_is_recovered(archive: Path, tmp_path: Path, workers: int) -> None:
    index_dir = tmp_path / "index"
    marker = tmp_path / "halfway"
    script = _child_script(
        tmp_path,
        f"""
        library, fingerprints = open_archive(pathlib.Path({str(archive)!r}))
        import multiprocessing, os
        def progress(done, total):
            if total and done > total // 3:
                # The build's worker processes, named in the marker (written whole, then moved).
                pids = " ".join(str(p.pid) for p in multiprocessing.active_children())
                with open({str(marker)!r} + ".part", "w") as handle:
                    handle.write(pids)
                os.replace({str(marker)!r} + ".part", {str(marker)!r})
                time.sleep(0.05)
        update_index({str(index_dir)!r}, library.issues, fingerprints, progress, workers={workers})
        """,
    )
    child = subprocess.Popen([sys.executable, str(script)], stderr=subprocess.PIPE)
    _kill_when(child, marker)
    # A worker whose build was killed ends too, rather than wait for ever to hand on its work.
    workers_left = [int(pid) for pid in marker.read_text().split()]
    assert len(workers_left) == workers - 1
    deadline = time.monotonic() + 60
    while any(_running(pid) for pid in workers_left):
        assert time.monotonic() < deadline, f"the build's workers {workers_left} outlived it"
        time.sleep(0.1)
    assert not (index_dir / store.META_FILE).exists()
    assert list(index_dir.glob("build-*"))
    stats = _update(archive, index_dir)
    assert stats.rebuilt and stats.articles == 96
    assert not list(index_dir.glob("build-*"))
    assert len(_ids(index_dir, "本报讯")) == 96


def test_killed_update_is_recovered(archive: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    _update(archive, index_dir)
    files = sorted(archive.glob("*.txt"))
    _touch(files[2], files[2].read_text(encoding="utf-8").replace("本报讯", "本报电"))
    marker = tmp_path / "halfway"
    script = _child_script(
        tmp_path,
        f"""
        library, fingerprints = open_archive(pathlib.Path({str(archive)!r}))
        def progress(done, total):
            if total and done > 5:
                open({str(marker)!r}, "w").close()
                time.sleep(0.05)
        update_index({str(index_dir)!r}, library.issues, fingerprints, progress)
        """,
    )
    child = subprocess.Popen([sys.executable, str(script)], stderr=subprocess.PIPE)
    _kill_when(child, marker)
    # The killed update committed nothing: the index is the previous one, still usable.
    assert len(_ids(index_dir, "本报讯")) == 96
    stats = _update(archive, index_dir)
    assert not stats.rebuilt and stats.changed == 1
    assert len(_ids(index_dir, "本报讯")) == 80
    assert len(_ids(index_dir, "本报电")) == 16
    assert not list((index_dir / store.WHOOSH_DIR).glob("*.tmp"))


def test_two_processes_open_the_same_archive(archive: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    script = _child_script(
        tmp_path,
        f"""
        library, fingerprints = open_archive(pathlib.Path({str(archive)!r}))
        stats = update_index({str(index_dir)!r}, library.issues, fingerprints, workers=1)
        result = search({str(index_dir)!r}, "县委书记", limit=1000)
        print(json.dumps([stats.rebuilt, stats.written, result.total]))
        """,
    )
    children = [
        subprocess.Popen(
            [sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(2)
    ]
    outputs = []
    for child in children:
        out, err = child.communicate(timeout=300)
        assert child.returncode == 0, err.decode()
        outputs.append(json.loads(out))
    expected = len(_ids(index_dir, "县委书记"))
    assert sorted(outputs) == [[False, 0, expected], [True, 96, expected]]


def test_a_writer_waits_for_the_lock(archive: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    index_dir.mkdir()
    waits: list[tuple[int, int]] = []
    outcome: list[object] = []

    def progress(done: int, total: int) -> None:
        waits.append((done, total))
        if len(waits) > 3:
            raise Cancelled

    with WriteLock(index_dir / store.LOCK_FILE):
        thread = threading.Thread(
            target=lambda: outcome.append(
                _catch(lambda: _update(archive, index_dir, progress=progress))
            )
        )
        thread.start()
        thread.join(timeout=60)
    assert isinstance(outcome[0], Cancelled)
    assert set(waits) == {(0, 0)}
    assert _update(archive, index_dir).articles == 96


def _catch(action):  # type: ignore[no-untyped-def]
    try:
        return action()
    except BaseException as exc:  # the test inspects what the thread raised
        return exc


def test_read_only_archive_is_never_written(archive: Path, tmp_path: Path) -> None:
    before = snapshot(archive)
    modes = {}
    for path in [archive, *archive.iterdir()]:
        modes[path] = path.stat().st_mode
        path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    try:
        index_dir = tmp_path / "cache" / "index"
        assert _update(archive, index_dir).articles == 96
        assert len(_ids(index_dir, "本报讯")) == 96
    finally:
        for path, mode in modes.items():
            path.chmod(mode)
    assert snapshot(archive) == before


def test_unwritable_index_location_is_index_unavailable(archive: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(IndexUnavailable, match="cannot write the search index"):
        _update(archive, blocker / "index")


def test_leftovers_of_killed_builds_are_cleaned(archive: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    _update(archive, index_dir)
    (index_dir / f"build-{'0' * 32}" / "whoosh").mkdir(parents=True)
    (index_dir / f"old-{'1' * 32}").mkdir()
    (index_dir / store.WHOOSH_DIR / "pool-x.tmp").mkdir()
    _update(archive, index_dir)
    assert sorted(p.name for p in index_dir.iterdir() if p.is_dir()) == [store.WHOOSH_DIR]
    assert not list((index_dir / store.WHOOSH_DIR).glob("*.tmp"))


def test_missing_fingerprint_is_a_bug(archive: Path, tmp_path: Path) -> None:
    library, _ = open_archive(archive)
    with pytest.raises(ValueError, match="no fingerprint"):
        update_index(tmp_path / "index", library.issues, {})


def test_a_worker_that_dies_fails_the_build_and_keeps_the_index(
    archive: Path, tmp_path: Path
) -> None:
    index_dir = tmp_path / "index"
    _update(archive, index_dir, workers=1)
    before = _ids(index_dir, "本报讯")
    killed: list[int] = []

    def kill_a_worker(done: int, total: int) -> None:
        for child in multiprocessing.active_children():
            if not killed and child.pid is not None:
                os.kill(child.pid, signal.SIGKILL)
                killed.append(child.pid)

    with pytest.raises(RuntimeError, match="worker"):
        _update(archive, index_dir, progress=kill_a_worker, workers=2, rebuild=True)
    assert killed
    assert _ids(index_dir, "本报讯") == before
    assert not list(index_dir.glob("build-*"))
    assert multiprocessing.active_children() == []
