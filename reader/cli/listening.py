"""A search server's socket and what a search writes through it (see ``reader.cli.serving``).

The socket is claimed once per archive, index and user (a lock file beside it), bound in the
private runtime folder, and taken away when the server stops. Only this user's processes may
talk to it. A search's output is kept as it is written, stdout and stderr in their order.
"""

from __future__ import annotations

import contextlib
import fcntl
import io
import os
import socket
import struct
from pathlib import Path
from typing import TextIO

from reader.cli import served
from reader.cli.parser import PROG
from reader.library.destination import failed
from reader.model import ReaderError


class Listener:
    """The listening socket at ``address``, claimed by :meth:`claim`, given up by :meth:`close`."""

    def __init__(self, address: Path) -> None:
        self.address = address
        self.socket: socket.socket | None = None
        self._lock: TextIO | None = None
        self._inode = 0  # the socket file's: taken away at the end only if still this one

    def claim(self) -> None:
        """Lock, take over a stale socket, bind and listen.

        Raises:
            ReaderError: Another server has it, or the folder is not private or cannot be
                made or written, or the path is too long for a socket.
        """
        folder = self.address.parent
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except FileExistsError:
            pass  # not a folder: said below
        except OSError as exc:  # a read-only runtime folder, a file in its way
            why = failed(str(self.address), exc).reason
            raise ReaderError(f"cannot serve at {self.address}: {why}") from exc
        if not served.private(folder):
            raise ReaderError(f"{folder} is not a folder of this user's alone: not serving there")
        lock = self.address.with_suffix(".lock")
        try:
            self._lock = _locked(lock)
        except OSError as exc:  # a private folder this user cannot write into
            raise ReaderError(f"cannot lock {lock}: {failed(str(lock), exc).reason}") from exc
        if self._lock is None:
            raise ReaderError(f"another process serves this archive already ({self.address})")
        with contextlib.suppress(FileNotFoundError):
            self.address.unlink()  # a server's that stopped without taking it away
        self.socket = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            self.socket.bind(str(self.address))
            self.socket.listen(16)
            self._inode = os.stat(self.address).st_ino
        except (OSError, ValueError) as exc:  # ValueError: a path too long, on some systems
            raise ReaderError(f"cannot serve at {self.address}: {_why(exc)}") from exc

    def close(self) -> None:
        """Take the socket away (if still this one) and its lock file, then let go of both."""
        if self.socket is not None:
            with contextlib.suppress(OSError):
                if os.stat(self.address).st_ino == self._inode:
                    self.address.unlink()
            self.socket.close()
            self.socket = None
        if self._lock is not None:
            # Taken away while still held: a server starting now locks a new file (see _locked).
            with contextlib.suppress(OSError):
                os.unlink(self._lock.name)
            self._lock.close()
            self._lock = None


def _locked(path: Path) -> TextIO | None:
    """``path`` opened and locked, or None when another process holds it.

    A file taken away by the server that held it (``Listener.close``) may have been opened
    here just before: the lock is then on a file no longer there, and is taken again.
    """
    for _ in range(5):
        handle = open(path, "a")  # noqa: SIM115 (held as long as the server runs)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return None
        try:
            if os.stat(path).st_ino == os.fstat(handle.fileno()).st_ino:
                return handle
        except FileNotFoundError:
            pass
        handle.close()
    raise ReaderError(f"cannot lock {path}: it keeps being replaced")


def _why(exc: Exception) -> str:
    return (exc.strerror if isinstance(exc, OSError) else None) or str(exc)


def same_user(client: socket.socket) -> bool:
    """Whether the client runs as this user (Linux says; elsewhere the folder's mode guards)."""
    if not hasattr(socket, "SO_PEERCRED"):
        return True
    credentials = client.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    _, uid, _ = struct.unpack("3i", credentials)
    return bool(uid == os.getuid())


class Transcript:
    """What a search writes to stdout and stderr, in order (see :meth:`written`)."""

    def __init__(self) -> None:
        self._parts: list[tuple[str, list[str]]] = []  # (stream, its pieces) in turn
        self.stdout: io.TextIOBase = _Stream(self, "stdout")
        self.stderr: io.TextIOBase = _Stream(self, "stderr")

    def add(self, stream: str, text: str) -> None:
        """Keep ``text`` written to ``stream`` (a piece: JSON is written in thousands)."""
        if not text:
            return
        if not self._parts or self._parts[-1][0] != stream:
            self._parts.append((stream, []))
        self._parts[-1][1].append(text)

    def written(self) -> list[list[str]]:
        """``[[stream, text], …]``: each run of writes to one stream, joined."""
        return [[stream, "".join(pieces)] for stream, pieces in self._parts]


class _Stream(io.TextIOBase):
    """One of a transcript's streams: never a terminal (no progress bar is drawn into it)."""

    def __init__(self, transcript: Transcript, name: str) -> None:
        super().__init__()
        self._transcript = transcript
        self._name = name

    def write(self, text: str) -> int:
        self._transcript.add(self._name, text)
        return len(text)

    def isatty(self) -> bool:
        return False


def refusal(why: str) -> dict[str, str]:
    """A reply that leaves the search to the asking process (it runs it as if no server ran)."""
    return {"refused": f"{PROG} serve: {why}"}
