"""The words every layer shares: the progress callback, the undated key, the orders of hits."""

from __future__ import annotations

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
