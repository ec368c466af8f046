"""Exporting the hits of a search over several archives: one ranked list, each hit read from its own archive.

The archives are the ones the search covered, already open (key → :class:`Library`, as
:func:`reader.library.many.search_many` takes them): a library search in the window, or
``issue-reader export PATH PATH … QUERY``. Each archive's hits are read a page at a time
(:func:`reader.library.export_entries.search_hits`) and merged in the search's order as they
stream, so exporting every hit of a large library search never holds all of them at once. Each
hit becomes an :class:`~reader.library.export_entries.Entry` of its own archive (its issue, its
file, its archive's name); the formats and the writing are :mod:`reader.library.export`'s.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from itertools import islice
from pathlib import Path

from reader.index import Hit
from reader.library.export import FORMATS, refuse_archives, write
from reader.library.export_entries import Entry, entry, search_hits
from reader.library.library import Library
from reader.library.many import rank_key
from reader.library.searching import SearchRequest
from reader.model import NotFound, Progress


def search_hits_many(
    libraries: Mapping[str, Library], request: SearchRequest, limit: int | None = None
) -> tuple[int, Iterator[Hit]]:
    """How many hits a search of ``libraries`` has (at most ``limit``), and the hits, merged.

    ``request.archive`` keeps one archive's hits. Each hit carries its archive's key in
    ``Hit.archive``; the order is :func:`~reader.library.many.search_many`'s (among equals,
    the archive named first, and each archive's own order).

    Raises:
        QueryError: The query is malformed.
        IndexUnavailable: An archive has no index, or it is damaged.
    """
    chosen = [
        (key, library)
        for key, library in libraries.items()
        if not request.archive or key == request.archive
    ]
    counted = [(key, *search_hits(library, request, limit)) for key, library in chosen]
    total = sum(count for _key, count, _hits in counted)
    wanted = total if limit is None else min(total, max(limit, 0))
    order = rank_key(request.sort)

    def run(n: int, key: str, hits: Iterator[Hit]) -> Iterator[tuple[float, int, int, Hit]]:
        # A function of its own: a generator expression would see the loop's last n and key.
        for rank, hit in enumerate(hits):
            yield order(hit), n, rank, replace(hit, archive=key)

    runs = [run(n, key, hits) for n, (key, _count, hits) in enumerate(counted)]
    merged = (hit for _key, _n, _rank, hit in heapq.merge(*runs))
    return wanted, islice(merged, wanted)


def hit_entries_many(libraries: Mapping[str, Library], hits: Iterable[Hit]) -> Iterator[Entry]:
    """The entries of hits of several archives, each read from the archive its ``archive`` names.

    A hit whose archive is not among ``libraries``, or is gone from its archive, is left out.
    """
    for hit in hits:
        library = libraries.get(hit.archive)
        if library is None:
            continue
        try:
            yield entry(library, hit.article_id, " ".join(hit.snippet.text.split()))
        except NotFound:  # the index predates a change: the next update drops it
            continue


def export_many(
    libraries: Mapping[str, Library],
    source: SearchRequest | Sequence[Hit],
    fmt: str,
    out: Path | str,
    progress: Progress | None = None,
    limit: int | None = None,
) -> int:
    """Write every hit of a search of ``libraries`` (or these hits) to ``out`` in ``fmt``.

    As :func:`reader.library.export.write`, after refusing an ``out`` inside any of the
    archives. Returns how many articles were written.

    Raises:
        IntoArchive: ``out`` is inside one of the archives (nothing is ever written there).
        ValueError: ``fmt`` is not one of ``FORMATS``.
        QueryError: The query is malformed.
        CannotWrite: ``out`` cannot be written.
    """
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    refuse_archives([library.root for library in libraries.values()], Path(out))
    if isinstance(source, SearchRequest):
        _total, hits = search_hits_many(libraries, source, limit)
    else:
        hits = iter(source)
    return write(hit_entries_many(libraries, hits), fmt, out, progress)
