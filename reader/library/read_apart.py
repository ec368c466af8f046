"""The first read of a large archive in a spawned process, so the window never holds what reading makes.

Reading a national daily's 18,000 files makes and lets go of gigabytes of parse trees and text,
and the allocator keeps most of the pages: a window that had read national-50y itself stayed at
about 1 GB resident, where one that opens the cache stays at 250 MB. So the window reads a large
archive in a spawned process. The child reads the files and caches the catalogue, as a read in
the window's process does (:func:`reader.library.first_read.read_files`), and sends each batch
as it is kept: its issues (without their text) and where their text ends in its spill file. The
parent hands the batches on as that read does (the window grows its tree, and reads the text
from the spill file), and at the end opens the cache the child wrote.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import pickle
import time
import traceback
from array import array
from collections.abc import Sequence
from dataclasses import replace
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from reader import formats
from reader.formats import Source
from reader.library import first_read, texts
from reader.library.apart_entries import EntriesIn, EntriesOut, Written
from reader.library.catalogue import Catalogue, FileState, Listener, load
from reader.library.jobs import PROGRESS_INTERVAL
from reader.library.spill import Spill
from reader.model import Archive, Issue, Progress, ReaderError

log = logging.getLogger(__name__)

# An archive is read apart from this many files, or this many bytes, on: below, starting a
# process (0.3-0.5 s) costs more than reading, and what the read leaves behind is small.
APART_FROM_FILES = 500
APART_FROM_BYTES = 200 * 1024 * 1024
# Seconds between two looks at whether the read is cancelled while the child sends nothing
# (the child sends progress every jobs.PROGRESS_INTERVAL).
_WAIT = 0.25


def worth_it(files: FileState) -> bool:
    """Whether an archive of ``files`` (a file state: size and times of each) is read apart."""
    size = sum(stamp[0] for stamp in files.values())
    return len(files) >= APART_FROM_FILES or size >= APART_FROM_BYTES


def read_files(
    cached: Path,
    current: str,
    opened: Path,
    source: Source,
    progress: Progress | None,
    on_batch: Listener | None,
) -> Catalogue:
    """:func:`reader.library.first_read.read_files` of the archive at ``opened`` (whose
    ``source`` the child opens anew), done by a spawned process; the cache it writes is
    opened here.

    ``progress`` may raise Cancelled: the child is then killed. A child that dies raises
    ReaderError. Where the cache cannot be written, the files are read here instead.
    """
    found = _read_apart(cached, current, opened, progress, on_batch)
    if found is None:
        return first_read.read_files(cached, current, source, progress, on_batch)
    return found


def _read_apart(
    cached: Path, current: str, opened: Path, progress: Progress | None, on_batch: Listener | None
) -> Catalogue | None:
    """The catalogue the child read and cached, or None when there is no cache to read."""
    if not _writable(cached.parent):
        return None
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    spill_path = Spill.path_beside(cached)
    child = context.Process(
        target=_child,
        args=(cached, current, opened, spill_path, send),
        name="reader-first-read",
        daemon=True,  # reads only; dies with the window
    )
    mirror = _Mirror(spill_path, EntriesIn(_entries_path(spill_path)))
    try:
        child.start()
        send.close()  # the child's end: once it exits, reading here ends (EOFError)
        _follow(receive, child, mirror, progress, on_batch)
        child.join()
        found = load(cached, current)
    finally:
        receive.close()
        if child.is_alive():  # cancelled, or failed here
            child.kill()
        if child.pid is not None:
            child.join()
        spill_path.unlink(missing_ok=True)  # what a killed child left
        _entries_path(spill_path).unlink(missing_ok=True)
    if found is None:  # written, and already changed or unreadable: read here
        log.warning("the catalogue read apart was not cached at %s; reading it here", cached)
    return found


def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK)


def _entries_path(spill_path: Path) -> Path:
    """The file of a read's entries (:mod:`reader.library.apart_entries`), beside its text."""
    return spill_path.with_suffix(".entries.tmp")


