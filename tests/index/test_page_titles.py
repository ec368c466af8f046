"""A search for 第6版, as the Chinese window words a made-up page title, also finds that title.

The index holds the title as the importer made it (``Page 6``); the whoosh search, the
direct reading and the scan must all answer the rewritten query alike.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reader.index import fold, quick, search, update_index
from reader.index.query import AllOf, AnyOf, Term, parse
from reader.index.searcher import IndexSearcher
from reader.model import Article, Issue
from reader.model.vocabulary import SORTS, page_of_chinese_title

ARTICLES = {
    "made-up": {"title": "Page 6", "page": "6", "paragraphs": ("The harbour froze.",)},
    # "Page 6" on page 7 is no made-up title of page 6: the window shows it as it is.
    "elsewhere": {"title": "Page 6", "page": "7", "paragraphs": ("Ships wait.",)},
    "sixty": {"title": "Page 60", "page": "60", "paragraphs": ("Snow.",)},
    "in-text": {"title": "县城新闻", "page": "2", "paragraphs": ("详见本报第6版。",)},
    "tenth": {"title": "Page 12", "page": "12", "paragraphs": ("Ice.",)},
    "other": {"title": "供热工程", "page": "6", "paragraphs": ("今冬供热。",)},
}
ISSUE = Issue(
    id="i",
    publication="Courant",
    date=dt.date(1858, 3, 1),
    articles=tuple(
        Article(id=name, issue_id="i", **fields)  # type: ignore[arg-type]
        for name, fields in ARTICLES.items()
    ),
)


@pytest.fixture
def index_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # The saved state of the direct reading goes to this test's cache.
    monkeypatch.setattr(fold, "_cache_root", lambda: tmp_path / "cache")
    update_index(tmp_path / "index", [ISSUE], {"i": "1"})
    return tmp_path / "index"


def _found(index_dir: Path, query: str) -> set[str]:
    return {hit.article_id for hit in search(index_dir, query, limit=50).hits}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("第6版", {"made-up", "in-text"}),  # the made-up title, and the text as before
        ('"第 6 版"', {"made-up"}),  # quoted, one term: the text has no space in it
        ("第六版", {"made-up"}),
        ("第十二版", {"tenth"}),
        ("title:第6版", {"made-up"}),
        ("第6版 -详见", {"made-up"}),
        ("-第6版 date:1858", set(ARTICLES) - {"made-up", "in-text"}),
        ("author:第6版", set()),  # no title there
        ("第6版新闻", set()),
    ],
)
def test_the_chinese_words_of_a_made_up_title_find_it(
    index_dir: Path, query: str, expected: set[str]
) -> None:
    assert _found(index_dir, query) == expected


def test_the_query_is_the_text_or_the_made_up_title(index_dir: Path) -> None:
    made_up = AllOf((Term("Page 6", "title", phrase=True), Term("6", "page")))
    assert parse("第6版") == AnyOf((Term("第6版"), made_up))
    hits = {hit.article_id: hit for hit in search(index_dir, "第6版", limit=50).hits}
    # The text's match is marked as before; the made-up title's, in its title.
    snippet = hits["in-text"].snippet
    assert [snippet.text[a:b] for a, b in snippet.spans] == ["第6版"]
    assert [name for name, _ in hits["made-up"].matches] == ["title"]


def test_the_direct_reading_leaves_it_to_whoosh(index_dir: Path) -> None:
    with IndexSearcher(index_dir) as searcher:
        searcher.search("供热")  # through whoosh: saves the state the direct reading needs
        direct = quick.open_quick(index_dir)
        assert direct is not None
        try:
            assert direct.search("供热", parse("供热"), 20, "relevance") is not None
            for text in ("第6版", "第六版", "title:第6版", "-第6版", "第6版 OR 供热"):
                for sort in SORTS:
                    expected = searcher.search(text, sort=sort, limit=20)
                    assert expected.total
                    # The page: term is whoosh's to read (w3.direct.postings), as in page:6:
                    # the direct reading declines, and the search asks whoosh.
                    assert direct.search(text, parse(text), 20, sort) is None, (text, sort)
        finally:
            direct.close()


@pytest.mark.parametrize(
    ("text", "page"),
    [("第6版", "6"), ("第 6 版", "6"), ("第A3版", "A3"), ("第十版", "10"), ("第二十四版", "24")],
)
def test_the_page_in_the_chinese_words(text: str, page: str) -> None:
    assert page_of_chinese_title(text) == page
