"""The articles' text beside the catalogue cache: one file, read an article at a time, cached with a bound.

The catalogue keeps each article's metadata only (see :mod:`reader.model.text`); the text of
every article is written once, when the catalogue is cached, to a file beside it: a header,
then one record per article (its paragraphs as a UTF-8 JSON list), in catalogue order. The
catalogue keeps the records' offsets. Reading one is a seek and a read; :class:`TextCache`
keeps the articles read last, up to a number of bytes, for the window going back and forth.
"""

from __future__ import annotations

import json
import threading
import weakref
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO, overload

from reader.digests import blake2b
from reader.model import Article, Issue

_MAGIC = b"issue-reader texts 1\n"
# Text kept by a library's cache, in UTF-8 bytes: a few hundred articles of a daily.
CACHE_BYTES = 16 * 1024 * 1024


def encode(paragraphs: tuple[str, ...]) -> bytes:
    """One article's record: exact for any text (lone surrogates of a bad file name too)."""
    return json.dumps(list(paragraphs), ensure_ascii=False).encode("utf-8", "surrogatepass")


def decode(record: bytes) -> tuple[str, ...]:
    """The paragraphs of a record :func:`encode` wrote."""
    return tuple(json.loads(record.decode("utf-8", "surrogatepass")))


def write(handle: BinaryIO, token: str, issues: Iterable[Issue]) -> tuple[array[int], list[str]]:
    """Write the text of every article of ``issues``, in order: the records' offsets, and a
    digest of each issue's text (see ``Issue.text_digest``).

    ``token`` is written in the header: the catalogue that keeps the offsets keeps it too, so a
    text file from another write is never read with them. The offsets are one more than the
    articles: record ``i`` spans ``offsets[i]`` to ``offsets[i + 1]``.
    """
    handle.write(_MAGIC + token.encode("ascii") + b"\n")
    offsets = array("q", [handle.tell()])
    digests = []
    for issue in issues:
        digest = blake2b(digest_size=12)
        for article in issue.articles:
            record = encode(article.paragraphs)
            handle.write(record)
            digest.update(record)
            digest.update(b"\x1e")
            offsets.append(handle.tell())
        digests.append(digest.hexdigest())
    return offsets, digests


class TextStore:
    """The text file of one cached catalogue, open: an article's paragraphs by its id.

    ``ordinal`` gives an article's position in catalogue order (None: not in the catalogue),
    which is its record's here.
    """

    def __init__(
        self, handle: BinaryIO, offsets: array[int], ordinal: Callable[[str], int | None]
    ) -> None:
        self._handle = handle
        self._offsets = offsets
        self._ordinal = ordinal
        self._lock = threading.Lock()  # the window's worker threads read too
        # Open while the store is: on POSIX a later write of the cache replaces the file, and
        # this one still reads the text it was opened with. Closed when the store goes.
        self._closer = weakref.finalize(self, handle.close)

    @classmethod
    def open(
        cls,
        path: Path,
        token: str,
        offsets: array[int],
        ordinal: Callable[[str], int | None],
        count: int,
    ) -> TextStore:
        """Open the text file at ``path`` written with ``token`` for ``count`` articles.

        Raises:
            OSError: The file is missing, unreadable, from another write or too short.
        """
        if count + 1 != len(offsets):
            raise OSError(f"{path}: {len(offsets) - 1} texts for {count} articles")
        handle = path.open("rb")
        try:
            if handle.read(len(_MAGIC)) != _MAGIC or handle.readline().strip() != token.encode():
                raise OSError(f"{path}: not the text file of this catalogue")
            size = handle.seek(0, 2)
            if size < offsets[-1]:
                raise OSError(f"{path}: cut short ({size} bytes of {offsets[-1]})")
        except BaseException:
            handle.close()
            raise
        return cls(handle, offsets, ordinal)

    def has(self, article_id: str) -> bool:
        """Whether the file holds this article's text."""
        return self._ordinal(article_id) is not None

    def read(self, article_id: str) -> tuple[str, bytes]:
        """The record of the article with this id (KeyError: none), and its size in bytes."""
        at = self._ordinal(article_id)
        if at is None:
            raise KeyError(article_id)
        return article_id, self._span(at, at + 1)

    def _span(self, first: int, end: int) -> bytes:
        """The records of the articles ``first`` to ``end`` (excluded), in one read."""
        start, stop = self._offsets[first], self._offsets[end]
        with self._lock:
            self._handle.seek(start)
            record = self._handle.read(stop - start)
        if len(record) != stop - start:  # the file was cut after it was opened
            raise OSError(f"the catalogue's text file ends before article {end - 1}")
        return record

    def paragraphs(self, article_id: str) -> tuple[str, ...]:
        """The paragraphs of the article with this id (KeyError: none)."""
        return decode(self.read(article_id)[1])

    def whole_issue(self, issue: Issue, first: int | None = None) -> Issue:
        """``issue`` with every article whole (KeyError: a text this file does not hold).

        ``first`` is the ordinal of its first article when known (its articles are then read
        in one go), else each is found by id.
        """
        if first is None:
            articles = tuple(
                a if a.holds_text else replace(a, paragraphs=self.paragraphs(a.id))
                for a in issue.articles
            )
            return replace(issue, articles=articles)
        entries = tuple(issue.articles)
        block = self._span(first, first + len(entries))
        base = self._offsets[first]
        whole = []
        for n, article in enumerate(entries):
            if not article.holds_text:
                at = first + n
                record = block[self._offsets[at] - base : self._offsets[at + 1] - base]
                article = replace(article, paragraphs=decode(record))
            whole.append(article)
        return replace(issue, articles=tuple(whole))

    def close(self) -> None:
        """Close the file (reading afterwards raises ValueError)."""
        self._closer()


