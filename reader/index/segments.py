"""Writing whoosh segments term by term instead of posting by posting.

A CJK index has close to one posting per character. :class:`SegmentBuilder` adds documents
through a :class:`reader.index.term_pool.TermPool`, which sorts the folded text fields per term
in bulk (as numpy arrays, :class:`reader.index.pooling.ArrayPool`) and keeps the few other
postings grouped per term, so the segment is written a window of terms at a time (the whoosh
side of that is :class:`reader.index.w3.PoolWriter`).
``tests/index/test_segments.py`` checks that an index written here reads back exactly like
one written by whoosh's stock writer.
"""

from __future__ import annotations

from types import TracebackType
from typing import Any

from reader.index import pooling, w3
from reader.index.term_pool import POOL_POSITIONS, POOL_POSTINGS, TermPool


class SegmentBuilder:
    """Adds documents to ``ix`` (and deletes some) as one new segment, written a term at a time.

    Use it as whoosh's writers are used: in a ``with`` block it commits when the block ends
    normally and cancels (deleting what it wrote) when the block raises. It holds whoosh's
    write lock from its creation until then.

    Args:
        ix: The whoosh index to write to.
        pool_postings: Postings kept in memory before a sorted run goes to disk.
        pool_positions: Positions of folded text kept in memory before they are sorted into
            runs on disk.
        window: Positions of folded text handed to the segment's writer at a time.
        merge: Whether committing may merge small segments into the new one.
        part: Write one part of a parallel build: without taking whoosh's lock (the parent
            holds it), handed over by :meth:`finish_part` and never committed by itself.
    """

    def __init__(
        self,
        ix: Any,
        pool_postings: int = POOL_POSTINGS,
        pool_positions: int = POOL_POSITIONS,
        window: int = pooling.WINDOW_POSITIONS,
        *,
        merge: bool = True,
        part: bool = False,
    ) -> None:
        self.part = part
        self._writer = w3.PoolWriter(
            ix,
            lambda folder: TermPool(folder, pool_postings, pool_positions, window),
            lock=not part,
        )
        self._writer.merge = merge
        self._parts: list[object] = []

    def __enter__(self) -> SegmentBuilder:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self.is_closed:
            return
        if kind is not None or self.part:
            self.cancel()
            return
        try:
            self.commit()
        except BaseException:
            if not self.is_closed:
                self.cancel()
            raise

    @property
    def is_closed(self) -> bool:
        """Whether the segment was committed, handed over or cancelled."""
        return bool(self._writer.is_closed)

    def add_document(self, **fields: Any) -> None:
        """Add one document (the fields of ``reader.index.schema.documents``)."""
        self._writer.add_document(**fields)

    def delete_by_term(self, fieldname: str, text: str) -> None:
        """Delete the documents whose ``fieldname`` holds the (untokenized) term ``text``."""
        self._writer.delete_by_term(fieldname, text)

    def drop(self, segment_ids: set[str]) -> None:
        """Leave these segments out of the commit (their documents were written again here:
        see :mod:`reader.index.merging`); whoosh deletes their files once it is done."""
        if segment_ids:
            self._writer.mergetype = lambda _writer, segments: [
                s for s in segments if s.segment_id() not in segment_ids
            ]

    def include(self, parts: list[object]) -> None:
        """Commit the segments of parts (see :meth:`finish_part`) together with this one."""
        self._parts.extend(parts)

    def seal(self) -> None:
        """Write the segment now; it is committed (with any included parts) when the ``with``
        block ends, or by :meth:`commit`."""
        self._writer.seal()

    def commit(self, *, merge: bool | None = None, optimize: bool = False) -> None:
        """Write the segment (with any included parts) and a new table of contents.

        Args:
            merge: Whether small segments may be merged (default: as given when created).
            optimize: Merge every segment of the index into one.
        """
        if self._parts or self._writer.is_sealed:
            self._writer.commit_with(self._parts)
        else:
            self._writer.commit(merge=merge, optimize=optimize)

    def cancel(self) -> None:
        """Stop without committing and delete the postings pooled so far."""
        self._writer.cancel()

    def finish_part(self) -> object:
        """Close a part's segment, uncommitted; return it for the parent's :meth:`include`."""
        return self._writer.finish_part()
