"""A read apart's catalogue entries: written by the reading process, found and decoded by the window.

The window's process must not hold an object per article while a large archive is read (at
national-50y, 720,000 of them: most of a GB that the allocator keeps after they are freed). So
the reading process writes each batch's articles (their text left out) as records to a file of
its own, as a cached catalogue holds them (:func:`reader.library.entries.write`), and sends only
where they are. The window's issues hold :class:`~reader.model.articles.Articles` that decode a
record when it is used, through one :class:`~reader.library.entries.ArticleStore` whose layout
grows batch by batch.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from reader.library import entries
from reader.model import Archive, Issue
from reader.model.articles import Articles


@dataclass(frozen=True)
class Written:
    """Where one batch's records are (keys and ordinals counted from the batch's first), and
    each issue's article count and other source files; its issues go without their articles."""

    shell: Archive
    layout: entries.Layout
    counts: tuple[int, ...]
    sources: tuple[tuple[str, ...], ...]


class EntriesOut:
    """In the reading process: the file the batches' records go to."""

    def __init__(self, path: Path) -> None:
        self._handle = path.open("wb")

    def write(self, batch: Archive) -> Written:
        """Write ``batch``'s articles (without their text); what the window needs of them."""
        layout, stand_ins = entries.write(self._handle, batch.issues)
        self._handle.flush()
        shell = replace(batch, issues=tuple(replace(i, articles=()) for i in batch.issues))
        counts = tuple(len(s) for s in stand_ins)
        return Written(shell, layout, counts, tuple(s.sources for s in stand_ins))

    def close(self) -> None:
        """Close the file (the window still reads it, through a handle of its own)."""
        self._handle.close()


class EntriesIn:
    """In the window's process: the records written so far, as a store to decode and find them."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self.store: entries.ArticleStore | None = None
        self._offsets: array[int] = array("q")
        self._starts: array[int] = array("q", [0])
        self._hashes = np.zeros(0, dtype=np.uint64)
        self._ordinals = np.zeros(0, dtype=np.int64)
        self._digests = b""
        self._issue_ids: list[str] = []

    def take(self, written: Written) -> tuple[Issue, ...]:
        """The batch's issues, their articles decoded from the file when used."""
        layout = written.layout
        keys, base = len(self._issue_ids), self._starts[-1]
        # Both grow in place (only ever appended to), read by the window's thread meanwhile.
        self._offsets.extend(layout.offsets if not self._offsets else layout.offsets[1:])
        self._starts.extend(base + start for start in layout.starts[1:])
        # The batch's hashes come sorted: merged in, in C (no object per article).
        new_hashes = np.frombuffer(layout.hashes, dtype=np.uint64)
        at = np.searchsorted(self._hashes, new_hashes, side="right")
        self._hashes = np.insert(self._hashes, at, new_hashes)
        new_ordinals = np.frombuffer(layout.ordinals, dtype=np.int64) + base
        self._ordinals = np.insert(self._ordinals, at, new_ordinals)
        self._digests += layout.digests
        issues = written.shell.issues
        self._issue_ids.extend(issue.id for issue in issues)
        hashes, ordinals = array("Q"), array("q")
        hashes.frombytes(self._hashes.tobytes())
        ordinals.frombytes(self._ordinals.tobytes())
        grown = entries.Layout(self._offsets, self._starts, hashes, ordinals, self._digests)
        if self.store is None:
            self.store = entries.ArticleStore(self._path.open("rb"), grown, self._issue_ids)
        else:
            self.store.layout = grown  # one assignment: a reader sees the old or the new
        decode = self.store.decode
        return tuple(
            replace(issue, articles=Articles(decode, keys + n, count, sources))
            for n, (issue, count, sources) in enumerate(
                zip(issues, written.counts, written.sources, strict=True)
            )
        )

    def ordinal(self, article_id: str) -> int | None:
        """An article's position in the order read (its text's in the spill file), or None."""
        return None if self.store is None else self.store.ordinal(article_id)
