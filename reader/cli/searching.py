"""The commands that use the search index: ``index`` builds or updates it, ``search`` asks it."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from typing import TYPE_CHECKING, Any

from reader.cli.answering import Answer, answer, answer_now, provisional_line
from reader.cli.argparsing import more_archives
from reader.cli.indexing import elsewhere, ready_archives
from reader.cli.output import counted, iso, mention_problems, print_json, print_json_line
from reader.cli.progress import ProgressBar
from reader.cli.terminal import bold_allowed
from reader.library import Hit, Library, QueryError, SearchResult, snippet_html
from reader.model import ReaderError

if TYPE_CHECKING:
    from reader.library.provisional import Coverage


def index(library: Library, args: argparse.Namespace) -> int:
    """Build the archive's index, or bring it up to date; say what changed."""
    if args.index_dir:
        library.use_index_dir(args.index_dir)
    bar = ProgressBar("Indexing")
    try:
        with elsewhere(args.index_dir):
            stats = library.update_index(progress=bar, rebuild=args.rebuild, workers=args.workers)
    finally:
        bar.finish()
    library.prepare_search()
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
        done = f"built: {counted(stats.articles, 'article')}"
    elif stats.written or stats.removed:
        done = (
            f"updated: {counted(stats.added, 'issue')} added, {stats.changed:,} changed, "
            f"{stats.removed:,} removed ({counted(stats.articles, 'article')})"
        )
    else:
        done = f"already up to date ({counted(stats.articles, 'article')})"
    print(f"Index {done} in {stats.seconds:.1f} s: {where}")
    mention_problems(library)
    return 0


def search(library: Library, args: argparse.Namespace) -> int:
    """Search the archive (updating its index first): the hits, then counts per year and paper.

    ``search PATH PATH … QUERY`` searches several archives as one: the leading words that name
    an existing folder, zip or file are archives (the last word is always the query). With
    ``--no-wait`` an index that is missing or out of date is not built: the answer comes at
    once from what it holds and a scan of the rest, and says so (see :func:`_answer_now`).
    """
    if args.limit < 0:
        raise QueryError("--limit must be 0 or more")
    others, args.query = more_archives(args.query, final=not (args.queries or args.stdin))
    if args.no_wait and others:
        raise QueryError("--no-wait searches one archive: give one PATH")
    if args.budget is not None and (not args.no_wait or args.budget < 0):
        raise QueryError("--budget takes a number of seconds (0 or more), with --no-wait")
    with ExitStack() as stack:
        if args.no_wait:
            ask = answer_now(library, args)
        else:
            libraries = ready_archives(stack, library, args, others)
            ask = answer(library, libraries, args)
        if args.queries or args.stdin:
            return _many(ask, args, library)
        if not args.query:
            raise QueryError("give a QUERY, or --queries FILE, or --stdin")
        result, coverage = ask(" ".join(args.query))
    return show(library, args, result, coverage, bold_allowed(sys.stdout))


def show(
    library: Library,
    args: argparse.Namespace,
    result: SearchResult,
    coverage: Coverage | None,
    bold: bool,
) -> int:
    """Print one search's result as asked (``--json`` or lines; matches in bold or ``[…]``)."""
    if args.json:
        return print_json(_result_json(result, coverage, args.no_wait, _damage(library, args)))
    shown = len(result.hits)
    more = f", the first {shown} shown" if shown < result.total else ""
    print(f"{counted(result.total, 'article')} found{more}.")
    if coverage is not None:
        print(
            provisional_line(coverage, args.path, library.index_available(), library.index_damage())
        )
    for n, hit in enumerate(result.hits, start=1):
        print()
        _print_hit(n, hit, bold)
    if result.total:
        years = " ".join(f"{y} ({c})" for y, c in result.facets.year.items())
        publications = " ".join(f"{p} ({c})" for p, c in result.facets.publication.items())
        print(f"\nBy year: {years}\nBy publication: {publications}")
        if result.facets.archive:
            archives = " ".join(f"{a} ({c})" for a, c in result.facets.archive.items())
            print(f"By archive: {archives}")
    return 0


