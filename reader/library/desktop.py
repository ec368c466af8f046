"""Installs the menu entry, icons and metainfo for one user under the XDG data folder (Linux).

``issue-reader install-desktop`` copies the files of ``resources/`` to where the freedesktop
specifications look for them, below ``$XDG_DATA_HOME`` (``~/.local/share``): the desktop entry
in ``applications/``, the icons in ``icons/hicolor/…/apps/`` and the AppStream metainfo in
``metainfo/``. The entry's ``Exec=`` names the launcher that is running by its absolute path,
because a virtual environment's ``bin`` is not on the PATH a desktop session starts programs
with. Uninstalling removes exactly those files, and the folders installing created, which the
entry itself records (``X-IssueReader-Created-Folders``), so the tree is left as it was.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reader.library import resources
from reader.model import ReaderError

LAUNCHER = "issue-reader"
# The entry's own record of the folders installing created, for uninstalling to remove.
CREATED_KEY = "X-IssueReader-Created-Folders"
# The caches a desktop reads instead of scanning: folder (below the data home) -> the tool that
# refreshes it, and the file it writes there.
_CACHES = (
    ("applications", ("update-desktop-database", "-q"), "mimeinfo.cache"),
    ("icons/hicolor", ("gtk-update-icon-cache", "-f", "-t", "-q"), "icon-theme.cache"),
)
# Characters that make an Exec argument need double quotes (Desktop Entry spec, "Exec key").
_RESERVED = re.compile(r"""[\s"'\\><~|&;$*?#()`]""")


class DesktopUnsupported(ReaderError):
    """This system has no freedesktop menus (Windows, macOS)."""


@dataclass(frozen=True)
class Change:
    """What installing or uninstalling did.

    Attributes:
        data_home: The XDG data folder the files are below.
        launcher: The launcher the desktop entry runs ("" when uninstalling).
        changed: The files written (install) or removed (uninstall).
        unchanged: The files already there with the right content (install only).
        refreshed: The cache tools that were run, by name.
    """

    data_home: Path
    launcher: str
    changed: tuple[Path, ...]
    unchanged: tuple[Path, ...] = ()
    refreshed: tuple[str, ...] = field(default=())


def data_home() -> Path:
    """``$XDG_DATA_HOME`` when set to an absolute path (as the spec asks), else ~/.local/share."""
    value = os.environ.get("XDG_DATA_HOME", "")
    if value and os.path.isabs(value):
        return Path(value)
    return Path.home() / ".local" / "share"


def find_launcher() -> Path:
    """The absolute path of the ``issue-reader`` launcher that is running, or the one beside it.

    Raises:
        ReaderError: No launcher can be found (the package was never installed).
    """
    if getattr(sys, "frozen", False):  # a PyInstaller bundle: the executable is the launcher
        return Path(sys.executable).absolute()
    suffix = ".exe" if sys.platform == "win32" else ""
    argv0 = Path(os.path.abspath(sys.argv[0])) if sys.argv and sys.argv[0] else None
    candidates = []
    if argv0 is not None and argv0.name.startswith(LAUNCHER):
        # issue-reader itself, or issue-reader-window beside it: the entry runs issue-reader.
        candidates.append(argv0.with_name(LAUNCHER + suffix))
    # `python -m reader` from a virtual environment: its launcher is beside its python.
    candidates.append(Path(sys.executable).absolute().parent / (LAUNCHER + suffix))
    found = shutil.which(LAUNCHER)
    if found:
        candidates.append(Path(os.path.abspath(found)))
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise ReaderError(
        f"cannot find the {LAUNCHER} launcher: install the package first (pip install)"
    )


def desktop_entry(launcher: Path, created: Sequence[str] = ()) -> str:
    """The shipped desktop entry with ``Exec=`` and ``TryExec=`` naming ``launcher``.

    ``created`` lists the folders (relative to the data home) that installing created.
    """
    lines = []
    for line in resources.desktop_file().read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            _command, _, arguments = line.removeprefix("Exec=").partition(" ")
            line = f"Exec={_exec_argument(str(launcher))} {arguments}".rstrip()
        elif line.startswith("TryExec="):
            line = "TryExec=" + _escape_string(str(launcher))
        lines.append(line)
    if created:
        lines.append(f"{CREATED_KEY}={';'.join(created)};")
    return "\n".join(lines) + "\n"


def planned(
    launcher: Path, home: Path | None = None, created: Sequence[str] = ()
) -> dict[Path, bytes]:
    """Every file :func:`install` writes, by absolute path, with its content."""
    home = data_home() if home is None else home
    entry = desktop_entry(launcher, created).encode()
    files = {
        home / "applications" / resources.desktop_file().name: entry,
        home / "metainfo" / resources.metainfo_file().name: resources.metainfo_file().read_bytes(),
    }
    hicolor = resources.resources_dir() / "icons" / "hicolor"
    for icon in sorted(hicolor.glob("*/apps/*")):
        if icon.suffix in (".png", ".svg"):
            files[home / "icons" / "hicolor" / icon.relative_to(hicolor)] = icon.read_bytes()
    return files


