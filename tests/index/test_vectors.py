"""The numpy analysis and pooling give exactly the terms, positions and postings of the
reference analysis (``analysis.term_positions``), whatever the text."""

from __future__ import annotations

import pickle
import random
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from whoosh import index

from reader.index import w3
from reader.index.analysis import LONG_FIELD, is_word_char, term_positions
from reader.index.fold import fold, is_cjk
from reader.index.pooling import ArrayPool, stable_order
from reader.index.schema import documents, make_schema
from reader.index.segments import SegmentBuilder
from reader.index.vectors import BIGRAM, WORD, Vocab, _tables, bigram_code, field_units
from reader.index.w3.arrays import _ints, _values, length_bytes
from tests.index.conftest import open_archive
from tests.index.test_segments import _build, _dump

# CJK, Latin, digits, full-width forms, astral Han (𠮷, in CJK Extension B), an emoji, marks,
# spaces and line breaks, invisible characters and characters that fold to several.
ALPHABET = [
    *"中国人民银行供热工程長子縣",
    *"abcXYZ12 ,.-_é",
    *["\n", "\n\n", "  ", "\u3000", "\u200b", "\u0301", "ﬁ", "Ａ", "ＰＭ２．５", "ｶﾞ", "가"],
    *["𠮷", "𠮷野家", "\U0001f600", "…", "。", "，", "\t", "Å", "\u00ad", "々"],
]


def _as_terms(parts: list[str]) -> dict[str, list[int]]:
    vocab = Vocab()
    codes, places = field_units(parts, vocab)
    found: dict[str, list[int]] = {}
    for code, at in zip(codes.tolist(), places.tolist(), strict=True):
        found.setdefault(vocab.term(code), []).append(at)
    return found


def _reference(parts: list[str]) -> dict[str, list[int]]:
    return {term: list(where) for term, where in term_positions(parts).items()}


def test_the_tables_agree_with_the_analysis_on_every_character() -> None:
    # Characters beyond the BMP are learnt when first seen: all of them in a few texts here.
    codes = np.arange(0, sys.maxunicode + 1, 7, dtype=np.int64)
    cjk, word = _tables().of(codes)
    for code, is_letter, is_word in zip(codes.tolist(), cjk.tolist(), word.tolist(), strict=True):
        char = chr(code)
        assert is_letter == is_cjk(char), hex(code)
        assert is_word == is_word_char(char), hex(code)


def test_the_seed_gives_the_reference_terms_and_positions(seed_file: Path) -> None:
    text = seed_file.read_text(encoding="utf-8")
    assert _as_terms([text]) == _reference([text])


def test_random_mixed_text_gives_the_reference_terms_and_positions() -> None:
    rng = random.Random(5)
    for _ in range(1500):
        parts = [
            "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(0, 30)))
            for _ in range(rng.randrange(0, 4))
        ]
        assert _as_terms(parts) == _reference(parts), parts


@pytest.mark.parametrize(
    "text",
    ["", " ", "\u200b", "𠮷", "𠮷𠮷", "a", "ab", "ＡＢ１２", "長子縣ＰＭ２．５", "x" * 70_000],
)
def test_edge_cases_give_the_reference_terms_and_positions(text: str) -> None:
    assert _as_terms([text]) == _reference([text])
    assert _as_terms([text, text]) == _reference([text, text])


def test_a_huge_article_gives_the_reference_terms_and_positions() -> None:
    rng = random.Random(8)
    text = "".join(rng.choice(ALPHABET) for _ in range(LONG_FIELD))
    assert len(fold(text)) > LONG_FIELD
    assert _as_terms([text]) == _reference([text])


def test_a_one_letter_word_and_a_mark_have_the_codes_of_their_characters() -> None:
    vocab = Vocab()
    assert vocab["a"] == ord("a") and vocab["-"] == ord("-")
    assert vocab.term(bigram_code("长子")) == "长子"
    assert vocab.term(vocab["covid"]) == "covid"
    assert vocab["ab"] != bigram_code("长子")


def test_ints_and_values_unpickle_to_what_they_encode() -> None:
    rng = np.random.default_rng(3)
    numbers = rng.integers(0, 2**31 - 1, 3000)
    numbers[::3] %= 256
    numbers[1::3] %= 65536
    ints, starts = _ints(numbers)
    assert pickle.loads(b"\x80\x04(" + ints + b"t.") == tuple(numbers.tolist())
    one = int(starts[5]), int(starts[6])
    assert pickle.loads(b"\x80\x04(" + ints[one[0] : one[1]] + b"t.") == (numbers[5],)
    counts = rng.integers(1, 5, 2000)
    counts[::50] = 70  # 280 bytes: a long BINBYTES value
    places = rng.integers(0, 2**32 - 1, int(counts.sum())).astype(np.uint32)
    values, _ = _values(places, counts)
    ends = np.cumsum(counts)
    expected = tuple(
        places[end - count : end].astype("<u4").tobytes()
        for count, end in zip(counts.tolist(), ends.tolist(), strict=True)
    )
    assert pickle.loads(b"\x80\x04(" + values + b"t.") == expected


