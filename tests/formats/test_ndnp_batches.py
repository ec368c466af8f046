"""NDNP batches read through their batch file: each issue once, copies skipped, missing ones named."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from reader.cli import main
from reader.library import Library
from reader.model import Duplicate

FIXTURE = Path(__file__).parents[1] / "data" / "alto" / "ndnp_batch"
FIRST = "data/sn00000001/print/1901010101/1901010101.xml"
SECOND = "data/sn00000001/print/1901010102/1901010102.xml"
MISSING = "data/sn00000001/print/1901010201/1901010201.xml"


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    """The written fixture batch (two editions listed, one listed issue missing), to change."""
    target = tmp_path / "batch_test_alpha_ver01"
    shutil.copytree(FIXTURE, target)
    return target


def copy_of(folder: Path, name: str, copy: str) -> None:
    shutil.copyfile(folder / name, folder / copy)


def opened(folder: Path) -> Library:
    return Library.open(folder, use_cache=False)


def sources(library: Library) -> list[str]:
    return [i.source for i in library.issues]


def test_copies_of_issue_mets_and_batch_file_are_read_once(batch):
    copy_of(batch, FIRST, FIRST.replace(".xml", "_1.xml"))
    copy_of(batch, SECOND, SECOND.replace(".xml", "_1.xml"))
    copy_of(batch, "data/batch.xml", "data/BATCH_1.xml")
    library = opened(batch)
    assert sources(library) == [FIRST, SECOND]
    assert [(i.date, i.numbers_printed[-1]) for i in library.issues] == [
        (dt.date(1901, 1, 1), "No. 42"),
        (dt.date(1901, 1, 1), "Ed. 2"),
    ]
    assert set(library.duplicates) == {
        Duplicate("data/BATCH_1.xml", "data/batch.xml"),
        Duplicate(FIRST.replace(".xml", "_1.xml"), FIRST),
        Duplicate(SECOND.replace(".xml", "_1.xml"), SECOND),
    }
    # The copies are no problem; the issue the batch names and nobody holds still is one.
    assert [(p.source, p.code) for p in library.problems] == [
        ("data/batch.xml", "batch_issue_missing")
    ]


def test_the_copy_the_batch_file_names_is_preferred(batch):
    # Only the validated batch file is there, and it names the _1 copy of the first issue.
    text = (batch / "data" / "batch.xml").read_text(encoding="utf-8")
    (batch / "data" / "batch.xml").unlink()
    (batch / "data" / "batch_1.xml").write_text(
        text.replace("1901010101.xml", "1901010101_1.xml"), encoding="utf-8"
    )
    copy_of(batch, FIRST, FIRST.replace(".xml", "_1.xml"))
    library = opened(batch)
    assert sources(library) == [FIRST.replace(".xml", "_1.xml"), SECOND]
    assert library.duplicates == (Duplicate(FIRST, FIRST.replace(".xml", "_1.xml")),)


def test_batch_xml_wins_over_its_validated_copy(batch):
    # As delivered by NDNP awardees: batch.xml names x.xml, batch_1.xml names x_1.xml.
    text = (batch / "data" / "batch.xml").read_text(encoding="utf-8")
    (batch / "data" / "batch_1.xml").write_text(
        text.replace("01.xml<", "01_1.xml<").replace("02.xml<", "02_1.xml<"), encoding="utf-8"
    )
    copy_of(batch, FIRST, FIRST.replace(".xml", "_1.xml"))
    copy_of(batch, SECOND, SECOND.replace(".xml", "_1.xml"))
    library = opened(batch)
    assert sources(library) == [FIRST, SECOND]
    assert len(library.duplicates) == 3
    # batch_1.xml names 1901010201_1.xml, missing too: one problem for the one lost issue.
    assert [p.reason for p in library.problems] == [f"lists the issue {MISSING}, which is missing"]


def test_a_missing_listed_file_whose_copy_was_read_is_no_problem(batch):
    text = (batch / "data" / "batch.xml").read_text(encoding="utf-8")
    (batch / "data" / "batch_1.xml").write_text(
        text.replace("1901010201.xml", "1901010201_1.xml"), encoding="utf-8"
    )
    second_day = batch / "data" / "sn00000001" / "print" / "1901010201"
    second_day.mkdir()
    mets = (batch / FIRST).read_text(encoding="utf-8").replace("1901-01-01", "1901-01-02")
    (second_day / "1901010201_1.xml").write_text(mets, encoding="utf-8")
    for page in ("0001.xml", "0002.xml"):
        shutil.copyfile(batch / FIRST.replace("1901010101.xml", page), second_day / page)
    library = opened(batch)
    assert [i.date for i in library.issues] == [dt.date(1901, 1, d) for d in (1, 1, 2)]
    assert sources(library)[-1] == MISSING.replace(".xml", "_1.xml")
    assert library.problems == ()


def test_a_batch_naming_only_missing_files(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "BATCH.xml").write_text(
        '<batch xmlns="http://www.loc.gov/ndnp" name="batch_gone">'
        '<reel reelNumber="0001">sn12345678/0001/0001.xml</reel>'
        '<issue lccn="sn12345678" issueDate="1900-05-06" editionOrder="01">'
        "sn12345678/0001/1900050601/1900050601.xml</issue></batch>",
        encoding="utf-8",
    )
    library = opened(tmp_path)
    assert library.issues == ()
    # The issue is named; a missing reel METS is not: it holds no text to lose.
    assert [(p.source, p.reason) for p in library.problems] == [
        (
            "data/BATCH.xml",
            "lists the issue data/sn12345678/0001/1900050601/1900050601.xml, which is missing",
        )
    ]


def test_copies_without_a_batch_file_are_read_once(batch):
    folder = batch / "data" / "sn00000001" / "print" / "1901010101"
    copy_of(folder, "1901010101.xml", "1901010101_1.xml")
    library = opened(folder)
    assert sources(library) == ["1901010101.xml"]
    assert library.duplicates == (Duplicate("1901010101_1.xml", "1901010101.xml"),)
    assert library.problems == ()


def test_two_editions_of_one_day_are_not_copies(batch):
    library = opened(batch)
    assert len(library.issues) == 2
    assert library.duplicates == ()


def test_problems_command_counts_the_copies_apart(batch, capsys):
    copy_of(batch, FIRST, FIRST.replace(".xml", "_1.xml"))
    copy_of(batch, "data/batch.xml", "data/BATCH_1.xml")
    assert main(["problems", str(batch)]) == 0
    out = capsys.readouterr().out
    assert "lists the issue" in out
    assert out.rstrip().endswith("2 duplicate copies skipped: each issue was read once.")
    assert main(["problems", str(batch), "--json"]) == 0
    assert "duplicate" not in capsys.readouterr().out  # JSON lists problems, and copies are none


def test_the_catalogue_cache_keeps_the_copies(batch, tmp_path):
    copy_of(batch, FIRST, FIRST.replace(".xml", "_1.xml"))
    first = Library.open(batch, cache_root=tmp_path / "cache")
    again = Library.open(batch, cache_root=tmp_path / "cache")
    assert (
        again.duplicates == first.duplicates == (Duplicate(FIRST.replace(".xml", "_1.xml"), FIRST),)
    )
