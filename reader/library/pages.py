"""A page as the page view and ``issue-reader page`` show it: image size, regions, words, hits.

Everything here is in image pixels (the scan's, or a PDF page rendered at
:data:`reader.library.images.PDF_DPI`): the page's own coordinates are scaled by
:meth:`reader.model.Page.scale_to`. The window and the command line both call these
functions, so they draw the same boxes. Text offsets are Python ``str`` offsets (the window
converts them to Qt's UTF-16 units at its boundary).

A page is read (its layout) and its words aligned with its articles' texts once, then kept
in a small cache per library: a page is shown, searched, clicked, in that order.
"""

from __future__ import annotations

import dataclasses
import threading
import weakref
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.formats.registry import page_source
from reader.library import images
from reader.library.placing import WordIndex, WordPlace, field_texts, place_words
from reader.model import Article, Box, CorruptArchive, Issue, NotFound, Page, Reason, Region, Word

if TYPE_CHECKING:
    from reader.library.library import Library

# Pages kept read and aligned, per library (a few: a page is shown, searched, then clicked).
CACHED_PAGES = 6


@dataclass(frozen=True)
class HitBox:
    """One match of a query on the page: the matched text and the boxes of its words.

    ``field`` is the article part the match is in (``title``, ``body``…), ``start``/``end``
    its offsets in that part's text (Python ``str`` offsets), so the text pane can select it.
    """

    article_id: str
    field: str
    start: int
    end: int
    text: str
    boxes: tuple[Box, ...]


@dataclass(frozen=True)
class PageView:
    """What one page shows: its size in image pixels, its regions, words and hits.

    ``image_expected`` names the image file the page should have when it is missing (the
    text view still works; the page view says which file it expected); ``layout_problem`` says
    why the words could not be read (the image may still show), ``image_problem`` why an image
    that is there cannot be read (the words still show, on a blank page). ``places`` gives, for each
    of ``words``, where it is in its article's text (None: in none), for :func:`text_at`.
    """

    issue_id: str
    page: Page
    size: tuple[int, int]
    regions: tuple[Region, ...] = ()
    words: tuple[Word, ...] = ()
    hits: tuple[HitBox, ...] = ()
    image_expected: str = ""
    layout_problem: Reason | None = None
    places: tuple[WordPlace | None, ...] = ()
    image_problem: Reason | None = None

    @property
    def has_image(self) -> bool:
        """Whether the page has an image that can be shown."""
        return bool(self.page.image) and not self.image_expected and self.image_problem is None


def page_view(library: Library, issue_id: str, number: int, query: str = "") -> PageView:
    """Page ``number`` of an issue, in image pixels, with the boxes of ``query``'s matches.

    Args:
        library: The open archive.
        issue_id: The issue's id.
        number: The page's position in the issue (:attr:`Page.number`, 1-based).
        query: A search query ("" for no hits), matched as the text pane highlights it.

    Returns:
        The view; a page whose words cannot be read has ``layout_problem`` set and no words,
        a page whose image is missing names it in ``image_expected``.

    Raises:
        NotFound: There is no such issue or page.
        QueryError: The query is malformed.
    """
    issue = library.issue(issue_id)
    view, where = _placed(library, issue, _page(issue, number))
    if not query.strip():
        return view
    hits: list[HitBox] = []
    for article_id in where.articles():
        _issue, article = library.article(article_id)
        hits += _boxed(view, where, article, library.matches(article_id, query))
    return dataclasses.replace(view, hits=tuple(hits))


def article_hits(
    library: Library,
    article_id: str,
    query: str,
    matches: list[tuple[str, int, int]] | None = None,
) -> list[tuple[int, HitBox]]:
    """Every match of ``query`` in an article, on each of its pages: (page number, hit).

    In the article's page order, then the matches' order on each page (F3 across pages).
    ``matches`` are the article's :meth:`Library.matches` of ``query`` when the caller has
    them already.

    Raises:
        NotFound: There is no such article.
        QueryError: The query is malformed.
    """
    issue, article = library.article(article_id)
    found: list[tuple[int, HitBox]] = []
    if matches is None:
        matches = library.matches(article_id, query) if query.strip() else []
    for number in article.pages:
        page = issue.page(number)
        if page is not None:
            view, where = _placed(library, issue, page)
            found += [(number, hit) for hit in _boxed(view, where, article, matches)]
    return found


def text_at(view: PageView, x: float, y: float) -> tuple[str, str, int] | None:
    """What text a point of the page shows: (article id, field, Python ``str`` offset).

    A word's box wins; else a region of an article gives the place of its first word (or
    the article's start). None when the point is on no word or article region.
    """
    for word, place in zip(view.words, view.places, strict=False):
        if place is not None and _inside(word.box, x, y):
            return place[0], place[1], place[2]
    for region in view.regions:
        if region.article and _inside(region.box, x, y):
            for word, place in zip(view.words, view.places, strict=False):
                if place is not None and word.region == region.id:
                    return place[0], place[1], place[2]
            return region.article, "body", 0
    return None


