"""What the commands print alike: JSON, the rows of issues and articles, the note on problems."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import TYPE_CHECKING, Any

from reader.cli.parser import PROG
from reader.library.unreadable import files_and_folders
from reader.model import Article, Issue, printable

if TYPE_CHECKING:  # only a type here; the commands that run import the library
    from reader.library import Library


def print_json(data: object) -> int:
    """Print ``data`` as indented JSON (CJK as is) and return the exit code 0.

    File names that are not valid UTF-8 print with U+FFFD: JSON text is Unicode.
    """
    json.dump(_printable(data), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def print_json_line(data: object) -> None:
    """Print ``data`` as JSON on one line (CJK as is), at once: a script reads it as it comes."""
    json.dump(_printable(data), sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    sys.stdout.flush()


def counted(count: int, noun: str, plural: str = "") -> str:
    """``1 article``, ``2 articles``, ``1,234 issues``: a count and its noun, singular for one.

    Args:
        count: How many.
        noun: The singular (``article``).
        plural: The plural when it is not ``noun`` + ``s`` (``problems`` needs none).
    """
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"


def _printable(data: object) -> object:
    if isinstance(data, str):
        return printable(data)
    if isinstance(data, dict):
        return {printable(str(key)): _printable(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [_printable(item) for item in data]
    return data


def iso(date: dt.date | None) -> str | None:
    """A date as ``2022-09-19``, None for none."""
    return date.isoformat() if date else None


def issue_label(issue: Issue) -> str:
    """``2022-09-19 · 总1810期``: the date and the numbers as printed (``No. 1810`` if bare)."""
    parts = [iso(issue.date) or "undated"]
    if issue.numbers_printed:
        parts.append(" ".join(issue.numbers_printed))
    elif issue.number:
        parts.append(f"No. {issue.number}")
    return " · ".join(parts)


def shown_title(article: Article) -> str:
    """An article's title as printed: in brackets when made from its first words."""
    return f"[{article.title}]" if article.title_derived else article.title


def issue_json(issue: Issue) -> dict[str, Any]:
    """An issue as a JSON row of ``issues``."""
    return {
        "id": issue.id,
        "publication": issue.publication,
        "date": iso(issue.date),
        "number": issue.number or None,
        "articles": len(issue.articles),
        "source": issue.source,
    }


def article_json(article: Article) -> dict[str, Any]:
    """An article as a JSON row of ``articles`` (``show`` adds to it)."""
    return {
        "id": article.id,
        "title": article.title,
        "title_derived": article.title_derived,
        "kicker": article.kicker,
        "subtitle": article.subtitle,
        "column": article.column,
        "authors": list(article.authors),
        "page": article.page or None,
    }


def mention_problems(library: Library) -> None:
    """Say on stderr how many files (and folders) could not be read, and how to list them."""
    if library.problems:
        files, folders = files_and_folders(p.source for p in library.problems)
        what = " and ".join(
            counted(n, noun) for n, noun in ((files, "file"), (folders, "folder")) if n
        )
        print(
            f"\n{what} could not be read: see '{PROG} problems {printable(str(library.path))}'",
            file=sys.stderr,
        )
