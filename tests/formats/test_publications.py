"""One publication per paper: masthead spellings folded (Traditional/Simplified, width, case)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.formats.publications import fold_name
from reader.library import Library
from tests.conftest import SAMPLE_ISSUES

ISSUE = "# {masthead}\n\n{date}\n\n## 第一篇\n\n本报讯 正文。\n"


def write_issue(folder: Path, name: str, masthead: str, date: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(ISSUE.format(masthead=masthead, date=date), encoding="utf-8")


def publications(folder: Path) -> list[str]:
    return [i.publication for i in Library.open(folder, use_cache=False).issues]


@pytest.mark.parametrize(
    ("spelling", "folded"),
    [
        ("今日長子", "今日长子"),
        ("今日 长子", "今日长子"),
        ("ＰＥＯＰＬＥ'Ｓ  Daily", "people's daily"),
        ("Le Monde", "le monde"),
        ("人民日報", "人民日报"),
        ("", ""),
    ],
)
def test_fold_name(spelling, folded):
    assert fold_name(spelling) == folded


def test_traditional_masthead_joins_the_declared_publication(tmp_path):
    archive = tmp_path / "archive"
    shutil.copytree(SAMPLE_ISSUES, archive)
    write_issue(archive, "traditional.txt", "今日長子", "2022年9月26日")
    write_issue(archive, "misread.txt", "今日長孑", "2022年10月3日")
    library = Library.open(archive, use_cache=False)
    assert len(library.issues) == 3
    assert {i.publication for i in library.issues} == {"今日长子"}
    # The masthead stays as printed.
    assert {i.masthead for i in library.issues} >= {"今日長子", "今日長孑"}


def test_width_and_case_of_a_declared_masthead_do_not_matter(tmp_path):
    (tmp_path / "archive.toml").write_text(
        'publication = "Weekly Post"\nmastheads = ["THE WEEKLY POST"]\n', encoding="utf-8"
    )
    write_issue(tmp_path, "a.txt", "ＴＨＥ ＷＥＥＫＬＹ ＰＯＳＴ", "2022年9月26日")
    write_issue(tmp_path, "b.txt", "weekly post", "2022年10月3日")
    write_issue(tmp_path, "c.txt", "Evening Star", "2022年10月3日")
    assert sorted(publications(tmp_path)) == ["Evening Star", "Weekly Post", "Weekly Post"]


def test_without_settings_spellings_that_fold_equal_are_one_publication(tmp_path):
    write_issue(tmp_path, "1.txt", "週報", "2022年9月19日")
    write_issue(tmp_path, "2.txt", "週報", "2022年9月26日")
    write_issue(tmp_path, "3.txt", "周报", "2022年10月3日")
    write_issue(tmp_path, "4.txt", "晚报", "2022年10月3日")
    # Named by the spelling most issues print, even when it is the Traditional one.
    assert sorted(publications(tmp_path)) == ["晚报", "週報", "週報", "週報"]
    write_issue(tmp_path, "5.txt", "周报", "2022年10月10日")
    write_issue(tmp_path, "6.txt", "周報", "2022年10月17日")
    # Two 週報, two 周报 and one 周報: a tie, which the Simplified spelling wins.
    assert sorted(publications(tmp_path)) == ["周报"] * 5 + ["晚报"]
