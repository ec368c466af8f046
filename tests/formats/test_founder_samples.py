"""The Founder e-paper sample in ../shared/samples (skipped when absent)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from reader.library import Library
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def library() -> Library:
    return Library.open(shared_path("samples/founder-epaper-stdaily-hubeidaily"), use_cache=False)


def test_two_papers_two_days(library):
    assert [(i.publication, i.date, i.format, i.source) for i in library.issues] == [
        ("湖北日报", dt.date(2023, 2, 11), "founder-epaper", "content.txt"),
        ("科技日报", dt.date(2023, 2, 10), "founder-epaper", "node_2.htm"),
    ]
    # PROVENANCE.txt describes the markers in prose; it is documentation, not a page.
    assert library.problems == ()


def test_content_txt_holds_32_blocks_of_31_articles(library):
    hubei = library.issues[0]
    # Article 211250 (a commentary on page 2) was saved twice; it is kept once.
    assert len(hubei.articles) == 31
    assert Counter(a.page for a in hubei.articles) == {"1": 8, "2": 11, "3": 7, "4": 5}
    assert [a.page for a in hubei.articles] == sorted((a.page for a in hubei.articles), key=int)
    assert all(a.date == dt.date(2023, 2, 11) and a.has_text for a in hubei.articles)
    first = hubei.articles[0]
    assert first.title == "习近平回信勉励援中非中国医疗队队员"
    assert first.paragraphs[0].startswith("新华社北京2月10日电 中共中央总书记")
    titles = [a.title for a in hubei.articles]
    assert titles.count("领导干部要保持清醒 自觉抵制违规吃喝") == 1
    assert "东贝电机 产销两旺" in titles  # a headline printed on two lines
    commentary = next(a for a in hubei.articles if a.title.startswith("领导干部要保持清醒"))
    assert commentary.authors == ("湖北日报评论员",)
    assert not commentary.paragraphs[0].startswith("□")
    carbon = next(a for a in hubei.articles if a.page == "3" and a.title == "中碳登喜迎首批“碳客”")
    assert carbon.kicker == "全国碳市场和碳金融中心建设蹄疾步稳"
    assert carbon.authors == ("左晨",)
    review = next(a for a in hubei.articles if a.title.startswith("抗疫三年"))
    assert review.subtitle == "新征程上满怀信心开新局展新貌系列述评之五"


def test_node_2_lists_page_one_and_the_pages(library):
    science = library.issues[1]
    assert [a.title for a in science.articles] == [
        "新时代十年伟大变革奠定坚实基础",
        "开放共享 让大型科研仪器“忙”起来",
        "中国式现代化是中国共产党领导的社会主义现代化",
        "花香春意浓",
        "在纳米级薄膜上，飞秒激光实现全彩色无油墨打印",
    ]
    assert {a.page for a in science.articles} == {"1"}
    assert science.front_matter[:2] == ("第01版：今日要闻", "第02版：综合")
    assert len(science.front_matter) == 8


def test_originals_read_back(library):
    for issue in library.issues:
        for article in issue.articles:
            assert library.original_text(article.id).startswith("<"), article.title
