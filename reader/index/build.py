"""Building and updating an archive's index: a first build, incremental updates, recovery.

:func:`update_index` is the one entry point. It takes plain data (model objects and the
issues' fingerprints) and reports progress through a callback that may raise ``Cancelled``,
so it runs as well in a spawned process as in the caller's.

* A first build (or a rebuild) is written into ``build-*/`` and moved into place whole, so a
  half-built index is never seen; it uses several processes for large archives.
* Later updates re-index only the issues whose fingerprint changed, add new ones and delete
  removed ones, in one whoosh commit; ``meta.json`` is written after it. When small segments
  pile up, the update's new segment takes theirs in (:mod:`reader.index.merging`).
* A missing, unreadable or inconsistent index is rebuilt; an interrupted build leaves the
  previous index as it was.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from whoosh import index as whoosh_index

from reader.index import feed, merging, parallel, store
from reader.index.existing import open_existing
from reader.index.feed import Source, text_size
from reader.index.lock import WriteLock
from reader.index.parts import add_issue, report
from reader.index.schema import make_schema, versions
from reader.index.segments import SegmentBuilder
from reader.model import IndexUnavailable, Issue, Progress

log = logging.getLogger(__name__)


# A first build of at least this many articles, or this many characters, is split across
# processes (county-10y averages 1,500 characters an article). A worker costs its start and
# a second working set (about 150 MB at its peak): below this, one process builds in a few
# seconds anyway (county-1y, 4.9 M characters: 4.7 s alone, 4.0 s with a worker, 222 against
# 386 MB); at 8 M characters a worker takes 6.1 s down to 4.2 s (benchmarks/README.md).
PARALLEL_MIN_ARTICLES = 5000
PARALLEL_MIN_CHARS = 8_000_000
MAX_WORKERS = 4
# Rebuild instead of updating when this share of the documents would be deleted ones.
MAX_DELETED_SHARE = 0.3


@dataclass(frozen=True)
class IndexStats:
    """What an update did.

    Attributes:
        articles: Articles in the index afterwards.
        added: Issues indexed for the first time.
        changed: Issues re-indexed because their files changed.
        removed: Issues taken out because they are gone from the archive.
        written: Articles written by this update (those of merged segments included).
        rebuilt: Whether the index was built from scratch.
        seconds: How long the update took.
        merged: Segments merged into the update's new one (see :mod:`reader.index.merging`).
    """

    articles: int
    added: int
    changed: int
    removed: int
    written: int
    rebuilt: bool
    seconds: float
    merged: int = 0


def update_index(
    index_dir: Path | str,
    issues: Sequence[Issue],
    fingerprints: Mapping[str, str],
    progress: Progress | None = None,
    *,
    rebuild: bool = False,
    workers: int | None = None,
    whole: Callable[[Issue], Issue] | None = None,
) -> IndexStats:
    """Bring the index in ``index_dir`` up to date with ``issues``.

    Args:
        index_dir: The index folder; created when missing.
        issues: Every issue of the archive; a :class:`reader.index.feed.LazyIssues` reads each
            issue's text only when the build reaches it (its ``entries`` serve the rest).
        fingerprints: Issue id to a string that changes whenever the issue's files change.
        progress: Called with (articles written, articles to write); may raise ``Cancelled``,
            which stops the update and leaves the index as it was.
        rebuild: Build from scratch even when the index could be updated.
        workers: Processes for a first build (default: one per core, at most four, for
            large archives only).
        whole: Gives an issue with its articles' text, when ``issues`` come without it: only
            the issues written are then read (an update reads a handful, not the archive).

    Returns:
        What was done.

    Raises:
        IndexUnavailable: The index folder cannot be created or written.
        Cancelled: ``progress`` raised it.
    """
    started = time.monotonic()
    index_dir = Path(index_dir)
    source = feed.source(issues, whole)
    missing = [issue.id for issue in source.entries if issue.id not in fingerprints]
    if missing:
        raise ValueError(f"no fingerprint for issues {missing[:3]}")
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        lock = WriteLock(index_dir / store.LOCK_FILE, wait=lambda: report(progress, 0, 0))
        with lock:
            return _update_locked(
                index_dir, source, fingerprints, progress, rebuild, workers, started
            )
    except OSError as exc:
        raise IndexUnavailable(
            f"cannot write the search index in {index_dir}: {exc.strerror or exc}"
        ) from exc


def _update_locked(
    index_dir: Path,
    source: Source,
    fingerprints: Mapping[str, str],
    progress: Progress | None,
    rebuild: bool,
    workers: int | None,
    started: float,
) -> IndexStats:
    store.remove_leftovers(index_dir)
    # Positions of the issues to index: their text is read only when each is written.
    wanted = [at for at, issue in enumerate(source.entries) if issue.articles]
    stamp = store.archive_fingerprint(fingerprints)
    existing = None if rebuild else open_existing(index_dir)
    if existing is None:
        return _build_fresh(
            index_dir, source, wanted, fingerprints, stamp, progress, workers, started
        )
    ix = existing.ix
    present = existing.fingerprints
    by_id = {source.entries[at].id: at for at in wanted}
    removed = [iid for iid in present if iid not in by_id]
    changed = [iid for iid, fp in present.items() if iid in by_id and fp != fingerprints[iid]]
    added = [iid for iid in by_id if iid not in present]
    stale = len(removed) + len(changed)
    # Whoosh keeps deleted documents until a merge; past a point a rebuild is cheaper.
    gone = existing.deleted + sum(existing.counts[iid] for iid in removed + changed)
    if stale and gone > MAX_DELETED_SHARE * ix.doc_count_all():
        log.info("rebuilding %s: too much of it would be deleted documents", index_dir)
        return _build_fresh(
            index_dir, source, wanted, fingerprints, stamp, progress, workers, started
        )
    new = changed + added
    # Segments merged into the new one are rewritten from their issues' text, and dropped.
    articles_new = sum(len(source.entries[by_id[iid]].articles) for iid in new)
    merged = merging.plan(existing.segments, articles_new)
    again = sorted({iid for s in merged for iid in s.issues if iid in by_id} - set(new))
    to_write = [by_id[iid] for iid in new + again]
    total = sum(len(source.entries[at].articles) for at in to_write)
    report(progress, 0, total)
    if stale or to_write:
        with SegmentBuilder(ix, merge=False) as writer:
            writer.drop({s.id for s in merged})
            for iid in removed + changed:
                writer.delete_by_term("issue_id", iid)
            done = 0
            for issue in source.whole(to_write):
                done = add_issue(writer, issue, fingerprints[issue.id], progress, done, total)
    meta = store.read_meta(index_dir)
    articles = ix.doc_count()
    whoosh_dir = index_dir / store.WHOOSH_DIR
    files = store.whoosh_files(whoosh_dir)
    store.write_meta(
        index_dir,
        store.Meta(
            versions=versions(),
            build=meta.build if meta else store.new_build_id(),
            generation=ix.latest_generation(),
            fingerprint=stamp,
            articles=articles,
            files=files,
            checksums=store.checksums(whoosh_dir, files, meta),
        ),
    )
    report(progress, total, total)
    return IndexStats(
        articles=articles,
        added=len(added),
        changed=len(changed),
        removed=len(removed),
        written=total,
        rebuilt=False,
        seconds=time.monotonic() - started,
        merged=len(merged),
    )


def _build_fresh(
    index_dir: Path,
    source: Source,
    wanted: list[int],
    fingerprints: Mapping[str, str],
    stamp: str,
    progress: Progress | None,
    workers: int | None,
    started: float,
) -> IndexStats:
    build_id = store.new_build_id()
    build_dir = index_dir / f"build-{build_id}"
    whoosh_dir = build_dir / store.WHOOSH_DIR
    whoosh_dir.mkdir(parents=True)
    try:
        ix = whoosh_index.create_in(str(whoosh_dir), make_schema(), indexname=store.INDEX_NAME)
        total = sum(len(source.entries[at].articles) for at in wanted)
        units = feed.units(source.whole(wanted))
        if workers is not None:
            count = max(1, workers)
        elif source.holds_text:
            count = _default_workers(total, sum(text_size(source.entries[at]) for at in wanted))
        else:
            # Few articles may still be much text: read the first units to tell.
            chars, units = (
                (0, units)
                if total >= PARALLEL_MIN_ARTICLES
                else feed.peek(units, PARALLEL_MIN_CHARS)
            )
            count = _default_workers(total, chars)
        parallel.write(ix, units, fingerprints, progress, total, count - 1)
        generation = ix.latest_generation()
        files = store.whoosh_files(whoosh_dir)
        sums = store.checksums(whoosh_dir, files, None)
        _swap_in(index_dir, whoosh_dir)
        store.write_meta(
            index_dir,
            store.Meta(versions(), build_id, generation, stamp, total, files, sums),
        )
        report(progress, total, total)
    finally:
        shutil.rmtree(build_dir, ignore_errors=True)
    return IndexStats(
        articles=total,
        added=len(wanted),
        changed=0,
        removed=0,
        written=total,
        rebuilt=True,
        seconds=time.monotonic() - started,
    )


def _swap_in(index_dir: Path, whoosh_dir: Path) -> None:
    """Put a finished whoosh folder in place of the current one."""
    (index_dir / store.META_FILE).unlink(missing_ok=True)
    (index_dir / store.DAMAGED_FILE).unlink(missing_ok=True)
    target = index_dir / store.WHOOSH_DIR
    old = None
    if target.exists():
        old = index_dir / f"old-{store.new_build_id()}"
        os.replace(target, old)
    os.replace(whoosh_dir, target)
    if old is not None:
        # Open searchers elsewhere may still read it (POSIX keeps the files until closed).
        shutil.rmtree(old, ignore_errors=True)


def _default_workers(articles: int, chars: int) -> int:
    if articles < PARALLEL_MIN_ARTICLES and chars < PARALLEL_MIN_CHARS:
        return 1
    if multiprocessing.current_process().daemon:
        return 1  # a daemonic process may not start children
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))
