"""Standalone NITF files: tests/data/newsml/nitf, and encodings and damage generated in tmp_path."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from lxml import etree

from reader.formats import load_archive, open_source, pick_importer, read_original
from reader.formats.newsml import nitf
from reader.model import Archive

NITF = Path(__file__).resolve().parents[1] / "data" / "newsml" / "nitf"
STORY = """<nitf><head><pubdata name="{paper}" date.publication="20240315" position.sequence="2"/>
</head><body><body.head><hedline><hl1>{title}</hl1></hedline>
<byline>{byline}</byline></body.head>
<body.content><p>{text}</p></body.content></body></nitf>"""


def story(title: str, text: str, paper: str = "长河日报", byline: str = "王小明") -> str:
    return STORY.format(title=title, text=text, paper=paper, byline=byline)


@pytest.fixture(scope="module")
def archive() -> Archive:
    return load_archive(open_source(NITF))


def test_one_issue_per_paper_date_and_edition_in_page_order(archive):
    assert [(i.publication, i.date, i.format) for i in archive.issues] == [
        ("Riverside Courier", dt.date(2024, 3, 14), "nitf")
    ]
    assert [(a.page, a.title) for a in archive.issues[0].articles] == [
        ("1", "Ferry returns to the island route"),
        ("2", "Council approves budget"),
    ]
    assert archive.problems == ()


def test_headlines_bylines_and_sections(archive):
    ferry, council = archive.issues[0].articles
    assert ferry.subtitle == "Two crossings a day until May"
    assert ferry.authors == ("Sam Okoro",)
    # The dateline already opens the text, so it is not repeated.
    assert ferry.paragraphs == (
        "ISLEHAVEN (Courier) - The ferry to the island sailed again on Wednesday.",
    )
    assert council.authors == ("Jo March",)  # "By", the comma and the job title left out
    assert (council.column, council.language) == ("Politics", "en")
    assert len(council.paragraphs) == 2


def test_editions_of_one_day_are_separate_issues(tmp_path):
    for edition in ("Early", "Late"):
        text = (NITF / "courier-20240314-council.xml").read_text().replace("Late", edition)
        (tmp_path / f"{edition}.xml").write_text(text)
    archive = load_archive(open_source(tmp_path))
    assert len(archive.issues) == 2
    assert len({i.id for i in archive.issues}) == 2


def test_original_is_the_body_content(archive):
    source = open_source(NITF)
    issue = archive.issues[0]
    original = read_original(source, issue, issue.articles[1])
    assert original.startswith("<body.content>")
    assert "seven votes to four" in original


@pytest.mark.parametrize(
    ("encoding", "title", "text", "paper"),
    [
        ("gb18030", "县图书馆延长开放时间", "从三月起，县图书馆每晚开放至九点。", "长河日报"),
        ("big5", "縣圖書館延長開放時間", "從三月起，縣圖書館每晚開放至九點。", "長河日報"),
    ],
)
def test_a_file_without_its_encoding_declared_is_decoded_by_detection(
    tmp_path, encoding, title, text, paper
):
    data = story(title, text, paper).encode(encoding)  # no declaration: XML says UTF-8
    (tmp_path / "story.xml").write_bytes(data)
    archive = load_archive(open_source(tmp_path))
    assert archive.problems == ()
    [issue] = archive.issues
    assert issue.publication == paper
    [article] = issue.articles
    assert (article.title, article.paragraphs, article.authors) == (title, (text,), ("王小明",))


def test_a_file_declaring_the_wrong_encoding_is_decoded_by_detection(tmp_path):
    data = b'<?xml version="1.0" encoding="UTF-8"?>\n' + story(
        "夜校招生", "夜校开设书法课。"
    ).encode("gb18030")
    (tmp_path / "story.xml").write_bytes(data)
    archive = load_archive(open_source(tmp_path))
    assert [a.title for a in archive.issues[0].articles] == ["夜校招生"]


def test_a_declared_legacy_encoding_is_honoured(tmp_path):
    text = story("Café reopens", "Crème brûlée is back.", "Courier", "By Zoë Brûlé")
    data = b'<?xml version="1.0" encoding="ISO-8859-1"?>\n' + text.encode("latin-1")
    (tmp_path / "story.xml").write_bytes(data)
    [article] = load_archive(open_source(tmp_path)).issues[0].articles
    assert article.paragraphs == ("Crème brûlée is back.",)
    assert article.authors == ("Zoë Brûlé",)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"<nitf><body><body.head><hedline><hl1>Cut off", "not well-formed XML"),
        (b"<nitf><head/><body/></nitf>", "no headline and no text"),
        (b"<nitf>" + b"\x00" * 40, "not well-formed XML"),
        ("<nitf><body><p>县志".encode("gbk"), "character encoding"),  # wrong encoding, and cut
    ],
)
def test_damaged_files_are_problems(tmp_path, content, reason):
    (tmp_path / "good.xml").write_bytes((NITF / "courier-20240314-ferry.xml").read_bytes())
    (tmp_path / "bad.xml").write_bytes(content)
    archive = load_archive(open_source(tmp_path))
    assert [a.title for i in archive.issues for a in i.articles] == [
        "Ferry returns to the island route"
    ]
    [problem] = archive.problems
    assert problem.source == "bad.xml"
    assert reason in problem.reason


def test_byline_names():
    def names(xml: str) -> tuple[str, ...]:
        return nitf.byline_names(etree.fromstring(xml))

    assert names("<byline>By Ann Lee and Bo Chan</byline>") == ("Ann Lee", "Bo Chan")
    assert names("<byline>Von Eva Roth; Tim Berg</byline>") == ("Eva Roth", "Tim Berg")
    assert names("<byline><byttl>Wire Service</byttl></byline>") == ("Wire Service",)
    assert names("<byline>By <person>Kim Park</person>, <byttl>Editor</byttl></byline>") == (
        "Kim Park",
    )


def test_scores():
    head = (NITF / "courier-20240314-council.xml").read_bytes()[:4096]
    assert pick_importer("a.xml", head) is nitf
    assert nitf.score("a.xml", b'<!DOCTYPE nitf SYSTEM "nitf.dtd"><nitf/>') == 85
    assert nitf.score("a.xml", b"<newsItem/>") == 0
    assert nitf.score("a.txt", b"nitf") == 0
