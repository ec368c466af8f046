"""Decoded page images kept for reuse, least recently used first out, within a byte budget.

The page view decodes tiles in worker threads and paints them in the UI thread, so every
method takes the one lock. Keys are plain tuples (which image, which frame, which scale
level, which tile), made by :mod:`reader.library.images`.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable

from reader.library.rasters import Raster

# Enough for a fitted page, the next pages, and a screenful of full-resolution tiles of a
# 10,000 x 14,000 colour scan; small next to the memory of any machine that shows such a scan.
DEFAULT_BUDGET = 256 * 1024 * 1024


class RasterCache:
    """A thread-safe LRU cache of :class:`Raster` objects bounded by their total bytes."""

    def __init__(self, budget: int = DEFAULT_BUDGET) -> None:
        self._lock = threading.Lock()
        self._items: OrderedDict[Hashable, Raster] = OrderedDict()
        self._used = 0
        self._budget = max(0, budget)

    @property
    def budget(self) -> int:
        """The most bytes of pixels kept."""
        return self._budget

    @budget.setter
    def budget(self, value: int) -> None:
        with self._lock:
            self._budget = max(0, value)
            self._evict()

    @property
    def used(self) -> int:
        """The bytes of pixels kept now (never more than the budget)."""
        return self._used

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: Hashable) -> bool:
        with self._lock:
            return key in self._items

    def get(self, key: Hashable) -> Raster | None:
        """The raster kept under ``key`` (now the most recently used), or None."""
        with self._lock:
            raster = self._items.get(key)
            if raster is not None:
                self._items.move_to_end(key)
            return raster

    def put(self, key: Hashable, raster: Raster) -> None:
        """Keep ``raster``, dropping the least recently used ones beyond the budget.

        A raster larger than the whole budget is not kept (it would only push out the rest).
        """
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._used -= old.nbytes
            if raster.nbytes > self._budget:
                return
            self._items[key] = raster
            self._used += raster.nbytes
            self._evict()

    def clear(self) -> None:
        """Drop everything."""
        with self._lock:
            self._items.clear()
            self._used = 0

    def _evict(self) -> None:
        while self._used > self._budget and self._items:
            _, dropped = self._items.popitem(last=False)
            self._used -= dropped.nbytes
