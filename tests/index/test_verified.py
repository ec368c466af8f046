"""Checksums verified once per file state: unchanged files are not read again, changed ones are."""

from __future__ import annotations

import dataclasses
import json
import os
import random
from pathlib import Path

import pytest

from reader.index import search, store, update_index, verified
from reader.model import IndexUnavailable
from tests.index.conftest import copy_issues, open_archive


@pytest.fixture
def index_dir(generated_archive: Path, tmp_path: Path) -> Path:
    """An index of four generated issues, searched once (its files verified)."""
    library, fingerprints = open_archive(copy_issues(generated_archive, tmp_path / "archive", 4))
    folder = tmp_path / "index"
    update_index(folder, library.issues, fingerprints)
    assert search(folder, "县委书记").total > 0
    return folder


def memo(index_dir: Path) -> tuple[Path, dict[str, list[int]]]:
    file = verified.memo_file(index_dir / store.WHOOSH_DIR)
    assert file is not None
    return file, json.loads(file.read_text(encoding="utf-8"))["files"]


def test_every_checked_file_is_remembered_with_its_state(index_dir: Path) -> None:
    meta = store.read_meta(index_dir)
    assert meta is not None and meta.checksums
    _, files = memo(index_dir)
    assert set(files) == set(meta.checksums)
    for name, (size, mtime_ns, _ctime, inode, crc, _when) in files.items():
        info = os.stat(index_dir / store.WHOOSH_DIR / name)
        assert (size, mtime_ns, inode, crc) == (
            info.st_size,
            info.st_mtime_ns,
            info.st_ino,
            meta.checksums[name],
        )


def test_a_remembered_file_is_trusted_for_a_day_then_read_again(index_dir: Path) -> None:
    meta = store.read_meta(index_dir)
    assert meta is not None
    name = next(iter(meta.checksums))
    # The memo says the file had this (wrong) checksum when read a minute ago: trusted.
    file, files = memo(index_dir)
    files[name][4] = meta.checksums[name] ^ 1
    files[name][5] -= 60
    file.write_text(json.dumps({"version": verified.VERSION, "files": files}), encoding="utf-8")
    wrong = dataclasses.replace(meta, checksums={**meta.checksums, name: files[name][4]})
    assert store.damaged_file(index_dir, wrong) is None
    # A day later the file is read again, and the mismatch found.
    files[name][5] -= verified.MAX_AGE_SECONDS
    file.write_text(json.dumps({"version": verified.VERSION, "files": files}), encoding="utf-8")
    assert store.damaged_file(index_dir, wrong) == name
    assert store.damaged_file(index_dir, meta) is None


def test_a_file_scrambled_with_its_time_set_back_is_still_read(index_dir: Path) -> None:
    whoosh_dir = index_dir / store.WHOOSH_DIR
    segment = max(whoosh_dir.glob("MAIN_*.trm"), key=lambda p: p.stat().st_size)
    before = segment.stat()
    data = bytearray(segment.read_bytes())
    edge = len(data) // 20
    rnd = random.Random(3)
    data[edge:-edge] = bytes(rnd.randrange(256) for _ in range(len(data) - 2 * edge))
    segment.write_bytes(bytes(data))
    os.utime(segment, ns=(before.st_atime_ns, before.st_mtime_ns))  # size and mtime as they were
    with pytest.raises(IndexUnavailable, match="damaged"):
        search(index_dir, "县委书记")
