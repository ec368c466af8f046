"""The command line's JSON and human output, and its one-line errors."""

from __future__ import annotations

import contextlib
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.cli.tables import width

SAMPLES = Path(__file__).parents[2] / "sample_issues"


def run_json(capsys, *argv: str):
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_issues_json(capsys):
    (issue,) = run_json(capsys, "issues", str(SAMPLES))
    assert set(issue) == {"id", "publication", "date", "number", "articles", "source"}
    assert issue["publication"] == "今日长子"
    assert issue["date"] == "2022-09-19"
    assert issue["number"] == "1810"
    assert issue["articles"] == 8
    assert issue["source"] == "000_a5ccaf801afbd13c.txt"


def test_issues_list_publications_without_regard_to_case(tmp_path, capsys):
    # As the window's tree: iptc-… among the Ts, not after every capital.
    names = ["www.xmlteam.com", "UK News Service", "iptc-newsml-g2-examples", "Top UK Stories"]
    for n, name in enumerate(names):
        text = f"# {name}\n\n2022年9月19日\n总1期\n\n## 标题\n\n正文。\n"
        (tmp_path / f"{n}.txt").write_text(text, encoding="utf-8")
    issues = run_json(capsys, "issues", str(tmp_path))
    assert [issue["publication"] for issue in issues] == [
        "iptc-newsml-g2-examples",
        "Top UK Stories",
        "UK News Service",
        "www.xmlteam.com",
    ]


def test_articles_json(capsys):
    (issue,) = run_json(capsys, "issues", str(SAMPLES))
    articles = run_json(capsys, "articles", str(SAMPLES), issue["id"])
    assert len(articles) == 8
    assert set(articles[0]) == {
        "id",
        "title",
        "title_derived",
        "kicker",
        "subtitle",
        "column",
        "authors",
        "page",
    }
    assert articles[0]["authors"] == ["张晓明", "郭强"]
    assert articles[1]["kicker"] == "强在精卫湖康养小镇项目前期策划方案汇报会上强调"
    assert articles[6]["column"] == "抓党建促基层治理能力提升·长子行"


def test_show_json(capsys):
    (issue,) = run_json(capsys, "issues", str(SAMPLES))
    first = run_json(capsys, "articles", str(SAMPLES), issue["id"])[0]
    article = run_json(capsys, "show", str(SAMPLES), first["id"])
    assert article["issue_id"] == issue["id"]
    assert article["publication"] == "今日长子"
    assert article["date"] == "2022-09-19"
    assert article["article_date"] == "2022-09-11"
    assert article["title"] == "我县召开供热工程项目协调会"
    assert any("各级各部门要高度重视" in p for p in article["paragraphs"])
    with_original = run_json(capsys, "show", str(SAMPLES), first["id"], "--original")
    assert "各级各部门要\n\n高度重视" in with_original["original"]


def test_problems_json(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert run_json(capsys, "problems", str(tmp_path)) == [
        {"source": "empty.txt", "code": "empty_file", "reason": "the file is empty"}
    ]
    assert run_json(capsys, "problems", str(SAMPLES)) == []


# An ALTO page cut off inside an attribute: lxml's reason is longer than a table's cell.
CUT_ALTO = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#">'
    '\n<Layout><Page ID="P1" HEIGHT="100" WIDTH="100"><PrintSpace><TextBlock ID="B1"><TextLine>'
    '<String CONTENT="word" HPOS="1'
)
CUT_REASON = "not well-formed XML (damaged or cut off?): AttValue: ' expected, line 3, column 119"


def test_problems_piped_are_whole(tmp_path, capsys):
    (tmp_path / "cut_alto.xml").write_text(CUT_ALTO, encoding="utf-8")
    assert main(["problems", str(tmp_path)]) == 0
    assert capsys.readouterr().out == f"FILE          PROBLEM\ncut_alto.xml  {CUT_REASON}\n"


