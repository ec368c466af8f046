"""The archive's side of its search index: fingerprints of its issues, and the searcher in use.

``reader.index`` does the work; this supplies what only the opened archive knows (its files)
and keeps one searcher open per archive, on the index folder last chosen.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reader import digests, index
from reader.formats import Source
from reader.library import paths
from reader.model import Archive, CorruptArchive

# The index keeps its folding table in the per-user cache, like everything else of ours. Here,
# where the library first imports the index (reader.library loads its names lazily).
index.use_cache_root(paths.user_cache_root)


def fingerprints(archive: Archive, source: Source) -> dict[str, str]:
    """Per issue, a hash of its files' sizes and modification times (and its metadata).

    It changes whenever a file of the issue does, so the index re-reads only those issues.
    """
    result = {}
    for issue in archive.issues:
        digest = digests.blake2b(digest_size=12)
        digest.update(f"{issue.format}|{issue.publication}|{issue.date}|{issue.number}".encode())
        for name in sorted(issue.files):
            try:
                info = source.info(name)
            except (OSError, CorruptArchive):
                digest.update(f"|{name}:missing".encode("utf-8", "surrogateescape"))
                continue
            digest.update(f"|{name}:{info.size}:{info.mtime_ns}".encode("utf-8", "surrogateescape"))
        result[issue.id] = digest.hexdigest()
    return result


class Searchers:
    """The index folder an archive uses, and its searcher, opened on the first search.

    Shared by the window's threads: a search in the worker while the window switches folder.
    """

    def __init__(self) -> None:
        self.folder: Path | None = None
        self._searcher: index.IndexSearcher | None = None
        self._lock = threading.Lock()

    def use(self, folder: Path) -> None:
        """Search in ``folder`` from now on (the searcher of another folder is closed)."""
        with self._lock:
            if folder != self.folder and self._searcher is not None:
                self._searcher.close()
                self._searcher = None
            self.folder = folder

    def search(
        self,
        query: str,
        limit: int,
        sort: index.Sort,
        filters: index.SearchFilters,
        only: frozenset[str] | None = None,
    ) -> index.SearchResult:
        """Search the index in :attr:`folder` (set it first with :meth:`use`).

        ``only`` keeps the documents of these issue keys (see ``IndexSearcher.search``).

        Raises:
            QueryError: The query is malformed.
            IndexUnavailable: There is no index yet, or it is damaged.
        """
        return self._searcher_now().search(
            query, limit=limit, sort=sort, filters=filters, only=only
        )

    def prepare(self) -> None:
        """Save what the next process's first search needs (see ``IndexSearcher.prepare``)."""
        self._searcher_now().prepare()

    def issue_keys(self) -> frozenset[str]:
        """The issue keys the index in :attr:`folder` holds (see ``IndexSearcher.issue_keys``).

        Raises:
            IndexUnavailable: There is no index yet, or it is damaged.
        """
        return self._searcher_now().issue_keys()

    def _searcher_now(self) -> index.IndexSearcher:
        with self._lock:
            if self.folder is None:
                raise ValueError("no index folder chosen")  # a bug: Library.use_index_dir first
            if self._searcher is None:
                self._searcher = index.open_searcher(self.folder)
            return self._searcher

    def close(self) -> None:
        """Close the searcher (the next search opens it again)."""
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None