def _follow(
    receive: Connection,
    child: BaseProcess,
    mirror: _Mirror,
    progress: Progress | None,
    on_batch: Listener | None,
) -> None:
    """Hand on the child's messages until it is done (raising what it raised)."""
    last: tuple[int, int] | None = None
    while True:
        if not receive.poll(_WAIT):
            if progress is not None and last is not None:
                progress(*last)  # where a cancel is heard (it raises Cancelled)
            continue
        try:
            message = receive.recv()
        except EOFError:
            child.join(1.0)
            raise ReaderError(
                f"Reading the archive stopped: its process ended (exit code {child.exitcode})."
            ) from None
        kind = message[0]
        if kind == "progress":
            last = (message[1], message[2])
            if progress is not None:
                progress(*last)
        elif kind == "entries":  # the batch's articles are in the entries file
            part: Written = message[1]
            issues = mirror.entries.take(part)
            store = mirror.take(issues, message[2], compact=True)
            if on_batch is not None:
                batch = replace(part.shell, issues=issues)
                on_batch(Catalogue(batch, store, mirror.entries.store))
        elif kind == "batch":  # the batch whole (its text, when the spill failed)
            whole: Archive = message[1]
            store = mirror.take(whole.issues, message[2], compact=False)
            if on_batch is not None:
                on_batch(Catalogue(whole, store))
        elif kind == "error":
            log.info("the first read failed in its process:\n%s", message[2])
            raise message[1]
        else:
            return


class _Mirror:
    """The window's view of the child's spill file: where each record ends, and each
    article's record (from the entries, or noted here for a batch sent whole)."""

    def __init__(self, path: Path, entries: EntriesIn) -> None:
        self.path = path
        self.entries = entries
        self.offsets: array[int] = array("q")
        self._ordinals: dict[str, int] = {}
        self._count = 0
        self._failed = False

    def take(
        self, issues: Sequence[Issue], offsets: list[int] | None, compact: bool
    ) -> texts.TextStore | None:
        """Note a batch's records (``offsets``: their ends, None once the spill failed); the
        text written so far, to read back (None when there is none)."""
        if offsets is None or self._failed:
            self._failed = True
            return None
        # The offsets first, as Spill.take does: a reader finds an ordinal once its record is in.
        self.offsets.extend(offsets)
        for issue in issues:
            if compact:  # the entries know their ordinals: no object per article here
                self._count += len(issue.articles)
                continue
            for article in issue.articles:
                self._ordinals[article.id] = self._count
                self._count += 1
        return texts.TextStore(self.path.open("rb"), self.offsets, self._ordinal)

    def _ordinal(self, article_id: str) -> int | None:
        found = self._ordinals.get(article_id)
        return found if found is not None else self.entries.ordinal(article_id)


def _child(cached: Path, current: str, opened: Path, spill_path: Path, send: Connection) -> None:
    """In the spawned process: read the files, cache the catalogue, tell the parent."""
    sent = 0
    last = 0.0

    def progress(done: int, total: int) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last >= PROGRESS_INTERVAL or done >= total:
            last = now
            send.send(("progress", done, total))

    out: EntriesOut | None = None

    def taken(batch: Archive, spill: Spill | None) -> None:
        nonlocal sent, out
        if spill is None:  # no spill (or it failed): the batch holds its text, sent whole
            send.send(("batch", batch, None))
            return
        offsets = spill.offsets[sent:].tolist()  # the first batch's start with the header's end
        sent = len(spill.offsets)
        if out is not None:
            try:
                send.send(("entries", out.write(batch), offsets))
                return
            except OSError as exc:  # the disk is full: the rest goes whole
                log.warning("cannot write the entries of the archive read: %s", exc.strerror or exc)
                out.close()
                out = None
        send.send(("batch", batch, offsets))

    try:
        with contextlib.suppress(OSError):
            out = EntriesOut(_entries_path(spill_path))
        source = formats.open_source(opened)
        first_read.read_files(
            cached, current, source, progress, None, spill_path=spill_path, on_taken=taken
        )
    except BaseException as exc:  # the parent raises it
        send.send(("error", _picklable(exc), traceback.format_exc()))
    else:
        send.send(("done",))
    finally:
        if out is not None:
            out.close()
        send.close()


def _picklable(exc: BaseException) -> BaseException:
    """``exc``, or an error of the same kind (a ReaderError or not) that can cross processes."""
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        text = f"{type(exc).__name__}: {exc}"
        return ReaderError(text) if isinstance(exc, ReaderError) else RuntimeError(text)
    return exc
