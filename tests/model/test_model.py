"""The model's small behaviours: ids, labels, settings lookups."""

from __future__ import annotations

from reader.model import Archive, ArchiveSettings, Article, Issue, Problem, Reason, stable_id


def test_stable_id_is_deterministic_and_separates_parts():
    assert stable_id("a", "bc") == stable_id("a", "bc")
    assert stable_id("a", "bc") != stable_id("ab", "c")
    assert len(stable_id("x", length=6)) == 6


def test_settings_map_aliases_only_when_named():
    settings = ArchiveSettings(publication="今日长子", aliases=("今日长孑",))
    assert settings.publication_for("今日长孑") == "今日长子"
    assert settings.publication_for(" 今日长子 ") == "今日长子"
    assert settings.publication_for("人民日报") == "人民日报"
    assert settings.publication_for("") == "今日长子"
    assert ArchiveSettings().publication_for("") == ""


def test_archive_lookups_and_problems():
    article = Article(id="i-01", issue_id="i", title="t", paragraphs=("", " "))
    empty = Problem("b", Reason.of("empty_file"))
    issue = Issue(id="i", publication="p", date=None, articles=(article,), problems=(empty,))
    archive = Archive(
        root="/r", issues=(issue,), problems=(Problem("a", Reason.of("binary_data")),)
    )
    assert archive.issue("i") is issue
    assert archive.article("i-01") == (issue, article)
    assert archive.article("nope") is None
    assert archive.article_count == 1
    assert [p.source for p in archive.all_problems] == ["a", "b"]
    assert not article.has_text
