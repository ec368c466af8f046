"""X11 startup notification: a start that hands over ends the launcher's busy cursor itself."""

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


class _ScreenIterator(ctypes.Structure):
    _fields_ = (("data", ctypes.c_void_p), ("rem", ctypes.c_int), ("index", ctypes.c_int))


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


class RootListener:
    """Collects the ClientMessage texts sent to the root window, as a desktop's launcher does."""

    def __init__(self, display_name: str) -> None:
        self.xcb = xcb = ctypes.CDLL("libxcb.so.1")
        xcb.xcb_connect.restype = ctypes.c_void_p
        xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
        xcb.xcb_get_setup.restype = ctypes.c_void_p
        xcb.xcb_get_setup.argtypes = [ctypes.c_void_p]
        xcb.xcb_setup_roots_iterator.restype = _ScreenIterator
        xcb.xcb_setup_roots_iterator.argtypes = [ctypes.c_void_p]
        xcb.xcb_change_window_attributes.argtypes = [
            ctypes.c_void_p,
            ctypes.c_uint32,
            ctypes.c_uint32,
            ctypes.c_void_p,
        ]
        xcb.xcb_flush.argtypes = [ctypes.c_void_p]
        xcb.xcb_poll_for_event.restype = ctypes.c_void_p
        xcb.xcb_poll_for_event.argtypes = [ctypes.c_void_p]
        xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
        self.libc = ctypes.CDLL(None)
        self.libc.free.argtypes = [ctypes.c_void_p]
        self.connection = xcb.xcb_connect(display_name.encode(), None)
        screens = xcb.xcb_setup_roots_iterator(xcb.xcb_get_setup(self.connection))
        root = ctypes.c_uint32.from_address(screens.data).value
        mask = (ctypes.c_uint32 * 1)(PROPERTY_CHANGE)
        xcb.xcb_change_window_attributes(self.connection, root, CW_EVENT_MASK, mask)
        xcb.xcb_flush(self.connection)
        self.data = b""

    def messages(self, wait_s: float = 2.0) -> list[bytes]:
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline:
            event = self.xcb.xcb_poll_for_event(self.connection)
            if not event:
                time.sleep(0.01)
                continue
            raw = ctypes.string_at(event, 32)
            self.libc.free(event)
            if raw[0] & 0x7F == CLIENT_MESSAGE:
                self.data += raw[12:32]
                if raw[12:32].find(b"\0") >= 0:
                    break
        return [text for text in self.data.split(b"\0") if text]

    def close(self) -> None:
        self.xcb.xcb_disconnect(self.connection)


def test_the_remove_message_names_the_start(x_server):
    listener = RootListener(x_server)
    try:
        # Long enough to take three 20-byte messages, as a real launcher's ids do.
        startup_id = "gtk-launch-4242-host-/venv/bin/issue-reader-0_TIME123"
        assert display.end_startup_feedback(startup_id, x_server) is True
        assert listener.messages() == [f"remove: ID={startup_id}".encode()]
    finally:
        listener.close()


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
