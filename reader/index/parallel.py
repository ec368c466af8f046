"""A first build split across processes: one segment here, one in each spawned worker.

Whoosh's own ``MpWriter`` cannot be cancelled (its workers never see the flag) and silently
drops the documents of a worker that crashed; this writes the same multi-segment commit with
a queue for progress, so cancelling or a failed worker stops the whole build.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import queue
import traceback
from collections.abc import Mapping
from typing import Any

from whoosh import index as whoosh_index

from reader.index import store
from reader.index.schema import documents
from reader.index.segments import SegmentBuilder
from reader.model import Article, Issue, Progress

# The unit of work of a parallel build holds at most about this many characters of text: a
# huge issue is cut into batches of its articles, so that no process holds it all and every
# process gets a share of it.
BATCH_CHARS = 2_000_000


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


def batches(issues: list[Issue], limit: int | None = None) -> list[Issue]:
    """The issues, each cut into copies holding consecutive batches of its articles.

    An issue of at most ``limit`` characters stays whole; a longer one becomes copies (same id,
    date and publication, so the same index documents) of about ``limit`` characters each; an
    article longer than that is a batch of its own. ``limit`` is ``BATCH_CHARS`` by default.
    """
    limit = BATCH_CHARS if limit is None else limit
    units: list[Issue] = []
    for issue in issues:
        if text_size(issue) <= limit:
            units.append(issue)
            continue
        batch: list[Article] = []
        size = 0
        for article in issue.articles:
            length = _article_size(article)
            if batch and size + length > limit:
                units.append(dataclasses.replace(issue, articles=tuple(batch)))
                batch, size = [], 0
            batch.append(article)
            size += length
        if batch:
            units.append(dataclasses.replace(issue, articles=tuple(batch)))
    return units


def _shares(issues: list[Issue], count: int) -> list[list[Issue]]:
    """Split issues into ``count`` shares of about the same amount of text."""
    shares: list[list[Issue]] = [[] for _ in range(count)]
    sizes = [0] * count
    for issue in sorted(issues, key=text_size, reverse=True):
        smallest = sizes.index(min(sizes))
        shares[smallest].append(issue)
        sizes[smallest] += text_size(issue)
    return [share for share in shares if share]


def text_size(issue: Issue) -> int:
    """About how many characters an issue gives the index (never 0)."""
    return sum(_article_size(article) for article in issue.articles) + 1


def _article_size(article: Article) -> int:
    return sum(len(p) for p in article.paragraphs) + len(article.title) + 1


def write_parallel(
    ix: Any,
    issues: list[Issue],
    fingerprints: Mapping[str, str],
    progress: Progress | None,
    count: int,
    total: int,
) -> None:
    """Write one segment here and one in each of ``count - 1`` spawned processes.

    The issues are shared out in :func:`batches`; the segments are committed together, as
    ``MpWriter(multisegment=True)`` does.
    """
    report(progress, 0, total)
    own, *others = _shares(batches(issues), count)
    context = multiprocessing.get_context("spawn")
    messages = context.Queue()
    workers = [
        context.Process(
            target=build_part,
            args=(ix.storage.folder, share, {i.id: fingerprints[i.id] for i in share}, messages),
            daemon=True,
        )
        for share in others
    ]
    segments: list[object] = []
    done = 0

    def receive(timeout: float | None) -> bool:
        nonlocal done
        try:
            kind, value = messages.get(timeout=timeout) if timeout else messages.get_nowait()
        except queue.Empty:
            return False
        if kind == "progress":
            done += value
        elif kind == "segment":
            segments.append(value)
        else:
            raise RuntimeError(f"an index worker failed:\n{value}")
        return True

    try:
        # Committed with the workers' segments when all went well, cancelled otherwise.
        with SegmentBuilder(ix) as writer:
            for worker in workers:
                worker.start()
            for issue in own:
                done = add_issue(writer, issue, fingerprints[issue.id], progress, done, total)
                while receive(None):
                    pass
            # Its postings written while the workers write theirs, not after them.
            writer.seal()
            while len(segments) < len(workers):
                got = receive(0.2)
                report(progress, done, total)
                # A worker's messages are all in the queue once it has exited, so more
                # workers gone than segments come means one stopped without its part (a crash,
                # or a frozen app whose child never ran the job): waiting longer would hang.
                exited = sum(w.exitcode is not None for w in workers)
                if not got and exited > len(segments):
                    raise RuntimeError("an index worker stopped without finishing its part")
            writer.include(segments)
    finally:
        for worker in workers:
            if worker.pid is None:
                continue  # never started
            if worker.is_alive():
                worker.terminate()
            worker.join()
        messages.close()


def build_part(
    whoosh_dir: str,
    issues: list[Issue],
    fingerprints: Mapping[str, str],
    messages: Any,
) -> None:
    """Write the documents of ``issues`` as one new segment (in a worker process).

    Sends ``("progress", n)`` after each issue and ``("segment", segment)`` at the end, or
    ``("error", traceback)``.
    """
    parent = multiprocessing.parent_process()
    try:
        ix = whoosh_index.open_dir(whoosh_dir, indexname=store.INDEX_NAME)
        # The parent holds whoosh's lock for all of them.
        with SegmentBuilder(ix, part=True) as writer:
            for issue in issues:
                if parent is not None and not parent.is_alive():
                    return  # the build was killed: its folder is deleted by the next one
                for document in documents(issue, fingerprints[issue.id]):
                    writer.add_document(**document)
                messages.put(("progress", len(issue.articles)))
            messages.put(("segment", writer.finish_part()))
    except BaseException:
        messages.put(("error", traceback.format_exc()))
        raise
