"""Citations: GB/T 7714-2015 for Chinese articles, Chicago (17th ed.) for the rest.

The expected strings are written out by hand from the rules: GB/T 7714-2015 for a newspaper
article is ``作者, 作者, 作者, 等. 题名[N]. 报纸名, 出版日期(版次).`` (half-width ``. `` and ``, ``
as the standard's examples print them; a Latin-script name as ``EINSTEIN A``); Chicago's
bibliography entry is ``Last, First, and First Last. “Title.” Paper, Month Day, Year, page.``
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reader.library import Library
from reader.library.citations import (
    CHICAGO,
    GBT,
    chicago,
    citation,
    gbt7714,
    split_name,
    style_for,
)
from reader.model import Article, Issue
from tests.conftest import SAMPLE_ISSUES, shared_path

NEWSML = Path(__file__).parents[1] / "data" / "newsml" / "items"
ISSUE = Issue(id="i", publication="今日长子", date=dt.date(2022, 9, 19), number="1810")

# Every article of the seed issue (今日长子, 2022-09-19, 总1810期; the text gives no page):
# (id suffix, GB/T 7714, Chicago).
SEED = [
    (
        "01",
        "张晓明, 郭强. 我县召开供热工程项目协调会[N]. 今日长子, 2022-09-19.",
        "张晓明 and 郭强. “我县召开供热工程项目协调会.” 今日长子, September 19, 2022.",
    ),
    (
        "02",
        "刘盼, 泽峰. 立足生态优势 深挖文化底蕴 精准发展定位 全力打造精品康养旅游度假区[N]. "
        "今日长子, 2022-09-19.",
        "刘盼 and 泽峰. “立足生态优势 深挖文化底蕴 精准发展定位 全力打造精品康养旅游度假区.” "
        "今日长子, September 19, 2022.",
    ),
    (
        "03",
        "牛婷, 马赛. 县政协举办“喜迎二十大 建功新时代”读书分享活动[N]. 今日长子, 2022-09-19.",
        # Chicago: the title's own quotation takes single marks inside the double ones.
        "牛婷 and 马赛. “县政协举办‘喜迎二十大 建功新时代’读书分享活动.” 今日长子, September 19, 2022.",
    ),
    (
        "04",
        "孔令盼, 马少丽. 长治海关为我县企业发展纾困解难[N]. 今日长子, 2022-09-19.",
        "孔令盼 and 马少丽. “长治海关为我县企业发展纾困解难.” 今日长子, September 19, 2022.",
    ),
    (
        "05",
        "马丽虹. 牛浩刚调研抓党建促基层治理能力提升工作[N]. 今日长子, 2022-09-19.",
        "马丽虹. “牛浩刚调研抓党建促基层治理能力提升工作.” 今日长子, September 19, 2022.",
    ),
    (
        "06",
        "燕慧, 瑞杰, 刘. 提升工作推进会在我县召开[N]. 今日长子, 2022-09-19.",
        "燕慧, 瑞杰, and 刘. “提升工作推进会在我县召开.” 今日长子, September 19, 2022.",
    ),
    (
        "07",
        # No author: the entry starts at the title.
        "全县2022年度目标责任考核工作专题会召开[N]. 今日长子, 2022-09-19.",
        "“全县2022年度目标责任考核工作专题会召开.” 今日长子, September 19, 2022.",
    ),
    (
        "08",
        "龙头镇老马沟村：菊花基地采摘忙 致富产业助增收[N]. 今日长子, 2022-09-19.",
        "“龙头镇老马沟村：菊花基地采摘忙 致富产业助增收.” 今日长子, September 19, 2022.",
    ),
]


@pytest.fixture(scope="module")
def seed() -> Library:
    return Library.open(SAMPLE_ISSUES)


@pytest.mark.parametrize(("suffix", "gbt", "chicago_entry"), SEED)
def test_every_seed_article_in_both_styles(
    seed: Library, suffix: str, gbt: str, chicago_entry: str
) -> None:
    issue, article = seed.article(f"2022-09-19-f6b602d7-{suffix}")
    assert style_for(issue, article) == GBT  # Chinese: GB/T 7714 unless asked otherwise
    assert citation(issue, article) == gbt
    assert citation(issue, article, GBT) == gbt
    assert citation(issue, article, CHICAGO) == chicago_entry


def test_the_seed_has_eight_articles(seed: Library) -> None:
    assert [a.id[-2:] for a in seed.issues[0].articles] == [row[0] for row in SEED]


def test_gbt_7714_page_in_brackets_and_three_authors_then_etc() -> None:
    article = Article(
        id="a", issue_id="i", title="标题", authors=("甲", "乙", "丙", "丁"), page="2"
    )
    # The issue's own example form: 作者. 题名[N]. 报纸名, 2022-09-19(2).
    assert gbt7714(ISSUE, article) == "甲, 乙, 丙, 等. 标题[N]. 今日长子, 2022-09-19(2)."
    nobody = Article(id="b", issue_id="i", title="标题", page="A3")
    assert gbt7714(ISSUE, nobody) == "标题[N]. 今日长子, 2022-09-19(A3)."
    undated = Issue(id="u", publication="今日长子", date=None)
    assert gbt7714(undated, nobody) == "标题[N]. 今日长子, [出版日期不详](A3)."


def test_gbt_7714_writes_latin_names_family_first_in_capitals_with_initials() -> None:
    paper = Issue(id="e", publication="Riverside Courier", date=dt.date(2024, 3, 12))
    article = Article(
        id="a",
        issue_id="e",
        title="Old bridge reopens",
        authors=("Ann Weaver", "Tom Reyes", "Mary Ann Lee", "Bo Li"),
        page="3",
        language="en",
    )
    assert gbt7714(paper, article) == (
        "WEAVER A, REYES T, LEE M A, et al. Old bridge reopens[N]. Riverside Courier, "
        "2024-03-12(3)."
    )


def test_an_english_article_by_chicago() -> None:
    library = Library.open(NEWSML)
    issue, article = next(
        (i, a) for i in library.issues for a in i.articles if a.title.startswith("Old bridge")
    )
    assert style_for(issue, article) == CHICAGO
    assert citation(issue, article) == (
        "Weaver, Ann, and Tom Reyes. “Old bridge reopens after two years.” "
        "Riverside Courier, March 12, 2024, 3."
    )
    assert citation(issue, article, GBT) == (
        "WEAVER A, REYES T. Old bridge reopens after two years[N]. Riverside Courier, "
        "2024-03-12(3)."
    )


def test_a_heading_with_its_own_full_stop() -> None:
    # Nineteenth-century headings end in a full stop: not doubled, and not before [N].
    library = Library.open(shared_path("samples/bnl-luxzeit-1858"))
    issue, article = library.article("1858-12-07-2a7b4246-d863c7")
    assert style_for(issue, article) == CHICAGO
    assert citation(issue, article) == (
        "“Kölnische Zeitung.” Luxemburger Zeitung – Journal de Luxembourg, December 7, 1858, 1."
    )
    assert citation(issue, article, GBT) == (
        "Kölnische Zeitung[N]. Luxemburger Zeitung – Journal de Luxembourg, 1858-12-07(1)."
    )


def test_a_japanese_article_without_a_language_is_not_cited_as_chinese() -> None:
    # Kanji are Han characters; the kana say Japanese (a PDF page says no language).
    japanese = Article(id="j", issue_id="i", title="序", paragraphs=("序", "わたくしといふ現象は"))
    chinese = Article(id="c", issue_id="i", title="序", paragraphs=("我县召开供热工程",))
    assert style_for(ISSUE, japanese) == CHICAGO
    assert style_for(ISSUE, chinese) == GBT


def test_chicago_joins_three_authors_and_keeps_a_question_mark() -> None:
    article = Article(id="a", issue_id="i", title="Who pays?", authors=("A", "B", "C"))
    latin = Issue(id="e", publication="The Weekly", date=None)
    assert chicago(latin, article) == "A, B, and C. “Who pays?” The Weekly, n.d."


def test_chicago_inverts_the_first_author_only() -> None:
    latin = Issue(id="e", publication="The Weekly", date=dt.date(1901, 5, 4))

    def by(*authors: str) -> str:
        article = Article(id="a", issue_id="e", title="Fire", authors=authors)
        return chicago(latin, article).split(" “")[0]

    assert by("Ann Weaver") == "Weaver, Ann."
    assert by("Mary Ann Lee", "Tom Reyes") == "Lee, Mary Ann, and Tom Reyes."
    assert by("Ann Weaver", "Tom Reyes", "Bo Li") == "Weaver, Ann, Tom Reyes, and Bo Li."
    assert by("Reuters", "Tom Reyes") == "Reuters and Tom Reyes."


def test_names_split_into_family_and_given() -> None:
    assert split_name("Ann Weaver") == ("Weaver", "Ann")
    assert split_name(" Mary  Ann Lee ") == ("Lee", "Mary Ann")
    assert split_name("Reuters") is None
    assert split_name("张晓明") is None
    assert split_name("欧阳 修") is None  # a Chinese name is never split at a space


def test_an_unknown_style_is_refused() -> None:
    with pytest.raises(ValueError, match="gbt7714"):
        citation(ISSUE, Article(id="a", issue_id="i", title="标题"), "apa")


def test_chicago_makes_straight_inner_quotes_single() -> None:
    # OCR gives straight marks: the inner quotation still takes single ones, and its own “!”
    # stands in for the period.
    latin = Issue(id="e", publication="The Weekly", date=dt.date(1858, 12, 7))
    quoted = Article(
        id="a", issue_id="e", title='" But shadows, clouds, and darkness rest upon it !"'
    )
    assert chicago(latin, quoted) == (
        "“‘ But shadows, clouds, and darkness rest upon it !’” The Weekly, December 7, 1858."
    )
    inside = Article(id="b", issue_id="e", title='The "Great Eastern" sails')
    assert chicago(latin, inside) == "“The ‘Great Eastern’ sails.” The Weekly, December 7, 1858."
    assert '"' not in chicago(latin, quoted) + chicago(latin, inside)


def test_a_title_from_the_first_words_is_supplied_in_square_brackets() -> None:
    latin = Issue(id="e", publication="The Weekly", date=dt.date(1901, 5, 4))
    derived = Article(
        id="a",
        issue_id="e",
        title="The harvest this year was…",
        title_derived=True,
        paragraphs=("The harvest this year was good.",),
        page="2",
    )
    assert chicago(latin, derived) == "[The harvest this year was…]. The Weekly, May 4, 1901, 2."
    assert gbt7714(latin, derived) == "[The harvest this year was…][N]. The Weekly, 1901-05-04(2)."
    chinese = Article(
        id="c",
        issue_id="i",
        title="本县今年秋粮喜获丰收…",
        title_derived=True,
        paragraphs=("本县今年秋粮喜获丰收，",),
    )
    assert gbt7714(ISSUE, chinese) == "[本县今年秋粮喜获丰收…][N]. 今日长子, 2022-09-19."
    own = Article(id="d", issue_id="e", title="Harvest")
    assert chicago(latin, own) == "“Harvest.” The Weekly, May 4, 1901."
