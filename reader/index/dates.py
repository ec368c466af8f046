"""Date spans as date terms: the fewest year, month and day terms that cover a span."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from reader.index.query import DateSpan


def year_range(reader: Any) -> tuple[int, int] | None:
    """The first and last year of the dated issues in the index."""
    years = [int(t) for t in reader.field_terms("date") if len(t) == 4]
    return (min(years), max(years)) if years else None


def date_terms_in(span: DateSpan, reader: Any, years: tuple[int, int] | None) -> list[str]:
    """The date terms of the index that cover ``span``."""
    if years is None:
        return []
    # Open ranges (date:2022..) end at the index's first or last year, not at year 9999.
    start = max(span.start, dt.date(years[0], 1, 1))
    end = min(span.end, dt.date(years[1], 12, 31))
    return [t for t in date_terms(start, end) if ("date", t) in reader]


def date_terms(start: dt.date, end: dt.date) -> list[str]:
    """The fewest year, month and day terms that cover the days from start to end."""
    terms: list[str] = []
    day = start
    while day <= end:
        year_end = dt.date(day.year, 12, 31)
        month_end = dt.date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
        if day.month == 1 and day.day == 1 and year_end <= end:
            terms.append(f"{day.year:04d}")
            last = year_end
        elif day.day == 1 and month_end <= end:
            terms.append(f"{day.year:04d}-{day.month:02d}")
            last = month_end
        else:
            terms.append(day.isoformat())
            last = day
        if last == dt.date.max:
            break
        day = last + dt.timedelta(days=1)
    return terms
