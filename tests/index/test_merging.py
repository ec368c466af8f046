"""The merge policy of updates: tiers of like-sized segments, merged by writing their issues again."""

from __future__ import annotations

from pathlib import Path

from reader.index import open_searcher, store, update_index
from reader.index.merging import FACTOR, UNIT, Segment, plan, tier
from reader.model import Issue
from tests.index.conftest import open_archive


def segments(index_dir: Path) -> int:
    meta = store.read_meta(index_dir)
    assert meta is not None
    return sum(name.endswith(".trm") for name in meta.files)


def sized(*sizes: int) -> list[Segment]:
    return [Segment(f"s{n}", size, frozenset({f"i{n}"})) for n, size in enumerate(sizes)]


def test_tiers_grow_by_the_factor() -> None:
    assert [tier(n) for n in (0, 1, UNIT - 1)] == [0, 0, 0]
    assert tier(UNIT) == 1
    assert tier(UNIT * FACTOR - 1) == 1
    assert tier(UNIT * FACTOR) == 2
    assert tier(UNIT * FACTOR**3) == 4


def test_a_tier_is_merged_when_it_fills() -> None:
    assert plan(sized(*[16] * (FACTOR - 2)), 16) == []
    nine = sized(*[16] * (FACTOR - 1))
    assert plan(nine, 16) == nine
    assert plan(nine, 0) == []  # an update that writes nothing merges nothing


def test_a_merge_climbs_while_the_tier_above_fills_too() -> None:
    small = sized(*[16] * (FACTOR - 1))
    middle = sized(*[UNIT * 2] * (FACTOR - 1))
    # The small ones merge into a middle-sized segment, which completes the middle tier.
    chosen = plan([*middle, *small], 16)
    assert len(chosen) == 2 * (FACTOR - 1)


def test_large_segments_are_left_alone() -> None:
    big = sized(100_000, 50_000)
    small = [Segment(f"t{n}", 16, frozenset({f"j{n}"})) for n in range(FACTOR - 1)]
    chosen = plan([*big, *small], 16)
    assert {s.id for s in chosen} == {s.id for s in small}


def test_issue_by_issue_updates_stay_few_segments_and_find_the_same(
    generated_archive: Path, tmp_path: Path
) -> None:
    library, fingerprints = open_archive(generated_archive)
    issues = list(library.issues)
    assert len(issues) >= FACTOR + 2
    grown = tmp_path / "grown"
    counts, merged, read = [], [], []

    def whole(issue: Issue) -> Issue:
        read.append(issue.id)  # the issues the update asked to read
        return issue

    for n in range(1, len(issues) + 1):
        read.clear()
        stats = update_index(grown, issues[:n], fingerprints, whole=whole)
        counts.append(segments(grown))
        merged.append(stats.merged)
        if n > 1 and not stats.merged:
            assert read == [issues[n - 1].id]  # the new issue only, never the archive
    # One segment per update until FACTOR of them would sit in the lowest tier; then one.
    assert counts[: FACTOR - 1] == list(range(1, FACTOR))
    assert merged[FACTOR - 1] == FACTOR - 1
    assert counts[FACTOR - 1] == 1
    assert counts[-1] == 1 + len(issues) - FACTOR
    assert max(counts) < FACTOR

    one_go = tmp_path / "one-go"
    update_index(one_go, issues, fingerprints)
    with open_searcher(grown) as a, open_searcher(one_go) as b:
        for query in ("会议", "县", '"工程质量"', "供热 OR 供暖", "GDP"):
            ours, theirs = a.search(query, limit=1000), b.search(query, limit=1000)
            assert ours.total == theirs.total, query
            assert {h.article_id for h in ours.hits} == {h.article_id for h in theirs.hits}
            assert ours.total > 0, query


def test_a_merge_keeps_changes_and_removals(generated_archive: Path, tmp_path: Path) -> None:
    """An issue changed or removed while its segment is merged is neither lost nor doubled."""
    library, fingerprints = open_archive(generated_archive)
    issues = list(library.issues)
    index_dir = tmp_path / "index"
    for n in range(1, FACTOR):
        update_index(index_dir, issues[:n], fingerprints)
    assert segments(index_dir) == FACTOR - 1
    # The update that fills the tier also changes issue 0 and removes issue 1.
    changed = {**fingerprints, issues[0].id: "changed"}
    kept = [issues[0], *issues[2:FACTOR]]
    stats = update_index(index_dir, kept, changed)
    assert stats.merged and stats.changed == 1 and stats.removed == 1
    assert segments(index_dir) == 1
    one_go = tmp_path / "one-go"
    update_index(one_go, kept, changed)
    with open_searcher(index_dir) as ours, open_searcher(one_go) as theirs:
        for query in ("会议", "县", "GDP"):
            found = ours.search(query, limit=1000)
            assert found.total == theirs.search(query, limit=1000).total > 0
            assert {h.issue_id for h in found.hits} <= {i.id for i in kept}
