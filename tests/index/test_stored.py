"""Stored documents read without whoosh (reader.index.w3.stored) against whoosh's own reading."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import numpy  # noqa: F401  (loaded: searches go through whoosh and numpy)
import pytest
from whoosh.codec.whoosh3 import STORED_COLUMN
from whoosh.filedb.structfile import StructFile

from reader.index import search, store, update_index
from reader.index.w3 import direct, stored
from reader.model import IndexUnavailable
from tests.index.conftest import copy_issues, open_archive


def _write_stored(path: Path, count: int) -> None:
    """A stored-fields column as whoosh writes a segment's: every seventh document without."""
    with path.open("wb") as handle:
        writer = STORED_COLUMN.writer(StructFile(handle))
        for doc in range(count):
            if doc % 7 != 3:
                writer.add(doc, {"payload": f"article {doc};".encode() * (doc % 5 + 1)})
        writer.finish(count)


# Whoosh writes each document's offset only above 2**15 documents; below, the lengths' sums.
@pytest.mark.parametrize("count", [40, 40_000])
def test_stored_documents_read_directly_are_whooshs(tmp_path: Path, count: int) -> None:
    path = tmp_path / "segment._stored.col"
    _write_stored(path, count)
    assert (path.read_bytes()[-1:] == b"X") == (count > 2**15)
    with path.open("rb") as handle:
        theirs = STORED_COLUMN.reader(StructFile(handle), 0, path.stat().st_size, count)
        docs = [0, 1, 3, count // 2, count - 2, count - 1]
        expected = {doc: theirs[doc] or {} for doc in docs}
    column = stored.StoredColumn(str(path), count)
    try:
        assert {doc: column.get(doc) for doc in docs} == expected
        assert column.get(3) == {}
        assert column.get(count - 1) == {"payload": f"article {count - 1};".encode() * 5}
        for outside in (-1, count):
            with pytest.raises(direct.Unreadable):
                column.get(outside)
    finally:
        column.close()


def test_a_stored_column_cut_short_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "segment._stored.col"
    _write_stored(path, 40_000)
    path.write_bytes(path.read_bytes()[-400:])
    with pytest.raises(direct.Unreadable):
        stored.StoredColumn(str(path), 40_000)


def _garbled_code(data: bytes, code: bytes) -> bytes:
    return data[:-1] + code


def _lengths_zeroed(data: bytes) -> bytes:  # the type code kept: every document empty
    return bytes(len(data) - 1) + data[-1:]


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"\x00" * 8,  # no type code at its end: not a column
        *(
            lambda data, code=code: _garbled_code(data, code)
            # codes struct takes and array does not, floats, an unsigned code for a signed one
            for code in (b"c", b"e", b"x", b"?", b"f", b"d", b"Q")
        ),
        _lengths_zeroed,
    ],
    ids=["not a column", "c", "e", "x", "?", "f", "d", "Q", "lengths zeroed"],
)
def test_whooshs_search_reads_them_so_and_a_damaged_column_is_damage(
    generated_archive: Path, tmp_path: Path, damage: Callable[[bytes], bytes]
) -> None:
    assert "numpy" in sys.modules  # the search through whoosh and numpy, not the direct one
    root = copy_issues(generated_archive, tmp_path / "archive", 2)
    index_dir = tmp_path / "index"
    library, fingerprints = open_archive(root)
    update_index(index_dir, library.issues, fingerprints)
    found = search(index_dir, "县", limit=5)
    assert found.total > 5 and all(hit.title for hit in found.hits)
    (column,) = (index_dir / store.WHOOSH_DIR).glob("*._stored.col")
    column.write_bytes(damage(column.read_bytes()))
    with pytest.raises(IndexUnavailable):
        search(index_dir, "县", limit=5)
    assert (index_dir / store.DAMAGED_FILE).exists()


def test_lengths_that_overflow_are_unreadable_however_often_asked(tmp_path: Path) -> None:
    """An unsigned code over a small column's lengths makes them sum past any file: each
    lookup says so, the first ones (lengths summed one by one) and the later ones (every
    document's start summed once, where the sums overflow a 64-bit array)."""
    path = tmp_path / "segment._stored.col"
    _write_stored(path, 40)
    path.write_bytes(_garbled_code(path.read_bytes(), b"Q"))
    column = stored.StoredColumn(str(path), 40)
    try:
        raised = 0
        for doc in range(40):
            try:
                column.get(doc)
            except direct.Unreadable:
                raised += 1
        assert raised > stored._SUMS_BEFORE_STARTS  # the running sums too, not OverflowError
    finally:
        column.close()
