"""The saved search state's file: arrays back as saved, and any other file only a miss."""

from __future__ import annotations

import os
import time
from pathlib import Path

import numpy as np
import pytest

from reader.index import fold, statecache


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setattr(fold, "_cache_root", lambda: folder)
    return folder


def _arrays() -> statecache.Arrays:
    return {
        "days": np.arange(1000, dtype=np.int64) * 7,
        "live": np.arange(1000) % 3 != 0,
        "month:names": np.array(["1946-05", "undated", "2003-12"], dtype=str),
        "length:body": np.linspace(0.0, 1.0, 1000),
        "empty": np.zeros(0, np.int64),
    }


def _same(found: statecache.Arrays | None, expected: statecache.Arrays) -> None:
    assert found is not None
    assert list(found) == list(expected)
    for name, array in expected.items():
        assert found[name].dtype == array.dtype, name
        assert np.array_equal(found[name], array), name


def _file(cache: Path) -> Path:
    (saved,) = (cache / "search-state").glob("*.state")
    return saved


@pytest.mark.parametrize("mapped", [True, False])
def test_arrays_come_back_as_saved_and_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mapped: bool
) -> None:
    monkeypatch.setattr(statecache, "_MAPPED", mapped)  # False: as on Windows, read whole
    statecache.save(tmp_path, "build", 3, _arrays())
    found = statecache.load(tmp_path, "build", 3)
    _same(found, _arrays())
    assert found is not None
    with pytest.raises(ValueError, match="read-only"):
        found["days"][0] = 1
    assert statecache.load(tmp_path, "build", 4) is None  # another generation
    assert statecache.load(tmp_path, "other", 3) is None  # another build


def test_a_cut_or_foreign_file_is_a_miss(tmp_path: Path, cache: Path) -> None:
    statecache.save(tmp_path, "build", 1, _arrays())
    saved = _file(cache)
    whole = saved.read_bytes()
    saved.write_bytes(whole[: len(whole) - 9])
    assert statecache.load(tmp_path, "build", 1) is None
    saved.write_bytes(b"PK\x03\x04 an npz, or anything else")
    assert statecache.load(tmp_path, "build", 1) is None
    saved.write_bytes(whole.replace(b'"<i8"', b'"|O8"', 1))  # objects would be unpickled
    assert statecache.load(tmp_path, "build", 1) is None
    flipped = bytearray(whole)
    flipped[-100] ^= 1  # one bit of the lengths: a wrong answer, but for the checksum
    saved.write_bytes(bytes(flipped))
    assert statecache.load(tmp_path, "build", 1) is None
    saved.write_bytes(whole)
    _same(statecache.load(tmp_path, "build", 1), _arrays())


def test_objects_are_not_saved(tmp_path: Path, cache: Path) -> None:
    statecache.save(tmp_path, "build", 1, {"names": np.array([object()])})
    assert not list((cache / "search-state").glob("*.state"))
    assert not list((cache / "search-state").glob("*.tmp"))


def test_a_new_generation_replaces_the_folders_older_files_only(
    tmp_path: Path, cache: Path
) -> None:
    folder = cache / "search-state"
    statecache.save(tmp_path, "build", 1, _arrays())
    first = _file(cache)
    older = first.with_name(first.name.split("-")[0] + "-0123456789abcdef.npz")  # version 2
    older.write_bytes(b"PK")
    others = [folder / f"{first.name.split('-')[0]}-quick.bin", folder / "fedcba9876543210-x.state"]
    for other in others:
        other.write_bytes(b"kept")
    statecache.save(tmp_path, "build", 2, _arrays())
    (second,) = folder.glob(f"{first.name.split('-')[0]}-*.state")
    assert second != first
    assert not older.exists()
    assert all(other.exists() for other in others)
    _same(statecache.load(tmp_path, "build", 2), _arrays())


def test_a_temporary_file_is_left_to_its_writer_unless_it_is_old(
    tmp_path: Path, cache: Path
) -> None:
    statecache.save(tmp_path, "build", 1, _arrays())
    prefix = _file(cache).name.split("-")[0]
    folder = cache / "search-state"
    writing, left = folder / f"{prefix}-a.state.1.tmp", folder / f"{prefix}-b.state.2.tmp"
    writing.write_bytes(b"")
    left.write_bytes(b"")
    hours_ago = time.time() - 7200
    os.utime(left, (hours_ago, hours_ago))
    statecache.save(tmp_path, "build", 2, _arrays())
    assert writing.exists()  # another process may be writing it now
    assert not left.exists()  # its writer stopped long ago


def test_a_flipped_bit_in_where_an_array_is_is_a_miss(tmp_path: Path, cache: Path) -> None:
    statecache.save(tmp_path, "build", 1, _arrays())
    saved = _file(cache)
    whole = saved.read_bytes()
    at = whole.index(b'"live", "|b1", [1000], ') + len(b'"live", "|b1", [1000], ')
    assert whole[at : at + 4] == b"8000"  # the offset of "live", after the days' 8,000 bytes
    saved.write_bytes(whole[:at] + b"8064" + whole[at + 4 :])  # in bounds, the wrong bytes
    assert statecache.load(tmp_path, "build", 1) is None
