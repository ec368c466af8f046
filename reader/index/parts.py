"""A build's documents written into segments: an issue's articles added, and segments of bounded size.

Both builds use these: the one-process build adds issues to its one segment with
:func:`add_issue`; the parallel build (:mod:`reader.index.parallel`) writes through
:class:`Parts` in the parent and in each worker, so no process's segment outgrows its memory.
"""

from __future__ import annotations

from typing import Any

from reader.index.feed import text_size
from reader.index.schema import documents
from reader.index.segments import SegmentBuilder
from reader.model import Issue, Progress


def report(progress: Progress | None, done: int, total: int) -> None:
    """Tell ``progress`` (if any) how far the work is; it may raise Cancelled."""
    if progress is not None:
        progress(done, total)


def add_issue(
    writer: SegmentBuilder,
    issue: Issue,
    fingerprint: str,
    progress: Progress | None,
    done: int,
    total: int,
) -> int:
    """Add an issue's articles to ``writer``, reporting each; return the new ``done``."""
    for document in documents(issue, fingerprint):
        writer.add_document(**document)
        done += 1
        report(progress, done, total)
    return done


class Parts:
    """Documents written as uncommitted segments, a new one whenever ``limit`` characters of
    text were pooled into the current one; :meth:`take` hands the closed ones over."""

    def __init__(self, ix: Any, limit: int) -> None:
        self._ix = ix
        self.limit = limit
        self._writer: SegmentBuilder | None = None
        self.pooled = 0  # characters in the open segment
        self._closed: list[object] = []

    def add(
        self,
        issue: Issue,
        fingerprint: str,
        progress: Progress | None = None,
        done: int = 0,
        total: int = 0,
    ) -> int:
        """Add an issue's articles (reporting each as :func:`add_issue`); return ``done``."""
        if self._writer is None:
            self._writer = SegmentBuilder(self._ix, part=True)
        done = add_issue(self._writer, issue, fingerprint, progress, done, total)
        self.pooled += text_size(issue)
        if self.pooled >= self.limit:
            self.flush()
        return done

    def flush(self) -> None:
        """Write the current segment (if it has documents) and close it."""
        if self._writer is not None:
            self._closed.append(self._writer.finish_part())
            self._writer = None
            self.pooled = 0

    def take(self) -> list[object]:
        """The segments closed since the last call, for ``SegmentBuilder.include``."""
        closed, self._closed = self._closed, []
        return closed

    def cancel(self) -> None:
        """Drop the current segment's pool (closed segments' files go with the build folder)."""
        if self._writer is not None and not self._writer.is_closed:
            self._writer.cancel()
        self._writer = None
