"""A page's picture as tiles: which to ask for, and painting the sharpest the cache holds.

The picture is the page's scan, or, when it has none that can be shown, its words drawn where
the OCR put them (:class:`~reader.ui.pages.facsimile.Facsimile`), tiled alike.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Sequence

from PySide6.QtCore import QObject, QPointF, QRectF, Signal, Slot
from PySide6.QtGui import QPainter

from reader.model import Page, Word
from reader.ui.pages.facsimile import Facsimile
from reader.ui.pages.source import Clip
from reader.ui.pages.tiles import (
    TILE,
    Render,
    TileKey,
    TileLoader,
    level_for,
    preview_scale,
    tile_clip,
)

# Words are drawn sharp past the scan's own pixels: text stays crisp however far one zooms.
WORDS_MAX_LEVEL = 8.0


class TiledPicture(QObject):
    """The picture of the page shown: its preview, and tiles at the levels asked for.

    Signals:
        changed(): a piece of this page's picture came in (paint again).
        first_picture(): the page was first painted with (some of) its image.
        sharp(): the part in view was first painted at the full sharpness of the zoom.
    """

    changed = Signal()
    first_picture = Signal()
    sharp = Signal()

    def __init__(self, loader: TileLoader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.loader = loader
        self.key: Hashable = None
        self.page: Page | None = None
        self.size = (0, 0)
        self.has_image = False
        self.facsimile: Facsimile | None = None
        self._levels: set[float] = set()
        self._first = self._sharp = False
        loader.arrived.connect(self._arrived)

    def set_page(
        self,
        key: Hashable,
        page: Page | None,
        size: tuple[int, int],
        has_image: bool,
        words: Sequence[Word] = (),
    ) -> None:
        """Show another page (its scan, else its ``words``): its preview is asked for at once."""
        self.loader.drop_queued()
        self.page, self.size, self.has_image = page, size, has_image
        drawn = Facsimile(words, size) if page is not None and not has_image else None
        self.facsimile = drawn if drawn is not None and len(drawn) else None  # no words: white
        # The words drawn are not the scan: their tiles are kept apart from the scan's.
        self.key = key if self.facsimile is None else ("words", key)
        self._levels.clear()
        self._first = self._sharp = False
        if self.shows_picture:
            self._request_preview()

    @property
    def shows_image(self) -> bool:
        """Whether there is an image to ask for."""
        return self.page is not None and self.has_image and self.size[0] > 0 and self.size[1] > 0

    @property
    def shows_picture(self) -> bool:
        """Whether there is something to draw: the scan, or the words instead of it."""
        return self.shows_image or (self.facsimile is not None and min(self.size) > 0)

    def level(self, scale: float) -> float:
        """The level of the tiles for ``scale`` (device pixels per image pixel)."""
        return level_for(scale, WORDS_MAX_LEVEL) if self.facsimile is not None else level_for(scale)

    def _render(self, scale: float, clip: Clip | None) -> Render | None:
        """What renders ``clip`` at ``scale`` in a worker (None: nothing can)."""
        facsimile, provider, page = self.facsimile, self.loader.provider, self.page
        if facsimile is not None:
            return lambda: facsimile.render(scale, clip)
        if provider is None or page is None:
            return None
        return lambda: provider.render(page, scale, clip)

    def _request(self, key: TileKey, scale: float, clip: Clip | None, priority: int) -> None:
        render = self._render(scale, clip)
        if render is not None:
            self.loader.request(key, render, priority)

    def _preview_key(self) -> TileKey:
        return (self.key, preview_scale(self.size), -1, -1)

    def _request_preview(self) -> None:
        self._request(self._preview_key(), preview_scale(self.size), None, 10)

    def tiles(self, level: float, area: QRectF) -> Iterator[tuple[int, int]]:
        """The (column, row) of the tiles at ``level`` that cover ``area`` (image pixels)."""
        span = TILE / level
        left, top = max(0, int(area.left() // span)), max(0, int(area.top() // span))
        right = min(int((self.size[0] - 1) // span), int(area.right() // span))
        bottom = min(int((self.size[1] - 1) // span), int(area.bottom() // span))
        for row in range(top, bottom + 1):
            for column in range(left, right + 1):
                yield column, row

    def schedule(self, level: float, area: QRectF, centre: QPointF) -> None:
        """Ask for the tiles at ``level`` over ``area`` (image pixels), nearest ``centre`` first.

        Tiles asked for before and not started yet are dropped: the view has moved on.
        """
        if not self.shows_picture:
            return
        self.loader.drop_queued()
        self._request_preview()
        if level <= preview_scale(self.size):
            return  # the preview is as sharp as the zoom needs
        if level not in self._levels:
            self._sharp = False  # a zoom at another level is sharp once its tiles are in
        self._levels.add(level)
        span = TILE / level

        def distance(tile: tuple[int, int]) -> float:
            x, y = (tile[0] + 0.5) * span, (tile[1] + 0.5) * span
            return abs(x - centre.x()) + abs(y - centre.y())

        for column, row in sorted(self.tiles(level, area), key=distance):
            clip = tile_clip(level, column, row, self.size)
            self._request((self.key, level, column, row), level, clip, 5)

    def paint(
        self, painter: QPainter, level: float, area: QRectF, place: Callable[[Clip], QRectF]
    ) -> None:
        """Paint the preview, then the tiles over ``area``, coarse levels under the current one.

        ``place`` gives where an image rectangle goes on the screen.
        """
        if not self.shows_picture:
            return
        cache = self.loader.cache
        preview = cache.get(self._preview_key())
        drawn = preview is not None
        if preview is not None:
            painter.drawPixmap(place((0, 0, *self.size)), preview, QRectF(preview.rect()))
        sharp = drawn and level <= preview_scale(self.size)
        if level > preview_scale(self.size):
            sharp = True
            for at in [*sorted(self._levels - {level}), level]:
                for column, row in self.tiles(at, area):
                    tile = cache.get((self.key, at, column, row))
                    if tile is not None:
                        target = place(tile_clip(at, column, row, self.size))
                        painter.drawPixmap(target, tile, QRectF(tile.rect()))
                        drawn = True
                    elif at == level:
                        sharp = False
        if drawn and not self._first:
            self._first = True
            self.first_picture.emit()
        if drawn and sharp and not self._sharp:
            self._sharp = True
            self.sharp.emit()

    @Slot(object)
    def _arrived(self, key: TileKey) -> None:
        if key[0] == self.key:
            self.changed.emit()
