"""``issue-reader export`` (every format, stdout or a file, --limit) and ``issue-reader cite``."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import zipfile
from pathlib import Path

import bibtexparser
import pytest
import rispy

from reader.cli import main
from tests.conftest import SAMPLE_ISSUES
from tests.generator.generate import generate

SEED_FIRST = "2022-09-19-f6b602d7-01"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def index_dir(tmp_path: Path) -> str:
    return str(tmp_path / "ix")


def test_ris_to_stdout(capsys: pytest.CaptureFixture[str], index_dir: str) -> None:
    code, out, err = run(
        capsys, "export", str(SAMPLE_ISSUES), "供热", "--format", "ris", "--index-dir", index_dir
    )
    assert code == 0, err
    (record,) = rispy.loads(out)
    assert record["title"] == "我县召开供热工程项目协调会"
    assert record["authors"] == ["张晓明", "郭强"]
    assert record["secondary_title"] == "今日长子"


def test_every_hit_by_default_and_limit(capsys: pytest.CaptureFixture[str], index_dir: str) -> None:
    args = ("export", str(SAMPLE_ISSUES), "县", "-f", "csl-json", "--index-dir", index_dir)
    code, out, _err = run(capsys, *args, "--sort", "oldest")
    assert code == 0
    every = [item["id"] for item in json.loads(out)]
    assert len(every) == 7  # every hit the search finds, not a page of them
    code, out, _err = run(capsys, *args, "--sort", "oldest", "--limit", "2")
    assert [item["id"] for item in json.loads(out)] == every[:2]


def test_csv_and_bibtex_files(
    capsys: pytest.CaptureFixture[str], index_dir: str, tmp_path: Path
) -> None:
    out = tmp_path / "hits.csv"
    code, stdout, err = run(
        capsys, "export", str(SAMPLE_ISSUES), "供热", "--out", str(out), "--index-dir", index_dir
    )
    assert code == 0 and stdout == ""
    assert err.strip() == f"1 article written to {out}"
    (row,) = csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline=""))
    assert row["id"] == SEED_FIRST and "供热" in row["passage"]
    bib = tmp_path / "hits.bib"
    code, _out, _err = run(
        capsys,
        "export",
        str(SAMPLE_ISSUES),
        "供热",
        "-f",
        "bibtex",
        "-o",
        str(bib),
        "--index-dir",
        index_dir,
    )
    assert code == 0
    (entry,) = bibtexparser.parse_string(bib.read_text(encoding="utf-8")).entries
    assert entry.fields_dict["journal"].value == "今日长子"


def test_markdown_zip(capsys: pytest.CaptureFixture[str], index_dir: str, tmp_path: Path) -> None:
    out = tmp_path / "texts.zip"
    code, _out, err = run(
        capsys,
        "export",
        str(SAMPLE_ISSUES),
        "县",
        "-f",
        "markdown",
        "-o",
        str(out),
        "--index-dir",
        index_dir,
    )
    assert code == 0, err
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
    assert len(names) == 7 and all(n.endswith(".md") for n in names)


def test_text_needs_an_out(capsys: pytest.CaptureFixture[str], index_dir: str) -> None:
    code, out, err = run(
        capsys, "export", str(SAMPLE_ISSUES), "县", "-f", "text", "--index-dir", index_dir
    )
    assert code == 1 and out == ""
    assert err.strip() == "issue-reader: error: --format text writes a folder or a .zip: give --out"


def test_never_into_the_archive(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "seed.txt").write_bytes(next(SAMPLE_ISSUES.glob("*.txt")).read_bytes())
    code, _out, err = run(
        capsys,
        "export",
        str(archive),
        "县",
        "-o",
        str(archive / "x.csv"),
        "--index-dir",
        str(tmp_path / "ix"),
    )
    assert code == 1 and "will not write into the archive" in err
    assert sorted(p.name for p in archive.iterdir()) == ["seed.txt"]


def test_a_file_that_cannot_be_written_is_one_line(
    capsys: pytest.CaptureFixture[str], index_dir: str, tmp_path: Path
) -> None:
    code, stdout, err = run(
        capsys, "export", str(SAMPLE_ISSUES), "供热", "-o", str(tmp_path), "--index-dir", index_dir
    )
    assert (code, stdout) == (1, "")
    assert err == f"issue-reader: error: cannot write {tmp_path}: it is a folder\n"


def test_a_folder_that_is_not_there_is_one_line_before_any_work(
    capsys: pytest.CaptureFixture[str], index_dir: str, tmp_path: Path
) -> None:
    for fmt, out in (("csv", "typo/x.csv"), ("text", "typo/texts"), ("markdown", "typo/t.zip")):
        target = tmp_path / out
        code, stdout, err = run(
            capsys,
            "export",
            str(SAMPLE_ISSUES),
            "供热",
            "-f",
            fmt,
            "-o",
            str(target),
            "--index-dir",
            index_dir,
        )
        assert (code, stdout) == (1, "")
        assert err == (
            f"issue-reader: error: cannot write {target}: "
            f"the folder {target.parent} does not exist\n"
        )
    # Nothing made: neither the folder nor (said before it was built) the index.
    assert list(tmp_path.iterdir()) == []


def test_a_read_only_folder_is_one_line_naming_the_path_typed(
    capsys: pytest.CaptureFixture[str],
    index_dir: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    if os.access(locked, os.W_OK, effective_ids=True):
        pytest.skip("root writes into any folder (run it under setpriv without DAC caps)")
    monkeypatch.chdir(tmp_path)
    for fmt, out in (
        ("csv", "locked/x.csv"),
        ("text", "locked/texts"),
        ("markdown", "locked/t.zip"),
    ):
        code, _out, err = run(
            capsys,
            "export",
            str(SAMPLE_ISSUES),
            "供热",
            "-f",
            fmt,
            "-o",
            out,
            "--index-dir",
            index_dir,
        )
        # The path typed, not the temporary file beside it.
        assert (code, err) == (1, f"issue-reader: error: cannot write {out}: Permission denied\n")
    assert list(locked.iterdir()) == []


def test_cite(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "cite", str(SAMPLE_ISSUES), SEED_FIRST)
    assert (code, out) == (
        0,
        "张晓明, 郭强. 我县召开供热工程项目协调会[N]. 今日长子, 2022-09-19.\n",
    )
    code, out, _err = run(capsys, "cite", str(SAMPLE_ISSUES), SEED_FIRST, "--style", "chicago")
    assert out == "张晓明 and 郭强. “我县召开供热工程项目协调会.” 今日长子, September 19, 2022.\n"
    code, out, err = run(capsys, "cite", str(SAMPLE_ISSUES), "nope")
    assert code == 1 and out == "" and err.startswith("issue-reader: error:")
    # A wrong choice points to the command's own help, which lists the choices.
    code, out, err = run(capsys, "cite", str(SAMPLE_ISSUES), SEED_FIRST, "--style", "apa")
    assert code != 0 and out == ""
    assert "'apa'" in err and err.rstrip().endswith("(see 'issue-reader cite --help')")


def test_several_archives_as_one_search(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # where the indexes go
    first, second = tmp_path / "甲", tmp_path / "乙"
    shutil.copytree(SAMPLE_ISSUES, first)
    generate(second, issues=8, articles=5, seed=3)
    totals = []
    for root in (first, second):
        code, out, err = run(capsys, "search", str(root), "县", "--json", "-n", "0")
        assert code == 0, err
        totals.append(json.loads(out)["total"])
    assert all(totals)
    out_file = tmp_path / "out" / "hits.csv"
    out_file.parent.mkdir()
    code, out, err = run(
        capsys, "export", str(first), str(second), "县", "--sort", "oldest", "-o", str(out_file)
    )
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out_file.read_text("utf-8-sig"), newline="")))
    assert len(rows) == sum(totals)
    # Each hit is its own archive's, read from there; the oldest first over both.
    assert {row["archive"] for row in rows} == {"甲", "乙"}
    assert all(row["file"].startswith(str(tmp_path / row["archive"])) for row in rows)
    assert [row["date"] for row in rows] == sorted(row["date"] for row in rows)
    # The same as RIS to stdout, at most five; never into either archive.
    code, out, _err = run(capsys, "export", str(first), str(second), "县", "-f", "ris", "-n", "5")
    assert code == 0 and len(rispy.loads(out)) == 5
    code, _out, err = run(
        capsys, "export", str(first), str(second), "县", "-o", str(second / "hits.csv")
    )
    assert code == 1 and "will not write into the archive" in err
