"""Opening an archive in a fresh process: its time and resident memory (for benchmarks/growth.py).

Kept apart from growth.py so that the spawned process imports only the library, as the
command line and the window do, and not the benchmark's index, SQLite and generator code.
"""

from __future__ import annotations

import time


def rss_mb() -> float:
    """The current resident set size in MB (Linux)."""
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def open_archive(archive: str, out: object) -> None:
    """Library.open with its catalogue (read or from the cache), timed; RSS before and after."""
    from reader.library import Library

    before = rss_mb()
    started = time.perf_counter()
    library = Library.open(archive)
    articles = library.archive.article_count
    issues = len(library.issues)
    seconds = time.perf_counter() - started
    out.put(  # type: ignore[attr-defined]
        {
            "seconds": seconds,
            "rss_mb": rss_mb(),
            "rss_before_mb": before,
            "issues": issues,
            "articles": articles,
        }
    )
