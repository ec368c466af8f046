"""A concordance's lines as values: the line and result types, their sort orders, merging, CSV.

Finding the lines in an archive's hits is :mod:`reader.library.concordance`; what is done with
them after (the window's column sorts, several archives' concordances merged into one, the
command line's CSV) needs the lines only, and is here.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any, TextIO

from reader.library.choices import ORDERS, Order


@dataclass(frozen=True)
class ConcordanceLine:
    """One occurrence: ``left`` + ``match`` + ``right`` as shown, and where it is.

    ``field`` is ``kicker``, ``title``, ``subtitle``, ``byline``, ``column`` or ``body``;
    ``start`` and ``end`` are Python ``str`` offsets of the match in that part of the article
    (``body``: ``Article.text``; ``byline``: the authors as search shows them, one line).
    ``match`` is the matched text with its whitespace shown as the context's is. ``archive``
    is the key of the line's archive when several are read as one (empty otherwise): article
    ids are unique in one archive only.
    """

    article_id: str
    issue_id: str
    date: dt.date | None
    publication: str
    title: str
    left: str
    match: str
    right: str
    field: str
    start: int
    end: int
    archive: str = ""


@dataclass(frozen=True)
class Concordance:
    """The lines of one query, and how much of the search they cover.

    Attributes:
        query: The query.
        lines: The lines, in the order asked for.
        articles: How many articles the search found (all of them).
        articles_read: How many of those the lines were taken from (in date order).
        complete: Whether every occurrence in every article found is among the lines.
    """

    query: str
    lines: tuple[ConcordanceLine, ...]
    articles: int
    articles_read: int
    complete: bool


def sorted_lines(
    lines: Iterable[ConcordanceLine], order: Order, collate: Callable[[str], Any] = str.casefold
) -> list[ConcordanceLine]:
    """``lines`` in ``order``: ``left``, ``right`` or ``date``.

    ``left`` sorts on the left context read leftwards from the match, then the match, the
    right context and the date; ``right`` on the right context, the match, the left context
    read leftwards and the date; ``date`` keeps the lines of one day in reading order.

    ``collate`` makes a text's sort key (from the text without its outer spaces): by default
    letters compare without case and characters by code point; the window passes a
    collator's key, so Chinese sorts by pinyin. The sort is stable: equal lines keep their order.
    """

    def key(text: str) -> Any:
        return collate(text.strip())

    def leftwards(line: ConcordanceLine) -> Any:
        """The left context read from the match leftwards: what a left sort compares."""
        return collate(line.left.strip()[::-1])

    if order == "left":
        return sorted(lines, key=lambda x: (leftwards(x), key(x.match), key(x.right), _day(x)))
    if order == "right":
        return sorted(lines, key=lambda x: (key(x.right), key(x.match), leftwards(x), _day(x)))
    if order == "date":
        return sorted(lines, key=_day)
    raise ValueError(f"order must be one of {', '.join(ORDERS)}, not {order!r}")


def _day(line: ConcordanceLine) -> tuple[int, int]:
    """Dated lines first, oldest first; undated ones last."""
    return (0, line.date.toordinal()) if line.date else (1, 0)


CSV_COLUMNS = tuple(f.name for f in fields(ConcordanceLine))


def shown_field(field: str) -> str:
    """A line's field as the exports and ``search --json`` name it: the article's text is
    ``text`` there (``body`` here, as in :meth:`Library.matches`)."""
    return "text" if field == "body" else field


def merged_concordance(
    query: str, parts: Mapping[str, Concordance], limit: int, order: Order = "date"
) -> Concordance:
    """One concordance of several archives' (key → its own, each in date order), cut at
    ``limit`` oldest first as one archive's is, then in ``order``; each line names its archive.
    """
    lines = [replace(line, archive=key) for key, part in parts.items() for line in part.lines]
    merged = sorted_lines(lines, "date")
    kept = merged[: max(limit, 0)]
    return Concordance(
        query,
        tuple(kept if order == "date" else sorted_lines(kept, order)),
        sum(part.articles for part in parts.values()),
        sum(part.articles_read for part in parts.values()),
        all(part.complete for part in parts.values()) and len(merged) <= limit,
    )


def write_csv(lines: Sequence[ConcordanceLine], stream: TextIO) -> None:
    """Write ``lines`` as CSV with a header row (``CSV_COLUMNS``); dates as ISO, undated empty."""
    writer = csv.writer(stream)
    writer.writerow(CSV_COLUMNS)
    for line in lines:
        row = [getattr(line, name) for name in CSV_COLUMNS]
        row[CSV_COLUMNS.index("date")] = line.date.isoformat() if line.date else ""
        row[CSV_COLUMNS.index("field")] = shown_field(line.field)
        writer.writerow(row)
