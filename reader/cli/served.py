"""A search asked of a running ``issue-reader serve``, when one serves the archive and its index.

The quick way of ``issue-reader search``: the server has the index open and the archive
watched, so the answer costs this process its start, a socket and a few milliseconds of the
server's (the socket module is imported only when a server's folder is there). When no
server answers, or it refuses (another version of the program), :func:`ask` says so and
the search runs in this process as ever: a server is never needed, and what it prints is
what the search would have printed. A search that was slow then starts one
(:mod:`reader.cli.starting`).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import stat
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from reader.cli.argparsing import more_archives
from reader.cli.terminal import bold_allowed

if TYPE_CHECKING:
    import socket

# The requests' and replies' format (one JSON object each way); bumped when it changes.
PROTOCOL = 3
# A server says at once that it has a request ("+", before the search, which may take long);
# one that does not in this time is stopped (Ctrl+Z) or busy, and the search runs here.
ACKNOWLEDGED = b"+"
ACKNOWLEDGE_SECONDS = 3.0


class Asked(NamedTuple):
    """What became of asking a server."""

    code: int | None  # the search's exit code, its output printed; None: the search runs here
    server: bool  # a server listens (it refused, or did not take the request in time)


def supported() -> bool:
    """Whether this system has the Unix sockets a server listens on (not Windows')."""
    return sys.platform != "win32" and hasattr(os, "getuid")


def servable(args: argparse.Namespace) -> bool:
    """Whether a server could answer this command: :func:`plain_search` of one archive."""
    return plain_search(args) and supported() and not more_archives(args.query, final=True)[0]


def plain_search(args: argparse.Namespace) -> bool:
    """Whether the command is one search for one query, from an index kept current.

    ``--queries``/``--stdin`` run in one process already; ``--no-wait`` answers from what the
    index holds, which a server (its index kept current) would not say.
    """
    return (
        args.command == "search"
        and bool(args.query)
        and not (args.queries or args.stdin or args.no_wait or args.budget is not None)
        and args.limit >= 0
    )


def socket_for(path: str, index_dir: str | None) -> Path:
    """The socket of the server of the archive at ``path`` with its index in ``index_dir``
    (or in the per-user cache when None), for this user's settings (their aliases)."""
    from reader.library import paths

    archive = Path(path).expanduser().resolve()
    index = Path(index_dir).expanduser() if index_dir else paths.index_dir(archive)
    return paths.server_socket(archive, index, paths.config_dir())


def private_folder(folder: Path) -> bool:
    """Make ``folder`` if it is not there (only this user may enter it); whether it is private."""
    with contextlib.suppress(OSError):
        folder.mkdir(mode=0o700, parents=True)
    return private(folder)


def private(folder: Path) -> bool:
    """Whether ``folder`` is a real folder of this user's that no one else may enter."""
    try:
        info = folder.lstat()
    except OSError:
        return False
    return (
        stat.S_ISDIR(info.st_mode)
        and info.st_uid == os.getuid()
        and not info.st_mode & (stat.S_IRWXG | stat.S_IRWXO)
    )


def ask(args: argparse.Namespace, words: Sequence[str]) -> Asked:
    """Have the archive's server run this search and print its output.

    When no server answers (there is none, it stopped, or it refused the request), the code
    is None: the caller then searches itself. Nothing has been printed then.
    """
    from reader import __version__

    where = _reachable(args.path, args.index_dir)
    if where is None:
        return Asked(None, server=False)
    request = {
        "protocol": PROTOCOL,
        "version": __version__,
        "argv": list(words),
        "socket": str(where),
        "bold": bold_allowed(sys.stdout),
    }
    reply = _exchange(where, request)
    if reply is None:
        return Asked(None, server=False)
    output = reply.get("output") if isinstance(reply, dict) else None
    code = reply.get("code") if isinstance(reply, dict) else None
    if not isinstance(output, list) or not isinstance(code, int):
        return Asked(None, server=True)  # refused: {"refused": why}, or silent
    for stream, text in output:  # stdout and stderr in the order they were written
        to = sys.stdout if stream == "stdout" else sys.stderr
        to.write(str(text))
        to.flush()
    return Asked(code, server=True)


def stop(path: str, index_dir: str | None) -> bool:
    """Stop the server of the archive at ``path`` (and ``index_dir``); whether one was there."""
    reply = _control(path, index_dir, "stop")
    return isinstance(reply, dict) and reply.get("stopped") is True


def control_command(path: str, index_dir: str | None, stopping: bool) -> int:
    """``serve --stop PATH`` (exit code 0, a server there or not) or ``serve --status PATH``
    (exit code 1 when none is)."""
    if stopping:
        said = "stopped" if supported() and stop(path, index_dir) else "no server was running"
        print(f"{path}: {said}.")
        return 0
    reply = _control(path, index_dir, "status") if supported() else None
    if not isinstance(reply, dict) or "pid" not in reply:
        print(f"{path}: no server is running.")
        return 1
    idle = reply.get("idle_limit_minutes")
    lives = f"stops after {idle:g} minutes without a search" if idle else "runs until stopped"
    memory = reply.get("memory_mb")
    searches = reply.get("searches")
    done = f"{searches} search{'' if searches == 1 else 'es'}"
    if searches:
        done += f", the last {reply.get('idle_seconds')} s ago"
    print(
        f"{path}: served by process {reply['pid']} (version {reply.get('version')}), "
        f"{'' if memory is None else f'{memory} MB, '}{done}; it {lives}.\n"
        f"  archive: {reply.get('archive')}\n  index:   {reply.get('index_dir')}\n"
        f"  socket:  {socket_for(path, index_dir)}"
    )
    return 0


def _control(path: str, index_dir: str | None, what: str) -> object:
    """The server's reply to a ``stop`` or ``status`` request (None: no server there)."""
    from reader import __version__

    where = _reachable(path, index_dir)
    if where is None:
        return None
    request = {"protocol": PROTOCOL, "version": __version__, what: True, "socket": str(where)}
    return _exchange(where, request)


def _reachable(path: str, index_dir: str | None) -> Path | None:
    """The socket of the server of ``path`` (see :func:`socket_for`) when its folder is this
    user's alone; None when it is not, or when a relative path cannot be resolved (the working
    folder is gone: the search says so)."""
    try:
        where = socket_for(path, index_dir)
    except OSError:
        return None
    return where if private(where.parent) else None


def _exchange(where: Path, request: dict[str, object]) -> object:
    """The server's reply to ``request`` ({} when it took the request and said nothing
    readable, as one stopped meanwhile), or None when no server listens at ``where``."""
    import socket  # here: only when there is a server to ask

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.settimeout(ACKNOWLEDGE_SECONDS)
        try:
            connection.connect(str(where))
        except OSError:  # none there, or a stale socket
            return None
        try:
            connection.sendall(json.dumps(request).encode() + b"\n")
            connection.shutdown(socket.SHUT_WR)
            if connection.recv(1) != ACKNOWLEDGED:
                return {}
            connection.settimeout(None)  # the search may update the index first
            return json.loads(_received(connection))
        except (OSError, ValueError):  # a silent server, or it stopped meanwhile
            return {}


def _received(connection: socket.socket) -> bytes:
    parts = []
    while part := connection.recv(1 << 16):
        parts.append(part)
    return b"".join(parts)
