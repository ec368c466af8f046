"""Launching the window: its name and icon, several paths, and one window per user."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtGui import QGuiApplication

from reader.library import resources
from reader.ui.app import startup
from reader.ui.app.single_instance import SingleInstance, lock_path, server_name
from tests.conftest import REPO
from tests.ui.conftest import ISSUES, write_archive

# A process that takes the lock file named on its command line, then dies or sleeps.
HOLD_LOCK = """
import os, sys, time
from PySide6.QtCore import QCoreApplication, QLockFile
app = QCoreApplication([])
lock = QLockFile(sys.argv[1])
assert lock.tryLock(0)
print("locked", flush=True)
if sys.argv[2] == "crash":
    os._exit(1)
time.sleep(60)
"""


@pytest.fixture
def xdg(tmp_path):
    """XDG folders of a user of their own: what a second start in a subprocess sees."""
    folders = {name: tmp_path / "xdg" / name for name in ("config", "cache", "state")}
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(folders["config"]),
        XDG_CACHE_HOME=str(folders["cache"]),
        XDG_STATE_HOME=str(folders["state"]),
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
    )
    # The settings file that process uses (paths.settings_file): its window's key.
    key = folders["config"] / "issue-reader" / "issue-reader.ini"
    return env, key


def start_again(env, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "reader", *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(qtbot, process: subprocess.Popen[str], timeout_s: float = 60) -> tuple[int, str]:
    """Let the event loop run (the window answers) until ``process`` ends."""
    try:
        qtbot.waitUntil(lambda: process.poll() is not None, timeout=int(timeout_s * 1000))
    finally:
        if process.poll() is None:
            process.kill()
    _out, err = process.communicate()
    return process.returncode, err


@pytest.fixture
def app_state(qapp):
    """Put back the application's names and icon after a test sets them."""
    saved = (
        qapp.applicationName(),
        qapp.applicationDisplayName(),
        qapp.applicationVersion(),
        qapp.organizationName(),
        QGuiApplication.desktopFileName(),
        qapp.windowIcon(),
    )
    yield qapp
    qapp.setApplicationName(saved[0])
    qapp.setApplicationDisplayName(saved[1])
    qapp.setApplicationVersion(saved[2])
    qapp.setOrganizationName(saved[3])
    QGuiApplication.setDesktopFileName(saved[4])
    qapp.setWindowIcon(saved[5])


def test_the_window_has_the_icon_and_the_desktop_file_name(app_state, window):
    startup.configure(app_state)
    assert QGuiApplication.desktopFileName() == resources.APP_ID
    # The window class on X11: the desktop entry's StartupWMClass.
    assert app_state.applicationName() == "issue-reader"
    assert app_state.applicationVersion()
    icon = window.windowIcon()
    assert not icon.isNull()
    assert not icon.pixmap(16, 16).isNull()
    assert not icon.pixmap(256, 256).isNull()


def said(window) -> list[str]:
    """Every message the status bar shows from now on (a later one may cover it at once)."""
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    return messages


def test_several_paths_open_the_first_and_say_how_many_were_left(window, archive, qtbot):
    messages = said(window)
    startup.open_first(window, str(archive), 2)
    qtbot.waitUntil(lambda: window.opened_path == str(archive))
    qtbot.waitUntil(lambda: any("2 more paths were given and not opened" in m for m in messages))
    # Shown after the archive was opened, which clears messages: not wiped at once by that.
    note = next(m for m in messages if "2 more paths" in m)
    assert messages[messages.index(note) + 1 :][:1] != [""], messages
    # Asked again for what is open: nothing is read again, and one more is said plainly.
    library = window.library
    startup.open_first(window, str(archive), 1)
    assert "One more path was given" in window.statusBar().currentMessage()
    assert window.library is library


