"""An opened archive: runs the importers, keeps the catalogue, and (with the index) answers searches.

The one place that joins ``reader.formats`` and ``reader.index``; the UI and the CLI both go
through it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from reader import formats, index
from reader.formats import FileSource, FolderSource, Source
from reader.library import aliases, catalogue, entries, fingermemo, indexes, texts
from reader.library.archive_index import ArchiveIndex
from reader.model import (
    Archive,
    Article,
    Duplicate,
    Issue,
    NotFound,
    Problem,
    Progress,
    TextNotRead,
)

if TYPE_CHECKING:
    from reader.library import provisional, verify
    from reader.library.misreads import Suggestion


def _heard(on_batch: catalogue.Listener, batch: Archive) -> tuple[Issue, ...]:
    """Tell ``on_batch`` of a batch read without a cache (its text kept in memory)."""
    on_batch(catalogue.Catalogue(batch))
    return batch.issues


class Library(ArchiveIndex):
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
        """Size and modification time of each file the catalogue of ``path`` is read from.

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

    def issue(self, issue_id: str) -> Issue:
        """The issue with this id; NotFound when there is none."""
        self.archive  # noqa: B018  (read the catalogue if it was opened lazily)
        try:
            return self._issues[issue_id]
        except KeyError:
            raise NotFound(f"no issue with id {issue_id!r} in this archive") from None

    def find_issue(self, wanted: str) -> Issue:
        """The issue with id ``wanted``, or else the one issue of that ISO date or printed number.

        A number may be written as the paper prints it (``总1810期``).

        Raises:
            NotFound: No issue matches, or several do (the message names some of their ids).
        """
        try:
            return self.issue(wanted)
        except NotFound:
            from reader.library import navigation  # here: most commands never need it

            return navigation.issue_by_date_or_number(self.issues, wanted)

    def article(self, article_id: str) -> tuple[Issue, Article]:
        """The article with this id, its text included, and its issue; NotFound when there is none.

        The issue's articles are catalogue entries (their text is read by :meth:`with_text`).
        """
        found = self.find_article(article_id)
        if found is None:
            raise NotFound(f"no article with id {article_id!r} in this archive")
        issue, article = found
        return issue, self.with_text(article)

    def find_article(self, article_id: str) -> tuple[Issue, Article] | None:
        """The catalogue entry of the article with this id (its text left out) and its issue."""
        self.archive  # noqa: B018  (read the catalogue if it was opened lazily)
        if self._articles is not None:
            return self._articles.get(article_id)
        assert self._entries is not None  # set whenever _articles is not
        found = self._entries.find(article_id)
        if found is None:
            return None
        issue = self._issues.get(self._entries.issue_ids[found[0]])
        return None if issue is None else (issue, found[2])

    def with_text(self, article: Article) -> Article:
        """The whole article of a catalogue entry of this archive (read from disk, or cached).

        An article that holds its text is returned as it is.

        Raises:
            TextNotRead: The archive has no text for it (an entry of another archive).
            OSError: The text file beside the catalogue cache became unreadable.
        """
        if article.holds_text:
            return article
        self.archive  # noqa: B018  (read the catalogue if it was opened lazily)
        if self._texts is None or not self._texts.store.has(article.id):
            raise TextNotRead
        return self._texts.with_text(article)

    def issue_with_text(self, issue: Issue) -> Issue:
        """The issue with every article whole; read past the cache (the index reads them all)."""
        if all(a.holds_text for a in issue.articles):
            return issue
        if self._texts is None:
            raise TextNotRead
        first = self._entries.first(issue.articles) if self._entries is not None else None
        return self._texts.store.whole_issue(issue, first)

    def issues_with_text(self) -> Sequence[Issue]:
        """Every issue, each read whole when it is reached (one at a time, for a scan)."""
        return texts.IssuesWithText(self.issues, self.issue_with_text)

    def original_text(self, article_id: str) -> str:
        """The article's text exactly as its file has it (OCR line breaks and all)."""
        issue, article = self.article(article_id)
        return formats.read_original(self._source, issue, article)

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

        Returns ``(field, start, end)`` in Python ``str`` offsets; ``field`` is ``kicker``,
        ``title``, ``subtitle`` or ``body`` (offsets into ``Article.text``, or into ``body``
        when given: the original text, whose line breaks may fall inside a match).

        Raises:
            QueryError: The query is malformed.
            NotFound: There is no such article.
        """
        _issue, article = self.article(article_id)
        texts = {
            "kicker": article.kicker,
            # A derived title is body text: a title: query does not match it.
            "title": "" if article.title_derived else article.title,
            "subtitle": article.subtitle,
            "body": article.text if body is None else body,
        }
        found = index.highlights(query, texts)
        return [(name, start, end) for name, spans in found.items() for start, end in spans]

    @staticmethod
    def find_text(text: str, needle: str) -> list[tuple[int, int]]:
        """Where ``needle`` occurs in ``text``, folded as search folds (the find bar's rule).

        长子 finds 長子, pm2.5 finds ＰＭ２．５, decembre finds DÉCEMBRE and 供热 finds 供\\n热;
        any substring counts, not only whole words.

        Returns:
            ``(start, end)`` Python ``str`` offsets into ``text``, in order, not overlapping.
        """
        return index.find_folded(text, needle)

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
