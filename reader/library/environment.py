"""What an About box says of this installation: the engines' versions and where files are kept."""

from __future__ import annotations

import importlib.metadata
import platform
from dataclasses import dataclass
from pathlib import Path

from reader import __version__, index
from reader.library import paths

# Libraries whose release changes what the program reads or finds, besides the search engine.
_LIBRARIES = ("lxml", "numpy")


def engine_versions() -> dict[str, str]:
    """Issue Reader's release and the releases of Python, the search engine and the parsers.

    Returns:
        Name → version, in the order an About box lists them: ``Issue Reader``, ``Python``,
        ``Whoosh-Reloaded``, ``lxml``, ``numpy``. A library that is not installed reads ``?``.
    """
    found = {"Issue Reader": __version__, "Python": platform.python_version()}
    found.update(index.engine_versions())
    for name in _LIBRARIES:
        try:
            found[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            found[name] = "?"
    return found


@dataclass(frozen=True)
class Locations:
    """Where the program keeps its per-user files (never inside an archive).

    Attributes:
        index: This archive's search index folder (None when no archive is open).
        indexes: The folder that holds every archive's index.
        catalogues: The folder of the cached catalogues (what was read from each archive).
        settings: The settings file.
        logs: The folder of the log files.
    """

    index: Path | None
    indexes: Path
    catalogues: Path
    settings: Path
    logs: Path


def locations(archive: Path | None, index_root: Path | None = None) -> Locations:
    """Where the files of this installation are, and the index of ``archive`` (None: no archive).

    Args:
        archive: What was opened (``Library.path``: a folder, a zip or one issue file), or None.
        index_root: Where indexes live (None: the per-user default).
    """
    root = index_root if index_root is not None else paths.index_root()
    return Locations(
        index=paths.index_dir(archive, root) if archive is not None else None,
        indexes=root,
        catalogues=paths.catalogue_root(),
        settings=paths.settings_file(),
        logs=paths.log_dir(),
    )
