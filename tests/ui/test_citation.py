"""Citations: GB/T 7714-2015 for Chinese articles, Chicago for the rest, and the copy commands."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtGui import QGuiApplication

from reader.library import Library
from reader.model import Article, Issue
from reader.ui.reading.citation import CHICAGO, GBT, chicago, citation, gbt7714, style_for

ROOT = Path(__file__).parents[2]
SAMPLE_ISSUES = ROOT / "sample_issues"
NEWSML = ROOT / "tests" / "data" / "newsml" / "items"

ISSUE = Issue(id="i", publication="今日长子", date=dt.date(2022, 9, 19), number="1810")


def seed_article() -> tuple[Issue, Article]:
    library = Library.open(SAMPLE_ISSUES)
    issue = library.issues[0]
    return issue, issue.articles[0]


def test_the_seeds_first_article_by_gbt_7714():
    issue, article = seed_article()
    assert article.page == ""  # the text format does not say which page: no (1)
    assert style_for(issue, article) == GBT
    assert citation(issue, article) == (
        "张晓明, 郭强. 我县召开供热工程项目协调会[N]. 今日长子, 2022-09-19."
    )


def test_gbt_7714_page_in_brackets_and_three_authors_then_etc():
    article = Article(
        id="a", issue_id="i", title="标题", authors=("甲", "乙", "丙", "丁"), page="1"
    )
    assert gbt7714(ISSUE, article) == "甲, 乙, 丙, 等. 标题[N]. 今日长子, 2022-09-19(1)."
    nobody = Article(id="b", issue_id="i", title="标题", page="A3")
    assert gbt7714(ISSUE, nobody) == "标题[N]. 今日长子, 2022-09-19(A3)."
    undated = Issue(id="u", publication="今日长子", date=None)
    assert gbt7714(undated, nobody) == "标题[N]. 今日长子, [出版日期不详](A3)."


def test_an_english_article_by_chicago():
    library = Library.open(NEWSML)
    issue, article = next(
        (i, a) for i in library.issues for a in i.articles if a.title.startswith("Old bridge")
    )
    assert style_for(issue, article) == CHICAGO
    assert citation(issue, article) == (
        "Weaver, Ann, and Tom Reyes. “Old bridge reopens after two years.” "
        "Riverside Courier, March 12, 2024, 3."
    )


def test_a_japanese_article_without_a_language_is_not_cited_as_chinese():
    # Kanji are Han characters; the kana say Japanese (a PDF page says no language).
    japanese = Article(id="j", issue_id="i", title="序", paragraphs=("序", "わたくしといふ現象は"))
    chinese = Article(id="c", issue_id="i", title="序", paragraphs=("我县召开供热工程",))
    assert style_for(ISSUE, japanese) == CHICAGO
    assert style_for(ISSUE, chinese) == GBT


def test_chicago_joins_three_authors_and_keeps_a_question_mark():
    article = Article(id="a", issue_id="i", title="Who pays?", authors=("A", "B", "C"))
    latin = Issue(id="e", publication="The Weekly", date=None)
    assert chicago(latin, article) == "A, B, and C. “Who pays?” The Weekly, n.d."


def test_chicago_inverts_the_first_author_only():
    latin = Issue(id="e", publication="The Weekly", date=dt.date(1901, 5, 4))

    def by(*authors: str) -> str:
        article = Article(id="a", issue_id="e", title="Fire", authors=authors)
        return chicago(latin, article).split(" “")[0]

    assert by("Ann Weaver") == "Weaver, Ann."
    assert by("Mary Ann Lee", "Tom Reyes") == "Lee, Mary Ann, and Tom Reyes."
    assert by("Ann Weaver", "Tom Reyes", "Bo Li") == "Weaver, Ann, Tom Reyes, and Bo Li."
    assert by("Reuters", "Tom Reyes") == "Reuters and Tom Reyes."


def test_copy_menu_chooses_the_style(window):
    window.open_path(str(SAMPLE_ISSUES))
    window.action_set.copy_citation.trigger()
    text = QGuiApplication.clipboard().text()
    assert text.startswith("我县召开供热工程项目协调会\n张晓明 郭强\n\n本报讯 9月11日")
    assert text.endswith("\n\n张晓明, 郭强. 我县召开供热工程项目协调会[N]. 今日长子, 2022-09-19.\n")
    window.action_set.copy_chicago.trigger()
    assert (
        QGuiApplication.clipboard()
        .text()
        .endswith(
            "\n\n张晓明 and 郭强. “我县召开供热工程项目协调会.” 今日长子, September 19, 2022.\n"
        )
    )
    window.action_set.copy_gbt.trigger()
    assert QGuiApplication.clipboard().text().endswith("今日长子, 2022-09-19.\n")
