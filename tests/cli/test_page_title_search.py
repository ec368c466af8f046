"""``issue-reader search 第1版`` finds the made-up title ``Page 1``, as the text's 第1版, and
the scan run while the index is built finds the same."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.library import Library
from tests.formats.test_contract import write_alto_pages

# An issue whose text names page 1 in Chinese: found as before.
IN_TEXT = "今日长子\n\n2022年10月5日\n\n总1805期\n\n## 县城集中供热\n\n本报讯 详见本报第1版。\n"
QUERIES = ("第1版", "第一版", "title:第1版", "第2版 OR 第1版", "-第1版")


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The per-user cache, kept inside the test's folder."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """Two ALTO pages with no titles (``Page 1``, ``Page 2``) and a text issue."""
    root = tmp_path / "archive"
    root.mkdir()
    write_alto_pages(root)
    (root / "2022-10-05.txt").write_text(IN_TEXT, encoding="utf-8")
    return root


def test_the_command_line_finds_a_made_up_title_by_its_chinese_words(
    capsys: pytest.CaptureFixture[str], archive: Path
) -> None:
    assert main(["search", str(archive), "第1版"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2 articles found.")
    assert "1. [Page 1]" in out and "详见本报[第1版]。" in out and "Page 2" not in out
    # A fresh process, the index searched before: the direct reading declines the page: term,
    # and whoosh answers the same.
    again = subprocess.run(
        [sys.executable, "-m", "reader", "search", str(archive), "第1版"],
        capture_output=True,
        text=True,
        check=True,
        env=os.environ.copy(),
    )
    assert again.stdout == out


def test_the_scan_finds_what_the_index_finds(archive: Path, tmp_path: Path) -> None:
    with Library.open(archive, cache_root=tmp_path / "catalogues") as library:
        library.use_index_dir(tmp_path / "not-built")
        scanned = {q: library.search_now(q, limit=100) for q in QUERIES}
        library.update_index(tmp_path / "index")
        library.use_index_dir(tmp_path / "index")
        for query, now in scanned.items():
            assert now.coverage.indexed == 0 and now.coverage.provisional
            indexed = library.search(query, limit=100)
            assert indexed.total, query
            assert now.result.total == indexed.total, query
            assert {h.article_id for h in now.result.hits} == {h.article_id for h in indexed.hits}
        assert library.search("第1版", limit=100).total == 2
        assert library.search("第2版 OR 第1版", limit=100).total == 3
