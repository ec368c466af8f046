"""The national daily's generator: the same bytes again, and a daily's pages, sections, columns."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from reader.library import Library
from tests.generator import national
from tests.generator.generate import main

PAGE_MARK = re.compile(r"^第(\d+)版：(\S+)$", re.M)


@pytest.fixture(scope="module")
def week(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Nine days of the daily (weekdays and two weekends) from seed 1."""
    root = tmp_path_factory.mktemp("daily") / "archive"
    national.generate(root, issues=9, seed=1)
    return root


def test_the_same_arguments_write_the_same_bytes(week: Path, tmp_path: Path) -> None:
    national.generate(tmp_path / "again", issues=9, seed=1)
    national.generate(tmp_path / "other", issues=9, seed=2)
    files = sorted(p.name for p in week.iterdir())
    assert files == sorted(p.name for p in (tmp_path / "again").iterdir())
    assert all((week / f).read_bytes() == (tmp_path / "again" / f).read_bytes() for f in files)
    issues = [f for f in files if f.endswith(".txt")]
    assert all((week / f).read_bytes() != (tmp_path / "other" / f).read_bytes() for f in issues)


def test_the_count_of_characters_is_what_was_written(tmp_path: Path) -> None:
    made, characters = national.generate(tmp_path, issues=2, seed=3)
    assert made == 2
    assert characters == sum(len(p.read_text(encoding="utf-8")) for p in tmp_path.glob("*.txt"))


def test_an_issue_a_day_with_8_to_24_pages_in_section_order(week: Path) -> None:
    files = sorted(week.glob("*.txt"))
    days = [dt.date.fromisoformat(p.name[:10]) for p in files]
    assert days == [national.FIRST_DATE + dt.timedelta(days=n) for n in range(9)]
    for path, day in zip(files, days, strict=True):
        marks = PAGE_MARK.findall(path.read_text(encoding="utf-8"))
        numbers = [int(n) for n, _ in marks]
        assert numbers == list(range(1, len(marks) + 1))
        assert 8 <= len(marks) <= 24
        assert len(marks) <= 12 if day.weekday() >= 5 else len(marks) >= 12
        sections = [s for _, s in marks]
        assert set(national.CORE) <= set(sections)
        assert sections[:2] == ["要闻", "要闻"]
        assert sections == sorted(sections, key=national.ORDER.index)


def test_the_importer_reads_pages_columns_and_the_masthead(week: Path) -> None:
    library = Library.open(week, use_cache=False)
    assert len(library.issues) == 9
    issue = library.issues[0]
    assert issue.publication == national.PUBLICATION
    assert issue.masthead == national.PUBLICATION
    assert issue.date == national.FIRST_DATE
    assert issue.number == str(national.FIRST_NUMBER + 1)
    articles = [a for i in library.issues for a in i.articles]
    # About forty articles an issue, every one on a page of its issue.
    assert 30 * 9 <= len(articles) <= 50 * 9
    for each in library.issues:
        pages = {int(a.page) for a in each.articles}
        assert pages == set(range(1, max(pages) + 1))
    columns = {a.column for a in articles if a.column}
    known = {c for s in national.SECTIONS.values() for c in s.columns}
    assert columns <= known
    assert len(columns) >= 10
    # The comment page's articles mostly sit under a column.
    comment = [
        a
        for i in library.issues
        for a in i.articles
        if a.page == str(national.sections(len({b.page for b in i.articles})).index("评论") + 1)
    ]
    assert sum(bool(a.column) for a in comment) > len(comment) / 2


def test_articles_run_from_short_briefs_to_long_features(week: Path) -> None:
    library = Library.open(week, use_cache=False)
    lengths = sorted(len(a.text) for i in library.issues for a in i.articles)
    assert lengths[len(lengths) // 10] < 500
    assert lengths[-len(lengths) // 10] > 2500
    assert 1000 < sum(lengths) / len(lengths) < 2000


def test_the_command_line_writes_a_national_size(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(tmp_path), "--size", "national-5y", "--issues", "2"]) == 0
    assert "2 issues" in capsys.readouterr().out
    text = (tmp_path / "2015-01-02_00002.txt").read_text(encoding="utf-8")
    assert text.startswith(f"# {national.PUBLICATION}\n")
