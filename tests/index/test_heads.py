"""Posting lists read as arrays equal whoosh's own postings, in either layout.

Whoosh's layout (blocks of 128 pickled postings, written by its stock writer: another pickle
protocol, float weights, memo opcodes): docnums and weights read from the heads of blocks,
and the blocks that may hold given documents, against whoosh's reading posting by posting.
Our build's packed blocks (``w3.packed``), on an index of two segments with one issue changed
(so deleted documents are left out): every posting of every scored field, against whoosh's
reading of the same documents written by its stock writer.
"""

from __future__ import annotations

import contextlib
import random
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from whoosh import index as whoosh_index

from reader.index import store, update_index, w3
from reader.index.schema import CHAIN_FIELDS, documents, make_schema
from reader.index.w3.blocks import blocks as read_blocks
from tests.generator.generate import generate
from tests.index.conftest import open_archive


def _reference(matcher: Any) -> tuple[list[int], list[float], list[bytes]]:
    """Whoosh's own reading, a posting at a time."""
    ids, weights, values = [], [], []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        values.append(matcher.value())
        matcher.next()
    return ids, weights, values


def _terms(reader: Any) -> Iterator[tuple[str, bytes]]:
    for field, term in reader.all_terms():
        if field in CHAIN_FIELDS:
            yield field, term


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """30 issues: the commonest terms span several blocks of 128 postings."""
    root = tmp_path_factory.mktemp("heads") / "archive"
    generate(root, issues=30, articles=16, seed=5)
    return root


@pytest.fixture(scope="module")
def ours(archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Our build, in two segments, with one issue changed (its old documents deleted)."""
    base = tmp_path_factory.mktemp("ours")
    root = base / "archive"
    shutil.copytree(archive, root)
    texts = sorted(root.glob("*.txt"))
    held = base / "held"
    held.mkdir()
    for path in texts[20:]:
        shutil.move(path, held / path.name)
    library, fingerprints = open_archive(root)
    update_index(base / "index", library.issues, fingerprints, workers=1)
    for path in texts[20:]:
        shutil.move(held / path.name, path)
    texts[3].write_text(texts[3].read_text(encoding="utf-8") + "\n", encoding="utf-8")
    library, fingerprints = open_archive(root)
    update_index(base / "index", library.issues, fingerprints)
    return base / "index" / store.WHOOSH_DIR


@pytest.fixture(scope="module")
def stock(archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Whoosh's own writer (pickle protocol 2, float weights, memo opcodes)."""
    folder = tmp_path_factory.mktemp("stock") / "ix"
    folder.mkdir()
    library, fingerprints = open_archive(archive)
    ix = whoosh_index.create_in(str(folder), make_schema(), indexname=store.INDEX_NAME)
    writer = ix.writer()
    for issue in library.issues[:10]:
        for doc in documents(issue, fingerprints[issue.id]):
            writer.add_document(**doc)
    writer.commit()
    return folder


@contextlib.contextmanager
def _open(folder: Path) -> Iterator[Any]:
    with whoosh_index.open_dir(str(folder), indexname=store.INDEX_NAME).reader() as reader:
        yield reader


def test_our_index_has_segments_deletions_and_packed_terms(ours: Path) -> None:
    with _open(ours) as reader:
        assert len(reader.leaf_readers()) > 1
        assert reader.doc_count() < reader.doc_count_all()  # deleted documents
        for sub, _base in reader.leaf_readers():
            assert isinstance(w3.postings(sub, "body", "的"), w3.Packed)


@pytest.fixture(scope="module")
def stock_of_ours(ours: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Whoosh's stock writer on the documents our index holds now."""
    folder = tmp_path_factory.mktemp("stock-of-ours") / "ix"
    folder.mkdir()
    library, fingerprints = open_archive(ours.parent.parent / "archive")
    ix = whoosh_index.create_in(str(folder), make_schema(), indexname=store.INDEX_NAME)
    writer = ix.writer()
    for issue in library.issues:
        for doc in documents(issue, fingerprints[issue.id]):
            writer.add_document(**doc)
    writer.commit()
    return folder


def _by_article(reader: Any) -> dict[tuple[str, bytes], dict[str, tuple[float, bytes]]]:
    """Every live posting of the chain fields, by term and article id."""
    found: dict[tuple[str, bytes], dict[str, tuple[float, bytes]]] = {}
    for sub, _base in reader.leaf_readers():
        articles = {d: fields["article_id"] for d, fields in sub.iter_docs()}
        for field, term in _terms(sub):
            postings = found.setdefault((field, term), {})
            for docnum, weight, value in w3.posting_items(sub, field, term):
                postings[articles[docnum]] = (weight, value)
    return {key: value for key, value in found.items() if value}


def test_packed_postings_equal_the_stock_writers(ours: Path, stock_of_ours: Path) -> None:
    with _open(ours) as reader, _open(stock_of_ours) as stock:
        packed = _by_article(reader)
        expected = _by_article(stock)
    assert packed.keys() == expected.keys()
    for key, postings in expected.items():
        assert packed[key] == postings, key
    assert max(len(p) for p in packed.values()) > 2 * 128


def test_doc_weights_equal_whoosh_postings(stock: Path) -> None:
    with _open(stock) as reader:
        _doc_weights_equal(reader)


def _doc_weights_equal(reader: Any) -> None:
    checked = multi_block = 0
    for sub, _base in reader.leaf_readers():
        for field, term in _terms(sub):
            ids, weights, _ = _reference(sub.postings(field, term))
            docs, found = w3.doc_weights(sub.postings(field, term))
            assert docs.tolist() == ids, (field, term)
            assert found.tolist() == pytest.approx(weights, rel=1e-6), (field, term)
            checked += 1
            multi_block += len(ids) > 128
    assert checked > 1000
    assert multi_block > 1


def test_blocks_among_gives_every_wanted_document_and_skips_blocks(stock: Path) -> None:
    with _open(stock) as reader:
        _blocks_among(reader)


def _blocks_among(reader: Any) -> None:
    chosen = random.Random(7)
    skipped = 0
    for sub, _base in reader.leaf_readers():
        for text in ("的", "县", "会", "在"):
            if ("body", text) not in sub:
                continue
            ids, _, values = _reference(sub.postings("body", text))
            every = list(read_blocks(sub.postings("body", text)))
            for share in (0.002, 0.05, 1.0):
                count = sub.doc_count_all()
                among = sorted(chosen.sample(range(count), 1 + int(share * (count - 1))))
                wanted = np.array(among, np.int64)
                got = list(w3.blocks_among(sub.postings("body", text), wanted))
                found = dict(
                    zip(
                        (d for block, _ in got for d in block),
                        (v for _, block in got for v in (block or [])),
                        strict=True,
                    )
                )
                expected = {d: v for d, v in zip(ids, values, strict=True) if d in set(among)}
                assert {d: found[d] for d in expected} == expected, (text, share)
                skipped += len(every) - len(got)
    assert skipped > 0
