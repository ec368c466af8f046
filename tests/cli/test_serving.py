"""``issue-reader serve``: a search asked of it prints what the search prints, changes are seen.

Each server is a real ``python -m reader serve`` process on a copy of the sample archive;
the searches go through the real socket (``served.ask``), and their output is compared with
the same search run in this process before the server started.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reader.cli import main, served, starting
from reader.cli.parser import build_parser
from tests.cli.test_fast_start import HEAVY, imported
from tests.conftest import SAMPLE_ISSUES
from tests.library.weekly import issue_text

pytestmark = pytest.mark.skipif(not served.supported(), reason="no Unix sockets here")

SEARCHES = (
    ["供热", "--json"],
    ["供热"],
    ["长子", "--limit", "1", "--sort", "newest"],
    ["title:供热 OR 秋收", "--json", "-n", "3"],
    ["-供热", "长子", "--json"],
    ["没有这个词"],
    ['"unclosed'],  # a malformed query: the error and exit code travel too
)


class Server:
    """A ``serve`` process of ``archive``; stopped with SIGTERM unless already gone."""

    def __init__(self, archive: Path, index: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "reader", "serve", str(archive), "--index-dir", str(index)],
            stderr=subprocess.PIPE,
            text=True,
            env=os.environ.copy(),
        )
        assert self.process.stderr is not None
        watchdog = threading.Timer(60, self.process.kill)  # a server that never listens
        watchdog.start()
        self.said = self.process.stderr.readline()  # once it listens
        watchdog.cancel()
        assert self.said.startswith("Serving the searches of"), self.said + self._rest()
        self.address = served.socket_for(str(archive), str(index))
        self.rest = ""  # what it said after it listened, once stopped

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        code = self.process.wait(timeout=30)
        assert self.process.stderr is not None
        if not self.process.stderr.closed:  # stopped once already
            self.rest = self.process.stderr.read()
            self.process.stderr.close()
        return code

    def _rest(self) -> str:
        self.process.kill()
        assert self.process.stderr is not None
        return self.process.stderr.read()


@pytest.fixture
def archive(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "archive"
    shutil.copytree(SAMPLE_ISSUES, folder)
    index = tmp_path / "index"
    assert main(["index", str(folder), "--index-dir", str(index)]) == 0
    return folder, index


@pytest.fixture
def server(archive: tuple[Path, Path]) -> Iterator[Server]:
    running = Server(*archive)
    yield running
    running.stop()


def _search(archive: tuple[Path, Path], words: list[str]) -> list[str]:
    return ["search", str(archive[0]), "--index-dir", str(archive[1]), *words]


def _served(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Ask the server; it must answer (None would mean the search ran nowhere)."""
    capsys.readouterr()
    code, server = served.ask(build_parser({"search"}).parse_args(argv), argv)
    assert code is not None, "the server did not answer"
    assert server
    out, err = capsys.readouterr()
    return code, out, err


