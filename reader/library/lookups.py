"""Finding an opened archive's issues and articles by id, date or number, and their whole text.

A part of :class:`reader.library.Library` (one of its base classes), kept apart from opening
and reading the catalogue: a cached catalogue's articles leave their text on disk, and these
lookups hand out whole ones.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader import formats
from reader.formats import Source
from reader.library import entries, texts
from reader.model import Archive, Article, Issue, NotFound, TextNotRead


class ArchiveLookups:
    """The lookups of an opened archive (see :class:`reader.library.Library`)."""

    # Set by the library when its catalogue is read (see ``Library._set_archive``).
    _source: Source
    _issues: dict[str, Issue]
    _articles: dict[str, tuple[Issue, Article]] | None
    _entries: entries.ArticleStore | None
    _texts: texts.TextCache | None

    @property
    def archive(self) -> Archive:
        """The catalogue (the library's: read when first used if opened lazily)."""
        raise NotImplementedError

    @property
    def issues(self) -> tuple[Issue, ...]:
        """Every issue (the library's)."""
        raise NotImplementedError

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
