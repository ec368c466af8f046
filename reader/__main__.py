"""The ``issue-reader`` entry point: a subcommand runs the command line, anything else opens the window.

This is the composition root, the one module allowed to know both front ends.
"""

from __future__ import annotations

import gc
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from reader import cli

# What a command looks like; such a word that is no file or folder is a mistyped command.
_COMMAND_LIKE = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


def main(argv: Sequence[str] | None = None) -> int:
    """``issue-reader COMMAND …`` runs a command; ``issue-reader [PATH…]`` opens the window.

    A file manager's "Open With" passes every selected path: the window opens the first and
    says how many it left. A lone argument that is an existing file or folder is opened even
    when a command has its name (a folder called ``issues``).
    """
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        return _window(args)
    first = args[0]
    if first.startswith("-"):
        return cli.main(args)  # --help, --version, or argparse's one-line usage error
    if _exists(first) and (len(args) == 1 or first not in cli.COMMANDS):
        return _window(args)
    if first in cli.COMMANDS:
        return cli.main(args)
    if _COMMAND_LIKE.fullmatch(first):
        return cli.unknown_command(first)
    return _window(args)  # a path that is not there: the window says it cannot open it


def _exists(path: str) -> bool:
    try:
        return Path(path).expanduser().exists()
    except (OSError, RuntimeError):  # a name too long, or ~user unknown
        return False


def _window(paths: Sequence[str]) -> int:
    """Open the window on the first of ``paths`` (or the last archive); it notes the others."""
    from reader.ui import app  # Qt loads only when the window is wanted

    return app.main(paths[0] if paths else None, ignored=max(len(paths) - 1, 0))


def _freeze_support() -> None:
    """In a frozen app every spawned process (the index build) starts this executable again:
    this runs the child's job and exits there, before anything else happens."""
    # multiprocessing (with pickle and socket) is imported only in a frozen app, the only
    # place where freeze_support does anything: every command pays for an import.
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()


def entry() -> None:
    """Console-script entry point, and the frozen app's (packaging/)."""
    _freeze_support()
    if sys.argv[1:2] == ["--self-test"]:  # a developer's check of a frozen build
        from reader.ui.app import selftest

        sys.exit(selftest.main(sys.argv[2:]))
    code = main()
    # The process ends here. The collector's last passes at exit, over what a command leaves
    # (a search's index state, numpy's and whoosh's modules), cost more CPU than the search's
    # query (70-90 ms on the shared machine); frozen objects are left to the exit itself.
    # Files are still closed and atexit handlers still run.
    gc.freeze()
    sys.exit(code)


def gui_entry() -> None:
    """GUI-script entry point (``issue-reader-window``): always the window, never a console.

    On Windows it runs without a console window, so there is nowhere to print a command's
    output: every argument is taken as a path to open.
    """
    _freeze_support()
    sys.exit(_window(sys.argv[1:]))


if __name__ == "__main__":
    entry()