def _many(ask: Callable[[str], Answer], args: argparse.Namespace, library: Library) -> int:
    """One query a line (from ``--queries FILE`` or stdin), one JSON line each, as it is answered.

    Each line is ``search --json``'s object with the query first; a malformed query gives
    ``{"query": …, "error": …}`` and the others still run (the exit status is then 1).
    """
    if args.query or (args.queries and args.stdin):
        raise QueryError("give the queries one way: QUERY, --queries FILE or --stdin")
    failed = False
    lines = sys.stdin if args.stdin else _lines(args.queries)
    for line in lines:
        query = line.strip()
        if not query:
            continue
        try:
            result, coverage = ask(query)
        except QueryError as exc:
            failed = True
            answer: dict[str, Any] = {"query": query, "error": str(exc)}
        else:
            found = _result_json(result, coverage, args.no_wait, _damage(library, args))
            answer = {"query": query, **found}
        print_json_line(answer)
    return 1 if failed else 0


def _lines(file: str) -> list[str]:
    try:
        with open(file, encoding="utf-8") as handle:
            return handle.readlines()
    except OSError as exc:
        raise ReaderError(f"cannot read the queries in {file}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ReaderError(f"cannot read the queries in {file}: it is not UTF-8 text") from exc


def _print_hit(n: int, hit: Hit, bold: bool) -> None:
    """A hit: its headline, where it is, which parts matched, the matched byline or column, a snippet.

    Matches are bold on a terminal, in ``[…]`` when piped or when NO_COLOR is set.
    """
    if hit.title_derived:
        # A derived title stands in brackets (a title supplied by the cataloguer); piped, its
        # matches go unmarked, as brackets inside brackets would not say which is which.
        print(f"{n}. [{_marked(hit.title, hit.title_spans if bold else (), bold)}]")
    else:
        print(f"{n}. {_marked(hit.title, hit.title_spans, bold)}")
    publication = _marked(hit.publication, hit.spans("publication"), bold)
    place = [publication, hit.date.isoformat() if hit.date else "undated"]
    if hit.page:
        place.append(f"page {hit.page}")
    if hit.archive:
        place.append(hit.archive)
    print(f"   {' · '.join(place)} · {hit.article_id}")
    if hit.matches:
        print(f"   matches in: {', '.join(hit.matched_fields)}")
    for name, label, text in (
        ("kicker", "kicker: ", hit.kicker),
        ("subtitle", "subtitle: ", hit.subtitle),
        ("byline", "by ", hit.byline),
        ("column", "column: ", hit.column),
    ):
        if hit.spans(name):
            print(f"   {label}{_marked(text, hit.spans(name), bold)}")
    if hit.snippet.text:
        print(f"   {_marked(hit.snippet.text, hit.snippet.spans, bold)}")


def _marked(text: str, spans: Sequence[tuple[int, int]], bold: bool) -> str:
    """``text`` on one line, each match in bold (ANSI) or else in ``[…]``."""
    opening, closing = ("\x1b[1m", "\x1b[0m") if bold else ("[", "]")
    parts, last = [], 0
    for start, end in spans:
        parts += [text[last:start], opening, text[start:end], closing]
        last = end
    parts.append(text[last:])
    return "".join(parts).replace("\n", " ")


def _damage(library: Library, args: argparse.Namespace) -> str | None:
    """With ``--no-wait``, why the index was found damaged (None: it was not)."""
    return library.index_damage() if args.no_wait else None


def _result_json(
    result: SearchResult,
    coverage: Coverage | None = None,
    no_wait: bool = False,
    damage: str | None = None,
) -> dict[str, Any]:
    """``search --json``'s object; with ``--no-wait``, whether it is provisional, its coverage,
    and why the index was not searched when it was found damaged (``index_damage``)."""
    facets: dict[str, Any] = {"year": result.facets.year, "publication": result.facets.publication}
    if result.facets.archive:  # several archives searched as one: each hit names its own
        facets["archive"] = result.facets.archive
    provisional: dict[str, Any] = {}
    if no_wait:
        provisional["provisional"] = coverage is not None
        if coverage is not None:
            provisional["coverage"] = {
                "indexed": coverage.indexed,
                "scanned": coverage.scanned,
                "articles": coverage.articles,
            }
        if damage is not None:
            provisional["index_damage"] = damage
    return {
        **provisional,
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
                "kicker": hit.kicker,
                "subtitle": hit.subtitle,
                "byline": hit.byline,
                "column": hit.column,
                "matched_fields": list(hit.matched_fields),
                "matches": {name: [list(span) for span in spans] for name, spans in hit.matches},
                **({"archive": hit.archive} if hit.archive else {}),
            }
            for hit in result.hits
        ],
        "facets": facets,
    }
