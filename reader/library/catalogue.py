"""A cache of each archive's catalogue in the per-user cache folder: reopening reads one file.

Importing a ten-year weekly (2,000 issue files) takes several seconds; most opens find the
archive as it was. The cache is keyed by the archive's location and stamped with a digest of
the name, size, modification and change time of every file the catalogue is read from (and of
this program's importers), so any change — a file added, edited, removed or chmod'ed,
archive.toml edited, the program upgraded — makes it miss and the archive is read again. Never
written inside the archive. :func:`file_state` is also what a window watching it compares.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import pickle
import struct
from collections.abc import Callable
from pathlib import Path

from reader import digests
from reader.formats import SETTINGS_FILE, FolderSource, Source, is_ignored
from reader.library import cache_notes, entries, paths, refused, texts
from reader.library import spill as spill_file
from reader.library.codedigest import (
    CODE_DIGEST_FILE,
    CODE_FOLDERS,
    code_digest,
    digest_of_code,
    source_digest,
)
from reader.model import Archive, CorruptArchive, Issue, Progress, Reason

log = logging.getLogger(__name__)

# Bump when what is pickled changes shape in a way the code digest below cannot see.
CACHE_VERSION = 7
_MAGIC = b"issue-reader catalogue\n"
# Where the head is: it is written last, after the records and the issues.
_POSITION = struct.Struct("<Q")
# Issues per pickle call (about 10 ms each for a county weekly).
CHUNK = 16


# Per file: size, modification and change time (ns). The change time is for a chmod, which
# changes nothing else yet may make a file unreadable or readable; reading leaves it as it is.
FileState = dict[str, tuple[int, int, int]]


@dataclasses.dataclass(frozen=True)
class Catalogue:
    """An archive's catalogue and, when it was cached, where its articles and their text are."""

    archive: Archive
    texts: texts.TextStore | None = None
    entries: entries.ArticleStore | None = None


def cache_file(cache_root: Path, opened: Path) -> Path:
    """The cache file of the archive opened at ``opened`` (a folder, a file or a zip)."""
    return Path(f"{paths.folder_in(cache_root, opened)}.pickle")


def text_file(cached: Path) -> Path:
    """The file of the articles' text beside the cache file ``cached``."""
    return cached.with_suffix(".texts")


def read(
    opened: Path, source: Source, progress: Progress | None, cache_root: Path | None
) -> Catalogue:
    """The catalogue of the archive at ``opened``: from the cache while no file changed.

    Otherwise the importers read ``source`` (reporting to ``progress``) and the result is
    cached below ``cache_root`` (:func:`paths.catalogue_root` if None). The articles' text is
    then left on disk beside the cache (:mod:`reader.library.texts`), first open or not; when
    the cache cannot be written, the catalogue keeps it.
    """
    return read_stamped(opened, source, progress, cache_root, file_state(opened, source))


def read_stamped(
    opened: Path,
    source: Source,
    progress: Progress | None,
    cache_root: Path | None,
    state: FileState,
    on_batch: Listener | None = None,
    apart: bool = False,
) -> Catalogue:
    """:func:`read`, given the :func:`file_state` of ``opened`` (taken once by the caller).

    When the files are read, ``on_batch`` hears the issues as they come (see
    :func:`reader.formats.load_archive`), as a catalogue of each batch; with ``apart``, a
    spawned process reads them (:mod:`reader.library.read_apart`).
    """
    cached = cache_file(cache_root if cache_root is not None else paths.catalogue_root(), opened)
    current = stamp(state)
    found = load(cached, current)
    if found is not None and refused.readable_again(source, refused.refused(found.archive)):
        close(found)  # a file the system refused reads now: its stamp cannot tell
        found = None
    if found is None:
        # Imported here: they save through this module, which they import.
        from reader.library import first_read, read_apart

        if apart:
            found = read_apart.read_files(cached, current, opened, source, progress, on_batch)
        else:
            found = first_read.read_files(cached, current, source, progress, on_batch)
    elif progress is not None:
        progress(1, 1)
    return found


