"""Exporting a collection: its items, from however many archives they came from, in any export format.

Each archive is opened once (through :meth:`Library.open`, its catalogue cached as for the
window), when its first item comes up in the collection's order, and closed when the export
ends; an archive already open (the window's) is used as it is. An item whose archive is not
where it was, cannot be read, or no longer holds the article is left out and reported as a
:class:`Skipped` (its archive's path and why): never an error that stops the export.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from reader.library.collections import Item, locate
from reader.library.collections_schema import archive_path
from reader.library.export import FORMATS, refuse_archives, write
from reader.library.export_entries import Entry, entry
from reader.library.library import Library
from reader.model import NotFound, Progress, ReaderError

# Why an item was left out: its archive is not where it was last seen, its archive could not
# be opened, or the archive no longer holds the article (by id, nor by date and title).
SkipReason = Literal["missing", "unreadable", "gone"]


@dataclass(frozen=True)
class Skipped:
    """An item left out of an export: its title, its archive's path as last seen, and why.

    ``detail`` is the error's own words for an archive that could not be read ("" otherwise).
    """

    title: str
    file: str
    reason: SkipReason
    detail: str = ""

    @property
    def text(self) -> str:
        """One line in English: ``PATH: why (TITLE)``."""
        why = {
            "missing": "the archive is not there (relink it)",
            "unreadable": f"the archive cannot be read: {self.detail}",
            "gone": "the article is no longer in the archive",
        }[self.reason]
        return f"{self.file}: {why} ({self.title})"


@dataclass(frozen=True)
class Exported:
    """What an export did: how many articles it wrote, and which items it left out."""

    written: int
    skipped: tuple[Skipped, ...]


class CollectionEntries:
    """The export entries of a collection's items, in its order, each archive opened once.

    Iterate once; then :attr:`skipped` lists what was left out. A context manager: leaving
    the ``with`` block closes the archives it opened (never those in ``opened``).
    """

    def __init__(self, items: Sequence[Item], opened: Mapping[str, Library] | None = None) -> None:
        """``opened``: archives already open, by :func:`archive_path` of their location."""
        self.items = tuple(items)
        self.skipped: list[Skipped] = []
        self._given = dict(opened or {})
        self._mine: dict[str, Library | None] = {}
        self._why_not: dict[str, tuple[SkipReason, str]] = {}
        self._tried: list[str] = []

    def __enter__(self) -> CollectionEntries:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the archives this export opened."""
        for library in self._mine.values():
            if library is not None:
                library.close()
        self._mine.clear()

    @property
    def archives_opened(self) -> list[str]:
        """The archives this export opened (or tried to), in the order it did, each once."""
        return list(self._tried)

    def __iter__(self) -> Iterator[Entry]:
        for item in self.items:
            library = self._library(item)
            if library is None:
                continue
            found = locate(library.archive, item, library.find_article)
            if found is None:
                self.skipped.append(Skipped(item.title, item.archive_path, "gone"))
                continue
            try:
                made = entry(library, found[1])
            except NotFound:
                self.skipped.append(Skipped(item.title, item.archive_path, "gone"))
                continue
            yield replace(made, collection=item.collection, note=item.note, tags=item.tags)

    def _library(self, item: Item) -> Library | None:
        """The archive of ``item``, opened the first time it is asked for (None: skipped)."""
        where = item.archive_path
        if where in self._given:
            return self._given[where]
        if where not in self._mine:
            self._tried.append(where)
            self._mine[where] = self._open(where)
        library = self._mine[where]
        if library is None:  # each item left out is named, not only the first of its archive
            reason, detail = self._why_not[where]
            self.skipped.append(Skipped(item.title, where, reason, detail))
        return library

    def _open(self, where: str) -> Library | None:
        if not os.path.exists(where):
            self._why_not[where] = ("missing", "")
            return None
        try:
            return Library.open(where)
        except (ReaderError, OSError) as exc:
            self._why_not[where] = ("unreadable", str(exc))
            return None


def export_items(
    items: Sequence[Item],
    fmt: str,
    out: Path | str,
    progress: Progress | None = None,
    opened: Mapping[str, Library] | None = None,
) -> Exported:
    """Write a collection's ``items`` to ``out`` in ``fmt`` (as :func:`reader.library.export.write`).

    Raises:
        IntoArchive: ``out`` is inside one of the items' archives (never written into).
        ValueError: ``fmt`` is not one of ``FORMATS``.
        CannotWrite: ``out`` cannot be written.
    """
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    refuse_archives({item.archive_path for item in items}, Path(out))
    with CollectionEntries(items, opened) as source:
        written = write(source, fmt, out, progress, kept=True)
        return Exported(written, tuple(source.skipped))


def opened_archives(*libraries: tuple[str, Library | None]) -> dict[str, Library]:
    """``opened`` for :func:`export_items`: (the path it was opened from, library) pairs."""
    return {archive_path(path): library for path, library in libraries if library is not None}


def no_collection(name: str, names: Sequence[str]) -> NotFound:
    """The error for a collection ``name`` that is not there (naming the ones that are)."""
    there = ", ".join(names) if names else "none yet"
    return NotFound(f"no collection named {name!r} (collections: {there})")