def install(launcher: Path | None = None, home: Path | None = None) -> Change:
    """Install the menu entry, icons and metainfo for this user; a second run changes nothing.

    Raises:
        DesktopUnsupported: Not a freedesktop system.
        ReaderError: No launcher was given or found.
        OSError: A file or folder could not be written (its ``filename`` says which).
    """
    _check_platform()
    home = data_home() if home is None else home
    launcher = find_launcher() if launcher is None else launcher
    folders = {
        folder
        for path in planned(launcher, home)
        for folder in path.parents
        if home in folder.parents  # below home, never home itself
    }
    created = set(_created_folders(home)) | {
        str(folder.relative_to(home)) for folder in folders if not folder.exists()
    }
    written, unchanged = [], []
    for path, content in planned(launcher, home, sorted(created)).items():
        if path.is_file() and path.read_bytes() == content:
            unchanged.append(path)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.tmp")
        try:
            temporary.write_bytes(content)
            os.replace(temporary, path)  # never a half-written entry for the menu to read
        except OSError as exc:
            temporary.unlink(missing_ok=True)
            # Named by the file being installed, not by the temporary one beside it.
            raise OSError(exc.errno, exc.strerror, str(path)) from exc
        written.append(path)
    refreshed = _refresh(home, written)
    return Change(home, str(launcher), tuple(written), tuple(unchanged), refreshed)


def uninstall(home: Path | None = None) -> Change:
    """Remove what :func:`install` wrote, and the folders that leaves empty; nothing else.

    Raises:
        DesktopUnsupported: Not a freedesktop system.
        OSError: A file could not be removed.
    """
    _check_platform()
    home = data_home() if home is None else home
    created = _created_folders(home)
    # The launcher only changes the entry's content, never which files there are.
    removed = [path for path in planned(Path(LAUNCHER), home) if path.is_file()]
    for path in removed:
        path.unlink()
    refreshed = _refresh(home, removed, uninstalling=True)
    # Deepest first, and only when empty: another program may have put files there since.
    for name in sorted(created, key=lambda name: name.count("/"), reverse=True):
        folder = home / name
        if home in folder.parents and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    return Change(home, "", tuple(removed), (), refreshed)


def _created_folders(home: Path) -> list[str]:
    """The folders the installed entry records as created by installing (none if not installed)."""
    try:
        text = (home / "applications" / resources.desktop_file().name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    for line in text.splitlines():
        if line.startswith(f"{CREATED_KEY}="):
            names = line.partition("=")[2].split(";")
            return [name for name in names if name and ".." not in Path(name).parts]
    return []


def _refresh(home: Path, touched: Sequence[Path], uninstalling: bool = False) -> tuple[str, ...]:
    """Run the cache tools on the folders ``touched`` is in, when they are installed."""
    refreshed = []
    for folder_name, command, cache_name in _CACHES:
        folder = home / folder_name
        if not any(folder in path.parents for path in touched):
            continue
        cache = folder / cache_name
        if uninstalling and not _holds_other_than(folder, cache):
            cache.unlink(missing_ok=True)  # a cache of nothing, written for our files alone
            continue
        if uninstalling and not cache.exists():
            continue  # there was none before we came
        tool = shutil.which(command[0])
        if tool is None or not folder.is_dir():
            continue
        # A failing cache tool leaves a stale cache, which desktops notice and rescan anyway.
        subprocess.run([tool, *command[1:], str(folder)], capture_output=True, check=False)
        refreshed.append(command[0])
    return tuple(refreshed)


def _holds_other_than(folder: Path, cache: Path) -> bool:
    """Whether ``folder`` holds any file besides ``cache``."""
    return folder.is_dir() and any(
        path != cache for path in folder.rglob("*") if path.is_file() or path.is_symlink()
    )


def _check_platform() -> None:
    if sys.platform in ("win32", "darwin"):
        raise DesktopUnsupported("desktop entries are for Linux and other freedesktop systems")


def _escape_string(value: str) -> str:
    """A value of type string in a desktop entry: backslash and control characters escaped."""
    return (
        value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")
    )


def _exec_argument(value: str) -> str:
    """One Exec argument: quoted when it must be, ``%`` doubled, then escaped as a string."""
    value = value.replace("%", "%%")
    if _RESERVED.search(value):
        value = '"' + re.sub(r'(["`$\\])', r"\\\1", value) + '"'
    return _escape_string(value)
