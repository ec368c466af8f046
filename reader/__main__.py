"""The ``issue-reader`` entry point: a subcommand runs the command line, anything else opens the window.

This is the composition root, the one module allowed to know both front ends.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Sequence

from reader import cli


def main(argv: Sequence[str] | None = None) -> int:
    """``issue-reader COMMAND …`` runs a command; ``issue-reader [PATH]`` opens the window."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and (args[0] in cli.COMMANDS or args[0].startswith("-")):
        return cli.main(args)
    if len(args) > 1:
        return cli.main(args)  # argparse explains the unknown command in one line
    from reader.ui import app  # Qt loads only when the window is wanted

    return app.main(args[0] if args else None)


def entry() -> None:
    """Console-script entry point, and the frozen app's (packaging/)."""
    # In a frozen app every spawned process (the index build) starts this executable again:
    # this runs the child's job and exits there, before anything else happens.
    multiprocessing.freeze_support()
    if sys.argv[1:2] == ["--self-test"]:  # a developer's check of a frozen build
        from reader.ui.app import selftest

        sys.exit(selftest.main(sys.argv[2:]))
    sys.exit(main())


if __name__ == "__main__":
    entry()
