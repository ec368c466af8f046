"""Titles the program makes up (``Page 6``) and its own name, in the interface's language."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from reader.index import Hit, Snippet
from reader.ui import i18n
from reader.ui.core.rows import HTML_ROLE
from reader.ui.reading.article_document import render_article
from reader.ui.search.results_model import hit_html
from tests.formats.test_contract import write_alto_pages
from tests.ui.test_about import open_about


@pytest.fixture
def english():
    yield
    i18n.install(QApplication.instance(), "en")


def titles(window) -> list[str]:
    model = window.article_model
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def test_a_made_up_page_title_is_worded_in_the_interface_language(
    qtbot, qapp, window, tmp_path, english
):
    folder = tmp_path / "alto"
    folder.mkdir()
    write_alto_pages(folder)
    window.open_path(str(folder))
    qtbot.waitUntil(lambda: window.article_model.rowCount() == 2)
    assert titles(window) == ["Page 1", "Page 2"]
    i18n.install(qapp, "zh_CN")
    assert titles(window) == ["第1版", "第2版"]
    # The row names the page once: the made-up title is the page line.
    model = window.article_model
    rows = [model.data(model.index(r, 0), HTML_ROLE) for r in range(model.rowCount())]
    assert [row.count("第1版") + row.count("第2版") for row in rows] == [1, 1], rows
    library = window.session.library
    issue = library.issues[0]
    article = library.with_text(issue.articles[0])
    assert article.title == "Page 1"  # stored (and indexed) as the importer made it
    rendered = render_article(issue, article, palette=QPalette())  # kept: it owns the document
    assert rendered.document.firstBlock().text() == "第1版"
    hit = Hit(article.id, issue.id, "Paper", None, "Page 1", "1", Snippet("The harbour", ()), 1.0)
    assert "<b>第1版</b>" in hit_html(hit)
    # A title that only looks like one (another page's, or the file's own) is left as it is.
    assert "<b>Page 1</b>" in hit_html(dataclasses.replace(hit, page="2"))


def test_a_search_for_the_chinese_words_finds_the_made_up_title(
    qtbot, qapp, window, tmp_path, english
):
    folder = tmp_path / "alto"
    folder.mkdir()
    write_alto_pages(folder)
    (folder / "2022-10-05.txt").write_text(
        "今日长子\n\n2022年10月5日\n\n总1805期\n\n## 县城集中供热\n\n本报讯 详见本报第1版。\n",
        encoding="utf-8",
    )
    i18n.install(qapp, "zh_CN")
    window.open_path(str(folder))
    panel = window.search_panel
    qtbot.waitUntil(lambda: not panel.indexer.running, timeout=60_000)
    # What the window shows the made-up title as (the Chinese of "Page %1") is what is typed.
    typed = QApplication.translate("Rows", "Page %1").replace("%1", "1")
    assert typed == "第1版"
    panel.search(typed)
    model = panel.model
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    shown = {model.data(model.index(r, 0)) for r in range(model.rowCount())}
    assert shown == {"第1版", "县城集中供热"}


def test_the_about_entry_names_the_program_as_the_window_title_does(qtbot, qapp, window, english):
    i18n.install(qapp, "zh_CN")
    name = QApplication.translate("MainWindow", "Issue Reader")
    assert name == "Issue Reader 报刊阅读器"
    qtbot.waitUntil(lambda: window.action_set.about.text() == f"关于 {name}(&A)")
    assert open_about(window).windowTitle() == f"关于 {name}"
