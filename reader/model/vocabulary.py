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
