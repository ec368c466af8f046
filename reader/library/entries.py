"""The catalogue's articles on disk: one record per issue, decoded when that issue's are used.

A catalogue cache of a national daily would otherwise unpickle a million article entries at
every open (most of a GB, seconds). Instead each issue's entries are one record in the cache
file (a pickle of the tuple, each repeated value once), and the catalogue holds only where
each record is and, per article, a hash of its id (two arrays, 16 bytes an article) to find
an article by id. An issue's ``articles`` is a :class:`~reader.model.articles.Articles` that
asks :meth:`ArticleStore.articles` for its entries; the store keeps the issues decoded last,
up to :data:`KEPT_ARTICLES`, so a walk over every article streams through them.
"""

from __future__ import annotations

import contextlib
import gc
import pickle
import threading
import weakref
from array import array
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any, BinaryIO

from reader import digests
from reader.model import Article, Issue
from reader.model.articles import Articles

# Entries kept decoded (the issues used last): a few hundred issues of a daily, ~20 MB.
KEPT_ARTICLES = 20_000
# Bytes of a record's digest.
_DIGEST = 8
# The article fields whose values repeat within an issue (a page, a column, a byline).
_REPEATED = ("issue_id", "kicker", "column", "authors", "page", "language", "source", "date")


@dataclass(frozen=True)
class Layout:
    """Where the records are, and the articles' ids hashed: arrays, pickled as a few buffers.

    ``offsets[k]``–``offsets[k + 1]`` is issue ``k``'s record in the file; its articles are
    ``starts[k]``–``starts[k + 1]`` in catalogue order (an article's ordinal, which the text
    file beside the cache uses too). ``hashes`` are the articles' id hashes, sorted, and
    ``ordinals`` the article each belongs to. ``digests`` holds each record's digest
    (:data:`_DIGEST` bytes): a record damaged on disk is an error, never wrong entries.
    """

    offsets: array[int]
    starts: array[int]
    hashes: array[int]
    ordinals: array[int]
    digests: bytes

    @property
    def article_count(self) -> int:
        """How many articles the records hold."""
        return self.starts[-1]


def id_hash(article_id: str) -> int:
    """A 64-bit hash of an article id, the same in every process (``hash()`` is not)."""
    data = article_id.encode("utf-8", "surrogatepass")
    return int.from_bytes(digests.blake2b(data, digest_size=8).digest(), "little")


def _refuse(_key: int) -> tuple[Article, ...]:
    raise RuntimeError("a catalogue being written has no entries to decode")


def write(handle: BinaryIO, issues: Iterable[Issue]) -> tuple[Layout, list[Articles]]:
    """Write each issue's articles (their text left out) as one record, in order.

    Returns the layout and, per issue, the :class:`Articles` that stands for the record (to
    pickle in its issue's place by :func:`stand_in_id`; it cannot decode).
    """
    offsets = array("q", [handle.tell()])
    starts = array("q", [0])
    keyed: list[tuple[int, int]] = []
    stand_ins = []
    digests = bytearray()
    for key, issue in enumerate(issues):
        shared: dict[Any, Any] = {}
        entries = tuple(_shared(a.without_text(), shared) for a in issue.articles)
        record = pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)
        handle.write(record)
        digests += _digest(record)
        offsets.append(handle.tell())
        keyed.extend((id_hash(a.id), starts[-1] + n) for n, a in enumerate(entries))
        starts.append(starts[-1] + len(entries))
        sources = tuple(sorted({a.source for a in entries} - {issue.source, ""}))
        stand_ins.append(Articles(_refuse, key, len(entries), sources))
    keyed.sort()
    hashes = array("Q", (h for h, _ in keyed))
    ordinals = array("q", (o for _, o in keyed))
    return Layout(offsets, starts, hashes, ordinals, bytes(digests)), stand_ins


def _digest(record: bytes) -> bytes:
    return digests.blake2b(record, digest_size=_DIGEST).digest()


def _shared(article: Article, shared: dict[Any, Any]) -> Article:
    """``article`` with each repeated value one object for the issue: pickled once."""
    values = {name: getattr(article, name) for name in _REPEATED}
    return replace(
        article, **{name: shared.setdefault(value, value) for name, value in values.items()}
    )


def stand_in_id(obj: object) -> tuple[int, int, tuple[str, ...]] | None:
    """The persistent id an issue's :class:`Articles` is pickled as (``Pickler.persistent_id``)."""
    if type(obj) is Articles:
        return obj.key, len(obj), obj.sources
    return None


class _Decoder:
    """Decodes a store's issues: ``decode(key)`` is ``store.articles(key)``; equal for one store."""

    __slots__ = ("__weakref__", "store")

    def __init__(self, store: ArticleStore) -> None:
        self.store = store

    def __call__(self, key: int) -> tuple[Article, ...]:
        return self.store.articles(key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Decoder) and other.store is self.store

    def __hash__(self) -> int:
        return id(self.store)


