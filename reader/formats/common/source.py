"""Where an archive's files come from: a folder or a single file, read-only and confined to the root."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple, Protocol

from reader.model import CorruptArchive, Reason, os_reason

# Files that are never issues: page images, and the style sheets and scripts that come with
# saved e-paper pages. (PDFs are read: e-paper pages. Checksum lists are read too: the loader
# sets them aside as companions.)
# What a page is shown with, not read from (its scan, an e-paper's style sheet).
PAGE_MATERIAL_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".png", ".gif", ".tif", ".tiff", ".jp2"}
    | {".css", ".js", ".svg", ".webp", ".ico"}
)
IGNORED_SUFFIXES = PAGE_MATERIAL_SUFFIXES | frozenset(
    {".db"}
    # Sidecars of digitisation projects (impresso's METADATA.yml, a JSON manifest, a list of
    # image URLs): no importer reads these kinds, so each would only be a "not a recognised
    # archive format" problem that no reader can act on.
    | {".yml", ".yaml", ".json", ".list"}
)
IGNORED_NAMES = frozenset({"archive.toml", "thumbs.db", "desktop.ini", ".ds_store"})
# Documentation that travels with archives and samples (README.md, LICENSE, PROVENANCE.txt):
# about the files, never an issue, so listing it as a problem would only be noise.
DOCUMENTATION_STEMS = frozenset(
    {"readme", "license", "licence", "copying", "notice", "changelog", "changes", "provenance"}
    | {"authors", "copyright"}
)
DOCUMENTATION_SUFFIXES = frozenset({"", ".txt", ".md", ".markdown", ".rst"})
# Endings an issue's file may have: a documentation name with one (README.xml, NOTICE.html) may
# be a page after all, so it is left to the importers; with any other (LICENSE.impresso-text-
# acquisition, LICENSE.txt.bak) it is documentation too.
ISSUE_SUFFIXES = frozenset(
    {".xml", ".html", ".htm", ".xhtml", ".shtml", ".hocr", ".pdf", ".newsml", ".nitf"}
    | {".bz2", ".gz", ".zip", ".tar", ".tgz", ".xz", ".zst", ".text"}
)
# A text issue is a few hundred kB; anything this large is not one and is refused unread.
MAX_FILE_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True)
class FileInfo:
    """A file's size and modification time: what tells a changed file from an unchanged one."""

    size: int
    mtime_ns: int


class Listing(NamedTuple):
    """A source's files by name, and what could not be listed, each with why (no I/O here)."""

    names: list[str]
    problems: list[tuple[str, Reason]]


class Source(Protocol):
    """Read-only access to the files of one archive, by relative POSIX name."""

    root: str

    def names(self) -> list[str]:
        """Every candidate file, sorted, relative to the root."""
        ...

    def listing(self) -> Listing:
        """:meth:`names`, and the folders and links that could not be listed, with why."""
        ...

    def read_bytes(self, name: str, limit: int | None = None) -> bytes:
        """The file's bytes (the first ``limit`` bytes when given)."""
        ...

    def info(self, name: str) -> FileInfo:
        """Size and modification time of a file."""
        ...

    def chunks(self, name: str, size: int) -> Iterator[bytes]:
        """The file's bytes in pieces of at most ``size`` (any length: nothing is held whole)."""
        ...


def is_ignored(name: str) -> bool:
    """Whether a file is never part of an issue (images, settings, documentation, hidden)."""
    base = name.rsplit("/", 1)[-1].lower()
    if base.startswith(".") or base in IGNORED_NAMES:
        return True
    # The suffix as pathlib's (none for "name." or ".name"), without a Path per file: every
    # search lists the archive's files (the catalogue's stamp).
    dot = base.rfind(".")
    suffix = base[dot:] if 0 < dot < len(base) - 1 else ""
    if suffix in IGNORED_SUFFIXES:
        return True
    stem = base[:dot] if suffix else base
    if stem in DOCUMENTATION_STEMS and suffix in DOCUMENTATION_SUFFIXES:
        return True
    first = base.split(".", 1)[0]
    return first in DOCUMENTATION_STEMS and suffix not in ISSUE_SUFFIXES


def is_other_file(name: str) -> bool:
    """Whether a file is skipped and is neither a page's image or style nor the settings: the
    documentation, sidecars and system files an archive holds besides its issues."""
    if not is_ignored(name):
        return False
    base = name.rsplit("/", 1)[-1].lower()
    dot = base.rfind(".")
    suffix = base[dot:] if 0 < dot < len(base) - 1 else ""
    return base != "archive.toml" and suffix not in PAGE_MATERIAL_SUFFIXES


