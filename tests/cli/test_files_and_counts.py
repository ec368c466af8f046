"""A file and its folder keep apart indexes; counts are worded right; a file that is no issue fails."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from reader.cli import main
from reader.cli.output import counted
from tests.conftest import SAMPLE_ISSUES

ONE_ARTICLE = "# 测试周报\n\n2023年3月6日\n总7期\n\n## 供热通知\n\n本报讯 供热从下周开始。\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The per-user cache (where the indexes go), kept inside the test's folder."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder


def index_line(capsys: pytest.CaptureFixture[str], path: Path) -> tuple[str, Path]:
    code, out, err = run(capsys, "index", str(path))
    assert code == 0, err
    what, _, where = out.strip().rpartition(": ")
    return what, Path(where)


def test_a_file_and_its_folder_never_share_an_index(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, cache: Path
) -> None:
    folder = tmp_path / "archive"
    shutil.copytree(SAMPLE_ISSUES, folder)
    (folder / "2023-03-06.md").write_text(ONE_ARTICLE, encoding="utf-8")
    issue = next(folder.glob("*.txt"))

    done, file_index = index_line(capsys, issue)
    assert done.startswith("Index built: 8 articles in ")
    done, folder_index = index_line(capsys, folder)
    assert done.startswith("Index built: 9 articles in ")
    assert file_index != folder_index
    assert {file_index.parent, folder_index.parent} == {cache / "issue-reader" / "indexes"}
    # Each is still as it was left: neither overwrote the other.
    done, again = index_line(capsys, issue)
    assert again == file_index and done.startswith("Index already up to date (8 articles)")
    done, _ = index_line(capsys, folder)
    assert done.startswith("Index already up to date (9 articles)")
    code, out, _ = run(capsys, "search", str(issue), "供热")
    assert code == 0 and out.startswith("1 article found.")
    code, out, _ = run(capsys, "search", str(folder), "供热")
    assert code == 0 and out.startswith("2 articles found.")


@pytest.mark.parametrize(
    ("count", "words"),
    [(0, "0 articles"), (1, "1 article"), (2, "2 articles"), (1234, "1,234 articles")],
)
def test_counted(count: int, words: str) -> None:
    assert counted(count, "article") == words
    assert counted(count, "match", "matches").endswith("match" if count == 1 else "matches")


def test_one_of_each_is_singular(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "2023-03-06.md").write_text(ONE_ARTICLE, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"")
    code, out, err = run(capsys, "index", str(folder))
    assert code == 0 and out.startswith("Index built: 1 article in ")
    assert f"\n1 file could not be read: see 'issue-reader problems {folder}'" in err
    code, out, _ = run(capsys, "search", str(folder), "供热")
    assert out.startswith("1 article found.")
    code, out, _ = run(capsys, "articles", str(folder), "2023-03-06")
    assert code == 0 and "(1 article)" in out.splitlines()[0]
    (folder / "2023-03-13.md").write_text(
        ONE_ARTICLE.replace("6日", "13日").replace("总7期", "总8期"), encoding="utf-8"
    )
    code, out, _ = run(capsys, "index", str(folder))
    assert code == 0
    assert out.startswith("Index updated: 1 issue added, 0 changed, 0 removed (2 articles)")


NOT_ISSUES = {
    "photo.jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)),
    "README.txt": b"Scans of the 1923 volume, received from the county library.\n",
    "empty.md": b"",
}


@pytest.mark.parametrize("name", sorted(NOT_ISSUES))
@pytest.mark.parametrize(
    "argv",
    [
        ["issues"],
        ["issues", "--json"],
        ["articles", "2023-03-06"],
        ["show", "some-id"],
        ["search", "供热"],
        ["problems"],
        ["index"],
    ],
)
def test_a_file_that_is_no_issue_is_an_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, argv: list[str]
) -> None:
    path = tmp_path / name
    path.write_bytes(NOT_ISSUES[name])
    code, out, err = run(capsys, argv[0], str(path), *argv[1:])
    assert (code, out) == (1, "")
    assert err.startswith(f"issue-reader: error: {name} is not a newspaper issue")
    assert err.count("\n") == 1
    if name == "empty.md":
        assert "(the file is empty)" in err


def test_a_real_issue_file_still_opens(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "2023-03-06.md"
    path.write_text(ONE_ARTICLE, encoding="utf-8")
    code, out, _ = run(capsys, "issues", str(path))
    assert code == 0 and "2023-03-06" in out


def test_a_folder_that_could_not_be_read_is_counted_as_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    shutil.copy(next(SAMPLE_ISSUES.glob("*.txt")), archive / "issue.txt")
    (archive / "empty.txt").write_bytes(b"")
    locked = archive / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("root opens folders whatever their mode (run it under setpriv)")
        assert main(["issues", str(archive)]) == 0
    finally:
        locked.chmod(0o755)
    err = capsys.readouterr().err
    assert f"\n1 file and 1 folder could not be read: see 'issue-reader problems {archive}'" in err
