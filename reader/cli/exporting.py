"""The ``export`` command (a search's hits as CSV, RIS, CSL-JSON, BibTeX or text files) and ``cite``."""

from __future__ import annotations

import argparse
import sys

from reader.cli.indexing import ready_index
from reader.cli.progress import ProgressBar
from reader.library import Library, QueryError, citations
from reader.library.export import FILE_FORMATS, export, search_entries, write_stream
from reader.library.searching import SearchRequest


def export_hits(library: Library, args: argparse.Namespace) -> int:
    """Export the hits of the query (the index is built or updated first)."""
    if args.limit is not None and args.limit < 0:
        raise QueryError("--limit must be 0 or more")
    if args.format not in FILE_FORMATS and not args.out:
        raise QueryError(f"--format {args.format} writes a folder or a .zip: give --out")
    ready_index(library, args.index_dir)
    request = SearchRequest(" ".join(args.query), sort=args.sort)
    total, items = search_entries(library, request, args.limit)
    if not args.out:
        write_stream(items, args.format, sys.stdout)
        return 0
    bar = ProgressBar("Exporting")
    try:
        written = export(library, items, args.format, args.out, lambda n, _: bar(n, total))
    finally:
        bar.finish()
    # (Not output.counted: output imports the parser, which imports this module.)
    noun = "article" if written == 1 else "articles"
    print(f"{written:,} {noun} written to {args.out}", file=sys.stderr)
    return 0


def cite(library: Library, args: argparse.Namespace) -> int:
    """Print one article's citation."""
    issue, article = library.article(args.article_id)
    print(citations.citation(issue, article, args.style))
    return 0
