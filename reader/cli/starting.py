"""A server started by a slow search, so that the searches after it answer at once.

As a build tool's daemon (Bazel's, Gradle's): the first command pays, the next ones ask the
resident process. A search of one archive that took more than :data:`SLOW_SECONDS` in its
own process (imports, listing the archive's files, opening the index: half a second at
fifty years of a national daily) starts ``issue-reader serve`` for that archive and index in
the background, after its answer is printed; the server stops after
:data:`AUTO_IDLE_MINUTES` without a search. ``ISSUE_READER_SERVER=never`` in the environment
prevents it (scripts that measure, the tests); ``=always`` starts one after any search.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SLOW_SECONDS = 0.1  # in the command, after the interpreter's start: 150 ms end to end
AUTO_IDLE_MINUTES = 10
VARIABLE = "ISSUE_READER_SERVER"


def wanted(seconds: float) -> bool:
    """Whether a search that took ``seconds`` starts a server (see the module's docstring)."""
    choice = os.environ.get(VARIABLE, "auto").strip().lower()
    if choice == "never":
        return False
    return choice == "always" or seconds > SLOW_SECONDS


def command(path: str, index_dir: str | None) -> list[str]:
    """The command line of the server of the archive at ``path``, whatever its working
    folder: the paths absolute (they name the same socket as the search's)."""
    words = ["serve", str(Path(path).expanduser().resolve())]
    if index_dir:
        words += ["--index-dir", str(Path(index_dir).expanduser().resolve())]
    words += ["--idle", str(AUTO_IDLE_MINUTES)]
    if getattr(sys, "frozen", False):  # the bundle's executable is the command line
        return [sys.executable, *words]
    return [sys.executable, "-m", "reader", *words]


def start(path: str, index_dir: str | None) -> int | None:
    """Start the server in the background; its process id, or None when it cannot start.

    In a session of its own, so closing the terminal does not stop it, and with no terminal:
    its input and output are the null device. A server of the archive that starts meanwhile
    (another search's) keeps the socket: this one then exits at once.
    """
    try:
        argv = command(path, index_dir)
    except OSError:  # the working folder is gone: the search said so already
        return None
    null = os.open(os.devnull, os.O_RDWR)
    try:
        streams = [(os.POSIX_SPAWN_DUP2, null, fd) for fd in (0, 1, 2)]
        return os.posix_spawn(argv[0], argv, os.environ, file_actions=streams, setsid=True)
    except (OSError, NotImplementedError):  # no such executable, or no setsid (old macOS)
        return None
    finally:
        os.close(null)
