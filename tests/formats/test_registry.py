"""Opening whole folders: nested layouts, mixed and broken files, read-only archives."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest

from reader.formats import load_archive, open_source
from reader.library import Library
from reader.model import CorruptArchive, Problem, Reason

ISSUE = "# 周报\n\n{date}\n总{n}期\n\n## 第一篇\n\n本报讯 正文。\n\n张三 李四\n\n## 第二篇\n\n正文二。\n"


def write_issue(path: Path, date: str, n: int, encoding: str = "utf-8") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(ISSUE.format(date=date, n=n).encode(encoding))


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
    }


def test_nested_year_month_folders_sorted_by_date(tmp_path):
    write_issue(tmp_path / "2022" / "10" / "b.txt", "2022年10月3日", 12)
    write_issue(tmp_path / "2022" / "09" / "a.md", "2022年9月26日", 11)
    write_issue(tmp_path / "2021" / "12" / "c.txt", "2021年12月27日", 1)
    library = Library.open(tmp_path)
    assert [i.date for i in library.issues] == [
        dt.date(2021, 12, 27),
        dt.date(2022, 9, 26),
        dt.date(2022, 10, 3),
    ]
    assert [i.source for i in library.issues] == ["2021/12/c.txt", "2022/09/a.md", "2022/10/b.txt"]
    assert library.problems == ()


def test_bad_files_become_problems_and_the_rest_loads(tmp_path):
    write_issue(tmp_path / "good.txt", "2022年9月26日", 11)
    write_issue(tmp_path / "gbk.txt", "2022年9月19日", 10, encoding="gb18030")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.md").write_bytes(b"\x00\x01\x02## \xff\xfe" * 100)
    (tmp_path / "notes.txt").write_text("Just some notes, no headings.\n", encoding="utf-8")
    (tmp_path / "truncated.txt").write_bytes(ISSUE.format(date="2022年9月12日", n=9).encode()[:62])
    (tmp_path / "scan.jpg").write_bytes(b"\xff\xd8\xff\xe0")  # page images are not issues
    library = Library.open(tmp_path)
    assert sorted(i.number for i in library.issues) == ["10", "11", "9"]
    truncated = next(i for i in library.issues if i.number == "9")
    assert [a.title for a in truncated.articles] == ["第一篇"]
    reasons = {p.source: p.reason for p in library.problems}
    assert set(reasons) == {"empty.txt", "binary.md", "notes.txt"}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.md"] or "not a recognised" in reasons["binary.md"]
    assert "not a recognised" in reasons["notes.txt"]


def test_unreadable_file_is_a_problem(tmp_path):
    write_issue(tmp_path / "locked.txt", "2022年9月26日", 11)
    (tmp_path / "locked.txt").chmod(0)
    if os.access(tmp_path / "locked.txt", os.R_OK, effective_ids=True):
        pytest.skip("root reads files whatever their mode (run it under setpriv without DAC caps)")
    library = Library.open(tmp_path)
    assert library.issues == ()
    assert library.problems == (Problem("locked.txt", Reason("permission_denied")),)


def test_os_errors_are_reasons_of_their_own(tmp_path):
    (tmp_path / "sub").mkdir()
    source = open_source(tmp_path)
    with pytest.raises(CorruptArchive) as folder:
        source.read_bytes("sub")
    assert folder.value.reason == Reason("is_a_folder")
    with pytest.raises(CorruptArchive) as missing:
        list(source.chunks("missing.txt", 1024))
    assert missing.value.reason == Reason("no_such_path")


def test_file_that_vanishes_or_dangles_is_a_problem(tmp_path):
    write_issue(tmp_path / "good.txt", "2022年9月26日", 11)
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    library = Library.open(tmp_path)
    assert [i.number for i in library.issues] == ["11"]
    assert library.problems == (Problem("gone.txt", Reason("link_to_nothing")),)


def test_empty_folder_opens_with_nothing(tmp_path):
    library = Library.open(tmp_path)
    assert library.issues == ()
    assert library.problems == ()


def test_missing_path_is_an_error(tmp_path):
    with pytest.raises(CorruptArchive, match="no such file"):
        Library.open(tmp_path / "nowhere")


def test_single_file_opens_as_an_archive(tmp_path):
    write_issue(tmp_path / "2022" / "one.txt", "2022年9月26日", 11)
    write_issue(tmp_path / "2022" / "other.txt", "2022年9月19日", 10)
    library = Library.open(tmp_path / "2022" / "one.txt")
    assert [i.number for i in library.issues] == ["11"]


def test_archive_folder_is_never_written(tmp_path):
    archive = tmp_path / "archive"
    write_issue(archive / "2022" / "a.txt", "2022年9月26日", 11)
    (archive / "archive.toml").write_text('publication = "周报"\n', encoding="utf-8")
    before = snapshot(archive)
    for path in [archive, *archive.rglob("*")]:
        path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    try:
        library = Library.open(archive)
        assert library.issues[0].publication == "周报"
        library.original_text(library.issues[0].articles[0].id)
    finally:
        for path in [archive, *archive.rglob("*")]:
            path.chmod(path.stat().st_mode | stat.S_IWUSR)
    assert snapshot(archive) == before


def test_symlink_leaving_the_archive_is_not_followed(tmp_path):
    outside = tmp_path / "outside.txt"
    write_issue(outside, "2022年9月26日", 11)
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "link.txt").symlink_to(outside)
    assert open_source(archive).names() == []
    with pytest.raises(CorruptArchive, match="outside"):
        open_source(archive).read_bytes("../outside.txt")


def test_broken_settings_file_is_a_problem(tmp_path):
    write_issue(tmp_path / "a.txt", "2022年9月26日", 11)
    (tmp_path / "archive.toml").write_text("publication = [unclosed\n", encoding="utf-8")
    archive = load_archive(open_source(tmp_path))
    assert archive.issues[0].publication == "周报"
    assert archive.problems[0].source == "archive.toml"
    assert "TOML" in archive.problems[0].reason


def test_settings_map_masthead_misreads(tmp_path):
    write_issue(tmp_path / "a.txt", "2022年9月26日", 11)
    (tmp_path / "b.txt").write_text(
        ISSUE.format(date="2022年10月3日", n=12).replace("周报", "周扳")
    )
    (tmp_path / "archive.toml").write_text(
        'publication = "周报"\nmastheads = ["周扳"]\nlanguage = "zh-Hans"\n', encoding="utf-8"
    )
    library = Library.open(tmp_path)
    assert {i.publication for i in library.issues} == {"周报"}
    assert {i.masthead for i in library.issues} == {"周报", "周扳"}
    assert library.issues[0].articles[0].language == "zh-Hans"


def test_zip_inside_a_folder_is_explained(tmp_path):
    import zipfile

    write_issue(tmp_path / "a.txt", "2022年9月26日", 11)
    with zipfile.ZipFile(tmp_path / "more.zip", "w") as archive:
        archive.writestr("b.txt", ISSUE.format(date="2022年10月3日", n=12))
    library = Library.open(tmp_path)
    assert [i.number for i in library.issues] == ["11"]
    (problem,) = library.problems
    assert problem.source == "more.zip"
    assert "zip inside the archive" in problem.reason


def test_long_prolog_before_the_first_heading_is_still_recognised(tmp_path):
    front = "# 周报\n\n2022年9月26日\n\n" + "出版说明。" * 700 + "\n\n"
    (tmp_path / "a.txt").write_text(front + "## 标题\n\n正文。\n", encoding="utf-8")
    assert len(front.encode()) > 4096
    (issue,) = Library.open(tmp_path).issues
    assert issue.articles[0].title == "标题"


def test_big5_and_utf16_issue_files_load_like_utf8(tmp_path):
    traditional = "# 週報\n\n2022年9月26日\n總11期\n\n## 第一篇報導\n\n本報訊 正文。\n\n張三 李四\n"
    (tmp_path / "big5.txt").write_bytes(traditional.encode("big5"))
    (tmp_path / "utf16.txt").write_bytes(ISSUE.format(date="2022年10月3日", n=12).encode("utf-16"))
    library = Library.open(tmp_path)
    assert library.problems == ()
    by_number = {i.number: i for i in library.issues}
    # 週報 and 周报 are one publication; one issue each, so the Simplified spelling names it.
    assert by_number["11"].masthead == "週報"
    assert {i.publication for i in library.issues} == {"周报"}
    assert by_number["11"].numbers_printed == ("總11期",)
    assert by_number["11"].articles[0].title == "第一篇報導"
    assert by_number["11"].articles[0].authors == ("張三", "李四")
    assert by_number["12"].articles[1].title == "第二篇"


@pytest.mark.parametrize(
    "name",
    [
        "PROVENANCE.txt",
        "LICENSE",
        "LICENSE.md",
        "README",
        "README.md",
        "readme.txt",
        "COPYING",
        "NOTICE",
        "CHANGELOG",
        "CHANGELOG.md",
        "docs/AUTHORS.rst",
        "LICENSE.impresso-text-acquisition",
        "METADATA.yml",
        "manifest.yaml",
        "data/imageurls.list",
        "info.json",
        "sub/.DS_Store",
        "desktop.ini",
    ],
)
def test_documentation_files_are_not_problems(tmp_path, name):
    write_issue(tmp_path / "2022" / "a.txt", "2022年9月26日", 11)
    doc = tmp_path / name
    doc.parent.mkdir(parents=True, exist_ok=True)
    doc.write_text("Where these scans came from, and who may use them.\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("Not documentation by name.\n", encoding="utf-8")
    # A broken page named like documentation is still read, and still a problem.
    (tmp_path / "README.xml").write_text("<alto><Layout", encoding="utf-8")
    library = Library.open(tmp_path, use_cache=False)
    assert [i.number for i in library.issues] == ["11"]
    assert [p.source for p in library.problems] == ["README.xml", "notes.txt"]
