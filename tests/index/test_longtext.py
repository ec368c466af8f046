"""A long article analysed a chunk at a time: the same terms, positions, hits and snippets."""

from __future__ import annotations

import json
import random
import zlib
from pathlib import Path

import pytest

from reader.index import chunks, search, update_index
from reader.index.analysis import LongText, term_positions
from reader.index.chunks import chunk_positions, long_text, raw_chunks
from reader.index.fold import fold, is_cjk
from reader.index.schema import decode_payload, encode_payload
from reader.library import Library

# Characters that fold with their neighbours (spaces, combining marks, bridged CJK, jamo,
# half-width kana and its voicing mark, ligatures, invisible format characters) beside plain
# CJK, Latin and punctuation: a cut among them must change nothing.
ALPHABET = [
    *"中国人民银行供热工程長子縣",
    *"abcXYZ12 ,.-",
    *["\n", "\n\n", "  ", "\u3000", "\u200b", "\u0301", "e\u0301", "ﬁ", "Ａ", "ｶﾞ", "가"],
    *["\u1100\u1161", "\u11a8", "…", "\t", "。", "，", "𠮷", "\u00ad", "Å"],
]


def _joined(text: LongText) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for positions in chunk_positions(text):
        for term, where in positions.items():
            found.setdefault(term, []).extend(where)
    return found


def test_chunks_give_the_terms_and_positions_of_the_whole_text() -> None:
    rng = random.Random(11)
    for _ in range(600):
        pieces = tuple(rng.choice(ALPHABET) for _ in range(rng.randint(0, 50)))
        text = "".join(pieces)
        whole = {term: list(where) for term, where in term_positions([text]).items()}
        for size in (1, 2, 5):
            assert "".join(raw_chunks(pieces, size)) == text
            assert _joined(LongText(pieces, size)) == whole, (text, size)


def test_a_cjk_bigram_and_a_word_straddling_a_cut_are_indexed_at_their_positions() -> None:
    text = LongText(("人民银", "行 供", "热\n工程 cov", "id-19"), 3)
    cuts = list(raw_chunks(text.pieces, 3))
    assert len(cuts) > 3
    found = _joined(text)
    assert found["银行"] == [2] and found["供热"] == [4] and found["热工"] == [5]
    assert found["covid"] == [9] and found["19"] == [11]
    assert found == {
        t: list(p) for t, p in term_positions(["人民银行 供热\n工程 covid-19"]).items()
    }


def test_a_long_body_is_given_as_pieces_only_past_the_threshold() -> None:
    assert long_text(["短文"]) is None
    paragraphs = ["一" * 700_000, "二" * 400_000]
    text = long_text(paragraphs)
    assert text is not None
    assert text.joined() == "\n\n".join(paragraphs)


@pytest.fixture(scope="module")
def long_issue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A text issue of a long article of random Han (its bigrams nearly all unique: a bigram
    lost at a cut would be missed by search) between two short ones."""
    folder = tmp_path_factory.mktemp("long")
    rng = random.Random(7)
    paragraphs = []
    for number in range(40):
        clauses = ["".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(23)) for _ in range(60)]
        paragraphs.append("，".join(clauses) + f"。covid-19 PM2.5 第{number}段\n续行")
    text = (
        "# 今日长子\n\n2015年1月5日  \n总1001期  \n\n第1版\n\n"
        "## 县委书记调研供热工程\n\n县委书记到供热工程现场调研。\n\n"
        "## 长篇连载\n\n" + "\n\n".join(paragraphs) + "\n\n"
        "## 本报讯\n\n本报讯 会议召开。covid-19\n"
    )
    (folder / "2015-01-05_long.txt").write_text(text, encoding="utf-8")
    return folder


def _straddling(library: Library, size: int) -> list[str]:
    """Queries that straddle the cuts of the first article at chunks of ``size``: a CJK bigram
    and a longer phrase across each of the first cuts between two CJK letters."""
    article = library.issues[0].articles[1]
    pieces = tuple(
        p for n, t in enumerate(article.paragraphs) for p in ([t] if not n else ["\n\n", t])
    )
    queries: list[str] = []
    done = ""
    for piece in raw_chunks(pieces, size):
        if done and is_cjk(fold(done[-1])) and is_cjk(fold(piece[0])) and len(queries) < 16:
            # The bigrams ending at and across the cut, and phrases over it.
            queries += [done[-2:], done[-1] + piece[0], f'"{done[-3:]}{piece[:3]}"']
            queries.append(f'"{done[-2:]}{piece[:3]}"')
        done = piece
    return queries


def test_a_long_article_chunked_finds_and_shows_what_it_does_whole(
    long_issue: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = Library.open(long_issue, use_cache=False)
    fingerprints = library.fingerprints()
    whole = update_index(tmp_path / "whole", library.issues, fingerprints, workers=1)
    monkeypatch.setattr(chunks, "LONG_TEXT", 10_000)
    monkeypatch.setattr(chunks, "CHUNK_CHARS", 997)
    straddling = _straddling(library, 997)
    assert len(straddling) == 16
    chunked = update_index(tmp_path / "chunked", library.issues, fingerprints, workers=1)
    assert whole.articles == chunked.articles == 3
    queries = [*straddling, "县委书记", "会", "第2段", '"covid-19"', "pm2.5", "长篇连载", "-本报讯"]
    for query in queries:
        a = search(tmp_path / "whole", query, limit=10)
        b = search(tmp_path / "chunked", query, limit=10)
        assert a.total == b.total, query
        assert [h.article_id for h in a.hits] == [h.article_id for h in b.hits], query
        assert [h.snippet for h in a.hits] == [h.snippet for h in b.hits], query
        assert [h.matches for h in a.hits] == [h.matches for h in b.hits], query
    long_id = library.issues[0].articles[1].id
    for query in straddling:
        hits = search(tmp_path / "chunked", query, limit=10).hits
        assert long_id in {h.article_id for h in hits}, query


def test_a_long_payload_is_compressed_as_written_and_reads_back_the_same(
    long_issue: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (issue,) = Library.open(long_issue, use_cache=False).issues
    article = issue.articles[1]
    whole = encode_payload(issue, article)
    monkeypatch.setattr(chunks, "LONG_TEXT", 10_000)
    monkeypatch.setattr("reader.index.schema._ESCAPED_CHARS", 333)
    streamed = encode_payload(issue, article)
    assert zlib.decompress(streamed) == zlib.decompress(whole)
    assert decode_payload(streamed) == decode_payload(whole)
    assert json.loads(zlib.decompress(streamed))["b"] == article.text
