"""Checking an archive's files against its checksum manifests: intact, changed, missing, unlisted.

The manifests are the archive's companions (``Archive.manifests``): BagIt bags, ``sha256sum`` /
``md5sum`` lists and BSD-style lists such as the British Library's. Every listed checksum is
checked by hashing the file in chunks (members of a zip too), so any size is read in bounded
memory, progress can be reported after every chunk and the work stopped between two. A bag in
a folder is read with the ``bagit`` library, which only reads. Nothing is written anywhere.
"""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import bagit

from reader.formats import SETTINGS_FILE, FileSource, FolderSource, Source
from reader.formats.common.manifests import parse
from reader.model import Archive, Companion, CorruptArchive, Problem, Progress, Reason

# Bytes hashed between two progress reports (and two chances to stop).
CHUNK = 1024 * 1024
INTACT, CHANGED, MISSING, UNLISTED, UNREADABLE = (
    "intact",
    "changed",
    "missing",
    "unlisted",
    "unreadable",
)
STATUSES = (INTACT, CHANGED, MISSING, UNLISTED, UNREADABLE)


@dataclass(frozen=True)
class Digest:
    """One listed checksum of a file: what the manifest expects and what the file gives."""

    algorithm: str
    expected: str
    actual: str = ""


@dataclass(frozen=True)
class FileCheck:
    """The verdict on one file, by its name relative to the archive's root."""

    path: str
    status: str
    digests: tuple[Digest, ...] = ()
    manifests: tuple[str, ...] = ()
    reason: Reason | None = None


@dataclass(frozen=True)
class Report:
    """Every file a manifest lists (or should list), with its verdict, and the manifests read.

    ``notes`` are the manifests' own faults: lines that could not be read, unsafe paths, a bag
    bagit refuses.
    """

    root: str
    manifests: tuple[str, ...]
    files: tuple[FileCheck, ...]
    notes: tuple[Problem, ...] = ()

    def counts(self) -> dict[str, int]:
        """How many files have each status (every status, zeros included), in STATUSES order."""
        counts = dict.fromkeys(STATUSES, 0)
        for check in self.files:
            counts[check.status] += 1
        return counts

    def with_status(self, status: str) -> tuple[FileCheck, ...]:
        """The files with this status, by path."""
        return tuple(c for c in self.files if c.status == status)

    def failed(self, strict: bool = False) -> bool:
        """Whether a file changed or could not be read (with ``strict``: or is missing/unlisted)."""
        counts = self.counts()
        if counts[CHANGED] or counts[UNREADABLE]:
            return True
        return strict and bool(counts[MISSING] or counts[UNLISTED] or not self.manifests)


@dataclass(frozen=True)
class Step:
    """How far a verification has come: files and bytes done, of how many."""

    files_done: int
    files_total: int
    bytes_done: int
    bytes_total: int


@dataclass
class _Listed:
    digests: list[tuple[str, str]] = field(default_factory=list)
    manifests: list[str] = field(default_factory=list)


