"""Files that travel with the program: the icon, desktop entry, metainfo and the sample archive.

In a source tree (and so in an editable install) they are the repository's top-level
``resources/`` and ``sample_issues/`` folders. A wheel or a frozen bundle carries copies inside
the package, as ``reader/_data/resources`` and ``reader/_data/sample_issues``, because an
installed program has no repository beside it. The bundled copy wins when both exist.
"""

from __future__ import annotations

from pathlib import Path

# The reverse-DNS id the desktop entry, the AppStream metainfo and the icon are named by.
APP_ID = "io.github.issuereader.IssueReader"
# Icon sizes shipped as PNG, as the freedesktop icon theme spec lays them out.
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)

_PACKAGE = Path(__file__).resolve().parents[1]


def data_dir(name: str) -> Path:
    """The folder ``name`` (``resources`` or ``sample_issues``) that travels with the program.

    Raises:
        FileNotFoundError: Neither a bundled copy nor a source-tree folder is there.
    """
    for folder in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if folder.is_dir():
            return folder
    raise FileNotFoundError(f"{name}/ is missing from this installation of Issue Reader")


def resources_dir() -> Path:
    """The ``resources`` folder: icons, the desktop entry, the metainfo."""
    return data_dir("resources")


def icon_file(size: int | None = None) -> Path:
    """The app icon: a PNG of ``size`` pixels (one of :data:`ICON_SIZES`), or the SVG if None."""
    hicolor = resources_dir() / "icons" / "hicolor"
    if size is None:
        return hicolor / "scalable" / "apps" / f"{APP_ID}.svg"
    return hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def desktop_file() -> Path:
    """The freedesktop ``.desktop`` entry."""
    return resources_dir() / f"{APP_ID}.desktop"


def metainfo_file() -> Path:
    """The AppStream metainfo."""
    return resources_dir() / f"{APP_ID}.metainfo.xml"


def sample_archive() -> Path:
    """The sample archive that ships with the program (the seed issue of 今日长子)."""
    return data_dir("sample_issues")
