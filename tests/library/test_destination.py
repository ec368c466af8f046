"""Where an export goes: a missing folder refused, not made; a failure to write said as CannotWrite.

Files written for real in tmp_path. The read-only folder's test skips as root, who writes
anywhere; .ci/run runs it again with those capabilities dropped.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.library import Library
from reader.library.destination import CannotWrite, IntoArchive, saving
from reader.library.export import FORMATS, export, write
from reader.library.export_entries import Entry, entries
from tests.conftest import SAMPLE_ISSUES

SEED_FIRST = "2022-09-19-f6b602d7-01"


@pytest.fixture(scope="module")
def seed() -> Library:
    return Library.open(SAMPLE_ISSUES)


def _out(tmp_path: Path, fmt: str, folder: str) -> Path:
    """Where ``fmt`` goes in ``folder``: a file, a zip, or (text) a folder of files."""
    name = {"csv": "x.csv", "ris": "x.ris", "csl-json": "x.json", "bibtex": "x.bib"}
    return tmp_path / folder / name.get(fmt, "texts")


@pytest.mark.parametrize("fmt", [*FORMATS, "markdown.zip"])
def test_a_folder_that_is_not_there_is_refused_not_made(
    seed: Library, tmp_path: Path, fmt: str
) -> None:
    fmt, _, zipped = fmt.partition(".")
    out = _out(tmp_path, fmt, "typo/deeper")
    out = out.with_suffix(".zip") if zipped else out
    with pytest.raises(CannotWrite) as raised:
        export(seed, entries(seed, [SEED_FIRST]), fmt, out)
    assert str(raised.value) == f"cannot write {out}: the folder {out.parent} does not exist"
    assert list(tmp_path.iterdir()) == []


def test_the_path_is_named_as_given(
    seed: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CannotWrite, match=r"^cannot write typo/x\.csv: the folder typo does not"):
        export(seed, entries(seed, [SEED_FIRST]), "csv", "typo/x.csv")


def test_a_text_export_makes_its_own_folder_only(seed: Library, tmp_path: Path) -> None:
    assert export(seed, entries(seed, [SEED_FIRST]), "text", tmp_path / "texts") == 1
    assert len(list((tmp_path / "texts").iterdir())) == 1


def test_a_file_where_a_folder_is_wanted_and_the_other_way(seed: Library, tmp_path: Path) -> None:
    file = tmp_path / "file"
    file.write_text("kept", encoding="utf-8")
    cases = [
        ("csv", file / "x.csv", f"the folder {file} is a file, not a folder", "folder_is_file"),
        ("text", file, "it is a file, not a folder", "is_file"),
        ("csv", tmp_path, "it is a folder", "is_folder"),
        (
            "markdown",
            tmp_path / "file" / "t.zip",
            f"the folder {file} is a file, not a folder",
            "folder_is_file",
        ),
    ]
    for fmt, out, reason, code in cases:
        with pytest.raises(CannotWrite) as raised:
            export(seed, entries(seed, [SEED_FIRST]), fmt, out)
        assert (raised.value.path, raised.value.reason) == (str(out), reason)
        assert raised.value.code == code  # what the window words in its language
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]
    assert file.read_text(encoding="utf-8") == "kept"


@pytest.mark.parametrize("fmt", ["csv", "markdown.zip", "text"])
def test_a_read_only_folder_is_said_by_the_path_given(
    seed: Library, tmp_path: Path, fmt: str
) -> None:
    fmt, _, zipped = fmt.partition(".")
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    if os.access(locked, os.W_OK, effective_ids=True):
        pytest.skip("root writes into any folder (run it under setpriv without DAC caps)")
    out = _out(tmp_path, fmt, "locked")
    out = out.with_suffix(".zip") if zipped else out
    with pytest.raises(CannotWrite) as raised:
        export(seed, entries(seed, [SEED_FIRST]), fmt, out)
    # The path given, not the temporary file beside it.
    assert str(raised.value) == f"cannot write {out}: Permission denied"
    assert (raised.value.code, raised.value.values) == ("permission_denied", {})
    assert list(locked.iterdir()) == []


def test_a_folder_made_on_the_way_under_a_file_names_the_file(tmp_path: Path) -> None:
    file = tmp_path / "file"
    file.write_text("kept", encoding="utf-8")
    out = file / "deeper" / "x.json"
    # The system says "Not a directory" of a folder that is not there: the file in the way.
    with pytest.raises(CannotWrite) as raised, saving(out):
        out.parent.mkdir(parents=True)
    assert str(raised.value) == f"cannot write {out}: the folder {file} is a file, not a folder"
    assert (raised.value.code, raised.value.values) == ("folder_is_file", {"folder": str(file)})


def test_a_folder_made_on_the_way_that_is_refused_is_named(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    if os.access(locked, os.W_OK, effective_ids=True):
        pytest.skip("root writes into any folder (run it under setpriv without DAC caps)")
    out = locked / "issue-reader" / "x.json"
    with pytest.raises(CannotWrite) as raised, saving(out):
        out.parent.mkdir(parents=True)
    assert raised.value.reason == f"{out.parent}: Permission denied"
    assert (raised.value.code, raised.value.values) == (
        "permission_denied",
        {"where": str(out.parent)},
    )


def test_writing_into_the_archive_is_refused_with_its_own_words(seed: Library) -> None:
    target = SAMPLE_ISSUES / "hits.csv"
    with pytest.raises(IntoArchive) as raised:
        export(seed, entries(seed, [SEED_FIRST]), "csv", target)
    assert str(raised.value) == f"will not write into the archive: {target}"
    assert raised.value.code == "in_archive" and not target.exists()


def test_an_article_that_cannot_be_read_keeps_its_own_error(seed: Library, tmp_path: Path) -> None:
    def failing() -> Iterator[Entry]:
        yield from entries(seed, [SEED_FIRST])
        raise FileNotFoundError(2, "No such file or directory", str(SAMPLE_ISSUES / "gone.txt"))

    with pytest.raises(OSError) as raised:
        write(failing(), "csv", tmp_path / "x.csv")
    assert not isinstance(raised.value, CannotWrite)
    assert raised.value.filename == str(SAMPLE_ISSUES / "gone.txt")
    assert list(tmp_path.iterdir()) == []  # nor is half an export left


def test_cannot_write_survives_pickling() -> None:
    # As any error crossing a process (multiprocessing pickles it), it keeps its reason.
    import pickle

    again = pickle.loads(pickle.dumps(CannotWrite.of("x.csv", "permission_denied")))
    assert (again.path, again.reason, str(again), again.code) == (
        "x.csv",
        "Permission denied",
        "cannot write x.csv: Permission denied",
        "permission_denied",
    )
    inside = pickle.loads(pickle.dumps(IntoArchive("/a/x.csv")))
    assert (type(inside), str(inside)) == (IntoArchive, "will not write into the archive: /a/x.csv")