def boxes_for(
    library: Library, article_id: str, field: str, start: int, end: int
) -> list[tuple[int, Box]]:
    """The boxes of the words a stretch of an article's text came from: (page number, box).

    ``start``/``end`` are Python ``str`` offsets into ``field`` (``body``: ``Article.text``).

    Raises:
        NotFound: There is no such article.
    """
    issue, article = library.article(article_id)
    found: list[tuple[int, Box]] = []
    for number in article.pages:
        page = issue.page(number)
        if page is None:
            continue
        view, where = _placed(library, issue, page)
        found += [
            (number, view.words[i].box) for i in where.overlapping(article.id, field, start, end)
        ]
    return found


class _Cache:
    """The last pages read and aligned, newest last (thread-safe: the UI's task thread reads)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.views: OrderedDict[tuple[str, int], tuple[PageView, WordIndex]] = OrderedDict()


_CACHES: weakref.WeakKeyDictionary[Library, _Cache] = weakref.WeakKeyDictionary()
_CACHES_LOCK = threading.Lock()


def forget(library: Library) -> None:
    """Drop the pages kept for ``library`` (they are read again when next shown)."""
    with _CACHES_LOCK:
        _CACHES.pop(library, None)


def _placed(library: Library, issue: Issue, page: Page) -> tuple[PageView, WordIndex]:
    """The page read, scaled and aligned (without hits), from the cache when it was read lately."""
    with _CACHES_LOCK:
        cache = _CACHES.setdefault(library, _Cache())
    key = (issue.id, page.number)
    with cache.lock:
        if key in cache.views:
            cache.views.move_to_end(key)
            return cache.views[key]
    view = _read(library, issue, page)
    placed = view, WordIndex(view.places)
    with cache.lock:
        cache.views[key] = placed
        while len(cache.views) > CACHED_PAGES:
            cache.views.popitem(last=False)
    return placed


def _read(library: Library, issue: Issue, page: Page) -> PageView:
    reader = page_source(issue.format)
    problem: Reason | None = None
    words: tuple[Word, ...] = ()
    regions: tuple[Region, ...] = ()
    articles: tuple[tuple[str, tuple[int, ...]], ...] = ()
    if reader is not None:
        try:
            layout = reader.read_layout(library.source, issue, page)
        except CorruptArchive as exc:
            problem = exc.reason
        else:
            # The layout may know more of the page than loading did (its image, its size).
            page = layout.page if layout.page.number == page.number else page
            words, regions, articles = layout.words, layout.regions, layout.articles
    image_problem = None
    try:
        size = images.image_size(library.source, page)
    except CorruptArchive as exc:  # there, but not an image that can be read
        size, image_problem = None, exc.reason
    expected = page.image if page.image and size is None and image_problem is None else ""
    if size is None:
        size = _size_without_image(page, words)
    sx, sy = page.scale_to(*size)
    places: list[WordPlace | None] = [None] * len(words)
    for article_id, indexes in articles:
        try:
            _issue, article = library.article(article_id)
        except NotFound:
            continue
        for index, place in zip(
            indexes, place_words(article, [words[i].text for i in indexes]), strict=True
        ):
            places[index] = place
    return PageView(
        issue_id=issue.id,
        page=page,
        size=size,
        regions=tuple(dataclasses.replace(r, box=_scaled(r.box, sx, sy)) for r in regions),
        words=tuple(dataclasses.replace(w, box=_scaled(w.box, sx, sy)) for w in words),
        image_expected=expected,
        layout_problem=problem,
        image_problem=image_problem,
        places=tuple(places),
    )


def _size_without_image(page: Page, words: Sequence[Word]) -> tuple[int, int]:
    """The page's size in pixels from its own size, else from how far its words reach."""
    if page.width > 0 and page.height > 0:
        width, height = page.page_size_px()
        return max(1, width), max(1, height)
    right = max((w.box[2] for w in words), default=0.0)
    bottom = max((w.box[3] for w in words), default=0.0)
    sx, sy = page.scale_to(0, 0)
    # A margin beyond the last word: the page goes on past its text.
    return max(1, round(right * sx * 1.05)), max(1, round(bottom * sy * 1.05))


def _page(issue: Issue, number: int) -> Page:
    page = issue.page(number)
    if page is None:
        known = f" (it has {len(issue.pages)})" if issue.pages else " (it has no page images)"
        raise NotFound(f"no page {number} in issue {issue.id}{known}")
    return page


def _boxed(
    view: PageView, where: WordIndex, article: Article, matches: list[tuple[str, int, int]]
) -> list[HitBox]:
    """The matches that fall on words of this page, with those words' boxes."""
    texts = field_texts(article)
    hits: list[HitBox] = []
    for field, start, end in matches:
        indexes = where.overlapping(article.id, field, start, end)
        if indexes:
            boxes = tuple(view.words[i].box for i in indexes)
            hits.append(HitBox(article.id, field, start, end, texts[field][start:end], boxes))
    return hits


def _scaled(box: Box, sx: float, sy: float) -> Box:
    return (box[0] * sx, box[1] * sy, box[2] * sx, box[3] * sy)


def _inside(box: Box, x: float, y: float) -> bool:
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]
