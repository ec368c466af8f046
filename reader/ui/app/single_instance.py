"""One window per user and settings: a second start hands its path to the running window.

The first process to take a lock file listens on a local socket; a later start connects,
sends what it was asked to open as one JSON line, waits for "ok" and exits. The lock makes
two starts at the same moment agree on which one listens. A crash leaves both files behind:
``QLockFile`` sees that the process named in the lock is gone, and the socket that nobody
listens on is removed before listening again, so neither blocks the next start.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDir, QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

# How long a start waits for another one that holds the lock but is not listening yet.
STARTUP_WAIT_S = 5.0
# How long a start waits for the running window's "ok"; past it, the message is on its way.
ANSWER_WAIT_MS = 5000
# Anything longer is not from us: the running window drops it.
MAX_MESSAGE = 64 * 1024


def server_name(key: Path) -> str:
    """The socket (or pipe) name of the window using the settings in ``key``, for this user.

    A per-user runtime folder (``$XDG_RUNTIME_DIR``, mode 0700) holds it when there is one, so
    no other user can listen in our place; else Qt's temporary folder, the user id in the name.
    """
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    where = str(Path(key).expanduser().absolute())
    digest = hashlib.blake2b(f"{user}\0{where}".encode(), digest_size=8).hexdigest()
    name = f"issue-reader-{user}-{digest}"
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and os.path.isabs(runtime) and os.path.isdir(runtime):
        return str(Path(runtime) / name)  # QLocalServer takes a full path as it is
    return name


def lock_path(name: str) -> str:
    """The lock file beside the socket ``name`` (in Qt's temporary folder for a bare name)."""
    if os.path.isabs(name):
        return f"{name}.lock"
    return str(Path(QDir.tempPath()) / f"{name}.lock")


class SingleInstance(QObject):
    """Hands a start's request to the running window, or becomes the window others hand theirs to.

    Signals:
        received(dict): a later start's request: ``path`` (absolute, or "" for none),
            ``ignored`` (how many more paths it was given) and ``activation_token``.
    """

    received = Signal(dict)

    def __init__(self, key: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(key)
        self._lock = QLockFile(lock_path(self.name))
        # Held as long as the window runs: only a dead holder makes a lock stale, never its age.
        self._lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytes] = {}

    @property
    def listening(self) -> bool:
        """Whether this process is the one later starts hand their paths to."""
        return self._server is not None and self._server.isListening()

    def start(self, request: dict[str, Any], wait_s: float = STARTUP_WAIT_S) -> bool:
        """Give ``request`` to a running window (True), or start listening for later ones (False).

        False also when neither works within ``wait_s`` (a window that hangs, a lock that cannot
        be written): then this process runs on its own, without listening.
        """
        message = json.dumps(request, ensure_ascii=False).encode() + b"\n"
        deadline = time.monotonic() + wait_s
        while True:
            if self._send(message):
                return True
            if self._lock.tryLock(0):
                self._listen()
                return False
            if self._lock.error() != QLockFile.LockError.LockFailedError:
                log.warning("cannot write %s: running alone", self._lock.fileName())
                return False
            if time.monotonic() > deadline:
                log.warning(
                    "no running window answers on %s, and %s is held: running alone",
                    self.name,
                    self._lock.fileName(),
                )
                return False
            time.sleep(0.05)  # the holder is starting up: its socket will be there soon

    def _send(self, message: bytes) -> bool:
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(500):
            return False  # nobody listens (or a socket left by a crash refuses)
        socket.write(message)
        socket.waitForBytesWritten(ANSWER_WAIT_MS)
        if not socket.waitForReadyRead(ANSWER_WAIT_MS):
            # Connected means a live window holds the socket: it reads the request when it can.
            log.warning("the running window did not answer within %d ms", ANSWER_WAIT_MS)
        socket.disconnectFromServer()
        return True

    def _listen(self) -> None:
        QLocalServer.removeServer(self.name)  # a socket file left by a crash
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            log.warning("cannot listen on %s: %s", self.name, server.errorString())
            return
        server.newConnection.connect(self._accept)
        self._server = server
        log.info("listening for later starts on %s", self.name)

    def _accept(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda socket=socket: self._read(socket))
            socket.disconnected.connect(lambda socket=socket: self._drop(socket))
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if socket not in self._buffers:
            return
        buffer = self._buffers[socket] + socket.readAll().data()
        self._buffers[socket] = buffer
        if b"\n" not in buffer:
            if len(buffer) > MAX_MESSAGE:
                socket.abort()
            return
        line = buffer.split(b"\n", 1)[0]
        socket.write(b"ok\n")
        socket.flush()
        socket.disconnectFromServer()
        request = _parse(line)
        if request is not None:
            self.received.emit(request)

    def _drop(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def close(self) -> None:
        """Stop listening and let the next start take over."""
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()


def _parse(line: bytes) -> dict[str, Any] | None:
    """The request in ``line``, its fields checked; None for anything else (never an exception)."""
    try:
        data = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        log.warning("ignored a malformed request from a later start")
        return None
    if not isinstance(data, dict):
        return None
    path, ignored, token = data.get("path"), data.get("ignored"), data.get("activation_token")
    return {
        "path": path if isinstance(path, str) else "",
        "ignored": ignored if isinstance(ignored, int) and ignored > 0 else 0,
        "activation_token": token if isinstance(token, str) else "",
    }