class Verification:
    """One check of an archive against its manifests: :meth:`steps` does it, :attr:`report` says.

    Reading stops between two chunks when the caller stops iterating :meth:`steps`.
    """

    def __init__(self, archive: Archive, source: Source) -> None:
        if isinstance(source, FileSource):
            # A checksum list opened on its own: the files it lists are beside it.
            source = FolderSource(Path(source.root))
        self._source = source
        self._names = set(source.names())
        self._listed: dict[str, _Listed] = {}
        self._notes: list[Problem] = []
        self._manifests = tuple(c.source for c in archive.manifests)
        covered: list[str] = []  # folders whose every file a manifest should list
        bags = sorted({posixpath.dirname(c.source) for c in archive.manifests if _in_bag(c)})
        for bag in bags:
            self._read_bag(bag, [c for c in archive.manifests if _in_bag(c, bag)])
            covered.append(posixpath.join(bag, "data"))
        for companion in archive.manifests:
            if companion.kind == "checksums":
                self._read_list(companion.source, posixpath.dirname(companion.source))
                covered.append(posixpath.dirname(companion.source))
        own = {c.source for c in archive.companions} | {SETTINGS_FILE}
        self._unlisted = sorted(
            name
            for name in self._names - own - set(self._listed)
            if any(_below(name, folder) for folder in covered)
        )
        self.report = Report(source.root, self._manifests, (), tuple(self._notes))

    def steps(self) -> Iterator[Step]:
        """Hash every listed file that is there, yielding progress after each chunk and file."""
        present = [p for p in sorted(self._listed) if p in self._names]
        sizes = {p: self._size(p) for p in present}
        files_total, bytes_total = len(present), sum(sizes.values())
        files_done = bytes_done = 0
        checks: list[FileCheck] = []
        for path in sorted(self._listed):
            listed = self._listed[path]
            manifests = tuple(dict.fromkeys(listed.manifests))
            if path not in self._names:
                digests = tuple(Digest(a, e) for a, e in listed.digests)
                checks.append(FileCheck(path, MISSING, digests, manifests))
                continue
            hashers = {a: hashlib.new(a) for a, _ in listed.digests}
            try:
                for piece in self._source.chunks(path, CHUNK):
                    for hasher in hashers.values():
                        hasher.update(piece)
                    bytes_done += len(piece)
                    yield Step(files_done, files_total, bytes_done, bytes_total)
            except CorruptArchive as exc:
                checks.append(FileCheck(path, UNREADABLE, (), manifests, exc.reason))
            else:
                actual = {a: h.hexdigest() for a, h in hashers.items()}
                digests = tuple(Digest(a, e, actual[a]) for a, e in listed.digests)
                same = all(d.expected == d.actual for d in digests)
                checks.append(FileCheck(path, INTACT if same else CHANGED, digests, manifests))
            files_done += 1
            yield Step(files_done, files_total, bytes_done, bytes_total)
        checks.extend(FileCheck(name, UNLISTED) for name in self._unlisted)
        checks.sort(key=lambda c: c.path)
        self.report = Report(self._source.root, self._manifests, tuple(checks), self.report.notes)

    def _size(self, path: str) -> int:
        try:
            return self._source.info(path).size
        except (OSError, CorruptArchive):
            return 0

    def _add(self, path: str, algorithm: str, digest: str, manifest: str) -> None:
        entry = self._listed.setdefault(path, _Listed())
        if (algorithm, digest) not in entry.digests:
            entry.digests.append((algorithm, digest.lower()))
        entry.manifests.append(manifest)

    def _resolve(self, folder: str, path: str, manifest: str) -> str | None:
        """The archive name of ``path`` as listed in ``folder``; None (and a note) if outside."""
        joined = posixpath.normpath(posixpath.join(folder, path.replace("\\", "/")))
        if path.startswith("/") or joined == ".." or joined.startswith("../"):
            self._notes.append(Problem(manifest, Reason.of("manifest_unsafe_path", path=path)))
            return None
        return joined.removeprefix("./")

    def _read_list(self, manifest: str, folder: str) -> None:
        try:
            # Whole, within the sources' size limits: a list is a few kB per thousand files.
            listed = parse(manifest, self._source.read_bytes(manifest))
        except CorruptArchive as exc:
            self._notes.append(Problem(manifest, exc.reason))
            return
        if listed.bad_lines:
            reason = Reason.of("manifest_bad_lines", count=listed.bad_lines)
            self._notes.append(Problem(manifest, reason))
        for entry in listed.entries:
            path = self._resolve(folder, entry.path, manifest)
            if path is not None:
                self._add(path, entry.algorithm, entry.digest, manifest)

    def _read_bag(self, bag: str, manifests: list[Companion]) -> None:
        """A bag's manifests: through bagit when the bag is a folder on disk, else line by line."""
        if isinstance(self._source, FolderSource) and f"{bag}/bagit.txt".lstrip("/") in self._names:
            try:
                opened = bagit.Bag(str(Path(self._source.root, bag)))
            except (bagit.BagError, OSError, UnicodeError, ValueError) as exc:
                self._notes.append(Problem(bag or ".", Reason.of("bag_invalid", detail=exc)))
            else:
                self._take_bag_entries(bag, opened)
                return
        for companion in manifests:
            self._read_list(companion.source, bag)

    def _take_bag_entries(self, bag: str, opened: bagit.Bag) -> None:
        for path, by_algorithm in sorted(opened.entries.items()):
            posix = Path(path).as_posix()
            kind = "manifest" if posix.startswith("data/") else "tagmanifest"
            for algorithm, digest in sorted(by_algorithm.items()):
                manifest = posixpath.join(bag, f"{kind}-{algorithm}.txt")
                resolved = self._resolve(bag, posix, manifest)
                if resolved is not None:
                    self._add(resolved, algorithm, digest, manifest)


def verify(archive: Archive, source: Source, progress: Progress | None = None) -> Report:
    """Check ``archive``'s files against its manifests; ``progress(bytes_done, bytes_total)``.

    ``progress`` may raise ``Cancelled`` to stop between two chunks.
    """
    verification = Verification(archive, source)
    for step in verification.steps():
        if progress is not None and step.bytes_total:
            progress(step.bytes_done, step.bytes_total)
    return verification.report


def _in_bag(companion: Companion, bag: str | None = None) -> bool:
    in_bag = companion.kind in ("manifest", "tagmanifest")
    return in_bag and (bag is None or posixpath.dirname(companion.source) == bag)


def _below(name: str, folder: str) -> bool:
    return folder in ("", ".") or name.startswith(f"{folder}/")
