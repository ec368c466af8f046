"""The commands that read an archive's catalogue: ``issues``, ``articles``, ``show``, ``problems``."""

from __future__ import annotations

import argparse
import sys

from reader.cli import aliases, tables, terminal
from reader.cli.output import (
    article_json,
    counted,
    iso,
    issue_json,
    issue_label,
    mention_problems,
    print_json,
    shown_title,
)
from reader.library import Library
from reader.model import printable


def issues(library: Library, args: argparse.Namespace) -> int:
    """List the issues of the archive."""
    rows = [issue_json(issue) for issue in library.issues]
    if args.json:
        return print_json(rows)
    table = [
        (
            r["id"],
            r["publication"],
            r["date"] or "-",
            r["number"] or "-",
            str(r["articles"]),
            tables.clip_left(r["source"], 48),
        )
        for r in rows
    ]
    if table:
        print(tables.render(("ID", "PUBLICATION", "DATE", "NO.", "ARTICLES", "SOURCE"), table))
    else:
        print(f"No issue found in {printable(str(library.path))}.")
    mention_problems(library)
    return 0


def articles(library: Library, args: argparse.Namespace) -> int:
    """List the articles of one issue, named by its id, date or printed number."""
    issue = library.find_issue(args.issue_id)
    rows = [article_json(article) for article in issue.articles]
    if args.json:
        return print_json(rows)
    print(f"{issue.publication}  {issue_label(issue)}  ({counted(len(rows), 'article')})\n")
    table = [
        (
            r["id"],
            r["page"] or "-",
            shown_title(a) + ("" if a.has_text else "  [no text]"),
            r["kicker"],
            r["column"],
            " ".join(r["authors"]),
        )
        for r, a in zip(rows, issue.articles, strict=True)
    ]
    print(tables.render(("ID", "PAGE", "TITLE", "KICKER", "COLUMN", "AUTHORS"), table, 40))
    return 0


def show(library: Library, args: argparse.Namespace) -> int:
    """Print one article: its head, then its text (or the text as in its file)."""
    issue, article = library.article(args.article_id)
    original = library.original_text(article.id) if args.original else None
    if args.json:
        data = article_json(article) | {
            "issue_id": issue.id,
            "publication": issue.publication,
            "date": iso(issue.date),
            "issue_number": issue.number,
            "article_date": iso(article.date),
            "language": article.language,
            "has_text": article.has_text,
            "paragraphs": list(article.paragraphs),
        }
        if original is not None:
            data["original"] = original
        return print_json(data)
    head = [issue.publication, issue_label(issue)]
    if article.page:
        head.append(f"page {article.page}")
    print(" · ".join(head))
    print()
    if article.column:
        print(f"【{article.column}】")
    if article.kicker:
        print(article.kicker)
    print(shown_title(article))
    if article.subtitle:
        print(f"—— {article.subtitle}")
    if article.authors:
        print(" ".join(article.authors))
    print()
    if original is not None:
        print(original)
    elif article.has_text:
        print("\n\n".join(article.paragraphs))
    elif article.headline:
        print("(The text of this article was lost: only its headline survives.)")
    else:
        # A page with no text layer (a plain scan) is an article with neither.
        print("(No text: the file has none for this page, e.g. a scan without a text layer.)")
    return 0


def problems(library: Library, args: argparse.Namespace) -> int:
    """List the files that could not be read, and why."""
    rows = [{"source": p.source, "code": p.code, "reason": p.reason} for p in library.problems]
    if args.json:
        return print_json(aliases.suggestion_rows(library) + rows)
    aliases.print_suggestions(library)
    copies = len(library.duplicates)
    # Copies are no problem, but a reader counting files should learn why some were not read.
    skipped = f"{counted(copies, 'duplicate copy', 'duplicate copies')} skipped" if copies else ""
    if not rows:
        print(
            f"No problems ({skipped}): every issue was read once."
            if skipped
            else "No problems: every file was read."
        )
        return 0
    reasons = [(r["source"], r["reason"]) for r in rows]
    print(tables.render_reasons(("FILE", "PROBLEM"), reasons, terminal.columns(sys.stdout)))
    if skipped:
        print(f"\n{skipped}: each issue was read once.")
    return 0
