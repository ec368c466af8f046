"""Importers, one module per archive format, and the plain registry that picks one per file."""

from __future__ import annotations

import datetime as dt
import logging
import zlib
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from reader.formats import didl, founder, mets_alto, ndnp, newsml, nitf, rmrb, text_issue
from reader.formats.publications import unify_publications
from reader.formats.settings import SETTINGS_FILE, read_settings
from reader.formats.source import FileSource, FolderSource, Source, is_ignored
from reader.formats.zipsource import ZipSource, is_zip
from reader.model import Archive, Article, CorruptArchive, Issue, Problem, Reason

__all__ = [
    "IMPORTERS",
    "SETTINGS_FILE",
    "FileSource",
    "FolderSource",
    "Source",
    "ZipSource",
    "is_ignored",
    "load_archive",
    "open_source",
    "pick_importer",
    "read_original",
]

log = logging.getLogger(__name__)

# Each importer module exposes NAME, score(name, head) -> int,
# load(source, names, settings) -> Loaded and read_original(source, article) -> str.
IMPORTERS: tuple[ModuleType, ...] = (text_issue, rmrb, mets_alto, didl, ndnp, newsml, nitf, founder)
# Enough to get past long XML prologs and HTML <head>s to the markers importers look for.
HEAD_BYTES = 16384

# Tar archives, plain or compressed: named so, or (for .tar and gzip) told by their bytes.
TAR_SUFFIXES = (
    ".tar",
    ".tgz",
    ".tar.gz",
    ".taz",
    ".tbz",
    ".tbz2",
    ".tar.bz2",
    ".txz",
    ".tar.xz",
    ".tzst",
    ".tar.zst",
    ".tlz",
    ".tar.lz",
    ".tar.lzma",
    ".tar.z",
)

Progress = Callable[[int, int], None]


def open_source(path: Path) -> Source:
    """A read-only view of an archive folder or of a single issue file."""
    if path.is_dir():
        return FolderSource(path)
    if is_zip(path):
        return ZipSource(path)
    if path.is_file():
        return FileSource(path)
    raise CorruptArchive(str(path), Reason.of("no_such_path"))


def pick_importer(name: str, head: bytes) -> ModuleType | None:
    """The importer that scores a file highest, or None when none recognises it."""
    best, best_score = None, 0
    for importer in IMPORTERS:
        score = importer.score(name, head)
        if score > best_score:
            best, best_score = importer, score
    return best


def load_archive(source: Source, progress: Progress | None = None) -> Archive:
    """Read every issue in ``source``; unreadable files become problems, never exceptions."""
    settings, problems = read_settings(source)
    names = [n for n in source.names() if not is_ignored(n)]
    claimed: dict[ModuleType, list[str]] = {}
    for done, name in enumerate(names, start=1):
        if progress is not None:
            progress(done, len(names))
        try:
            head = source.read_bytes(name, HEAD_BYTES)
        except CorruptArchive as exc:
            problems.append(Problem(name, exc.reason))
            continue
        importer = pick_importer(name, head)
        if importer is None:
            problems.append(Problem(name, _unknown_reason(name, head)))
        else:
            claimed.setdefault(importer, []).append(name)
    issues: list[Issue] = []
    for importer, members in claimed.items():
        try:
            loaded = importer.load(source, members, settings)
        except Exception as exc:  # a bug in one importer must not lose the other formats
            log.exception("importer %s failed", importer.NAME)
            reason = Reason.of("importer_failed", importer=importer.NAME, detail=exc)
            problems.extend(Problem(n, reason) for n in members)
            continue
        issues.extend(loaded.issues)
        problems.extend(loaded.problems)
    issues = unify_publications(issues, settings)
    issues.sort(key=lambda i: (i.publication, i.date or dt.date.min, i.number.zfill(8), i.source))
    return Archive(
        root=source.root, settings=settings, issues=tuple(issues), problems=tuple(problems)
    )


def read_original(source: Source, issue: Issue, article: Article) -> str:
    """The article's text exactly as its file has it."""
    importer = next((i for i in IMPORTERS if issue.format == i.NAME), None)
    if importer is None:
        raise CorruptArchive(issue.source, Reason.of("unknown_importer", format=issue.format))
    text: str = importer.read_original(source, article)
    return text


def is_tar(name: str, head: bytes) -> bool:
    """Whether a file is a tar archive (plain or compressed), by its name or its first bytes."""
    if name.lower().endswith(TAR_SUFFIXES):
        return True
    if _is_tar_header(head):
        return True
    if head.startswith(b"\x1f\x8b"):
        # A gzip: the tar header sits in the first block, which the head is enough to inflate.
        try:
            inner = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 512)
        except zlib.error:
            return False
        return _is_tar_header(inner)
    return False


def _is_tar_header(block: bytes) -> bool:
    # POSIX "ustar\0" and GNU "ustar  \0" both start with these bytes at offset 257.
    return block[257:262] == b"ustar"


def _unknown_reason(name: str, head: bytes) -> Reason:
    if not head.strip():
        return Reason.of("empty_file")
    if head.startswith(b"PK\x03\x04"):
        return Reason.of("nested_zip")
    if is_tar(name, head):
        return Reason.of("tar_archive")
    if b"\x00" in head[:1024]:
        return Reason.of("unknown_format_binary")
    return Reason.of("unknown_format")
