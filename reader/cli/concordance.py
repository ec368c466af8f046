"""The ``kwic`` command: every occurrence of a query in the hits, one aligned line each."""

from __future__ import annotations

import argparse
import sys
from contextlib import ExitStack

from reader.cli.argparsing import more_archives
from reader.cli.indexing import ready_archives
from reader.cli.output import counted, iso, print_json
from reader.cli.tables import width
from reader.cli.terminal import bold_allowed
from reader.library import Library, QueryError
from reader.library.concordance import MAX_WIDTH, concordance
from reader.library.concordance_lines import (
    Concordance,
    ConcordanceLine,
    merged_concordance,
    shown_field,
    write_csv,
)
from reader.model import printable


def kwic(library: Library, args: argparse.Namespace) -> int:
    """Print the concordance of the query (the index is built or updated first)."""
    if args.limit < 0:
        raise QueryError("--limit must be 0 or more")
    if not 1 <= args.width <= MAX_WIDTH:
        raise QueryError(f"--width must be 1 to {MAX_WIDTH}")
    others, words = more_archives(args.query, final=True)
    with ExitStack() as stack:
        libraries = ready_archives(stack, library, args, others)
        found = _lines(libraries, " ".join(words), args)
    if args.csv:
        write_csv(found.lines, sys.stdout)
        if not found.complete:
            print(_summary(found), file=sys.stderr)  # CSV has no place to say so
        return 0
    if args.json:
        return print_json(_json(found))
    print(_summary(found))
    for text in aligned(found.lines, bold_allowed(sys.stdout)):
        print(text)
    return 0


def _lines(libraries: dict[str, Library], query: str, args: argparse.Namespace) -> Concordance:
    """The concordance over ``libraries`` (for several, each line names its archive).

    Each archive gives its first ``--limit`` lines, oldest first; together they are cut at the
    limit in date order, then sorted as asked, as for one archive.
    """
    parts = {
        key: concordance(
            each,
            query,
            width=args.width,
            limit=args.limit,
            order="date" if len(libraries) > 1 else args.sort,
            whole_words=args.whole_words,
        )
        for key, each in libraries.items()
    }
    if len(parts) == 1:
        return next(iter(parts.values()))
    return merged_concordance(query, parts, args.limit, args.sort)


def _summary(found: Concordance) -> str:
    lines = counted(len(found.lines), "line")
    articles = counted(found.articles, "article")
    if found.complete:
        return f"{lines} in {articles}."
    return f"The first {lines}, from {found.articles_read:,} of {articles} (see --limit)."


def aligned(lines: tuple[ConcordanceLine, ...], bold: bool = False) -> list[str]:
    """Each line as ``date  left  match  right``, the matches in one column.

    Columns are counted as a terminal shows them: a wide (CJK) character takes two. A line
    from another part than the text (the title, the byline, the column…) ends with that
    part's name in brackets, ``[column]``, as ``--json`` names it.
    """
    lefts = [printable(line.left) for line in lines]
    matches = [printable(line.match) for line in lines]
    left_columns = max((width(text) for text in lefts), default=0)
    match_columns = max((width(text) for text in matches), default=0)
    opening, closing = ("\x1b[1m", "\x1b[0m") if bold else ("", "")
    out = []
    for line, left, match in zip(lines, lefts, matches, strict=True):
        day = iso(line.date) or "undated"
        padded_left = " " * (left_columns - width(left)) + left
        padded_match = match + " " * (match_columns - width(match))
        right = printable(line.right)
        text = f"{day:<10}  {padded_left}  {opening}{padded_match}{closing}  {right}".rstrip()
        out.append(text if line.field == "body" else f"{text}  [{shown_field(line.field)}]")
    return out


def _json(found: Concordance) -> dict[str, object]:
    return {
        "query": found.query,
        "articles": found.articles,
        "articles_read": found.articles_read,
        "complete": found.complete,
        "lines": [
            {
                "article_id": line.article_id,
                "issue_id": line.issue_id,
                "date": iso(line.date),
                "publication": line.publication,
                "title": line.title,
                "left": line.left,
                "match": line.match,
                "right": line.right,
                "field": shown_field(line.field),
                "start": line.start,
                "end": line.end,
                **({"archive": line.archive} if line.archive else {}),
            }
            for line in found.lines
        ],
    }
