"""``issue-reader serve``: one resident process that answers an archive's searches.

``issue-reader search`` of the same archive (and index folder) then asks it, through a Unix
socket in the per-user runtime folder (``reader.cli.served``), and answers in tens of
milliseconds at any size. A new process pays, before it searches, its imports, the listing
of the archive's files (18,000 for fifty years of a national daily: 80 ms), and opening the
index. The server has the index open and has the kernel watch the archive, the index and the
reader's aliases (``reader.library.watch``): when something changed, the next search opens
the archive again and brings its index up to date first, as a new process would, so the
answer is always the one that process would print.

One search at a time: the searches of one person's scripts and shell, not a web service.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import io
import json
import os
import select
import signal
import socket
import struct
import sys
from pathlib import Path
from types import FrameType
from typing import Any, TextIO

from reader.cli import guarded, served
from reader.cli.answering import answer
from reader.cli.indexing import ready_index
from reader.cli.parser import PROG, build_parser
from reader.cli.searching import show
from reader.library import Library, QueryError, paths, watch
from reader.model import IndexUnavailable, ReaderError

# A request is one short JSON line; a client that sends none in this time is dropped, and
# one that stops reading its answer for as long is too.
_REQUEST_LIMIT = 1 << 20
_CLIENT_SECONDS = 30.0


def serve(library: Library, args: argparse.Namespace) -> int:
    """Build or update the index, then answer searches until stopped (or idle)."""
    if not served.supported():
        raise ReaderError(f"'{PROG} serve' needs Unix sockets, which this system lacks")
    if args.idle is not None and not args.idle > 0:
        raise QueryError("--idle takes a number of minutes, more than 0")
    server = Server(library, args.path, args.index_dir)
    with server:
        print(
            f"Serving the searches of {args.path} at {server.address} "
            f"('{PROG} search {args.path} QUERY' asks it); Ctrl+C stops.",
            file=sys.stderr,
            flush=True,
        )
        server.run(args.idle * 60 if args.idle is not None else None)
    return 0


class Server:
    """The socket, the archive opened (again when it changed) and the watch of its files."""

    def __init__(self, library: Library, path: str, index_dir: str | None) -> None:
        self.path = str(Path(path).expanduser().resolve())
        self.index_dir = str(Path(index_dir).expanduser().resolve()) if index_dir else None
        self.address = served.socket_for(self.path, self.index_dir)
        self.library: Library | None = library
        self.opened = 0  # how many times the archive was opened again (the tests count)
        index = Path(self.index_dir) if self.index_dir else paths.index_dir(self.path)
        self._watched = (Path(self.path), index, paths.aliases_file(library.root))
        self._watch: watch.FolderWatch | None = None
        self._listener: socket.socket | None = None
        self._lock: TextIO | None = None
        self._inode = 0  # the socket file's: taken away at the end only if still this one
        self._parser = build_parser({"search"})  # built once: a few milliseconds a search

    def __enter__(self) -> Server:
        """Claim the socket (one server per archive and index), watch, ready the index."""
        folder = self.address.parent
        with contextlib.suppress(OSError):
            folder.mkdir(mode=0o700, parents=True)
        if not served.private(folder):
            raise ReaderError(f"{folder} is not a folder of this user's alone: not serving there")
        self._lock = open(self.address.with_suffix(".lock"), "a")  # held: the lock lasts as long
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self.__exit__()
            raise ReaderError(
                f"another process serves this archive already ({self.address})"
            ) from None
        with contextlib.suppress(FileNotFoundError):
            self.address.unlink()  # a server's that stopped without taking it away
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._listener = listener
        try:
            listener.bind(str(self.address))
            listener.listen(16)
            self._inode = os.stat(self.address).st_ino
        except OSError as exc:
            self.__exit__()
            raise ReaderError(f"cannot serve at {self.address}: {exc.strerror}") from exc
        # Watched before the index is readied: a change made meanwhile is seen at a search.
        self._watch = watch.watch(self._watched)
        assert self.library is not None
        _ready(self.library, self.index_dir)
        # Readying it may have written the index (and the watch saw that): look again now,
        # rather than at the first search, until nothing has changed (a few times at most).
        for _ in range(3 if self._watch is not None else 0):
            opened = self.opened
            self.current()
            if self.opened == opened:
                break
        with contextlib.suppress(ValueError):  # not the main thread: its owner stops it
            signal.signal(signal.SIGTERM, _stop)
            signal.signal(signal.SIGHUP, _stop)
        return self

    def __exit__(self, *exc: object) -> None:
        """Stop listening, take the socket away (if still this server's), forget the rest."""
        if self._listener is not None:
            with contextlib.suppress(OSError):
                if os.stat(self.address).st_ino == self._inode:
                    self.address.unlink()
            self._listener.close()
            self._listener = None
        if self._watch is not None:
            self._watch.close()
        if self.library is not None:
            self.library.close()
        if self._lock is not None:
            self._lock.close()  # the lock goes with it
            self._lock = None

    def run(self, idle: float | None) -> None:
        """Answer each search in turn; return after ``idle`` seconds without one, or when stopped."""
        assert self._listener is not None
        with contextlib.suppress(KeyboardInterrupt):
            while select.select([self._listener], [], [], idle)[0]:
                try:
                    client, _ = self._listener.accept()
                except OSError:
                    continue
                with client:
                    self._converse(client)

    def _converse(self, client: socket.socket) -> None:
        """Read one request, answer it; a client that goes away early is no error."""
        client.settimeout(_CLIENT_SECONDS)
        try:
            if not _same_user(client):
                return
            data = b""
            while b"\n" not in data and len(data) < _REQUEST_LIMIT:
                part = client.recv(1 << 16)
                if not part:
                    break
                data += part
            try:
                request = json.loads(data)
            except ValueError:
                request = None
            reply = self.reply(request)
            # ASCII: a file name's undecodable bytes (surrogates) travel too.
            client.sendall(json.dumps(reply).encode())
        except OSError:
            return

    def reply(self, request: object) -> dict[str, Any]:
        """What the search asked for prints, and its exit code; or ``{"refused": why}``."""
        from reader import __version__

        if not isinstance(request, dict) or request.get("protocol") != served.PROTOCOL:
            return {"refused": "not a request this server understands"}
        if request.get("version") != __version__:
            return {"refused": f"this server runs version {__version__}"}
        argv, cwd, bold = request.get("argv"), request.get("cwd"), request.get("bold")
        if not (
            isinstance(argv, list)
            and all(isinstance(word, str) for word in argv)
            and isinstance(cwd, str)
            and isinstance(bold, bool)
        ):
            return {"refused": "a malformed request"}
        try:
            args = self._parser.parse_args(argv)
        except SystemExit:  # the client parsed them: only another parser gets here
            return {"refused": "arguments this server does not take"}
        if not served.plain_search(args) or self._asked_of(args, cwd) != self.address:
            return {"refused": "not a search this server answers"}
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = guarded(lambda: self._search(args, bold))
        # "opened": how many times the archive was opened again since the server started
        # (for the curious and the tests: an unchanged archive is not looked at again).
        return {
            "code": code,
            "stdout": out.getvalue(),
            "stderr": err.getvalue(),
            "opened": self.opened,
        }

    def _asked_of(self, args: argparse.Namespace, cwd: str) -> Path:
        """The socket of the archive and index a request names, from the client's folder."""
        path = os.path.join(cwd, os.path.expanduser(args.path))
        index = os.path.join(cwd, os.path.expanduser(args.index_dir)) if args.index_dir else None
        return served.socket_for(path, index)

    def _search(self, args: argparse.Namespace, bold: bool) -> int:
        library = self.current()
        result, coverage = answer(library, {args.path: library}, args)(" ".join(args.query))
        return show(library, args, result, coverage, bold)

    def current(self) -> Library:
        """The archive opened with its index up to date: the same one while nothing changed.

        Else (or where nothing is watched) it is opened again: the watch is drained first and
        the folders watched again (new ones too), then the files are looked at, so a change
        made meanwhile is seen at the next search.
        """
        if self.library is not None and self._watch is not None and not self._watch.changed():
            return self.library
        if self._watch is not None:
            self._watch.rewatch()
        if self.library is not None:
            self.library.close()
            self.library = None
        library = Library.open(self.path, lazy=True)
        self.opened += 1
        try:
            _ready(library, self.index_dir)
        except BaseException:
            library.close()
            raise
        self.library = library
        return library


def _ready(library: Library, index_dir: str | None) -> None:
    """Build or update the index, and open its searcher now: not at the next search."""
    ready_index(library, index_dir)
    with contextlib.suppress(IndexUnavailable):  # the search that follows says why
        library.prepare_search()


def _same_user(client: socket.socket) -> bool:
    """Whether the client runs as this user (Linux says; elsewhere the folder's mode guards)."""
    if not hasattr(socket, "SO_PEERCRED"):
        return True
    credentials = client.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    _, uid, _ = struct.unpack("3i", credentials)
    return bool(uid == os.getuid())


def _stop(signum: int, frame: FrameType | None) -> None:
    """SIGTERM and SIGHUP stop the server as Ctrl+C does (its socket taken away)."""
    raise KeyboardInterrupt
