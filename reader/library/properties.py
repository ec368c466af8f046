"""An opened archive's properties: what it holds, where its index is, and what its bag says."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from reader.formats import is_other_file
from reader.library import catalogue, paths
from reader.library.library import Library


@dataclass(frozen=True)
class Properties:
    """What Archive Properties (and ``issue-reader info``) show about an opened archive.

    ``bag_info`` are the fields of a BagIt ``bag-info.txt`` in file order (a field may repeat);
    ``manifests`` are the checksum lists found, as (file, kind, algorithm).
    """

    path: Path
    formats: tuple[str, ...]
    issues: int
    articles: int
    first_date: dt.date | None
    last_date: dt.date | None
    problems: int
    # Files read as no issue and no page's image: documentation, sidecars (README, METADATA.yml).
    other_files: int
    index_dir: Path
    catalogue_file: Path
    bag_info: tuple[tuple[str, str], ...]
    manifests: tuple[tuple[str, str, str], ...]


def properties(library: Library, index_root: Path | str | None = None) -> Properties:
    """The properties of ``library``, its index below ``index_root`` (the per-user one if None)."""
    archive = library.archive
    dates = sorted(i.date for i in archive.issues if i.date is not None)
    return Properties(
        path=library.path,
        formats=tuple(sorted({i.format for i in archive.issues if i.format})),
        issues=len(archive.issues),
        articles=archive.article_count,
        first_date=dates[0] if dates else None,
        last_date=dates[-1] if dates else None,
        problems=len(library.problems),
        other_files=sum(1 for name in library.source.names() if is_other_file(name)),
        index_dir=paths.index_dir(library.root, index_root),
        catalogue_file=catalogue.cache_file(paths.catalogue_root(), library.path),
        bag_info=archive.bag_info,
        manifests=tuple((c.source, c.kind, c.algorithm) for c in archive.manifests),
    )
