"""Pieces of page images decoded in worker threads, kept in a cache with a memory bound.

A page is drawn from a reduced picture of the whole page (the preview, asked for first) and,
once they come, sharp tiles of the visible part at the zoom shown. Tiles are rendered at a
power-of-two scale (``level``) at or just above the zoom, so zooming smoothly reuses them
until the next level is due. Decoding never runs on the UI thread: a small ``QThreadPool``
runs the provider's ``render`` (Pillow and pdfium-like decoders release the GIL meanwhile), or
draws the words of a page without its scan (:mod:`reader.ui.pages.facsimile`).
"""

from __future__ import annotations

import contextlib
import logging
import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from PySide6.QtCore import QObject, QThreadPool, Signal, SignalInstance, Slot
from PySide6.QtGui import QImage, QPixmap

from reader.ui.pages.source import Clip, PageProvider, Raster, to_qimage

log = logging.getLogger(__name__)

# The side of a tile in rendered pixels.
TILE = 512
# The preview's longest side: big enough to look right at fit-width, cheap to decode (JPEG
# decoders scale by 1/2, 1/4, 1/8 while decoding).
PREVIEW_SIDE = 1600
# Tiles are never rendered finer than the image's own pixels (zooming past 100 % scales them).
MAX_LEVEL = 1.0
# What the cache may hold: about 40 full-HD screens of tiles.
CACHE_BYTES = 192 * 1024 * 1024

# (page key, level, column, row); the preview is (page key, scale, -1, -1).
TileKey = tuple[Hashable, float, int, int]
# What renders one tile, run in a worker: the provider's decoder, or the page's words drawn.
Render = Callable[[], Raster | QImage]


def level_for(scale: float, most: float = MAX_LEVEL) -> float:
    """The render scale for a shown scale (device pixels per image pixel), at most ``most``."""
    if scale >= most:
        return most
    return float(2.0 ** math.ceil(math.log2(max(scale, 1 / 4096))))


def preview_scale(size: tuple[int, int]) -> float:
    """The scale of a page's preview: a power of two, its longest side at most PREVIEW_SIDE.

    A power of two, because decoders reduce by those for free: JPEG's DCT scaling (1/2 to
    1/8) and JPEG 2000's resolution levels decode no more than the pixels kept.
    """
    longest = max(1, size[0], size[1])
    if longest <= PREVIEW_SIDE:
        return 1.0
    return float(2.0 ** math.floor(math.log2(PREVIEW_SIDE / longest)))


def tile_clip(level: float, column: int, row: int, size: tuple[int, int]) -> Clip:
    """The image pixels a tile covers, cut at the image's edges."""
    span = TILE / level
    left, top = int(column * span), int(row * span)
    return left, top, min(size[0], int((column + 1) * span)), min(size[1], int((row + 1) * span))


class TileCache:
    """Decoded tiles as pixmaps, the least recently used dropped beyond ``limit`` bytes."""

    def __init__(self, limit: int = CACHE_BYTES) -> None:
        self.limit = limit
        self.used = 0
        self._items: OrderedDict[TileKey, QPixmap] = OrderedDict()

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: TileKey) -> bool:
        return key in self._items

    def get(self, key: TileKey) -> QPixmap | None:
        """The tile, marked as just used; None when not cached."""
        pixmap = self._items.get(key)
        if pixmap is not None:
            self._items.move_to_end(key)
        return pixmap

    def put(self, key: TileKey, pixmap: QPixmap) -> None:
        """Keep ``pixmap``; drop the least recently used tiles while over the limit."""
        old = self._items.pop(key, None)
        if old is not None:
            self.used -= _cost(old)
        self._items[key] = pixmap
        self.used += _cost(pixmap)
        while self.used > self.limit and len(self._items) > 1:
            _, dropped = self._items.popitem(last=False)
            self.used -= _cost(dropped)

    def clear(self) -> None:
        """Drop every tile (the archive was read again: images may have changed)."""
        self._items.clear()
        self.used = 0


def _cost(pixmap: QPixmap) -> int:
    return pixmap.width() * pixmap.height() * 4


class TileLoader(QObject):
    """Renders tiles in worker threads and keeps them in a :class:`TileCache`.

    Signals:
        arrived(object): a tile is in the cache (its key).
        failed(object, str): a tile could not be rendered (its key, the error in words).
    """

    arrived = Signal(object)
    failed = Signal(object, str)
    _done = Signal(object, object)
    _broken = Signal(object, str)

    def __init__(self, provider: PageProvider | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.provider = provider
        self.cache = TileCache()
        self.pool = QThreadPool(self)
        # Two decoders: a page's tiles come in parallel without starving the rest of the app.
        self.pool.setMaxThreadCount(2)
        self._lock = threading.Lock()
        self._pending: set[TileKey] = set()
        self._running: set[TileKey] = set()
        # Tiles that failed are not asked for again until the cache is cleared.
        self._failed: set[TileKey] = set()
        self._closed = False
        self._done.connect(self._arrive)
        self._broken.connect(self._fail)

    def wanted(self, key: TileKey) -> bool:
        """Whether ``key`` is neither cached nor on its way."""
        return key not in self.cache and key not in self._pending and key not in self._failed

    def clear(self) -> None:
        """Forget every tile and failure (the archive was read again)."""
        self.drop_queued()
        self.cache.clear()
        self._failed.clear()

    def request(self, key: TileKey, render: Render, priority: int) -> None:
        """Run ``render`` in a worker for ``key``; ``arrived`` says when the tile is in."""
        if self._closed or not self.wanted(key):
            return
        self._pending.add(key)
        self.pool.start(lambda: self._run(key, render), priority)

    def drop_queued(self) -> None:
        """Forget the tiles not started yet (the view moved on); those being decoded still come."""
        self.pool.clear()
        with self._lock:
            self._pending = set(self._running)

    def shutdown(self) -> None:
        """Drop the queue and wait for the tiles being decoded (the view is going away)."""
        self._closed = True
        self.pool.clear()
        self.pool.waitForDone()

    def _run(self, key: TileKey, render: Render) -> None:
        """In a worker thread: render one tile and hand it to the UI thread."""
        with self._lock:
            self._running.add(key)
        try:
            image = to_qimage(render())
        except Exception as exc:  # any decoder's error is the tile's: shown, never raised
            log.info("could not render %s: %s", key, exc)
            self._hand_over(self._broken, key, str(exc) or type(exc).__name__)
        else:
            self._hand_over(self._done, key, image)
        finally:
            with self._lock:
                self._running.discard(key)

    @staticmethod
    def _hand_over(signal: SignalInstance, key: TileKey, value: object) -> None:
        # The view may have been deleted while this tile was decoded: then no one wants it.
        with contextlib.suppress(RuntimeError):
            signal.emit(key, value)

    @Slot(object, object)
    def _arrive(self, key: TileKey, image: QImage) -> None:
        self._pending.discard(key)
        if not image.isNull():
            self.cache.put(key, QPixmap.fromImage(image))
            self.arrived.emit(key)

    @Slot(object, str)
    def _fail(self, key: TileKey, message: str) -> None:
        self._pending.discard(key)
        self._failed.add(key)
        self.failed.emit(key, message)
