"""CSV for spreadsheets: one row per article (metadata, the passage, the citation), text kept inert."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO

from reader.model import Progress

if TYPE_CHECKING:
    from reader.library.export_entries import Entry

_FIRST_COLUMNS = (
    "id",
    "date",
    "publication",
    "issue",
    "page",
    "title",
    "title_derived",
    "authors",
    "language",
    "passage",
    "citation",
    "file",
    "archive",
)
# The printed heading's parts beyond the title: the column (栏目) the article ran under, its
# kicker (引题) and subtitle (副题). They came later, so they come last: a script that reads the
# other columns by position reads them where it always did.
HEADING_COLUMNS = ("column", "kicker", "subtitle")
CSV_COLUMNS = (*_FIRST_COLUMNS, *HEADING_COLUMNS)
# A collection's items also carry where they are kept and the reader's note and tags.
KEPT_COLUMNS = (*_FIRST_COLUMNS, "collection", "note", "tags", *HEADING_COLUMNS)


def write_csv(
    items: Iterable[Entry],
    stream: TextIO,
    progress: Progress | None = None,
    columns: tuple[str, ...] = CSV_COLUMNS,
) -> int:
    """Write the entries as CSV with a header row (``columns``, of ``KEPT_COLUMNS``); return how many.

    ``title_derived`` is ``true`` when the title is the article's first words, not its own.
    ``column``, ``kicker`` and ``subtitle`` are empty when the file gives none.
    Authors and tags are joined by ``; ``; the passage is the snippet or the first words.
    Open a file with ``encoding="utf-8-sig", newline=""`` so a spreadsheet reads it as UTF-8.
    """
    writer = csv.writer(stream)
    writer.writerow(columns)
    count = 0
    for item in items:
        issue, article = item.issue, item.article
        cells = {
            "id": article.id,
            "date": item.date.isoformat() if item.date else "",
            "publication": issue.publication,
            "issue": issue.number,
            "page": article.page,
            "title": item.title,
            "title_derived": "true" if article.title_derived else "false",
            "authors": "; ".join(article.authors),
            "language": item.language,
            "passage": item.passage,
            "citation": item.citation,
            "file": item.location,
            "archive": item.archive,
            "collection": item.collection,
            "note": item.note,
            "tags": "; ".join(item.tags),
            "column": article.column,
            "kicker": article.kicker,
            "subtitle": article.subtitle,
        }
        writer.writerow([inert(cells[column]) for column in columns])
        count += 1
        if progress is not None:
            progress(count, 0)
    return count


def inert(cell: str) -> str:
    """A cell a spreadsheet shows as text, never runs: ``'`` before a leading ``=``, ``+``, ``@``.

    Archive text is untrusted: an OCR line ``=HYPERLINK(…)`` must not become a formula. A
    leading ``-`` gets one too unless a space or a plain number follows (``- 1821``, ``-3``
    stay; ``-A1+2`` does not).
    """
    if cell[:1] in ("=", "+", "@", "\t", "\r"):
        return "'" + cell
    if cell[:1] == "-" and cell[1:2] not in ("", " ") and not _is_number(cell):
        return "'" + cell
    return cell


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
