"""The commands that use the search index: ``index`` builds or updates it, ``search`` asks it."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from reader.cli.output import iso, mention_problems, print_json
from reader.cli.progress import ProgressBar
from reader.library import Library, QueryError, SearchResult, snippet_html


def index(library: Library, args: argparse.Namespace) -> int:
    """Build the archive's index, or bring it up to date; say what changed."""
    if args.index_dir:
        library.use_index_dir(args.index_dir)
    bar = ProgressBar("Indexing")
    try:
        stats = library.update_index(progress=bar, rebuild=args.rebuild)
    finally:
        bar.finish()
    where = library.index_dir() if not args.index_dir else args.index_dir
    if args.json:
        return print_json(
            {
                "index_dir": str(where),
                "rebuilt": stats.rebuilt,
                "added": stats.added,
                "changed": stats.changed,
                "removed": stats.removed,
                "articles": stats.articles,
                "seconds": round(stats.seconds, 3),
            }
        )
    if stats.rebuilt:
        done = f"built: {stats.articles:,} articles"
    elif stats.written or stats.removed:
        done = (
            f"updated: {stats.added} issues added, {stats.changed} changed, "
            f"{stats.removed} removed ({stats.articles:,} articles)"
        )
    else:
        done = f"already up to date ({stats.articles:,} articles)"
    print(f"Index {done} in {stats.seconds:.1f} s: {where}")
    mention_problems(library)
    return 0


def search(library: Library, args: argparse.Namespace) -> int:
    """Search the archive (updating its index first): the hits, then counts per year and paper."""
    if args.limit < 0:
        raise QueryError("--limit must be 0 or more")
    if args.index_dir:
        library.use_index_dir(args.index_dir)
    bar = ProgressBar("Indexing")
    try:
        library.ensure_index(progress=bar)
    finally:
        bar.finish()
    result = library.search(args.query, limit=args.limit, sort=args.sort)
    library.close()
    if args.json:
        return print_json(_result_json(result))
    shown = len(result.hits)
    more = f", the first {shown} shown" if shown < result.total else ""
    print(f"{result.total:,} article{'s' if result.total != 1 else ''} found{more}.")
    tty = sys.stdout.isatty()
    for n, hit in enumerate(result.hits, start=1):
        print()
        title = _marked(hit.title, hit.title_spans, tty)
        print(f"{n}. [{title}]" if hit.title_derived else f"{n}. {title}")
        place = [hit.publication, hit.date.isoformat() if hit.date else "undated"]
        if hit.page:
            place.append(f"page {hit.page}")
        print(f"   {' · '.join(place)} · {hit.article_id}")
        if hit.snippet.text:
            print(f"   {_marked(hit.snippet.text, hit.snippet.spans, tty)}")
    if result.total:
        years = " ".join(f"{y} ({c})" for y, c in result.facets.year.items())
        publications = " ".join(f"{p} ({c})" for p, c in result.facets.publication.items())
        print(f"\nBy year: {years}\nBy publication: {publications}")
    return 0


def _marked(text: str, spans: Sequence[tuple[int, int]], tty: bool) -> str:
    """``text`` with its matches in bold on a terminal (unchanged when piped)."""
    if not tty:
        return text.replace("\n", " ")
    parts, last = [], 0
    for start, end in spans:
        parts += [text[last:start], "\x1b[1m", text[start:end], "\x1b[0m"]
        last = end
    parts.append(text[last:])
    return "".join(parts).replace("\n", " ")


def _result_json(result: SearchResult) -> dict[str, Any]:
    return {
        "total": result.total,
        "hits": [
            {
                "article_id": hit.article_id,
                "issue_id": hit.issue_id,
                "publication": hit.publication,
                "date": iso(hit.date),
                "title": hit.title,
                "title_derived": hit.title_derived,
                "page": hit.page or None,
                "snippet": snippet_html(hit.snippet),
                "score": round(hit.score, 4),
            }
            for hit in result.hits
        ],
        "facets": {"year": result.facets.year, "publication": result.facets.publication},
    }
