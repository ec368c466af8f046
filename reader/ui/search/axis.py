"""A time axis labelled in whole years: which years to label, where, and never overlapping or clipped.

Plain arithmetic (no painting), shared by the hits chart and the trends chart: bars stand for
periods (``1946-05-15``, ``1946-05``, ``1946``, ``1940s``) side by side; the years are placed
along them in proportion to the days, the first year always labelled, then every 1, 2, 5, 10,
20, 50… years as far apart as the labels need.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reader.library.trends import key_start, period_key

STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)
GAP = 8.0  # pixels between two labels


@dataclass(frozen=True)
class Tick:
    """A year's label: its text and the left edge and width of its box on the axis."""

    text: str
    left: float
    width: float

    @property
    def right(self) -> float:
        """The right edge of the label's box."""
        return self.left + self.width


def _after(key: str) -> dt.date:
    """The first day after the period ``key``."""
    start = key_start(key)
    if len(key) == 10:
        return start + dt.timedelta(days=1)
    if len(key) == 7:
        return dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
    years = 10 if key.endswith("s") else 1
    return dt.date(min(dt.MAXYEAR, start.year + years), 1, 1)


def year_ticks(
    keys: Sequence[str],
    left: float,
    slot: float,
    text_width: Callable[[str], float],
    bounds: tuple[float, float],
    first_year: int | None = None,
) -> list[Tick]:
    """The year labels under bars of ``keys`` (``slot`` pixels each, the first at ``left``).

    Args:
        keys: the bars' periods, in order and consecutive.
        left: where the first bar's slot begins.
        slot: the width of one bar's slot.
        text_width: how wide a text is drawn (the font's horizontal advance).
        bounds: the leftmost and rightmost pixel a label may cover: labels are moved inside.
        first_year: the first year to label (the first hit's, e.g. 1813 inside the 1810s);
            None labels the first bar's year.

    Returns:
        Labels in order, none overlapping another or leaving ``bounds``.
    """
    if not keys or slot <= 0:
        return []
    starts = [key_start(k) for k in keys]
    starts.append(_after(keys[-1]))
    last_year = (starts[-1] - dt.timedelta(days=1)).year
    first = first_year if first_year is not None else starts[0].year
    first = min(max(first, starts[0].year), last_year)

    def x_of(year: int) -> float:
        day = max(dt.date(year, 1, 1), starts[0])
        n = min(bisect.bisect_right(starts, day) - 1, len(keys) - 1)
        length = (starts[n + 1] - starts[n]).days or 1
        return left + slot * (n + (day - starts[n]).days / length)

    widest = text_width("8888") + GAP
    span = max(1, last_year - first)
    per_year = (x_of(last_year) - x_of(first)) / span if last_year > first else widest
    step = next((s for s in STEPS if s * per_year >= widest), STEPS[-1])
    years = [first] + [y for y in range(first - first % step + step, last_year + 1, step)]
    ticks: list[Tick] = []
    for year in years:
        text = str(year)
        width = float(math.ceil(text_width(text)))  # whole pixels: no half-clipped digit
        box_left = min(max(bounds[0], x_of(year) - width / 2), bounds[1] - width)
        if ticks and box_left < ticks[-1].right + GAP / 2:
            continue  # too near the previous label (the first year's, off the step)
        ticks.append(Tick(text, box_left, width))
    return ticks


def first_year_of(day_keys: Sequence[str]) -> int | None:
    """The year of the earliest dated key (``1813-11-16``, ``1813``) among ``day_keys``, or None."""
    years = [int(k[:4]) for k in day_keys if k[:4].isdigit()]
    return min(years) if years else None


def decade(year: int) -> str:
    """The key of the decade ``year`` falls in (``1810s``)."""
    return period_key(dt.date(year, 1, 1), "decade")
