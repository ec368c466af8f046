"""A server started by a slow search, so that the searches after it answer at once.

As a build tool's daemon (Bazel's, Gradle's): the first command pays, the next ones ask the
resident process. A search of one archive whose command used more than
:data:`SLOW_CPU_SECONDS` of processor time (imports, listing the archive's files, opening the
index: a quarter to half a second at fifty years of a national daily, a tenth for the
county weekly's ten years) starts ``issue-reader serve`` for that archive and index in the
background, after its answer is printed; the server stops after :data:`AUTO_IDLE_MINUTES`
without a search. A search that built or updated the index starts none: that work says
nothing of the next search's. ``ISSUE_READER_SERVER=never`` in the environment keeps every
search in its own process (scripts that measure, the tests): none is started or asked;
``=always`` starts one after any search.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

# Processor time, not wall time: on a loaded machine a small archive's search waits for a
# core and would start a server it does not need (a user saw one started for each of 18
# small archives). In the command, after the interpreter's start, user + system time of
# one search (供热, 会议, 县, 李永亮): the sample 0.08–0.10 s, county-10y 0.11–0.13,
# national-5y 0.11–0.17, national-50y 0.22–0.54 (0.32–0.55 s end to end, where a server
# answers in about 0.1).
SLOW_CPU_SECONDS = 0.15
# As Gradle's and Bazel's daemons (three hours): a session of searching with breaks between
# searches keeps its server, for about 100 MB at fifty years of a national daily.
AUTO_IDLE_MINUTES = 60
VARIABLE = "ISSUE_READER_SERVER"
_NEVER = frozenset({"never", "no", "off", "0", "false"})


def choice() -> str:
    """``never``, ``always`` or ``auto`` (the default, and any other value): see the module."""
    value = os.environ.get(VARIABLE, "").strip().lower()
    if value in _NEVER:
        return "never"
    return "always" if value == "always" else "auto"


def wanted(cpu_seconds: float, updated: bool = False) -> bool:
    """Whether a search whose process used ``cpu_seconds`` of processor time starts a server
    (``updated``: the search built or updated the index first; see the module's docstring)."""
    chosen = choice()
    return chosen == "always" or (
        chosen == "auto" and not updated and cpu_seconds > SLOW_CPU_SECONDS
    )


def command(path: str, index_dir: str | None) -> list[str]:
    """The command line of the server of the archive at ``path``, whatever its working
    folder: the paths absolute (they name the same socket as the search's)."""
    words = ["serve", str(Path(path).expanduser().resolve())]
    if index_dir:
        words += ["--index-dir", str(Path(index_dir).expanduser().resolve())]
    words += ["--idle", str(AUTO_IDLE_MINUTES)]
    if getattr(sys, "frozen", False):  # the bundle's executable is the command line
        return [sys.executable, *words]
    # -P: the installed program, never a "reader" folder where the search was run.
    return [sys.executable, "-P", "-m", "reader", *words]


def log_file(socket: Path) -> Path:
    """Where a started server's messages go: beside its socket, in the private folder."""
    return socket.with_suffix(".log")


def start(path: str, index_dir: str | None) -> int | None:
    """Start the server in the background; its process id, or None when it cannot start.

    In a session of its own, so closing the terminal does not stop it; in the root folder,
    so it keeps no other busy; with no terminal and none of this process's other files (a
    pipe left open would keep its reader waiting); its messages in :func:`log_file`. A server
    of the archive that starts meanwhile (another search's) keeps the socket: this one then
    exits at once, saying so in the log.
    """
    import subprocess  # here: only a slow search pays for it

    from reader.cli import served

    try:
        argv = command(path, index_dir)
        socket = served.socket_for(path, index_dir)
    except OSError:  # the working folder is gone: the search said so already
        return None
    with contextlib.ExitStack() as stack:
        log: int = subprocess.DEVNULL
        if served.private_folder(socket.parent):
            with contextlib.suppress(OSError):
                log = stack.enter_context(_opened(log_file(socket)))
        try:
            process = subprocess.Popen(
                argv,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=log,
                cwd="/",
                close_fds=True,
                start_new_session=True,
            )
        except OSError:  # no such executable
            return None
    return process.pid  # not waited for: it outlives this process


@contextlib.contextmanager
def _opened(path: Path) -> Iterator[int]:
    # Appended to: a server started meanwhile by another search writes there too.
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        yield handle
    finally:
        os.close(handle)
