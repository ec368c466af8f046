"""Weighted drawing for the benchmark generator: Zipf-like pools and lists of distinct names."""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Callable, Sequence
from itertools import accumulate


class Pool:
    """Items drawn with Zipf-like weights by rank: the first far more often than the last.

    ``scale``, if given, multiplies each item's weight (one factor per item).
    """

    def __init__(
        self,
        items: Sequence[str],
        exponent: float = 1.0,
        offset: float = 1.0,
        scale: Sequence[float] = (),
    ) -> None:
        self.items = tuple(items)
        weights = [1 / (rank + offset) ** exponent for rank in range(len(items))]
        if scale:
            weights = [w * s for w, s in zip(weights, scale, strict=True)]
        self.cum = list(accumulate(weights))
        self.total = self.cum[-1]
        self.last = len(self.items) - 1

    def draw(self, rnd: random.Random) -> str:
        """One item."""
        return self.items[min(bisect_right(self.cum, rnd.random() * self.total), self.last)]


def unique(make: Callable[[random.Random], str], rnd: random.Random, count: int) -> list[str]:
    """``count`` distinct results of ``make(rnd)``, in the order first made."""
    seen: dict[str, None] = {}
    while len(seen) < count:
        seen.setdefault(make(rnd), None)
    return list(seen)
