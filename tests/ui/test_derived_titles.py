"""Titles made from the first words, as the window shows them: in italics, never an empty row."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QTextCursor

from reader.index import Hit, Snippet
from reader.library import Library
from reader.ui.browse.article_list import ArticleListModel
from reader.ui.core.rows import HTML_ROLE
from reader.ui.reading.article_document import render_article
from reader.ui.search.results_model import hit_html
from tests.formats.test_bl_hmd import METS, PAGE_1, PAGE_2

NOTICE = "Notice is given to creditors"


def _library(tmp_path: Path) -> Library:
    (tmp_path / "issue_mets.xml").write_text(METS, encoding="utf-8")
    (tmp_path / "issue_0001.xml").write_text(PAGE_1, encoding="utf-8")
    (tmp_path / "issue_0002.xml").write_text(PAGE_2, encoding="utf-8")
    return Library.open(tmp_path)


def test_the_article_list_sets_a_derived_title_in_italics(qtmodeltester, tmp_path):
    library = _library(tmp_path)
    (issue,) = library.issues
    model = ArticleListModel()
    model.set_articles([a.id for a in issue.articles], library.article)
    qtmodeltester.check(model)
    rows = [model.index(r, 0) for r in range(model.rowCount())]
    assert all(model.data(i) for i in rows)  # never an empty row
    notice = rows[1]
    assert model.data(notice) == NOTICE
    assert f"<b><i>{NOTICE}</i></b>" in model.data(notice, HTML_ROLE)
    assert "first words" in model.data(notice, Qt.ItemDataRole.ToolTipRole)
    assert "<i>" not in model.data(rows[0], HTML_ROLE)
    assert "first words" not in model.data(rows[0], Qt.ItemDataRole.ToolTipRole)


def _title_italic(issue, article) -> bool:
    rendered = render_article(issue, article, palette=QPalette())
    position, text = rendered.fields["title"]
    cursor = QTextCursor(rendered.document)
    cursor.setPosition(position + 1)
    assert text == article.title
    return cursor.charFormat().fontItalic()


def test_the_text_pane_sets_a_derived_title_in_italics(qapp, tmp_path):
    library = _library(tmp_path)
    (issue,) = library.issues
    first, notice = (library.with_text(a) for a in issue.articles[:2])
    assert _title_italic(issue, notice)
    assert not _title_italic(issue, first)


def test_a_hit_with_a_derived_title_is_in_italics(qapp):
    start = NOTICE.index("creditors")
    span = (start, start + len("creditors"))
    hit = Hit("a", "i", "Courier", None, NOTICE, "1", Snippet(NOTICE, (span,)), 1.0)
    assert "<i>" not in hit_html(hit)
    derived = dataclasses.replace(hit, title_derived=True, title_spans=(span,))
    html = hit_html(derived)
    assert '<b><i>Notice is given to <span class="hit">creditors</span></i></b>' in html