# Hears a first read's batches: each batch's issues, and (once written) where their text is.
Listener = Callable[[Catalogue], None]


def file_state(opened: Path, source: Source | None) -> FileState:
    """Size, modification and change time of each file the catalogue of ``opened`` is read from.

    For a folder (``source`` lists it), every file an importer reads: page images, PDFs and
    the other ignored files are left out, ``archive.toml`` is in. A single issue file or zip is
    one entry, under its name. Two states differ exactly when reading the archive again could
    give another catalogue.

    Raises:
        CorruptArchive: Nothing is at ``opened`` any more.
    """
    if source is None or not opened.is_dir():
        try:
            info = opened.stat()
        except OSError as exc:
            raise CorruptArchive(str(opened), Reason.of("no_such_path")) from exc
        return {opened.name: (info.st_size, info.st_mtime_ns, info.st_ctime_ns)}
    listing = source.listing()
    # What could not be listed (a folder that cannot be opened, a link to nothing) is a problem
    # of the catalogue: when it can be, the stamp changes, an empty folder's too.
    state = {name: (-1, -1, -1) for name, _ in listing.problems if not is_ignored(name)}
    names = [n for n in listing.names if not is_ignored(n) or n == SETTINGS_FILE]
    if type(source) is FolderSource:
        # A plain folder's files are looked at directly: its info() resolves each path (to
        # refuse a link out of the folder), a third of a second on 2,000 files, paid by every
        # search. A file linked from outside then counts here too, which can only make the
        # cache miss. "/" joins as os.path.join would, on Windows too, in a third less time.
        folder = source.root
        for name in names:
            try:
                info = os.stat(f"{folder}/{name}")
            except OSError:
                continue  # removed while listing: the next look sees it gone
            state[name] = (info.st_size, info.st_mtime_ns, info.st_ctime_ns)
    else:
        for name in names:
            try:
                file = source.info(name)
            except (OSError, CorruptArchive):
                continue
            state[name] = (file.size, file.mtime_ns, 0)  # a Source has no change time
    if not opened.is_dir():  # removed while listing
        raise CorruptArchive(str(opened), Reason.of("no_such_path"))
    return state


