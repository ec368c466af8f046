"""The words every layer shares: the progress callback, the undated key, the orders of hits."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

# ``progress(done, total)``: called as work advances; it may raise ``Cancelled`` to stop it.
# A total of 0 means "waiting" (another process holds the index).
Progress = Callable[[int, int], None]

# The year (and month) key of issues that have no date, in facets and filters.
UNDATED = "undated"

# The orders of search hits (here, not in the index, so the command line's --help names them
# without importing the index).
Sort = Literal["relevance", "newest", "oldest"]
SORTS: tuple[Sort, ...] = ("relevance", "newest", "oldest")

# The title an importer gives a page it knows no title for (a whole ALTO page, a page with no
# text): stored, indexed and exported as such, and worded by the window in its own language.
_PAGE_TITLE = "Page "


def page_title(number: str) -> str:
    """The made-up title of page ``number`` (``Page 6``)."""
    return f"{_PAGE_TITLE}{number}"


def page_of_title(title: str, page: str | None = None) -> str:
    """The page number when ``title`` is a made-up page title (of ``page``, when given), or ""."""
    number = title[len(_PAGE_TITLE) :] if title.startswith(_PAGE_TITLE) else ""
    if not number or number != number.strip() or " " in number:
        return ""
    return number if page is None or number == page else ""


# The made-up title as the Chinese interface words it (the translation of "Page %1": 第6版),
# which is what a reader who saw it types: 第6版, "第 6 版" (quoted), or in numerals, 第六版.
_CHINESE_PAGE = re.compile(r"第\s*([0-9A-Za-z]+|[一二三四五六七八九十]+)\s*版")
_DIGITS = "一二三四五六七八九"


def page_of_chinese_title(text: str) -> str:
    """The page ``text`` names when worded as the Chinese made-up title (第6版: ``6``), or "".

    Chinese numerals are read up to 九十九 (第十二版: ``12``).
    """
    match = _CHINESE_PAGE.fullmatch(text)
    if match is None:
        return ""
    number = match.group(1)
    if number[0].isascii():
        return number
    tens, ten, ones = number.partition("十")
    if not ten:  # a single digit
        tens, ones = "", tens
    if len(tens) > 1 or len(ones) > 1 or not set(tens + ones) <= set(_DIGITS):
        return ""
    value = (_DIGITS.find(tens) + 1 if tens else 1) * 10 if ten else 0
    return str(value + _DIGITS.find(ones) + 1 if ones else value)