class ArticleStore:
    """The records of one cached catalogue, open: an issue's entries by key, an article's by id."""

    def __init__(
        self,
        handle: BinaryIO,
        layout: Layout,
        issue_ids: Sequence[str] = (),
        kept: int | None = None,
    ) -> None:
        self._handle = handle
        self.layout = layout
        self.issue_ids = issue_ids
        self._kept_limit = KEPT_ARTICLES if kept is None else kept
        self._kept: OrderedDict[int, tuple[Article, ...]] = OrderedDict()
        self._kept_size = 0
        self._lock = threading.Lock()  # the window's worker threads read too
        # The decoder every issue's Articles holds, shared while any holds it. Only a weak
        # reference here: a store holding its own decoder would be a cycle, which the
        # collector never frees once gc.freeze (collector_paused) has passed over it; a
        # process that opens archive after archive (the search server) kept every store.
        self._decoder: weakref.ref[_Decoder] | None = None
        # Open while the store is: a later write of the cache replaces the file (on POSIX
        # this one still reads the records it was opened with). Closed when the store goes.
        self._closer = weakref.finalize(self, handle.close)

    @property
    def decode(self) -> _Decoder:
        """What decodes this store's issues (compared by ``Articles.decoded_by``)."""
        decoder = self._decoder() if self._decoder is not None else None
        if decoder is None:
            decoder = _Decoder(self)
            self._decoder = weakref.ref(decoder)
        return decoder

    def stand_in(self, pid: tuple[int, int, tuple[str, ...]]) -> Articles:
        """The :class:`Articles` of a persistent id :func:`stand_in_id` gave."""
        key, count, sources = pid
        if not 0 <= key < len(self.layout.offsets) - 1 or count != self.count(key):
            raise pickle.UnpicklingError(f"no record {key} of {count} articles")
        return Articles(self.decode, key, count, sources)

    @property
    def kept(self) -> int:
        """How many entries are kept decoded now (at most the bound, or one issue's)."""
        return self._kept_size

    def count(self, key: int) -> int:
        """How many articles issue ``key`` holds."""
        return self.layout.starts[key + 1] - self.layout.starts[key]

    def articles(self, key: int) -> tuple[Article, ...]:
        """The entries of issue ``key``: decoded now, or kept from a recent decoding.

        Raises:
            OSError: The file became unreadable or was cut short after it was opened.
        """
        with self._lock:
            found = self._kept.get(key)
            if found is not None:
                self._kept.move_to_end(key)
                return found
            start, end = self.layout.offsets[key], self.layout.offsets[key + 1]
            self._handle.seek(start)
            record = self._handle.read(end - start)
        if len(record) != end - start:
            raise OSError(f"the catalogue cache ends before the articles of issue {key}")
        if _digest(record) != self.layout.digests[key * _DIGEST : (key + 1) * _DIGEST]:
            raise OSError(f"the catalogue cache is damaged at the articles of issue {key}")
        decoded: tuple[Article, ...] = pickle.loads(record)
        with self._lock:
            if key not in self._kept:
                self._kept[key] = decoded
                self._kept_size += len(decoded)
            while self._kept_size > self._kept_limit and len(self._kept) > 1:
                _gone, entries = self._kept.popitem(last=False)
                self._kept_size -= len(entries)
        return decoded

    def find(self, article_id: str) -> tuple[int, int, Article] | None:
        """The issue key, the ordinal and the entry of the article with this id, or None.

        Of several articles with one id, the last in catalogue order (as a dict by id would).
        """
        layout = self.layout
        wanted = id_hash(article_id)
        at = bisect_left(layout.hashes, wanted)
        found = None
        while at < len(layout.hashes) and layout.hashes[at] == wanted:
            ordinal = layout.ordinals[at]
            key = bisect_right(layout.starts, ordinal) - 1
            article = self.articles(key)[ordinal - layout.starts[key]]
            if article.id == article_id:  # not another id of the same hash
                found = key, ordinal, article
            at += 1
        return found

    def ordinal(self, article_id: str) -> int | None:
        """The article's position in catalogue order (its text's, beside the cache), or None."""
        found = self.find(article_id)
        return None if found is None else found[1]

    def first(self, articles: Sequence[Article]) -> int | None:
        """The ordinal of the first of ``articles`` if they are one of this store's issues."""
        if isinstance(articles, Articles) and articles.decoded_by(self.decode):
            return self.layout.starts[articles.key]
        return None

    def close(self) -> None:
        """Close the file (decoding an issue not kept then raises ValueError)."""
        self._closer()


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while unpickling, and what it made then left unscanned.

    Unpickling makes many thousands of objects, all kept and none in a cycle. Each few
    hundred new ones set off a collection rescanning those still young, and later full
    collections rescan them all (0.1 s each on national-5y when every article was an object):
    together half a warm reopen (benchmarks/README.md). ``gc.freeze`` moves every object alive
    now out of the collector's reach for good; they are still freed when no longer
    referenced, only a cycle among them would never be (the catalogue has none). Left off if
    someone else turned it off.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
        gc.freeze()
    finally:
        if was_on:
            gc.enable()


class Unpickler(pickle.Unpickler):
    """Loads issues pickled with their articles as persistent ids (see :func:`stand_in_id`)."""

    def __init__(self, handle: BinaryIO, store: ArticleStore) -> None:
        super().__init__(handle)
        self._store = store

    def persistent_load(self, pid: Any) -> Articles:
        """The issue's articles, kept in the store (a ``stand_in_id`` persistent id)."""
        return self._store.stand_in(pid)


class Pickler(pickle.Pickler):
    """Pickles issues with their :class:`Articles` as persistent ids."""

    def persistent_id(self, obj: Any) -> Any:
        """An issue's :class:`Articles` as its key, count and sources; anything else: None."""
        return stand_in_id(obj)
