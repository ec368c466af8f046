"""The page view's provider in the window: the session's open archive, through reader.library."""

from __future__ import annotations

from reader.library import Library, images, pages
from reader.library.image_cache import RasterCache
from reader.library.pages import HitBox, PageView
from reader.library.unmarked import hits_and_unmarked
from reader.model import Page, ReaderError
from reader.ui.core.session import Session
from reader.ui.pages.source import Clip, Raster

# The decoded pixels the library keeps for the window (the view keeps its own tiles besides):
# enough for a full-resolution newspaper scan's tiles around the place being read.
_LIBRARY_CACHE_BYTES = 128 * 1024 * 1024


class LibraryPages:
    """Pages of the archive the session has open; ``render`` runs in the view's workers."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._cache = RasterCache(_LIBRARY_CACHE_BYTES)

    def _library(self) -> Library:
        library = self._session.library
        if library is None:
            raise ReaderError("no archive is open")
        return library

    def page_view(self, issue_id: str, number: int, query: str) -> PageView:
        """The page in image pixels, with ``query``'s hits."""
        return pages.page_view(self._library(), issue_id, number, query)

    def article_hits(self, article_id: str, query: str) -> tuple[list[tuple[int, HitBox]], int]:
        """Every hit of ``query`` in the article, on all its pages, and how many of its
        matches none of its pages marks (its matches read once for both)."""
        hits, unmarked = hits_and_unmarked(self._library(), article_id, query)
        return hits, len(unmarked)

    def text_at(self, view: PageView, x: float, y: float) -> tuple[str, str, int] | None:
        """The article, field and Python offset of the word at (x, y)."""
        return pages.text_at(view, x, y)

    def render(self, page: Page, scale: float, clip: Clip | None) -> Raster:
        """The page's image at ``scale`` (only ``clip``), decoded by the library."""
        return images.render(self._library().source, page, scale, clip, self._cache)
