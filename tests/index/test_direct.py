"""The W3 files read without whoosh (reader.index.w3.direct) against whoosh's own reading."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh.codec.whoosh3 import STORED_COLUMN
from whoosh.filedb.structfile import StructFile

from reader.index.w3 import direct


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
    column = direct.StoredColumn(str(path), count)
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
        direct.StoredColumn(str(path), 40_000)
