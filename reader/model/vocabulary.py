"""The words every layer shares about long work: the progress callback and the undated key."""

from __future__ import annotations

from collections.abc import Callable

# ``progress(done, total)``: called as work advances; it may raise ``Cancelled`` to stop it.
# A total of 0 means "waiting" (another process holds the index).
Progress = Callable[[int, int], None]

# The year (and month) key of issues that have no date, in facets and filters.
UNDATED = "undated"
