"""An opened archive: runs the importers, keeps the catalogue, and (with the index) answers searches.

The one place that joins ``reader.formats`` and ``reader.index``; the UI and the CLI both go
through it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reader import formats
from reader.formats.source import Source
from reader.model import Archive, Article, Issue, NotFound, Problem

Progress = Callable[[int, int], None]


class Library:
    """One archive, opened: its catalogue, and lookups by id."""

    def __init__(self, archive: Archive, source: Source) -> None:
        self.archive = archive
        self._source = source
        self._issues = {issue.id: issue for issue in archive.issues}
        self._articles = {
            article.id: (issue, article) for issue in archive.issues for article in issue.articles
        }

    @classmethod
    def open(cls, path: Path | str, progress: Progress | None = None) -> Library:
        """Open an archive folder or a single issue file; unreadable files become problems."""
        source = formats.open_source(Path(path).expanduser())
        return cls(formats.load_archive(source, progress), source)

    @property
    def root(self) -> Path:
        """The archive's folder (for a single file, the folder that holds it)."""
        return Path(self.archive.root)

    @property
    def issues(self) -> tuple[Issue, ...]:
        """Every issue, by publication and date."""
        return self.archive.issues

    @property
    def problems(self) -> tuple[Problem, ...]:
        """The files that could not be read, and why."""
        return self.archive.all_problems

    def issue(self, issue_id: str) -> Issue:
        """The issue with this id; NotFound when there is none."""
        try:
            return self._issues[issue_id]
        except KeyError:
            raise NotFound(f"no issue with id {issue_id!r} in this archive") from None

    def article(self, article_id: str) -> tuple[Issue, Article]:
        """The article with this id and its issue; NotFound when there is none."""
        try:
            return self._articles[article_id]
        except KeyError:
            raise NotFound(f"no article with id {article_id!r} in this archive") from None

    def original_text(self, article_id: str) -> str:
        """The article's text exactly as its file has it (OCR line breaks and all)."""
        issue, article = self.article(article_id)
        return formats.read_original(self._source, issue, article)
