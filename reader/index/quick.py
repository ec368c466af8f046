"""A search that reads the index files directly: no whoosh, no numpy, for a fresh process.

A command-line search on a built index spent about 90 ms importing numpy and whoosh before
its first read. This module answers the same query the same way as
:mod:`reader.index.ranking` (the same matches, BM25F scores to the last bit, order, facets
and hits) with Python sets and dicts over what :mod:`reader.index.w3.direct` reads and what
the last search through whoosh saved (:mod:`reader.index.quickstate`). It answers only
what it can answer quickly: no filters, postings it can decode, and at most
:data:`reader.index.quickterms.WORK_LIMIT` postings and positions; otherwise :meth:`QuickIndex.search` returns None
and the caller asks whoosh and numpy.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.index import quickstate, store
from reader.index.query import Node
from reader.index.quickquery import QuickQuery
from reader.index.quickterms import LIST_LIMIT, Declined
from reader.index.results import SearchResult
from reader.index.w3 import direct, stored
from reader.model.vocabulary import Sort

# Documents in an index beyond which the saved state (8 bytes a document, read whole) costs
# more than numpy's imports save. Every query the work limit lets through is quicker here in a
# fresh process: on national-50y (720,000 articles) a rare name's search took 315–460 ms end to
# end against 550–680 through numpy, and a query declined from its terms' infos, before a
# posting is read, pays 15–20 ms for the attempt.
QUICK_DOCS = 1_000_000


class Segment:
    """A segment's open files (the term table first; the rest when a query needs them)."""

    def __init__(self, folder: Path, info: quickstate.Segment) -> None:
        self.info = info
        self.folder = folder
        self.terms = direct.TermTable(str(folder / f"{info.name}.trm"))
        self._pst: direct.File | None = None

    def pst(self) -> direct.File:
        """The posting lists' file."""
        if self._pst is None:
            self._pst = direct.File(str(self.folder / f"{self.info.name}.pst"))
        return self._pst

    def close(self) -> None:
        """Close the segment's files."""
        self.terms.close()
        if self._pst is not None:
            self._pst.close()


class QuickIndex:
    """One index build's files, open for queries (one thread's)."""

    def __init__(self, index_dir: Path, state: quickstate.QuickState) -> None:
        self.index_dir = index_dir
        self.state = state
        self.folder = index_dir / store.WHOOSH_DIR
        self.segments: list[Segment] = []
        self.stored = stored.StoredDocuments(
            str(self.folder), [(s.name, s.base, s.count) for s in state.segments]
        )
        try:
            for info in state.segments:
                self.segments.append(Segment(self.folder, info))
        except BaseException:
            self.close()
            raise
        self._lengths: dict[str, bytes] = {}
        self._live: set[int] | None = None
        self._zstd: Any = None

    def current(self) -> bool:
        """Whether the index is still the build and generation these files were opened on."""
        meta = store.read_meta(self.index_dir)
        toc = quickstate.toc_stamp(self.folder, self.state.toc[0])
        return meta is not None and meta.build == self.state.build and toc == self.state.toc

    def close(self) -> None:
        """Close the files."""
        for segment in self.segments:
            segment.close()
        self.segments = []
        self.stored.close()

    def search(self, text: str, node: Node, limit: int, sort: Sort) -> SearchResult | None:
        """The query's result as :func:`reader.index.ranking.run` gives it without filters,
        or None when this module declines it (see :data:`reader.index.quickterms.WORK_LIMIT`)."""
        try:
            result = QuickQuery(self).run(text, node, limit, sort)
        except Declined:
            return None
        # A commit by another process meanwhile may have removed a file read after it (a
        # field's lengths, read as none): what was read is then not one index's. Asked again.
        return result if self.current() else None

    def zstd(self) -> Any:
        """The ``zstandard`` module (imported when a packed posting list is first read)."""
        if self._zstd is None:
            import zstandard

            self._zstd = zstandard
        return self._zstd

    def live(self) -> set[int]:
        """Every document not deleted."""
        if self._live is None:
            if self.state.count > LIST_LIMIT:
                raise Declined
            found: set[int] = set()
            for segment in self.state.segments:
                found.update(
                    segment.base + d for d in range(segment.count) if d not in segment.deleted
                )
            self._live = found
        return self._live

    def length_bytes(self, field: str) -> bytes:
        """Each document's length byte in ``field`` (``state.length_table`` gives the length
        whoosh's scorer reads it as): a byte per document, looked up for the hits only."""
        found = self._lengths.get(field)
        if found is None:
            found = direct.field_length_bytes(
                str(self.folder), ((s.info.name, s.info.count) for s in self.segments), field
            )
            self._lengths[field] = found
        return found


def open_quick(index_dir: Path) -> QuickIndex | None:
    """The index's files open for direct reading, or None when they cannot be used so:
    no index, one found damaged, or no state saved for its build and generation yet."""
    meta = store.read_meta(index_dir)
    if meta is None or meta.articles > QUICK_DOCS or store.damage_reason(index_dir) is not None:
        return None
    if store.damaged_file(index_dir, meta) is not None:
        return None  # the full search marks it and says so
    folder = index_dir / store.WHOOSH_DIR
    if store.latest_generation(folder) != meta.generation:
        return None  # not what meta.json recorded: the full search decides what it is
    toc = quickstate.toc_stamp(folder, f"_{store.INDEX_NAME}_{meta.generation}.toc")
    state = quickstate.load(index_dir, meta.build, toc)
    if state is None:
        return None
    return QuickIndex(index_dir, state)
