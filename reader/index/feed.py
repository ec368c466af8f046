"""The issues a build reads, one at a time: text-less entries for counting, whole issues as reached.

A national daily's text is a billion characters: a build must never hold it all. The library
hands :func:`reader.index.update_index` a sequence that reads each issue's text when that issue
is reached (:class:`LazyIssues`); its ``entries`` (the catalogue's, without text) serve every
walk that needs only ids and article counts. A plain list of whole issues (the tests' way)
serves as both. :func:`units` cuts the stream into the units of work of a build.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from reader.model import Article, Issue

# The unit of work of a build holds at most about this many characters of text: a huge issue
# is cut into batches of its articles, so that no process holds it all and every process gets
# a share of it.
BATCH_CHARS = 2_000_000


@runtime_checkable
class LazyIssues(Protocol):
    """Issues whose text is read when each is reached (``library.texts.IssuesWithText``)."""

    @property
    def entries(self) -> Sequence[Issue]:
        """The same issues as they are catalogued: ids, dates, articles, without the text."""

    def __len__(self) -> int: ...

    def __getitem__(self, at: int) -> Issue:
        """The issue at ``at`` with its articles' text read."""


@dataclass(frozen=True)
class Source:
    """What a build reads: entries for the walks over metadata, whole issues one at a time.

    Attributes:
        entries: Every issue; their articles may leave the text out.
        read: The issue at a position, with its articles' text.
        holds_text: Whether ``entries`` hold their text (so sizes can be summed up front).
    """

    entries: Sequence[Issue]
    read: Callable[[int], Issue]
    holds_text: bool

    def whole(self, positions: Iterable[int]) -> Iterator[Issue]:
        """The issues at ``positions``, read one at a time (the last one let go when the next
        is taken)."""
        for at in positions:
            yield self.read(at)


def source(issues: Sequence[Issue], whole: Callable[[Issue], Issue] | None = None) -> Source:
    """The build's view of ``issues``: a lazy sequence's entries, entries read whole by
    ``whole`` when it is given, or the whole issues as given."""
    if isinstance(issues, LazyIssues):
        return Source(issues.entries, issues.__getitem__, holds_text=False)
    if whole is not None:
        return Source(issues, lambda at: whole(issues[at]), holds_text=False)
    return Source(issues, issues.__getitem__, holds_text=True)


def units(issues: Iterable[Issue], limit: int | None = None) -> Iterator[Issue]:
    """The issues, each cut into copies holding consecutive batches of its articles.

    An issue of at most ``limit`` characters stays whole; a longer one becomes copies (same id,
    date and publication, so the same index documents) of about ``limit`` characters each; an
    article longer than that is a batch of its own. ``limit`` is ``BATCH_CHARS`` by default.
    """
    limit = BATCH_CHARS if limit is None else limit
    for issue in issues:
        if text_size(issue) <= limit:
            yield issue
            continue
        batch: list[Article] = []
        size = 0
        for article in issue.articles:
            length = _article_size(article)
            if batch and size + length > limit:
                yield dataclasses.replace(issue, articles=tuple(batch))
                batch, size = [], 0
            batch.append(article)
            size += length
        if batch:
            yield dataclasses.replace(issue, articles=tuple(batch))


def peek(units: Iterator[Issue], limit: int) -> tuple[int, Iterator[Issue]]:
    """Read units until they hold ``limit`` characters (or run out): how many characters they
    hold, and all the units, those read first."""
    first: list[Issue] = []
    chars = 0
    for unit in units:
        first.append(unit)
        chars += text_size(unit)
        if chars >= limit:
            break
    return chars, itertools.chain(first, units)


def text_size(issue: Issue) -> int:
    """About how many characters an issue (with its text) gives the index (never 0)."""
    return sum(_article_size(article) for article in issue.articles) + 1


def _article_size(article: Article) -> int:
    return sum(len(p) for p in article.paragraphs) + len(article.title) + 1
