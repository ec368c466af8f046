"""``issue-reader serve``: one resident process that answers an archive's searches.

``issue-reader search`` of the same archive (and index folder) then asks it, through a Unix
socket in the per-user runtime folder (``reader.cli.served``), and answers in tens of
milliseconds at any size, without a new process's imports, listing of the archive's files
(18,000 at fifty years of a daily: 80 ms) and opening of the index. The kernel watches the
archive, the index and the aliases (``reader.library.watch``): after a change, the next search
opens the archive again and updates its index first, as a new process would, so the answer
is always the one that process would print.

What it cannot answer as that process would (the archive or its index unreadable now, whose
messages name paths as typed; anything unexpected), it refuses: the asking process then runs
the search itself. One search at a time: one person's scripts and shell, not a web service.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import math
import os
import select
import signal
import socket
import sys
import time
import traceback
from pathlib import Path
from types import FrameType
from typing import Any

from reader.cli import guarded, served
from reader.cli.answering import answer
from reader.cli.indexing import ready_index
from reader.cli.listening import Listener, Transcript, refusal, same_user
from reader.cli.parser import PROG, build_parser
from reader.cli.searching import show
from reader.library import Library, QueryError, paths, watch
from reader.model import IndexUnavailable, ReaderError

# A request is one short JSON line, sent at once: a client that sends none in time is dropped.
_REQUEST_LIMIT = 1 << 20
_REQUEST_SECONDS = 2.0
_REPLY_SECONDS = 30.0
# The longest --idle (select's timeout has a bound): about 19 years.
_LONGEST_IDLE_MINUTES = 1e7


def serve(library: Library, args: argparse.Namespace) -> int:
    """Build or update the index, then answer searches until stopped (or idle)."""
    if not served.supported():
        raise ReaderError(f"'{PROG} serve' needs Unix sockets, which this system lacks")
    idle = args.idle
    if idle is not None and not (0 < idle <= _LONGEST_IDLE_MINUTES and math.isfinite(idle)):
        raise QueryError("--idle takes a number of minutes, more than 0")
    # A watch the kernel refuses is said here, never in a search's output.
    said = logging.getLogger(watch.__name__)
    said.addHandler(logging.StreamHandler(sys.__stderr__))
    said.propagate = False
    server = Server(library, args.path, args.index_dir)
    with contextlib.ExitStack() as stack:
        for signum in (signal.SIGTERM, signal.SIGHUP):  # stop as Ctrl+C does, at any time
            previous = signal.signal(signum, _stop)
            stack.callback(signal.signal, signum, previous)
        try:
            with server:
                also = f" --index-dir {args.index_dir}" if args.index_dir else ""
                print(
                    f"Serving the searches of {args.path} at {server.address} "
                    f"('{PROG} search {args.path}{also} QUERY' asks it); Ctrl+C stops.",
                    file=sys.stderr,
                    flush=True,
                )
                server.run(idle * 60 if idle is not None else None)
        except KeyboardInterrupt:
            return 130  # stopped while it was readying the index, or in a search
    return 0


class Server:
    """The socket, the archive opened (again when it changed) and the watch of its files."""

    def __init__(self, library: Library, path: str, index_dir: str | None) -> None:
        self.path = str(Path(path).expanduser().resolve())
        self.index_dir = str(Path(index_dir).expanduser().resolve()) if index_dir else None
        self.address = served.socket_for(self.path, self.index_dir)
        self.library: Library | None = library
        self.opened = 0  # how many times the archive was opened again (the tests count)
        self.stopping = False
        self.searches = 0
        self.last = time.monotonic()  # the start, then the last search
        self.idle_minutes: float | None = None
        self.index = Path(self.index_dir) if self.index_dir else paths.index_dir(self.path)
        self._watched = (Path(self.path), self.index, paths.aliases_file(library.root))
        self._watch: watch.FolderWatch | None = None
        self._listener = Listener(self.address)
        self._parser = build_parser({"search"})  # built once: a few milliseconds a search

    def __enter__(self) -> Server:
        """Claim the socket (one server per archive and index), watch, ready the index."""
        try:
            self._listener.claim()
            # Watched before the index is readied: a change made meanwhile is seen later.
            self._watch = watch.watch(self._watched)
            assert self.library is not None
            _ready(self.library, self.index_dir)
            # Readying it may have written the index (and the watch saw that): look again
            # now, rather than at the first search, until nothing changed (a few times).
            for _ in range(3 if self._watch is not None else 0):
                opened = self.opened
                self.current()
                if self.opened == opened:
                    break
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        """Stop listening, take the socket away (if still this server's), forget the rest."""
        self._listener.close()
        if self._watch is not None:
            self._watch.close()
        if self.library is not None:
            self.library.close()

    def run(self, idle: float | None) -> None:
        """Answer each search in turn; return after ``idle`` seconds without one, or when stopped."""
        self.idle_minutes = idle / 60 if idle is not None else None
        listening = self._listener.socket
        assert listening is not None
        with contextlib.suppress(KeyboardInterrupt):
            while not self.stopping and select.select([listening], [], [], idle)[0]:
                try:
                    client, _ = listening.accept()
                except OSError:
                    continue
                with client:
                    self._converse(client)

    def _converse(self, client: socket.socket) -> None:
        """Read one request, answer it; a client that goes away early is no error."""
        client.settimeout(_REQUEST_SECONDS)
        try:
            if not same_user(client):
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
            client.sendall(served.ACKNOWLEDGED)
            reply = self.reply(request)
            client.settimeout(_REPLY_SECONDS)
            # ASCII: a file name's undecodable bytes (surrogates) travel too.
            client.sendall(json.dumps(reply).encode())
        except OSError:
            return

    def reply(self, request: object) -> dict[str, Any]:
        """What the search asked for writes, and its exit code; or ``{"refused": why}``."""
        from reader import __version__

        if not isinstance(request, dict) or request.get("protocol") != served.PROTOCOL:
            return refusal("not a request this server understands")
        if request.get("socket") == str(self.address):  # asked by any version
            if request.get("stop") is True:
                self._stop("asked to stop")
                return {"stopped": True}
            if request.get("status") is True:
                return self.status()
        if request.get("version") != __version__:
            # The program was upgraded (or another copy runs): its search starts its own
            # server when it needs one, which this one's socket would stop.
            self._stop(f"a search of version {request.get('version')} asked")
            return refusal(f"this server runs version {__version__}")
        argv, where, bold = request.get("argv"), request.get("socket"), request.get("bold")
        if not (
            isinstance(argv, list)
            and all(isinstance(word, str) for word in argv)
            and isinstance(bold, bool)
        ):
            return refusal("a malformed request")
        if where != str(self.address):
            return refusal("a search of another archive, index or user's settings")
        try:
            args = self._parser.parse_args(argv)
        except SystemExit:  # the client parsed them: only another parser gets here
            return refusal("arguments this server does not take")
        if not served.plain_search(args):
            return refusal("not a search this server answers")
        self.searches += 1
        self.last = time.monotonic()
        transcript = Transcript()
        try:
            with (
                contextlib.redirect_stdout(transcript.stdout),
                contextlib.redirect_stderr(transcript.stderr),
            ):
                code = guarded(lambda: self._search(args, bold))
        except _Refused as exc:
            return refusal(str(exc))
        except Exception:  # a bug: said here; the asking process runs the search itself
            traceback.print_exc(file=sys.__stderr__)
            return refusal("the search failed in the server")
        # "opened": how many times the archive was opened again since the server started
        # (for the curious and the tests: an unchanged archive is not looked at again).
        return {"code": code, "output": transcript.written(), "opened": self.opened}

    def status(self) -> dict[str, Any]:
        """What ``serve --status`` prints: the process, its memory, its searches."""
        from reader import __version__

        return {
            "archive": self.path,
            "index_dir": str(self.index),
            "pid": os.getpid(),
            "version": __version__,
            "searches": self.searches,
            "idle_seconds": round(time.monotonic() - self.last),
            "idle_limit_minutes": self.idle_minutes,
            "memory_mb": _resident_mb(),
        }

    def _stop(self, why: str) -> None:
        """Stop after this request's answer (the socket is taken away as at Ctrl+C)."""
        print(f"Stopping: {why}.", file=sys.__stderr__, flush=True)
        self.stopping = True

    def _search(self, args: argparse.Namespace, bold: bool) -> int:
        try:
            library = self.current()
            result, coverage = answer(library, {args.path: library}, args)(" ".join(args.query))
        except QueryError:
            raise  # the query's own error, the same wherever the search runs
        except ReaderError as exc:  # it names the archive or the index as the user wrote them
            if not os.path.lexists(self.path):  # deleted or moved: nothing left to serve
                self._stop(f"{self.path} is gone")
            raise _Refused(f"the archive or its index cannot be read now ({exc})") from exc
        return show(library, args, result, coverage, bold)

    def current(self) -> Library:
        """The archive opened with its index up to date: the same one while nothing changed.

        Else (or where nothing is watched) it is opened again: the watch is drained first and
        the folders watched again (new ones too), then the files are looked at, so a change
        made meanwhile is seen at the next search.

        Raises:
            ReaderError: The archive or its index cannot be read now.
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
            if library.single_file and not library.issues:
                raise _Refused("the file is no newspaper issue now")
            _ready(library, self.index_dir)
        except BaseException:
            library.close()
            raise
        self.library = library
        return library


class _Refused(Exception):
    """A search the asking process must run itself (not a ReaderError: ``guarded`` prints those)."""


def _ready(library: Library, index_dir: str | None) -> None:
    """Build or update the index, and open its searcher now: not at the next search."""
    ready_index(library, index_dir)
    with contextlib.suppress(IndexUnavailable):  # the search that follows says why
        library.prepare_search()


def _resident_mb() -> int | None:
    """This process's resident memory in MB, where the system says (Linux's /proc)."""
    with contextlib.suppress(OSError, ValueError, IndexError), open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") >> 20
    return None


def _stop(signum: int, frame: FrameType | None) -> None:
    """SIGTERM and SIGHUP stop the server as Ctrl+C does (its socket taken away)."""
    raise KeyboardInterrupt
