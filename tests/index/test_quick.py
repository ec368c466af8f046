"""The direct reading (reader.index.quick) answers exactly as whoosh and numpy do, or declines.

A fresh process searches without importing numpy or whoosh when the last search through them
saved the index's state; every result must be the same value, to the last bit of each score.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.index import fold, quick, quickquery, quickterms, store, update_index
from reader.index.fold import CJK_CLASS, is_cjk
from reader.index.query import parse
from reader.index.searcher import IndexSearcher
from reader.index.units import is_word_char
from reader.index.w3 import direct
from reader.model import IndexUnavailable
from reader.model.vocabulary import SORTS, UNDATED
from tests.index.conftest import copy_issues, open_archive
from tests.index.test_search import ISSUES

QUERIES = [
    "县",
    "县委书记",
    '"全县经济社会发展"',
    "供热 工程",
    "供热 OR 供暖",
    "乡村 -会议",
    "-的 县",
    "title:县",
    "author:王",
    "column:要闻",
    "publication:日报",
    "date:2021",
    "项目 date:2021-01..2021-06",
    "pm2.5",
    "2022",
    "的",
    "没有这个词",
]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A user cache of this test's, where the saved states go."""
    root = tmp_path / "cache"
    monkeypatch.setattr(fold, "_cache_root", lambda: root)
    return root


def _searched(generated_archive: Path, tmp_path: Path, issues: int = 12) -> tuple[Path, Path]:
    """An indexed archive searched once through whoosh (which saves the state)."""
    root, index_dir = _indexed(generated_archive, tmp_path, issues)
    _search_through_whoosh(index_dir)
    return root, index_dir


def _search_through_whoosh(index_dir: Path) -> None:
    with IndexSearcher(index_dir) as searcher:
        searcher.search("县")


def _indexed(generated_archive: Path, tmp_path: Path, issues: int = 12) -> tuple[Path, Path]:
    root = copy_issues(generated_archive, tmp_path / "archive", issues)
    library, fingerprints = open_archive(root)
    update_index(tmp_path / "index", library.issues, fingerprints)
    return root, tmp_path / "index"


def test_the_direct_reading_gives_the_same_results(
    generated_archive: Path, tmp_path: Path, cache: Path
) -> None:
    _, index_dir = _indexed(generated_archive, tmp_path)
    with IndexSearcher(index_dir) as searcher:
        assert quick.open_quick(index_dir) is None  # nothing saved before a search
        searcher.search("县")  # through whoosh: saves the state
        direct = quick.open_quick(index_dir)
        assert direct is not None
        answered = 0
        for text in QUERIES:
            for sort in SORTS:
                for limit in (0, 3, 20):
                    expected = searcher.search(text, sort=sort, limit=limit)
                    found = direct.search(text, parse(text), limit, sort)
                    assert found is not None, text
                    assert found == expected, (text, sort, limit)
                    answered += 1
        direct.close()
    assert answered == len(QUERIES) * len(SORTS) * 3


def test_undated_issues_are_counted_as_the_ranking_counts_them(tmp_path: Path, cache: Path) -> None:
    index_dir = tmp_path / "index"
    update_index(index_dir, ISSUES, {issue.id: "1" for issue in ISSUES})  # one undated
    with IndexSearcher(index_dir) as searcher:
        searcher.search("县")  # through whoosh: saves the state
        direct = quick.open_quick(index_dir)
        assert direct is not None
        try:
            for text in ("供热", "-没有这个词"):
                expected = searcher.search(text, limit=5)
                assert UNDATED in expected.facets.day and len(expected.facets.year) > 1
                found = direct.search(text, parse(text), 5, "relevance")
                assert found == expected, text
                assert found is not None
                for name in ("year", "month", "day", "publication"):  # in the same order too
                    assert list(getattr(found.facets, name)) == list(
                        getattr(expected.facets, name)
                    ), (text, name)
        finally:
            direct.close()


