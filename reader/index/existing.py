"""The index an update starts from: each issue's fingerprint, its articles, and the segments.

Read once per update from the ``issue_key`` column of every live document; a missing,
outdated or damaged index reads as None, and is then rebuilt.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index

from reader.index import store
from reader.index.damage import is_damage, release
from reader.index.merging import Segment
from reader.index.schema import KEY_SEPARATOR, versions

log = logging.getLogger(__name__)


@dataclass
class Existing:
    """An index that can be updated.

    Attributes:
        ix: The whoosh index.
        fingerprints: Each issue's fingerprint as indexed ("" when its documents disagree).
        counts: Each issue's live documents.
        deleted: Documents deleted but still in their segments.
        segments: The segments, with their live documents and issues.
    """

    ix: Any
    fingerprints: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    deleted: int = 0
    segments: list[Segment] = field(default_factory=list)


def open_existing(index_dir: Path) -> Existing | None:
    """The index as it stands, or None when it must be rebuilt."""
    meta = store.read_meta(index_dir)
    whoosh_dir = index_dir / store.WHOOSH_DIR
    if meta is None or meta.versions != versions():
        return None
    found = store.damage_reason(index_dir)
    if found is not None:  # by a search
        log.warning("the index in %s was found damaged (%s); rebuilding", index_dir, found)
        return None
    generation = store.latest_generation(whoosh_dir)
    if generation < meta.generation:
        return None
    if generation == meta.generation and not store.meta_matches_files(index_dir, meta):
        log.warning("the index in %s does not match its meta.json; rebuilding", index_dir)
        return None
    damaged = store.damaged_file(index_dir, meta)
    if damaged is not None:
        log.warning("the index in %s is damaged (%s); rebuilding", index_dir, damaged)
        return None
    # A newer generation: an update committed but was stopped before writing meta.json.
    # Whoosh commits are atomic, so reading the index back (below) is check enough.
    try:
        ix = whoosh_index.open_dir(str(whoosh_dir), indexname=store.INDEX_NAME)
        existing = Existing(ix)
        with ix.reader() as reader:
            for leaf, _base in reader.leaf_readers():
                _read_leaf(existing, leaf)
            existing.deleted = reader.doc_count_all() - reader.doc_count()
    except Exception as exc:
        if not is_damage(exc):
            raise
        log.warning("the index in %s cannot be read (%r); rebuilding", index_dir, exc)
        release(exc)
        return None
    return existing


def _read_leaf(existing: Existing, leaf: Any) -> None:
    """Take in one segment's documents (an empty index's reader has no segment)."""
    segment = leaf.segment() if hasattr(leaf, "segment") else None
    if segment is None:
        return
    keys = leaf.column_reader("issue_key")
    issues: set[str] = set()
    live = 0
    fingerprints, counts = existing.fingerprints, existing.counts
    for docnum in leaf.all_doc_ids():
        issue_id, _, fingerprint = keys[docnum].decode("utf-8").partition(KEY_SEPARATOR)
        if fingerprints.setdefault(issue_id, fingerprint) != fingerprint:
            fingerprints[issue_id] = ""  # inconsistent: re-index it
        counts[issue_id] = counts.get(issue_id, 0) + 1
        issues.add(issue_id)
        live += 1
    existing.segments.append(Segment(segment.segment_id(), live, frozenset(issues)))
