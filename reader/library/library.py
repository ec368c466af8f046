"""An opened archive: runs the importers, keeps the catalogue, and (with the index) answers searches.

The one place that joins ``reader.formats`` and ``reader.index``; the UI and the CLI both go
through it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from reader import formats, index
from reader.formats import FileSource, FolderSource, Source
from reader.library import aliases, catalogue, entries, fingermemo, indexes, texts
from reader.library.archive_index import ArchiveIndex
from reader.library.lookups import ArchiveLookups
from reader.model import (
    Archive,
    Duplicate,
    Issue,
    Problem,
    Progress,
)

if TYPE_CHECKING:
    from reader.library import provisional, verify
    from reader.library.misreads import Suggestion


def _heard(on_batch: catalogue.Listener, batch: Archive) -> tuple[Issue, ...]:
    """Tell ``on_batch`` of a batch read without a cache (its text kept in memory)."""
    on_batch(catalogue.Catalogue(batch))
    return batch.issues


class Library(ArchiveLookups, ArchiveIndex):
    """One archive, opened: its catalogue, lookups by id, and its search index.

    The catalogue's articles (``issues``, :meth:`issue`) may leave their text on disk (see
    :mod:`reader.model.text`): :meth:`article` and :meth:`with_text` hand out whole ones.
    A context manager: leaving the ``with`` block closes the index searcher.
    """

    def __init__(
        self,
        archive: Archive | catalogue.Catalogue | Callable[[], Archive | catalogue.Catalogue],
        source: Source,
        path: Path | None = None,
    ) -> None:
        """``archive`` may be a function that reads it when first needed (a folder's only)."""
        self._source = source
        # What was opened (a folder, or a single issue file): a spawned index job reopens it.
        if path is None:
            path = Path(source.root) if callable(archive) else Path(_archive_of(archive).root)
        self.path = path
        self._suggestions: tuple[Suggestion, ...] | None = None
        self._searchers = indexes.Searchers()
        # Made by the first search_now: a search on a built index needs no scan (nor its code).
        self._scanner: provisional.Scanner | None = None
        # Set by open(): the state of the files the catalogue is read from, and where the
        # issues' fingerprints are remembered (see fingermemo).
        self._state: catalogue.FileState | None = None
        self._memo: Path | None = None
        self._lock = threading.Lock()
        self._archive: Archive | None = None
        self._texts: texts.TextCache | None = None
        self._entries: entries.ArticleStore | None = None
        self._loader = archive if callable(archive) else None
        if callable(archive):  # the aliases are keyed by the archive's root: the folder
            self.user_aliases = aliases.read(source.root)
        else:
            self._set_archive(archive)

    def _set_archive(self, archive: Archive | catalogue.Catalogue) -> None:
        if isinstance(archive, catalogue.Catalogue):
            store = archive.texts
            self._texts = texts.TextCache(store) if store is not None else None
            self._entries = archive.entries
            archive = archive.archive
        # The reader's own publication aliases, on top of the archive's settings (and cache).
        self.user_aliases = aliases.read(archive.root)
        archive = aliases.applied(archive, self.user_aliases)
        self._archive = archive
        self._issues = {issue.id: issue for issue in archive.issues}
        # A cached catalogue finds an article by id in its store, without an entry per article.
        self._articles = (
            None
            if self._entries is not None
            else {a.id: (issue, a) for issue in archive.issues for a in issue.articles}
        )

    @classmethod
    def open(
        cls,
        path: Path | str,
        progress: Progress | None = None,
        *,
        cache_root: Path | str | None = None,
        use_cache: bool = True,
        lazy: bool = False,
        on_batch: catalogue.Listener | None = None,
        state: catalogue.FileState | None = None,
        apart: bool = False,
    ) -> Library:
        """Open an archive folder, a zip or a single issue file; unreadable files become problems.

        The catalogue is cached below ``cache_root`` (the per-user cache folder if None) and
        reused while no file of the archive has changed; ``use_cache=False`` reads every file.
        With ``lazy`` (a folder only), the catalogue is read when first used: a search on an
        index that is current never reads it (the command line's quick search). When the
        files are read, ``on_batch`` hears the issues as they come (the window shows them).
        ``state`` is the :meth:`file_state` of ``path`` when the caller has just taken it
        (listing a national daily's 18,000 files takes a second). With ``apart``, the files
        are read by a spawned process (:mod:`reader.library.read_apart`).
        """
        opened = Path(path).expanduser()
        source = formats.open_source(opened)
        if not use_cache:
            heard = None if on_batch is None else partial(_heard, on_batch)
            archive = formats.load_archive(source, progress, heard)
            return cls(archive, source, opened.resolve())
        root = Path(cache_root) if cache_root is not None else None
        if state is None:
            state = catalogue.file_state(opened, source)

        def load() -> catalogue.Catalogue:
            return catalogue.read_stamped(opened, source, progress, root, state, on_batch, apart)

        lazy = lazy and isinstance(source, FolderSource)
        library = cls(load if lazy else load(), source, opened.resolve())
        library._state = state
        library._memo = fingermemo.memo_file(root, opened)
        return library

    @property
    def archive(self) -> Archive:
        """The catalogue: every issue, problem and duplicate (read now if opened lazily)."""
        with self._lock:
            if self._archive is None:
                assert self._loader is not None  # set whenever the archive is not
                self._set_archive(self._loader())
                self._loader = None
            assert self._archive is not None
            return self._archive

    @staticmethod
    def file_state(path: Path | str) -> catalogue.FileState:
        """Size, modification and change time of each file the catalogue of ``path`` is read from.

        Two states differ exactly when opening ``path`` again could give another catalogue,
        so a window watching the archive re-reads it only then (see
        :func:`reader.library.catalogue.file_state`).

        Raises:
            CorruptArchive: Nothing is at ``path`` any more.
        """
        opened = Path(path).expanduser()
        return catalogue.file_state(opened, FolderSource(opened) if opened.is_dir() else None)

    def __enter__(self) -> Library:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def root(self) -> Path:
        """The archive's folder (for a single file, the folder that holds it)."""
        if self._archive is None:  # opened lazily, and a folder: the folder itself
            return Path(self._source.root)
        return Path(self._archive.root)

    @property
    def source(self) -> Source:
        """The archive's files, read-only (page layouts and images are read from it)."""
        return self._source

    @property
    def single_file(self) -> bool:
        """Whether a single issue file was opened (not a folder or a zip)."""
        return isinstance(self._source, FileSource)

    @property
    def issues(self) -> tuple[Issue, ...]:
        """Every issue, by publication and date."""
        return self.archive.issues

    @property
    def problems(self) -> tuple[Problem, ...]:
        """The files that could not be read, and why."""
        return self.archive.all_problems

    @property
    def duplicates(self) -> tuple[Duplicate, ...]:
        """Copies of files already read (a second issue METS, a second batch file): not problems."""
        return self.archive.duplicates

    def alias_suggestions(self) -> tuple[Suggestion, ...]:
        """Mastheads that look like OCR misreads of a name the text uses (found once, then kept).

        Reads the text of the issues: the window asks on its worker thread first.
        """
        if self._suggestions is None:
            self._suggestions = tuple(
                aliases.suggestions(self.archive, self.user_aliases, self.with_text)
            )
        return self._suggestions

    # The search index (reader.index does the work; this supplies the archive's side).

    def fingerprints(self) -> dict[str, str]:
        """Per issue, a hash of its files' sizes and modification times (and its metadata).

        It changes whenever a file of the issue does, so the index re-reads only those issues.
        """
        if self._state is None or self._memo is None:  # opened without the catalogue cache
            return indexes.fingerprints(self.archive, self._source)
        memo = fingermemo.Memo(self._memo, catalogue.stamp(self._state), self.user_aliases)
        if self._archive is None:  # not read yet: perhaps it need not be
            known = memo.load(self._source)
            if known is not None:
                return known
        found = indexes.fingerprints(self.archive, self._source)
        memo.keep(found, self.archive, self._state, self._source)
        return found

    def index_job_args(self, index_dir: Path | str) -> tuple[str, str]:
        """The arguments of :meth:`index_job` for this archive: plain strings, picklable."""
        return str(self.path), str(index_dir)

    @staticmethod
    def index_job(path: str, index_dir: str, progress: Progress | None = None) -> index.IndexStats:
        """Run in a spawned process: :func:`build_index` (picklable, plain arguments)."""
        return build_index(path, index_dir, progress)

    def verify(self, progress: Progress | None = None) -> verify.Report:
        """Check the archive's files against its checksum manifests (see ``library.verify``).

        ``progress(bytes_done, bytes_total)`` may raise Cancelled to stop between two chunks.
        """
        # Imported here: the checksum readers are not needed by the other commands (a search).
        from reader.library import verify as verifying

        return verifying.verify(self.archive, self._source, progress)

    def close(self) -> None:
        """Close the index searchers (the catalogue stays usable) and drop the scan's text."""
        self._searchers.close()
        if self._scanner is not None:
            self._scanner.clear()


def _archive_of(found: Archive | catalogue.Catalogue) -> Archive:
    return found.archive if isinstance(found, catalogue.Catalogue) else found


def build_index(path: str, index_dir: str, progress: Progress | None = None) -> index.IndexStats:
    """Open the archive at ``path`` and bring its index in ``index_dir`` up to date.

    A top-level function of plain arguments, for a spawned process (``Library.index_job`` with
    ``Library.index_job_args()``). ``progress`` may raise ``Cancelled``.
    """
    with Library.open(path) as library:
        return library.update_index(index_dir, progress)
