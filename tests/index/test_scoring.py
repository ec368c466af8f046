"""The numpy BM25F scores equal whoosh's own BM25F scorer on a real index."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from whoosh import index as whoosh_index
from whoosh import query, scoring

from reader.index import store, update_index
from reader.index.analysis import chain
from reader.index.docsets import K1, B, DocSets
from reader.index.query import parse, positive_terms
from reader.index.schema import CHAIN_FIELDS, TEXT_FIELDS
from tests.index.conftest import open_archive

# Single characters, bigrams (one index term each), Latin words and digits, several terms,
# terms in one field, and a NOT (whose terms do not score).
QUERIES = [
    "县",
    "的",
    "。",
    "县委",
    "会议",
    "本报",
    "10",
    "ct",
    "县委 会议",
    "本报 的 村",
    "会议 OR 县委",
    "title:会",
    "title:会 县委",
    "村 NOT 会议",
    "publication:河东 会议",
]


def _whoosh_query(node: Any) -> Any:
    """The same terms as a whoosh query, summing a score per field as the numpy code does."""
    terms = []
    for term in positive_terms(node):
        found = chain(term.text)
        assert found is not None and len(found.links) == 1, term  # one index term each
        text = found.links[0][1]
        fields = TEXT_FIELDS if term.field is None else (term.field,)
        terms += [query.Term(field, text) for field in fields if field in CHAIN_FIELDS]
    return query.Or(terms)


def _compare(whoosh_dir: Path, text: str) -> int:
    ix = whoosh_index.open_dir(str(whoosh_dir), indexname=store.INDEX_NAME)
    # The numpy code's B and K1; field boosts are the fields' own (format.field_boost).
    with ix.searcher(weighting=scoring.BM25F(B=B, K1=K1)) as searcher:
        node = parse(text)
        docsets = DocSets(searcher.reader(), np.zeros(searcher.doc_count_all(), np.int64))
        ours = docsets.scores(positive_terms(node))
        results = searcher.search(_whoosh_query(node), limit=None)
        theirs = {hit.docnum: hit.score for hit in results}
    assert theirs, text
    assert set(np.flatnonzero(ours)) == set(theirs), text
    for docnum, score in theirs.items():
        assert ours[docnum] == pytest.approx(score, rel=1e-9), (text, docnum)
    return len(theirs)


@pytest.fixture(scope="module")
def index_dir(generated_archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of the generated archive in two segments (idf and lengths span both)."""
    base = tmp_path_factory.mktemp("scoring")
    root = base / "archive"
    root.mkdir()
    shutil.copy2(generated_archive / "archive.toml", root / "archive.toml")
    texts = sorted(generated_archive.glob("*.txt"))
    for path in texts[:8]:
        shutil.copy2(path, root / path.name)
    folder = base / "index"
    library, fingerprints = open_archive(root)
    update_index(folder, library.issues, fingerprints, workers=1)
    for path in texts[8:]:
        shutil.copy2(path, root / path.name)
    library, fingerprints = open_archive(root)
    update_index(folder, library.issues, fingerprints)
    return folder


def test_index_has_several_segments(index_dir: Path) -> None:
    ix = whoosh_index.open_dir(str(index_dir / store.WHOOSH_DIR), indexname=store.INDEX_NAME)
    with ix.reader() as reader:
        assert len(reader.leaf_readers()) > 1
        assert reader.doc_count() == reader.doc_count_all()  # nothing deleted


@pytest.mark.parametrize("text", QUERIES)
def test_numpy_bm25f_equals_whoosh_bm25f(index_dir: Path, text: str) -> None:
    _compare(index_dir / store.WHOOSH_DIR, text)


def test_after_deletions_only_the_document_frequency_differs(
    generated_archive: Path, tmp_path: Path
) -> None:
    """Known difference: until a merge, whoosh's df still counts deleted documents; ours not.

    Both take N as every document, deleted ones included (``doc_count_all``), and the same
    field lengths, so each score differs from whoosh's by exactly the ratio of the idfs.
    """
    root = tmp_path / "archive"
    shutil.copytree(generated_archive, root)
    library, fingerprints = open_archive(root)
    update_index(tmp_path / "index", library.issues, fingerprints, workers=1)
    changed = sorted(root.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    library, fingerprints = open_archive(root)
    assert update_index(tmp_path / "index", library.issues, fingerprints).changed == 1
    whoosh_dir = tmp_path / "index" / store.WHOOSH_DIR
    ix = whoosh_index.open_dir(str(whoosh_dir), indexname=store.INDEX_NAME)
    with ix.searcher(weighting=scoring.BM25F(B=B, K1=K1)) as searcher:
        reader = searcher.reader()
        count = reader.doc_count_all()
        assert reader.doc_count() < count  # the changed issue's old articles are still there
        docsets = DocSets(reader, np.zeros(count, np.int64))
        for text in ("会", "县", "的"):
            ours = docsets.scores(positive_terms(parse(f"title:{text}")))
            theirs = {h.docnum: h.score for h in searcher.search(query.Term("title", text))}
            live_df = int(np.count_nonzero(ours))
            whoosh_df = reader.doc_frequency("title", text)
            assert live_df < whoosh_df, text
            ratio = (np.log(count / (live_df + 1)) + 1) / (np.log(count / (whoosh_df + 1)) + 1)
            assert theirs, text
            for docnum, score in theirs.items():
                assert ours[docnum] == pytest.approx(score * ratio, rel=1e-9), (text, docnum)