def test_problems_on_a_terminal_wrap_to_its_width(tmp_path):
    (tmp_path / "cut_alto.xml").write_text(CUT_ALTO, encoding="utf-8")
    ours, theirs = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "reader", "problems", str(tmp_path)],
            stdout=theirs,
            stderr=subprocess.PIPE,
            env={**os.environ, "COLUMNS": "50"},
            check=False,
            timeout=60,
        )
        os.close(theirs)
        shown = b""
        with contextlib.suppress(OSError):  # EIO: the terminal's other end is closed
            while chunk := os.read(ours, 65536):
                shown += chunk
    finally:
        os.close(ours)
    assert done.returncode == 0, done.stderr
    lines = shown.decode("utf-8").replace("\r\n", "\n").splitlines()
    assert lines[0] == "FILE          PROBLEM" and len(lines) > 2
    assert all(len(line) <= 50 for line in lines)
    assert " ".join(line[14:] for line in lines[1:]) == CUT_REASON


def test_human_tables_align_chinese(capsys):
    (issue,) = run_json(capsys, "issues", str(SAMPLES))
    assert main(["articles", str(SAMPLES), issue["id"]]) == 0
    lines = capsys.readouterr().out.splitlines()
    table = lines[lines.index("") + 1 :]
    assert len(table) == 9
    # The AUTHORS column starts at the same display column on every line, whatever the CJK
    # titles before it: the names are the last cell, so measure where they begin.
    header = table[0]
    authors_at = width(header[: header.index("AUTHORS")])
    for line in table[1:3]:
        names = line.rstrip().rsplit("  ", 1)[-1].strip()
        assert width(line[: line.rindex(names)]) == authors_at


def test_show_human_output_of_an_article_without_text(capsys):
    (issue,) = run_json(capsys, "issues", str(SAMPLES))
    last = run_json(capsys, "articles", str(SAMPLES), issue["id"])[-1]
    assert main(["show", str(SAMPLES), last["id"]]) == 0
    out = capsys.readouterr().out
    assert "龙头镇老马沟村" in out
    assert "text of this article was lost" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["articles", str(SAMPLES), "no-such-issue"], "no issue with id"),
        (["show", str(SAMPLES), "no-such-article"], "no article with id"),
        (["issues", "/no/such/folder"], "no such file or folder"),
        (["frobnicate", "x"], "invalid choice"),
        (["issues"], "required"),
    ],
)
def test_errors_are_one_line_and_exit_1(argv, message, capsys):
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_help_exits_0(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "issues" in out
    assert "opens the window" in out


def test_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("issue-reader ")


@pytest.mark.parametrize("wanted", ["2022-09-19", "1810", "总1810期"])
def test_articles_of_an_issue_named_by_its_date_or_number(capsys, wanted):
    articles = run_json(capsys, "articles", str(SAMPLES), wanted)
    assert articles[0]["title"] == "我县召开供热工程项目协调会"


def test_an_ambiguous_date_names_the_matching_issues(tmp_path, capsys):
    seed = next(SAMPLES.glob("*.txt"))
    for name in ("a.txt", "b.txt"):
        text = seed.read_text(encoding="utf-8")
        (tmp_path / name).write_text(text.replace("今日长子", f"报{name[0]}", 1), encoding="utf-8")
    assert main(["articles", str(tmp_path), "2022-09-19"]) == 1
    assert "2 issues match '2022-09-19'; name one by its id" in capsys.readouterr().err


def test_issue_label_words_the_numbers_in_english():
    import datetime as dt

    from reader.cli.output import issue_label
    from reader.model import Issue

    issue = Issue(id="i", publication="p", date=dt.date(2022, 9, 19), number="1810")
    assert issue_label(issue) == "2022-09-19 · No. 1810"
    printed = Issue(id="i", publication="p", date=None, numbers_printed=("总1810期",))
    assert issue_label(printed) == "undated · 总1810期"


def test_an_archive_without_issues_says_so(tmp_path, capsys):
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    assert main(["issues", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out == f"No issue found in {tmp_path}.\n"