class TextCache:
    """The articles' paragraphs read last, up to ``limit`` bytes of UTF-8 (least recent go first)."""

    def __init__(self, store: TextStore, limit: int = CACHE_BYTES) -> None:
        self.store = store
        self.limit = limit
        self.size = 0
        self._kept: OrderedDict[str, tuple[tuple[str, ...], int]] = OrderedDict()
        self._lock = threading.Lock()

    def paragraphs(self, article_id: str) -> tuple[str, ...]:
        """The article's paragraphs, from the cache or else the file (KeyError: no such text)."""
        with self._lock:
            kept = self._kept.get(article_id)
            if kept is not None:
                self._kept.move_to_end(article_id)
                return kept[0]
        _id, record = self.store.read(article_id)
        paragraphs = decode(record)
        with self._lock:
            if article_id not in self._kept:
                self._kept[article_id] = (paragraphs, len(record))
                self.size += len(record)
            while self.size > self.limit and len(self._kept) > 1:
                _gone, (_text, size) = self._kept.popitem(last=False)
                self.size -= size
        return paragraphs

    def with_text(self, article: Article) -> Article:
        """The whole article of a catalogue entry (itself when it holds its text)."""
        if article.holds_text:
            return article
        return replace(article, paragraphs=self.paragraphs(article.id))

    def __len__(self) -> int:
        return len(self._kept)


class IssuesWithText(Sequence[Issue]):
    """Issues read whole one at a time, when each is reached: never all their text at once."""

    def __init__(self, issues: Sequence[Issue], whole: Callable[[Issue], Issue]) -> None:
        self._issues = issues
        self._whole = whole

    @property
    def entries(self) -> Sequence[Issue]:
        """The issues as catalogued, their text left out (for walks over ids and counts)."""
        return self._issues

    def __len__(self) -> int:
        return len(self._issues)

    @overload
    def __getitem__(self, at: int) -> Issue: ...
    @overload
    def __getitem__(self, at: slice) -> Sequence[Issue]: ...
    def __getitem__(self, at: int | slice) -> Issue | Sequence[Issue]:
        if isinstance(at, slice):
            return IssuesWithText(self._issues[at], self._whole)
        return self._whole(self._issues[at])

    def __iter__(self) -> Iterator[Issue]:
        return (self._whole(issue) for issue in self._issues)
