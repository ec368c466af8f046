"""One article per file (the People's Daily corpus layout), grouped into issues by date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reader.library import Library
from tests.conftest import shared_path

HEADER = "### {title}\r\n{author}\r\n{date}\r\n第{page}版()\n专栏：{column}\n\n"


def write_article(folder: Path, date: str, title: str, body: str, page: int = 1, **extra: str):
    folder.mkdir(parents=True, exist_ok=True)
    text = HEADER.format(
        title=title,
        author=extra.get("author", ""),
        date=date,
        page=page,
        column=extra.get("column", ""),
    )
    name = f"{date}_{title.replace('  ', '_')}.md"
    (folder / name).write_text(text + body, encoding="utf-8", newline="")


def test_articles_grouped_by_date_in_page_order(tmp_path):
    folder = tmp_path / "1950年01月"
    write_article(folder, "1950-01-02", "第二版文章", "　　正文。\n", page=2, author="王五")
    write_article(
        folder, "1950-01-02", "头版头条  副题在此", "　　头版。\n　　第二段。\r\n", page=1
    )
    write_article(folder, "1950-01-03", "次日文章", "　　次日。\n", page=1, column="读者来信")
    library = Library.open(tmp_path, use_cache=False)
    assert [i.date for i in library.issues] == [dt.date(1950, 1, 2), dt.date(1950, 1, 3)]
    first, second = library.issues[0].articles
    assert (first.title, first.page, first.paragraphs) == (
        "头版头条 副题在此",
        "1",
        ("头版。", "第二段。"),
    )
    assert (second.title, second.page, second.authors) == ("第二版文章", "2", ("王五",))
    assert library.issues[1].articles[0].column == "读者来信"
    assert library.issues[0].publication == "人民日报"
    assert library.problems == ()


def test_month_index_is_not_an_article_and_orders_a_page(tmp_path):
    folder = tmp_path / "example"
    write_article(folder, "1950-01-02", "乙文", "　　乙。\n")
    write_article(folder, "1950-01-02", "甲文", "　　甲。\n")
    index = tmp_path / "dir" / "1950年01月.md"
    index.parent.mkdir()
    index.write_text("### 1950年01月\r\n1950-01-02 乙文\r\n1950-01-02 甲文", encoding="utf-8")
    (issue,) = Library.open(tmp_path, use_cache=False).issues
    assert [a.title for a in issue.articles] == ["乙文", "甲文"]


def test_original_text_is_the_body_as_in_the_file(tmp_path):
    write_article(tmp_path, "1950-01-02", "文章", "　　第一段，\n　　接续。\n")
    library = Library.open(tmp_path, use_cache=False)
    article = library.issues[0].articles[0]
    assert article.paragraphs == ("第一段，接续。",)
    assert library.original_text(article.id) == "　　第一段，\n　　接续。"


def test_repeated_headline_dropped_subtitle_and_set_apart_lines_kept(tmp_path):
    # The corpus layout: the body repeats the headline deck by deck, may carry a subtitle, and
    # sets signatures and dates far to the right; ordinary paragraphs are indented four columns.
    body = (
        "\u3000\u3000春耕开始\n"
        "    各村互助组下地\n"
        "            县委号召抢种\n"
        "    【新华社某地五日电】今年春耕比往年早。\n"
        "    一、准备\n"
        "    农具都修好了，\n"
        "    种子也选好了。\n"
        "     春风吹，\n"
        "     麦苗青，\n"
        "                              某县农会\n"
        "                                            四月五日\n"
    )
    write_article(tmp_path, "1950-04-06", "春耕开始  各村互助组下地", body)
    (article,) = Library.open(tmp_path, use_cache=False).issues[0].articles
    assert (article.title, article.subtitle) == ("春耕开始 各村互助组下地", "县委号召抢种")
    assert article.paragraphs == (
        "【新华社某地五日电】今年春耕比往年早。",
        "一、准备",
        "农具都修好了，种子也选好了。",
        "春风吹，",
        "麦苗青，",
        "某县农会",
        "四月五日",
    )


def test_repeated_byline_dropped_and_a_section_heading_is_no_subtitle(tmp_path):
    body = "\u3000\u3000访问记\n    王五\n            一、出发\n    我们清早出发。\n"
    write_article(tmp_path, "1950-04-06", "访问记", body, author="王五")
    (article,) = Library.open(tmp_path, use_cache=False).issues[0].articles
    assert (article.subtitle, article.authors) == ("", ("王五",))
    assert article.paragraphs == ("一、出发", "我们清早出发。")


def test_body_that_does_not_repeat_the_headline_is_kept_whole(tmp_path):
    # Only whole decks count as the repeated headline: a first sentence that merely begins with
    # the headline's words stays, and without a repeated headline nothing becomes a subtitle.
    write_article(tmp_path, "1950-04-06", "春天", "\u3000\u3000春天来了，大家下地。\n")
    write_article(tmp_path, "1950-04-07", "秋收", "    丰收在望\n    今年收成好。\n")
    first, second = (i.articles[0] for i in Library.open(tmp_path, use_cache=False).issues)
    assert first.paragraphs == ("春天来了，大家下地。",)
    assert (second.subtitle, second.paragraphs) == ("", ("丰收在望", "今年收成好。"))


def test_bad_date_line_is_a_problem(tmp_path):
    write_article(tmp_path, "1950-01-02", "好文", "　　正文。\n")
    write_article(tmp_path, "1950-13-45", "坏文", "　　正文。\n")
    library = Library.open(tmp_path, use_cache=False)
    assert [a.title for a in library.issues[0].articles] == ["好文"]
    assert [p.source for p in library.problems] == ["1950-13-45_坏文.md"]


def test_rmrb_founding_issue_sample():
    library = Library.open(shared_path("samples/rmrb-1946-05-15"), use_cache=False)
    (issue,) = library.issues
    assert issue.date == dt.date(1946, 5, 15)
    assert len(issue.articles) == 38
    assert {a.page for a in issue.articles} == {"1", "2", "3", "4"}
    pages = [int(a.page) for a in issue.articles]
    assert pages == sorted(pages)
    titles = {a.title for a in issue.articles}
    assert "发刊词" in titles
    assert "英勇的四平街保卫战" in titles
    by_title = {a.title: a for a in issue.articles}
    assert by_title["英勇的四平街保卫战"].authors == ("刘白羽",)
    assert by_title["新闻界的祝贺"].column == "新闻界的祝贺"
    assert all(a.has_text for a in issue.articles)
    # The body's repeat of the headline is left out, whatever the decks.
    for article in issue.articles:
        assert not article.paragraphs[0].startswith(article.title.split()[0]), article.title
    first = issue.articles[0]
    assert first.page == "1"
    assert first.paragraphs[0].startswith("【新华社延安十日电】")
    greetings = by_title["新闻界的祝贺"]
    assert greetings.subtitle == "庆祝人民日报创刊"
    assert greetings.paragraphs[0].startswith("正当国民党")
    # Each signature is a paragraph of its own, not run into the next greeting.
    assert "冀南日报社新华社冀南分社全体职工同贺" in greetings.paragraphs
    assert by_title["人民日报发刊志祝"].paragraphs[-2:] == ("杨秀峰", "五月十五日")
    assert "一、毁灭与新生" in by_title["为七百万人民请命"].paragraphs
    # The sample's provenance note is documentation, not a problem.
    assert library.problems == ()
    again = Library.open(shared_path("samples/rmrb-1946-05-15"), use_cache=False)
    assert [a.id for a in again.issues[0].articles] == [a.id for a in issue.articles]