def stamp(state: FileState) -> str:
    """A digest of the files a catalogue is read from (see :func:`file_state`) and of this code."""
    digest = digests.blake2b(digest_size=16)
    digest.update(f"{CACHE_VERSION}|{code_digest()}|".encode())
    for name in sorted(state):
        size, mtime_ns, ctime_ns = state[name]
        digest.update(f"{name}:{size}:{mtime_ns}:{ctime_ns}\x1e".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def load(path: Path, expected: str) -> Catalogue | None:
    """The cached catalogue, if it was made from the files as they are now (``expected``).

    Reads the issues and a few arrays; each issue's articles stay in the file, decoded when
    used (:mod:`reader.library.entries`), the text in the file beside it (:mod:`.texts`).
    """
    try:
        handle = path.open("rb")
    except (FileNotFoundError, NotADirectoryError):  # none (a file in its folder's way: none)
        return None
    except OSError as exc:
        log.warning("ignoring the catalogue cache %s: %s", path, exc.strerror or exc)
        return None
    try:
        if handle.read(len(_MAGIC)) != _MAGIC or handle.readline().strip() != expected.encode():
            handle.close()
            return None
        (head_at,) = _POSITION.unpack(handle.read(_POSITION.size))
        handle.seek(head_at)
        with entries.collector_paused():
            head = pickle.load(handle)
            store = entries.ArticleStore(handle, head.pop("entries"))
            handle.seek(head.pop("issues_at"))
            issues: list[Issue] = []
            for _ in range(head.pop("chunks")):
                issues.extend(entries.Unpickler(handle, store).load())
            store.issue_ids = [issue.id for issue in issues]
            token, offsets = head.pop("texts")
            archive = Archive(issues=tuple(issues), **head)
        if len(issues) != len(store.layout.offsets) - 1:
            raise ValueError(f"{len(issues)} issues for {len(store.layout.offsets) - 1} records")
        text_store = texts.TextStore.open(
            text_file(path), token, offsets, store.ordinal, store.layout.article_count
        )
    except Exception as exc:  # a damaged or foreign cache file is only a miss
        handle.close()
        log.warning("ignoring the catalogue cache %s: %r", path, exc)
        return None
    return Catalogue(archive, text_store, store)


def close(found: Catalogue) -> None:
    """Close the files a loaded catalogue keeps open."""
    for store in (found.entries, found.texts):
        if store is not None:
            store.close()


def save(
    path: Path, current: str, archive: Archive, spill: spill_file.Spill | None = None
) -> Catalogue | None:
    """Cache ``archive``, its text apart, and return the catalogue as a later :func:`load` does.

    The file: the magic line and ``current``, where the head is (8 bytes), each issue's
    articles as one record (:mod:`.entries`), the issues in chunks, then the head (the
    archive's other fields, the records' layout, the text's offsets). The text of articles
    that left it in ``spill`` is taken from there. A cache that cannot be written is logged,
    and None.
    """
    temp = path.with_name(f"{path.name}.{os.urandom(16).hex()}.tmp")
    token = os.urandom(16).hex()
    text_temp = path.with_name(f"{path.name}.{token}.texts.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if spill is not None:
            token, offsets, digests = spill.finish(text_temp, archive.issues)
        else:
            with text_temp.open("wb") as handle:
                offsets, digests = texts.write(handle, token, archive.issues)
        with temp.open("wb") as handle:
            handle.write(_MAGIC + current.encode() + b"\n")
            position_at = handle.tell()
            handle.write(_POSITION.pack(0))
            layout, stand_ins = entries.write(handle, archive.issues)
            issues = tuple(
                dataclasses.replace(issue, articles=articles, text_digest=digest)
                for issue, articles, digest in zip(archive.issues, stand_ins, digests, strict=True)
            )
            issues_at = handle.tell()
            # In chunks: one pickle call holds the GIL throughout (1.5 s for 2,000 issues),
            # which would freeze a window opening the archive on a worker thread.
            chunks = [issues[i : i + CHUNK] for i in range(0, len(issues), CHUNK)]
            for chunk in chunks:
                entries.Pickler(handle, protocol=pickle.HIGHEST_PROTOCOL).dump(chunk)
            head_at = handle.tell()
            head = {
                "root": archive.root,
                "settings": archive.settings,
                "problems": archive.problems,
                "duplicates": archive.duplicates,
                "companions": archive.companions,
                "chunks": len(chunks),
                "issues_at": issues_at,
                "entries": layout,
                "texts": (token, offsets),
            }
            pickle.dump(head, handle, protocol=pickle.HIGHEST_PROTOCOL)
            handle.seek(position_at)
            handle.write(_POSITION.pack(head_at))
        # Readers see the old files or the new ones, never half of one; a catalogue paired
        # with another write's text file (the token differs) is a miss, never wrong text.
        os.replace(text_temp, text_file(path))
        os.replace(temp, path)
    except OSError as exc:
        cache_notes.cannot_cache(path, exc)  # once, naming the folder, not the temporary files
        for left in (temp, text_temp):
            with contextlib.suppress(OSError):
                left.unlink(missing_ok=True)
        return None
    # Read back as every later open will: the entries in the file, not in memory.
    return load(path, current)


# The code digest's names, where the packaging and the self-test have always found them.
__all__ = [
    "CODE_DIGEST_FILE",
    "CODE_FOLDERS",
    "Catalogue",
    "code_digest",
    "digest_of_code",
    "source_digest",
]
