"""The item models, checked by qtmodeltester, and what they show."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt

from reader.library import Library
from reader.model import Problem, Reason
from reader.ui.browse.article_list import ArticleListModel
from reader.ui.browse.issue_tree import ISSUE_ID_ROLE, IssueTreeModel
from reader.ui.core.rows import HTML_ROLE, ID_ROLE
from reader.ui.problems.panel import ProblemsModel
from tests.conftest import SAMPLE_ISSUES
from tests.ui.conftest import write_archive


def test_issue_tree_model(qtmodeltester, archive):
    library = Library.open(archive)
    model = IssueTreeModel(library.issues, QLocale("zh_CN"))
    qtmodeltester.check(model)
    january = model.index(0, 0, model.index(1, 0, model.index(0, 0)))
    assert (model.data(january.parent()), model.data(january)) == ("2022年", "1月")
    issue = model.issue_index("2022-01-03-8f9b1ba0")
    assert issue.parent() == january
    assert model.data(issue) == "2022年1月3日 · 总101期"
    assert model.data(issue.siblingAtColumn(1)) == "2"
    assert model.data(issue, ISSUE_ID_ROLE) == "2022-01-03-8f9b1ba0"
    assert model.issue_id(january) is None
    model.set_issues(())
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_issue_tree_counts_articles_per_group(archive):
    model = IssueTreeModel(Library.open(archive).issues)
    publication = model.index(0, 1)
    assert model.data(publication) == "7"
    assert model.data(model.index(0, 1, model.index(0, 0))) == "2"  # 2021


def test_article_list_model(qtmodeltester):
    library = Library.open(SAMPLE_ISSUES)
    issue = library.issues[0]
    model = ArticleListModel()
    model.set_articles([a.id for a in issue.articles], library.article)
    qtmodeltester.check(model)
    assert model.rowCount() == 8
    second = model.index(1, 0)
    assert model.data(second, ID_ROLE) == issue.articles[1].id
    assert model.data(second) == "立足生态优势 深挖文化底蕴 精准发展定位 全力打造精品康养旅游度假区"
    html = model.data(second, HTML_ROLE)
    assert html.index("强在精卫湖") < html.index("<b>立足生态优势")
    assert "【抓党建促基层治理能力提升·长子行】" in model.data(model.index(6, 0), HTML_ROLE)
    assert "headline only" in model.data(model.index(7, 0), HTML_ROLE)
    assert model.row_of(issue.articles[3].id) == 3


def test_problems_model(qtmodeltester):
    empty = Problem("a.txt", Reason.of("empty_file"))
    broken = Problem("b.xml", Reason.of("not_well_formed_xml", detail="EndTag: '</' not found"))
    model = ProblemsModel([empty, broken])
    qtmodeltester.check(model)
    assert model.data(model.index(1, 1)) == broken.reason
    assert model.headerData(0, Qt.Orientation.Horizontal) == "File"


def test_undated_issues_hang_under_undated_named_by_number_or_file(qtmodeltester, tmp_path):
    archive = write_archive(tmp_path / "archive")
    # No date anywhere: one with its number printed, one with nothing but its file name.
    (archive / "special.txt").write_text(
        "# 测试周报\n\n总200期\n\n## 特刊文章\n\n正文。\n", encoding="utf-8"
    )
    (archive / "supplement.txt").write_text(
        "# 测试周报\n\n## 副刊文章\n\n正文。\n\n## 另一篇\n\n正文。\n", encoding="utf-8"
    )
    model = IssueTreeModel(Library.open(archive, use_cache=False).issues)
    qtmodeltester.check(model)
    publication = model.index(0, 0)
    groups = [
        model.data(model.index(r, 0, publication)) for r in range(model.rowCount(publication))
    ]
    assert groups == ["Undated", "2021", "2022"]
    undated = model.index(0, 0, publication)
    labels = [model.data(model.index(r, 0, undated)) for r in range(model.rowCount(undated))]
    assert sorted(labels) == ["supplement.txt", "总200期"]
    # The issues are the group's children: no month level in between.
    for row in range(model.rowCount(undated)):
        assert model.issue_id(model.index(row, 0, undated)) is not None
    assert model.group_keys(undated) == ("测试周报", None)
    assert model.data(undated.siblingAtColumn(1)) == "3"  # articles in the group
