"""The article as set in the text pane, and search spans mapped to Qt's UTF-16 positions."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QPalette, QTextCursor, QTextDocument

from reader.model import Article, Issue
from reader.ui.article_document import document_span, render_article, utf16_length
from reader.ui.text_pane import Span, TextPane

ARTICLE = Article(
    id="i-01",
    issue_id="i",
    title="𠮷祥村通路",
    kicker="岁末",
    subtitle="村民出行更方便",
    column="乡村",
    authors=("陈静",),
    page="2",
    paragraphs=("𠮷祥村修通了新路。", "村民说𠮷祥村的供热也快通了，供热管道已铺好。"),
    language="zh-Hans",
)
ISSUE = Issue(
    id="i",
    publication="测试周报",
    date=dt.date(2022, 1, 3),
    numbers_printed=("总101期",),
    articles=(ARTICLE,),
)


def text_at(document, span):
    cursor = QTextCursor(document)
    cursor.setPosition(span[0])
    cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def test_utf16_length():
    assert utf16_length("𠮷祥") == 3
    assert utf16_length("abc") == 3


def test_layout_order_like_a_newspaper(qapp):
    rendered = render_article(ISSUE, ARTICLE, palette=QPalette())
    lines = rendered.document.toPlainText().split("\n")
    assert lines[:6] == [
        "岁末",
        "𠮷祥村通路",
        "村民出行更方便",
        "【乡村】",
        "By 陈静",
        "测试周报 · 2022-01-03 · 总101期 · page 2",
    ]
    assert lines[-2:] == list(ARTICLE.paragraphs)


def test_spans_after_characters_beyond_the_bmp_land_exactly(qapp):
    rendered = render_article(ISSUE, ARTICLE, palette=QPalette())
    text = ARTICLE.text
    for start in [i for i in range(len(text)) if text.startswith("供热", i)] + [
        text.index("𠮷", 5)
    ]:
        end = start + (2 if text[start] == "供" else 3)
        span = document_span(rendered, "body", start, end)
        assert text_at(rendered.document, span) == text[start:end]
    title_span = document_span(rendered, "title", 1, 3)
    assert text_at(rendered.document, title_span) == "祥村"


def test_pane_highlights_and_steps_through_matches(qtbot):
    pane = TextPane()
    qtbot.addWidget(pane)
    pane.resize(500, 200)
    pane.show()
    text = ARTICLE.text
    spans = [Span("body", i, i + 2) for i in range(len(text)) if text.startswith("供热", i)]
    spans.append(Span("title", 0, 1))
    pane.show_article(ISSUE, ARTICLE, spans=spans)
    assert pane.match_count == 3
    selections = pane.browser.extraSelections()
    assert [s.cursor.selectedText() for s in selections] == ["𠮷", "供热", "供热"]
    reported = []
    pane.matches_changed.connect(lambda current, total: reported.append((current, total)))
    pane.next_match()
    pane.next_match()
    assert reported == [(0, 3), (1, 3)]
    assert pane.browser.textCursor().position() == selections[1].cursor.selectionStart()
    pane.previous_match()
    pane.previous_match()
    assert reported[-1] == (2, 3)  # wraps around


def test_original_text_mode_finds_the_matched_words(qtbot):
    pane = TextPane()
    qtbot.addWidget(pane)
    text = ARTICLE.text
    start = text.index("供热")
    pane.show_article(
        ISSUE,
        ARTICLE,
        original_text="村民说𠮷祥村的供\n热也快通了",
        spans=[Span("body", start, start + 2)],
    )
    # The original breaks 供热 over a line: what is found is found by the words themselves.
    assert pane.match_count == 0
    pane.show_article(
        ISSUE,
        ARTICLE,
        original_text="村民说𠮷祥村的供热\n也快通了，供热管道",
        spans=[Span("body", start, start + 2)],
    )
    assert pane.match_count == 2


def test_documents_of_articles_read_before_are_deleted(qtbot):
    pane = TextPane()
    qtbot.addWidget(pane)
    other = Article(id="i-02", issue_id="i", title="另一篇", paragraphs=("正文。",))
    for _ in range(5):
        pane.show_article(ISSUE, ARTICLE)
        pane.show_article(ISSUE, other)
    pane.set_zoom(2)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert len(pane.browser.findChildren(QTextDocument)) == 1