def test_length_bytes_are_whooshs() -> None:
    from whoosh.util.numeric import length_to_byte

    lengths = np.array([0, 1, 2, 3, 17, 100, 1000, 106373, 106374, 10**7], np.int64)
    assert length_bytes(lengths).tolist() == [length_to_byte(n) for n in lengths.tolist()]


@pytest.fixture(scope="module")
def docs(generated_archive: Path) -> list[dict[str, object]]:
    library, fingerprints = open_archive(generated_archive)
    return [d for issue in library.issues[:4] for d in documents(issue, fingerprints[issue.id])]


def test_many_runs_and_small_windows_give_the_same_index(
    docs: list[dict[str, object]], tmp_path: Path
) -> None:
    stock = _build(tmp_path / "stock", docs, lambda ix: ix.writer())
    fast = _build(
        tmp_path / "fast",
        docs,
        lambda ix: SegmentBuilder(ix, pool_positions=7_000, window=500),
    )
    assert _dump(fast) == _dump(stock)


def test_new_documents_and_a_merge_in_one_commit_give_the_same_index(
    docs: list[dict[str, object]], tmp_path: Path
) -> None:
    # The merged segment's postings come through whoosh's pool interface, the new documents'
    # as arrays: a field with both is written by joining them term by term.
    stock = _build(tmp_path / "stock", docs, lambda ix: ix.writer())
    folder = tmp_path / "mixed"
    folder.mkdir()
    ix = index.create_in(str(folder), make_schema())
    half = len(docs) // 2
    for start in range(0, half, 10):
        writer = SegmentBuilder(ix)
        for doc in docs[start : min(start + 10, half)]:
            writer.add_document(**doc)
        writer.commit(merge=False)
    writer = SegmentBuilder(ix)
    for doc in docs[half:]:
        writer.add_document(**doc)
    writer.commit(optimize=True)
    with ix.reader() as reader:
        assert len(reader.leaf_readers()) == 1
    # Docnums differ (the merged documents come after the new ones): compare per document.
    assert _by_article(ix) == _by_article(stock)


def _by_article(ix: Any) -> dict[tuple[str, bytes], list[tuple[str, float, bytes]]]:
    with ix.reader() as reader:
        ids = {d: stored["article_id"] for d, stored in reader.iter_docs()}
        found: dict[tuple[str, bytes], list[tuple[str, float, bytes]]] = {}
        for fieldname, term in reader.all_terms():
            items = w3.posting_items(reader, fieldname, term)  # whoosh's layout or packed
            found[fieldname, term] = sorted((ids[d], w, v) for d, w, v in items)
    return found


def test_a_pool_sorts_terms_in_index_order_and_cleans_up(tmp_path: Path) -> None:
    pool = ArrayPool(str(tmp_path / "pool"), limit=5, window=3)
    for docnum, text in enumerate(["长子 ab 长", "a 子长 ab", "𠮷 长子"]):
        pool.add("body", docnum, *field_units([text], pool.vocab))
    terms: list[str] = []
    for window in pool.windows("body"):
        terms += window.terms
    assert terms == sorted(terms, key=lambda t: t.encode("utf-8"))
    assert "长子" in terms and "𠮷" in terms and "ab" in terms
    assert (tmp_path / "pool").is_dir()
    pool.cleanup()
    assert not (tmp_path / "pool").exists()


@pytest.mark.parametrize("count", [0, 1, 7, 50_000, 1 << 20, (1 << 20) + 1])
def test_the_keyed_sort_gives_the_merge_sorts_order(count: int) -> None:
    rng = np.random.default_rng(count)
    # Few distinct codes (many ties, whose order is what stability keeps) of all three kinds.
    codes = rng.choice(
        np.array([7, 0x4E2D, BIGRAM + 5, BIGRAM + 5 + (1 << 21), WORD, WORD + 9], np.int64), count
    )
    assert np.array_equal(stable_order(codes), np.argsort(codes, kind="stable"))


def test_codes_too_large_for_the_key_take_the_merge_sort() -> None:
    codes = np.array([1 << 50, 3, 1 << 44, 3, 1 << 50], np.int64)
    assert stable_order(codes).tolist() == [1, 3, 2, 0, 4]
