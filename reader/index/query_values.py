"""A field's value read from a query: a date's first or last day, a page or issue number.

A value that cannot be one (date:2022-13, page:abc, number:x) is refused with a
:class:`~reader.index.query_errors.QueryError` saying so, not searched for and never found.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from reader.index.query_errors import query_error

_ROMAN = re.compile(r"[ivxlcdm]+")
# A value written as a plain number (0, -1, 1.5, 1,000): it must then be a whole one above 0.
_NUMBER_LIKE = re.compile(r"[+-]?[\d.,]+")
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def numbered(field: str, value: str) -> bool:
    """Whether ``value`` can be a page or an issue number: it holds a numeral (2, A3, 12a,
    三), or, for a page, is a Roman one (a preface's iv). page:abc would find nothing, and
    so would page:0, page:-1 or page:1.5: a plain number must be a whole one from 1."""
    text = value.strip()
    if _NUMBER_LIKE.fullmatch(text):
        return text.isdecimal() and int(text) > 0
    return any(ch.isnumeric() for ch in text) or bool(
        field == "page" and _ROMAN.fullmatch(text.casefold())
    )


def date_bound(text: str, value: str, end: bool) -> dt.date:
    """The first (or, with ``end``, the last) day of ``text``: 2022, 2022-09 or 2022-09-19;
    ``value`` is the whole value typed, which an error names."""
    match = _DATE.match(text.strip())
    if match is None:
        raise query_error("date_unreadable", value=value)
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else (12 if end else 1)
    try:
        if match.group(3):
            return dt.date(year, month, int(match.group(3)))
        day = calendar.monthrange(year, month)[1] if end else 1
        return dt.date(year, month, day)
    except (ValueError, calendar.IllegalMonthError):
        raise query_error("date_invalid", value=value) from None
