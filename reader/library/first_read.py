"""The first read of an archive: its files read in batches, each batch's text let go once written.

The importers hand over the issues in batches (:func:`reader.formats.load_archive`); each
batch's text goes to disk at once (:mod:`reader.library.spill`), the catalogue keeps the rest,
a listener (the window) hears each batch, and the catalogue is cached at the end.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from reader import formats
from reader.formats import Source
from reader.library import entries
from reader.library.catalogue import Catalogue, Listener, save
from reader.library.spill import Spill
from reader.model import Archive, Issue, Progress

# Hears each batch as it was kept: its issues (without their text when it was written), and
# the spill file that holds the text (None when none is written).
Taker = Callable[[Archive, Spill | None], None]


def read_files(
    cached: Path,
    current: str,
    source: Source,
    progress: Progress | None,
    on_batch: Listener | None,
    *,
    spill_path: Path | None = None,
    on_taken: Taker | None = None,
) -> Catalogue:
    """Read the archive's files, and cache the catalogue (at ``cached``, stamped ``current``).

    Each batch's text is written to disk as it is read (:mod:`reader.library.spill`, at
    ``spill_path`` when given) and let go, so the text is never all in memory; ``on_batch``
    hears each batch, and ``on_taken`` too, with the spill itself (a spawned read tells its
    window, :mod:`reader.library.read_apart`).
    """
    spill = Spill.start(cached, spill_path)

    def batch(read: Archive) -> tuple[Issue, ...]:
        kept = read.issues if spill is None else spill.take(read.issues)
        written = None if spill is None or spill.failed else spill
        if on_batch is not None:
            store = None if written is None else written.store()
            on_batch(Catalogue(dataclasses.replace(read, issues=kept), store))
        if on_taken is not None:
            on_taken(dataclasses.replace(read, issues=kept), written)
        return kept

    try:
        archive = formats.load_archive(source, progress, batch)
        # Saving makes an object per article anew (values shared); the full collection that
        # set off held the GIL, and so a window reading in its worker, 0.3-0.6 s at national-5y
        # (measured with gc.callbacks). Paused, and what it made frozen, as when loading.
        with entries.collector_paused():
            found = save(cached, current, archive, spill)
        if found is not None:
            return found
        if spill is None:
            return Catalogue(archive)
        try:  # not cached: the text stays in the spill file, deleted but open
            return Catalogue(archive, spill.store())
        except OSError:
            return Catalogue(formats.load_archive(source, progress))
    finally:
        if spill is not None:
            spill.discard()
