"""A first build in bounded memory: issues streamed to spawned workers, segments flushed as they fill.

The parent reads the issues one at a time and offers each unit of work (:func:`feed.units`) to
a queue the workers take from; when the queue is full (see ``QUEUED_CHARS``), the parent writes
the unit itself: every core is busy, and the parent never holds more than the queue.
Each process writes its documents into uncommitted segments
(:class:`reader.index.parts.Parts`), closing one and starting the next whenever
``SEGMENT_CHARS`` characters were pooled: the memory of a build does not grow with the
archive. The parent commits all the segments at once (as ``MpWriter(multisegment=True)``
does), so a half-built index is never seen.

Whoosh's own ``MpWriter`` cannot be cancelled (its workers never see the flag) and silently
drops the documents of a worker that crashed; here a queue carries progress, so cancelling or a
failed worker stops the whole build.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import threading
import traceback
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from whoosh import index as whoosh_index

from reader.index import store
from reader.index.feed import text_size, units
from reader.index.parts import Parts, report
from reader.index.segments import SegmentBuilder
from reader.model import Issue, Progress

__all__ = ["batches", "text_size", "write"]

# Characters of text one process pools into a segment before it writes it and starts another:
# what bounds a build's memory (a segment's pool, its terms and its postings being written).
SEGMENT_CHARS = 40_000_000
# Characters of text queued for each worker: at least enough for the time the parent takes to
# write a unit of its own, and half what the parent's open segment holds: writing a segment
# takes about half as long as pooling its text did, and the workers must not run dry while the
# parent writes one (in the middle, or its last one at the end while they finish theirs).
QUEUED_CHARS = 2_000_000


def batches(issues: Iterable[Issue], limit: int | None = None) -> list[Issue]:
    """:func:`feed.units` as a list (the issues cut into batches of their articles)."""
    return list(units(issues, limit))


def write(
    ix: Any,
    issues: Iterator[Issue],
    fingerprints: Mapping[str, str],
    progress: Progress | None,
    total: int,
    workers: int = 0,
) -> None:
    """Write ``issues`` (units of work, read as they are taken) as new segments of ``ix``,
    here and in ``workers`` spawned processes, and commit them all together."""
    report(progress, 0, total)
    with _Feeder(ix, fingerprints, progress, total, workers) as feeder:
        for unit in issues:
            feeder.give(unit)
        feeder.finish()


class _Feeder:
    """The parent's side of a build: the workers, their queues, its own segments."""

    def __init__(
        self,
        ix: Any,
        fingerprints: Mapping[str, str],
        progress: Progress | None,
        total: int,
        workers: int,
    ) -> None:
        self.fingerprints = fingerprints
        self.progress = progress
        self.total = total
        self.done = 0
        self.queued = 0  # characters given to the workers and not yet written
        self.segments: list[object] = []
        self.finished: set[int] = set()
        self.own = Parts(ix, SEGMENT_CHARS)
        self.writer = SegmentBuilder(ix, merge=False)  # holds whoosh's lock for them all
        context = multiprocessing.get_context("spawn")
        # None without workers: a queue's lock would start multiprocessing's resource tracker.
        self.jobs = context.Queue() if workers else None
        self.messages = context.Queue() if workers else None
        self.workers = [
            context.Process(
                target=build_part,
                args=(n, ix.storage.folder, self.jobs, self.messages, SEGMENT_CHARS),
                daemon=True,
            )
            for n in range(workers)
        ]

    def __enter__(self) -> _Feeder:
        self.writer.__enter__()
        for worker in self.workers:
            worker.start()
        return self

    def __exit__(self, kind: Any, error: Any, trace: Any) -> None:
        try:
            if kind is not None:
                self.own.cancel()
            self.writer.__exit__(kind, error, trace)
        finally:
            for worker in self.workers:
                if worker.pid is None:
                    continue  # never started
                if worker.is_alive():
                    worker.terminate()
                worker.join()
            if self.jobs is not None and self.messages is not None:
                self.jobs.cancel_join_thread()  # units left for workers that are gone
                self.jobs.close()
                self.messages.close()

    def give(self, unit: Issue) -> None:
        """Queue a unit for a worker, or write it here when the queue is full."""
        self._receive_all()
        fingerprint = self.fingerprints[unit.id]
        size = text_size(unit)
        room = len(self.workers) * max(QUEUED_CHARS, self.own.pooled // 2)
        if self.jobs is not None and (not self.queued or self.queued + size <= room):
            self.jobs.put((unit, fingerprint, size))
            self.queued += size
            report(self.progress, self.done, self.total)
            return
        self.done = self.own.add(unit, fingerprint, self.progress, self.done, self.total)

    def finish(self) -> None:
        """Close the last segments, wait for the workers' and include them all."""
        self.own.flush()
        for _ in self.workers:
            assert self.jobs is not None
            self.jobs.put(None)
        while len(self.finished) < len(self.workers):
            self._receive(0.2)
            report(self.progress, self.done, self.total)
            self._check_workers()
        self.writer.include([*self.segments, *self.own.take()])

    def _receive_all(self) -> None:
        while self._receive(None):
            pass
        self._check_workers()

    def _receive(self, timeout: float | None) -> bool:
        if self.messages is None:
            return False
        try:
            message = self.messages.get(timeout=timeout) if timeout else self.messages.get_nowait()
        except queue.Empty:
            return False
        kind, worker, value = message
        if kind == "progress":
            articles, chars = value
            self.done += articles
            self.queued -= chars
        elif kind == "segment":
            self.segments.append(value)
        elif kind == "done":
            self.finished.add(worker)
        else:
            raise RuntimeError(f"an index worker failed:\n{value}")
        return True

    def _check_workers(self) -> None:
        """Fail when a worker exited without finishing: its part of the index is missing."""
        for n, worker in enumerate(self.workers):
            if n in self.finished or worker.exitcode is None:
                continue
            # Its messages were all sent before it exited: read them, then look again.
            while self._receive(None):
                pass
            if n not in self.finished:
                raise RuntimeError("an index worker stopped without finishing its part")


def build_part(number: int, whoosh_dir: str, jobs: Any, messages: Any, limit: int) -> None:
    """Write the units taken from ``jobs`` as segments of at most ``limit`` characters (in a
    worker process) until it gives None.

    Sends ``("segment", number, segment)`` for each closed segment, ``("progress", number,
    (articles, characters))`` after each unit and ``("done", number, None)`` at the end, or
    ``("error", number, traceback)``.
    """
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_end_with, args=(parent,), daemon=True).start()
    try:
        ix = whoosh_index.open_dir(whoosh_dir, indexname=store.INDEX_NAME)
        parts = Parts(ix, limit)  # the parent holds whoosh's lock for all of them
        try:
            while True:
                try:
                    job = jobs.get(timeout=1.0)
                except queue.Empty:
                    if parent is not None and not parent.is_alive():
                        return  # the build was killed: its folder is deleted by the next one
                    continue
                if job is None:
                    break
                issue, fingerprint, size = job
                parts.add(issue, fingerprint)
                for segment in parts.take():
                    messages.put(("segment", number, segment))
                messages.put(("progress", number, (len(issue.articles), size)))
            parts.flush()
            for segment in parts.take():
                messages.put(("segment", number, segment))
            messages.put(("done", number, None))
        except BaseException:
            parts.cancel()
            raise
    except BaseException:
        messages.put(("error", number, traceback.format_exc()))
        raise


def _end_with(parent: Any) -> None:
    """End this worker as soon as the build's process has ended (killed, say).

    A worker may then be stuck for ever: reading a job the dying process wrote only in part,
    or, on exit, handing on messages nobody reads. Its build folder is deleted by the next build.
    """
    parent.join()
    os.kill(os.getpid(), signal.SIGKILL)  # at once: no clean-up that could wait on a pipe
