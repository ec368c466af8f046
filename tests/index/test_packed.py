"""Packed posting lists: what is encoded decodes the same, and damaged bytes say so."""

from __future__ import annotations

import numpy as np
import pytest

from reader.index.damage import is_damage
from reader.index.w3 import packed
from reader.index.w3.packed_layout import PackedDamage


def _postings(seed: int, count: int, gap: int, most: int) -> tuple[np.ndarray, ...]:
    rnd = np.random.default_rng(seed)
    docs = np.cumsum(rnd.integers(1, gap, count)).astype(np.int64)
    counts = rnd.integers(1, most, count).astype(np.int64)
    places = np.concatenate([np.sort(rnd.choice(10**6, n, replace=False)) for n in counts])
    return docs, counts, places.astype(np.uint32)


@pytest.mark.parametrize(
    ("count", "gap", "most"),
    [
        (1, 2, 2),  # one posting, docnum 1
        (17, 3, 4),  # deltas and counts of one byte
        (500, 70_000, 3),  # deltas of four bytes
        (300, 40, 300),  # counts of two bytes
    ],
)
def test_decoded_as_encoded(count: int, gap: int, most: int) -> None:
    docs, counts, places = _postings(count, count, gap, most)
    data = packed.encode(docs, counts, places)
    found_docs, found_counts, found_places = packed.decode(data, count)
    assert found_docs.tolist() == docs.tolist()
    assert found_counts.tolist() == counts.tolist()
    assert found_places is not None and found_places.tolist() == places.tolist()
    heads_only = packed.decode(data, count, positions=False)
    assert heads_only[0].tolist() == docs.tolist() and heads_only[2] is None


def test_small_deltas_and_counts_take_a_byte_each() -> None:
    docs, counts, places = _postings(1, 4000, 3, 4)
    wide = packed.encode(docs * 300, counts, places)
    assert len(packed.encode(docs, counts, places)) < len(wide)


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-1],  # cut short
        lambda data: data[:12] + bytes([data[12] ^ 0xFF]) + data[13:],  # in the heads' frame
        lambda data: data[:-6] + bytes([data[-6] ^ 0x01]) + data[-5:],  # in the positions'
        lambda data: bytes([7]) + data[1:],  # an item size that does not exist
        lambda data: b"\x01",  # shorter than the header
    ],
)
def test_damaged_bytes_are_damage_not_a_crash(damage: object) -> None:
    docs, counts, places = _postings(3, 300, 20, 6)
    data = damage(packed.encode(docs, counts, places))  # type: ignore[operator]
    with pytest.raises(PackedDamage) as raised:
        packed.decode(data, len(docs))
    assert is_damage(raised.value)


def test_a_wrong_count_is_damage() -> None:
    docs, counts, places = _postings(4, 50, 20, 6)
    with pytest.raises(PackedDamage):
        packed.decode(packed.encode(docs, counts, places), 51)