def test_what_it_cannot_read_or_is_too_much_it_declines(
    generated_archive: Path, tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, index_dir = _searched(generated_archive, tmp_path)
    direct = quick.open_quick(index_dir)
    assert direct is not None
    # page: is an exact-value field, whose postings are whoosh's own blocks.
    assert direct.search("page:1", parse("page:1"), 20, "relevance") is None
    assert direct.search("县", parse("县"), 20, "relevance") is not None
    monkeypatch.setattr(quickterms, "WORK_LIMIT", 10)
    assert direct.search("县", parse("县"), 20, "relevance") is None
    direct.close()


def test_it_declines_from_the_term_infos_before_reading_a_posting(
    generated_archive: Path, tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, index_dir = _searched(generated_archive, tmp_path)
    found = quick.open_quick(index_dir)
    assert found is not None

    def run(text: str) -> quickquery.QuickQuery:
        query = quickquery.QuickQuery(found)
        query.run(text, parse(text), 20, "relevance")
        return query

    def declined(text: str) -> None:
        query = quickquery.QuickQuery(found)
        with pytest.raises(quickterms.Declined):
            query.run(text, parse(text), 20, "relevance")
        assert query.terms.work == 0, text  # not a posting read

    try:
        read = run("县委书记").terms.work  # the postings and positions of 县委 and 书记
        assert read > 0
        monkeypatch.setattr(quickterms, "WORK_LIMIT", read - 1)
        declined("县委书记")
        monkeypatch.setattr(quickterms, "WORK_LIMIT", 10**9)
        monkeypatch.setattr(quickterms, "LIST_LIMIT", 0)
        for text in ("date:2021", "-的", "县 OR -的", "-的 -县"):  # each lists every document
            declined(text)
        assert run("乡村 -会议").terms.work > 0  # a NOT beside a term lists none
    finally:
        found.close()


def test_a_changed_index_is_not_read_with_an_older_state(
    generated_archive: Path, tmp_path: Path, cache: Path
) -> None:
    root, index_dir = _searched(generated_archive, tmp_path, issues=6)
    direct = quick.open_quick(index_dir)
    assert direct is not None and direct.current()
    for path in sorted(generated_archive.glob("*.txt"))[6:8]:  # two more issues: a commit
        shutil.copy2(path, root / path.name)
    library, fingerprints = open_archive(root)
    update_index(index_dir, library.issues, fingerprints)
    assert not direct.current()
    direct.close()
    assert quick.open_quick(index_dir) is None  # the saved state is of the older generation
    with IndexSearcher(index_dir) as searcher:
        expected = searcher.search("县委书记")
        fresh = quick.open_quick(index_dir)
        assert fresh is not None
        assert fresh.search("县委书记", parse("县委书记"), 20, "relevance") == expected
        fresh.close()


def test_a_damaged_saved_state_is_a_miss_and_saved_again(
    generated_archive: Path, tmp_path: Path, cache: Path
) -> None:
    _, index_dir = _searched(generated_archive, tmp_path, issues=3)
    (saved,) = (cache / "search-state").glob("*-quick.bin")
    whole = saved.read_bytes()
    flipped = bytearray(whole)
    flipped[-9] ^= 0x01  # a day of one document: bit rot the checksum finds
    for damaged in (whole[:-7], bytes(flipped), b"0\n", b"[]\n", b"00000000\n", b"\x00not json\n"):
        saved.write_bytes(damaged)
        assert quick.open_quick(index_dir) is None
        _search_through_whoosh(index_dir)  # the state saved again
        assert saved.read_bytes() == whole


def test_a_commit_during_a_query_makes_it_ask_whoosh(
    generated_archive: Path, tmp_path: Path, cache: Path
) -> None:
    root, index_dir = _searched(generated_archive, tmp_path, issues=4)
    direct = quick.open_quick(index_dir)
    assert direct is not None
    assert direct.search("县委", parse("县委"), 20, "relevance") is not None
    for path in sorted(generated_archive.glob("*.txt"))[4:6]:
        shutil.copy2(path, root / path.name)
    library, fingerprints = open_archive(root)
    update_index(index_dir, library.issues, fingerprints)  # a commit, as by another process
    # Files read after it could be another generation's (or gone): the answer is not given.
    assert direct.search("县委", parse("县委"), 20, "relevance") is None
    direct.close()


def test_postings_without_positions_are_left_to_whoosh() -> None:
    import pickle
    import struct

    info = struct.pack("!BfIBBfII", 1, 1.0, 1, 1, 1, 1.0, 0, 0)
    inlined = info + pickle.dumps(((3,), (1.0,), (None,)), 2)  # an exact-value field's
    assert direct.postings(inlined, None, False, None) is None  # type: ignore[arg-type]
    with_positions = info + pickle.dumps(((3,), (2.0,), (b"\x05\x00\x00\x00\x09\x00\x00\x00",)), 2)
    docs, counts, places = direct.postings(with_positions, None, True, None)  # type: ignore[arg-type,misc]
    assert (docs, counts, list(places or ())) == ([3], [2], [5, 9])


def test_a_fresh_process_asks_the_files_first_and_numpy_after(
    generated_archive: Path, tmp_path: Path, cache: Path
) -> None:
    _, index_dir = _indexed(generated_archive, tmp_path, issues=3)
    with IndexSearcher(index_dir) as searcher:
        expected = [searcher.search(text, limit=5) for text in ("县委书记", "会议")]
    probe = (
        "import sys, json\n"
        "from pathlib import Path\n"
        "from reader.index import fold, open_searcher\n"
        f"fold.use_cache_root(lambda: Path({str(cache)!r}))\n"
        f"searcher = open_searcher(Path({str(index_dir)!r}))\n"
        "for text in ('县委书记', '会议'):\n"
        "    result = searcher.search(text, limit=5)\n"
        "    hits = [[h.article_id, h.score] for h in result.hits]\n"
        "    loaded = sorted({m.split('.')[0] for m in sys.modules} & {'numpy', 'whoosh'})\n"
        "    print(json.dumps([result.total, hits, loaded]))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    first, second = (json.loads(line) for line in done.stdout.splitlines()[-2:])
    for found, result in zip((first, second), expected, strict=True):
        assert found[:2] == [result.total, [[h.article_id, h.score] for h in result.hits]]
    assert first[2] == []  # the first query: the files read directly
    assert second[2] == ["numpy", "whoosh"]  # the next: numpy's arrays, faster once loaded


def test_the_character_classes_without_regular_expressions_are_the_same() -> None:
    cjk = re.compile(f"[{CJK_CLASS}]")
    word = re.compile(rf"[^\W_{CJK_CLASS}]")
    # Every BMP code point, and the supplementary planes' edges and a sample between.
    codes = [*range(0x10000), *range(0x10000, sys.maxunicode + 1, 97), 0x20000, 0x323AF, 0x323B0]
    for ch in ("", "ab", "中a", "a中"):
        assert is_cjk(ch) == (cjk.match(ch) is not None)
        assert is_word_char(ch) == (word.match(ch) is not None)
    for code in codes:
        ch = chr(code)
        assert is_cjk(ch) == (cjk.match(ch) is not None), hex(code)
        assert is_word_char(ch) == (word.match(ch) is not None), hex(code)


def test_a_large_index_is_left_to_numpy(
    generated_archive: Path, tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, index_dir = _searched(generated_archive, tmp_path, issues=3)
    assert quick.open_quick(index_dir) is not None
    monkeypatch.setattr(quick, "QUICK_DOCS", 10)
    assert quick.open_quick(index_dir) is None


def test_an_ideograph_folds_as_the_full_folding_does() -> None:
    codes = [*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000)]
    table = fold.t2s_table()
    assert all(fold._fold_char(chr(c)) == table.get(chr(c), chr(c)) for c in codes)
    assert fold.fold("國家 發展") == "国家发展"


def test_blake2b_without_openssl_is_hashlibs() -> None:
    import hashlib

    from reader import digests

    for data in (b"", b"issue-reader", "县委书记".encode()):
        assert (
            digests.blake2b(data, digest_size=8).hexdigest()
            == hashlib.blake2b(data, digest_size=8).hexdigest()
        )


def test_postings_it_cannot_read_go_to_whoosh_which_finds_the_damage(
    generated_archive: Path, tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, index_dir = _searched(generated_archive, tmp_path, issues=3)
    # Posting lists check themselves when read (zstd's checksums), not by the index's sums.
    for pst in (index_dir / "whoosh").glob("*.pst"):
        size = pst.stat().st_size
        pst.write_bytes(bytes(size))  # the same size: only reading finds it
    monkeypatch.setattr(IndexSearcher, "_quick_first", lambda self: True)
    with IndexSearcher(index_dir) as searcher, pytest.raises(IndexUnavailable):
        searcher.search("县")
    assert store.damage_reason(index_dir) is not None