def readable_now(source: Source, name: str) -> bool:
    """Whether the file ``name`` reads to its end now (read in pieces, none of it kept)."""
    try:
        for _ in source.chunks(name, 1 << 20):
            pass
    except (OSError, CorruptArchive):
        return False
    return True


def _folder_reason(exc: OSError) -> Reason:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return Reason("folder_permission_denied")
    return Reason.of("cannot_open_folder", detail=exc.strerror or exc)


class FolderSource:
    """A folder of files; symbolic links that leave the folder are not followed."""

    def __init__(self, root: Path) -> None:
        self._root = root.resolve()
        self.root = str(self._root)

    def names(self) -> list[str]:
        """Every file below the root, hidden folders skipped (see :meth:`listing`)."""
        return self.listing().names

    def listing(self) -> Listing:
        """Every file below the root, hidden folders skipped, and what could not be listed.

        As ``os.walk`` would list them, without following a link to a folder; a folder that
        cannot be opened, a link to nothing and a link out of the root are left out of the
        names, and are the listing's problems. Plain strings, no Path per file: every search
        lists the archive (the catalogue's stamp), 2,000 files in a few milliseconds.
        """
        found: list[str] = []
        problems: list[tuple[str, Reason]] = []
        folders = [(self.root, "")]
        while folders:
            folder, prefix = folders.pop()
            try:
                with os.scandir(folder) as listing:
                    entries = list(listing)
            except FileNotFoundError:  # removed meanwhile: the next look sees it gone
                continue
            except OSError as exc:
                problems.append((prefix or "./", _folder_reason(exc)))
                continue
            for entry in entries:
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                link = entry.is_symlink()
                if is_dir and link:  # never walked; one leading out is said so
                    if not entry.name.startswith(".") and not self._inside(Path(entry.path)):
                        problems.append((f"{prefix}{entry.name}/", Reason("link_out_of_archive")))
                elif is_dir:
                    if not entry.name.startswith("."):
                        folders.append((entry.path, f"{prefix}{entry.name}/"))
                elif link and (reason := self._link_reason(entry.path)) is not None:
                    problems.append((prefix + entry.name, reason))
                else:
                    found.append(prefix + entry.name)
        return Listing(sorted(found), sorted(problems, key=lambda problem: problem[0]))

    def read_bytes(self, name: str, limit: int | None = None) -> bytes:
        """Read a file below the root; never anything outside it."""
        path = self._path(name)
        try:
            size = path.stat().st_size
            if limit is None and size > MAX_FILE_BYTES:
                raise CorruptArchive(name, Reason.of("file_too_large", size=f"{size:,}"))
            with path.open("rb") as handle:
                return handle.read(-1 if limit is None else limit)
        except OSError as exc:
            raise CorruptArchive(name, os_reason(exc)) from exc

    def chunks(self, name: str, size: int) -> Iterator[bytes]:
        """A file below the root in pieces of at most ``size`` bytes; CorruptArchive if unreadable."""
        path = self._path(name)
        try:
            with path.open("rb") as handle:
                while piece := handle.read(size):
                    yield piece
        except OSError as exc:
            raise CorruptArchive(name, os_reason(exc)) from exc

    def info(self, name: str) -> FileInfo:
        """Size and modification time of a file below the root."""
        stat = self._path(name).stat()
        return FileInfo(stat.st_size, stat.st_mtime_ns)

    def path_of(self, name: str) -> Path:
        """The file's path on disk (for a library that opens files itself); never outside the root."""
        return self._path(name)

    def _path(self, name: str) -> Path:
        path = self._root / name
        if not self._inside(path):
            raise CorruptArchive(name, Reason.of("path_outside_archive"))
        return path

    def _inside(self, path: Path) -> bool:
        # realpath, not Path.resolve: a link loop is no RuntimeError (Python 3.11, 3.12).
        return Path(os.path.realpath(path)).is_relative_to(self._root)

    def _link_reason(self, path: str) -> Reason | None:
        """Why the link to a file at ``path`` is left out of the listing (None: it is not)."""
        try:
            os.stat(path)
        except OSError as exc:
            return Reason("link_loop" if exc.errno == errno.ELOOP else "link_to_nothing")
        return None if self._inside(Path(path)) else Reason("link_out_of_archive")


class FileSource(FolderSource):
    """A single issue file opened on its own: its folder is the root, the file its only member."""

    def __init__(self, path: Path) -> None:
        super().__init__(path.parent)
        self._name = path.name

    def names(self) -> list[str]:
        """Just the one file."""
        return [self._name]

    def listing(self) -> Listing:
        """Just the one file."""
        return Listing([self._name], [])