def test_a_second_start_hands_its_archive_to_the_running_window_and_exits_0(
    window, tmp_path, qtbot, xdg
):
    env, key = xdg
    first = write_archive(tmp_path / "first")
    second = write_archive(tmp_path / "second", ISSUES[:1])
    window.open_path(str(first))
    qtbot.waitUntil(lambda: window.opened_path == str(first))
    instance = SingleInstance(key, window)
    assert instance.start({"path": "", "ignored": 0}) is False  # no window yet: this one listens
    assert instance.listening
    instance.received.connect(lambda request: startup.follow(window, request))
    messages = said(window)

    returncode, err = finish(qtbot, start_again(env, str(second), str(first)))
    assert returncode == 0, err
    assert "Traceback" not in err, err
    qtbot.waitUntil(lambda: window.opened_path == str(second))
    assert len(window.library.issues) == 1
    qtbot.waitUntil(lambda: any("One more path" in message for message in messages))

    # Started from the menu, with no path: the window comes forward and keeps its archive.
    returncode, err = finish(qtbot, start_again(env))
    assert returncode == 0, err
    assert window.opened_path == str(second)
    instance.close()


def test_a_lock_and_socket_left_by_a_crash_do_not_block_the_next_start(window, qtbot, xdg):
    env, key = xdg
    name = server_name(key)
    socket_path = name if os.path.isabs(name) else str(Path(QDir.tempPath()) / name)
    # The crashed window's socket file: nobody listens on it any more.
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(socket_path)
    stale.close()
    # Its lock file, naming a process that is gone.
    crashed = subprocess.run(
        [sys.executable, "-c", HOLD_LOCK, lock_path(name), "crash"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert crashed.stdout == "locked\n", crashed.stderr
    assert Path(lock_path(name)).exists() and Path(socket_path).exists()

    started = time.monotonic()
    instance = SingleInstance(key, window)
    assert instance.start({"path": ""}) is False
    assert instance.listening
    assert time.monotonic() - started < 1.0
    received = []
    instance.received.connect(received.append)
    returncode, err = finish(qtbot, start_again(env))
    assert returncode == 0, err
    qtbot.waitUntil(lambda: len(received) == 1)
    instance.close()


def test_a_live_lock_holder_that_never_listens_delays_a_start_but_does_not_stop_it(qtbot, xdg):
    env, key = xdg
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, lock_path(server_name(key)), "hold"],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        instance = SingleInstance(key)
        started = time.monotonic()
        assert instance.start({"path": ""}, wait_s=0.5) is False
        assert 0.5 <= time.monotonic() - started < 3
        assert not instance.listening  # runs on its own
    finally:
        holder.kill()
        holder.communicate()


def test_garbage_on_the_socket_is_dropped_without_harm(window, qtbot, xdg):
    _env, key = xdg
    instance = SingleInstance(key, window)
    assert instance.start({"path": ""}) is False
    received = []
    instance.received.connect(received.append)
    name = instance.name
    address = name if os.path.isabs(name) else str(Path(QDir.tempPath()) / name)
    for garbage in (b"\xff\xfe not json\n", b"[1, 2]\n", b'{"path": 7, "ignored": "x"}\n'):
        client = socket.socket(socket.AF_UNIX)
        client.connect(address)
        client.sendall(garbage)
        client.setblocking(False)
        answer = bytearray()

        def answered(client=client, answer=answer) -> bool:
            with contextlib.suppress(BlockingIOError):
                answer.extend(client.recv(16))
            return answer == b"ok\n"

        qtbot.waitUntil(answered)
        client.close()
    # Only the last is an object: its fields of the wrong type are emptied, not trusted.
    qtbot.waitUntil(lambda: len(received) == 1)
    assert received == [{"path": "", "ignored": 0, "activation_token": ""}]
    instance.close()


def test_two_starts_at_once_make_one_window(tmp_path, qtbot, xdg):
    env, _key = xdg
    archive = write_archive(tmp_path / "archive")
    starts = [start_again(env, str(archive)) for _ in range(2)]
    try:
        # One hands its path to the other and ends with 0; the other is the window, and stays.
        qtbot.waitUntil(lambda: any(start.poll() is not None for start in starts), timeout=60000)
        ended = next(start for start in starts if start.poll() is not None)
        running = next(start for start in starts if start is not ended)
        _out, err = ended.communicate()
        assert ended.returncode == 0, err
        qtbot.wait(1000)
        assert running.poll() is None
    finally:
        for start in starts:
            if start.poll() is None:
                start.terminate()
            start.communicate(timeout=30)
    assert running.returncode == 0
    log = Path(env["XDG_STATE_HOME"], "issue-reader", "log", "issue-reader.log").read_text("utf-8")
    assert log.count("listening for later starts") == 1
    assert log.count("to the running window") == 1
