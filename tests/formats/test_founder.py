"""Founder (方正) e-paper pages: the fixtures in tests/data/founder, damage made in tmp_path."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from reader.formats import load_archive, open_source, pick_importer, read_original
from reader.formats.epaper import founder
from reader.formats.epaper.founder_html import byline_names, decode_page, page_number
from reader.model import Archive, CorruptArchive

DATA = Path(__file__).resolve().parents[1] / "data" / "founder"
DAY = DATA / "html" / "2024-03" / "12"


def page(title: str, body: str, head: str = "") -> str:
    return (
        f"<html><head>{head}</head><body><font id='main-title'>{title}</font>"
        f"<founder-content><!--enpcontent-->{body}<!--/enpcontent--></founder-content>"
        "</body></html>"
    )


@pytest.fixture(scope="module")
def archive() -> Archive:
    return load_archive(open_source(DATA))


def test_pages_and_saved_blocks_make_one_issue_per_paper_and_day(archive):
    assert [(i.publication, i.date, i.source, len(i.articles)) for i in archive.issues] == [
        ("长河日报", dt.date(2024, 3, 12), "html/2024-03/12", 4),
        ("长河日报", dt.date(2024, 3, 13), "saved/articles.txt", 2),
    ]
    assert archive.problems == ()


def test_the_listing_orders_articles_by_page_and_keeps_unsaved_ones_as_headlines(archive):
    issue = archive.issues[0]
    assert [(a.page, a.title, a.has_text) for a in issue.articles] == [
        ("1", "县图书馆延长 开放时间", True),
        ("1", "春耕物资供应充足", True),
        ("1", "长河大桥完成检测", False),  # listed on page 1, its page was not saved
        ("2", "社区食堂开张", True),
    ]
    assert issue.front_matter == ("第01版：要闻", "第02版：综合")
    assert issue.articles[2].source == "html/2024-03/12/node_1.htm"
    assert issue.articles[2].date == dt.date(2024, 3, 12)


def test_caption_fields_and_body_of_a_gbk_page_labelled_gb2312(archive):
    library_page = archive.issues[0].articles[0]
    assert library_page.kicker == "满足读者夜间阅读需求"
    assert library_page.subtitle == "每晚开放至九点"  # the leading dash left out
    assert library_page.authors == ("王小明",)
    assert library_page.date == dt.date(2024, 3, 12)
    assert library_page.paragraphs == (
        "本报讯 从3月12日起，县图书馆每晚开放至九点。",
        "馆长介绍，夜间开放期间提供自习座位",
        "和免费热水。",
    )


def test_enpproperty_alone_gives_title_and_author(archive):
    farming = archive.issues[0].articles[1]
    assert farming.authors == ("李喆",)  # 喆 is GBK, outside GB2312
    assert farming.paragraphs == (
        "全县化肥、种子储备充足，李喆说，价格保持稳定。",
        "农资店延长营业时间。",
    )


def test_a_lead_byline_becomes_the_authors(archive):
    canteen = archive.issues[0].articles[3]
    assert canteen.authors == ("赵敏", "钱进")
    assert canteen.paragraphs == ("东街社区食堂12日开张，老人用餐八折。",)


def test_a_saved_file_of_many_blocks_without_its_repeat(archive):
    saved = archive.issues[1]
    assert [(a.page, a.kicker, a.title) for a in saved.articles] == [
        ("1", "", "河道清淤工程启动"),
        ("3", "植树节前夕", "志愿者种下千棵树"),
    ]
    assert saved.masthead == "长河日报"  # from its copyright line: the blocks have no <title>
    assert saved.articles[0].paragraphs == ("清淤工程13日启动，预计五月完工。", "工程分三段进行。")


def test_original_html(archive):
    source = open_source(DATA)
    issue = archive.issues[0]
    first = read_original(source, issue, issue.articles[0])
    assert first.startswith("<p>\u3000\u3000本报讯")  # between the enpcontent marks
    assert "<strong>夜间开放</strong>\n期间提供自习座位<br>" in first
    marked = read_original(source, issue, issue.articles[1])
    assert marked.startswith("<p>") and marked.endswith("农资店延长营业时间。</p>")
    assert "content_1003.htm" in read_original(source, issue, issue.articles[2])


def test_ids_stay_when_a_missing_page_turns_up(tmp_path):
    shutil.copytree(DATA / "html", tmp_path / "html")
    before = {a.title: a.id for i in load_archive(open_source(tmp_path)).issues for a in i.articles}
    day = tmp_path / "html" / "2024-03" / "12"
    (day / "content_1003.htm").write_text(page("长河大桥完成检测", "<p>检测合格。</p>"))
    after = load_archive(open_source(tmp_path))
    titles = {a.title: a for i in after.issues for a in i.articles}
    assert titles["长河大桥完成检测"].paragraphs == ("检测合格。",)
    assert {t: a.id for t, a in titles.items() if t != "长河大桥完成检测"} == {
        t: i for t, i in before.items() if t != "长河大桥完成检测"
    }


def test_detection_needs_markup_not_a_mention(tmp_path):
    assert pick_importer("html/node_1.htm", (DAY / "node_1.htm").read_bytes()[:4096]) is founder
    assert (
        pick_importer("saved/articles.txt", (DATA / "saved" / "articles.txt").read_bytes())
        is founder
    )
    notes = b"Set: pages with <founder-content><!--enpcontent--> markers, saved by a crawler.\n"
    assert founder.score("NOTES.txt", notes) == 0
    assert founder.score("about.htm", b"<html><body>Hello</body></html>") == 0
    assert founder.score("node_3.html", b"\xef\xbb\xbf<html><head>") == 60


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("content_1.htm", b"", "the file is empty"),
        ("content_2.htm", b"<html><body><p>Page not found</p></body></html>", "no Founder"),
        ("content_3.htm", b"<html>\x00\x01\x02" * 50, "binary"),
        ("node_4.htm", b"<html><body><a href='x.htm'>home</a></body></html>", "no Founder"),
        (
            "content_5.htm",
            b"<html><body><founder-content> </founder-content>"
            b"<a href='content_6.htm'>next article</a></body></html>",
            "no headline and no text",
        ),
    ],
)
def test_pages_without_articles_are_problems(tmp_path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    (tmp_path / "content_9.htm").write_text(page("好文章", "<p>正文。</p>"))
    archive = load_archive(open_source(tmp_path))
    assert [a.title for i in archive.issues for a in i.articles] == ["好文章"]
    assert [p.source for p in archive.problems] == [name]
    assert reason in archive.problems[0].reason


def test_a_page_cut_off_mid_character_keeps_what_it_has(tmp_path):
    data = page("长河大桥完成检测", "<p>检测合格，大桥恢复通行。</p>").encode("gbk")
    cut = data.index("恢复".encode("gbk")) + 1  # inside a two-byte character
    (tmp_path / "content_5.htm").write_bytes(data[:cut])
    archive = load_archive(open_source(tmp_path))
    [article] = archive.issues[0].articles
    assert article.title == "长河大桥完成检测"
    assert article.paragraphs[0].startswith("检测合格，大桥")


def test_blocks_repeated_without_an_article_number_are_kept_once(tmp_path):
    body = "<p>正文。</p>"
    twice = page("重复", body).replace(
        "</body>", f"<founder-content>{body}</founder-content></body>"
    )
    (tmp_path / "content.htm").write_text(twice)
    archive = load_archive(open_source(tmp_path))
    assert [a.title for i in archive.issues for a in i.articles] == ["重复"]


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("<meta charset='gbk'><p>县志</p>".encode("gbk"), "县志"),
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=big5"><p>縣誌</p>'.encode(
                "big5"
            ),
            "縣誌",
        ),
        ("<meta charset='gb2312'><p>县志</p>".encode(), "县志"),  # UTF-8 under a wrong label
        (
            "<meta charset='x-unknown'><p>县志编纂委员会工作报告</p>".encode("gb18030"),
            "县志编纂委员会工作报告",
        ),
        ("\ufeff<p>县志</p>".encode("utf-16-le"), "县志"),
    ],
)
def test_decode_page(data, text):
    assert text in decode_page(data, "page.htm")


def test_decode_page_refuses_empty_files():
    with pytest.raises(CorruptArchive, match="empty"):
        decode_page(b"  \r\n", "page.htm")


def test_byline_names_and_page_numbers():
    assert byline_names("湖北日报全媒记者 戴文辉 通讯员 刘涛") == ("戴文辉", "刘涛")
    assert byline_names("□ 湖北日报评论员") == ("湖北日报评论员",)
    assert byline_names("2023年02月11日") == ()
    assert byline_names("新年伊始，武汉市的大厦迎来新客户") == ()
    assert [page_number(p) for p in ("01", "第03版", "第十二版", "A2")] == ["1", "3", "12", "A2"]


def test_original_of_an_article_gone_from_its_page_is_a_reader_error(tmp_path):
    shutil.copytree(DATA / "html", tmp_path / "html")
    source = open_source(tmp_path)
    issue = load_archive(source).issues[0]
    day = tmp_path / "html" / "2024-03" / "12"
    (day / "node_1.htm").write_text("<html><body><p>改版</p></body></html>")
    (day / "content_1001.htm").write_text("<html><body><p>改版</p></body></html>")
    for article in issue.articles[0], issue.articles[2]:
        with pytest.raises(CorruptArchive, match="no longer"):
            read_original(source, issue, article)
