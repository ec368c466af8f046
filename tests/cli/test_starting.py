"""A slow search starts a server for the next ones; ``serve --stop`` stops it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.cli import main, served, starting
from reader.cli.parser import build_parser
from tests.conftest import SAMPLE_ISSUES

pytestmark = pytest.mark.skipif(not served.supported(), reason="no Unix sockets here")


def test_when_a_search_starts_a_server(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(starting.VARIABLE)
    assert not starting.wanted(starting.SLOW_CPU_SECONDS / 2)
    assert starting.wanted(starting.SLOW_CPU_SECONDS * 2)
    assert not starting.wanted(60.0, updated=True)  # its time was the index's
    monkeypatch.setenv(starting.VARIABLE, "never")
    assert not starting.wanted(60.0)
    monkeypatch.setenv(starting.VARIABLE, " Always ")
    assert starting.wanted(0.0) and starting.wanted(0.0, updated=True)
    for off in ("off", "0", "No"):
        monkeypatch.setenv(starting.VARIABLE, off)
        assert starting.choice() == "never" and not starting.wanted(60.0)
    # What 'serve --help' says (the parser does not import this module: --help stays quick).
    assert main(["serve", "--help"]) == 0
    helped = " ".join(capsys.readouterr().out.split())
    assert f"after {starting.AUTO_IDLE_MINUTES} minutes without a search" in helped
    assert f"{starting.VARIABLE}=never" in helped


def test_the_server_it_starts_serves_the_same_archive_from_any_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    argv = starting.command("archive", "index")
    assert argv[argv.index("serve") + 1 :] == [
        str(tmp_path / "archive"),
        "--index-dir",
        str(tmp_path / "index"),
        "--idle",
        str(starting.AUTO_IDLE_MINUTES),
    ]
    assert argv[0] == sys.executable
    # The socket it claims is the one a search from another folder asks.
    server_args = build_parser({"serve"}).parse_args(argv[argv.index("serve") :])
    assert served.socket_for(server_args.path, server_args.index_dir) == served.socket_for(
        "archive", "index"
    )


def _socket_appears(where: Path, seconds: float = 60.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if where.exists():
            return True
        time.sleep(0.05)
    return False


def test_a_small_archive_s_search_starts_no_server(tmp_path: Path) -> None:
    # By default ("auto"), neither the search that builds the index nor the next one: a
    # user saw a server left running for each of 18 small archives searched once.
    archive, index = tmp_path / "archive", tmp_path / "index"
    shutil.copytree(SAMPLE_ISSUES, archive)
    env = {k: v for k, v in os.environ.items() if k != starting.VARIABLE}
    search = [sys.executable, "-m", "reader", "search", str(archive), "--index-dir", str(index)]
    log = starting.log_file(served.socket_for(str(archive), str(index)))
    for query in ("供热", "县"):  # the first builds the index
        done = subprocess.run([*search, query], env=env, capture_output=True, check=True)
        assert b"found" in done.stdout
        # start() opens the server's log before the server starts: there is none.
        assert not log.exists(), log.read_text(encoding="utf-8")


def test_a_search_starts_a_server_and_serve_stop_stops_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive, index = tmp_path / "archive", tmp_path / "index"
    shutil.copytree(SAMPLE_ISSUES, archive)
    assert main(["index", str(archive), "--index-dir", str(index)]) == 0
    search = ["search", str(archive), "--index-dir", str(index), "供热"]
    where = served.socket_for(str(archive), str(index))
    capsys.readouterr()
    assert main(["serve", "--stop", str(archive), "--index-dir", str(index)]) == 0
    assert capsys.readouterr().out == f"{archive}: no server was running.\n"
    assert main(["serve", "--status", str(archive), "--index-dir", str(index)]) == 1
    assert capsys.readouterr().out == f"{archive}: no server is running.\n"

    # In a process of its own, as from a shell: the server outlives it, in its own session.
    # It is given one more open file (a pipe), which the server must not keep.
    env = {**os.environ, starting.VARIABLE: "always"}
    kept, other_end = os.pipe()
    alone = subprocess.run(
        [sys.executable, "-m", "reader", *search],
        env=env,
        capture_output=True,
        check=True,
        pass_fds=(other_end,),
        cwd=tmp_path,
    )
    os.close(other_end)
    try:
        assert _socket_appears(where), "no server started"
        capsys.readouterr()
        assert main(["serve", "--status", str(archive), "--index-dir", str(index)]) == 0
        said = capsys.readouterr().out
        assert "0 searches" in said and f"index:   {index}" in said
        pid = int(said.split("served by process ")[1].split()[0])
        assert os.readlink(f"/proc/{pid}/cwd") == "/"  # no folder of the user's kept busy
        open_files = [os.readlink(f"/proc/{pid}/fd/{fd}") for fd in os.listdir(f"/proc/{pid}/fd")]
        assert os.readlink(f"/proc/self/fd/{kept}") not in open_files  # the pipe was closed
        assert "Serving the searches of" in starting.log_file(where).read_text(encoding="utf-8")
        capsys.readouterr()
        asked = served.ask(build_parser({"search"}).parse_args(search), search)
        assert asked == (0, True)
        assert capsys.readouterr().out.encode() == alone.stdout
        # A search that a server answered starts none (it would only find the socket taken).
        served_search = subprocess.run(
            [sys.executable, "-m", "reader", *search], env=env, capture_output=True, check=True
        )
        assert served_search.stdout == alone.stdout
    finally:
        assert main(["serve", "--stop", str(archive), "--index-dir", str(index)]) == 0
    assert capsys.readouterr().out == f"{archive}: stopped.\n"
    os.close(kept)
    deadline = time.monotonic() + 30
    while where.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not where.exists()  # the server took its socket away as it stopped
    asked = served.ask(build_parser({"search"}).parse_args(search), search)
    assert asked == (None, False)


def test_an_index_folder_is_the_same_to_a_search_and_its_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A shell leaves "--index-dir=~/x" as is: the command line expands it, every command.
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for command in ("search", "index", "serve", "kwic", "export", "info"):
        words = [command, "archive", "--index-dir=~/x"] + (
            ["q"] if command in ("search", "kwic", "export") else []
        )
        assert build_parser({command}).parse_args(words).index_dir == str(tmp_path / "home" / "x")
    monkeypatch.chdir(tmp_path)
    argv = starting.command("archive", "~/x")
    assert argv[argv.index("--index-dir") + 1] == str(tmp_path / "home" / "x")
