"""Whether the window can be shown at all: Qt aborts the process when it finds no display.

Started over ssh without X forwarding, ``QApplication`` would end the program with a core
dump and a paragraph about platform plugins. This module asks first, without Qt, and gives
one sentence instead. It only looks when Qt would pick its X11 or Wayland platform by itself;
an explicit ``QT_QPA_PLATFORM`` (offscreen, vnc, eglfs…) is the user's business.
"""

from __future__ import annotations

import ctypes
import os
import sys


def missing() -> str | None:
    """Why no window can be shown here (one sentence), or None when it can (or we cannot tell)."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None  # Windows and macOS always have their display
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    display = os.environ.get("DISPLAY", "")
    if platform or os.environ.get("WAYLAND_DISPLAY"):
        # Qt falls back from Wayland to X11 by itself, and an explicit platform is deliberate.
        return None
    if not display:
        return (
            "cannot open the window: there is no display (DISPLAY and WAYLAND_DISPLAY are "
            "unset, as over ssh without -X); the commands work without one, see --help"
        )
    if not _x11_reachable(display):
        return (
            f"cannot open the window: the X display {display} does not answer (or refuses "
            "this user); the commands work without one, see --help"
        )
    return None


def _x11_reachable(display: str) -> bool:
    """Whether an X connection to ``display`` opens, asked of libxcb as Qt would (a few ms).

    True when libxcb cannot be loaded: then Qt's own message is the better one.
    """
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return True
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.restype = ctypes.c_int
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    # xcb_connect never returns NULL: a failed connection is a static object reporting the error.
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return bool(connection) and xcb.xcb_connection_has_error(connection) == 0
    finally:
        if connection:
            xcb.xcb_disconnect(connection)
