"""A concordance (KWIC): every occurrence of a query in a search's hits, one line each in context.

The query is parsed and matched as the search does (the same folding and word rules:
:func:`reader.index.occurrences`), over the catalogue's text of each hit, so a line's
``start``/``end`` are the offsets the reading pane highlights. Contexts are cut character by
character, never by words or tokens: exact for Chinese. Whitespace is shown as one space, and
none between two wide (CJK) characters, where a line or paragraph break means no space.
The lines themselves, their sorts, merging and CSV are :mod:`reader.library.concordance_lines`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from reader import index
from reader.library.choices import DEFAULT_WIDTH, Order
from reader.library.concordance_lines import Concordance, ConcordanceLine, sorted_lines
from reader.library.context import contexts, flattened
from reader.library.library import Library
from reader.library.placing import field_texts
from reader.library.searching import SearchRequest
from reader.model import NotFound, Progress

__all__ = [
    "DEFAULT_WIDTH",
    "Order",
    "concordance",
    "contexts",
    "flattened",
    "for_search",
    "marked_span",
]

MAX_WIDTH = 500
DEFAULT_LIMIT = 5000
# The parts of an article a line can come from, in reading order (the reading pane's names,
# and the search's for the byline and the column): every part a plain term searches.
FIELDS = ("kicker", "title", "subtitle", "byline", "column", "body")
# Hits are read a page at a time, each page this many times the last (up to the limit).
_FIRST_PAGE = 64
_GROWTH = 8


def concordance(
    library: Library,
    query: str,
    *,
    width: int = DEFAULT_WIDTH,
    limit: int = DEFAULT_LIMIT,
    order: Order = "left",
    whole_words: bool = False,
    years: tuple[str, ...] = (),
    publications: tuple[str, ...] = (),
    months: tuple[str, ...] = (),
    progress: Progress | None = None,
) -> Concordance:
    """The first ``limit`` occurrences of ``query`` in the hits (oldest first), then sorted.

    Args:
        library: The archive, its index built.
        query: A query in the search's language; its positive terms are the ones shown.
        width: Characters of context on each side (1 to ``MAX_WIDTH``).
        limit: At most this many lines (taken in date order before sorting).
        order: ``left`` (the left context read leftwards from the match), ``right`` or ``date``.
        whole_words: Cut a Latin context at a word's edge rather than inside the word.
        years, publications, months: Narrow the hits as the search does.
        progress: Called with (articles read, articles found); may raise Cancelled.

    Raises:
        QueryError: The query is malformed.
        IndexUnavailable: There is no index to search.
    """
    if not 1 <= width <= MAX_WIDTH:
        raise ValueError(f"width must be 1 to {MAX_WIDTH}, not {width}")
    found = _Hits(library, query, years, publications, months)
    lines: list[ConcordanceLine] = []
    for hit in found.hits(limit):
        lines += article_lines(library, hit, query, width, whole_words)
        if progress is not None:
            progress(found.read, found.total)
        if len(lines) >= limit:
            break
    complete = len(lines) <= limit and found.read == found.total
    shown = sorted_lines(lines[: max(limit, 0)], order)
    return Concordance(query, tuple(shown), found.total, found.read, complete)


class _Hits:
    """A search's hits, oldest first, fetched a growing page at a time (no hit read twice)."""

    def __init__(
        self,
        library: Library,
        query: str,
        years: tuple[str, ...],
        publications: tuple[str, ...],
        months: tuple[str, ...],
    ) -> None:
        narrow = {"years": years, "publications": publications, "months": months}
        self._search: Callable[[int], index.SearchResult] = lambda n: library.search(
            query, limit=n, sort="oldest", **narrow
        )
        self.total = self._search(0).total
        self.read = 0

    def hits(self, limit: int) -> Iterator[index.Hit]:
        """The hits in date order (print order within an issue), about ``limit`` at most."""
        # Each hit gives a line at least (nearly always), so ``limit`` hits are enough.
        wanted = min(self.total, max(limit, 0))
        page = _FIRST_PAGE
        while self.read < wanted:
            page = min(page, wanted)
            # The order is total (date, then the index's order), so a longer page of the
            # same search begins with the shorter one's hits.
            for hit in self._search(page).hits[self.read :]:
                self.read += 1
                yield hit
            page *= _GROWTH


def article_lines(
    library: Library, hit: index.Hit, query: str, width: int, whole_words: bool = False
) -> list[ConcordanceLine]:
    """The lines of one hit, in reading order; none when the archive no longer has it."""
    try:
        _issue, article = library.article(hit.article_id)
    except NotFound:
        return []  # the index predates a change: the next update drops it
    texts = field_texts(article)
    found = index.occurrences(query, texts)
    lines = []
    for name in FIELDS:
        text = texts[name]
        for start, end in found.get(name, ()):
            left, match, right = contexts(text, start, end, width, whole_words)
            lines.append(
                ConcordanceLine(
                    hit.article_id,
                    hit.issue_id,
                    hit.date,
                    hit.publication,
                    hit.title,
                    left,
                    match,
                    right,
                    name,
                    start,
                    end,
                )
            )
    return lines


def for_search(
    library: Library,
    request: SearchRequest,
    *,
    width: int = DEFAULT_WIDTH,
    limit: int = DEFAULT_LIMIT,
    progress: Progress | None = None,
) -> Concordance:
    """The concordance of a search as the window shows it (its query and its narrowing)."""
    return concordance(
        library,
        request.query,
        width=width,
        limit=limit,
        order="date",
        years=(request.year,) if request.year else (),
        publications=(request.publication,) if request.publication else (),
        months=(request.month,) if request.month else (),
        progress=progress,
    )


def marked_span(
    library: Library, line: ConcordanceLine, query: str, body: str | None = None
) -> tuple[str, int, int] | None:
    """The match a reading pane marks for ``line``: one of :meth:`Library.matches`.

    The pane marks touching matches as one, and with ``body`` (the original text) counts in
    another text: the line's match is found by its place among the marks of its field.
    None when the article or its match is gone.
    """
    try:
        marks = [m for m in library.matches(line.article_id, query) if m[0] == line.field]
        shown = [
            m for m in library.matches(line.article_id, query, body=body) if m[0] == line.field
        ]
    except NotFound:
        return None
    place = next((n for n, m in enumerate(marks) if m[1] <= line.start < m[2]), None)
    return shown[place] if place is not None and place < len(shown) else None
