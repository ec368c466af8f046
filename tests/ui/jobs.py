"""Top-level functions for the worker-process tests (a spawned child imports them by name)."""

from __future__ import annotations

import time

from reader.model import CorruptArchive, Reason


def count(n: int, delay: float, progress) -> int:
    """Count to ``n`` slowly, reporting each step."""
    for done in range(1, n + 1):
        time.sleep(delay)
        progress(done, n)
    return n


def refuse(path: str, progress) -> None:
    """Fail as a user's broken archive does."""
    raise CorruptArchive(path, Reason.of("unknown_format"))