def _here(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_a_served_search_prints_what_the_search_prints(
    archive: tuple[Path, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = [_here(_search(archive, words), capsys) for words in SEARCHES]
    assert expected[0][0] == 0 and json.loads(expected[0][1])["total"] == 1
    assert expected[-1][0] == 1 and "error" in expected[-1][2]
    running = Server(*archive)
    try:
        for words, (code, out, err) in zip(SEARCHES, expected, strict=True):
            assert _served(_search(archive, words), capsys) == (code, out, err), words
        # The command itself asks the server (its output is the same either way), unless
        # told never to (as the tests are: starting none).
        status = [*_search(archive, [])[:4], "--status"]
        status[0] = "serve"
        assert _here(status, capsys)[1].count(f"{len(SEARCHES)} searches") == 1
        assert _here(_search(archive, list(SEARCHES[0])), capsys) == expected[0]
        assert f"{len(SEARCHES)} searches" in _here(status, capsys)[1]  # not asked
        monkeypatch.setenv(starting.VARIABLE, "auto")
        assert _here(_search(archive, list(SEARCHES[0])), capsys) == expected[0]
        code, said, _ = _here(status, capsys)
        assert code == 0 and f"{len(SEARCHES) + 1} searches" in said  # asked
        assert f"served by process {running.process.pid}" in said
    finally:
        assert running.stop() == 0
    assert not running.address.exists()  # taken away when stopped
    assert not running.address.with_suffix(".lock").exists()


def test_a_served_search_imports_neither_the_index_nor_the_importers(
    archive: tuple[Path, Path], server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(starting.VARIABLE, "auto")  # as by default: a server is asked
    out, modules, reader = imported(*_search(archive, ["供热", "--json"]))
    assert json.loads(out)["total"] == 1
    assert not modules & HEAVY
    assert not [name for name in reader if name.startswith(("reader.index", "reader.formats"))]


def test_a_change_to_the_archive_is_seen_at_the_next_search(
    archive: tuple[Path, Path], server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = _search(archive, ["蓝莓合作社", "--json"])
    assert json.loads(_served(argv, capsys)[1])["total"] == 0
    added = archive[0] / "2022-10-03.txt"
    story = (("蓝莓合作社成立", "长子县第一个蓝莓合作社今天成立。"),)
    added.write_text(issue_text("今日长子", dt.date(2022, 10, 3), 1812, story), encoding="utf-8")
    found = json.loads(_served(argv, capsys)[1])
    assert found["total"] == 1 and found["hits"][0]["date"] == "2022-10-03"
    added.write_text(issue_text("今日长子", dt.date(2022, 10, 3), 1812, ()), encoding="utf-8")
    assert json.loads(_served(argv, capsys)[1])["total"] == 0  # edited in place
    added.unlink()
    assert json.loads(_served(argv, capsys)[1])["total"] == 0


def test_a_search_of_another_archive_or_index_is_not_served(
    archive: tuple[Path, Path], server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other_index = ["search", str(archive[0]), "--index-dir", str(tmp_path / "other"), "供热"]
    assert served.ask(build_parser({"search"}).parse_args(other_index), other_index).code is None
    assert not served.servable(build_parser({"search"}).parse_args([*other_index, "--no-wait"]))


def test_a_stopped_server_leaves_the_search_to_the_command(
    archive: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    argv = _search(archive, ["供热", "--json"])
    expected = _here(argv, capsys)
    running = Server(*archive)
    running.process.kill()  # no time to take its socket away
    running.stop()
    assert running.address.exists()
    assert served.ask(build_parser({"search"}).parse_args(argv), argv).code is None
    assert _here(argv, capsys) == expected
    # The next server takes the stale socket over.
    again = Server(*archive)
    try:
        assert _served(argv, capsys) == expected
    finally:
        again.stop()


def _serve_once(archive: tuple[Path, Path]) -> subprocess.CompletedProcess[str]:
    """``serve`` that is expected to fail at once (it would otherwise run until stopped)."""
    return subprocess.run(
        [sys.executable, "-m", "reader", "serve", str(archive[0]), "--index-dir", str(archive[1])],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_one_server_per_archive_and_index(archive: tuple[Path, Path], server: Server) -> None:
    second = _serve_once(archive)
    assert second.returncode == 1
    assert "serves this archive already" in second.stderr


def _reply(server: Server, request: object) -> Any:
    """The server's reply to a raw request, sent as the command line sends it."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.connect(str(server.address))
        connection.sendall(json.dumps(request).encode() + b"\n")
        connection.shutdown(socket.SHUT_WR)
        received = connection.makefile("rb").read()
        assert received[:1] == served.ACKNOWLEDGED
        return json.loads(received[1:])


def _request(argv: list[str]) -> dict[str, Any]:
    from reader import __version__

    return {
        "protocol": served.PROTOCOL,
        "version": __version__,
        "argv": argv,
        "socket": str(served.socket_for(argv[1], argv[3])),
        "bold": False,
    }


def test_a_request_from_another_version_is_refused(
    archive: tuple[Path, Path], server: Server
) -> None:
    good = _request(_search(archive, ["供热"]))
    assert _reply(server, good)["code"] == 0
    for bad in (
        {**good, "protocol": 99},
        {**good, "argv": ["index", str(archive[0])]},
        {**good, "argv": [*good["argv"], "--no-wait"]},
        {**good, "socket": "/elsewhere.sock"},
        {**good, "bold": "yes"},
        "not an object",
        {**good, "stop": True, "socket": "/elsewhere.sock"},
    ):
        assert "refused" in _reply(server, bad), bad
    # Another version (the program upgraded) is refused, and the server stops: the newer
    # search then starts its own.
    assert "refused" in _reply(server, {**good, "version": "0.0.0"})
    assert server.process.wait(timeout=30) == 0
    server.stop()
    assert "Stopping: a search of version 0.0.0 asked." in server.rest
    assert not server.address.exists()


def test_an_unchanged_archive_is_not_opened_again(
    archive: tuple[Path, Path], server: Server
) -> None:
    request = _request(_search(archive, ["供热", "--json"]))
    opened = _reply(server, request)["opened"]
    for _ in range(3):  # the index and the archive as they were: nothing to look at again
        assert _reply(server, request)["opened"] == opened
    (archive[0] / "notes.txt").write_text("改", encoding="utf-8")
    assert _reply(server, request)["opened"] == opened + 1
    assert _reply(server, request)["opened"] == opened + 1


def test_no_server_in_a_folder_others_may_enter(
    archive: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runtime = tmp_path / "run"
    (runtime / "issue-reader").mkdir(parents=True)
    (runtime / "issue-reader").chmod(0o755)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    done = _serve_once(archive)
    assert done.returncode == 1
    assert "not a folder of this user's alone" in done.stderr


def test_a_search_from_a_removed_folder_still_answers(
    archive: tuple[Path, Path], server: Server, tmp_path: Path
) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    script = (
        "import os, sys\n"
        "os.chdir(sys.argv[1]); os.rmdir(sys.argv[1])\n"
        "from reader.cli import main\n"
        "sys.exit(main(sys.argv[2:]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(gone), *_search(archive, ["供热", "--json"])],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["total"] == 1


def test_an_archive_unreadable_now_is_left_to_the_command(
    archive: tuple[Path, Path], server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = _search(archive, ["供热"])
    archive[0].rename(archive[0].with_name("moved"))
    # The server refuses: the command says it, naming the archive as it was typed.
    assert served.ask(build_parser({"search"}).parse_args(argv), argv).code is None
    code, out, err = _here(argv, capsys)
    assert code == 1 and not out
    assert err.startswith(f"issue-reader: error: {archive[0]}")
    # Its archive gone, the server stops (the next search of it starts another if need be).
    assert server.process.wait(timeout=30) == 0
    server.stop()
    assert f"Stopping: {archive[0]} is gone." in server.rest


def test_a_file_that_is_no_issue_now_is_left_to_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    issue = tmp_path / "one.txt"
    shutil.copy(next(SAMPLE_ISSUES.glob("*.txt")), issue)
    index = tmp_path / "index"
    running = Server(issue, index)
    try:
        argv = ["search", str(issue), "--index-dir", str(index), "供热"]
        assert _served(argv, capsys)[0] == 0
        issue.write_text("now garbage", encoding="utf-8")
        assert served.ask(build_parser({"search"}).parse_args(argv), argv).code is None
        code, _, err = _here(argv, capsys)
        assert code == 1 and "is not a newspaper issue" in err
    finally:
        running.stop()


def test_a_search_with_other_settings_is_not_served(
    archive: tuple[Path, Path], server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    argv = _search(archive, ["供热"])
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "other-config"))  # other aliases
    assert served.ask(build_parser({"search"}).parse_args(argv), argv).code is None


@pytest.mark.parametrize("idle", ["0", "-1", "inf", "nan", "1e300"])
def test_idle_takes_a_sensible_number_of_minutes(
    archive: tuple[Path, Path], idle: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _here(
        ["serve", str(archive[0]), "--index-dir", str(archive[1]), "--idle", idle], capsys
    )
    assert code == 1 and "--idle takes a number of minutes" in err


def test_a_stopped_server_is_not_waited_for(
    archive: tuple[Path, Path], server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = _search(archive, ["供热", "--json"])
    expected = _served(argv, capsys)
    server.process.send_signal(signal.SIGSTOP)  # Ctrl+Z in the server's terminal
    try:
        assert served.ask(build_parser({"search"}).parse_args(argv), argv).code is None
        assert _here(argv, capsys) == expected  # the search ran here
    finally:
        server.process.send_signal(signal.SIGCONT)
    assert _served(argv, capsys) == expected
