"""``install-desktop`` and ``uninstall-desktop``: the menu entry and icons for this user (Linux)."""

from __future__ import annotations

import argparse
from typing import Any

from reader.cli.output import counted, print_json
from reader.library import desktop
from reader.library.destination import failed
from reader.model import ReaderError

PRODUCT = "Issue Reader"


def install(args: argparse.Namespace) -> int:
    """Install the desktop entry, icons and metainfo below the XDG data folder; say what was done."""
    try:
        change = desktop.install()
    except OSError as exc:
        raise ReaderError(f"could not put {PRODUCT} in the menu: {_failure(exc)}") from exc
    if args.json:
        return print_json(_json(change))
    total = len(change.changed) + len(change.unchanged)
    if change.changed:
        print(
            f"Installed Issue Reader in the menu: {len(change.changed)} of {counted(total, 'file')} "
            "written "
            f"below {change.data_home}; it runs {change.launcher}"
        )
    else:
        print(
            f"Issue Reader is already in the menu: {counted(total, 'file')} below "
            f"{change.data_home}, all up to date; it runs {change.launcher}"
        )
    return 0


def uninstall(args: argparse.Namespace) -> int:
    """Remove what ``install-desktop`` wrote; say how many files that was."""
    try:
        change = desktop.uninstall()
    except OSError as exc:
        raise ReaderError(f"could not take {PRODUCT} out of the menu: {_failure(exc)}") from exc
    if args.json:
        return print_json(_json(change))
    if change.changed:
        print(
            f"Removed Issue Reader from the menu: {counted(len(change.changed), 'file')} below "
            f"{change.data_home}"
        )
    else:
        print(f"Issue Reader was not installed below {change.data_home}: nothing to remove")
    return 0


def _failure(exc: OSError) -> str:
    """``/home/me/.local/share/applications: Permission denied``: the file, and why (a folder
    that is a file: ``the folder /home/me/.local/share/applications is a file, not a folder``)."""
    if not isinstance(exc.filename, str):
        return exc.strerror or str(exc)
    why = failed(exc.filename, exc)
    return why.reason if why.code == "folder_is_file" else f"{exc.filename}: {why.reason}"


def _json(change: desktop.Change) -> dict[str, Any]:
    return {
        "data_home": str(change.data_home),
        "launcher": change.launcher or None,
        "changed": [str(path) for path in change.changed],
        "unchanged": [str(path) for path in change.unchanged],
        "refreshed": list(change.refreshed),
    }
