"""SegmentBuilder writes exactly what whoosh's own SegmentWriter writes, only faster."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from whoosh import index

from reader.index import w3
from reader.index.analysis import LongText
from reader.index.schema import documents, make_schema
from reader.index.segments import SegmentBuilder
from reader.index.term_pool import POOL_POSITIONS
from tests.index.conftest import open_archive


def _postings(reader: Any, fieldname: str, term: bytes) -> list[tuple[int, float, bytes]]:
    # Whoosh's own matcher for whoosh's blocks (the stock writer's), ours for packed ones.
    return w3.posting_items(reader, fieldname, term)


def _dump(ix: Any) -> dict[str, Any]:
    """Everything a search can see in an index."""
    with ix.reader() as reader:
        terms = {}
        for fieldname, term in reader.all_terms():
            info = reader.term_info(fieldname, term)
            terms[fieldname, term] = (
                info.weight(),
                info.doc_frequency(),
                info.min_length(),
                info.max_length(),
                info.max_weight(),
                info.min_id(),
                info.max_id(),
                _postings(reader, fieldname, term),
            )
        docs = list(reader.iter_docs())
        lengths = {
            (d, f): reader.doc_field_length(d, f)
            for d in range(reader.doc_count_all())
            for f in ("title", "body", "authors", "column", "publication")
        }
        columns = {
            name: list(reader.column_reader(name))
            for name in ("issue_key", "day", "publication_name")
        }
    return {"terms": terms, "docs": docs, "lengths": lengths, "columns": columns}


def _segment_count(ix: Any) -> int:
    with ix.reader() as reader:
        return len(reader.leaf_readers())


def _build(folder: Path, docs: list[dict[str, object]], make_writer: Any) -> Any:
    folder.mkdir()
    ix = index.create_in(str(folder), make_schema())
    writer = make_writer(ix)
    for doc in docs:
        writer.add_document(**doc)
    writer.commit()
    return ix


@pytest.fixture(scope="module")
def docs(generated_archive: Path) -> list[dict[str, object]]:
    library, fingerprints = open_archive(generated_archive)
    return [d for issue in library.issues[:4] for d in documents(issue, fingerprints[issue.id])]


@pytest.fixture(scope="module")
def stock(docs: list[dict[str, object]], tmp_path_factory: pytest.TempPathFactory) -> Any:
    return _build(tmp_path_factory.mktemp("stock") / "ix", docs, lambda ix: ix.writer())


def test_same_index_as_the_stock_writer(
    docs: list[dict[str, object]], stock: Any, tmp_path: Path
) -> None:
    fast = _build(tmp_path / "fast", docs, SegmentBuilder)
    expected, actual = _dump(stock), _dump(fast)
    assert actual["terms"].keys() == expected["terms"].keys()
    for key, value in expected["terms"].items():
        assert actual["terms"][key] == value, key
    assert actual["docs"] == expected["docs"]
    assert actual["lengths"] == expected["lengths"]
    assert actual["columns"] == expected["columns"]


def test_spilled_runs_give_the_same_index(
    docs: list[dict[str, object]], stock: Any, tmp_path: Path
) -> None:
    fast = _build(tmp_path / "fast", docs, lambda ix: SegmentBuilder(ix, pool_postings=5000))
    assert _dump(fast)["terms"] == _dump(stock)["terms"]
    assert not list((tmp_path / "fast").glob("pool-*"))


def test_merged_segments_give_the_same_index(
    docs: list[dict[str, object]], stock: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "merged"
    folder.mkdir()
    ix = index.create_in(str(folder), make_schema())
    for start in range(0, len(docs), 10):
        writer = SegmentBuilder(ix)
        for doc in docs[start : start + 10]:
            writer.add_document(**doc)
        writer.commit(merge=False)
    assert _segment_count(ix) > 1
    writer = SegmentBuilder(ix)
    writer.commit(optimize=True)
    assert _segment_count(ix) == 1
    assert _dump(ix)["terms"] == _dump(stock)["terms"]


def test_runs_spilled_for_their_positions_give_the_same_index(
    docs: list[dict[str, object]], stock: Any, tmp_path: Path
) -> None:
    # A few huge documents have few postings but many positions: the pool spills on those too.
    fast = _build(tmp_path / "fast", docs, lambda ix: SegmentBuilder(ix, pool_positions=20_000))
    assert _dump(fast)["terms"] == _dump(stock)["terms"]


def test_a_document_with_a_long_body_gives_the_same_index(
    docs: list[dict[str, object]], tmp_path: Path
) -> None:
    # Over analysis.LONG_FIELD: positions in arrays, emptied out as they are packed.
    body = "\n\n".join(str(d["body"]) for d in docs) * 3
    assert len(body) > 200_000
    long_docs = [{**docs[0], "body": body}, *docs[1:3]]
    stock = _build(tmp_path / "stock", long_docs, lambda ix: ix.writer())
    fast = _build(tmp_path / "fast", long_docs, SegmentBuilder)
    assert _dump(fast) == _dump(stock)


@pytest.mark.parametrize("pool_positions", [POOL_POSITIONS, 3_000])
def test_a_long_body_added_a_chunk_at_a_time_gives_the_same_index(
    docs: list[dict[str, object]], tmp_path: Path, pool_positions: int
) -> None:
    # Chunks of 500 characters, and (second case) runs spilled in the middle of the document:
    # a term's positions in it are joined back into one posting, in memory or when merging.
    paragraphs = [str(d["body"]) for d in docs[:6]]
    body = "\n\n".join(paragraphs)
    pieces = tuple(
        p for n, text in enumerate(paragraphs) for p in ((text,) if not n else ("\n\n", text))
    )
    stock = _build(
        tmp_path / "stock", [{**docs[0], "body": body}, *docs[1:3]], lambda ix: ix.writer()
    )
    long_docs = [{**docs[0], "body": LongText(pieces, 500)}, *docs[1:3]]
    fast = _build(
        tmp_path / "fast", long_docs, lambda ix: SegmentBuilder(ix, pool_positions=pool_positions)
    )
    assert _dump(fast) == _dump(stock)
