"""What an export writes: one entry per article, made from article ids, search hits or a whole search.

The writers (:mod:`reader.library.export`, with ``spreadsheet``, ``bibliography`` and
``corpus``) take these entries as an iterable and never ask what they came from. Everything
streams: an entry is made when the writer asks for it, and a search's hits are read a page at a
time (:func:`search_entries`), so exporting every hit of a large search never holds all of
them at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from reader.index import Hit
from reader.library.citations import citation, cited_title, day_of, is_chinese
from reader.library.library import Library
from reader.library.searching import SearchRequest, narrowing
from reader.model import Article, Issue, NotFound

# How much of an article stands in for a snippet when there is no search: its first words.
FIRST_WORDS = 200
# Hits are read a page at a time, each page this many times the last.
_FIRST_PAGE = 100
_GROWTH = 4


@dataclass(frozen=True)
class Entry:
    """One exported article: the issue and article, and a passage (the snippet, or first words).

    ``location`` is where the article's file is on disk (an absolute path; inside a zip
    archive, the zip), ``archive`` the archive's folder or file name. An article kept in a
    collection also carries the collection's name and the reader's note and tags.
    """

    issue: Issue
    article: Article
    passage: str
    location: str
    archive: str
    collection: str = ""
    note: str = ""
    tags: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        """The title, or the stand-in for an untitled article."""
        return self.article.title or self.article.headline

    @property
    def cited_title(self) -> str:
        """The title a bibliographic entry gives: one from the first words in ``[…]``."""
        return cited_title(self.article)

    @property
    def date(self) -> dt.date | None:
        """The day of publication."""
        return day_of(self.issue, self.article)

    @property
    def language(self) -> str:
        """The article's language code (``zh`` when only its characters say Chinese), or ""."""
        if self.article.language:
            return self.article.language
        return "zh" if is_chinese(self.article, self.issue) else ""

    @property
    def citation(self) -> str:
        """The citation in the article's own style (GB/T 7714 or Chicago)."""
        return citation(self.issue, self.article)


def entry(library: Library, article_id: str, passage: str | None = None) -> Entry:
    """The entry of one article (``passage`` None: its first words).

    Raises:
        NotFound: There is no such article.
    """
    issue, article = library.article(article_id)
    root = library.root
    # A zip archive's articles are inside the zip: the zip is where they are on disk.
    inside = root / article.source if article.source and not root.is_file() else root
    location = str(inside)
    words = passage if passage is not None else first_words(article.text)
    return Entry(issue, article, words, location, root.name)


def entries(library: Library, article_ids: Iterable[str]) -> Iterator[Entry]:
    """The entries of these articles in order; an id the archive no longer has is left out."""
    for article_id in article_ids:
        try:
            yield entry(library, article_id)
        except NotFound:
            continue


def hit_entries(library: Library, hits: Iterable[Hit]) -> Iterator[Entry]:
    """The entries of search hits, each with its snippet; a hit gone from the archive is left out."""
    for hit in hits:
        try:
            yield entry(library, hit.article_id, " ".join(hit.snippet.text.split()))
        except NotFound:  # the index predates a change: the next update drops it
            continue


def search_hits(
    library: Library, request: SearchRequest, limit: int | None = None
) -> tuple[int, Iterator[Hit]]:
    """How many hits a search has (at most ``limit``), and the hits, read a page at a time.

    The order is the request's; every order is total (ties go by the index's order), so a
    longer page of the same search begins with the shorter one's hits.

    Raises:
        QueryError: The query is malformed.
        IndexUnavailable: There is no index to search.
    """
    narrow = narrowing(request)
    total = library.search(request.query, limit=0, sort=request.sort, **narrow).total
    wanted = total if limit is None else min(total, max(limit, 0))

    def pages() -> Iterator[Hit]:
        read = 0
        page = _FIRST_PAGE
        while read < wanted:
            page = min(page, wanted)
            found = library.search(request.query, limit=page, sort=request.sort, **narrow)
            for hit in found.hits[read:]:
                read += 1
                yield hit
            if len(found.hits) < page:
                return  # the index changed under us: fewer hits than counted
            page *= _GROWTH

    return wanted, pages()


def search_entries(
    library: Library, request: SearchRequest, limit: int | None = None
) -> tuple[int, Iterator[Entry]]:
    """How many hits a search exports (at most ``limit``), and their entries, streamed."""
    total, hits = search_hits(library, request, limit)
    return total, hit_entries(library, hits)


def first_words(text: str, size: int = FIRST_WORDS) -> str:
    """The first ``size`` characters of ``text``, whitespace made single spaces, cut at a space.

    A Chinese text has no spaces to cut at: it is cut at ``size``. ``…`` marks a cut.
    """
    flat = " ".join(text.split())
    if len(flat) <= size:
        return flat
    cut = flat[:size]
    space = cut.rfind(" ")
    if space > size // 2:
        cut = cut[:space]
    return cut.rstrip() + "…"
