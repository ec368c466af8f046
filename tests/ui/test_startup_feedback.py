"""On a real X display: the display check, and when no startup notification is sent.

Whether a handed-over start's "remove" message reaches the root window is not tested here: on
this machine's Xvfb it arrived in some runs and not in others (see the issue's note).
"""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from reader.ui.app import display

CLIENT_MESSAGE = 33
PROPERTY_CHANGE = 1 << 22
CW_EVENT_MASK = 2048


@pytest.fixture
def x_server():
    """A private Xvfb display, or skip when Xvfb or libxcb is not installed."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip("Xvfb is not installed (Debian package xvfb)")
    try:
        ctypes.CDLL("libxcb.so.1")
    except OSError:
        pytest.skip("libxcb is not installed")
    number = next(n for n in range(120, 400) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    server = subprocess.Popen(
        [xvfb, f":{number}", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            assert time.monotonic() < deadline and server.poll() is None, "Xvfb did not start"
            time.sleep(0.05)
        yield f":{number}"
    finally:
        server.terminate()
        server.wait()


def test_nothing_is_sent_without_an_id_or_a_display(x_server):
    assert display.end_startup_feedback("", x_server) is False
    assert display.end_startup_feedback("some-id", "") is False
    number = next(n for n in range(400, 600) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    assert display.end_startup_feedback("some-id", f":{number}") is False


def test_the_display_check_sees_a_live_display_and_a_dead_one(x_server, monkeypatch):
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", x_server)
    assert display.missing() is None
    monkeypatch.setenv("DISPLAY", ":599")
    assert "does not answer" in (display.missing() or "")
    monkeypatch.delenv("DISPLAY")
    assert "there is no display" in (display.missing() or "")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert display.missing() is None  # chosen on purpose: not ours to judge
    assert os.environ["QT_QPA_PLATFORM"] == "offscreen"
