"""The numpy BM25F scores equal whoosh's own BM25F scorer.

Whoosh cannot decode our build's packed posting lists (see ``reader.index.w3.packed``), so its
scorer runs on an index of the same documents written by its stock writer; the numpy scores
are taken on both, and those on our index, matched by article id, equal those on the stock one.
"""

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
from reader.index.fold import fold
from reader.index.query import parse, positive_terms
from reader.index.schema import CHAIN_FIELDS, TEXT_FIELDS, decode_payload, documents, make_schema
from reader.index.w3 import direct
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


def _by_article(reader: Any, scores: Any) -> dict[str, float]:
    return {
        fields["article_id"]: float(scores[docnum])
        for docnum, fields in reader.iter_docs()
        if scores[docnum]
    }


def _compare(whoosh_dir: Path, stock_dir: Path, text: str) -> int:
    node = parse(text)
    stock = whoosh_index.open_dir(str(stock_dir))
    # The numpy code's B and K1; field boosts are the fields' own (format.field_boost).
    with stock.searcher(weighting=scoring.BM25F(B=B, K1=K1)) as searcher:
        docsets = DocSets(searcher.reader(), np.zeros(searcher.doc_count_all(), np.int64))
        on_stock = docsets.scores(positive_terms(node))
        results = searcher.search(_whoosh_query(node), limit=None)
        theirs = {hit.docnum: hit.score for hit in results}
        stock_scores = _by_article(searcher.reader(), on_stock)
    assert theirs, text
    assert set(np.flatnonzero(on_stock)) == set(theirs), text
    for docnum, score in theirs.items():
        assert on_stock[docnum] == pytest.approx(score, rel=1e-9), (text, docnum)
    ours = whoosh_index.open_dir(str(whoosh_dir), indexname=store.INDEX_NAME)
    with ours.reader() as reader:
        docsets = DocSets(reader, np.zeros(reader.doc_count_all(), np.int64))
        our_scores = _by_article(reader, docsets.scores(positive_terms(node)))
    assert our_scores.keys() == stock_scores.keys(), text
    for article, score in stock_scores.items():
        assert our_scores[article] == pytest.approx(score, rel=1e-9), (text, article)
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


@pytest.fixture(scope="module")
def stock_dir(index_dir: Path) -> Path:
    """The same documents by whoosh's stock writer, in two segments too."""
    root = index_dir.parent / "archive"
    library, fingerprints = open_archive(root)
    folder = index_dir.parent / "stock"
    folder.mkdir()
    ix = whoosh_index.create_in(str(folder), make_schema())
    for part in (library.issues[:8], library.issues[8:]):
        writer = ix.writer()
        for issue in part:
            for doc in documents(issue, fingerprints[issue.id]):
                writer.add_document(**doc)
        writer.commit(merge=False)
    return folder


def test_index_has_several_segments(index_dir: Path) -> None:
    ix = whoosh_index.open_dir(str(index_dir / store.WHOOSH_DIR), indexname=store.INDEX_NAME)
    with ix.reader() as reader:
        assert len(reader.leaf_readers()) > 1
        assert reader.doc_count() == reader.doc_count_all()  # nothing deleted


@pytest.mark.parametrize("text", QUERIES)
def test_numpy_bm25f_equals_whoosh_bm25f(index_dir: Path, stock_dir: Path, text: str) -> None:
    _compare(index_dir / store.WHOOSH_DIR, stock_dir, text)


def test_deleted_documents_do_not_score(generated_archive: Path, tmp_path: Path) -> None:
    """A changed issue's old articles stay in their segment until a merge: they never score,
    and the idf counts the live documents only (whoosh's df would count them too)."""
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
    with ix.reader() as reader:
        count = reader.doc_count_all()
        assert reader.doc_count() < count  # the changed issue's old articles are still there
        live = set(reader.all_doc_ids())
        # The title field's parts: kicker, headline (none when derived from the body), subtitle.
        titles = {}
        for docnum, fields in reader.iter_docs():
            stored = decode_payload(fields["payload"])
            kicker, title, subtitle = stored.title_parts
            title = "" if stored.title_derived else title
            titles[docnum] = fold(" ".join((kicker, title, subtitle)))
        docsets = DocSets(reader, np.zeros(count, np.int64))
        for text in ("会", "县", "的"):
            ours = docsets.scores(positive_terms(parse(f"title:{text}")))
            scored = set(np.flatnonzero(ours).tolist())
            assert scored, text
            assert scored == {d for d in live if text in titles[d]}, text
            df = len(scored)
            assert reader.doc_frequency("title", text) > df, text  # whoosh's counts the deleted


def test_lengths_read_whole_equal_whoosh_per_document(index_dir: Path, stock_dir: Path) -> None:
    """A field's lengths read from each segment's column at once are whoosh's, document by
    document (a length of 0 is whoosh's None); a compound segment's are left to whoosh."""
    ix = whoosh_index.open_dir(str(index_dir / store.WHOOSH_DIR), indexname=store.INDEX_NAME)
    with ix.reader() as reader:
        assert len(reader.leaf_readers()) > 1
        for field in sorted(CHAIN_FIELDS):
            whole = direct.whole_length_bytes(reader, field)
            assert whole is not None and len(whole) == reader.doc_count_all()
            table = direct.length_table()
            theirs = [reader.doc_field_length(d, field) or 0 for d in range(len(whole))]
            assert [table[b] for b in whole] == theirs, field
            assert any(theirs), field
    stock = whoosh_index.open_dir(str(stock_dir))
    with stock.reader() as reader:
        compound = any(leaf._segment.is_compound() for leaf, _ in reader.leaf_readers())
        assert compound == (direct.whole_length_bytes(reader, "body") is None)


def test_an_index_without_documents_matches_nothing(tmp_path: Path) -> None:
    """An index with no segments (whoosh gives an EmptyReader, without term table or files)."""
    ix = whoosh_index.create_in(str(tmp_path), make_schema())
    with ix.reader() as reader:
        docsets = DocSets(reader, np.zeros(0, np.int64))
        for text in ("县委", "县", "title:会", "publication:河东", "page:1"):
            node = parse(text)
            assert not docsets.of(node).any(), text
            assert len(docsets.scores(positive_terms(node))) == 0, text
        assert direct.whole_length_bytes(reader, "body") == b""
