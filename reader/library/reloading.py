"""Reading an archive again, in the worker: what is on disk now, and what changed in the catalogue.

The window runs these in its task runner's thread; they take and return plain values.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from reader import formats
from reader.library import read_apart
from reader.library.catalogue import Catalogue, FileState
from reader.library.library import Library
from reader.model import Archive, Issue, Progress

# Watch at most this many folders and files in all: each is a kernel watch, and the user's
# limit (8,192 on older kernels) is shared by every program. Folders come first, so new files
# are seen in every folder watched; beyond the limit F5 still reloads.
MAX_WATCHED = 3000


@dataclass(frozen=True)
class Snapshot:
    """An archive's files as they are on disk: what the catalogue was (or will be) read from.

    ``files`` maps each file the catalogue is read from (relative to ``folder``) to its size,
    modification and change time (a chmod moves only the last); ``folders`` are the archive's
    folders to watch (for a single file or zip, none); ``watched`` is every path to watch, at
    most :data:`MAX_WATCHED`.
    """

    path: str
    folder: str
    files: FileState = field(default_factory=dict)
    folders: tuple[str, ...] = ()

    @property
    def is_folder(self) -> bool:
        """Whether the archive is a folder (not a single issue file or zip)."""
        return self.path == self.folder

    @property
    def watched(self) -> list[str]:
        """The folders, then the files, to watch: at most :data:`MAX_WATCHED` paths."""
        paths = list(self.folders[:MAX_WATCHED])
        for name in sorted(self.files):
            if len(paths) >= MAX_WATCHED:
                break
            paths.append(os.path.join(self.folder, *name.split("/")))
        return paths

    def youngest_change_ns(self, before: Snapshot) -> int:
        """How long ago (ns) the most recently modified file that differs from ``before`` was."""
        # The modification time: a file whose permissions alone changed is not being written.
        now = time.time_ns()
        changed = [
            stamp[1] for name, stamp in self.files.items() if before.files.get(name) != stamp
        ]
        return now - max(changed) if changed else now


@dataclass(frozen=True)
class Changes:
    """How a re-read catalogue differs from the one shown: issue ids, and new problems.

    ``unreadable`` names the files and folders newly unreadable (count them apart with
    :func:`reader.library.unreadable.files_and_folders`).
    """

    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    unreadable: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed or self.unreadable)


@dataclass(frozen=True)
class Reading:
    """The outcome of a look at the archive.

    ``library`` is the archive read again, or None when nothing it is read from had changed (or
    a file was still being written: ``settling``).
    """

    snapshot: Snapshot
    library: Library | None = None
    changes: Changes = field(default_factory=Changes)
    settling: bool = False


def take_snapshot(path: str) -> Snapshot:
    """The files of the archive at ``path`` now, and its folders (CorruptArchive when gone)."""
    files = Library.file_state(path)
    opened = Path(path)
    if not opened.is_dir():
        return Snapshot(path, str(opened.parent), files)
    return Snapshot(path, path, files, _folders(path))


def _folders(root: str) -> tuple[str, ...]:
    """The archive's folders, its root first; hidden ones skipped as the importers skip them."""
    found: list[str] = []
    for folder, dirs, _files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.append(folder)
        if len(found) >= MAX_WATCHED:
            break
    return tuple(found)


# Called in the worker with the archive read so far (see :func:`open_archive`).
PartialListener = Callable[[Library], None]


def open_archive(
    path: str, progress: Progress | None = None, on_partial: PartialListener | None = None
) -> Reading:
    """Open the archive at ``path`` (the window's first read), with the snapshot to watch from.

    The snapshot is taken first: a file changed while reading then differs from it, and is
    read again at the next look. When the files are read (no cached catalogue), ``on_partial``
    is given, after each batch, a library of the issues read so far, in catalogue order (their
    text read back from where the first read writes it): to browse while the rest is read. A
    large archive is read by a spawned process (:mod:`reader.library.read_apart`), so the
    window's process keeps only the catalogue, not what reading made.
    """
    snapshot = take_snapshot(path)
    on_batch = None if on_partial is None else _Gathering(path, on_partial)
    apart = read_apart.worth_it(snapshot.files)
    library = Library.open(path, progress, on_batch=on_batch, state=snapshot.files, apart=apart)
    library.alias_suggestions()  # reads the issues' text: here, off the window's thread
    return Reading(snapshot, library)


# Seconds at least between two libraries handed on while an archive is read, and at least
# this many times as long as making the last one took (each is made over all issues so far).
PARTIAL_EVERY = 2.0
PARTIAL_COST = 4.0


class _Gathering:
    """Gathers a first read's batches, and hands on a library of all those read so far.

    The first batch at once; later ones every :data:`PARTIAL_EVERY` seconds or so, and never
    more than a fifth of the time: the library is made anew over all issues each time.
    """

    def __init__(self, path: str, on_partial: PartialListener) -> None:
        opened = Path(path).expanduser()
        self._source = formats.open_source(opened)
        self._path = opened.resolve()
        self._on_partial = on_partial
        self._issues: list[Issue] = []
        self._due = 0.0

    def __call__(self, batch: Catalogue) -> None:
        self._issues.extend(batch.archive.issues)
        # The catalogue so far is many long-lived objects: a full collection rescanning them
        # would hold the GIL (and so the window) for a second or more at a million articles.
        # Frozen, the collector skips them; reference counting still frees them (as the window
        # does once an archive is shown, ui/app/window.py). A young collection first, so the
        # importers' fresh cycles, if any, are not frozen with them.
        gc.collect(1)
        gc.freeze()
        started = time.monotonic()
        if started < self._due:
            return
        # Mostly in order already (files are read by name): a sort is a pass over them.
        self._issues.sort(key=formats.issue_order)
        so_far = replace(batch.archive, issues=tuple(self._issues))
        library = Library(Catalogue(so_far, batch.texts, batch.entries), self._source, self._path)
        spent = time.monotonic() - started
        self._due = time.monotonic() + max(PARTIAL_EVERY, PARTIAL_COST * spent)
        self._on_partial(library)


def reread(
    path: str,
    previous: Snapshot | None,
    shown: Archive | None,
    *,
    settle_ns: int = 0,
    progress: Progress | None = None,
) -> Reading:
    """Read the archive at ``path`` again if its files differ from ``previous`` (always if None).

    A changed file modified less than ``settle_ns`` ago may still be being written: the result
    then only says ``settling``, and the caller looks again later.

    Raises:
        CorruptArchive: Nothing is at ``path`` any more.
    """
    snapshot = take_snapshot(path)
    if previous is not None:
        if snapshot.files == previous.files:
            return Reading(snapshot)
        if snapshot.youngest_change_ns(previous) < settle_ns:
            return Reading(snapshot, settling=True)
    library = Library.open(path, progress)
    library.alias_suggestions()
    changes = compare(shown, library.archive) if shown is not None else Changes()
    return Reading(snapshot, library, changes)


def compare(old: Archive, new: Archive) -> Changes:
    """Which issues were added, changed or removed, and what newly could not be read."""
    before = {issue.id: issue for issue in old.issues}
    after = {issue.id: issue for issue in new.issues}
    added = tuple(i for i in after if i not in before)
    removed = tuple(i for i in before if i not in after)
    changed = tuple(i for i, issue in after.items() if i in before and before[i] != issue)
    old_problems = {p.source for p in old.all_problems}
    unreadable = tuple(sorted({p.source for p in new.all_problems} - old_problems))
    return Changes(added, changed, removed, unreadable)
