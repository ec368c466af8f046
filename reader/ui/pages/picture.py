"""A page's picture as tiles: which to ask for, and painting the sharpest the cache holds."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator

from PySide6.QtCore import QObject, QPointF, QRectF, Signal, Slot
from PySide6.QtGui import QPainter

from reader.model import Page
from reader.ui.pages.source import Clip
from reader.ui.pages.tiles import TILE, TileKey, TileLoader, preview_scale, tile_clip


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
        self._levels: set[float] = set()
        self._first = self._sharp = False
        loader.arrived.connect(self._arrived)

    def set_page(
        self, key: Hashable, page: Page | None, size: tuple[int, int], has_image: bool
    ) -> None:
        """Show another page: its preview is asked for at once."""
        self.loader.drop_queued()
        self.key, self.page, self.size, self.has_image = key, page, size, has_image
        self._levels.clear()
        self._first = self._sharp = False
        if self.shows_image:
            self._request_preview()

    @property
    def shows_image(self) -> bool:
        """Whether there is an image to ask for."""
        return self.page is not None and self.has_image and self.size[0] > 0 and self.size[1] > 0

    def _preview_key(self) -> TileKey:
        return (self.key, preview_scale(self.size), -1, -1)

    def _request_preview(self) -> None:
        assert self.page is not None
        scale = preview_scale(self.size)
        self.loader.request(self._preview_key(), self.page, scale, None, 10)

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
        if not self.shows_image:
            return
        assert self.page is not None
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
            self.loader.request((self.key, level, column, row), self.page, level, clip, 5)

    def paint(
        self, painter: QPainter, level: float, area: QRectF, place: Callable[[Clip], QRectF]
    ) -> None:
        """Paint the preview, then the tiles over ``area``, coarse levels under the current one.

        ``place`` gives where an image rectangle goes on the screen.
        """
        if not self.shows_image:
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
