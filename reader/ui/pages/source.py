"""What the page view asks of the library: a page's layout and hits, and pieces of its image.

The window's session implements :class:`PageProvider` by calling ``reader.library.pages`` and
``reader.library.images``; the view knows nothing else about archives. ``render`` is called
in worker threads (several at once), everything else on the UI thread.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QImage

from reader.library.pages import HitBox, PageView
from reader.model import Page

# (left, top, right, bottom) in image pixels, as ints.
Clip = tuple[int, int, int, int]


class Raster(Protocol):
    """Decoded pixels: ``format`` is "L" (grey), "RGB" or "RGBA", rows ``bytes_per_line`` apart."""

    @property
    def width(self) -> int:
        """Pixels across."""

    @property
    def height(self) -> int:
        """Pixels down."""

    @property
    def format(self) -> str:
        """The pixel format: "L", "RGB", "RGBA" or "RGBX"."""

    @property
    def bytes_per_line(self) -> int:
        """How far apart the rows are in ``data``."""

    @property
    def data(self) -> bytes:
        """The pixels, row after row."""


class PageProvider(Protocol):
    """The library calls the page view makes (the seam between the view and the archive)."""

    def page_view(self, issue_id: str, number: int, query: str) -> PageView:
        """The page's size, regions, words and the query's hits, in image pixels.

        Raises ``ReaderError`` when the page's words cannot be read at all.
        """
        ...

    def article_hits(self, article_id: str, query: str) -> tuple[list[tuple[int, HitBox]], int]:
        """Every hit of ``query`` in the article, as (page number, hit), in reading order; and
        how many of its matches in the text are on none of its pages (the page view says so
        beside its own count: a title not printed, say)."""
        ...

    def text_at(self, view: PageView, x: float, y: float) -> tuple[str, str, int] | None:
        """The (article id, field, Python str offset) of the word or region at image (x, y)."""
        ...

    def render(self, page: Page, scale: float, clip: Clip | None) -> Raster | QImage:
        """The image of ``page`` (``clip`` of it, None: all) at ``scale``; called in a worker."""
        ...


_FORMATS = {
    "L": QImage.Format.Format_Grayscale8,
    "RGB": QImage.Format.Format_RGB888,
    "RGBA": QImage.Format.Format_RGBA8888,
    "RGBX": QImage.Format.Format_RGBX8888,
}


def to_qimage(raster: Raster | QImage) -> QImage:
    """A QImage owning its pixels (safe to hand to the UI thread), from ``raster``."""
    if isinstance(raster, QImage):
        return raster
    image_format = _FORMATS.get(raster.format)
    if image_format is None:
        raise ValueError(f"unknown pixel format {raster.format!r}")
    image = QImage(raster.data, raster.width, raster.height, raster.bytes_per_line, image_format)
    # The QImage above borrows ``data``: the copy owns its pixels.
    return image.copy()
