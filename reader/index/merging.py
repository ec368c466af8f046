"""Which segments an update merges: tiers of like size, rewritten from the issues' text.

An archive that grows an issue at a time gets one small segment per update, and every query
pays for each segment (a term looked up in each, a block list read from each). Whoosh's own
policy (``MERGE_SMALL``) merges by a Fibonacci rule that again and again takes in the larger
segments, and it merges by copying every posting through Python: 13.9 s for a merge of some
600 articles in ``benchmarks/bench_updates.py``, and ever longer as the archive grows.

Here, segments fall into tiers by their live documents (tier ``k`` holds ``UNIT·FACTOR**(k-1)``
to ``UNIT·FACTOR**k`` documents, tier 0 fewer than ``UNIT``). When an update's new segment
would make ``FACTOR`` segments in its tier or below, they are merged into it, and then again
one tier up while that fills too; so an index holds fewer than ``FACTOR`` segments per tier
(a logarithmic number in all), and each document is merged once per tier it climbs. A merge
re-indexes the merged segments' issues with the vectorised analysis into the update's new
segment (about a fifth of the cost of copying their postings) and leaves the old segments
out of the new table of contents.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# Segments per tier before they are merged (Lucene's default merge factor).
FACTOR = 10
# Live documents below which a segment is in the lowest tier: a few county issues, or one
# issue of a national daily.
UNIT = 64


@dataclass(frozen=True)
class Segment:
    """One segment of an index: its id, its live documents, and the issues they belong to."""

    id: str
    live: int
    issues: frozenset[str]


def tier(documents: int, unit: int = UNIT, factor: int = FACTOR) -> int:
    """The tier of a segment of ``documents`` live documents."""
    level = 0
    bound = unit
    while documents >= bound:
        level += 1
        bound *= factor
    return level


def plan(
    segments: Sequence[Segment], new: int, unit: int = UNIT, factor: int = FACTOR
) -> list[Segment]:
    """The segments to merge into an update's new segment of ``new`` documents.

    Empty when the new segment's tier (with every tier below) still holds fewer than
    ``factor`` segments; otherwise all of those, and those of the next tier up as long as the
    merged segment completes it too.
    """
    if new <= 0:
        return []
    chosen: list[Segment] = []
    rest = sorted(segments, key=lambda s: s.live)
    size = new
    while True:
        level = tier(size, unit, factor)
        below = [s for s in rest if tier(s.live, unit, factor) <= level]
        if len(below) + 1 < factor:
            return chosen
        chosen += below
        size += sum(s.live for s in below)
        rest = rest[len(below) :]
