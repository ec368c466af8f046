"""Whether the window can be shown at all (Qt aborts when it finds no display); ending a start.

Started over ssh without X forwarding, ``QApplication`` would end the program with a core
dump and a paragraph about platform plugins. This module asks first, without Qt, and gives
one sentence instead. It only looks when Qt would pick its X11 or Wayland platform by itself;
an explicit ``QT_QPA_PLATFORM`` (offscreen, vnc, eglfs…) is the user's business.
"""

from __future__ import annotations

import ctypes
import os
import struct
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


def end_startup_feedback(startup_id: str, display: str | None = None) -> bool:
    """Tell the desktop that the start ``startup_id`` is over (X11 startup notification).

    A launcher with ``StartupNotify=true`` shows a busy cursor until the started program maps
    a window, which Qt takes as the end. A start that hands its path to the running window
    maps none, so it says so itself, as Qt would: a ``remove`` message on the root window.
    Returns whether the message was sent.
    """
    display = os.environ.get("DISPLAY", "") if display is None else display
    if not startup_id or not display:
        return False
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
        libc = ctypes.CDLL(None)
    except OSError:
        return False
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    try:
        if xcb.xcb_connection_has_error(connection):
            return False
        root = _root_window(xcb, connection)
        begin, more = (_atom(xcb, libc, connection, name) for name in _STARTUP_ATOMS)
        if not (root and begin and more):
            return False
        message = f"remove: ID={startup_id}".encode() + b"\0"
        xcb.xcb_send_event.argtypes = [
            ctypes.c_void_p,
            ctypes.c_uint8,
            ctypes.c_uint32,
            ctypes.c_uint32,
            ctypes.c_char_p,
        ]
        xcb.xcb_flush.argtypes = [ctypes.c_void_p]
        # 20 bytes per ClientMessage: the first of type _NET_STARTUP_INFO_BEGIN, the rest not.
        for start in range(0, len(message), 20):
            chunk = message[start : start + 20].ljust(20, b"\0")
            event = struct.pack("=BBHII", _CLIENT_MESSAGE, 8, 0, root, more if start else begin)
            xcb.xcb_send_event(connection, 0, root, _PROPERTY_CHANGE_MASK, event + chunk)
        xcb.xcb_flush(connection)
        return True
    finally:
        xcb.xcb_disconnect(connection)


_STARTUP_ATOMS = ("_NET_STARTUP_INFO_BEGIN", "_NET_STARTUP_INFO")
_CLIENT_MESSAGE = 33  # XCB_CLIENT_MESSAGE
_PROPERTY_CHANGE_MASK = 1 << 22  # XCB_EVENT_MASK_PROPERTY_CHANGE: who listens for these


class _ScreenIterator(ctypes.Structure):
    _fields_ = (("data", ctypes.c_void_p), ("rem", ctypes.c_int), ("index", ctypes.c_int))


def _root_window(xcb: ctypes.CDLL, connection: int) -> int:
    """The first screen's root window (an ``xcb_screen_t`` starts with it)."""
    xcb.xcb_get_setup.restype = ctypes.c_void_p
    xcb.xcb_get_setup.argtypes = [ctypes.c_void_p]
    xcb.xcb_setup_roots_iterator.restype = _ScreenIterator
    xcb.xcb_setup_roots_iterator.argtypes = [ctypes.c_void_p]
    screens = xcb.xcb_setup_roots_iterator(xcb.xcb_get_setup(connection))
    if not screens.data:
        return 0
    return ctypes.c_uint32.from_address(screens.data).value


def _atom(xcb: ctypes.CDLL, libc: ctypes.CDLL, connection: int, name: str) -> int:
    """The X atom called ``name`` (0 when the server gives none)."""
    xcb.xcb_intern_atom.restype = ctypes.c_uint  # a cookie: a struct of one unsigned int
    xcb.xcb_intern_atom.argtypes = [
        ctypes.c_void_p,
        ctypes.c_uint8,
        ctypes.c_uint16,
        ctypes.c_char_p,
    ]
    xcb.xcb_intern_atom_reply.restype = ctypes.c_void_p
    xcb.xcb_intern_atom_reply.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_void_p]
    libc.free.argtypes = [ctypes.c_void_p]
    cookie = xcb.xcb_intern_atom(connection, 0, len(name), name.encode())
    reply = xcb.xcb_intern_atom_reply(connection, cookie, None)
    if not reply:
        return 0
    try:
        # xcb_intern_atom_reply_t: response_type, pad, sequence, length, then the atom.
        return ctypes.c_uint32.from_address(reply + 8).value
    finally:
        libc.free(reply)
