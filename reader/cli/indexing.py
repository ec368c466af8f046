"""Bringing an archive's index up to date before a command reads it, with a progress bar."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator
from contextlib import ExitStack

from reader.cli.progress import ProgressBar
from reader.library import Library, QueryError
from reader.library.archive_index import IndexNotWritten

# How many times this process built or updated an index: a search that did says nothing of
# how quick the next one is (reader.cli.starting).
_updates = 0


def updates() -> int:
    """How many times :func:`ready_index` built or updated an index in this process."""
    return _updates


def ready_index(library: Library, index_dir: str | None) -> None:
    """Use ``index_dir`` when given, then build or update the index (progress on stderr)."""
    global _updates
    if index_dir:
        library.use_index_dir(index_dir)
    bar = ProgressBar("Indexing")
    try:
        with elsewhere(index_dir):
            if library.ensure_index(progress=bar) is not None:
                _updates += 1
    finally:
        bar.finish()


@contextlib.contextmanager
def elsewhere(index_dir: str | None) -> Iterator[None]:
    """A block that writes an index: when the default folder (in the per-user cache) cannot
    be written, its error also says how to keep the index in another folder."""
    try:
        yield
    except IndexNotWritten as exc:
        if index_dir:
            raise
        hint = f"{exc.reason}; keep the index in another folder with --index-dir DIR"
        raise IndexNotWritten(exc.path, hint, exc.code, exc.values) from exc


def ready_archives(
    stack: ExitStack, library: Library, args: argparse.Namespace, others: list[str]
) -> dict[str, Library]:
    """The archive opened and the ``others`` named after it, by path as given, indexes ready.

    The others are opened lazily (a search on a current index reads no catalogue) and
    closed with ``stack``.
    """
    if others and args.index_dir:
        raise QueryError("--index-dir names one archive's index: give one PATH with it")
    libraries = {args.path: library}
    for path in others:
        libraries[path] = stack.enter_context(Library.open(path, lazy=True))
    for each in libraries.values():
        ready_index(each, args.index_dir)
    return libraries
