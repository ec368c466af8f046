"""An opened archive's search index: where it is, building it, searching it, a query's matches.

Whether it is current, a search while it is built (the rest scanned), and where a query
matches in an article, too. A part of :class:`reader.library.Library` (one of its base
classes), kept apart from the catalogue side:
the library supplies the archive's issues with their text and their fingerprints.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader import index
from reader.library import indexes, paths
from reader.library.destination import CannotWrite, failed
from reader.library.placing import field_texts
from reader.model import Article, IndexUnavailable, Issue, Progress

if TYPE_CHECKING:
    from reader.library import provisional


class IndexNotWritten(CannotWrite, IndexUnavailable):
    """The index folder cannot be made or written: read-only, a file in its way, the disk full…"""

    MESSAGE = "cannot write the search index in {path}: {reason}"


class ArchiveIndex:
    """The index side of an opened archive (see :class:`reader.library.Library`)."""

    # Set by the library: what was opened (the index folder is keyed by it), the searchers,
    # and the scan of a search while the index is built (made by the first search_now).
    path: Path
    _searchers: indexes.Searchers
    _scanner: provisional.Scanner | None
    _lock: threading.Lock

    def fingerprints(self) -> dict[str, str]:
        """Per issue, a hash that changes whenever the issue does (the library's)."""
        raise NotImplementedError

    def issues_with_text(self) -> Sequence[Issue]:
        """Every issue with its articles' text, read as reached (the library's)."""
        raise NotImplementedError

    def article(self, article_id: str) -> tuple[Issue, Article]:
        """The article with this id, its text included, and its issue (the library's)."""
        raise NotImplementedError

    @property
    def issues(self) -> tuple[Issue, ...]:
        """Every issue, its articles' text left unread (the library's)."""
        raise NotImplementedError

    def issue_with_text(self, issue: Issue) -> Issue:
        """The issue with every article whole (the library's)."""
        raise NotImplementedError

    def index_dir(self, index_root: Path | str | None = None) -> Path:
        """The folder of this archive's index below ``index_root`` (the per-user cache if None).

        Searches use the folder last asked for here (the default one until then). The folder
        is keyed by what was opened: a single issue file and the folder that holds it never
        share an index.
        """
        folder = paths.index_dir(self.path, index_root)
        self.use_index_dir(folder)
        return folder

    def use_index_dir(self, folder: Path | str) -> None:
        """Search (and index) in ``folder`` from now on: ``--index-dir`` on the command line."""
        self._searchers.use(Path(folder))

    def _current_index_dir(self) -> Path:
        folder = self._searchers.folder
        return folder if folder is not None else self.index_dir()

    def clear_index(self, index_root: Path | str | None = None) -> bool:
        """Delete this archive's index below ``index_root`` (the per-user cache if None).

        Only the archive's own folder right below the index root is ever deleted, never a
        symlink or anything outside it. The next :meth:`update_index` builds the index anew.

        Returns:
            Whether there was an index folder to delete.

        Raises:
            IndexUnavailable: An update is writing the index now.
            OSError: A file could not be deleted.
        """
        root = Path(index_root if index_root is not None else paths.index_root()).resolve()
        folder = paths.index_dir(self.path, root)
        if folder.parent != root or folder.resolve().parent != root:
            raise ValueError(f"{folder} is not an index folder in {root}")  # a bug
        self._searchers.close()  # its open files would keep the index (Windows) or its space
        return index.remove_index(folder)

    def index_available(self, index_dir: Path | str | None = None) -> bool:
        """Whether a complete index exists to search (it may predate the latest changes)."""
        return index.is_usable(Path(index_dir) if index_dir else self._current_index_dir())

    def index_damage(self, index_dir: Path | str | None = None) -> str | None:
        """Why the index was found damaged (the next update rebuilds it), or None."""
        return index.damage_reason(Path(index_dir) if index_dir else self._current_index_dir())

    def index_unwritable(self, index_dir: Path | str | None = None) -> IndexNotWritten | None:
        """Why the index folder cannot be made or written (a file in its way, a read-only
        folder), or None when it can as far as can be seen: nothing is made to find out."""
        folder = Path(index_dir) if index_dir else self._current_index_dir()
        folder = folder.expanduser().absolute()
        existing = next((p for p in (folder, *folder.parents) if os.path.lexists(p)), None)
        if existing is None:
            return None
        if not existing.is_dir():
            if existing == folder:
                return IndexNotWritten.of(str(folder), "is_file")
            return IndexNotWritten.of(str(folder), "folder_is_file", folder=str(existing))
        if not os.access(existing, os.W_OK | os.X_OK):
            code = "permission_denied"
            return IndexNotWritten.of(str(folder), code, where=str(existing))
        return None

    def index_current(self, index_dir: Path | str | None = None) -> bool:
        """Whether the index matches the archive as it is now (no update needed)."""
        folder = Path(index_dir) if index_dir else self._current_index_dir()
        return index.is_current(folder, self.fingerprints())

    def update_index(
        self,
        index_dir: Path | str | None = None,
        progress: Progress | None = None,
        *,
        rebuild: bool = False,
        workers: int | None = None,
    ) -> index.IndexStats:
        """Build or update the index in this process (the CLI's way; the window uses a job).

        ``workers`` is the number of processes a first build uses (None: chosen by the
        archive's size and the cores).

        Raises:
            IndexNotWritten: The index folder cannot be made or written (said why, coded).
        """
        folder = Path(index_dir) if index_dir else self._current_index_dir()
        # Plain issues, each read whole only when the index writes it: an update that adds one
        # issue reads that one, not the archive.
        try:
            return index.update_index(
                folder,
                self.issues,
                self.fingerprints(),
                progress,
                rebuild=rebuild,
                whole=self.issue_with_text,
                workers=workers,
            )
        except IndexUnavailable as exc:
            if isinstance(exc.__cause__, OSError):  # the folder could not be made or written
                raise failed(str(folder), exc.__cause__, IndexNotWritten) from exc.__cause__
            raise

    def prepare_search(self) -> None:
        """Save what a later process's first search needs of the index just built or updated
        (the command line's ``index``: the search that follows starts fast).

        Raises:
            IndexUnavailable: There is no index yet, or it is damaged.
        """
        self._current_index_dir()
        self._searchers.prepare()

    def ensure_index(
        self, index_dir: Path | str | None = None, progress: Progress | None = None
    ) -> index.IndexStats | None:
        """Update the index when the archive changed since it was built; None when it had not."""
        if self.index_current(index_dir):
            return None
        return self.update_index(index_dir, progress)

    def search(
        self,
        query: str,
        *,
        limit: int = 20,
        sort: index.Sort = "relevance",
        years: tuple[str, ...] = (),
        publications: tuple[str, ...] = (),
        months: tuple[str, ...] = (),
        days: tuple[str, ...] = (),
    ) -> index.SearchResult:
        """Search the archive's index (build it first: :meth:`ensure_index` or :meth:`index_job`).

        ``years``, ``publications``, ``months`` (``"2022-09"``) and ``days`` (``"2022-09-19"``)
        keep only their hits; months and days narrow the hits and their total but not the facets.

        Raises:
            QueryError: The query is malformed.
            IndexUnavailable: There is no index yet, or it is damaged.
        """
        self._current_index_dir()  # the default folder, until another is chosen
        filters = index.SearchFilters(
            years=tuple(years),
            publications=tuple(publications),
            months=tuple(months),
            days=tuple(days),
        )
        return self._searchers.search(query, limit, sort, filters)

    def search_now(
        self,
        query: str,
        *,
        limit: int = 20,
        sort: index.Sort = "relevance",
        filters: index.SearchFilters | None = None,
        budget: float | None = None,
    ) -> provisional.Provisional:
        """Search at once, while the index is built: the issues it holds as they are there, the
        rest scanned (within ``budget`` seconds); see ``library.provisional``.

        Raises QueryError (a malformed query) and IndexUnavailable (a damaged index).
        """
        from reader.library import provisional

        searchers = self._searchers if self.index_available() else None
        filters = filters or index.SearchFilters()
        with self._lock:
            if self._scanner is None:
                self._scanner = provisional.Scanner()
            scanner = self._scanner
        return scanner.search(self, searchers, query, limit, sort, filters, budget)

    def forget_scanned(self) -> None:
        """Drop the folded text :meth:`search_now` keeps (the index holds every issue now)."""
        if self._scanner is not None:
            self._scanner.clear()

    def matches(
        self, article_id: str, query: str, *, body: str | None = None
    ) -> list[tuple[str, int, int]]:
        """Where ``query`` matches in an article, for highlighting it whole.

        Returns ``(field, start, end)`` in Python ``str`` offsets, in the order the fields are
        shown; ``field`` is ``kicker``, ``title``, ``subtitle``, ``column``, ``byline``
        (offsets into :meth:`byline` of the authors, as the concordance's lines count) or
        ``body`` (offsets into ``Article.text``, or into ``body`` when given: the original
        text, whose line breaks may fall inside a match).

        Raises:
            QueryError: The query is malformed.
            NotFound: There is no such article.
        """
        _issue, article = self.article(article_id)
        found = index.highlights(query, field_texts(article, body))
        return [(name, start, end) for name, spans in found.items() for start, end in spans]

    @staticmethod
    def byline(authors: Sequence[str]) -> str:
        """The authors on one line, as :meth:`matches` counts its ``byline`` offsets.

        By spaces (张晓明 郭强), by commas when a name has a space (Ada Lovelace, Tim Berners-Lee).
        """
        return index.byline(authors)

    @staticmethod
    def find_text(text: str, needle: str) -> list[tuple[int, int]]:
        """Where ``needle`` occurs in ``text``, folded as search folds (the find bar's rule).

        长子 finds 長子, pm2.5 finds ＰＭ２．５, decembre finds DÉCEMBRE and 供热 finds 供\\n热;
        any substring counts, not only whole words.

        Returns:
            ``(start, end)`` Python ``str`` offsets into ``text``, in order, not overlapping.
        """
        return index.find_folded(text, needle)
