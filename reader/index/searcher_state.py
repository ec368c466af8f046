"""One whoosh index reader and what is derived from it once: per-document days, months, years
and publications, kept in the user cache per index build and generation
(``statecache``)."""

from __future__ import annotations

import datetime as dt
from array import array
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
from whoosh import index as whoosh_index

from reader.index import quickstate, statecache, store
from reader.index.docsets import DocSets, Ints
from reader.index.labels import Labels
from reader.index.w3 import direct, stored
from reader.model import UNDATED

# The arrays without which the saved state is not used.
_SAVED = frozenset(
    f"{name}:{part}" for name in ("publication", "month", "year") for part in ("names", "codes")
) | {"days", "live"}


class SearcherState:
    """A whoosh index reader and what is derived from it once (per-document dates, publications).

    A reader, not a whoosh ``Searcher``: matching and scoring are ours (``docsets``), and a
    searcher would import whoosh's query and searching modules (with the English stemmer's
    expressions) into every command-line search for nothing.
    """

    def __init__(self, index_dir: Path, meta: store.Meta) -> None:
        self.build = meta.build
        self._folder = str(index_dir / store.WHOOSH_DIR)
        self._stored: stored.StoredDocuments | None = None
        self._stored_directly = False
        self._index = whoosh_index.open_dir(self._folder, indexname=store.INDEX_NAME)
        self.reader = self._index.reader()
        try:
            saved = statecache.load(index_dir, meta.build, self.reader.generation())
            count = self.reader.doc_count_all()
            if saved is not None and not (
                saved.keys() >= _SAVED and len(saved["days"]) == len(saved["live"]) == count
            ):
                saved = None  # another version's file, or damaged: derived again, saved again
            if saved is not None:
                self._from_saved(saved)
            else:
                self._from_index()
            if saved is not None and saved.keys() >= {"day:names", "day:codes"}:
                self.day_labels = Labels.of(saved["day:names"], saved["day:codes"])
            else:
                self.day_labels = Labels.of_days(self.days)
            # Arrays read from the file are this state's own: converted without a copy when
            # they already have the type (eight arrays of 720,000 documents: 40 ms).
            live = saved["live"].astype(np.bool_, copy=False) if saved is not None else None
            # Field lengths are not saved: read from the segments' own columns when a query
            # first needs them, they cost a millisecond a field (see docsets).
            self.docsets = DocSets(self.reader, self.days, live)
            self._saved = saved is not None
            self._quick_saved = False
            self._issue_keys: Labels | None = None
            self._day_codes_in: tuple[Ints, Ints] | None = None
        except BaseException:
            self.reader.close()
            raise

    def _from_index(self) -> None:
        days = list(_column(self.reader, "day"))
        self.days: Ints = np.array(days, np.int64)
        self.publications = Labels(list(_column(self.reader, "publication_name")))
        months = [dt.date.fromordinal(d).strftime("%Y-%m") if d else UNDATED for d in days]
        self.months = Labels(months)
        self.years = Labels([month[:4] if month != UNDATED else UNDATED for month in months])

    def _from_saved(self, saved: statecache.Arrays) -> None:
        self.days = saved["days"].astype(np.int64, copy=False)
        self.publications = Labels.of(saved["publication:names"], saved["publication:codes"])
        self.months = Labels.of(saved["month:names"], saved["month:codes"])
        self.years = Labels.of(saved["year:names"], saved["year:codes"])

    def remember(self, index_dir: Path) -> None:
        """Save what was derived from the index, when something new was (see ``statecache``),
        and what a search without whoosh needs (see ``quickstate``), once per generation."""
        if not self._quick_saved:
            self._remember_quick(index_dir)
            self._quick_saved = True
        if self._saved:
            return
        arrays: statecache.Arrays = {"days": self.days, "live": self.docsets.live}
        named = {
            "publication": self.publications,
            "month": self.months,
            "year": self.years,
            "day": self.day_labels,
        }
        for name, labels in named.items():
            arrays[f"{name}:names"] = np.array(labels.names, dtype=str)
            arrays[f"{name}:codes"] = labels.codes
        statecache.save(index_dir, self.build, self.reader.generation(), arrays)
        self._saved = True

    def _remember_quick(self, index_dir: Path) -> None:
        toc = quickstate.toc_stamp(
            index_dir / store.WHOOSH_DIR, f"_{store.INDEX_NAME}_{self.reader.generation()}.toc"
        )
        if toc is None or quickstate.is_saved(index_dir, self.build, toc):
            return
        segments = direct.segments_of(self.reader) if self.reader.doc_count_all() else []
        state = quickstate.QuickState(
            build=self.build,
            toc=toc,
            count=self.reader.doc_count_all(),
            segments=tuple(quickstate.Segment(n, b, c, frozenset(d)) for n, b, c, d in segments),
            boosts=dict(self.docsets.boosts),
            totals={f: float(self.reader.field_length(f)) for f in self.docsets.boosts},
            length_table=tuple(direct.length_table()),
            publications=tuple(self.publications.names),
            days=array("i", self.days.tolist()),
            publication_codes=array("i", self.publications.codes.tolist()),
        )
        quickstate.save(index_dir, state)

    def day_codes_in(self) -> tuple[Ints, Ints]:
        """Each day label's month and year codes: a day's counts roll up into both."""
        if self._day_codes_in is None:
            days = self.day_labels
            month = days.codes_in(self.months, lambda day: day if day == UNDATED else day[:7])
            year = days.codes_in(self.years, lambda day: day if day == UNDATED else day[:4])
            self._day_codes_in = (month, year)
        return self._day_codes_in

    def issue_keys(self) -> Labels:
        """Each document's issue id and fingerprint (``schema.issue_key``), read when first asked.

        Only a search while the index is being built asks: which issues it holds as they are.
        """
        if self._issue_keys is None:
            keys = _column(self.reader, "issue_key")
            self._issue_keys = Labels([key.decode("utf-8") for key in keys])
        return self._issue_keys

    def current(self, meta: store.Meta) -> bool:
        """Whether this reader still reads the index's current build (and whoosh generation).

        As whoosh's ``Searcher.up_to_date``: the index's latest generation is the reader's.
        """
        if meta.build != self.build:
            return False
        return bool(self._index.latest_generation() == self.reader.generation())

    def stored_fields(self, docnum: int) -> dict[str, Any]:
        """A document's stored fields, read from its segment's column directly: whoosh reads
        a segment's whole arrays of offsets and lengths first (60 ms for a page of hits on
        national-50y's segments). Whoosh reads them when a segment has no column file of
        its own (a compound segment, which this package does not write)."""
        if self._stored is None:
            segments = direct.segments_of(self.reader) if self.reader.doc_count_all() else []
            self._stored = stored.StoredDocuments(self._folder, [s[:3] for s in segments])
            self._stored_directly = self._stored.available()
        if self._stored_directly:
            return self._stored.get(docnum)
        found: dict[str, Any] = self.reader.stored_fields(docnum)
        if not found:
            raise direct.Unreadable(f"document {docnum} has no stored fields")
        return found

    def close(self) -> None:
        """Close the whoosh reader and the columns read directly."""
        self.reader.close()
        if self._stored is not None:
            self._stored.close()


def _column(reader: Any, name: str) -> Iterable[Any]:
    """A column's values, one per document; none for an index with no documents.

    An archive with no readable article has an index without segments, whose reader has no
    columns at all (whoosh raises NotImplementedError): that is an empty index, not damage.
    """
    if reader.doc_count_all() == 0:
        return ()
    return reader.column_reader(name)  # type: ignore[no-any-return]
