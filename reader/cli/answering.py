"""How ``search`` answers: from the indexes, built or updated first, or at once (``--no-wait``)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.cli.output import counted
from reader.cli.parser import PROG
from reader.library import Library, SearchResult
from reader.model import IndexUnavailable

if TYPE_CHECKING:
    from reader.library.provisional import Coverage

# A query's result, and how much of the archive it covers when that is not all of it.
Answer = tuple[SearchResult, "Coverage | None"]


def answer(
    library: Library, libraries: dict[str, Library], args: argparse.Namespace
) -> Callable[[str], Answer]:
    """Search the indexes, built or brought up to date already (one archive, or several).

    An index that a search finds damaged (a file whose checksum no longer matches: the
    update before the search checks sizes only) is rebuilt, and the search asked again once.
    """

    def search(query: str) -> Answer:
        if len(libraries) > 1:
            from reader.library.many import search_many

            return search_many(libraries, query, limit=args.limit, sort=args.sort), None
        return library.search(query, limit=args.limit, sort=args.sort), None

    def ask(query: str) -> Answer:
        try:
            return search(query)
        except IndexUnavailable:
            damaged = [each for each in libraries.values() if each.index_damage() is not None]
            if not damaged:
                raise
        from reader.cli.indexing import ready_index

        for each in damaged:
            ready_index(each, None)  # its index folder is chosen already
        return search(query)

    return ask


def answer_now(library: Library, args: argparse.Namespace) -> Callable[[str], Answer]:
    """Search without building: the index when it is current, else what it holds plus a scan.

    The scan reads the text of the issues the index lacks (or holds in an older state), from
    the catalogue; its folded text is kept between the queries of ``--queries``/``--stdin``.
    An index found damaged is no error here: it is marked for rebuilding and the whole archive
    is scanned, as when there is no index (:func:`provisional_line` says which).
    """
    if args.index_dir:
        library.use_index_dir(args.index_dir)
    current = library.index_available() and library.index_current()

    def ask(query: str) -> Answer:
        nonlocal current
        try:
            if current:
                return library.search(query, limit=args.limit, sort=args.sort), None
            return _scanned(query)
        except IndexUnavailable:
            if library.index_damage() is None:
                raise
        current = False  # found damaged just now: no index to search until it is rebuilt
        return _scanned(query)

    def _scanned(query: str) -> Answer:
        found = library.search_now(query, limit=args.limit, sort=args.sort, budget=args.budget)
        return found.result, found.coverage

    return ask


def provisional_line(
    coverage: Coverage, path: str, has_index: bool, damage: str | None = None
) -> str:
    """What a provisional result covers, and how to make it final.

    ``damage`` is why the index was found damaged (then ``has_index`` is False).
    """
    rest = coverage.articles - coverage.indexed
    some = "" if coverage.scanned >= rest else f"{coverage.scanned:,} of "
    were = "was" if (coverage.scanned if some else rest) == 1 else "were"
    if damage is not None:
        return (
            f"Provisional: the index is damaged ({damage}); {some or 'all '}"
            f"{counted(rest, 'article')} {were} scanned. Run '{PROG} index {path}' to rebuild it."
        )
    if not has_index:
        return (
            f"Provisional: there is no index yet; {some or 'all '}{counted(rest, 'article')} "
            f"{were} scanned. Run '{PROG} index {path}' to build it."
        )
    held = f"{coverage.indexed:,}" if coverage.indexed else "none"
    other = "the other " if coverage.indexed else ("all " if not some else "the ")
    return (
        f"Provisional: the index holds {held} of the {counted(coverage.articles, 'article')} "
        f"as they are now; {some}{other}{rest:,} {were} scanned. Run '{PROG} index {path}' to "
        "bring it up to date."
    )
