"""The matches in an article that its printed pages do not mark, so that the page view says so.

The text pane counts a query's matches in the article's texts; the page view marks those that
fall on printed words. Some fall on none: a title or subtitle the catalogue gives and the page
does not print (a METS title, a made-up "Adv. 1 Page 2"), or text the page's words were aligned
with elsewhere (a title that is also the body's first line is printed once: the title's hit).
The page view cannot show them, and says how many there are instead of counting otherwise
than the text pane without a word.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.library import pages
from reader.library.pages import HitBox

if TYPE_CHECKING:
    from reader.library.library import Library


def unmarked(library: Library, article_id: str, query: str) -> list[tuple[str, int, int]]:
    """The matches of ``query`` in an article on none of its pages: ``(field, start, end)``,
    as :meth:`Library.matches` gives them (none for an empty query).

    Raises:
        NotFound: There is no such article.
        QueryError: The query is malformed.
    """
    return hits_and_unmarked(library, article_id, query)[1]


def hits_and_unmarked(
    library: Library, article_id: str, query: str
) -> tuple[list[tuple[int, HitBox]], list[tuple[str, int, int]]]:
    """The article's hits on its pages (:func:`pages.article_hits`) and its :func:`unmarked`
    matches, from one reading of its matches (the page view wants both).

    Raises:
        NotFound: There is no such article.
        QueryError: The query is malformed.
    """
    matches = library.matches(article_id, query) if query.strip() else []
    hits = pages.article_hits(library, article_id, query, matches)
    marked = {(hit.field, hit.start, hit.end) for _n, hit in hits}
    return hits, [match for match in matches if match not in marked]
