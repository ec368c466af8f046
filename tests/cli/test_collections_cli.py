"""``issue-reader collections``: the collections listed, one listed, one exported (notes and tags)."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from pathlib import Path

import pytest
import rispy

from reader.cli import main
from reader.library.collections import Store
from tests.library.kept import NAME, NOTES, TITLES, Kept, keep_from_two_archives


@pytest.fixture(autouse=True)
def own_data(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


@pytest.fixture
def kept(tmp_path) -> Kept:
    store = Store()
    try:
        return keep_from_two_archives(tmp_path / "archives", store)
    finally:
        store.close()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_collections_and_one_collections_items_are_listed(capsys, kept):
    code, out, err = run(capsys, "collections", "--json")
    assert code == 0, err
    assert json.loads(out) == [
        {"name": NAME, "items": 3, "archives": 2, "missing": 0},
        {"name": "别的", "items": 1, "archives": 1, "missing": 0},
    ]
    code, out, _err = run(capsys, "collections")
    assert out.splitlines()[0].split() == ["Collection", "Items", "Archives", "Missing"]
    code, out, _err = run(capsys, "collections", NAME, "--json")
    items = json.loads(out)
    assert [i["title"] for i in items] == TITLES and [i["note"] for i in items] == NOTES
    assert items[1]["tags"] == ["能源", "会议"]
    assert items[1]["archive"] == str(kept.seed.resolve())


def test_a_collection_exported_as_ris_to_stdout(capsys, kept):
    code, out, err = run(capsys, "collections", NAME, "--export", "ris")
    assert code == 0 and err == ""
    records = rispy.loads(out)
    assert [r["accession_number"] for r in records] == kept.ids
    assert records[1]["keywords"] == ["能源", "会议"]
    assert records[1]["notes"][0] == "见第二段 另见协调会"


def test_a_moved_archives_items_are_skipped_and_named_on_stderr(capsys, kept, tmp_path):
    shutil.move(kept.weekly, tmp_path / "elsewhere")
    out = tmp_path / "kept.csv"
    code, stdout, err = run(capsys, "collections", NAME, "--export", "csv", "-o", str(out))
    assert code == 0 and stdout == ""
    lines = err.splitlines()
    assert lines[0] == f"1 article written to {out}"
    assert lines[1:] == [
        f"skipped: {kept.weekly.resolve()}: the archive is not there (relink it) ({title})"
        for title in (TITLES[0], TITLES[2])
    ]
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    assert [(r["title"], r["note"], r["tags"]) for r in rows] == [
        (TITLES[1], NOTES[1], "能源; 会议")
    ]


def test_mistakes_are_one_line_errors(capsys, kept, tmp_path):
    code, _out, err = run(capsys, "collections", "没有这个", "--export", "csv")
    assert code == 1 and "no collection named '没有这个'" in err and NAME in err
    code, _out, err = run(capsys, "collections", NAME, "--export", "markdown")
    assert code == 1 and "give --out" in err
    code, _out, err = run(capsys, "collections", NAME, "-o", str(tmp_path / "x.csv"))
    assert code == 1 and "--out needs --export" in err
    code, _out, err = run(capsys, "collections", NAME, "--export", "csv", "-o", str(kept.seed))
    assert code == 1 and "will not write into the archive" in err
    assert not (tmp_path / "x.csv").exists()
    (tmp_path / "file").write_text("", encoding="utf-8")
    out = tmp_path / "file" / "x.csv"
    code, _out, err = run(capsys, "collections", NAME, "--export", "csv", "-o", str(out))
    assert (code, err) == (
        1,
        f"issue-reader: error: cannot write {out}: the folder {out.parent} is a file, not a folder\n",
    )
    typo = tmp_path / "typo" / "x.csv"
    code, _out, err = run(capsys, "collections", NAME, "--export", "csv", "-o", str(typo))
    assert (code, err) == (
        1,
        f"issue-reader: error: cannot write {typo}: the folder {typo.parent} does not exist\n",
    )
    assert not typo.parent.exists()


def test_no_collections_yet(capsys):
    code, out, err = run(capsys, "collections")
    assert (code, out) == (0, "") and "No collections yet" in err


def test_a_moved_archive_is_relinked_from_the_command_line(capsys, kept, tmp_path):
    moved = shutil.move(kept.weekly, tmp_path / "moved")
    code, _out, err = run(capsys, "collections", "--relink", str(kept.weekly), str(tmp_path / "x"))
    assert code == 1 and "there is nothing at" in err
    code, _out, err = run(capsys, "collections", "--relink", str(tmp_path / "x"), str(moved))
    assert code == 1 and "nothing in your collections" in err
    code, out, err = run(capsys, "collections", "--relink", str(kept.weekly), str(moved))
    assert (code, out) == (0, f"2 items now kept from {Path(moved).resolve()}\n"), err
    code, out, err = run(capsys, "collections", NAME, "--export", "csl-json")
    assert code == 0 and err == ""
    assert [item["id"] for item in json.loads(out)] == kept.ids


def test_a_collections_file_that_cannot_be_opened_is_one_line(capsys, tmp_path):
    file = tmp_path / "data" / "issue-reader" / "collections.sqlite"
    file.parent.mkdir(parents=True)
    file.write_text("not a database, but a note someone left here\n", encoding="utf-8")
    code, out, err = run(capsys, "collections")
    assert (code, out) == (1, "")
    assert (
        err
        == f"issue-reader: error: cannot open your collections ({file}): file is not a database\n"
    )


def test_a_data_folder_under_a_file_is_named_in_one_line(capsys, tmp_path, monkeypatch):
    blocking = tmp_path / "file"
    blocking.write_text("kept", encoding="utf-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocking / "data"))
    file = blocking / "data" / "issue-reader" / "collections.sqlite"
    code, out, err = run(capsys, "collections")
    assert (code, out) == (1, "")
    # Not the system's "Not a directory" of a folder that is not there: the file in the way.
    assert err == (
        f"issue-reader: error: cannot open your collections ({file}): "
        f"the folder {blocking} is a file, not a folder\n"
    )


def test_a_read_only_data_folder_names_the_folder_it_could_not_make(capsys, tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir(mode=0o555)
    if os.access(data, os.W_OK, effective_ids=True):
        pytest.skip("root writes into any folder (run it under setpriv without DAC caps)")
    code, out, err = run(capsys, "collections")
    file = data / "issue-reader" / "collections.sqlite"
    assert (code, out) == (1, "")
    assert err == (
        f"issue-reader: error: cannot open your collections ({file}): "
        f"{file.parent}: Permission denied\n"
    )


def test_a_relink_the_collections_file_will_not_take_is_one_line(capsys, kept, tmp_path):
    moved = shutil.move(kept.weekly, tmp_path / "moved")
    file = tmp_path / "data" / "issue-reader" / "collections.sqlite"
    file.chmod(0o444)
    try:
        if os.access(file, os.W_OK, effective_ids=True):
            pytest.skip("root writes any file (run it under setpriv without DAC caps)")
        code, out, err = run(capsys, "collections", "--relink", str(kept.weekly), str(moved))
    finally:
        file.chmod(0o644)
    assert (code, out) == (1, "")
    assert err == (
        f"issue-reader: error: cannot keep the new place in your collections ({file}): "
        "attempt to write a readonly database\n"
    )
