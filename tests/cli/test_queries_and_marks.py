"""``search``: queries that start with ``-``, matches marked (bold, ``[…]``), matched fields in JSON."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.cli.parser import build_parser
from tests.conftest import SAMPLE_ISSUES

README = Path(__file__).parents[2] / "README.md"
BOLD, PLAIN = "\x1b[1m", "\x1b[0m"
# 𠮷 lies beyond the BMP: one code point, two UTF-16 units, four UTF-8 bytes.
ISSUE = """# 测试周报

2023年3月6日
总7期

## 𠮷田访问海关

𠮷田一行走访海关。

第二段，供热不提。

王小明 𠮷田

## 供热通知

本报讯 供热从下周开始。
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


class _Terminal(io.StringIO):
    """A stdout that says it is a terminal, as a real one would."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def ix(tmp_path: Path) -> str:
    return str(tmp_path / "ix")


@pytest.fixture
def small(tmp_path: Path) -> Path:
    folder = tmp_path / "small"
    folder.mkdir()
    (folder / "2023-03-06.md").write_text(ISSUE, encoding="utf-8")
    return folder


def total(capsys: pytest.CaptureFixture[str], *argv: str) -> int:
    code, out, err = run(capsys, "search", *argv, "--json")
    assert code == 0, err
    return int(json.loads(out)["total"])


def test_a_query_may_start_with_a_dash(capsys: pytest.CaptureFixture[str], ix: str) -> None:
    path = str(SAMPLE_ISSUES)
    assert total(capsys, path, "郭强", "--index-dir", ix) == 3
    assert total(capsys, path, "郭强 -供热", "--index-dir", ix) == 2
    code, out, err = run(capsys, "search", path, "-供热", "郭强", "--index-dir", ix)
    assert (code, err) == (0, "") and out.startswith("2 articles found.")
    code, out, _ = run(capsys, "search", "--json", "--index-dir", ix, path, "--", "-供热", "郭强")
    assert code == 0 and json.loads(out)["total"] == 2
    assert total(capsys, "--index-dir", ix, path, "-供热", "郭强") == 2
    assert total(capsys, path, "-郭强", "--index-dir", ix) == 5


@pytest.mark.parametrize(
    "argv",
    [
        ["-供热", "郭强", "--json", "-n", "1"],
        ["--json", "-n1", "-供热", "郭强"],
        ["-供热", "--limit=1", "郭强", "--json"],
        ["-供热", "--lim", "1", "--sort", "newest", "郭强", "--json"],
        ["--sort=oldest", "-供热", "--json", "郭强", "-n", "1"],
    ],
)
def test_dash_words_mix_with_every_option(
    capsys: pytest.CaptureFixture[str], ix: str, argv: list[str]
) -> None:
    code, out, err = run(capsys, "search", str(SAMPLE_ISSUES), *argv, "--index-dir", ix)
    assert code == 0, err
    data = json.loads(out)
    assert data["total"] == 2 and len(data["hits"]) == 1
    assert "郭强" in data["hits"][0]["snippet"] and "供热" not in data["hits"][0]["snippet"]


def test_real_options_keep_their_errors(capsys: pytest.CaptureFixture[str], ix: str) -> None:
    path = str(SAMPLE_ISSUES)
    code, out, err = run(capsys, "search", path, "-供热", "--jsn", "--index-dir", ix)
    assert code == 1 and out == "" and "unrecognized arguments: --jsn" in err
    code, _, err = run(capsys, "search", path, "-供热", "--limit")
    assert code == 1 and "expected one argument" in err and err.count("\n") == 1
    code, _, err = run(capsys, "search", path, "-供热", "-n", "-1", "--index-dir", ix)
    assert code == 1 and "--limit must be 0 or more" in err
    code, _, err = run(capsys, "search", path, "--sort", "random", "-供热")
    assert code == 1 and "invalid choice" in err
    code, _, err = run(capsys, "search", path)
    assert code == 1 and "QUERY" in err
    # After --, an option's spelling is a word of the query (nothing has it).
    code, out, _ = run(capsys, "search", path, "--index-dir", ix, "--", "海关", "--json")
    assert code == 0 and out == "0 articles found.\n"
    assert run(capsys, "search", path, "-供热", "-h")[0] == 0


def test_the_parser_reads_dash_words_for_every_archive_command() -> None:
    parser = build_parser()
    args = parser.parse_args(["search", "P", "-供热", "-1", "海关", "-n", "3"])
    assert (args.path, args.query, args.limit) == ("P", ["-供热", "-1", "海关"], 3)
    args = parser.parse_args(["articles", "--json", "P", "-12"])
    assert (args.path, args.issue_id, args.json) == ("P", "-12", True)
    args = parser.parse_args(["show", "P", "-x", "--original"])
    assert (args.article_id, args.original) == ("-x", True)


def test_piped_output_marks_matches_in_brackets(
    capsys: pytest.CaptureFixture[str], ix: str
) -> None:
    code, out, _ = run(capsys, "search", str(SAMPLE_ISSUES), "供热", "--index-dir", ix)
    assert code == 0 and BOLD not in out
    assert "1. 我县召开[供热]工程项目协调会\n" in out
    assert "   matches in: title, text\n" in out
    assert "召开[供热]工程项目协调会，县委书记郭强" in out
    code, out, _ = run(capsys, "search", str(SAMPLE_ISSUES), "publication:长子", "--index-dir", ix)
    assert "   今日[长子] · 2022-09-19 · " in out and "matches in: publication\n" in out


def test_a_terminal_gets_bold(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, ix: str
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    assert main(["search", str(SAMPLE_ISSUES), "供热", "--index-dir", ix]) == 0
    out = terminal.getvalue()
    assert f"1. 我县召开{BOLD}供热{PLAIN}工程项目协调会\n" in out
    assert "[供热]" not in out
    monkeypatch.setenv("NO_COLOR", "1")  # https://no-color.org: any value but "" turns it off
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    assert main(["search", str(SAMPLE_ISSUES), "供热", "--index-dir", ix]) == 0
    assert BOLD not in terminal.getvalue() and "[供热]" in terminal.getvalue()


def test_a_reporters_name_is_marked_in_the_byline(
    capsys: pytest.CaptureFixture[str], ix: str
) -> None:
    code, out, _ = run(capsys, "search", str(SAMPLE_ISSUES), "author:郭强", "--index-dir", ix)
    assert code == 0 and out.startswith("1 article found.")
    assert "   matches in: byline\n" in out
    assert "   by 张晓明 [郭强]\n" in out
    assert "郭强]出席" not in out  # author: looks in the byline only, not the text
    code, out, _ = run(capsys, "search", str(SAMPLE_ISSUES), "郭强", "--index-dir", ix)
    first = out.split("\n\n")[1]
    assert "matches in: byline, text" in first and "by 张晓明 [郭强]" in first
    assert "县委书记[郭强]出席" in first


def test_a_matched_column_is_shown(capsys: pytest.CaptureFixture[str], ix: str) -> None:
    code, out, _ = run(capsys, "search", str(SAMPLE_ISSUES), "column:长子行", "--index-dir", ix)
    assert code == 0
    assert "   matches in: column\n" in out
    assert "   column: 抓党建促基层治理能力提升·[长子行]\n" in out


def test_json_spans_per_field_in_code_points(
    capsys: pytest.CaptureFixture[str], small: Path, ix: str
) -> None:
    code, out, err = run(capsys, "search", str(small), "𠮷田", "--json", "--index-dir", ix)
    assert code == 0, err
    (hit,) = json.loads(out)["hits"]
    assert hit["matched_fields"] == ["title", "byline", "text"]
    assert hit["byline"] == "王小明 𠮷田"
    assert hit["matches"]["title"] == [[0, 2]]  # 𠮷 is one code point
    assert hit["matches"]["byline"] == [[4, 6]]
    shown = run(capsys, "show", str(small), hit["article_id"], "--json")[1]
    text = "\n\n".join(json.loads(shown)["paragraphs"])
    spans = hit["matches"]["text"]
    assert spans == [[0, 2]]
    assert [text[a:b] for a, b in spans] == ["𠮷田"]
    for name in ("title", "byline"):
        assert [hit[name][a:b] for a, b in hit["matches"][name]] == ["𠮷田"]


def test_json_text_spans_index_the_whole_article(
    capsys: pytest.CaptureFixture[str], ix: str
) -> None:
    code, out, _ = run(capsys, "search", str(SAMPLE_ISSUES), "供热", "--json", "--index-dir", ix)
    assert code == 0
    (hit,) = json.loads(out)["hits"]
    shown = run(capsys, "show", str(SAMPLE_ISSUES), hit["article_id"], "--json")[1]
    text = "\n\n".join(json.loads(shown)["paragraphs"])
    spans = hit["matches"]["text"]
    assert len(spans) == text.count("供热") > 3
    assert {text[a:b] for a, b in spans} == {"供热"}
    assert hit["matches"]["title"] == [[4, 6]] and "byline" not in hit["matches"]


def test_every_field_an_error_names_is_in_the_readme(
    capsys: pytest.CaptureFixture[str], ix: str
) -> None:
    code, _, err = run(capsys, "search", str(SAMPLE_ISSUES), "autor:郭强", "--index-dir", ix)
    assert code == 1
    named = re.search(r"the fields are ([^)]*)\)", err)
    assert named is not None, err
    fields = [name.strip() for name in named.group(1).split(",")]
    assert len(fields) >= 7 and "number:" in fields
    readme = README.read_text(encoding="utf-8")
    paragraph = readme[readme.index("The query language:") :].split("\n\n")[0]
    for name in fields:
        assert f"`{name}" in paragraph, name


@pytest.mark.parametrize(
    "argv",
    [
        ["search", "P", "-供热", "海关", "-n", "3", "--no-wait", "--json"],
        ["articles", "--json", "P", "-12"],
        ["kwic", "P", "县委", "--csv", "-w", "9"],
        ["export", "P", "q", "-f", "ris", "-o", "out.ris"],
        ["cite", "P", "id", "--style", "chicago"],
        ["alias", "P", "长子", "今日长子"],
        ["collections", "kept", "--export", "csv"],
        ["page", "P", "id", "--page", "2", "--png", "x.png"],
        ["verify", "P", "--strict"],
        ["install-desktop", "--json"],
    ],
)
def test_a_command_parses_alike_with_only_its_own_arguments_built(argv: list[str]) -> None:
    assert build_parser({argv[0]}).parse_args(argv) == build_parser().parse_args(argv)


def test_the_overview_is_the_same_without_the_commands_arguments() -> None:
    assert build_parser(set()).format_help() == build_parser().format_help()
