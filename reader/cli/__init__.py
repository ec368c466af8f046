"""The command line: ``issue-reader issues|articles|show|problems|index|search|serve|kwic|…``.

Also ``collections`` (this user's collections, listed or exported), and ``install-desktop``
and ``uninstall-desktop``, which put the program in the desktop menu.

It reaches archives only through ``reader.library``. :func:`main` runs one command and
returns the exit code; ``reader.__main__`` sends every other invocation to the window.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

from reader.cli.parser import COMMANDS, PROG, build_parser

if TYPE_CHECKING:
    from reader.library import Library

__all__ = ["COMMANDS", "PROG", "build_parser", "main", "unknown_command"]

# The commands that also read a single file holding no issue (a checksum manifest, say).
_ANY_FILE = frozenset({"verify", "info"})
# The commands that may never need the catalogue (Library.open(lazy=True)).
_LAZY = frozenset({"search", "serve"})


# Each command's function, as "module.function" in reader.cli: the module is imported only
# when its command runs, as most import the library (numpy, whoosh, lxml, Pillow), which
# ``--help``, ``--version`` and a usage error never need, and a search needs only part of.
_COMMANDS = {
    "issues": "reading.issues",
    "articles": "reading.articles",
    "show": "reading.show",
    "problems": "reading.problems",
    "index": "searching.index",
    "search": "searching.search",
    "serve": "serving.serve",
    "kwic": "concordance.kwic",
    "page": "page.page",
    "export": "exporting.export_hits",
    "cite": "exporting.cite",
    "alias": "aliases.alias",
    "verify": "fixity.verify",
    "info": "fixity.info",
}
# The commands that take no archive.
_OTHER_COMMANDS = {
    "collections": "collecting.collections",
    "install-desktop": "desktop.install",
    "uninstall-desktop": "desktop.uninstall",
}


def _function(where: str) -> Callable[..., int]:
    """The function named ``where`` (``module.function``) in ``reader.cli``, imported now."""
    module, _, name = where.partition(".")
    return cast(
        "Callable[..., int]", getattr(importlib.import_module(f"reader.cli.{module}"), name)
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return the process exit code (1 for any error)."""
    began = time.process_time()  # this process's processor time (see reader.cli.starting)
    words = list(sys.argv[1:] if argv is None else argv)
    # Only the command that runs gets its arguments built (none for --help, --version).
    named = next((word for word in words if not word.startswith("-")), "")
    try:
        args = build_parser({named} & set(COMMANDS)).parse_args(words)
    except SystemExit as exc:  # --help (0) or a usage error (1), already printed
        return exc.code if isinstance(exc.code, int) else 1
    if args.command == "search":
        return _search(args, words, began)
    if args.command == "serve" and (args.stop or args.status):
        from reader.cli import served

        return guarded(lambda: served.control_command(args.path, args.index_dir, args.stop))
    return guarded(lambda: _run(args))


def _search(args: argparse.Namespace, words: Sequence[str], began: float) -> int:
    """A server of this archive answers at once; else (mostly) the search runs here, and
    starts a server when it was slow (:mod:`reader.cli.starting`)."""
    from reader.cli import served, starting

    servable = served.servable(args) and starting.choice() != "never"
    asked = served.ask(args, words) if servable else served.Asked(None, server=False)
    if asked.code is not None:
        return asked.code
    if args.index_dir:
        # Named as its server names it (absolute), in what both print: a message names it
        # the same whichever process searched.
        with contextlib.suppress(OSError):  # the working folder is gone: the search says so
            args.index_dir = str(Path(args.index_dir).resolve())
    updates = _index_updates()
    code = guarded(lambda: _run(args))
    seconds, updated = time.process_time() - began, _index_updates() != updates
    if servable and code == 0 and not asked.server and starting.wanted(seconds, updated):
        starting.start(args.path, args.index_dir)
    return code


def _index_updates() -> int:
    from reader.cli import indexing  # here: it imports the library, which the search does

    return indexing.updates()


def _run(args: argparse.Namespace) -> int:
    """Run the parsed command (its errors are :func:`guarded`'s)."""
    if args.command in _OTHER_COMMANDS:
        return _function(_OTHER_COMMANDS[args.command])(args)
    from reader.library import Library  # here: it imports the index and the catalogue

    # A search on a current index never reads the catalogue: it is opened when needed.
    with Library.open(args.path, lazy=args.command in _LAZY) as library:
        if library.single_file and not library.issues and args.command not in _ANY_FILE:
            return _not_an_issue(library)
        return _function(_COMMANDS[args.command])(library, args)


def guarded(command: Callable[[], int]) -> int:
    """``command()``'s exit code, an error said in one line on stderr (exit code 1)."""
    from reader.model import ReaderError, printable  # here: --help and --version need neither

    try:
        return command()
    except ReaderError as exc:
        print(f"{PROG}: error: {printable(str(exc))}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # `issue-reader issues big | head` closes the pipe early: not an error worth a traceback.
        sys.stderr.close()
        return 0


def _not_an_issue(library: Library) -> int:
    """Say on one line that the single file opened is no issue (and why, when known); return 1."""
    why = "; ".join(problem.reason for problem in library.problems)
    print(
        f"{PROG}: error: {library.path.name} is not a newspaper issue that {PROG} can read"
        + (f" ({why})" if why else ""),
        file=sys.stderr,
    )
    return 1


def unknown_command(word: str) -> int:
    """Say on one line that ``word`` is no command (suggesting the nearest one); return 1."""
    import difflib

    close = difflib.get_close_matches(word, COMMANDS, n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    print(
        f"{PROG}: error: '{word}' is not a command, nor a file or folder here{hint} "
        f"(see '{PROG} --help')",
        file=sys.stderr,
    )
    return 1
