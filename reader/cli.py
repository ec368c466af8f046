"""The command line: ``issue-reader issues|articles|show|problems|index|search``, like the window."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from reader import __version__, index, termtable
from reader.library import Library
from reader.model import Article, Issue, NotFound, ReaderError
from reader.progress import ProgressBar

PROG = "issue-reader"
COMMANDS = ("issues", "articles", "show", "problems", "index", "search")


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line on stderr and exits 1, like other errors."""

    def error(self, message: str) -> NoReturn:
        self.exit(1, f"{self.prog}: error: {message} (see '{PROG} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = _Parser(
        prog=PROG,
        description="Read and search archives of newspaper issues.",
        epilog=f"Without a command, '{PROG} [PATH]' opens the window on PATH "
        "(or on the archive read last).",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("path", metavar="PATH", help="an archive folder or a single issue file")
        return sub

    issues = command("issues", "List the issues of an archive.")
    issues.add_argument("--json", action="store_true", help="print JSON")
    articles = command("articles", "List the articles of one issue.")
    articles.add_argument(
        "issue_id", metavar="ISSUE", help="an issue id, or its date (2022-09-19) or number (1810)"
    )
    articles.add_argument("--json", action="store_true", help="print JSON")
    show = command("show", "Print one article.")
    show.add_argument("article_id", metavar="ARTICLE_ID")
    show.add_argument("--original", action="store_true", help="the text as in the file")
    show.add_argument("--json", action="store_true", help="print JSON")
    problems = command("problems", "List the files that could not be read.")
    problems.add_argument("--json", action="store_true", help="print JSON")
    index_cmd = command("index", "Build the search index of an archive, or bring it up to date.")
    index_cmd.add_argument("--rebuild", action="store_true", help="build it again from scratch")
    index_cmd.add_argument("--index-dir", metavar="DIR", help="keep the index in DIR")
    index_cmd.add_argument("--json", action="store_true", help="print JSON")
    search = command("search", "Search an archive (its index is built or updated first).")
    search.add_argument("query", metavar="QUERY", help='words, "phrases", OR, -word, title:…')
    search.add_argument("--limit", type=int, default=20, metavar="N", help="show N hits")
    search.add_argument("--sort", choices=index.SORTS, default="relevance")
    search.add_argument("--index-dir", metavar="DIR", help="the index is in DIR")
    search.add_argument("--json", action="store_true", help="print JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return the process exit code (1 for any error)."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # --help (0) or a usage error (1), already printed
        return exc.code if isinstance(exc.code, int) else 1
    try:
        library = Library.open(args.path)
        return _COMMANDS[args.command](library, args)
    except ReaderError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # `issue-reader issues big | head` closes the pipe early: not an error worth a traceback.
        sys.stderr.close()
        return 0


def _issues(library: Library, args: argparse.Namespace) -> int:
    rows = [_issue_json(issue) for issue in library.issues]
    if args.json:
        return _print_json(rows)
    table = [
        (
            r["id"],
            r["publication"],
            r["date"] or "-",
            r["number"] or "-",
            str(r["articles"]),
            termtable.clip_left(r["source"], 48),
        )
        for r in rows
    ]
    print(termtable.render(("ID", "PUBLICATION", "DATE", "NO.", "ARTICLES", "SOURCE"), table))
    _mention_problems(library)
    return 0


def _articles(library: Library, args: argparse.Namespace) -> int:
    issue = _find_issue(library, args.issue_id)
    rows = [_article_json(article) for article in issue.articles]
    if args.json:
        return _print_json(rows)
    print(f"{issue.publication}  {issue.label}  ({len(rows)} articles)\n")
    table = [
        (
            r["id"],
            r["page"] or "-",
            r["title"] + ("" if a.has_text else "  [no text]"),
            r["kicker"],
            r["column"],
            " ".join(r["authors"]),
        )
        for r, a in zip(rows, issue.articles, strict=True)
    ]
    print(termtable.render(("ID", "PAGE", "TITLE", "KICKER", "COLUMN", "AUTHORS"), table, 40))
    return 0


def _find_issue(library: Library, wanted: str) -> Issue:
    """The issue with id ``wanted``, or else the one issue of that date or printed number."""
    try:
        return library.issue(wanted)
    except NotFound:
        pass
    number = wanted.strip().removeprefix("总").removesuffix("期")
    found = [
        issue
        for issue in library.issues
        if (issue.date and issue.date.isoformat() == wanted) or (number and issue.number == number)
    ]
    if len(found) == 1:
        return found[0]
    if found:
        ids = ", ".join(issue.id for issue in found[:5])
        raise NotFound(f"{len(found)} issues match {wanted!r}; name one by its id: {ids}")
    raise NotFound(f"no issue with id, date or number {wanted!r} in this archive")


def _show(library: Library, args: argparse.Namespace) -> int:
    issue, article = library.article(args.article_id)
    original = library.original_text(article.id) if args.original else None
    if args.json:
        data = _article_json(article) | {
            "issue_id": issue.id,
            "publication": issue.publication,
            "date": _iso(issue.date),
            "issue_number": issue.number,
            "article_date": _iso(article.date),
            "language": article.language,
            "has_text": article.has_text,
            "paragraphs": list(article.paragraphs),
        }
        if original is not None:
            data["original"] = original
        return _print_json(data)
    head = [issue.publication, issue.label]
    if article.page:
        head.append(f"page {article.page}")
    print(" · ".join(head))
    print()
    if article.column:
        print(f"【{article.column}】")
    if article.kicker:
        print(article.kicker)
    print(article.title)
    if article.subtitle:
        print(f"—— {article.subtitle}")
    if article.authors:
        print(" ".join(article.authors))
    print()
    if original is not None:
        print(original)
    elif article.has_text:
        print("\n\n".join(article.paragraphs))
    else:
        print("(The text of this article was lost: only its headline survives.)")
    return 0


def _problems(library: Library, args: argparse.Namespace) -> int:
    rows = [{"source": p.source, "code": p.code, "reason": p.reason} for p in library.problems]
    if args.json:
        return _print_json(rows)
    if not rows:
        print("No problems: every file was read.")
        return 0
    print(termtable.render(("FILE", "PROBLEM"), [(r["source"], r["reason"]) for r in rows], 80))
    return 0


def _index(library: Library, args: argparse.Namespace) -> int:
    if args.index_dir:
        library.use_index_dir(args.index_dir)
    bar = ProgressBar("Indexing")
    try:
        stats = library.update_index(progress=bar, rebuild=args.rebuild)
    finally:
        bar.finish()
    where = library.index_dir() if not args.index_dir else args.index_dir
    if args.json:
        return _print_json(
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
    _mention_problems(library)
    return 0


def _search(library: Library, args: argparse.Namespace) -> int:
    if args.limit < 0:
        raise index.QueryError("--limit must be 0 or more")
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
        return _print_json(_result_json(result))
    shown = len(result.hits)
    more = f", the first {shown} shown" if shown < result.total else ""
    print(f"{result.total:,} article{'s' if result.total != 1 else ''} found{more}.")
    tty = sys.stdout.isatty()
    for n, hit in enumerate(result.hits, start=1):
        print()
        print(f"{n}. {_marked(hit.title, hit.title_spans, tty)}")
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


def _result_json(result: index.SearchResult) -> dict[str, Any]:
    return {
        "total": result.total,
        "hits": [
            {
                "article_id": hit.article_id,
                "issue_id": hit.issue_id,
                "publication": hit.publication,
                "date": _iso(hit.date),
                "title": hit.title,
                "page": hit.page or None,
                "snippet": index.snippet_html(hit.snippet),
                "score": round(hit.score, 4),
            }
            for hit in result.hits
        ],
        "facets": {"year": result.facets.year, "publication": result.facets.publication},
    }


def _mention_problems(library: Library) -> None:
    if library.problems:
        count = len(library.problems)
        print(
            f"\n{count} file{'s' if count != 1 else ''} could not be read: "
            f"see '{PROG} problems {library.root}'",
            file=sys.stderr,
        )


def _issue_json(issue: Issue) -> dict[str, Any]:
    return {
        "id": issue.id,
        "publication": issue.publication,
        "date": _iso(issue.date),
        "number": issue.number or None,
        "articles": len(issue.articles),
        "source": issue.source,
    }


def _article_json(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "kicker": article.kicker,
        "subtitle": article.subtitle,
        "column": article.column,
        "authors": list(article.authors),
        "page": article.page or None,
    }


def _iso(date: Any) -> str | None:
    return date.isoformat() if date else None


def _print_json(data: object) -> int:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


_COMMANDS = {
    "issues": _issues,
    "articles": _articles,
    "show": _show,
    "problems": _problems,
    "index": _index,
    "search": _search,
}
