"""The huge-input generators of the memory benchmark, run tiny so that they cannot rot."""

from __future__ import annotations

from pathlib import Path

from reader.library import Library
from tests.generator.huge import write_alto_line, write_newsml_feed, write_text_issue


def test_a_one_line_alto_page_opens_as_one_article_of_all_its_words(tmp_path: Path) -> None:
    size = write_alto_line(tmp_path / "page.xml", 300)
    data = (tmp_path / "page.xml").read_bytes()
    assert size == len(data) and data.count(b"\n") == 0
    library = Library.open(tmp_path / "page.xml", use_cache=False)
    (article,) = library.issues[0].articles
    assert len(article.text.split()) == 300
    assert not library.problems


def test_a_text_issue_opens_with_its_huge_articles(tmp_path: Path) -> None:
    size = write_text_issue(tmp_path / "2015-01-05_huge.txt", 200_000, articles=3)
    assert 200_000 <= size < 210_000
    library = Library.open(tmp_path / "2015-01-05_huge.txt", use_cache=False)
    (issue,) = library.issues
    assert [a.title for a in issue.articles] == [
        "第1篇 长篇连载",
        "第2篇 长篇连载",
        "第3篇 长篇连载",
    ]
    assert all(len(a.text) > 15_000 for a in issue.articles)


def test_the_same_arguments_write_the_same_bytes(tmp_path: Path) -> None:
    write_alto_line(tmp_path / "a1.xml", 200, seed=3)
    write_alto_line(tmp_path / "a2.xml", 200, seed=3)
    write_text_issue(tmp_path / "t1.txt", 50_000, seed=3)
    write_text_issue(tmp_path / "t2.txt", 50_000, seed=3)
    assert (tmp_path / "a1.xml").read_bytes() == (tmp_path / "a2.xml").read_bytes()
    assert (tmp_path / "t1.txt").read_bytes() == (tmp_path / "t2.txt").read_bytes()


def test_a_newsml_feed_opens_with_all_its_items(tmp_path: Path) -> None:
    size = write_newsml_feed(tmp_path / "feed.xml", 30)
    assert size > 30 * 4000
    library = Library.open(tmp_path / "feed.xml", use_cache=False)
    assert library.archive.article_count == 30
    assert not library.problems
