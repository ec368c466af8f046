"""The ``export`` command (a search's hits as CSV, RIS, CSL-JSON, BibTeX or text files) and ``cite``."""

from __future__ import annotations

import argparse
import sys
from contextlib import ExitStack
from pathlib import Path

from reader.cli.argparsing import more_archives
from reader.cli.indexing import ready_archives
from reader.cli.progress import ProgressBar
from reader.library import Library, QueryError, citations
from reader.library.destination import checked
from reader.library.export import (
    FILE_FORMATS,
    FOLDER_FORMATS,
    refuse_archives,
    write,
    write_stream,
)
from reader.library.many_export import hit_entries_many, search_hits_many
from reader.library.searching import SearchRequest


def export_hits(library: Library, args: argparse.Namespace) -> int:
    """Export the hits of the query (the index is built or updated first).

    ``export PATH PATH … QUERY`` exports the hits of several archives searched as one (as
    ``search`` takes them), each read from its own archive.
    """
    if args.limit is not None and args.limit < 0:
        raise QueryError("--limit must be 0 or more")
    if args.format not in FILE_FORMATS and not args.out:
        raise QueryError(f"--format {args.format} writes a folder or a .zip: give --out")
    if args.out:  # a mistyped folder is said before the index is built, which may take long
        checked(args.out, folder=args.format in FOLDER_FORMATS and not _zipped(args.out))
    others, words = more_archives(args.query, final=True)
    with ExitStack() as stack:
        libraries = ready_archives(stack, library, args, others)
        request = SearchRequest(" ".join(words), sort=args.sort)
        return _write(libraries, request, args)


def _write(libraries: dict[str, Library], request: SearchRequest, args: argparse.Namespace) -> int:
    """Write the hits of ``request`` over ``libraries`` to stdout or ``--out``."""
    total, hits = search_hits_many(libraries, request, args.limit)
    items = hit_entries_many(libraries, hits)
    if not args.out:
        write_stream(items, args.format, sys.stdout)
        return 0
    refuse_archives([each.root for each in libraries.values()], Path(args.out))
    bar = ProgressBar("Exporting")
    try:
        written = write(items, args.format, args.out, lambda n, _: bar(n, total))
    finally:
        bar.finish()
    # (Not output.counted: output imports the parser, which imports this module.)
    noun = "article" if written == 1 else "articles"
    print(f"{written:,} {noun} written to {args.out}", file=sys.stderr)
    return 0


def _zipped(out: str) -> bool:
    return Path(out).suffix.lower() == ".zip"


def cite(library: Library, args: argparse.Namespace) -> int:
    """Print one article's citation."""
    issue, article = library.article(args.article_id)
    print(citations.citation(issue, article, args.style))
    return 0
