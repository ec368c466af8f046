"""The command line: ``issue-reader issues|articles|show|problems``, the same services as the window."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from reader import termtable
from reader.library import Library
from reader.model import Article, Issue, ReaderError

PROG = "issue-reader"
COMMANDS = ("issues", "articles", "show", "problems")


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line on stderr and exits 1, like other errors."""

    def error(self, message: str) -> NoReturn:
        self.exit(1, f"{self.prog}: error: {message} (see '{PROG} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = _Parser(prog=PROG, description="Read and search archives of newspaper issues.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("path", metavar="PATH", help="an archive folder or a single issue file")
        return sub

    issues = command("issues", "List the issues of an archive.")
    issues.add_argument("--json", action="store_true", help="print JSON")
    articles = command("articles", "List the articles of one issue.")
    articles.add_argument("issue_id", metavar="ISSUE_ID")
    articles.add_argument("--json", action="store_true", help="print JSON")
    show = command("show", "Print one article.")
    show.add_argument("article_id", metavar="ARTICLE_ID")
    show.add_argument("--original", action="store_true", help="the text as in the file")
    show.add_argument("--json", action="store_true", help="print JSON")
    problems = command("problems", "List the files that could not be read.")
    problems.add_argument("--json", action="store_true", help="print JSON")
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
    issue = library.issue(args.issue_id)
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
    rows = [{"source": p.source, "reason": p.reason} for p in library.problems]
    if args.json:
        return _print_json(rows)
    if not rows:
        print("No problems: every file was read.")
        return 0
    print(termtable.render(("FILE", "PROBLEM"), [(r["source"], r["reason"]) for r in rows], 80))
    return 0


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


_COMMANDS = {"issues": _issues, "articles": _articles, "show": _show, "problems": _problems}
