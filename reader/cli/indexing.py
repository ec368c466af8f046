"""Bringing an archive's index up to date before a command reads it, with a progress bar."""

from __future__ import annotations

from reader.cli.progress import ProgressBar
from reader.library import Library


def ready_index(library: Library, index_dir: str | None) -> None:
    """Use ``index_dir`` when given, then build or update the index (progress on stderr)."""
    if index_dir:
        library.use_index_dir(index_dir)
    bar = ProgressBar("Indexing")
    try:
        library.ensure_index(progress=bar)
    finally:
        bar.finish()
