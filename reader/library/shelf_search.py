"""The library's archives as a search sees them: opened once and kept, their indexes checked.

A search over the library needs one :class:`Library` per archive searched, each with a usable
index. :class:`OpenShelf` opens them when first asked for (a folder lazily: a search on a
current index never reads its catalogue) and keeps them until closed; an archive that is
gone, unreadable or not indexed yet is left out and named, so the search can say what it did
not cover. The trends and the concordance of a library search are counted and read here too,
each archive's from its own index and articles.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from reader import index
from reader.library import paths
from reader.library.collections_schema import archive_path
from reader.library.concordance import for_search
from reader.library.concordance_lines import Concordance, merged_concordance
from reader.library.library import Library
from reader.library.searching import SearchRequest
from reader.library.trends import count_days
from reader.model import Issue, Progress, ReaderError

log = logging.getLogger(__name__)


def index_usable(path: str, index_root: Path | str | None = None) -> bool:
    """Whether the archive at ``path`` has a complete index to search (current or not)."""
    return index.is_usable(paths.index_dir(path, index_root))


def index_current(path: str, index_root: Path | str | None = None) -> bool:
    """Whether the index of the archive at ``path`` matches its files (reads its catalogue).

    An archive that cannot be read counts as current: indexing it again would fail the same way.
    """
    try:
        with Library.open(path) as library:
            return library.index_current(paths.index_dir(path, index_root))
    except (ReaderError, OSError) as exc:
        log.info("not indexing %s: %s", path, exc)
        return True


class OpenShelf:
    """The libraries of the archives searched, by archive key, opened once and kept.

    Args:
        index_root: where indexes live (None: the per-user default).
    """

    def __init__(self, index_root: Path | str | None = None) -> None:
        self.index_root = index_root
        self._open: dict[str, Library] = {}
        self._lock = threading.Lock()

    def libraries(
        self, wanted: Iterable[tuple[str, str]], current: tuple[str, Library] | None = None
    ) -> tuple[dict[str, Library], tuple[str, ...]]:
        """(the searchable libraries by key, the keys left out) of ``wanted`` (key, path) pairs.

        ``current`` is the window's open archive (its path and library): used as it is rather
        than opened twice.
        """
        found: dict[str, Library] = {}
        missing: list[str] = []
        here = archive_path(current[0]) if current is not None else ""
        for key, path in wanted:
            if current is not None and archive_path(path) == here:
                library: Library | None = current[1]
            else:
                library = self._library(key, path)
            if library is not None and library.index_available():
                found[key] = library
            else:
                missing.append(key)
        return found, tuple(missing)

    def _library(self, key: str, path: str) -> Library | None:
        with self._lock:
            library = self._open.get(key)
            if library is not None and archive_path(library.path) == archive_path(path):
                return library
            if library is not None:
                library.close()  # re-linked elsewhere since
            if not index_usable(path, self.index_root):
                return None  # opened once there is an index (a zip reads its catalogue)
            try:
                library = Library.open(path, lazy=True)
            except (ReaderError, OSError) as exc:
                log.info("the library leaves out %s: %s", path, exc)
                return None
            library.index_dir(self.index_root)
            self._open[key] = library
            return library

    def forget(self, key: str) -> None:
        """Close the library of ``key`` (its index is being rebuilt, or it left the shelf)."""
        with self._lock:
            library = self._open.pop(key, None)
        if library is not None:
            library.close()

    def close(self) -> None:
        """Close every library opened here."""
        with self._lock:
            opened, self._open = self._open, {}
        for library in opened.values():
            library.close()


def count_days_many(
    libraries: Mapping[str, Library],
    queries: Sequence[str],
    publication: str = "",
    progress: Progress | None = None,
) -> tuple[tuple[Issue, ...], list[tuple[str, dict[str, int]]]]:
    """Every issue of ``libraries`` and each query's hits per day summed over them (for the trends).

    ``progress`` is called with (archives counted, archives) and may raise Cancelled.

    Raises:
        QueryError: A query is malformed.
        IndexUnavailable: An archive has no index, or it is damaged.
    """
    counted: dict[str, dict[str, int]] = {query: {} for query in queries}
    issues: list[Issue] = []
    if progress is not None:
        progress(0, len(libraries))
    for done, library in enumerate(libraries.values(), start=1):
        for query, per_day in count_days(library, list(queries), publication):
            into = counted[query]
            for day, count in per_day.items():
                into[day] = into.get(day, 0) + count
        issues.extend(library.issues)
        if progress is not None:
            progress(done, len(libraries))
    return tuple(issues), list(counted.items())


def concordance_many(
    libraries: Mapping[str, Library],
    request: SearchRequest,
    *,
    width: int,
    limit: int,
    progress: Progress | None = None,
) -> Concordance:
    """The concordance of a library search, each line naming its archive (``line.archive``).

    Each archive's lines are read from its own articles; they are merged oldest first and cut
    at ``limit`` (the search's archive filter keeps one archive's). ``progress`` is called with
    (hits read, hits) over all of them, and may raise Cancelled.
    """
    chosen = {k: v for k, v in libraries.items() if not request.archive or k == request.archive}
    # Each archive's hits are counted first, so the progress counts over the whole library.
    totals = {key: _hit_count(library, request) for key, library in chosen.items()}
    everything = sum(totals.values())
    parts: dict[str, Concordance] = {}
    before = 0
    for key, library in chosen.items():
        step = None if progress is None else _offset(progress, before, everything)
        parts[key] = for_search(library, request, width=width, limit=limit, progress=step)
        before += totals[key]
    return merged_concordance(request.query, parts, limit)


def _hit_count(library: Library, request: SearchRequest) -> int:
    """How many hits ``for_search`` finds in ``library`` (the same narrowing)."""
    return library.search(
        request.query,
        limit=0,
        years=(request.year,) if request.year else (),
        publications=(request.publication,) if request.publication else (),
        months=(request.month,) if request.month else (),
    ).total


def _offset(progress: Progress, before: int, everything: int) -> Progress:
    """``progress`` of one archive's hits reported as of all: ``before`` read, ``everything`` in all."""

    def step(done: int, _total: int) -> None:
        progress(before + done, everything)

    return step
