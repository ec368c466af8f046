"""``issue-reader kwic``: aligned lines (CJK counted two columns), CSV, JSON, errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.cli.concordance import aligned
from reader.cli.tables import width
from reader.library.concordance_lines import CSV_COLUMNS, ConcordanceLine
from tests.conftest import SAMPLE_ISSUES


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def index_dir(tmp_path: Path) -> str:
    return str(tmp_path / "ix")


def test_lines_line_up_on_the_match(capsys: pytest.CaptureFixture[str], index_dir: str) -> None:
    code, out, err = run(
        capsys, "kwic", str(SAMPLE_ISSUES), "长子", "-w", "6", "--index-dir", index_dir
    )
    assert code == 0, err
    summary, *lines = out.splitlines()
    assert summary == "5 lines in 4 articles."  # one of them from a column
    assert len(lines) == 5
    # The match starts in the same terminal column on every line.
    columns = {width(line[: line.index("  长子  ") + 2]) for line in lines}
    assert len(columns) == 1
    assert all(line.startswith("2022-09-19  ") for line in lines)


def test_alignment_counts_wide_characters_twice() -> None:
    def line(left: str, match: str) -> ConcordanceLine:
        return ConcordanceLine("a", "i", None, "p", "t", left, match, "right", "body", 0, 1)

    rows = aligned((line("中文", "词"), line("abcde", "word")))
    assert rows == ["undated      中文  词    right", "undated     abcde  word  right"]
    assert aligned((line("x", "y"),), bold=True) == ["undated     x  \x1b[1my\x1b[0m  right"]


def test_csv_and_json(capsys: pytest.CaptureFixture[str], index_dir: str) -> None:
    code, out, _err = run(
        capsys,
        "kwic",
        str(SAMPLE_ISSUES),
        "长子",
        "--csv",
        "--sort",
        "left",
        "--index-dir",
        index_dir,
    )
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert tuple(rows[0]) == CSV_COLUMNS and len(rows) == 5
    assert {row["match"] for row in rows} == {"长子"}
    lefts = [row["left"][::-1] for row in rows]
    assert lefts == sorted(lefts)
    code, out, _err = run(
        capsys, "kwic", str(SAMPLE_ISSUES), "长子", "--json", "-w", "3", "--index-dir", index_dir
    )
    data = json.loads(out)
    assert (data["articles"], data["complete"], len(data["lines"])) == (4, True, 5)
    assert all(len(line["left"]) <= 3 and len(line["right"]) <= 3 for line in data["lines"])
    assert all(line["date"] == "2022-09-19" for line in data["lines"])
    # The field and its offsets as search --json names them: the article's text is "text".
    code, out, _err = run(
        capsys, "search", str(SAMPLE_ISSUES), "长子", "--json", "--index-dir", index_dir
    )
    matches = {hit["article_id"]: hit["matches"] for hit in json.loads(out)["hits"]}
    for line in data["lines"]:
        assert [line["start"], line["end"]] in matches[line["article_id"]][line["field"]]
    assert {row["field"] for row in rows} == {"text", "column"}


def test_a_limit_is_said(capsys: pytest.CaptureFixture[str], index_dir: str) -> None:
    code, out, _err = run(
        capsys, "kwic", str(SAMPLE_ISSUES), "长子", "-n", "2", "--index-dir", index_dir
    )
    assert code == 0
    assert out.splitlines()[0] == "The first 2 lines, from 1 of 4 articles (see --limit)."
    code, out, err = run(
        capsys, "kwic", str(SAMPLE_ISSUES), "长子", "-n", "1", "--csv", "--index-dir", index_dir
    )
    assert len(out.splitlines()) == 2 and "The first 1 line," in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-w", "0"], "--width must be 1 to 500"),
        (["-n", "-1"], "--limit must be 0 or more"),
        (['"open'], "quote"),
    ],
)
def test_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], index_dir: str, args: list[str], message: str
) -> None:
    code, out, err = run(
        capsys, "kwic", str(SAMPLE_ISSUES), "长子", *args, "--index-dir", index_dir
    )
    assert code == 1 and out == ""
    assert err.startswith("issue-reader: error:") and message in err and err.count("\n") == 1


def test_a_column_match_gives_a_line_marked_with_its_field(
    capsys: pytest.CaptureFixture[str], index_dir: str
) -> None:
    # The -07 article is found by its column (抓党建促基层治理能力提升·长子行): it is counted,
    # so it gives a line, named as search names the field.
    code, out, err = run(capsys, "kwic", str(SAMPLE_ISSUES), "长子", "--index-dir", index_dir)
    assert code == 0, err
    summary, *lines = out.splitlines()
    assert summary == "5 lines in 4 articles."
    assert sum(line.endswith("[column]") for line in lines) == 1
    code, out, _err = run(
        capsys, "kwic", str(SAMPLE_ISSUES), "长子", "--index-dir", index_dir, "--json"
    )
    found = json.loads(out)
    assert len({line["article_id"] for line in found["lines"]}) == found["articles"] == 4
    column = [line for line in found["lines"] if line["field"] == "column"]
    assert [line["article_id"][-3:] for line in column] == ["-07"]
    assert column[0]["match"] == "长子"
    code, out, _err = run(
        capsys, "kwic", str(SAMPLE_ISSUES), "column:长子", "--index-dir", index_dir, "--csv"
    )
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [row["field"] for row in rows] == ["column"]


def test_a_byline_match_gives_a_line(capsys: pytest.CaptureFixture[str], index_dir: str) -> None:
    code, out, err = run(
        capsys, "kwic", str(SAMPLE_ISSUES), "author:郭强", "--index-dir", index_dir, "--json"
    )
    assert code == 0, err
    found = json.loads(out)
    assert found["articles"] == 1
    assert [(line["field"], line["match"]) for line in found["lines"]] == [("byline", "郭强")]
