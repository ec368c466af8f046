"""The one-issue-per-text-file format, checked against the seed issue and small fixtures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reader.formats.text import text_issue
from reader.library import Library
from reader.model import ArchiveSettings, CorruptArchive

SEED_TITLES = [
    "我县召开供热工程项目协调会",
    "立足生态优势 深挖文化底蕴 精准发展定位 全力打造精品康养旅游度假区",
    "县政协举办“喜迎二十大 建功新时代”读书分享活动",
    "长治海关为我县企业发展纾困解难",
    "牛浩刚调研抓党建促基层治理能力提升工作",
    "提升工作推进会在我县召开",
    "全县2022年度目标责任考核工作专题会召开",
    "龙头镇老马沟村：菊花基地采摘忙 致富产业助增收",
]


@pytest.fixture(scope="module")
def seed():
    return Library.open(Path(__file__).parents[2] / "sample_issues", use_cache=False)


def test_seed_issue_metadata(seed):
    (issue,) = seed.issues
    assert issue.date == dt.date(2022, 9, 19)
    assert issue.number == "1810"
    assert issue.numbers_printed == ("总1810期",)
    assert issue.masthead == "今日长孑"  # as printed (an OCR misread) ...
    assert issue.publication == "今日长子"  # ... mapped by archive.toml
    assert issue.date == dt.date(2022, 9, 19)
    assert "主办单位：县融媒体中心" in issue.front_matter
    assert seed.problems == ()


def test_seed_articles_in_order(seed):
    assert [a.title for a in seed.issues[0].articles] == SEED_TITLES


def test_seed_bylines_kicker_column(seed):
    articles = seed.issues[0].articles
    assert articles[0].authors == ("张晓明", "郭强")
    assert articles[1].kicker == "强在精卫湖康养小镇项目前期策划方案汇报会上强调"
    assert articles[1].authors == ("刘盼", "泽峰")
    assert articles[2].authors == ("牛婷", "马赛")
    assert articles[5].authors == ("燕慧", "瑞杰", "刘")
    assert articles[6].column == "抓党建促基层治理能力提升·长子行"
    assert articles[6].authors == ()
    assert [a.column for a in articles].count("") == 7
    assert not any("张晓明 郭强" in p for p in articles[0].paragraphs)


def test_seed_dateline_dates(seed):
    articles = seed.issues[0].articles
    assert articles[0].date == dt.date(2022, 9, 11)
    assert articles[1].date == dt.date(2022, 9, 17)
    assert articles[2].date == dt.date(2022, 9, 15)  # 本报讯 金秋丰收日，读书正当时。9月15日
    assert articles[7].date is None


def test_seed_lead_read_last_is_put_first(seed):
    # OCR read the lead column of the second article after its byline.
    paragraphs = seed.issues[0].articles[1].paragraphs
    assert paragraphs[0].startswith("本报讯 9月17日")
    assert paragraphs[-1].startswith("郭强指出，康养产业")


def test_seed_article_without_text_is_kept(seed):
    last = seed.issues[0].articles[-1]
    assert not last.has_text
    assert last.paragraphs == ()
    assert seed.original_text(last.id) == ""


def test_seed_paragraph_broken_by_column_is_joined(seed):
    first = seed.issues[0].articles[0]
    joined = next(p for p in first.paragraphs if "各级各部门要" in p)
    assert "各级各部门要高度重视，密切配合" in joined
    assert len(first.paragraphs) == 4
    original = seed.original_text(first.id)
    assert "各级各部门要\n\n高度重视" in original  # the file's own text is unchanged


def test_seed_ids_stable_across_reopen(seed):
    again = Library.open(seed.root, use_cache=False)
    assert [a.id for a in again.issues[0].articles] == [a.id for a in seed.issues[0].articles]
    assert seed.issues[0].articles[0].id == f"{seed.issues[0].id}-01"


def test_seed_without_settings_uses_masthead(tmp_path, seed_file):
    (tmp_path / "issue.txt").write_bytes(seed_file.read_bytes())
    (issue,) = Library.open(tmp_path, use_cache=False).issues
    assert issue.publication == "今日长孑"


def parse(text: str, name: str = "x.md"):
    return text_issue.parse_issue(text.encode("utf-8"), name, ArchiveSettings())


def test_english_date_and_numbers():
    issue = parse("# The Weekly\n\nSeptember 19, 2022\nNo. 45\n\n## Title\n\nBody.\n")
    assert issue.date == dt.date(2022, 9, 19)
    assert issue.number == "45"
    assert issue.publication == "The Weekly"


def test_iso_date_and_issue_number_kind():
    issue = parse("# 日报\n\n2021-03-04\n第12期 总345期\n\n## 标题\n\n正文。\n")
    assert issue.date == dt.date(2021, 3, 4)
    assert issue.number == "345"
    assert issue.numbers_printed == ("总345期", "第12期")


def test_date_from_file_name_when_front_matter_has_none():
    issue = parse("# 日报\n\n## 标题\n\n正文。\n", name="2019/05/2019-05-06.md")
    assert issue.date == dt.date(2019, 5, 6)


def test_page_marks_and_subtitle():
    issue = parse(
        "# 日报\n2021年1月2日\n\n第2版\n\n## 主标题\n\n### 副标题\n\n正文一。\n\n"
        "## 另一篇\n\n——记一位老党员\n\n正文二。\n"
    )
    first, second = issue.articles
    assert (first.page, first.subtitle) == ("2", "副标题")
    assert (second.page, second.subtitle) == ("2", "记一位老党员")
    assert second.paragraphs == ("正文二。",)


def test_column_label_applies_to_the_next_article_only():
    issue = parse("# 日报\n\n## 栏目\n\n## 第一篇\n\n正文。\n\n## 第二篇\n\n正文。\n")
    assert [(a.title, a.column) for a in issue.articles] == [("第一篇", "栏目"), ("第二篇", "")]


def test_role_words_in_byline_and_december_dateline_in_january_issue():
    issue = parse(
        "# 日报\n2023年1月3日\n\n## 标题\n\n本报讯 12月30日，正文。\n\n记者 王小明 李华\n"
    )
    (article,) = issue.articles
    assert article.authors == ("王小明", "李华")
    assert article.date == dt.date(2022, 12, 30)


def test_prose_last_line_is_not_a_byline():
    issue = parse("# 日报\n\n## 标题\n\n正文。\n\n会议结束了\n")
    assert issue.articles[0].authors == ()


def test_consecutive_lines_are_one_paragraph():
    issue = parse("# 日报\n\n## Title\n\nA line broken by\nthe OCR, and a hyphen-\nated word.\n")
    assert issue.articles[0].paragraphs == ("A line broken by the OCR, and a hyphenated word.",)


def test_no_articles_is_an_error():
    with pytest.raises(CorruptArchive, match="no articles"):
        parse("# Just a masthead\n\nNothing else.\n")
